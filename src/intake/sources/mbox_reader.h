// MboxReader: streams the messages of an mbox file (mboxo/mboxrd) one at a time with a
// buffered reader, so a file of many gigabytes needs memory for one message only.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "core/result.h"

namespace svar::intake {

struct MboxMessage {
  std::string bytes;     // the message without its From_ line, ">From " unquoted
  int64_t index = 0;     // 1 for the first message of the file
  uint64_t end_offset = 0;  // bytes of the file consumed up to the end of this message
};

// Splitting rules:
// - A separator is a line starting with "From " that is the first line of the file, or that
//   follows a blank line AND is itself followed by a header line ("Name: value"). The second
//   condition keeps unquoted "From " lines in bodies of mboxo files inside their message.
// - The separator line is dropped; the blank line before a separator (and one trailing blank
//   line at the end of the file) belongs to the mbox format and is dropped too. Every other
//   byte, line endings included (LF or CRLF), is kept.
// - mboxrd quoting is undone: a line ">From " becomes "From ", ">>From " becomes ">From ".
// - Messages with no bytes at all are skipped.
class MboxReader {
 public:
  MboxReader() = default;
  ~MboxReader();
  MboxReader(const MboxReader&) = delete;
  MboxReader& operator=(const MboxReader&) = delete;

  // Opens `path` for reading. kNotFound / kPermissionDenied / kIo with the path in the message.
  Status Open(const std::string& path);
  // Reads from an already open stream (tests); the reader does not close it.
  void Attach(std::FILE* file);

  // The next message, std::nullopt at the end of the file, or kIo when reading fails.
  Result<std::optional<MboxMessage>> Next();

  uint64_t offset() const { return offset_; }

 private:
  bool ReadLine();  // into line_; false at end of file or on error (error_ set)

  std::FILE* file_ = nullptr;
  bool owned_ = false;
  std::string path_;
  char* buf_ = nullptr;  // getline() buffer
  size_t cap_ = 0;
  std::string line_;
  bool have_line_ = false;      // line_ holds a line read ahead and not yet consumed
  bool at_start_ = true;        // nothing read yet
  bool prev_blank_ = false;
  bool eof_ = false;
  int error_ = 0;               // errno of a failed read
  int64_t index_ = 0;
  uint64_t offset_ = 0;         // bytes read so far (including a line held in line_)
  std::string current_;         // the message being assembled
  bool in_message_ = false;
};

// True when `line` (with or without its line ending) starts an RFC 5322 header field:
// printable ASCII without ':' or space, then ':'.
bool IsHeaderLine(std::string_view line);
// True for "" , "\n" and "\r\n".
bool IsBlankLine(std::string_view line);

}  // namespace svar::intake
