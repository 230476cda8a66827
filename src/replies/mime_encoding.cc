#include "replies/mime_encoding.h"

#include <ctime>

namespace svar::replies {
namespace {

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kHex[] = "0123456789ABCDEF";

std::string Base64(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  if (size_t rest = in.size() - i) {
    uint32_t v = uint8_t(in[i]) << 16;
    if (rest == 2) v |= uint8_t(in[i + 1]) << 8;
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += rest == 2 ? kB64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80 || c == 0) return false;
  return true;
}

// Length of the UTF-8 sequence starting with this byte (1 for a stray byte).
size_t Utf8Len(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Characters that force a display name into quotes (RFC 5322 specials).
bool NeedsQuotes(std::string_view s) {
  for (char c : s)
    if (std::string_view("()<>[]:;@\\,.\"").find(c) != std::string_view::npos) return true;
  return false;
}

bool IsAttrChar(unsigned char c) {  // RFC 2231 attribute-char
  if (c <= 0x20 || c >= 0x7F) return false;
  return std::string_view("*'%()<>@,;:\\\"/[]?=").find(char(c)) == std::string_view::npos;
}

}  // namespace

std::string Base64Body(std::string_view bytes) {
  std::string b = Base64(bytes);
  std::string out;
  out.reserve(b.size() + b.size() / 76 * 2 + 2);
  for (size_t i = 0; i < b.size(); i += 76) {
    out.append(b, i, 76);
    out += "\r\n";
  }
  return out;
}

std::string ToCrlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string QuotedPrintable(std::string_view text) {
  std::string crlf = ToCrlf(text);
  std::string out;
  out.reserve(crlf.size() * 3 / 2);
  size_t start = 0;
  while (start <= crlf.size()) {
    size_t end = crlf.find("\r\n", start);
    bool last = end == std::string::npos;
    std::string_view line(crlf.data() + start, (last ? crlf.size() : end) - start);
    if (last && line.empty()) break;
    size_t col = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      unsigned char c = line[i];
      bool trailing_space = (c == ' ' || c == '\t') && i + 1 == line.size();
      // A "." or "From " at the start of a line is encoded so no relay can mangle it.
      bool line_start = col == 0 && (c == '.' || (c == 'F' && line.substr(i, 5) == "From "));
      bool literal = c >= 33 && c <= 126 && c != '=' && !line_start;
      literal = literal || ((c == ' ' || c == '\t') && !trailing_space);
      size_t width = literal ? 1 : 3;
      // Room for the soft break "=" unless this is the last character of the line.
      size_t limit = i + 1 == line.size() ? 76 : 75;
      if (col + width > limit) {
        out += "=\r\n";
        col = 0;
        if (c == '.') literal = false, width = 3;
      }
      if (literal) {
        out += char(c);
      } else {
        out += '=';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
      col += width;
    }
    out += "\r\n";
    if (last) break;
    start = end + 2;
  }
  return out;
}

TransferEncoding ChooseEncoding(std::string_view utf8) {
  size_t high = 0, line = 0, longest = 0;
  for (unsigned char c : utf8) {
    if (c >= 0x80) ++high;
    if (c == '\n' || c == '\r') {
      line = 0;
    } else {
      longest = std::max(longest, ++line);
    }
  }
  if (high == 0 && longest <= 76) return TransferEncoding::k7Bit;
  // Quoted-printable triples each byte beyond ASCII; past about one in six, base64 is shorter
  // and a reader of the raw message gains nothing from the few readable characters left.
  if (high * 6 <= utf8.size()) return TransferEncoding::kQuotedPrintable;
  return TransferEncoding::kBase64;
}

std::string_view EncodingName(TransferEncoding e) {
  switch (e) {
    case TransferEncoding::k7Bit:
      return "7bit";
    case TransferEncoding::kQuotedPrintable:
      return "quoted-printable";
    case TransferEncoding::kBase64:
      return "base64";
  }
  return "base64";
}

std::string EncodeBody(std::string_view text, TransferEncoding e) {
  switch (e) {
    case TransferEncoding::k7Bit: {
      std::string out = ToCrlf(text);
      if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
      return out;
    }
    case TransferEncoding::kQuotedPrintable:
      return QuotedPrintable(text);
    case TransferEncoding::kBase64:
      return Base64Body(ToCrlf(text));
  }
  return Base64Body(text);
}

std::string EncodeWords(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  // At most 30 bytes of text per word: 40 base64 characters + 12 = 52, so even the first
  // word after "Subject: " stays within 76 columns (RFC 2047 section 2).
  constexpr size_t kMaxBytes = 30;
  std::string out;
  size_t i = 0;
  while (i < utf8.size()) {
    // Cut at a character boundary; prefer one where the word's length is a multiple of 3,
    // so no word but the last has base64 padding: GMime decodes adjacent words as one
    // base64 stream and stops at a "=" in the middle.
    size_t n = 0, whole = 0;
    while (i + n < utf8.size()) {
      size_t len = Utf8Len(static_cast<unsigned char>(utf8[i + n]));
      if (n + len > kMaxBytes) break;
      n += len;
      if (n % 3 == 0) whole = n;
    }
    if (i + n < utf8.size() && whole > 0) n = whole;
    if (n == 0) n = std::min(kMaxBytes, utf8.size() - i);  // a broken sequence: cut anyway
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(utf8.substr(i, n)) + "?=";
    i += n;
  }
  return out;
}

std::string FormatAddress(std::string_view name, std::string_view email) {
  if (name.empty()) return std::string(email);
  std::string shown;
  if (!IsAscii(name)) {
    shown = EncodeWords(name);
  } else if (NeedsQuotes(name)) {
    shown = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') shown += '\\';
      shown += c;
    }
    shown += '"';
  } else {
    shown = name;
  }
  return shown + " <" + std::string(email) + ">";
}

std::string FormatParameter(std::string_view name, std::string_view value) {
  bool plain = IsAscii(value) && value.size() <= 60;
  for (char c : value) plain = plain && c != '"' && c != '\\' && c >= 0x20;
  if (plain) return std::string(name) + "=\"" + std::string(value) + "\"";
  std::string enc;
  for (unsigned char c : value) {
    if (IsAttrChar(c)) {
      enc += char(c);
    } else {
      enc += '%';
      enc += kHex[c >> 4];
      enc += kHex[c & 15];
    }
  }
  constexpr size_t kChunk = 60;
  if (enc.size() <= kChunk) return std::string(name) + "*=UTF-8''" + enc;
  std::string out;
  size_t pos = 0;
  for (int part = 0; pos < enc.size(); ++part) {
    size_t n = std::min(kChunk, enc.size() - pos);
    // Never cut a %XX escape.
    if (pos + n < enc.size()) {
      if (enc[pos + n - 1] == '%')
        n -= 1;
      else if (n >= 2 && enc[pos + n - 2] == '%')
        n -= 2;
    }
    if (part > 0) out += ";\r\n ";
    out += std::string(name) + "*" + std::to_string(part) + "*=";
    if (part == 0) out += "UTF-8''";
    out.append(enc, pos, n);
    pos += n;
  }
  return out;
}

std::string FormatRfc5322Date(int64_t unix_seconds) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string HeaderLine(std::string_view name, std::string_view value) {
  std::string out(name);
  out += ":";
  size_t col = out.size();
  size_t i = 0;
  bool first = true;
  // Values already folded (encoded words, parameters) keep their CRLF SP breaks.
  while (i < value.size()) {
    size_t brk = value.find("\r\n ", i);
    std::string_view seg = value.substr(i, brk == std::string_view::npos ? value.npos : brk - i);
    size_t j = 0;
    while (j < seg.size()) {
      size_t sp = seg.find(' ', j + 1);
      std::string_view word = seg.substr(j, sp == std::string_view::npos ? seg.npos : sp - j);
      std::string_view bare = word.front() == ' ' ? word.substr(1) : word;
      if (first) {
        out += ' ';
        out += bare;
        col += 1 + bare.size();
        first = false;
      } else if (col + word.size() > 78 && !bare.empty()) {
        out += "\r\n ";
        out += bare;
        col = 1 + bare.size();
      } else {
        out += word;
        col += word.size();
      }
      j += word.size();
    }
    if (brk == std::string_view::npos) break;
    out += "\r\n";
    col = 0;
    i = brk + 2;  // the SP stays as the start of the next segment
  }
  out += "\r\n";
  return out;
}

}  // namespace svar::replies
