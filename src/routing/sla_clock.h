// The SLA clock of one ticket: due times, met and breached states of its three targets, computed
// from the ticket's timeline (created, customer messages, agent replies, status changes) under
// its policy and calendar, as of `now`. Pure function of its inputs; recompute whenever the
// timeline, the policy (e.g. after a priority change) or `now` changes. Microseconds per ticket.
//
// What each target measures (business time on the policy's calendar):
//  * first response: from creation until the first agent reply.
//  * next response: from a customer message that arrives after an agent reply until the next
//    agent reply. Several customer messages before that reply do not restart it: the clock runs
//    from the first unanswered one. Each such cycle is numbered (cycle 1, 2, ...).
//  * resolution: from creation until solved, cumulative: time while pending does not count, and
//    after a reopen the clock continues from the time already used (it does not restart).
// Pauses and stops:
//  * pending (waiting on the customer) pauses every running clock; the ticket has no due time
//    while paused, and when it opens again the due times move by the paused time.
//  * solved completes resolution and stops the response clocks (state kStopped); a reopen
//    resumes them where they were, and resolution continues (met_at is cleared).
//  * a customer message on a pending ticket opens it, one on a solved ticket reopens it (what a
//    desk does on a customer reply); explicit kOpen/kReopened events for the same change are
//    harmless.
//  * a clock that starts in closed time (night, weekend, holiday) starts counting at the next
//    opening, because only business time is counted.
// Met and breached: a target is breached when the wall clock passes its due time while the
// clock runs (breached_at = that due time); a reply exactly at the due time is on time. A
// breached target that is later met keeps breached_at and gets met_at.
// Events after `now` are ignored; events need not be sorted (equal times keep their order). A
// timeline without kCreated starts at its first event.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "routing/business_calendar.h"
#include "routing/sla_policy.h"

namespace svar::routing {

struct TicketEvent {
  enum class Kind { kCreated, kCustomerMessage, kAgentReply, kPending, kOpen, kSolved, kReopened };
  int64_t at = 0;  // Unix seconds
  Kind kind = Kind::kCreated;
};

enum class SlaState {
  kNone,     // no target, or the clock has not started (next response before any follow-up)
  kRunning,  // counting; `due` is set (in the past when breached)
  kPaused,   // the ticket is pending: no due time, the used time is kept
  kStopped,  // the ticket was solved before this response target was met
  kMet,      // done: an agent replied (responses) or the ticket was solved (resolution)
};

struct SlaTarget {
  SlaState state = SlaState::kNone;
  int64_t target_seconds = 0;  // business seconds; 0 = the policy has no such target
  int64_t used_seconds = 0;    // business seconds used in the current cycle (until met or now)
  std::optional<int64_t> started_at;  // start of the current cycle
  std::optional<int64_t> due;         // running: the due time; met: the due time when it last ran
  std::optional<int64_t> warning_at;  // running: when the policy's warning fraction is used
  std::optional<int64_t> met_at;      // kMet: when it was met
  std::optional<int64_t>
      breached_at;   // the due time, once passed while running (even if met later)
  int cycle = 0;     // 1 for a started clock; next response counts its cycles 1, 2, ...
  int breaches = 0;  // cycles of this target breached so far (next response can breach repeatedly)

  bool breached() const { return breached_at.has_value(); }
};

struct SlaDue {
  SlaTarget first_response;
  SlaTarget next_response;
  SlaTarget resolution;

  // The earliest due time among running targets (what a ticket list shows), if any.
  std::optional<int64_t> EarliestDue() const;
};

SlaDue ComputeDue(const SlaPolicy& policy, const BusinessCalendar& calendar,
                  const std::vector<TicketEvent>& timeline, int64_t now);

}  // namespace svar::routing
