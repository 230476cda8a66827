// Delivery status notifications (RFC 3464) and the usual non-standard bounces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mail/parsed_message.h"

namespace svar::mail {

// Reads a message/delivery-status body: per-recipient Final-Recipient (or
// Original-Recipient), Action and Status. Adds to `bounce` (first status/action win).
void ParseDeliveryStatus(std::string_view body, BounceInfo* bounce);

// Message-IDs found in "Message-ID:" lines of text (quoted with "> " or indented too), no <>.
std::vector<std::string> FindMessageIdLines(std::string_view text);

// True when the sender or subject is the usual sign of a bounce (MAILER-DAEMON, postmaster,
// "Undelivered Mail Returned to Sender", "failure notice", ...).
bool LooksLikeBounce(const ParsedMessage& message);

}  // namespace svar::mail
