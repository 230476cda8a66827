#include "replies/mime_builder.h"

#include <algorithm>
#include <optional>
#include <set>

#include "core/hash.h"
#include "core/text.h"
#include "replies/mime_encoding.h"

namespace svar::replies {
namespace {

std::unexpected<Error> Invalid(std::string message) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message));
}

bool HasLineBreak(std::string_view s) {
  return s.find('\r') != std::string_view::npos || s.find('\n') != std::string_view::npos;
}

Status CheckAddress(const MailAddress& a, std::string_view field) {
  const std::string& e = a.email;
  auto at = e.find('@');
  bool ok = at != std::string::npos && at > 0 && at + 1 < e.size() &&
            e.find('@', at + 1) == std::string::npos;
  for (unsigned char c : e) ok = ok && c > 0x20 && c < 0x7F && c != '<' && c != '>' && c != ',';
  if (!ok) return Invalid(std::string(field) + " address \"" + e + "\" is not an email address");
  if (HasLineBreak(a.name) || !IsValidUtf8(a.name))
    return Invalid(std::string(field) + " name of " + e + " must be one line of UTF-8 text");
  return Ok();
}

Status CheckMessageId(std::string_view id, std::string_view field) {
  bool ok = !id.empty() && id.find('@') != std::string_view::npos;
  for (unsigned char c : id) ok = ok && c > 0x20 && c < 0x7F && c != '<' && c != '>';
  if (!ok) return Invalid(std::string(field) + " \"" + std::string(id) + "\" is not a Message-ID");
  return Ok();
}

std::string AddressList(const std::vector<MailAddress>& list) {
  std::string out;
  for (const auto& a : list) {
    if (!out.empty()) out += ",\r\n ";
    out += FormatAddress(a.name, a.email);
  }
  return out;
}

std::string IdList(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += "\r\n ";
    out += "<" + id + ">";
  }
  return out;
}

std::string NewBoundary() { return "=_svar_" + RandomToken(12); }

// One text part (headers and body), for text/plain or text/html.
std::string TextPart(std::string_view subtype, std::string_view text) {
  TransferEncoding enc = ChooseEncoding(text);
  std::string out = "Content-Type: text/" + std::string(subtype) + "; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: " + std::string(EncodingName(enc)) + "\r\n\r\n";
  out += EncodeBody(text, enc);
  return out;
}

std::string Body(const MimeMessage& m) {
  if (m.html.empty()) return TextPart("plain", m.text);
  std::string b = NewBoundary();
  std::string out = "Content-Type: multipart/alternative;\r\n boundary=\"" + b + "\"\r\n\r\n";
  out += "--" + b + "\r\n" + TextPart("plain", m.text);
  out += "--" + b + "\r\n" + TextPart("html", m.html);
  out += "--" + b + "--\r\n";
  return out;
}

// A message/rfc822 part may not be base64 (RFC 2046 5.2.1): it goes as 7bit or 8bit with
// CRLF lines; a message with lines over 998 bytes cannot, and is attached as a plain file.
std::optional<std::string> EmbeddedMessage(std::string_view bytes, bool* eight_bit) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 40);
  size_t line = 0;
  *eight_bit = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r') {
      out += "\r\n";
      line = 0;
      continue;
    }
    if (c == '\0' || ++line > 998) return std::nullopt;
    if (static_cast<unsigned char>(c) >= 0x80) *eight_bit = true;
    out += c;
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

std::string AttachmentPart(const MailAttachment& a) {
  std::string type = a.content_type.empty() ? "application/octet-stream" : a.content_type;
  std::string name = a.filename.empty() ? "attachment.bin" : a.filename;
  bool eight_bit = false;
  std::optional<std::string> embedded;
  if (AsciiLower(type) == "message/rfc822") {
    embedded = EmbeddedMessage(a.bytes, &eight_bit);
    if (!embedded) type = "application/octet-stream";
  }
  std::string out = "Content-Type: " + type + ";\r\n " + FormatParameter("name", name) + "\r\n";
  out += "Content-Disposition: attachment;\r\n " + FormatParameter("filename", name) + "\r\n";
  if (embedded) {
    out += std::string("Content-Transfer-Encoding: ") + (eight_bit ? "8bit" : "7bit") +
           "\r\n\r\n" + *embedded;
    return out;
  }
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += Base64Body(a.bytes);
  return out;
}

}  // namespace

