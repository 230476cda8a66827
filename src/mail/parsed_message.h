// ParsedMessage: everything the later stages need from one RFC 5322 message, all text in
// UTF-8. Produced by ParseMessage (mail/parse.h); plain data, safe to move across threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace svar::mail {

struct Address {
  std::string name;   // display name, decoded (RFC 2047), may be empty
  std::string email;  // addr-spec, lowercased; may be empty when the header is garbage
};

struct AttachmentInfo {
  std::string filename;      // decoded (RFC 2047/2231); a generated name when missing
  std::string content_type;  // "image/png", lowercased
  int64_t size = 0;          // decoded bytes
  std::string content_id;    // without <>, for inline images referenced as cid:
  std::string disposition;   // "attachment" or "inline"
  std::string part_path;     // MIME part number: "2", "1.2", "2.1.1" (see ExtractPart)
};

// What a delivery status notification (RFC 3464) says about the mail that bounced.
struct BounceInfo {
  bool is_report = false;                     // multipart/report; report-type=delivery-status
  std::vector<std::string> original_message_ids;  // Message-IDs of the bounced mail, no <>
  std::vector<std::string> failed_recipients;
  std::string status;                         // e.g. "5.1.1"
  std::string action;                         // "failed", "delayed", ...
};

struct ParsedMessage {
  std::string message_id;                // without <>; empty when absent
  std::vector<std::string> in_reply_to;  // Message-IDs, no <>
  std::vector<std::string> references;   // Message-IDs, no <>, oldest first
  Address from;
  Address sender;                        // Sender: header, when present
  std::vector<Address> to, cc, reply_to;
  std::string return_path;               // the address in Return-Path, "" for <>
  bool has_return_path = false;          // a Return-Path header exists (null when return_path empty)
  std::string subject;                   // decoded, UTF-8, one line
  std::optional<int64_t> date;           // Date: as Unix seconds, when parseable
  std::string content_language;          // Content-Language header, lowercased

  // Every top-level header, names as written, values unfolded and decoded to UTF-8,
  // in order. Guards (auto-reply, list, bounce) read these.
  std::vector<std::pair<std::string, std::string>> headers;

  std::string text;       // the new text the sender wrote (plain text, UTF-8)
  std::string quoted;     // the quoted history, kept for display, marked separately
  std::string signature;  // the signature block
  std::string html;       // sanitised HTML of the body for display; empty when none
  std::vector<AttachmentInfo> attachments;  // attachments and inline images
  BounceInfo bounce;

  // What the parser had to guess or repair: "charset koi8-r detected (declared none)",
  // "malformed base64 in part 2". Shown to agents; never fatal.
  std::vector<std::string> warnings;

  // First value of a header (case-insensitive name), or nullptr.
  const std::string* Header(std::string_view name) const;
};

}  // namespace svar::mail
