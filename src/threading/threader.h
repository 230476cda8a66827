// Threader: decides which ticket a new message belongs to. Rules, in order:
//  1. A ticket reference in the subject ([#SV-1042]), honoured only when the sender is the
//     ticket's customer or a participant. A stranger quoting a reference gets a new ticket
//     that links to the quoted one (so nobody can write into someone else's ticket).
//  2. In-Reply-To / References (and, for a bounce, the Message-ID of the bounced mail)
//     against every stored Message-ID, ours included; and the other way round: stored
//     messages that refer to this message's Message-ID (a reply that arrived before its
//     parent). When this evidence points at several tickets they are one conversation: the
//     newer tickets are merged into the oldest.
//  3. Fall-back for clients that drop those headers: the same customer's newest open ticket
//     with the same normalised subject whose last message is within the window.
//  4. Otherwise a new ticket.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mail/parsed_message.h"
#include "tickets/ticket_store.h"

namespace svar::threading {

struct ThreadDecision {
  std::optional<int64_t> ticket_id;       // empty: open a new ticket
  std::vector<int64_t> merge_into_ticket;  // tickets to merge into ticket_id
  std::optional<int64_t> linked_ticket_id;  // for a new ticket: the ticket a stranger quoted
  std::string reason;                      // human-readable, stored on the message
};

class Threader {
 public:
  Threader(tickets::TicketStore& store, int fallback_window_days)
      : store_(store), window_seconds_(int64_t{fallback_window_days} * 86400) {}

  // `sender` is the address whose authority the subject reference needs (the From address).
  // `extra_refs` are more Message-IDs to look for (the bounced message's id for a bounce).
  Result<ThreadDecision> Decide(const mail::ParsedMessage& m, std::string_view sender,
                                std::optional<int64_t> customer_id,
                                const std::vector<std::string>& extra_refs, int64_t now);

 private:
  tickets::TicketStore& store_;
  int64_t window_seconds_;
};

}  // namespace svar::threading
