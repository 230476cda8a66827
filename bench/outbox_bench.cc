// outbox_bench: outbox throughput against a real SMTP server (the aiosmtpd sink of
// scripts/test-servers.sh; bench/outbox_run.sh starts it and adds the baseline).
//
//   outbox_bench --smtp=smtp://127.0.0.1:PORT [--messages=N] [--runs=R] [--dump=DIR]
//
// Workloads, each run on a fresh SQLite file database (WAL, as `svar` uses it) with N
// customer tickets (Danish, Russian, Chinese and English text, in turn):
//   enqueue  Outbox::Enqueue of one reply per ticket: MIME build, the outgoing copy stored in
//            the thread through the intake pipeline, the outbox row, the ticket event, one
//            transaction each (what `svar reply` and the API do per reply)
//   send     OutboxWorker::RunUntilIdle with the libcurl SMTP sender: claim, send, mark sent
//            (what `svar serve` and `svar outbox run` do); messages/s to the server
// The median of the runs is printed as messages/s. --dump=DIR writes the last run's messages
// as DIR/NNNNN.eml with an envelope line, for the baseline (Python smtplib sending the same
// bytes to the same server over one connection; bench/outbox_run.sh).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "intake/pipeline.h"
#include "mail/parse.h"
#include "replies/outbox.h"
#include "replies/outbox_worker.h"
#include "replies/smtp_sender.h"
#include "storage/migrations.h"

namespace fs = std::filesystem;
using namespace svar;

namespace {

const char* kTexts[] = {
    "Hej,\n\nTak for din besked. Vi har spærret kortet, og et nyt kort er på vej med posten.\n"
    "Det plejer at tage tre til fem hverdage.\n\nVenlig hilsen\nAnna",
    "Здравствуйте!\n\nСпасибо за обращение. Мы заблокировали карту, новая карта уже в пути.\n"
    "Обычно доставка занимает от трёх до пяти рабочих дней.\n\nС уважением,\nАнна",
    "您好！\n\n感谢您的来信。我们已经冻结了您的卡，新卡正在寄出，通常需要三到五个工作日。\n\n此致\n"
    "Anna",
    "Hello,\n\nThank you for your message. We have blocked the card and a new one is on its way.\n"
    "It usually takes three to five working days.\n\nKind regards\nAnna"};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double Seconds(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

struct RunResult {
  double enqueue_per_s = 0, send_per_s = 0;
  int64_t sent = 0;
};

RunResult RunOnce(const std::string& smtp, int n, const std::string& dump) {
  fs::path dir = fs::temp_directory_path() / ("svar-outbox-bench-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  RunResult out;
  {
    storage::OpenOptions opts;
    opts.path = (dir / "svar.db").string();
    auto db = storage::OpenSqlite(opts);
    if (!db || !storage::Migrate(**db)) {
      std::fprintf(stderr, "cannot open the database in %s\n", dir.c_str());
      std::exit(1);
    }
    Config config;
    config.desk.addresses = {"support@desk.example"};
    config.outbox.smtp_url = smtp;
    config.outbox.batch_size = 50;
    const Clock& clock = SystemClock::Instance();
    intake::Pipeline pipeline(**db, config, clock);
    for (int i = 0; i < n; ++i) {
      std::string raw = "From: kunde" + std::to_string(i) +
                        "@kunde.example\r\nTo: "
                        "support@desk.example\r\nSubject: Kort " +
                        std::to_string(i) + "\r\nMessage-ID: <bench-" + std::to_string(i) +
                        "@kunde.example>\r\n\r\nMit kort er væk.\r\n";
      if (!pipeline.Take(raw, "bench")) std::exit(1);
    }
    auto ids = (*db)->Query("SELECT id FROM tickets ORDER BY id");
    replies::Outbox outbox(pipeline, config, clock);
    auto t0 = std::chrono::steady_clock::now();
    int k = 0;
    for (const auto& row : *ids) {
      replies::OutgoingMail m;
      m.ticket_id = row.Int(0);
      m.author = "anna@desk.example";
      m.text = kTexts[k++ % 4];
      auto e = outbox.Enqueue(m);
      if (!e) {
        std::fprintf(stderr, "enqueue: %s\n", e.error().message.c_str());
        std::exit(1);
      }
    }
    out.enqueue_per_s = n / Seconds(t0);
    if (!dump.empty()) {
      fs::create_directories(dump);
      auto rows = (*db)->Query("SELECT id, envelope_from, recipients_json, mime FROM outbox");
      for (const auto& r : *rows) {
        char name[32];
        std::snprintf(name, sizeof name, "%05lld.eml", static_cast<long long>(r.Int(0)));
        std::ofstream f(fs::path(dump) / name, std::ios::binary);
        f << r.Text(1) << " " << r.Text(2) << "\n" << r.Text(3);
      }
    }
    replies::SmtpSender sender(config.outbox, "");
    replies::OutboxWorker worker(**db, config, clock, sender);
    auto t1 = std::chrono::steady_clock::now();
    auto report = worker.RunUntilIdle();
    double s = Seconds(t1);
    if (!report || report->sent != n) {
      std::fprintf(stderr, "send: %s (%lld sent of %d)\n",
                   report ? "not everything was sent" : report.error().message.c_str(),
                   report ? static_cast<long long>(report->sent) : 0LL, n);
      std::exit(1);
    }
    out.sent = report->sent;
    out.send_per_s = n / s;
  }
  fs::remove_all(dir);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string smtp, dump;
  int n = 500, runs = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--smtp=", 0) == 0)
      smtp = a.substr(7);
    else if (a.rfind("--messages=", 0) == 0)
      n = std::stoi(a.substr(11));
    else if (a.rfind("--runs=", 0) == 0)
      runs = std::stoi(a.substr(7));
    else if (a.rfind("--dump=", 0) == 0)
      dump = a.substr(7);
    else {
      std::fprintf(stderr,
                   "usage: outbox_bench --smtp=URL [--messages=N] [--runs=R] [--dump=DIR]\n");
      return 64;
    }
  }
  if (smtp.empty()) {
    std::fprintf(stderr,
                 "outbox_bench: --smtp=smtp://127.0.0.1:PORT is required "
                 "(bench/outbox_run.sh starts a sink)\n");
    return 64;
  }
  mail::InitMail();
  std::vector<double> enq, snd;
  for (int r = 0; r < runs; ++r) {
    RunResult x = RunOnce(smtp, n, r + 1 == runs ? dump : "");
    enq.push_back(x.enqueue_per_s);
    snd.push_back(x.send_per_s);
    std::fprintf(stderr, "run %d: enqueue %.0f/s, send %.0f/s\n", r + 1, x.enqueue_per_s,
                 x.send_per_s);
  }
  std::printf("| workload | messages | runs | median messages/s |\n| --- | --- | --- | --- |\n");
  std::printf("| enqueue (build + store in thread + queue) | %d | %d | %.0f |\n", n, runs,
              Median(enq));
  std::printf("| send (svar worker, libcurl SMTP) | %d | %d | %.0f |\n", n, runs, Median(snd));
  return 0;
}
