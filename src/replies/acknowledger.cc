#include "replies/acknowledger.h"

#include <nlohmann/json.hpp>

#include "core/log.h"
#include "core/text.h"
#include "routing/response_estimate_store.h"

namespace svar::replies {
namespace {

constexpr const char* kActor = "acknowledgement";

std::map<std::string, std::string> ParseReasons(const std::string& json) {
  std::map<std::string, std::string> out;
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it.value().is_string()) out[it.key()] = it.value().get<std::string>();
  return out;
}

std::vector<std::string> DeskAddresses(const Config& c) {
  std::vector<std::string> out = c.desk.addresses;
  for (const auto& m : c.mailboxes)
    if (!m.address.empty()) out.push_back(m.address);
  return out;
}

// The knowledge-base locale of a text language.
std::string KbLocale(const std::string& language) {
  if (language == "zh") return "zh-Hans";
  return language;
}

}  // namespace

struct Acknowledger::Facts {
  std::string state;
  AckFacts decision;
  std::string customer_name;
  std::string language;  // the text language
  std::string sla_policy;
  std::optional<int64_t> first_response_due;
  std::string text, subject;
};

Acknowledger::Acknowledger(Outbox& outbox, intake::Pipeline& pipeline, const Config& config,
                           const Clock& clock, LinkFinder links)
    : outbox_(outbox),
      pipeline_(pipeline),
      db_(pipeline.db()),
      config_(config),
      clock_(clock),
      links_(std::move(links)),
      texts_(pipeline.db()) {
  if (auto r = routing::DeskRouting::Create(config)) routing_ = std::move(*r);
}

Acknowledger::~Acknowledger() = default;

Result<int> Acknowledger::CountRecent(const std::string& email, int64_t now) {
  SVAR_ASSIGN(auto row,
              db_.QueryOne("SELECT COUNT(*) FROM outbox o JOIN tickets t ON t.id = o.ticket_id "
                           "JOIN customers c ON c.id = t.customer_id WHERE o.kind = "
                           "'acknowledgement' AND o.created_at > ? AND c.email = ?",
                           {now - 86400, AsciiLower(email)}));
  return row ? static_cast<int>(row->Int(0)) : 0;
}

Result<std::optional<Acknowledger::Facts>> Acknowledger::LoadFacts(int64_t ticket_id,
                                                                  int64_t now) {
  SVAR_ASSIGN(auto t, db_.QueryOne("SELECT t.ack_state, t.spam, t.language, t.sla_policy, "
                                   "t.first_response_due, t.first_response_at, c.email, c.name, "
                                   "t.subject FROM tickets t JOIN customers c ON c.id = "
                                   "t.customer_id WHERE t.id = ?",
                                   {ticket_id}));
  if (!t) return std::optional<Facts>();
  Facts f;
  f.state = t->Text(0);
  AckFacts& d = f.decision;
  d.now = now;
  d.has_transport = !config_.outbox.smtp_url.empty() || !config_.outbox.sendmail.empty();
  d.spam = t->Int(1) != 0;
  d.answered = !t->IsNull(5);
  d.sender = t->Text(6);
  d.desk_addresses = DeskAddresses(config_);
  f.customer_name = t->Text(7);
  f.sla_policy = t->Text(3);
  f.first_response_due = t->OptInt(4);
  f.subject = t->Text(8);
  SVAR_ASSIGN(auto m, db_.QueryOne("SELECT m.id, m.flags, m.guards_json, m.sent_at, m.text, "
                                   "m.subject, COALESCE(mt.script, '') FROM messages m LEFT "
                                   "JOIN message_triage mt ON mt.message_id = m.id WHERE "
                                   "m.ticket_id = ? AND m.direction = 'in' ORDER BY m.id LIMIT 1",
                                   {ticket_id}));
  std::string script;
  if (m) {
    d.guard_flags = static_cast<uint32_t>(m->Int(1));
    d.guard_reasons = ParseReasons(m->Text(2));
    d.mail_date = m->OptInt(3);
    f.text = m->Text(4);
    if (!m->Text(5).empty()) f.subject = m->Text(5);
    script = m->Text(6);
  } else {
    d.has_customer_mail = false;
  }
  f.language = AckLanguageFor(t->Text(2), script, config_.knowledge.default_locale);
  if (d.spam) {
    SVAR_ASSIGN(auto s, db_.QueryOne("SELECT details_json FROM message_triage WHERE ticket_id = "
                                     "? AND spam = 1 ORDER BY message_id LIMIT 1",
                                     {ticket_id}));
    if (s) {
      auto j = nlohmann::json::parse(s->Text(0), nullptr, false);
      if (j.is_object() && j.contains("spam") && j["spam"].is_object() &&
          j["spam"].contains("reason") && j["spam"]["reason"].is_string())
        d.spam_reason = j["spam"]["reason"].get<std::string>();
    }
  }
  SVAR_ASSIGN(d.acknowledgements_last_day, CountRecent(d.sender, now));
  return std::optional<Facts>(std::move(f));
}

