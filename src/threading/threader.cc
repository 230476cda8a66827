#include "threading/threader.h"

#include <algorithm>

#include "tickets/ticket_ref.h"

namespace svar::threading {

Result<ThreadDecision> Threader::Decide(const mail::ParsedMessage& m, std::string_view sender,
                                        std::optional<int64_t> customer_id,
                                        const std::vector<std::string>& extra_refs, int64_t now) {
  ThreadDecision d;
  const std::string& prefix = store_.ref_prefix();

  // Rule 1: the ticket reference in the subject.
  std::optional<int64_t> quoted_ticket;
  if (auto number = tickets::FindRefInSubject(prefix, m.subject)) {
    SVAR_ASSIGN(auto t, store_.FindByNumber(*number));
    if (t) {
      SVAR_ASSIGN(int64_t live, store_.Resolve(t->id));
      SVAR_ASSIGN(bool allowed, store_.IsParticipant(live, sender));
      if (!allowed) {
        SVAR_ASSIGN(allowed, store_.IsParticipant(t->id, sender));
      }
      if (allowed) {
        d.ticket_id = live;
        d.reason = "ticket reference " + t->ref + " in the subject";
        return d;
      }
      quoted_ticket = live;
    }
  }

  // Rule 2: header evidence in both directions.
  std::vector<std::string> refs = m.in_reply_to;
  refs.insert(refs.end(), m.references.begin(), m.references.end());
  refs.insert(refs.end(), extra_refs.begin(), extra_refs.end());
  SVAR_ASSIGN(auto parents, store_.TicketsWithMessageIds(refs));
  SVAR_ASSIGN(auto children, store_.TicketsReferring(m.message_id));
  std::vector<int64_t> linked = parents;
  linked.insert(linked.end(), children.begin(), children.end());
  std::sort(linked.begin(), linked.end());
  linked.erase(std::unique(linked.begin(), linked.end()), linked.end());
  if (!linked.empty()) {
    d.ticket_id = linked.front();
    d.merge_into_ticket.assign(linked.begin() + 1, linked.end());
    if (!parents.empty()) {
      d.reason = "In-Reply-To/References match a message in the ticket";
    } else {
      d.reason = "a reply already in the ticket refers to this message";
    }
    if (!d.merge_into_ticket.empty()) d.reason += " (joined tickets of one conversation)";
    return d;
  }

  // Rule 3: same customer, same normalised subject, recent open ticket.
  if (customer_id && !quoted_ticket) {
    std::string key = tickets::SubjectKey(prefix, m.subject);
    if (!key.empty()) {
      SVAR_ASSIGN(auto recent, store_.RecentOpenTicket(*customer_id, key, now - window_seconds_));
      if (recent) {
        d.ticket_id = *recent;
        d.reason = "same customer and subject as an open ticket (no reply headers)";
        return d;
      }
    }
  }

  // Rule 4: a new ticket.
  d.linked_ticket_id = quoted_ticket;
  d.reason = quoted_ticket ? "new ticket: the sender is not a participant of the quoted ticket"
                           : "new conversation";
  return d;
}

}  // namespace svar::threading
