// Pipeline: takes one message from raw bytes to a ticket, in three steps:
//   1. Spool: the raw bytes are committed (raw_spool.h). From here on nothing can be lost.
//   2. Parse: MIME, charsets, HTML, quotes (mail/). Pure, thread-safe, under a time limit.
//   3. Commit: guards (triage/), threading (threading/), customer, ticket, message,
//      attachments, triage of an inbound message, routing and SLA due times (routing/), all
//      in one transaction; the spool entry becomes "stored".
// Triage is split (triage/triager.h): the content filters run in step 2, in parallel; the
// part that needs the customer's record runs in step 3.
// A message that fails in step 2 or 3 for a reason that retrying will not fix is
// quarantined with its reason (its raw bytes stay in the spool) and the next message goes on.
// Only temporary failures (database busy, disk full) are returned as errors, so the caller
// can retry or tell an MTA to (EX_TEMPFAIL).
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "intake/raw_spool.h"
#include "mail/parsed_message.h"
#include "storage/database.h"
#include "routing/desk_routing.h"
#include "routing/live_desk.h"
#include "tickets/ticket_store.h"
#include "triage/triager.h"

namespace svar::intake {

enum class OutcomeKind { kStored, kDuplicate, kQuarantined };
std::string_view OutcomeName(OutcomeKind kind);

struct Outcome {
  OutcomeKind kind = OutcomeKind::kStored;
  int64_t raw_id = 0;
  std::string ticket_ref;  // for stored and duplicate messages
  bool new_ticket = false;
  std::string detail;      // quarantine reason or thread reason
};

// Time spent per stage, summed over messages (for the intake benchmark).
struct StageTimes {
  std::atomic<int64_t> spool_us{0}, parse_us{0}, guards_us{0}, thread_us{0}, store_us{0};
  // Triage: content filters (in the parse step) and the customer half (in the commit step).
  std::atomic<int64_t> language_us{0}, sentiment_us{0}, urgency_us{0}, category_us{0},
      spam_us{0}, triage_finish_us{0};
  std::atomic<int64_t> route_us{0};  // routing and SLA due times of new tickets
  std::atomic<int64_t> messages{0};
};

struct ParseResult {
  Result<mail::ParsedMessage> message;
  int64_t micros = 0;
  std::optional<triage::ContentTriage> triage;  // the content half of triage, when parsed
};

class Pipeline {
 public:
  Pipeline(storage::Database& db, const Config& config, const Clock& clock);

  // All three steps for one message.
  Result<Outcome> Take(std::string_view raw, std::string_view source,
                       std::optional<int64_t> mailbox_id = std::nullopt);

  // Step 1. `inserted` false means the message was spooled before.
  Result<PutResult> Spool(std::string_view raw, std::string_view source,
                          std::optional<int64_t> mailbox_id);
  // Step 2; safe to call from several threads at once.
  ParseResult Parse(std::string_view raw) const;
  // Step 3 for a spooled message and its parse result.
  Result<Outcome> Commit(int64_t raw_id, std::string_view raw, ParseResult parsed);

  // Loads a spooled message and runs steps 2 and 3 again (crash recovery, quarantine replay).
  Result<Outcome> Reprocess(int64_t raw_id);
  // Processes every entry left pending (a crash between spool and commit). Returns how many.
  Result<int64_t> RecoverPending();

  RawSpool& spool() { return spool_; }
  storage::Database& db() { return db_; }
  tickets::TicketStore& tickets() { return tickets_; }
  triage::Triager& triager() { return triager_; }
  // Follows the settings of a running desk (`svar serve`): when an admin changed the rules,
  // categories, calendars or SLA policies, the triager's rules (before the next message's
  // content triage) and the routing (before its commit) are taken from `live` (not owned;
  // outlives the pipeline).
  void UseLiveDesk(const routing::LiveDesk* live);
  StageTimes& times() { return times_; }

 private:
  Result<Outcome> CommitParsed(int64_t raw_id, const mail::ParsedMessage& m,
                               std::optional<triage::ContentTriage> content);
  Status TriageMessage(const mail::ParsedMessage& m, std::optional<triage::ContentTriage> content,
                       int64_t message_id, int64_t ticket_id, int64_t customer_id,
                       std::optional<int64_t> mailbox_id, int64_t now);
  Result<Outcome> Quarantine(int64_t raw_id, std::string reason);

  storage::Database& db_;
  const Config& config_;
  const Clock& clock_;
  RawSpool spool_;
  tickets::TicketStore tickets_;
  triage::Triager triager_;
  void FollowLiveRules();  // the triager's rules, before content triage (Spool, Reprocess)
  void FollowLiveDesk();   // the routing, in the commit step

  std::shared_ptr<const routing::DeskRouting> routing_;  // null when the config's routing is bad
  const routing::LiveDesk* live_ = nullptr;
  std::atomic<uint64_t> rules_version_{0};
  uint64_t routing_version_ = 0;
  StageTimes times_;
};

}  // namespace svar::intake
