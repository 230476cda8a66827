// Guards: facts about a message that decide whether the desk may ever answer it
// automatically. Recorded on the message (flags + reasons) for the later stages; they never
// stop a message from being stored.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mail/parsed_message.h"

namespace svar::triage {

struct GuardResult {
  uint32_t flags = 0;  // tickets::GuardFlag bits
  std::map<std::string, std::string> reasons;  // "auto_reply" -> "Auto-Submitted: auto-replied"
  std::string ReasonsJson() const;
};

// Each check returns the reason when it fires.
// RFC 3834 Auto-Submitted, X-Autoreply, X-Autorespond, X-Auto-Response-Suppress,
// Precedence: auto_reply, vendor headers and out-of-office subjects in the desk's languages.
std::optional<std::string> CheckAutoReply(const mail::ParsedMessage& m);
// multipart/report delivery-status, MAILER-DAEMON/postmaster senders, null return path.
std::optional<std::string> CheckBounce(const mail::ParsedMessage& m);
// List-Id, List-Unsubscribe, List-Post, Mailing-List, Precedence: bulk/junk/list.
std::optional<std::string> CheckList(const mail::ParsedMessage& m);
// From one of the desk's own addresses (case-insensitive).
std::optional<std::string> CheckOwnAddress(const mail::ParsedMessage& m,
                                           const std::vector<std::string>& desk_addresses);

GuardResult RunGuards(const mail::ParsedMessage& m, const std::vector<std::string>& desk_addresses);

}  // namespace svar::triage
