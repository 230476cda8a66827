#include "triage/triage_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace svar::triage {
namespace {

constexpr int64_t kDay = 86400;

}  // namespace

Result<CustomerFacts> LoadCustomerFacts(storage::Database& db, int64_t customer_id, int64_t now,
                                        int64_t exclude_message_id) {
  CustomerFacts f;
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT vip, tier, lifetime_value, products_json, language, "
                                    "updated_at FROM customers WHERE id = ?",
                                    {customer_id}));
  if (!row) return f;
  f.vip = row->Int(0) != 0;
  f.tier = row->Text(1);
  f.lifetime_value = row->Real(2);
  f.language = row->Text(4);
  f.known = row->Int(5) > 0;
  auto products = nlohmann::json::parse(row->Text(3), nullptr, false);
  if (products.is_array())
    for (const auto& p : products)
      if (p.is_string()) f.products.push_back(p.get<std::string>());

  // The history in one statement (this runs for every inbound message). Contacts are
  // counted up to the cap: without it a sender with hundreds of messages cost a row read
  // per earlier message (0.35 ms at 600), for a weight that is full at 3.
  SVAR_ASSIGN(auto h, db.QueryOne(
                          "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM messages m JOIN tickets t "
                          "ON t.id = m.ticket_id WHERE t.customer_id = ? AND m.direction = 'in' "
                          "AND m.received_at >= ? AND m.id <> ? LIMIT ?)), "
                          "(SELECT COUNT(DISTINCT e.ticket_id) FROM ticket_events e JOIN tickets t "
                          "ON t.id = e.ticket_id WHERE t.customer_id = ? AND e.kind = 'reopened' "
                          "AND e.at >= ?), "
                          "(SELECT COUNT(*) FROM tickets WHERE customer_id = ? AND created_at >= ? "
                          "AND ((first_response_at IS NOT NULL AND first_response_at - created_at > "
                          "?) OR (first_response_at IS NULL AND status IN ('new','open') AND ? - "
                          "created_at > ?)))",
                          {customer_id, now - 30 * kDay, exclude_message_id,
                           int64_t{kContactsCountCap}, customer_id,
                           now - 90 * kDay, customer_id, now - 90 * kDay, kDay, now, kDay}));
  if (h) {
    f.contacts_30d = static_cast<int>(h->Int(0));
    f.reopened_90d = static_cast<int>(h->Int(1));
    f.long_waits_90d = static_cast<int>(h->Int(2));
  }
  return f;
}

