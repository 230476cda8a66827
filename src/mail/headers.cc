#include "mail/headers.h"

#include <algorithm>

#include "core/text.h"
#include "mail/ascii.h"
#include "mail/charset.h"
#include "mail/internal.h"

namespace svar::mail {
namespace {

using internal::GString_;
using internal::ThreadParserOptions;

bool HasHighBytes(std::string_view s) { return !internal::IsAscii(s); }

// Folded raw value to one line of UTF-8 (RFC 2047 words still encoded).
std::string UnfoldToUtf8(std::string_view raw, std::string_view hint_charset) {
  std::string line(raw.size(), '\0');
  char* out = line.data();
  for (char c : raw) {
    if (c == '\r' || c == '\n' || c == '\0') continue;  // folding: the white space after it stays
    *out++ = c == '\t' ? ' ' : c;
  }
  line.resize(static_cast<size_t>(out - line.data()));
  if (HasHighBytes(line) && !internal::IsValidUtf8Fast(line)) {
    std::string converted;
    std::string hint = NormaliseCharset(hint_charset);
    if (!hint.empty() && hint != "utf-8" && hint != "us-ascii" &&
        ConvertStrict(line, hint, &converted)) {
      return converted;
    }
    return ConvertToUtf8(line, "").utf8;
  }
  return line;
}

void AddMailbox(InternetAddress* address, std::vector<Address>* out) {
  if (INTERNET_ADDRESS_IS_GROUP(address)) {
    InternetAddressList* members = internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address));
    int n = members ? internet_address_list_length(members) : 0;
    for (int i = 0; i < n && out->size() < 1000; ++i)
      AddMailbox(internet_address_list_get_address(members, i), out);
    return;
  }
  if (!INTERNET_ADDRESS_IS_MAILBOX(address)) return;
  Address a;
  const char* name = internet_address_get_name(address);
  const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
  if (name) a.name = internal::SanitizeUtf8Fast(Trim(name));
  if (addr) a.email = AsciiLower(internal::SanitizeUtf8Fast(Trim(addr)));
  if (a.name.empty() && a.email.empty()) return;
  out->push_back(std::move(a));
}

}  // namespace

std::string DecodeHeaderValue(std::string_view raw, std::string_view hint_charset) {
  std::string line = UnfoldToUtf8(raw, hint_charset);  // always valid UTF-8
  if (line.find("=?") != std::string::npos) {
    GString_ decoded(g_mime_utils_header_decode_text(ThreadParserOptions(), line.c_str()));
    if (decoded) line = decoded.get();
    if (!internal::IsValidUtf8Fast(line)) line = SanitizeUtf8(line);
  }
  std::string_view trimmed = Trim(line);
  if (trimmed.size() == line.size()) return line;
  return std::string(trimmed);
}

