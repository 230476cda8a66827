// RawMail and MailSink: what every intake source (files, mbox, Maildir, IMAP) produces and
// where it hands it. Sources never parse mail; they only move bytes to the sink.
#pragma once

#include <functional>
#include <string>

#include "core/result.h"

namespace svar::intake {

// One message exactly as received (CRLF or LF), without any mbox From_ separator line.
struct RawMail {
  std::string bytes;
  // Where it came from, for logs and the spool: "file:/p/a.eml", "mbox:/p/box#17" (17th
  // message, counting from 1), "maildir:/p/cur/123:2,S", "imap:support/UIDVALIDITY/UID".
  std::string source;
};

// Stores a message durably (committed) and returns Ok, or returns an error. A temporary error
// (IsTemporary(code): busy, unavailable, I/O, timeout) means "stop and retry later"; any other
// error concerns this message only. Sources call it once per message, in order.
using MailSink = std::function<Status(RawMail&&)>;

}  // namespace svar::intake
