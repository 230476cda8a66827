#include "intake/pipeline.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "mail/parse.h"
#include "threading/threader.h"
#include "core/log.h"
#include "triage/guards.h"
#include "triage/triage_store.h"

namespace svar::intake {
namespace {

int64_t MicrosSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

bool IsDeskAddress(const Config& c, std::string_view email) {
  for (const auto& a : c.desk.addresses) {
    if (EqualsIgnoreCase(a, email)) return true;
  }
  for (const auto& m : c.mailboxes) {
    if (!m.address.empty() && EqualsIgnoreCase(m.address, email)) return true;
  }
  return false;
}

std::vector<std::string> DeskAddresses(const Config& c) {
  std::vector<std::string> out = c.desk.addresses;
  for (const auto& m : c.mailboxes) {
    if (!m.address.empty()) out.push_back(m.address);
  }
  return out;
}

constexpr const char* kUnknownSender = "unknown-sender@invalid";

}  // namespace

std::string_view OutcomeName(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::kStored: return "stored";
    case OutcomeKind::kDuplicate: return "duplicate";
    case OutcomeKind::kQuarantined: return "quarantined";
  }
  return "stored";
}

Pipeline::Pipeline(storage::Database& db, const Config& config, const Clock& clock)
    : db_(db),
      config_(config),
      clock_(clock),
      spool_(db),
      tickets_(db, config.desk.ref_prefix, config.desk.first_ticket_number),
      triager_(config) {
  if (auto r = routing::DeskRouting::Create(config)) {
    routing_ = std::move(*r);
  } else {
    LogWarn("routing and SLA are off: " + r.error().message);
  }
  // Trained models, when the desk has them; without them triage runs on rules, word lists
  // and upstream spam headers, and says so in its reasons.
  std::lock_guard lock(db_.mutex());
  if (auto st = triage::LoadModels(db_, triager_, config.triage.spam_threshold); !st)
    LogWarn("triage models not loaded (" + st.error().message +
            "); retrain with `svar train categories`");
}

void Pipeline::UseLiveDesk(const routing::LiveDesk* live) {
  live_ = live;
  FollowLiveRules();
  FollowLiveDesk();
}

void Pipeline::FollowLiveRules() {
  if (!live_) return;
  const uint64_t v = live_->version();
  if (v == rules_version_.load()) return;
  triager_.SetRules(*live_->config());
  rules_version_ = v;
}

void Pipeline::FollowLiveDesk() {
  if (!live_ || live_->version() == routing_version_) return;
  routing_version_ = live_->version();
  routing_ = live_->routing();
}

Result<PutResult> Pipeline::Spool(std::string_view raw, std::string_view source,
                                  std::optional<int64_t> mailbox_id) {
  FollowLiveRules();  // before this message's content triage (Parse)
  auto start = std::chrono::steady_clock::now();
  auto r = spool_.Put(raw, source, mailbox_id, clock_.NowSeconds());
  times_.spool_us += MicrosSince(start);
  return r;
}

ParseResult Pipeline::Parse(std::string_view raw) const {
  auto start = std::chrono::steady_clock::now();
  ParseResult out{Fail(ErrorCode::kInternal, "not parsed"), 0};
  if (static_cast<int64_t>(raw.size()) > config_.intake.max_message_bytes) {
    out.message = Fail(ErrorCode::kInvalidArgument,
                       "message is " + std::to_string(raw.size()) +
                           " bytes, over intake.max_message_bytes (" +
                           std::to_string(config_.intake.max_message_bytes) +
                           "); raise the limit and run `svar quarantine replay`");
  } else {
    mail::ParseOptions options;
    options.deadline = Deadline(config_.intake.time_limit_ms);
    out.message = mail::ParseMessage(raw, options);
  }
  out.micros = MicrosSince(start);
  if (out.message) out.triage = triager_.AnalyzeContent(*out.message);
  return out;
}

Result<Outcome> Pipeline::Take(std::string_view raw, std::string_view source,
                               std::optional<int64_t> mailbox_id) {
  SVAR_ASSIGN(auto put, Spool(raw, source, mailbox_id));
  if (!put.inserted && put.state != kRawPending) {
    Outcome o;
    o.kind = OutcomeKind::kDuplicate;
    o.raw_id = put.id;
    o.detail = "already taken in (" + put.state + ")";
    SVAR_ASSIGN(auto row, db_.QueryOne("SELECT t.number FROM messages m JOIN tickets t ON "
                                       "t.id = m.ticket_id WHERE m.raw_id = ?",
                                       {put.id}));
    if (row) o.ticket_ref = config_.desk.ref_prefix + "-" + std::to_string(row->Int(0));
    return o;
  }
  return Commit(put.id, raw, Parse(raw));
}

