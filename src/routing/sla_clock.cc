// ComputeDue: replays a ticket's timeline through one clock per target (see sla_clock.h).
#include "routing/sla_clock.h"

#include <algorithm>
#include <cmath>

namespace svar::routing {
namespace {

// One target's stopwatch in business time. A cycle runs from Start to Complete; Pause/Resume
// follow the ticket's status.
class Clock {
 public:
  Clock(const BusinessCalendar& calendar, int64_t target_min, double warning_fraction)
      : calendar_(calendar),
        target_(target_min * 60),
        warn_(static_cast<int64_t>(std::llround(static_cast<double>(target_) * warning_fraction))) {
  }

  bool enabled() const { return target_ > 0; }
  bool active() const { return active_; }

  void Start(int64_t t, bool open) {
    if (!enabled()) return;
    active_ = true;
    running_ = false;
    used_ = 0;
    started_at_ = t;
    due_.reset();
    warning_.reset();
    met_at_.reset();
    breached_at_.reset();
    ++cycle_;
    if (open) Resume(t);
  }

  // Resolution after a reopen: the same cycle continues with the time already used.
  void Reactivate(int64_t t, bool open) {
    if (!enabled() || cycle_ == 0 || active_) return;
    active_ = true;
    met_at_.reset();
    if (open) Resume(t);
  }

  void Resume(int64_t t) {
    if (!active_ || running_) return;
    running_ = true;
    seg_start_ = t;
    if (used_ < target_) {
      due_ = Add(t, target_ - used_);
    } else if (!breached_at_) {
      due_ = t;  // used up exactly at the pause: overdue as soon as it runs again
    }
    warning_.reset();
    if (used_ < warn_) warning_ = Add(t, warn_ - used_);
  }

  void Pause(int64_t t) {
    if (!running_) return;
    CheckBreach(t, breached_at_, breaches_);
    used_ += calendar_.BusinessSecondsBetween(seg_start_, t);
    running_ = false;
  }

  void Complete(int64_t t) {
    if (!active_) return;
    Pause(t);
    active_ = false;
    met_at_ = t;
  }

  SlaTarget Snapshot(int64_t now, bool solved) const {
    SlaTarget s;
    s.target_seconds = target_;
    if (!enabled() || cycle_ == 0) return s;
    s.cycle = cycle_;
    s.breaches = breaches_;
    s.started_at = started_at_;
    s.breached_at = breached_at_;
    s.used_seconds = used_;
    if (running_) {
      s.state = SlaState::kRunning;
      s.used_seconds += calendar_.BusinessSecondsBetween(seg_start_, now);
      s.due = due_;
      s.warning_at = warning_;
      CheckBreach(now, s.breached_at, s.breaches);
    } else if (active_) {
      s.state = solved ? SlaState::kStopped : SlaState::kPaused;
    } else {
      s.state = SlaState::kMet;
      s.due = due_;
      s.met_at = met_at_;
    }
    return s;
  }

 private:
  std::optional<int64_t> Add(int64_t t, int64_t seconds) const {
    const int64_t at = calendar_.AddBusinessSeconds(t, seconds);
    if (at == kNever) return std::nullopt;
    return at;
  }

  void CheckBreach(int64_t t, std::optional<int64_t>& breached_at, int& breaches) const {
    if (!breached_at && due_ && t > *due_) {
      breached_at = *due_;
      ++breaches;
    }
  }

  const BusinessCalendar& calendar_;
  int64_t target_;
  int64_t warn_;
  bool active_ = false;
  bool running_ = false;
  int64_t used_ = 0;  // business seconds before the current running segment
  int64_t seg_start_ = 0;
  int64_t started_at_ = 0;
  std::optional<int64_t> due_, warning_, met_at_, breached_at_;
  int cycle_ = 0;
  int breaches_ = 0;
};

enum class Status { kNotCreated, kOpen, kPending, kSolved };

}  // namespace

std::optional<int64_t> SlaDue::EarliestDue() const {
  std::optional<int64_t> best;
  for (const SlaTarget* t : {&first_response, &next_response, &resolution}) {
    if (t->state == SlaState::kRunning && t->due && (!best || *t->due < *best)) best = t->due;
  }
  return best;
}

SlaDue ComputeDue(const SlaPolicy& policy, const BusinessCalendar& calendar,
                  const std::vector<TicketEvent>& timeline, int64_t now) {
  auto by_time = [](const TicketEvent& a, const TicketEvent& b) { return a.at < b.at; };
  std::vector<TicketEvent> sorted;
  const std::vector<TicketEvent>* events = &timeline;
  if (!std::is_sorted(timeline.begin(), timeline.end(), by_time)) {
    sorted = timeline;
    std::stable_sort(sorted.begin(), sorted.end(), by_time);
    events = &sorted;
  }

  Clock first(calendar, policy.targets.first_response_min, policy.warning_at);
  Clock next(calendar, policy.targets.next_response_min, policy.warning_at);
  Clock resolution(calendar, policy.targets.resolution_min, policy.warning_at);
  Status status = Status::kNotCreated;
  bool agent_replied = false;

  auto resume_all = [&](int64_t t) {
    first.Resume(t);
    next.Resume(t);
    resolution.Resume(t);
  };
  auto pause_all = [&](int64_t t) {
    first.Pause(t);
    next.Pause(t);
    resolution.Pause(t);
  };
  auto open = [&](int64_t t) {  // from pending or solved
    if (status == Status::kSolved) resolution.Reactivate(t, false);
    status = Status::kOpen;
    resume_all(t);
  };

  using Kind = TicketEvent::Kind;
  for (const TicketEvent& e : *events) {
    if (e.at > now) break;
    if (status == Status::kNotCreated) {
      status = Status::kOpen;
      first.Start(e.at, true);
      resolution.Start(e.at, true);
      if (e.kind == Kind::kCreated) continue;
    }
    switch (e.kind) {
      case Kind::kCreated:
        break;  // a second creation event changes nothing
      case Kind::kCustomerMessage:
        if (status != Status::kOpen) open(e.at);
        if (agent_replied && !next.active()) next.Start(e.at, true);
        break;
      case Kind::kAgentReply:
        agent_replied = true;
        first.Complete(e.at);
        next.Complete(e.at);
        break;
      case Kind::kPending:
        if (status == Status::kSolved) resolution.Reactivate(e.at, false);
        if (status == Status::kOpen) pause_all(e.at);
        status = Status::kPending;
        break;
      case Kind::kOpen:
      case Kind::kReopened:
        if (status != Status::kOpen) open(e.at);
        break;
      case Kind::kSolved:
        if (status == Status::kSolved) break;
        pause_all(e.at);
        resolution.Complete(e.at);
        status = Status::kSolved;
        break;
    }
  }

  const bool solved = status == Status::kSolved;
  return SlaDue{first.Snapshot(now, solved), next.Snapshot(now, solved),
                resolution.Snapshot(now, solved)};
}

}  // namespace svar::routing
