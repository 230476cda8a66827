#include "web/ticket_spam_handler.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "mail/parse.h"
#include "routing/desk_routing.h"
#include "triage/spam.h"
#include "triage/triage_store.h"
#include "web/errors.h"
#include "web/handler_util.h"
#include "web/json_body.h"
#include "web/json_dump.h"
#include "web/ticket_events.h"

namespace svar::web {
namespace {

using nlohmann::json;

struct SpamOutcome {
  bool learned = false;
  uint32_t spam_messages = 0;
  uint32_t ham_messages = 0;
  std::optional<std::string> routing;
};

// Teaches the filter; false when this lesson was the last word on the message already.
Result<bool> Teach(WebContext& context, const InboundMessage& message,
                   const mail::ParsedMessage& parsed, bool spam, const std::string& actor,
                   int64_t now, SpamOutcome& out) {
  storage::Database& db = context.db;
  SVAR_ASSIGN(auto lesson,
              db.QueryOne("SELECT spam FROM spam_lessons WHERE message_id = ?", {message.id}));
  triage::SpamOptions options;
  options.spam_threshold = context.config.triage.spam_threshold;
  SVAR_ASSIGN(auto stored, triage::LoadSpamFilter(db, options));
  triage::SpamFilter filter = stored ? std::move(*stored) : triage::SpamFilter(options);
  const bool repeat = lesson && (lesson->Int(0) != 0) == spam;
  if (!repeat) {
    if (lesson) filter.Unlearn(parsed, lesson->Int(0) != 0);
    filter.Learn(parsed, spam);
    // trained_at tells the serve job to reload: keep it rising even within one second.
    SVAR_ASSIGN(auto last, db.QueryOne("SELECT trained_at FROM triage_models WHERE name = 'spam'"));
    int64_t trained_at = last ? std::max(now, last->Int(0) + 1) : now;
    SVAR_TRY(triage::SaveSpamFilter(db, filter, trained_at));
    SVAR_TRY(
        db.Exec("INSERT INTO spam_lessons(message_id, spam, actor, at) VALUES (?,?,?,?) "
                "ON CONFLICT(message_id) DO UPDATE SET spam = excluded.spam, actor = "
                "excluded.actor, at = excluded.at",
                {message.id, int64_t{spam}, actor, now}));
  }
  out.spam_messages = filter.spam_messages();
  out.ham_messages = filter.ham_messages();
  return !repeat;
}

Status MarkTicket(WebContext& context, int64_t ticket_id, bool spam, const std::string& actor,
                  int64_t now, SpamOutcome& out) {
  storage::Database& db = context.db;
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT spam, assignee_id, (SELECT COUNT(*) FROM "
                                    "routing_decisions d WHERE d.ticket_id = t.id) FROM tickets t "
                                    "WHERE t.id = ?",
                                    {ticket_id}));
  if (!row) return Fail(ErrorCode::kNotFound, "ticket " + std::to_string(ticket_id) + " is gone");
  const bool was_spam = row->Int(0) != 0;
  const bool never_routed = row->Int(2) == 0;
  if (spam) {
    SVAR_TRY(db.Exec("UPDATE tickets SET spam = 1, assignee_id = NULL WHERE id = ?", {ticket_id}));
  } else {
    SVAR_TRY(db.Exec("UPDATE tickets SET spam = 0 WHERE id = ?", {ticket_id}));
  }
  std::string detail = std::string(spam ? "marked as spam" : "marked as not spam") +
                       (actor.empty() ? "" : " by " + actor);
  if (spam && !row->IsNull(1)) detail += "; unassigned";
  SVAR_TRY(RecordTicketEvent(db, ticket_id, spam ? "spam" : "not_spam", detail, actor, now));
  auto routing = context.Routing();
  if (!spam && (was_spam || never_routed) && row->IsNull(1) && routing) {
    SVAR_TRY(routing->OnNewTicket(db, ticket_id, now));
    SVAR_ASSIGN(auto last, db.QueryOne("SELECT reason FROM routing_decisions WHERE ticket_id = ? "
                                       "ORDER BY id DESC LIMIT 1",
                                       {ticket_id}));
    if (last) out.routing = last->Text(0);
  }
  return Ok();
}

}  // namespace

Response HandleTicketSpam(WebContext& context, const Request& request) {
  auto ticket = TicketOfRequest(context, request);
  if (!ticket) return ErrorResponse(ticket.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyFields(*body, {"spam"}); !st) return ErrorResponse(st.error());
  if (!body->contains("spam"))
    return ErrorResponse(
        Error{ErrorCode::kInvalidArgument, "give \"spam\": true (spam) or false (not spam)"});
  auto spam = BoolField(*body, "spam");
  if (!spam) return ErrorResponse(spam.error());

  auto message = FirstInboundMessage(context.db, ticket->id);
  if (!message) return ErrorResponse(message.error());
  if (!*message || !(*message)->raw_id)
    return ErrorResponse(Error{ErrorCode::kConflict,
                               ticket->ref + " has no customer message with its original kept; "
                                             "there is nothing to learn from"});
  auto raw = context.spool.Load(*(*message)->raw_id);
  if (!raw) return ErrorResponse(raw.error());
  auto parsed = mail::ParseMessage(*raw);
  if (!parsed) return ErrorResponse(parsed.error());

  SpamOutcome out;
  const int64_t now = context.Now().NowSeconds();
  {
    storage::Transaction tx(context.db);
    if (!tx.begin_status()) return ErrorResponse(tx.begin_status().error());
    auto learned = Teach(context, **message, *parsed, *spam, request.actor, now, out);
    if (!learned) return ErrorResponse(learned.error());
    out.learned = *learned;
    if (auto st = MarkTicket(context, ticket->id, *spam, request.actor, now, out); !st)
      return ErrorResponse(st.error());
    if (auto committed = tx.Commit(); !committed) return ErrorResponse(committed.error());
  }
  json result = {
      {"ref", ticket->ref},
      {"spam", *spam},
      {"learned", out.learned},
      {"filter", {{"spam_messages", out.spam_messages}, {"ham_messages", out.ham_messages}}},
      {"routing", out.routing ? json(*out.routing) : json(nullptr)}};
  return JsonResponse(200, DumpJson(result));
}

}  // namespace svar::web