std::string Acknowledger::ZoneFor(const std::string& sla_policy) const {
  if (!config_.acknowledgement.time_zone.empty()) return config_.acknowledgement.time_zone;
  for (const auto& s : config_.sla)
    if (s.name == sla_policy && !s.calendar.empty())
      for (const auto& c : config_.calendars)
        if (c.name == s.calendar) return c.time_zone;
  if (!config_.calendars.empty()) return config_.calendars.front().time_zone;
  return "UTC";
}

Status Acknowledger::MarkSkipped(int64_t ticket_id, const AckDecision& d, int64_t now) {
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_TRY(db_.Exec("UPDATE tickets SET ack_state = 'skipped', ack_reason = ? WHERE id = ? AND "
                    "ack_state = 'pending'",
                    {d.reason, ticket_id}));
  if (db_.Changes() == 1 && !IsDeskWide(d.skip))
    SVAR_TRY(db_.Exec("INSERT INTO ticket_events(ticket_id, kind, detail, actor, at) VALUES "
                      "(?, 'acknowledgement_skipped', ?, ?, ?)",
                      {ticket_id, d.reason, std::string(kActor), now}));
  return tx.Commit();
}

Status Acknowledger::Skip(int64_t ticket_id, std::string_view reason) {
  return MarkSkipped(ticket_id, {false, AckSkip::kNone, std::string(reason)},
                     clock_.NowSeconds());
}