Result<std::string> BuildMime(const MimeMessage& m) {
  SVAR_TRY(CheckAddress(m.from, "From"));
  if (m.to.empty() && m.cc.empty()) return Invalid("the mail has no recipient (To or Cc)");
  for (const auto& a : m.to) SVAR_TRY(CheckAddress(a, "To"));
  for (const auto& a : m.cc) SVAR_TRY(CheckAddress(a, "Cc"));
  if (!m.reply_to.email.empty()) SVAR_TRY(CheckAddress(m.reply_to, "Reply-To"));
  if (HasLineBreak(m.subject) || !IsValidUtf8(m.subject))
    return Invalid("the subject must be one line of UTF-8 text");
  if (!IsValidUtf8(m.text)) return Invalid("the text is not valid UTF-8; save it as UTF-8");
  if (!IsValidUtf8(m.html)) return Invalid("the HTML is not valid UTF-8; save it as UTF-8");
  SVAR_TRY(CheckMessageId(m.message_id, "Message-ID"));
  for (const auto& id : m.in_reply_to) SVAR_TRY(CheckMessageId(id, "In-Reply-To"));
  for (const auto& id : m.references) SVAR_TRY(CheckMessageId(id, "References"));
  for (const auto& a : m.attachments) {
    if (HasLineBreak(a.filename) || !IsValidUtf8(a.filename))
      return Invalid("attachment file name \"" + SanitizeUtf8(a.filename) +
                     "\" must be one line of UTF-8 text");
    bool type_ok = a.content_type.empty() || a.content_type.find('/') != std::string::npos;
    for (unsigned char c : a.content_type) type_ok = type_ok && c > 0x20 && c < 0x7F && c != ';';
    if (!type_ok)
      return Invalid("attachment " + a.filename + " has content type \"" + a.content_type +
                     "\"; use a type/subtype such as application/pdf");
  }
  for (const auto& [name, value] : m.extra_headers) {
    bool ok = !name.empty();
    for (unsigned char c : name) ok = ok && c > 0x20 && c < 0x7F && c != ':';
    if (!ok) return Invalid("header name \"" + name + "\" is not a valid header name");
    if (HasLineBreak(value) || !IsValidUtf8(value))
      return Invalid("header " + name + " must be one line of UTF-8 text");
  }
  if (HasLineBreak(m.content_language)) return Invalid("Content-Language must be one line");

  std::string out;
  out += HeaderLine("From", FormatAddress(m.from.name, m.from.email));
  if (!m.to.empty()) out += HeaderLine("To", AddressList(m.to));
  if (!m.cc.empty()) out += HeaderLine("Cc", AddressList(m.cc));
  if (!m.reply_to.email.empty())
    out += HeaderLine("Reply-To", FormatAddress(m.reply_to.name, m.reply_to.email));
  out += HeaderLine("Subject", EncodeWords(m.subject));
  out += HeaderLine("Date", FormatRfc5322Date(m.date));
  out += HeaderLine("Message-ID", "<" + m.message_id + ">");
  if (!m.in_reply_to.empty()) out += HeaderLine("In-Reply-To", IdList(m.in_reply_to));
  if (!m.references.empty()) out += HeaderLine("References", IdList(m.references));
  if (!m.content_language.empty()) out += HeaderLine("Content-Language", m.content_language);
  for (const auto& [name, value] : m.extra_headers) out += HeaderLine(name, EncodeWords(value));
  out += "MIME-Version: 1.0\r\n";
  if (m.attachments.empty()) {
    out += Body(m);
    return out;
  }
  std::string b = NewBoundary();
  out += "Content-Type: multipart/mixed;\r\n boundary=\"" + b + "\"\r\n\r\n";
  out += "This is a multi-part message in MIME format.\r\n";
  out += "--" + b + "\r\n" + Body(m);
  for (const auto& a : m.attachments) out += "--" + b + "\r\n" + AttachmentPart(a);
  out += "--" + b + "--\r\n";
  return out;
}

std::string NewMessageId(std::string_view domain) {
  return RandomToken(16) + "@" + std::string(domain);
}

std::string DomainOf(std::string_view email) {
  auto at = email.rfind('@');
  if (at == std::string_view::npos) return "";
  return AsciiLower(email.substr(at + 1));
}

std::vector<std::string> ReferenceChain(const std::vector<std::string>& parent_refs,
                                        const std::string& parent_id, size_t max_ids) {
  std::vector<std::string> all = parent_refs;
  if (!parent_id.empty()) all.push_back(parent_id);
  // Keep each id at its last place: In-Reply-To stored before References repeats the newest.
  std::vector<std::string> chain;
  std::set<std::string> seen;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (it->empty() || !seen.insert(*it).second) continue;
    chain.push_back(*it);
  }
  std::reverse(chain.begin(), chain.end());
  if (max_ids >= 2 && chain.size() > max_ids) {
    std::vector<std::string> capped{chain.front()};
    capped.insert(capped.end(), chain.end() - static_cast<long>(max_ids - 1), chain.end());
    chain = std::move(capped);
  }
  return chain;
}

}  // namespace svar::replies
