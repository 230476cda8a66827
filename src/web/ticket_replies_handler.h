// Answering a ticket through the JSON API; everything lands in the ticket's thread with its
// author (the token's name, or the agent whose email or name it is).
//
// POST /api/v1/tickets/{ref}/replies  (agent)
//   {text (required, UTF-8), html?, cc?: [email], attachments?: [{filename, content_type?,
//    content_base64}], status?: open|pending|solved|closed, template?: {id, version?}}
//   With `template`, the text is checked against the template rendered for this ticket and
//   the token's role (replies/templates/template_check.h: locked text changed without the
//   authority is 403 quoting the passage; nothing is queued) and the use is recorded; without
//   it, the role must be allowed free text.
//   The reply is built as MIME and queued in the outbox (replies/outbox.h), stored in the
//   thread at once (direction out), and sent by the outbox worker; the first reply sets the
//   ticket's first response (SLA). `status` changes the ticket afterwards (a reply to a new
//   ticket opens it). 202 {outbox_id, message_id, ticket, state: "queued", status}.
// POST /api/v1/tickets/{ref}/forward  (agent)
//   {to: email (required), text?: a note above the forwarded message, cc?: [email]}
//   Forwards the customer's latest message to an outside address: the note, the message
//   quoted, and the original attached as message/rfc822. Queued like a reply (kind forward).
//   202 as above.
// POST /api/v1/tickets/{ref}/notes  (agent)
//   {text (required)}: an internal note, never sent; shown in the ticket's `notes`. 201
//   {note: {id, author, text, at}}.
// Errors: 400 naming the field; 404 unknown ticket; 409 merged ticket; 503 without an outbox.
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleReply(WebContext& context, const Request& request);
Response HandleForward(WebContext& context, const Request& request);
Response HandleAddNote(WebContext& context, const Request& request);

}  // namespace svar::web
