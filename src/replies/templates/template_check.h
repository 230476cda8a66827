// The server-side authority check a reply goes through before it is queued, and the record
// of a template's use after it is. The reply API (POST /api/v1/tickets/{ref}/replies) calls:
//
//   auto use = CheckTemplatedReply(db, ticket, template_id, version, text, role, agent, desk);
//   if (!use) -> refuse (ErrorResponse: kPermissionDenied is 403; nothing is queued)
//   auto queued = outbox.Enqueue(mail with `text`);
//   RecordTemplateUse(db, *use, queued->message_row_id);   // same transaction if possible
//
// and for a reply without a template:
//
//   if (auto st = CheckFreeTextReply(db, role); !st) -> refuse (403)
//
// The check renders the template version for the ticket and agent exactly as the
// suggestions did (template_facts.h ValuesFor), then matches the final text against it
// (template_match.h): locked segments verbatim and in order, editable parts free, line
// endings and trailing spaces normalised. The role's permissions (template_policy.h) decide
// whether an editable or locked change is allowed. The rendering uses the ticket's data at
// the time of sending: when e.g. the due date in a locked passage moved since the draft was
// made, the agent fetches the draft again.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.h"
#include "replies/templates/template_facts.h"
#include "replies/templates/template_store.h"
#include "storage/database.h"
#include "tickets/records.h"

namespace svar::replies {

// A template version rendered for a ticket and agent.
struct RenderedTemplate {
  TemplateRecord template_record;  // the template (its current state)
  int version = 0;                 // the version rendered
  ParsedTemplate parsed;
  Rendered rendered;
};

// Renders version `version` (0 = current) of the template for the ticket. kNotFound for an
// unknown template or version; kInvalidArgument when a stored body no longer parses.
Result<RenderedTemplate> RenderForTicket(storage::Database& db, const TicketFacts& ticket,
                                         int64_t template_id, int version,
                                         const ReplyAgent& agent, std::string_view desk_name);

// Checks the reply `final_text` made from the template (version 0 = current; an older
// version that exists is accepted, it was approved in its time) for `role` (a token role
// name: agent, senior, editor, reviewer, admin) and `agent` (the token name or agent's
// email; the agent's name fills {{agent.name}}). Returns what to record. Errors:
//   kNotFound          unknown template or version
//   kConflict          the template is archived (pick another; suggestions list active ones)
//   kInvalidArgument   empty text
//   kPermissionDenied  the change needs an authority the role does not have; the message
//                      quotes the first changed locked passage and says what the role may do
Result<TemplateUse> CheckTemplatedReply(storage::Database& db, const tickets::Ticket& ticket,
                                        int64_t template_id, int version,
                                        std::string_view final_text, std::string_view role,
                                        std::string_view agent, std::string_view desk_name);

// kPermissionDenied when the role may not send free text (text without a template).
Status CheckFreeTextReply(storage::Database& db, std::string_view role);

// Records the use (template_uses) with the outgoing message row the outbox stored.
Status RecordTemplateUse(storage::Database& db, const TemplateUse& use,
                         std::optional<int64_t> message_row_id, int64_t now);

}  // namespace svar::replies
