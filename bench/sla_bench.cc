// sla_bench: cost of the SLA computations that run per ticket.
//
// Workloads (median of 5 runs of N calls each, in nanoseconds per call):
//   add_8h_office    AddBusinessSeconds, 8 business hours on "mon-fri 08:00-16:00" in
//                    Europe/Copenhagen with holidays, from random starts in 2026
//   between_1week    BusinessSecondsBetween over one week on the same calendar
//   due_simple       ComputeDue for a ticket created, answered once (3 events)
//   due_busy         ComputeDue for a ticket with 20 events (messages, replies, pending, reopen)
//   escalations      ComputeDue + DueEscalations for the simple ticket
//   baseline_24x7    ComputeDue for the busy ticket on the 24/7 calendar (no calendar walk), as a
//                    baseline the office-calendar figures are compared with (ratio column)
//
// Run: nice ninja -C build-sla sla_bench && ./build-sla/bench/sla_bench
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

#include "routing/business_calendar.h"
#include "routing/escalation.h"
#include "routing/sla_clock.h"
#include "routing/sla_policy.h"

using namespace svar::routing;

namespace {

volatile int64_t g_sink = 0;

double MedianNs(int n, const std::function<int64_t(int)>& fn) {
  std::vector<double> runs;
  for (int r = 0; r < 5; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    int64_t acc = 0;
    for (int i = 0; i < n; ++i) acc += fn(i);
    const auto t1 = std::chrono::steady_clock::now();
    g_sink = g_sink + acc;
    runs.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count() / n);
  }
  std::sort(runs.begin(), runs.end());
  return runs[2];
}

}  // namespace

int main() {
  auto office = BusinessCalendar::Create({"office",
                                          "Europe/Copenhagen",
                                          {"mon-fri 08:00-16:00"},
                                          {"12-24", "12-25", "01-01", "2026-04-02", "2026-04-03"}});
  if (!office) {
    std::fprintf(stderr, "%s\n", office.error().message.c_str());
    return 1;
  }
  const BusinessCalendar always;
  SlaPolicy policy;
  policy.name = "standard";
  policy.targets = {240, 120, 960};
  policy.on_warning = {"notify"};
  policy.on_breach = {"reassign:tier2"};

  std::mt19937_64 rng(7);
  const int64_t year_start = 1767225600;  // 2026-01-01 00:00 UTC
  std::vector<int64_t> starts(4096);
  for (auto& s : starts) s = year_start + static_cast<int64_t>(rng() % (365 * 86400));

  using Kind = TicketEvent::Kind;
  const int64_t c = year_start + 5 * 86400 + 9 * 3600;  // Tue 6 Jan 2026 09:00 UTC
  const std::vector<TicketEvent> simple = {{c, Kind::kCreated}, {c + 3600, Kind::kAgentReply}};
  std::vector<TicketEvent> busy = {{c, Kind::kCreated}};
  for (int i = 0; i < 19; ++i) {
    const Kind kinds[] = {Kind::kAgentReply, Kind::kPending, Kind::kCustomerMessage,
                          Kind::kAgentReply, Kind::kSolved,  Kind::kReopened};
    busy.push_back({c + (i + 1) * 5400, kinds[i % 6]});
  }
  const int64_t now = c + 40 * 3600;

  struct Row {
    const char* name;
    double ns;
  };
  std::vector<Row> rows;
  rows.push_back({"add_8h_office", MedianNs(200000, [&](int i) {
                    return office->AddBusinessSeconds(starts[i & 4095], 8 * 3600);
                  })});
  rows.push_back({"between_1week", MedianNs(200000, [&](int i) {
                    return office->BusinessSecondsBetween(starts[i & 4095],
                                                          starts[i & 4095] + 7 * 86400);
                  })});
  rows.push_back({"due_simple", MedianNs(100000, [&](int i) {
                    return *ComputeDue(policy, *office, simple, now + i % 60).resolution.due;
                  })});
  rows.push_back({"due_busy", MedianNs(50000, [&](int i) {
                    return ComputeDue(policy, *office, busy, now + i % 60).resolution.used_seconds;
                  })});
  const std::set<std::string> fired;
  rows.push_back({"escalations", MedianNs(50000, [&](int i) {
                    const SlaDue d = ComputeDue(policy, *office, simple, now + i % 60);
                    return static_cast<int64_t>(
                        DueEscalations(policy, *office, d, now, fired).size());
                  })});
  const double baseline = MedianNs(50000, [&](int i) {
    return ComputeDue(policy, always, busy, now + i % 60).resolution.used_seconds;
  });
  rows.push_back({"baseline_24x7", baseline});

  std::printf("%-16s %12s %10s\n", "workload", "ns/call", "x 24x7");
  for (const Row& r : rows) std::printf("%-16s %12.0f %10.2f\n", r.name, r.ns, r.ns / baseline);
  return 0;
}
