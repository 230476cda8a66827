// ack_bench: the cost of acknowledging a new ticket, against the intake of the same message in
// the same run (the ratio is what to compare between machines and commits).
//
//   ack_bench [--runs=N] [--messages=N] [--agents=N]
//
// Workloads, each on a fresh SQLite database (WAL, synchronous=normal) in a temporary
// directory, with N agents (da, sv, nb, en; always at work) synced into it:
//   deliver      Pipeline::Take of N Danish customer mails from N/3 customers (baseline)
//   deliver_ack  the same, each followed by Acknowledger::Acknowledge as `svar deliver` does:
//                decision, the response estimate (routing/response_estimate_store.h) over the
//                growing queue, three links from a fixed link finder (the knowledge-base
//                search is kb_bench's business), the text, Outbox::Enqueue (MIME, the outgoing
//                copy through the pipeline, the outbox row) in one transaction
// The median run of each is reported in µs per message; "ack" is the difference.
//
// Figures (2026-11-23, Release, 2 shared cores under load ~10 from other builds; `nice ninja
// -C build-ack ack_bench && ./build-ack/bench/ack_bench --runs=5`), µs per message, medians:
//
//   messages agents  deliver  deliver_ack  ack alone  ratio
//        300     10    1,521        4,820      3,299   3.17   (--runs=5)
//        300      0    1,213        2,936      1,723   2.42   (--runs=3 --agents=0)
//        100     10    1,337        2,980      1,643   2.23   (--runs=3 --messages=100)
//
// Without agents the estimate is trivial, so ~1.7 ms is the mail itself: MIME, the outgoing
// copy taken in through the pipeline (parse, guards, threading, store) and the outbox row.
// With agents the estimate grows with the queue ahead (300 unanswered tickets at the end of
// the first row): ~1.6 ms more on average there.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "intake/pipeline.h"
#include "mail/parse.h"
#include "replies/acknowledger.h"
#include "replies/outbox.h"
#include "routing/desk_routing.h"
#include "storage/migrations.h"

namespace fs = std::filesystem;
using namespace svar;

namespace {

struct Options {
  int runs = 5;
  int messages = 300;
  int agents = 10;
};

std::string Mail(int i) {
  return "From: Kunde " + std::to_string(i % 100) + " <kunde" + std::to_string(i / 3) +
         "@kunde.example>\r\nTo: support@desk.example\r\nSubject: Mistet kort " +
         std::to_string(i) + "\r\nMessage-ID: <b" + std::to_string(i) +
         "@kunde.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
         "Hej,\r\n\r\nJeg har mistet mit kort i går aftes og kan ikke finde det. Kan I spærre "
         "det hurtigst muligt og sende mig et nyt? Jeg er bange for, at nogen bruger det.\r\n\r\n"
         "Venlig hilsen\r\nSøren\r\n";
}

// µs per message of one run; -1 on failure.
double Run(const Options& o, bool acknowledge) {
  const fs::path dir = fs::temp_directory_path() / ("ack_bench_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto db = storage::OpenSqlite({(dir / "svar.db").string()});
  if (!db || !storage::Migrate(**db)) return -1;
  Config config;
  config.desk.addresses = {"support@desk.example"};
  config.desk.public_url = "https://help.example";
  config.outbox.smtp_url = "smtp://127.0.0.1:1";
  for (int a = 0; a < o.agents; ++a) {
    AgentConfig ag;
    ag.email = "agent" + std::to_string(a) + "@desk.example";
    ag.name = "Agent " + std::to_string(a);
    ag.languages = {"da", "sv", "nb", "en"};
    config.agents.push_back(ag);
  }
  const Clock& clock = SystemClock::Instance();
  if (auto r = routing::DeskRouting::Create(config)) {
    if (!(*r)->SyncAgents(**db, clock.NowSeconds())) return -1;
  }
  intake::Pipeline pipeline(**db, config, clock);
  replies::Outbox outbox(pipeline, config, clock);
  replies::LinkFinder links = [](const replies::LinkQuery& q) {
    std::vector<replies::AnswerLink> out;
    for (int i = 0; i < q.limit; ++i)
      out.push_back({"Spær dit kort " + std::to_string(i),
                     "https://help.example/api/v1/kb/public/articles/da/spaer-kort#p" +
                         std::to_string(i),
                     "Åbn appen, vælg Kort og tryk på Spær kort. Kortet er spærret med det samme."});
    return Result<std::vector<replies::AnswerLink>>(std::move(out));
  };
  replies::Acknowledger ack(outbox, pipeline, config, clock, links);
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < o.messages; ++i) {
    auto outcome = pipeline.Take(Mail(i), "bench");
    if (!outcome) return -1;
    if (acknowledge && outcome->new_ticket) {
      auto t = pipeline.tickets().FindByRef(outcome->ticket_ref);
      if (!t || !*t) return -1;
      auto r = ack.Acknowledge((**t).id);
      if (!r || r->state != replies::kAckQueued) {
        std::fprintf(stderr, "not queued: %s\n", r ? r->reason.c_str() : r.error().message.c_str());
        return -1;
      }
    }
  }
  const double us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  db->reset();
  fs::remove_all(dir);
  return us / o.messages;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    if (std::sscanf(argv[i], "--runs=%d", &o.runs) == 1) continue;
    if (std::sscanf(argv[i], "--messages=%d", &o.messages) == 1) continue;
    if (std::sscanf(argv[i], "--agents=%d", &o.agents) == 1) continue;
    std::fprintf(stderr, "usage: ack_bench [--runs=N] [--messages=N] [--agents=N]\n");
    return 2;
  }
  mail::InitMail();
  std::vector<double> deliver, with_ack;
  for (int r = 0; r < o.runs; ++r) {  // alternate, so load from other processes hits both
    double d = Run(o, false), a = Run(o, true);
    if (d < 0 || a < 0) {
      std::fprintf(stderr, "ack_bench: a run failed\n");
      return 1;
    }
    deliver.push_back(d);
    with_ack.push_back(a);
  }
  const double d = Median(deliver), a = Median(with_ack);
  std::printf("%d messages, %d agents, median of %d runs, µs per message\n", o.messages,
              o.agents, o.runs);
  std::printf("| workload | µs/message |\n| --- | --- |\n");
  std::printf("| deliver (baseline) | %.0f |\n| deliver_ack | %.0f |\n", d, a);
  std::printf("| ack alone (difference) | %.0f |\n| deliver_ack / deliver | %.2f |\n", a - d,
              d > 0 ? a / d : 0);
  return 0;
}