Status StoreTriage(storage::Database& db, int64_t message_id, int64_t ticket_id,
                   int64_t customer_id, const TriageResult& r, int64_t now,
                   std::string_view known_language) {
  const ContentTriage& c = r.content;
  SVAR_TRY(db.Exec(
      "INSERT INTO message_triage(message_id, ticket_id, language, script, language_confidence, "
      "category, category_confidence, category_source, sentiment, sentiment_label, urgency, "
      "urgency_label, cancel_intent, legal_threat, spam_probability, spam, churn_risk, priority, "
      "details_json, micros, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT(message_id) DO UPDATE SET language = excluded.language, script = "
      "excluded.script, language_confidence = excluded.language_confidence, category = "
      "excluded.category, category_confidence = excluded.category_confidence, category_source = "
      "excluded.category_source, sentiment = excluded.sentiment, sentiment_label = "
      "excluded.sentiment_label, urgency = excluded.urgency, urgency_label = "
      "excluded.urgency_label, cancel_intent = excluded.cancel_intent, legal_threat = "
      "excluded.legal_threat, spam_probability = excluded.spam_probability, spam = excluded.spam, "
      "churn_risk = excluded.churn_risk, priority = excluded.priority, details_json = "
      "excluded.details_json, micros = excluded.micros",
      {message_id, ticket_id, c.language.code, c.language.script, c.language.confidence,
       c.category.category, c.category.confidence, c.category_source, c.sentiment.score,
       c.sentiment.label, c.urgency.score, c.urgency.label, int64_t{c.urgency.cancel_intent},
       int64_t{c.urgency.legal_threat}, c.spam.probability, int64_t{r.spam}, r.churn.risk,
       r.priority.label, r.DetailsJson(), r.micros, now}));

  SVAR_ASSIGN(auto ticket, db.QueryOne("SELECT priority, category_source, language FROM tickets "
                                       "WHERE id = ?",
                                       {ticket_id}));
  if (!ticket) return Fail(ErrorCode::kNotFound, "ticket " + std::to_string(ticket_id) + " not found");
  // A later message may raise the priority, never lower it; an agent's category stays.
  const bool raise = PriorityRank(r.priority.label) > PriorityRank(ticket->Text(0)) ||
                     ticket->Text(0).empty();
  const std::string priority = raise ? r.priority.label : ticket->Text(0);
  const std::string reasons = raise ? nlohmann::json(r.priority.reasons).dump() : "";
  const bool set_category = ticket->Text(1) != "agent" && !c.category.category.empty();
  SVAR_TRY(db.Exec(
      "UPDATE tickets SET language = CASE WHEN language = '' THEN ? ELSE language END, "
      "priority = ?, priority_reasons = CASE WHEN ? <> '' THEN ? ELSE priority_reasons END, "
      "sentiment = ?, churn_risk = ?, spam = ?, "
      "category = CASE WHEN ? THEN ? ELSE category END, "
      "category_confidence = CASE WHEN ? THEN ? ELSE category_confidence END, "
      "category_source = CASE WHEN ? THEN ? ELSE category_source END WHERE id = ?",
      {c.language.code, priority, reasons, reasons, c.sentiment.label, r.churn.risk,
       int64_t{r.spam}, int64_t{set_category}, c.category.category, int64_t{set_category},
       c.category.confidence, int64_t{set_category}, c.category_source, ticket_id}));
  if (!c.language.code.empty() && c.language.code != known_language)
    SVAR_TRY(db.Exec("UPDATE customers SET language = ? WHERE id = ?",
                     {c.language.code, customer_id}));
  return Ok();
}

Status AddCategoryExample(storage::Database& db, std::string_view text, std::string_view category,
                          ExampleSource source, std::optional<int64_t> ticket_id, int64_t now) {
  storage::Value ticket = ticket_id ? storage::Value(*ticket_id) : storage::Value();
  const char* src = source == ExampleSource::kImport ? "import" : "agent";
  if (ticket_id) {
    // One example per ticket: the latest word of an agent counts.
    return db.Exec(
        "INSERT INTO category_examples(text, category, source, ticket_id, created_at) VALUES "
        "(?,?,?,?,?) ON CONFLICT(ticket_id) DO UPDATE SET text = excluded.text, category = "
        "excluded.category, source = excluded.source, created_at = excluded.created_at",
        {std::string(text), std::string(category), std::string(src), ticket, now});
  }
  return db.Exec("INSERT INTO category_examples(text, category, source, created_at) VALUES "
                 "(?,?,?,?)",
                 {std::string(text), std::string(category), std::string(src), now});
}

Result<std::vector<LabeledText>> CategoryExamples(storage::Database& db) {
  SVAR_ASSIGN(auto rows, db.Query("SELECT text, category FROM category_examples ORDER BY id"));
  std::vector<LabeledText> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1)});
  return out;
}

Result<int64_t> ExamplesSinceTraining(storage::Database& db) {
  // By count, not by time: an example added in the second the model was saved still counts.
  SVAR_ASSIGN(auto row, db.QueryOne(
                            "SELECT (SELECT COUNT(*) FROM category_examples) - COALESCE((SELECT "
                            "examples FROM triage_models WHERE name = 'category'), 0)"));
  return row ? std::max<int64_t>(0, row->Int(0)) : 0;
}

Status SaveCategoryModel(storage::Database& db, const CategoryModel& model, int64_t examples,
                         int64_t now) {
  return db.Exec("INSERT INTO triage_models(name, blob, examples, trained_at) VALUES "
                 "('category', ?, ?, ?) ON CONFLICT(name) DO UPDATE SET blob = excluded.blob, "
                 "examples = excluded.examples, trained_at = excluded.trained_at",
                 {storage::Blob{model.Serialize()}, examples, now});
}