Result<Outcome> Pipeline::Commit(int64_t raw_id, std::string_view raw, ParseResult parsed) {
  times_.parse_us += parsed.micros;
  times_.messages += 1;
  if (!parsed.message) {
    const Error& e = parsed.message.error();
    std::string reason = e.code == ErrorCode::kTimeout
                             ? "parsing took longer than intake.time_limit_ms (" +
                                   std::to_string(config_.intake.time_limit_ms) + " ms): " +
                                   e.message
                             : e.message;
    return Quarantine(raw_id, reason);
  }
  if (parsed.triage) {
    const triage::FilterTimes& t = parsed.triage->times;
    times_.language_us += t.language;
    times_.sentiment_us += t.sentiment;
    times_.urgency_us += t.urgency;
    times_.category_us += t.category;
    times_.spam_us += t.spam;
  }
  auto outcome = CommitParsed(raw_id, *parsed.message, std::move(parsed.triage));
  if (outcome) return outcome;
  if (IsTemporary(outcome.error().code)) return outcome;
  return Quarantine(raw_id, "could not be stored: " + outcome.error().message);
}

Result<Outcome> Pipeline::Quarantine(int64_t raw_id, std::string reason) {
  std::lock_guard lock(db_.mutex());
  SVAR_TRY(spool_.MarkQuarantined(raw_id, reason, clock_.NowSeconds()));
  Outcome o;
  o.kind = OutcomeKind::kQuarantined;
  o.raw_id = raw_id;
  o.detail = std::move(reason);
  return o;
}

Result<Outcome> Pipeline::CommitParsed(int64_t raw_id, const mail::ParsedMessage& m,
                                       std::optional<triage::ContentTriage> content) {
  const int64_t now = clock_.NowSeconds();
  FollowLiveDesk();
  auto t0 = std::chrono::steady_clock::now();
  triage::GuardResult guards = triage::RunGuards(m, DeskAddresses(config_));
  times_.guards_us += MicrosSince(t0);

  const bool outbound = (guards.flags & tickets::kGuardOwnAddress) != 0;
  // Whose ticket this is: the sender, or for the desk's own mail the first outside recipient.
  std::string customer_email = m.from.email;
  std::string customer_name = m.from.name;
  if (outbound) {
    customer_email.clear();
    for (const auto& a : m.to) {
      if (!a.email.empty() && !IsDeskAddress(config_, a.email)) {
        customer_email = a.email;
        customer_name = a.name;
        break;
      }
    }
  }
  if (customer_email.empty() && !m.reply_to.empty()) customer_email = m.reply_to[0].email;
  if (customer_email.empty()) customer_email = m.sender.email;
  if (customer_email.empty()) customer_email = m.return_path;
  if (customer_email.empty()) customer_email = kUnknownSender;

  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  // Another process may have committed this entry since we spooled it.
  SVAR_ASSIGN(auto entry, spool_.Find(raw_id));
  if (entry && entry->state == kRawStored) {
    Outcome o;
    o.kind = OutcomeKind::kDuplicate;
    o.raw_id = raw_id;
    o.detail = "already taken in";
    return o;
  }

  auto t1 = std::chrono::steady_clock::now();
  SVAR_ASSIGN(auto customer, tickets_.UpsertCustomer(customer_email, customer_name, now));
  threading::Threader threader(tickets_, config_.intake.fallback_window_days);
  std::string sender = m.from.email.empty() ? customer_email : m.from.email;
  SVAR_ASSIGN(auto decision, threader.Decide(m, sender, customer.id,
                                             m.bounce.original_message_ids, now));
  times_.thread_us += MicrosSince(t1);

  auto t2 = std::chrono::steady_clock::now();
  Outcome o;
  o.raw_id = raw_id;
  o.detail = decision.reason;
  int64_t ticket_id;
  if (decision.ticket_id) {
    ticket_id = *decision.ticket_id;
    for (int64_t other : decision.merge_into_ticket) {
      SVAR_TRY(tickets_.Merge(other, ticket_id, now));
    }
  } else {
    std::string subject = m.subject.empty() ? "(no subject)" : m.subject;
    SVAR_ASSIGN(auto t, tickets_.CreateTicket(subject, customer.id,
                                              entry ? entry->mailbox_id : std::nullopt,
                                              decision.linked_ticket_id, now));
    ticket_id = t.id;
    o.new_ticket = true;
    SVAR_TRY(db_.Exec("INSERT INTO ticket_events(ticket_id, kind, at) VALUES (?, 'created', ?)",
                      {ticket_id, now}));
  }

  tickets::Message msg;
  msg.ticket_id = ticket_id;
  msg.raw_id = raw_id;
  msg.direction = outbound ? "out" : "in";
  msg.message_id = m.message_id;
  msg.from_email = m.from.email;
  msg.from_name = m.from.name;
  for (const auto& a : m.to) msg.to.push_back(a.email);
  for (const auto& a : m.cc) msg.cc.push_back(a.email);
  msg.subject = m.subject;
  msg.sent_at = m.date;
  msg.received_at = now;
  msg.text = m.text;
  msg.quoted = m.quoted;
  msg.signature = m.signature;
  msg.html = m.html;
  msg.content_language = m.content_language;
  msg.flags = guards.flags;
  msg.guards_json = guards.ReasonsJson();
  msg.warnings_json = nlohmann::json(m.warnings).dump();
  msg.thread_reason = decision.reason;
  msg.refs = m.in_reply_to;
  msg.refs.insert(msg.refs.end(), m.references.begin(), m.references.end());
  msg.refs.insert(msg.refs.end(), m.bounce.original_message_ids.begin(),
                  m.bounce.original_message_ids.end());
  for (const auto& a : m.attachments) {
    msg.attachments.push_back(tickets::Attachment{0, 0, a.filename, a.content_type, a.size,
                                                  a.content_id, a.disposition, a.part_path});
  }
  SVAR_ASSIGN(int64_t message_row_id, tickets_.InsertMessage(msg));
  if (!outbound) {
    SVAR_TRY(db_.Exec("INSERT INTO ticket_events(ticket_id, kind, at) VALUES (?, "
                      "'customer_message', ?)",
                      {ticket_id, now}));
    auto t3 = std::chrono::steady_clock::now();
    SVAR_TRY(TriageMessage(m, std::move(content), message_row_id, ticket_id, customer.id,
                           entry ? entry->mailbox_id : std::nullopt, now));
    times_.triage_finish_us += MicrosSince(t3);
    if (routing_) {
      auto t4 = std::chrono::steady_clock::now();
      if (o.new_ticket) {
        SVAR_TRY(routing_->OnNewTicket(db_, ticket_id, now));
      } else {
        SVAR_TRY(routing_->OnTicketChanged(db_, ticket_id, now));
      }
      times_.route_us += MicrosSince(t4);
    }
  }

  // Participants: whoever may use the ticket reference later. The sender of a message that
  // landed here by its headers or reference, and the outside people it was addressed to.
  if (!(guards.flags & (tickets::kGuardBounce | tickets::kGuardList))) {
    if (!outbound) SVAR_TRY(tickets_.AddParticipant(ticket_id, sender));
    for (const auto* list : {&m.to, &m.cc}) {
      for (const auto& a : *list) {
        if (!a.email.empty() && !IsDeskAddress(config_, a.email)) {
          SVAR_TRY(tickets_.AddParticipant(ticket_id, a.email));
        }
      }
    }
  }
  SVAR_TRY(tickets_.TouchTicket(ticket_id, m.date.value_or(now), now));
  SVAR_TRY(spool_.MarkStored(raw_id, now));
  SVAR_ASSIGN(auto ticket, tickets_.FindById(ticket_id));
  o.ticket_ref = ticket ? ticket->ref : "";
  SVAR_TRY(tx.Commit());
  times_.store_us += MicrosSince(t2);
  return o;
}

