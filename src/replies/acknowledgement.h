// Acknowledgement decision: may a new ticket get an automatic acknowledgement? Pure logic (no
// database, no clock): acknowledger.h gathers the facts and acts on the answer.
//
// Never sent (checked in this order; the first that applies is the reason):
//   disabled            [acknowledgement] enabled = false                      (desk-wide)
//   no_transport        [outbox] has neither smtp_url nor sendmail             (desk-wide)
//   no_customer_mail    the ticket was opened by the desk's own mail (no inbound message)
//   own_address         the sender is one of the desk's addresses ([desk].addresses, mailboxes)
//   bounce              delivery status notification, MAILER-DAEMON, null return path
//   auto_reply          Auto-Submitted other than "no", out-of-office, X-Autoreply,
//                       Precedence: auto_reply and the vendor headers (triage/guards.h)
//   list                List-Id / List-Unsubscribe / List-Post, Precedence: bulk|junk|list
//   spam                the ticket is in the spam view (triage; upstream X-Spam-Flag: YES)
//   no_reply_sender     noreply@, no-reply@, donotreply@, mailer-daemon@, postmaster@, ...
//                       and [acknowledgement].never_to
//   too_old             the mail's Date is more than max_age_hours before now
//   answered            an agent answered before the acknowledgement was decided
//   rate_limit          max_per_sender_per_day acknowledgements already went to this address
//                       in the last 24 hours (counted from the outbox, so it survives restarts)
// The guard flags are the ones triage stored on the message (tickets::GuardFlag), with their
// reasons; the decision quotes the reason ("auto_reply: Auto-Submitted: auto-replied").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config_acknowledgement.h"

namespace svar::replies {

enum class AckSkip {
  kNone,  // send it
  kDisabled,
  kNoTransport,
  kNoCustomerMail,
  kOwnAddress,
  kBounce,
  kAutoReply,
  kList,
  kSpam,
  kNoReplySender,
  kTooOld,
  kAnswered,
  kRateLimit,
};
std::string_view AckSkipName(AckSkip skip);  // "auto_reply", "rate_limit", ...
// Desk-wide reasons (disabled, no transport) are stored on the ticket but not written to its
// timeline: they say nothing about the ticket.
bool IsDeskWide(AckSkip skip);

// What the decision needs to know about a new ticket and its first customer message.
struct AckFacts {
  bool has_transport = false;     // [outbox] smtp_url or sendmail is set
  bool has_customer_mail = true;  // the ticket has an inbound message
  uint32_t guard_flags = 0;       // tickets::GuardFlag bits of that message
  std::map<std::string, std::string> guard_reasons;  // "auto_reply" -> "Auto-Submitted: ..."
  bool spam = false;              // tickets.spam
  std::string spam_reason;        // optional detail
  std::string sender;             // the address the acknowledgement would go to
  std::vector<std::string> desk_addresses;
  std::optional<int64_t> mail_date;  // the Date header of the customer's mail
  int64_t now = 0;
  bool answered = false;          // tickets.first_response_at is set
  int acknowledgements_last_day = 0;  // to `sender`, in the 24 hours before now
};

struct AckDecision {
  bool send = false;
  AckSkip skip = AckSkip::kNone;
  std::string reason;  // for agents: "list: List-Id: <news.example>"; "" when sent
};

AckDecision DecideAcknowledgement(const AckFacts& facts, const AcknowledgementConfig& config);

// True for addresses that by convention never read replies: local parts noreply, no-reply,
// no_reply, donotreply, do-not-reply, do_not_reply, mailer-daemon, postmaster, bounce(s),
// notifications?, and any in `extra` (compared case-insensitively), and local parts that
// start with "noreply" / "no-reply" / "donotreply" ("noreply-billing@").
bool IsNoReplyAddress(std::string_view email, const std::vector<std::string>& extra = {});

// The most acknowledgements two desks with these rules send each other after one mail from
// one to the other opened a ticket (the two-desk loop):
//   peer honours Auto-Submitted: our acknowledgement is never answered -> 1;
//   peer strips it (and the reply headers and reference tags, so that every mail opens a new
//   ticket): each side acknowledges the other's address until its rate limit ->
//   2 x max_per_sender_per_day per 24 hours, then silence.
// docs/acknowledgement.md and the e2e test (tests/e2e/test_ack.py) use it.
int LoopBound(bool peer_honours_auto_submitted, const AcknowledgementConfig& config);

}  // namespace svar::replies
