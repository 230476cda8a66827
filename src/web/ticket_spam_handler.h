// POST /api/v1/tickets/{ref}/spam {"spam": true|false} (any token): an agent's "spam" /
// "not spam" on a ticket. The ticket's first customer message is the lesson: stored in
// spam_lessons (one per message; a later opposite click Unlearns the earlier lesson before
// it Learns the new one, the same click twice learns once), learnt by the spam filter from
// the original bytes in the raw spool, and the filter saved (triage::SaveSpamFilter; the
// serve job loads it into the intake within routing.check_seconds). The ticket's spam flag
// follows: spam leaves its assignee (it no longer counts towards their load) and shows only
// in the spam view; "not spam" on a ticket that was spam or never routed routes it now. A
// ticket_events row "spam" / "not_spam" names who clicked.
// 200 {ref, spam, learned (false when the lesson was already known), filter {spam_messages,
// ham_messages}, routing (the reason of the new routing decision, or null)}.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleTicketSpam(WebContext& context, const Request& request);

}  // namespace svar::web
