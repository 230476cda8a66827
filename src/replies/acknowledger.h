// Acknowledger: acknowledges a new ticket once, right after the commit that created it.
// Decides with acknowledgement.h, promises the expected time of the first answer
// (routing/response_estimate_store.h), looks up up to [acknowledgement].links knowledge-base
// articles through a LinkFinder the caller provides (replies does not include knowledge/;
// src/cli/ack_links.h implements it with the searcher), renders the text in the ticket's
// language (acknowledgement_texts.h) and queues it in the outbox (Outbox::Enqueue,
// MailKind::kAcknowledgement), which sends it.
//
// The mail: To the ticket's customer; Subject "[#SV-1042] <text subject>"; In-Reply-To and
// References the customer's mail (the outbox does that); Content-Language da, sv, nb, ru,
// zh-Hans, zh-Hant or en; and
//   Auto-Submitted: auto-replied     RFC 3834 section 5: an automatic response to a message
//   X-Auto-Response-Suppress: All    Exchange/Outlook: no out-of-office or read receipt back
// No Precedence header: RFC 3834 standardises Auto-Submitted; Precedence is not a standard
// field (RFC 2076 discourages it), and "Precedence: bulk" sends mail to bulk/junk folders,
// where the customer would not find the reference they need.
//
// Exactly once, also across crashes (schema v7, tickets.ack_state):
//   pending  a ticket is born with it (the column default, so in the very transaction that
//            creates the ticket);
//   queued   set in the transaction that inserts the outbox row: both or neither;
//   skipped  set with ack_reason, and a ticket event "acknowledgement_skipped" (actor
//            "acknowledgement", detail = the reason) unless the reason is desk-wide (disabled,
//            no transport), which says nothing about the ticket;
//   none     tickets from before schema v7.
// Acknowledge() on a ticket that is not pending does nothing (already_decided). Every write is
// one BEGIN IMMEDIATE transaction that re-reads the state and the sender's count, so two
// processes (svar deliver and svar serve's sweep) never both send. A crash after the ticket's
// commit leaves it pending; AcknowledgePending() (run by svar serve at start and with its
// periodic jobs) decides those created within max_age_hours and skips older ones.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "intake/pipeline.h"
#include "replies/acknowledgement.h"
#include "replies/acknowledgement_texts.h"
#include "replies/outbox.h"
#include "routing/desk_routing.h"

namespace svar::replies {

inline constexpr const char* kAckPending = "pending";
inline constexpr const char* kAckQueued = "queued";
inline constexpr const char* kAckSkipped = "skipped";
inline constexpr const char* kAckNone = "none";

// What the caller's link finder is asked: public articles that may answer the question.
struct LinkQuery {
  std::string text;     // the customer's new text (quotes and signature removed)
  std::string subject;  // the customer's subject
  // The knowledge-base locale of the acknowledgement's language: da, sv, nb, ru, en, zh-Hans,
  // zh-Hant; the finder falls back to [knowledge].default_locale when it finds too few.
  std::string locale;
  int limit = 3;
};
// Returns at most query.limit links, best first. An error is logged and the acknowledgement
// goes out without links (links are a help, the acknowledgement is the promise).
using LinkFinder = std::function<Result<std::vector<AnswerLink>>(const LinkQuery&)>;

struct AckOutcome {
  std::string state;             // queued | skipped; or the state found when already_decided
  bool already_decided = false;  // the ticket was not pending (nothing was done)
  AckSkip skip = AckSkip::kNone;
  std::string reason;            // why skipped
  std::optional<Enqueued> mail;  // the queued acknowledgement
  std::string language;          // the text language used
  std::string promise;           // the promised time as written in the mail
};

class Acknowledger {
 public:
  // `outbox` and `pipeline` use the same database. `links` may be empty (no links).
  Acknowledger(Outbox& outbox, intake::Pipeline& pipeline, const Config& config,
               const Clock& clock, LinkFinder links = {});
  ~Acknowledger();

  // Decides and queues or skips the acknowledgement of a pending ticket (a merged ticket
  // resolves to the live one). kNotFound for an unknown ticket; database errors as they come.
  Result<AckOutcome> Acknowledge(int64_t ticket_id);

  // pending -> skipped with `reason` (e.g. `svar ingest` without --acknowledge). Does nothing
  // for a ticket that is not pending.
  Status Skip(int64_t ticket_id, std::string_view reason);

  // Tickets left pending (a crash between the commit and the acknowledgement): those created
  // within max_age_hours are acknowledged (or skipped by the rules), older ones skipped.
  // Returns how many were decided.
  Result<int> AcknowledgePending(int limit = 200);

 private:
  struct Facts;
  Result<std::optional<Facts>> LoadFacts(int64_t ticket_id, int64_t now);
  Result<int> CountRecent(const std::string& email, int64_t now);
  Status MarkSkipped(int64_t ticket_id, const AckDecision& d, int64_t now);
  std::string ZoneFor(const std::string& sla_policy) const;

  Outbox& outbox_;
  intake::Pipeline& pipeline_;
  storage::Database& db_;
  const Config& config_;
  const Clock& clock_;
  LinkFinder links_;
  std::unique_ptr<routing::DeskRouting> routing_;  // null when routing is not configured
  AckTextStore texts_;
};

}  // namespace svar::replies
