#include "replies/outbox_worker.h"

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "core/log.h"

namespace svar::replies {
namespace {

std::function<double()> DefaultRandom() {
  auto gen = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [gen] { return std::uniform_real_distribution<double>(0.0, 1.0)(*gen); };
}

}  // namespace

OutboxWorker::OutboxWorker(storage::Database& db, const Config& config, const Clock& clock,
                           MailTransport& transport, std::function<double()> random)
    : db_(db),
      config_(config),
      clock_(clock),
      transport_(transport),
      random_(random ? std::move(random) : DefaultRandom()),
      backoff_{config.outbox.backoff_base_seconds, config.outbox.backoff_max_seconds} {}

Result<int64_t> OutboxWorker::RequeueInterrupted() {
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_TRY(
      db_.Exec("UPDATE outbox SET state = 'queued', next_attempt_at = ? WHERE state = "
               "'sending'",
               {clock_.NowSeconds()}));
  int64_t n = db_.Changes();
  SVAR_TRY(tx.Commit());
  if (n > 0)
    LogInfo("outbox: " + std::to_string(n) +
            " mail(s) interrupted while sending are queued again (a copy may already have "
            "been delivered; a resend carries the same Message-ID)");
  return n;
}

Result<PassReport> OutboxWorker::RunPass() {
  PassReport report;
  const int64_t now = clock_.NowSeconds();
  // While a row is `sending`, next_attempt_at is the end of its claim.
  const int64_t lease = int64_t{config_.outbox.timeout_seconds} + 60;
  std::vector<int64_t> ids;
  {
    storage::Transaction tx(db_);
    SVAR_TRY(tx.begin_status());
    SVAR_TRY(
        db_.Exec("UPDATE outbox SET state = 'queued' WHERE state = 'sending' AND "
                 "next_attempt_at < ?",
                 {now}));
    SVAR_ASSIGN(auto due, db_.Query("SELECT id FROM outbox WHERE state = 'queued' AND "
                                    "next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                                    {now, int64_t{config_.outbox.batch_size}}));
    for (const auto& r : due) {
      SVAR_TRY(
          db_.Exec("UPDATE outbox SET state = 'sending', attempts = attempts + 1, "
                   "next_attempt_at = ? WHERE id = ? AND state = 'queued'",
                   {now + lease, r.Int(0)}));
      if (db_.Changes() == 1) ids.push_back(r.Int(0));
    }
    SVAR_TRY(tx.Commit());
  }
  report.claimed = static_cast<int64_t>(ids.size());
  for (int64_t id : ids) {
    Envelope env;
    std::string mime;
    {
      std::lock_guard lock(db_.mutex());
      SVAR_ASSIGN(auto row, db_.QueryOne("SELECT envelope_from, recipients_json, mime FROM "
                                         "outbox WHERE id = ?",
                                         {id}));
      if (!row) continue;
      env.from = row->Text(0);
      auto j = nlohmann::json::parse(row->Text(1), nullptr, false);
      if (j.is_array())
        for (const auto& v : j)
          if (v.is_string()) env.recipients.push_back(v.get<std::string>());
      mime = row->Text(2);
    }
    DeliveryResult r;
    if (env.recipients.empty()) {
      r = {Delivery::kPermanent, "the mail has no recipient"};
    } else {
      r = transport_.Send(env, mime);
    }
    SVAR_TRY(Finish(id, r, report));
  }
  return report;
}

Status OutboxWorker::Finish(int64_t id, const DeliveryResult& r, PassReport& report) {
  const int64_t now = clock_.NowSeconds();
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  if (r.delivery == Delivery::kSent) {
    SVAR_TRY(
        db_.Exec("UPDATE outbox SET state = 'sent', sent_at = ?, last_error = '' WHERE id "
                 "= ?",
                 {now, id}));
    ++report.sent;
    return tx.Commit();
  }
  SVAR_ASSIGN(auto row, db_.QueryOne("SELECT attempts FROM outbox WHERE id = ?", {id}));
  const int64_t attempts = row ? row->Int(0) : 1;
  if (r.delivery == Delivery::kTransient && attempts < config_.outbox.max_attempts) {
    int64_t wait = BackoffSeconds(backoff_, attempts, random_());
    SVAR_TRY(
        db_.Exec("UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = ? "
                 "WHERE id = ?",
                 {now + wait, r.detail, id}));
    ++report.retrying;
    LogWarn("outbox: mail " + std::to_string(id) + " not sent (attempt " +
            std::to_string(attempts) + "), retrying in " + std::to_string(wait) +
            " s: " + r.detail);
    return tx.Commit();
  }
  std::string error = r.delivery == Delivery::kTransient
                          ? "gave up after " + std::to_string(attempts) +
                                " attempts (outbox.max_attempts): " + r.detail
                          : r.detail;
  SVAR_TRY(MarkFailed(id, error, now));
  ++report.failed;
  return tx.Commit();
}

Status OutboxWorker::MarkFailed(int64_t id, const std::string& error, int64_t now) {
  SVAR_TRY(
      db_.Exec("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?", {error, id}));
  SVAR_ASSIGN(auto row, db_.QueryOne("SELECT ticket_id, kind, message_id, recipients_json FROM "
                                     "outbox WHERE id = ?",
                                     {id}));
  if (!row) return Ok();
  std::string detail = row->Text(1) + " " + std::to_string(id) + " <" + row->Text(2) + "> to " +
                       row->Text(3) + " failed: " + error + " (svar outbox retry " +
                       std::to_string(id) + ")";
  LogWarn("outbox: " + detail);
  return db_.Exec(
      "INSERT INTO ticket_events(ticket_id, kind, detail, actor, at) VALUES (?, "
      "'outbox_failed', ?, 'outbox', ?)",
      {row->Int(0), detail, now});
}

Result<PassReport> OutboxWorker::RunUntilIdle() {
  PassReport total;
  for (;;) {
    SVAR_ASSIGN(PassReport p, RunPass());
    total += p;
    if (p.claimed == 0) return total;
  }
}

}  // namespace svar::replies
