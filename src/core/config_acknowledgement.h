// The [acknowledgement] section of the configuration: whether and how a new ticket is
// acknowledged at once (replies/acknowledgement.h). Documented key by key in
// docs/configuration.md and docs/acknowledgement.md.
#pragma once

#include <string>
#include <vector>

namespace svar {

// [acknowledgement]
struct AcknowledgementConfig {
  bool enabled = true;  // acknowledge new tickets (needs an [outbox] transport to be sent)
  // At most this many acknowledgements to one customer address per 24 hours, counted from the
  // outbox (so a restart does not reset it). Stops a loop with a peer that strips headers.
  int max_per_sender_per_day = 3;
  int links = 3;  // knowledge-base links in the mail, 0-3
  // Mail whose Date is older than this is not acknowledged (archives, mail held up for days);
  // `svar serve` also re-tries tickets left undecided by a crash only this far back.
  int max_age_hours = 24;
  // Time zone of the promised time; "" = the zone of the ticket's SLA calendar, else of the
  // first [[calendar]], else UTC.
  std::string time_zone;
  // Local parts (before the @) of senders that are never answered, in addition to the
  // built-in list (noreply, no-reply, donotreply, mailer-daemon, postmaster, ...).
  std::vector<std::string> never_to;
};

}  // namespace svar
