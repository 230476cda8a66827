#include "intake/sources/file_inputs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "intake/sources/mbox_reader.h"
#include "mail/parse.h"

namespace svar::intake {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 64 * 1024;

std::string_view FirstLine(std::string_view s, size_t* next) {
  size_t nl = s.find('\n');
  *next = nl == std::string_view::npos ? s.size() : nl + 1;
  return s.substr(0, *next);
}

bool LooksBinary(std::string_view head) {
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 27) {
      ++control;
    }
  }
  return control * 100 > head.size();  // more than 1% control characters
}

bool IsHiddenOrIndex(const std::string& name) {
  return name.empty() || name[0] == '.' || name.starts_with("dovecot") ||
         name == "subscriptions" || name == "maildirfolder" || name == "courierimapkeywords" ||
         name == "courierimapuiddb";
}

bool IsMaildir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "cur", ec) && fs::is_directory(dir / "new", ec);
}

std::vector<fs::directory_entry> SortedEntries(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::directory_entry> entries;
  fs::directory_iterator it(dir, ec);
  if (ec) return entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return entries;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  return entries;
}

Input Skipped(const fs::path& p, InputKind kind, std::string reason, uint64_t size = 0) {
  Input in;
  in.kind = kind;
  in.path = p.string();
  in.size = size;
  in.reason = std::move(reason);
  return in;
}

std::string ErrnoText(int e) { return std::strerror(e); }

// Sniffs one regular file found by the walk (or given directly).
Input SniffFile(const fs::path& p, uint64_t size) {
  std::FILE* f = std::fopen(p.c_str(), "rb");
  if (!f) {
    return Skipped(p, InputKind::kUnreadable, "cannot be read (" + ErrnoText(errno) + ")", size);
  }
  std::string head(std::min<uint64_t>(size, kSniffBytes), '\0');
  size_t n = head.empty() ? 0 : std::fread(head.data(), 1, head.size(), f);
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Skipped(p, InputKind::kUnreadable, "cannot be read (I/O error)", size);
  head.resize(n);
  Sniff sniff = SniffContent(head, p.filename().string());
  Input in;
  in.kind = sniff.kind;
  in.path = p.string();
  in.size = size;
  in.reason = std::move(sniff.reason);
  if (in.kind == InputKind::kMbox) in.source = "mbox:" + in.path;
  if (in.kind == InputKind::kMessage) in.source = "file:" + in.path;
  return in;
}

void AddMaildir(const fs::path& dir, std::vector<Input>& out) {
  for (const char* sub : {"cur", "new"}) {
    std::error_code ec;
    auto entries = SortedEntries(dir / sub, ec);
    if (ec) {
      out.push_back(Skipped(dir / sub, InputKind::kUnreadable,
                            "cannot be read (" + ec.message() + ")"));
      continue;
    }
    for (const auto& e : entries) {
      std::string name = e.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::error_code ec2;
      if (!e.is_regular_file(ec2)) continue;
      uint64_t size = e.file_size(ec2);
      if (ec2) size = 0;
      if (size == 0) {
        out.push_back(Skipped(e.path(), InputKind::kNotMail, "empty file"));
        continue;
      }
      Input in;
      in.kind = InputKind::kMessage;
      in.path = e.path().string();
      in.source = "maildir:" + in.path;
      in.size = size;
      out.push_back(std::move(in));
    }
  }
  // Maildir++ subfolders: .Sent, .Archive.2024, ...
  std::error_code ec;
  for (const auto& e : SortedEntries(dir, ec)) {
    std::string name = e.path().filename().string();
    std::error_code ec2;
    if (name.size() > 1 && name[0] == '.' && name != ".." && !e.is_symlink(ec2) &&
        e.is_directory(ec2) && IsMaildir(e.path())) {
      AddMaildir(e.path(), out);
    }
  }
}

void Walk(const fs::path& dir, std::vector<Input>& out) {
  if (IsMaildir(dir)) {
    AddMaildir(dir, out);
    return;
  }
  std::error_code ec;
  auto entries = SortedEntries(dir, ec);
  if (ec) {
    out.push_back(Skipped(dir, InputKind::kUnreadable, "cannot be read (" + ec.message() + ")"));
    return;
  }
  for (const auto& e : entries) {
    std::string name = e.path().filename().string();
    if (IsHiddenOrIndex(name)) continue;
    std::error_code ec2;
    if (e.is_directory(ec2)) {
      if (!e.is_symlink(ec2)) Walk(e.path(), out);  // symlinked directories could loop
      continue;
    }
    if (e.is_regular_file(ec2)) {
      uint64_t size = e.file_size(ec2);
      out.push_back(SniffFile(e.path(), ec2 ? 0 : size));
    } else {
      out.push_back(Skipped(e.path(), InputKind::kNotMail, "not a regular file"));
    }
  }
}

