// LooksLikeMail: does a file start like an RFC 5322 message or an mbox?
#include "core/text.h"
#include "mail/parse.h"

namespace svar::mail {
namespace {

bool IsKnownHeader(std::string_view name) {
  static constexpr std::string_view kKnown[] = {
      "from", "to", "cc", "subject", "date", "message-id", "received", "return-path",
      "mime-version", "content-type", "delivered-to", "reply-to", "sender", "in-reply-to",
      "references", "x-mailer", "user-agent", "content-transfer-encoding", "dkim-signature",
      "authentication-results", "x-original-to", "envelope-to", "arc-seal", "list-id",
      "x-received", "received-spf", "thread-index", "thread-topic"};
  std::string lower = AsciiLower(name);
  for (auto k : kKnown)
    if (lower == k) return true;
  return false;
}

// "Name:" with a field name of printable ASCII (RFC 5322 ftext); returns the name or "".
std::string_view HeaderName(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 76) return {};
  std::string_view name = line.substr(0, colon);
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (u < 33 || u > 126) return {};
  }
  return name;
}

}  // namespace

bool LooksLikeMail(std::string_view head) {
  std::string_view sample = head.substr(0, 16 * 1024);
  if (sample.find('\0') != std::string_view::npos) return false;
  if (sample.starts_with("\xEF\xBB\xBF")) sample.remove_prefix(3);  // a BOM from an editor
  if (sample.starts_with("From ")) {
    // mbox: "From sender date" and then a header block.
    size_t nl = sample.find('\n');
    if (nl == std::string_view::npos) return sample.size() > 5;
    std::string_view rest = sample.substr(nl + 1);
    return rest.empty() || LooksLikeMail(rest);
  }
  int headers = 0, known = 0, lines = 0;
  size_t pos = 0;
  while (pos < sample.size() && lines < 60) {
    size_t nl = sample.find('\n', pos);
    bool complete = nl != std::string_view::npos;
    std::string_view line = sample.substr(pos, complete ? nl - pos : sample.npos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = complete ? nl + 1 : sample.size();
    if (line.empty()) break;  // end of the header block
    ++lines;
    if (line[0] == ' ' || line[0] == '\t') {
      // A continuation line; before the first header it is a stray indent that mail
      // software tolerates (" From: x" as the first line), so look at what follows.
      std::string_view rest = Trim(line);
      if (headers == 0 && HeaderName(rest).empty()) return false;
      if (headers == 0) {
        ++headers;
        if (IsKnownHeader(HeaderName(rest))) ++known;
      }
      continue;
    }
    std::string_view name = HeaderName(line);
    if (name.empty()) {
      if (!complete) break;  // the head was cut in the middle of a line
      // A header block that runs into the body without a blank line: mail, when enough
      // real headers came first; otherwise text that happens to start with "Word:".
      return headers >= 3 && known >= 2;
    }
    ++headers;
    if (IsKnownHeader(name)) ++known;
  }
  return headers > 0 && known > 0;
}

}  // namespace svar::mail