Result<std::optional<CategoryModel>> LoadCategoryModel(storage::Database& db) {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT blob FROM triage_models WHERE name = 'category'"));
  if (!row) return std::optional<CategoryModel>();
  SVAR_ASSIGN(auto model, CategoryModel::Deserialize(row->Text(0)));
  return std::optional<CategoryModel>(std::move(model));
}

Status SaveSpamFilter(storage::Database& db, const SpamFilter& filter, int64_t now) {
  return db.Exec("INSERT INTO triage_models(name, blob, examples, trained_at) VALUES "
                 "('spam', ?, 0, ?) ON CONFLICT(name) DO UPDATE SET blob = excluded.blob, "
                 "trained_at = excluded.trained_at",
                 {storage::Blob{filter.Serialize()}, now});
}

Result<std::optional<SpamFilter>> LoadSpamFilter(storage::Database& db, SpamOptions options) {
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT blob FROM triage_models WHERE name = 'spam'"));
  if (!row) return std::optional<SpamFilter>();
  SVAR_ASSIGN(auto filter, SpamFilter::Deserialize(row->Text(0), options));
  return std::optional<SpamFilter>(std::move(filter));
}

Result<std::string> TicketTriageJson(storage::Database& db, int64_t ticket_id) {
  using nlohmann::json;
  SVAR_ASSIGN(auto t, db.QueryOne(
                          "SELECT language, category, category_confidence, category_source, "
                          "priority, priority_reasons, sentiment, churn_risk, spam, assignee_id, "
                          "team, sla_policy, first_response_due, next_response_due, "
                          "resolution_due FROM tickets WHERE id = ?",
                          {ticket_id}));
  if (!t) return Fail(ErrorCode::kNotFound, "ticket " + std::to_string(ticket_id) + " not found");
  auto opt = [&](size_t i) { return t->IsNull(i) ? json(nullptr) : json(t->Int(i)); };
  json reasons = json::parse(t->Text(5), nullptr, false);
  json out = {{"language", t->Text(0)},
              {"category", t->Text(1)},
              {"category_confidence", t->Real(2)},
              {"category_source", t->Text(3)},
              {"priority", t->Text(4)},
              {"priority_reasons", reasons.is_array() ? reasons : json::array()},
              {"sentiment", t->Text(6)},
              {"churn_risk", t->Real(7)},
              {"spam", t->Int(8) != 0},
              {"assignee_id", opt(9)},
              {"team", t->Text(10)},
              {"sla",
               {{"policy", t->Text(11)},
                {"first_response_due", opt(12)},
                {"next_response_due", opt(13)},
                {"resolution_due", opt(14)}}}};
  SVAR_ASSIGN(auto decisions, db.Query("SELECT agent_id, team, kind, reason, actor, created_at "
                                       "FROM routing_decisions WHERE ticket_id = ? ORDER BY id",
                                       {ticket_id}));
  json routing = json::array();
  for (const auto& d : decisions)
    routing.push_back({{"agent_id", d.IsNull(0) ? json(nullptr) : json(d.Int(0))},
                       {"team", d.Text(1)},
                       {"kind", d.Text(2)},
                       {"reason", d.Text(3)},
                       {"actor", d.Text(4)},
                       {"at", d.Int(5)}});
  out["routing"] = std::move(routing);
  SVAR_ASSIGN(auto rows, db.Query("SELECT message_id, details_json FROM message_triage WHERE "
                                  "ticket_id = ? ORDER BY message_id",
                                  {ticket_id}));
  json messages = json::object();
  for (const auto& r : rows) {
    json d = json::parse(r.Text(1), nullptr, false);
    messages[std::to_string(r.Int(0))] = d.is_discarded() ? json::object() : d;
  }
  out["messages"] = std::move(messages);
  return out.dump();
}

Status LoadModels(storage::Database& db, Triager& triager, double spam_threshold) {
  SVAR_ASSIGN(auto category, LoadCategoryModel(db));
  if (category) triager.SetCategoryModel(std::make_shared<const CategoryModel>(std::move(*category)));
  SpamOptions options;
  options.spam_threshold = spam_threshold;
  SVAR_ASSIGN(auto spam, LoadSpamFilter(db, options));
  if (spam) triager.SetSpamFilter(std::make_shared<const SpamFilter>(std::move(*spam)));
  return Ok();
}

}  // namespace svar::triage
