#include "web/download_headers.h"

#include <array>

#include "core/text.h"

namespace svar::web {
namespace {

constexpr std::string_view kOctetStream = "application/octet-stream";

// Types that can run script or navigate when opened in a browser tab.
constexpr std::array<std::string_view, 14> kActiveTypes = {
    "text/html",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/xml",
    "application/xml",
    "text/xsl",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
    "application/x-javascript",
    "multipart/x-mixed-replace",
    "text/vtt",
    "application/x-shockwave-flash",
};

bool IsAttrChar(unsigned char c) {
  // RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" /
  // "_" / "`" / "|" / "~"
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string AttachmentDisposition(std::string_view raw_name) {
  std::string name = SanitizeUtf8(Trim(raw_name));
  for (char& c : name) {
    if (c == '/' || c == '\\') c = '_';
  }
  if (name.empty()) name = "attachment";
  std::string fallback;
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    bool printable_ascii = c >= 0x20 && c < 0x7f;
    fallback.push_back(printable_ascii && c != '"' && c != '\\' ? ch : '_');
    if (IsAttrChar(c)) {
      encoded.push_back(ch);
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 0xf]);
    }
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

std::string SafeDownloadType(std::string_view declared) {
  std::string type = AsciiLower(Trim(declared));
  for (char c : type) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) return std::string(kOctetStream);
  }
  std::string_view media = type;
  if (auto semi = media.find(';'); semi != std::string_view::npos) media = media.substr(0, semi);
  media = Trim(media);
  auto slash = media.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == media.size()) {
    return std::string(kOctetStream);
  }
  for (auto active : kActiveTypes) {
    if (media == active) return std::string(kOctetStream);
  }
  // "+xml" suffixed types (e.g. application/rss+xml) can be rendered as XML documents.
  if (media.ends_with("+xml")) return std::string(kOctetStream);
  return type;
}

}  // namespace svar::web
