// File inputs for `svar import`: single message files (.eml), mbox files, Maildir folders and
// directory trees of them. CollectInputs finds and sniffs; ReadInput streams the messages of
// one input into a MailSink.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "intake/sources/raw_mail.h"

namespace svar::intake {

enum class InputKind {
  kMessage,     // one message per file (.eml, a Maildir file, any file with a header block)
  kMbox,        // one or many messages separated by "From " lines
  kNotMail,     // a readable file that is not mail: skipped, `reason` says why
  kUnreadable,  // a file inside a walked directory that could not be opened: skipped
};

struct Input {
  InputKind kind = InputKind::kMessage;
  std::string path;
  // Prefix of RawMail::source: "file:PATH", "maildir:PATH", "mbox:PATH" (ReadInput appends
  // "#N" for the N-th message of an mbox).
  std::string source;
  uint64_t size = 0;   // bytes on disk (for a progress bar by bytes)
  std::string reason;  // kNotMail / kUnreadable: "binary data", "empty file", "no header
                       // lines at the start", "cannot be read (Permission denied)", ...
};

// Resolves the paths given on the command line into inputs, in a stable order (each path in
// the order given, directory entries sorted by name):
// - a regular file: sniffed by content: first line "From " followed by a header line = mbox
//   (an empty file named *.mbox = an mbox with no messages); a header block = one message;
//   otherwise kNotMail with the reason.
// - a Maildir folder (has cur/ and new/): the files in cur/ and new/ (tmp/ is skipped, it
//   holds deliveries in progress), then its Maildir++ subfolders (.Name with cur/ and new/).
// - any other directory: walked recursively; hidden entries, Dovecot index files
//   (dovecot*, subscriptions, maildirfolder) and symlinked directories are skipped, Maildir
//   folders inside are recognised, every other file is sniffed as above.
// Fails with one line naming the path and the fix when a given path does not exist (kNotFound)
// or cannot be read (kPermissionDenied); problems with files found inside a directory are
// reported as kNotMail / kUnreadable entries instead, so one stray file never stops a run.
Result<std::vector<Input>> CollectInputs(const std::vector<std::string>& paths);

// Sum of Input::size over the inputs that will be read (kMessage and kMbox).
uint64_t TotalBytes(const std::vector<Input>& inputs);

// How the content of a file's first bytes looks. `reason` is set for kNotMail.
struct Sniff {
  InputKind kind = InputKind::kNotMail;
  std::string reason;
};
// `head` is the start of the file (up to 64 KiB); `name` is only used for the empty-mbox case.
// Mail (and mbox) only when svar::mail::LooksLikeMail(head) agrees, so the parser accepts
// whatever import hands it.
Sniff SniffContent(std::string_view head, std::string_view name = {});

struct SinkFailure {
  std::string source;
  Error error;
};

struct ReadStats {
  int64_t messages = 0;       // messages handed to the sink
  int64_t committed = 0;      // ... for which it returned Ok
  uint64_t bytes = 0;         // bytes of input consumed (separators included)
  int64_t sink_failures = 0;  // ... for which it returned a (non-temporary) error
  std::vector<SinkFailure> failures;  // the first kMaxRecordedFailures of them

  static constexpr size_t kMaxRecordedFailures = 1000;
};

// Called after each message with the stats of the current input so far.
using ReadProgress = std::function<void(const ReadStats&)>;

// Streams the messages of one input (kMessage or kMbox; other kinds return Ok at once) into
// `sink`, adding to `*stats` (not reset). A sink error that is not temporary is counted and
// recorded and reading goes on with the next message; a temporary one (busy, unavailable, I/O,
// timeout) stops reading and is returned, so the caller can retry later. A file that cannot
// be read returns kIo / kNotFound / kPermissionDenied naming it. mbox files are read with a
// buffered reader: memory use is bounded by the largest message, not the file.
Status ReadInput(const Input& input, const MailSink& sink, ReadStats* stats,
                 const ReadProgress& progress = {});

}  // namespace svar::intake