Result<AckOutcome> Acknowledger::Acknowledge(int64_t id) {
  const int64_t now = clock_.NowSeconds();
  std::unique_lock lock(db_.mutex());
  SVAR_ASSIGN(int64_t ticket_id, pipeline_.tickets().Resolve(id));
  SVAR_ASSIGN(auto facts, LoadFacts(ticket_id, now));
  if (!facts)
    return Fail(ErrorCode::kNotFound, "ticket " + std::to_string(id) + " does not exist");
  AckOutcome out;
  out.language = facts->language;
  if (facts->state != kAckPending) {
    out.state = facts->state;
    out.already_decided = true;
    return out;
  }
  AckDecision decision = DecideAcknowledgement(facts->decision, config_.acknowledgement);
  if (!decision.send) {
    SVAR_TRY(MarkSkipped(ticket_id, decision, now));
    out.state = kAckSkipped;
    out.skip = decision.skip;
    out.reason = decision.reason;
    return out;
  }

  // The promise.
  routing::ResponseEstimate estimate;
  bool estimated = false;
  if (routing_) {
    auto e = routing::EstimateFirstResponse(db_, *routing_, ticket_id, now);
    if (e) {
      estimate = *e;
      estimated = true;
    } else if (e.error().code == ErrorCode::kConflict) {
      AckDecision answered{false, AckSkip::kAnswered, "answered: " + e.error().message};
      SVAR_TRY(MarkSkipped(ticket_id, answered, now));
      out.state = kAckSkipped;
      out.skip = answered.skip;
      out.reason = answered.reason;
      return out;
    } else {
      LogWarn("acknowledgement of ticket " + std::to_string(ticket_id) +
              ": no estimate, promising the SLA due time or a day (" + e.error().message + ")");
    }
  }
  if (!estimated) {
    routing::EstimateInput input;
    input.now = now;
    input.sla_due = facts->first_response_due;
    estimate = routing::EstimateResponse(input);
  }
  // The fallbacks (SLA due time, a day) are not rounded by the estimate: a customer is promised
  // "before 10:00", never "before 09:37".
  estimate.promise_at = routing::RoundPromise(now, std::max(estimate.promise_at, now + 60),
                                              &estimate.unit);
  auto zone = routing::ZoneOffsets::Create(ZoneFor(facts->sla_policy));
  routing::ZoneOffsets utc;
  out.promise = PhrasePromise(facts->language, now, estimate.promise_at, estimate.unit,
                              zone ? *zone : utc);

  // The links (outside the lock: a search may take a few milliseconds).
  std::vector<AnswerLink> links;
  if (links_ && config_.acknowledgement.links > 0) {
    lock.unlock();
    auto found = links_(LinkQuery{facts->text, facts->subject, KbLocale(facts->language),
                                  config_.acknowledgement.links});
    lock.lock();
    if (found) {
      links = std::move(*found);
      if (links.size() > static_cast<size_t>(config_.acknowledgement.links))
        links.resize(config_.acknowledgement.links);
    } else {
      LogWarn("acknowledgement of ticket " + std::to_string(ticket_id) +
              " goes without links: " + found.error().message);
    }
  }

  SVAR_ASSIGN(AckText text, texts_.Get(facts->language));
  SVAR_ASSIGN(auto ticket, pipeline_.tickets().FindById(ticket_id));
  AckValues values{ticket ? ticket->ref : std::string(), out.promise, facts->customer_name,
                   facts->subject, config_.desk.name, std::move(links)};
  AckText rendered = RenderAckText(text, values, facts->language);

  OutgoingMail mail;
  mail.ticket_id = ticket_id;
  mail.kind = MailKind::kAcknowledgement;
  mail.author = "system";
  mail.text = rendered.body;
  mail.subject = rendered.subject;
  mail.content_language = KbLocale(facts->language);
  mail.extra_headers = {{"Auto-Submitted", "auto-replied"}, {"X-Auto-Response-Suppress", "All"}};

  // Queue it, re-checking under the write lock what another process may have changed.
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto again, db_.QueryOne("SELECT ack_state FROM tickets WHERE id = ?", {ticket_id}));
  if (!again || again->Text(0) != kAckPending) {
    out.state = again ? again->Text(0) : "";
    out.already_decided = true;
    return out;
  }
  SVAR_ASSIGN(int recent, CountRecent(facts->decision.sender, now));
  if (recent >= config_.acknowledgement.max_per_sender_per_day) {
    facts->decision.acknowledgements_last_day = recent;
    AckDecision late = DecideAcknowledgement(facts->decision, config_.acknowledgement);
    SVAR_TRY(MarkSkipped(ticket_id, late, now));
    SVAR_TRY(tx.Commit());
    out.state = kAckSkipped;
    out.skip = late.skip;
    out.reason = late.reason;
    return out;
  }
  SVAR_ASSIGN(Enqueued queued, outbox_.Enqueue(mail));
  SVAR_TRY(db_.Exec("UPDATE tickets SET ack_state = 'queued', ack_reason = '' WHERE id = ?",
                    {ticket_id}));
  SVAR_TRY(tx.Commit());
  out.state = kAckQueued;
  out.mail = std::move(queued);
  return out;
}

Result<int> Acknowledger::AcknowledgePending(int limit) {
  const int64_t now = clock_.NowSeconds();
  const int64_t since = now - int64_t{config_.acknowledgement.max_age_hours} * 3600;
  std::vector<std::pair<int64_t, int64_t>> pending;  // id, created_at
  {
    std::lock_guard lock(db_.mutex());
    SVAR_ASSIGN(auto rows, db_.Query("SELECT id, created_at FROM tickets WHERE ack_state = "
                                     "'pending' ORDER BY id LIMIT ?",
                                     {int64_t{limit}}));
    for (const auto& r : rows) pending.emplace_back(r.Int(0), r.Int(1));
  }
  int decided = 0;
  for (const auto& [id, created] : pending) {
    if (created < since) {
      SVAR_TRY(MarkSkipped(id,
                           {false, AckSkip::kTooOld,
                            "too_old: left undecided for more than [acknowledgement] "
                            "max_age_hours = " +
                                std::to_string(config_.acknowledgement.max_age_hours)},
                           now));
      ++decided;
      continue;
    }
    SVAR_ASSIGN(auto o, Acknowledge(id));
    if (!o.already_decided) ++decided;
  }
  return decided;
}

}  // namespace svar::replies
