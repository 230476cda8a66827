// MimeBuilder: turns an outgoing mail (text, optional HTML, attachments, threading headers)
// into the exact bytes the desk sends and stores. Written by hand on mime_encoding.h; the
// unit tests parse the result back with GMime (mail/parse.h) to prove it round-trips.
//
// Shape of the message:
//   text only                text/plain; charset=UTF-8
//   text + html              multipart/alternative (text/plain, text/html)
//   with attachments         multipart/mixed (the body above, then each attachment)
// Text parts are 7bit when plain ASCII, quoted-printable when mostly ASCII, base64 otherwise;
// attachments are base64 with RFC 2231 file names. Headers: From, To, Cc, Reply-To, Subject
// (RFC 2047 when not ASCII), Date, Message-ID, In-Reply-To, References, MIME-Version,
// Content-Language, then the caller's extra headers (e.g. Auto-Submitted: auto-replied).
// Line ends are CRLF.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace svar::replies {

struct MailAddress {
  std::string name;   // display name, UTF-8, may be empty
  std::string email;  // addr-spec
};

struct MailAttachment {
  std::string filename;      // UTF-8; sent with RFC 2231 encoding when not ASCII
  std::string content_type;  // "application/pdf"; empty: application/octet-stream
  std::string bytes;
};

struct MimeMessage {
  MailAddress from;
  std::vector<MailAddress> to;
  std::vector<MailAddress> cc;
  MailAddress reply_to;  // omitted when email is empty
  std::string subject;   // UTF-8, one line
  std::string text;      // UTF-8 plain text (required, may be empty)
  std::string html;      // UTF-8 HTML alternative; empty: none
  std::vector<MailAttachment> attachments;
  std::string message_id;                // without <>; required
  std::vector<std::string> in_reply_to;  // Message-IDs without <>
  std::vector<std::string> references;   // Message-IDs without <>, oldest first
  int64_t date = 0;                      // Unix seconds
  std::string content_language;          // "da"; empty: header omitted
  // Extra headers in order, e.g. {"Auto-Submitted", "auto-replied"}. Names are ASCII
  // without ':' or white space; non-ASCII values are sent as RFC 2047 encoded words.
  std::vector<std::pair<std::string, std::string>> extra_headers;
};

// Builds the message. Fails with kInvalidArgument (naming the field) when an address is not
// an address, text is not UTF-8, a header value has a line break, a Message-ID is malformed,
// or there is no recipient. The boundaries are random.
Result<std::string> BuildMime(const MimeMessage& message);

// "<random>@<domain>" without angle brackets, 128 random bits.
std::string NewMessageId(std::string_view domain);

// The domain part of an address ("desk.example" for "help@desk.example"), lowercased; ""
// when there is no '@'.
std::string DomainOf(std::string_view email);

// The chain for References: the parent's own references (oldest first, duplicates dropped,
// keeping the later place) then the parent's Message-ID, capped at `max_ids` by keeping the
// first (the thread's root) and the newest ones.
std::vector<std::string> ReferenceChain(const std::vector<std::string>& parent_refs,
                                        const std::string& parent_id, size_t max_ids = 20);

}  // namespace svar::replies
