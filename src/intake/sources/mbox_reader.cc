#include "intake/sources/mbox_reader.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace svar::intake {
namespace {

constexpr size_t kStdioBuffer = 1 << 20;

// ">From " -> "From ", ">>From " -> ">From " (mboxrd); other lines are left alone.
void AppendUnquoted(std::string& out, std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == '>') ++n;
  if (n > 0 && line.substr(n).starts_with("From ")) line.remove_prefix(1);
  out.append(line);
}

// Drops one blank line at the end of `s` (the separator blank line of the mbox format).
void TrimSeparatorBlank(std::string& s) {
  if (s.ends_with("\r\n") && (s.size() == 2 || s[s.size() - 3] == '\n')) {
    s.resize(s.size() - 2);
  } else if (s.ends_with("\n") && (s.size() == 1 || s[s.size() - 2] == '\n')) {
    s.resize(s.size() - 1);
  }
}

bool OnlyBlank(std::string_view s) {
  return s.find_first_not_of("\r\n \t") == std::string_view::npos;
}

}  // namespace

bool IsHeaderLine(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == ':') return i > 0;
    if (c <= 32 || c >= 127) return false;
    ++i;
  }
  return false;
}

bool IsBlankLine(std::string_view line) {
  return line.empty() || line == "\n" || line == "\r\n";
}

MboxReader::~MboxReader() {
  if (owned_ && file_) std::fclose(file_);
  std::free(buf_);
}

Status MboxReader::Open(const std::string& path) {
  path_ = path;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    int e = errno;
    ErrorCode code = e == ENOENT   ? ErrorCode::kNotFound
                     : e == EACCES ? ErrorCode::kPermissionDenied
                                   : ErrorCode::kIo;
    return Fail(code, path + ": cannot open (" + std::strerror(e) + ")");
  }
  std::setvbuf(f, nullptr, _IOFBF, kStdioBuffer);
  file_ = f;
  owned_ = true;
  return Ok();
}

void MboxReader::Attach(std::FILE* file) {
  file_ = file;
  owned_ = false;
}

bool MboxReader::ReadLine() {
  if (have_line_) {
    have_line_ = false;
    return true;
  }
  if (eof_ || !file_) return false;
  errno = 0;
  ssize_t n = ::getline(&buf_, &cap_, file_);
  if (n < 0) {
    if (std::ferror(file_)) error_ = errno ? errno : EIO;
    eof_ = true;
    return false;
  }
  line_.assign(buf_, static_cast<size_t>(n));
  offset_ += static_cast<uint64_t>(n);
  return true;
}

Result<std::optional<MboxMessage>> MboxReader::Next() {
  auto io_error = [&]() {
    return Fail(ErrorCode::kIo, (path_.empty() ? std::string("mbox") : path_) +
                                    ": read failed (" + std::strerror(error_) + ")");
  };
  // Finishes current_ as a message ending at `end`; nullopt when it has no content.
  auto take = [&](uint64_t end) -> std::optional<MboxMessage> {
    std::string bytes = std::move(current_);
    current_.clear();
    TrimSeparatorBlank(bytes);
    if (OnlyBlank(bytes)) return std::nullopt;
    return MboxMessage{std::move(bytes), ++index_, end};
  };

  for (;;) {
    if (!ReadLine()) {
      if (error_) return io_error();
      if (!in_message_) return std::optional<MboxMessage>();
      in_message_ = false;
      return take(offset_);
    }
    const bool from = line_.starts_with("From ");
    if (at_start_) {
      at_start_ = false;
      in_message_ = true;
      prev_blank_ = false;
      if (from) continue;  // the first separator
    } else if (from && prev_blank_) {
      // A candidate separator: it is one only when a header line follows.
      std::string candidate = std::move(line_);
      const bool more = ReadLine();
      if (!more && error_) return io_error();
      if (more && IsHeaderLine(line_)) {
        have_line_ = true;  // the header line starts the next message
        prev_blank_ = false;
        auto done = take(offset_ - line_.size() - candidate.size());
        if (done) return done;
        continue;
      }
      AppendUnquoted(current_, candidate);
      prev_blank_ = false;
      if (more) have_line_ = true;
      continue;
    }
    AppendUnquoted(current_, line_);
    prev_blank_ = IsBlankLine(line_);
  }
}

}  // namespace svar::intake
