// Parsing one message: MIME (GMime), charsets to UTF-8, HTML to text and sanitised HTML,
// quoted history and signature split off. This folder is the only place that includes
// <gmime/gmime.h>.
#pragma once

#include <string>
#include <string_view>

#include "core/deadline.h"
#include "core/result.h"
#include "mail/parsed_message.h"

namespace svar::mail {

// Initialises GMime once per process. Call before starting threads; idempotent.
void InitMail();

struct ParseOptions {
  Deadline deadline = Deadline::Never();  // checked between parts and inside HTML conversion
  int64_t max_parts = 10000;     // more parts than this: the rest are skipped with a warning
  int max_depth = 32;            // nesting of multipart/message parts
};

// Parses raw bytes (CRLF or LF line ends; an mbox "From " first line is skipped).
// Fails only when the input is not a mail message at all (kParse) or the deadline passed
// (kTimeout); everything else is repaired with a warning.
Result<ParsedMessage> ParseMessage(std::string_view raw, const ParseOptions& options = {});

struct PartContent {
  std::string content_type;
  std::string filename;
  std::string bytes;  // decoded (base64/quoted-printable removed)
};

// Cuts one part (by AttachmentInfo::part_path) out of a raw message.
Result<PartContent> ExtractPart(std::string_view raw, std::string_view part_path);

// True when the bytes look like an RFC 5322 message (a header block) or an mbox. Used to
// reject files that are not mail with a clear error instead of quarantining them.
bool LooksLikeMail(std::string_view head);

}  // namespace svar::mail