Status Pipeline::TriageMessage(const mail::ParsedMessage& m,
                               std::optional<triage::ContentTriage> content, int64_t message_id,
                               int64_t ticket_id, int64_t customer_id,
                               std::optional<int64_t> mailbox_id, int64_t now) {
  std::string mailbox_language;
  if (mailbox_id) {
    SVAR_ASSIGN(auto row, db_.QueryOne("SELECT name FROM mailboxes WHERE id = ?", {*mailbox_id}));
    if (row)
      for (const auto& mb : config_.mailboxes)
        if (mb.name == row->Text(0)) mailbox_language = mb.language;
  }
  if (!content) content = triager_.AnalyzeContent(m, mailbox_language);
  SVAR_ASSIGN(auto customer, triage::LoadCustomerFacts(db_, customer_id, now, message_id));
  triage::TriageResult r = triager_.Finish(std::move(*content), m, customer, mailbox_language);
  return triage::StoreTriage(db_, message_id, ticket_id, customer_id, r, now, customer.language);
}

Result<Outcome> Pipeline::Reprocess(int64_t raw_id) {
  SVAR_ASSIGN(std::string raw, spool_.Load(raw_id));
  FollowLiveRules();
  return Commit(raw_id, raw, Parse(raw));
}

Result<int64_t> Pipeline::RecoverPending() {
  int64_t n = 0;
  for (;;) {
    SVAR_ASSIGN(auto pending, spool_.List(kRawPending, 256));
    if (pending.empty()) return n;
    for (const auto& e : pending) {
      SVAR_TRY(Reprocess(e.id));
      ++n;
    }
  }
}

}  // namespace svar::intake