// Counts a sink result; returns an error only when reading must stop.
Status Account(Status s, std::string source, ReadStats* stats) {
  ++stats->messages;
  if (s) {
    ++stats->committed;
    return Ok();
  }
  if (IsTemporary(s.error().code)) return Fail(std::move(s.error()));
  ++stats->sink_failures;
  if (stats->failures.size() < ReadStats::kMaxRecordedFailures) {
    stats->failures.push_back({std::move(source), std::move(s.error())});
  }
  return Ok();
}

Status ReadWholeFile(const Input& input, std::string* out) {
  std::FILE* f = std::fopen(input.path.c_str(), "rb");
  if (!f) {
    int e = errno;
    ErrorCode code = e == ENOENT   ? ErrorCode::kNotFound
                     : e == EACCES ? ErrorCode::kPermissionDenied
                                   : ErrorCode::kIo;
    return Fail(code, input.path + ": cannot be read (" + ErrnoText(e) + ")");
  }
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Fail(ErrorCode::kIo, input.path + ": read failed (I/O error)");
  return Ok();
}

}  // namespace

Sniff SniffContent(std::string_view head, std::string_view name) {
  if (head.empty()) {
    if (name.ends_with(".mbox")) return {InputKind::kMbox, ""};
    return {InputKind::kNotMail, "empty file"};
  }
  if (LooksBinary(head)) return {InputKind::kNotMail, "binary data"};
  size_t next;
  std::string_view first = FirstLine(head, &next);
  // The parser's test is the only one, so import and parsing agree on what mail is.
  if (first.starts_with("From ")) {
    if (mail::LooksLikeMail(head)) return {InputKind::kMbox, ""};
    return {InputKind::kNotMail, "a \"From \" line not followed by mail headers"};
  }
  if (mail::LooksLikeMail(head)) return {InputKind::kMessage, ""};
  return {InputKind::kNotMail, "no mail header block at the start (text)"};
}

Result<std::vector<Input>> CollectInputs(const std::vector<std::string>& paths) {
  std::vector<Input> out;
  for (const std::string& path : paths) {
    fs::path p(path);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      int e = errno;
      if (e == ENOENT || e == ENOTDIR) {
        return Fail(ErrorCode::kNotFound,
                    path + ": no such file or directory; check the path (a file, an mbox, a "
                           "Maildir folder or a directory of them)");
      }
      return Fail(e == EACCES ? ErrorCode::kPermissionDenied : ErrorCode::kIo,
                  path + ": cannot be read (" + ErrnoText(e) +
                      "); check the permissions of the path and its parent folders");
    }
    if (S_ISDIR(st.st_mode)) {
      if (::access(path.c_str(), R_OK | X_OK) != 0) {
        return Fail(ErrorCode::kPermissionDenied,
                    path + ": folder cannot be read (" + ErrnoText(errno) +
                        "); check its permissions or run as a user who can read it");
      }
      Walk(p, out);
    } else if (S_ISREG(st.st_mode)) {
      Input in = SniffFile(p, static_cast<uint64_t>(st.st_size));
      if (in.kind == InputKind::kUnreadable) {
        return Fail(ErrorCode::kPermissionDenied,
                    path + ": " + in.reason +
                        "; check its permissions or run as a user who can read it");
      }
      out.push_back(std::move(in));
    } else {
      out.push_back(Skipped(p, InputKind::kNotMail, "not a regular file"));
    }
  }
  return out;
}

uint64_t TotalBytes(const std::vector<Input>& inputs) {
  uint64_t total = 0;
  for (const Input& in : inputs) {
    if (in.kind == InputKind::kMessage || in.kind == InputKind::kMbox) total += in.size;
  }
  return total;
}

Status ReadInput(const Input& input, const MailSink& sink, ReadStats* stats,
                 const ReadProgress& progress) {
  ReadStats local;
  if (!stats) stats = &local;
  if (input.kind == InputKind::kMessage) {
    RawMail mail;
    mail.source = input.source.empty() ? "file:" + input.path : input.source;
    SVAR_TRY(ReadWholeFile(input, &mail.bytes));
    stats->bytes += mail.bytes.size();
    std::string source = mail.source;
    SVAR_TRY(Account(sink(std::move(mail)), std::move(source), stats));
    if (progress) progress(*stats);
    return Ok();
  }
  if (input.kind != InputKind::kMbox) return Ok();

  MboxReader reader;
  SVAR_TRY(reader.Open(input.path));
  const uint64_t base = stats->bytes;
  const std::string prefix = input.source.empty() ? "mbox:" + input.path : input.source;
  for (;;) {
    SVAR_ASSIGN(std::optional<MboxMessage> msg, reader.Next());
    if (!msg) break;
    stats->bytes = base + msg->end_offset;
    RawMail mail{std::move(msg->bytes), prefix + "#" + std::to_string(msg->index)};
    std::string source = mail.source;
    SVAR_TRY(Account(sink(std::move(mail)), std::move(source), stats));
    if (progress) progress(*stats);
  }
  stats->bytes = base + reader.offset();
  return Ok();
}

}  // namespace svar::intake