std::vector<Address> ParseAddressList(std::string_view raw, std::string_view hint_charset) {
  std::vector<Address> out;
  std::string line = UnfoldToUtf8(raw, hint_charset);
  if (Trim(line).empty()) return out;
  InternetAddressList* list = internet_address_list_parse(ThreadParserOptions(), line.c_str());
  if (list) {
    int n = internet_address_list_length(list);
    for (int i = 0; i < n && out.size() < 1000; ++i)
      AddMailbox(internet_address_list_get_address(list, i), &out);
    g_object_unref(list);
  }
  if (out.empty() && line.find('@') != std::string::npos) {
    // Garbage GMime gave up on: keep the first thing that looks like an address.
    size_t at = line.find('@');
    size_t b = line.find_last_of(" <\"(,;:", at);
    size_t e = line.find_first_of(" >\")(,;", at);
    b = b == std::string::npos ? 0 : b + 1;
    Address a;
    a.email =
        AsciiLower(internal::SanitizeUtf8Fast(line.substr(b, e == std::string::npos ? e : e - b)));
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::string> ParseMessageIdList(std::string_view raw) {
  std::vector<std::string> ids;
  size_t pos = 0;
  bool bracketed = false;
  while ((pos = raw.find('<', pos)) != std::string_view::npos && ids.size() < 500) {
    size_t end = raw.find('>', pos + 1);
    if (end == std::string_view::npos) break;
    bracketed = true;
    std::string id;
    for (char c : raw.substr(pos + 1, end - pos - 1))
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') id += c;
    if (!id.empty() && id.size() < 1000) ids.push_back(internal::SanitizeUtf8Fast(id));
    pos = end + 1;
  }
  if (!bracketed) {
    std::string cleaned(raw);
    for (char& c : cleaned)
      if (c == '\r' || c == '\n' || c == '\t' || c == ',') c = ' ';
    for (const auto& token : Split(cleaned, ' ')) {
      std::string_view t = Trim(token);
      if (t.find('@') != std::string_view::npos && t.size() < 1000)
        ids.push_back(internal::SanitizeUtf8Fast(t));
    }
  }
  return ids;
}

std::string ParseMessageId(std::string_view raw) {
  auto ids = ParseMessageIdList(raw);
  if (!ids.empty()) return ids.front();
  std::string_view t = Trim(raw);
  if (!t.empty() && t.size() < 1000 && t.find(' ') == std::string_view::npos)
    return internal::SanitizeUtf8Fast(t);
  return {};
}

std::optional<int64_t> ParseDate(std::string_view raw) {
  std::string value(Trim(raw));
  if (value.empty()) return std::nullopt;
  GDateTime* dt = g_mime_utils_header_decode_date(value.c_str());
  if (!dt) return std::nullopt;
  int64_t seconds = g_date_time_to_unix(dt);
  g_date_time_unref(dt);
  if (seconds <= 0) return std::nullopt;  // GMime's "could not parse" is the epoch
  return seconds;
}

void FillHeaders(GMimeMessage* message, std::string_view hint, ParsedMessage* out) {
  // GMime keeps Content-* headers on the top-level MIME part and the rest on the message;
  // both lists together, in stream order, are the header block as written.
  struct Entry {
    gint64 offset;
    GMimeHeader* header;
  };
  std::vector<Entry> all;
  all.reserve(64);
  std::vector<gint64> offsets;  // sorted offsets of the headers taken so far
  auto collect = [&](GMimeObject* object) {
    GMimeHeaderList* list = object ? g_mime_object_get_header_list(object) : nullptr;
    int n = list ? g_mime_header_list_get_count(list) : 0;
    size_t before = all.size();
    for (int i = 0; i < n; ++i) {
      GMimeHeader* h = g_mime_header_list_get_header_at(list, i);
      // Two headers of one stream never share an offset; headers added by GMime have -1.
      gint64 offset = g_mime_header_get_offset(h);
      if (offset >= 0 && std::binary_search(offsets.begin(), offsets.end(), offset)) continue;
      all.push_back(Entry{offset, h});
    }
    for (size_t k = before; k < all.size(); ++k)
      if (all[k].offset >= 0) offsets.push_back(all[k].offset);
    std::sort(offsets.begin(), offsets.end());
  };
  collect(GMIME_OBJECT(message));
  collect(g_mime_message_get_mime_part(message));
  std::stable_sort(all.begin(), all.end(),
                   [](const Entry& a, const Entry& b) { return a.offset < b.offset; });
  std::vector<std::string> seen;  // lowercased names already handled
  for (const Entry& entry : all) {
    GMimeHeader* header = entry.header;
    const char* name_c = g_mime_header_get_name(header);
    const char* raw_c = g_mime_header_get_raw_value(header);
    std::string name = internal::SanitizeUtf8Fast(name_c ? name_c : "");
    std::string_view raw = raw_c ? raw_c : "";
    std::string value = DecodeHeaderValue(raw, hint);
    std::string lower = AsciiLower(name);
    bool is_first = std::find(seen.begin(), seen.end(), lower) == seen.end();
    if (is_first) seen.push_back(lower);
    auto first = [&](std::string_view want) { return is_first && lower == want; };
    if (first("message-id")) {
      out->message_id = ParseMessageId(raw);
    } else if (first("in-reply-to")) {
      out->in_reply_to = ParseMessageIdList(raw);
    } else if (first("references")) {
      out->references = ParseMessageIdList(raw);
    } else if (first("from")) {
      auto a = ParseAddressList(raw, hint);
      if (!a.empty()) out->from = std::move(a.front());
    } else if (first("sender")) {
      auto a = ParseAddressList(raw, hint);
      if (!a.empty()) out->sender = std::move(a.front());
    } else if (lower == "to") {
      for (auto& a : ParseAddressList(raw, hint)) out->to.push_back(std::move(a));
    } else if (lower == "cc") {
      for (auto& a : ParseAddressList(raw, hint)) out->cc.push_back(std::move(a));
    } else if (first("reply-to")) {
      out->reply_to = ParseAddressList(raw, hint);
    } else if (first("return-path")) {
      out->has_return_path = true;
      std::string v(Trim(value));
      if (v.starts_with('<')) v.erase(0, 1);
      if (v.ends_with('>')) v.pop_back();
      out->return_path = AsciiLower(Trim(v));
    } else if (first("subject")) {
      out->subject = value;
    } else if (first("date")) {
      out->date = ParseDate(value);
    } else if (first("content-language")) {
      out->content_language = AsciiLower(value);
    }
    out->headers.emplace_back(std::move(name), std::move(value));
  }
}

}  // namespace svar::mail
