// intake_bench: intake throughput on a directory of messages (the SpamAssassin corpus by
// default), end to end and per stage.
//
//   intake_bench [--workload=NAME[,NAME]] [--runs=N] [--workers=N] [--categories=CSV]
//                [--train-spam] DIR...
//
// Workloads:
//   parse    mail::ParseMessage alone on one thread (the parser's cost per message)
//   serial   the whole pipeline, one message at a time: spool, parse, guards, thread, store
//   intake   the whole pipeline as `svar ingest` runs it: parse workers + ordered committer
// Each workload runs --runs times on a fresh database; the median run is reported with
// messages/s, MB/s, and for serial/intake the time per message of each stage, and a second
// table with the time per message of each triage filter. With --categories=CSV (text,category,
// e.g. ../shared/data/banking77/train.csv) a category classifier is trained first and stored
// in each fresh database, so the category filter costs what it costs on a real desk; without
// it the category filter only checks rules. With --train-spam the first DIR is taken as ham
// and the others as spam, and a spam filter learnt from all of them is stored in each fresh
// database, so the spam filter costs what it costs on a trained desk (untrained, it reads no
// tokens and costs next to nothing; its decisions then also change what is routed).
//
// Triage cost, before/after the cost work of issue 4 (2026-11-23, 2 shared cores under load
// 4-8 from other builds; both binaries built from the same tree, run alternately, median of
// 5 runs of `intake_bench --workload=serial,intake --runs=1
// --categories=../shared/data/banking77/train.csv easy-ham-1 spam-1`), µs per message, serial:
//
//   filter     language sentiment urgency category spam finish  total   cpu_us (whole pipeline)
//   before        155      40       24      204      98   246     788    1,421
//   after         111      42       17      123       1   193     488    1,184
//
// The spam filter untrained (as here) reads no tokens; trained (--train-spam) it costs 80-105
// µs in the pipeline. Batch intake 977 -> 1,211 msg/s, `svar ingest` 990 -> 1,166 msg/s in
// the same runs (new/old 1.24, median of the five pairs).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/csv.h"
#include "intake/batch_intake.h"
#include "intake/pipeline.h"
#include "mail/parse.h"
#include "storage/migrations.h"
#include "triage/triage_store.h"

namespace fs = std::filesystem;
using namespace svar;

namespace {

struct Corpus {
  std::vector<std::string> messages;
  std::vector<bool> from_first_dir;  // ham for --train-spam
  size_t bytes = 0;
};

Corpus Load(const std::vector<std::string>& dirs) {
  Corpus c;
  std::vector<std::pair<fs::path, bool>> files;
  for (size_t i = 0; i < dirs.size(); ++i) {
    for (const auto& e : fs::recursive_directory_iterator(dirs[i])) {
      if (e.is_regular_file() && e.path().filename() != "LICENSE")
        files.emplace_back(e.path(), i == 0);
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& [f, first] : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    c.bytes += ss.str().size();
    c.messages.push_back(ss.str());
    c.from_first_dir.push_back(first);
  }
  return c;
}

struct RunResult {
  double seconds = 0;
  double cpu_seconds = 0;  // user + system time of the whole process during the run
  double spool_us = 0, parse_us = 0, guards_us = 0, thread_us = 0, store_us = 0;
  double language_us = 0, sentiment_us = 0, urgency_us = 0, category_us = 0, spam_us = 0,
         finish_us = 0;
};

std::string g_category_model;  // serialized, or "" (see --categories)
std::string g_spam_filter;     // serialized, or "" (see --train-spam)

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::unique_ptr<storage::Database> FreshDb(const fs::path& dir) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto db = storage::OpenSqlite({(dir / "svar.db").string()});
  if (!db || !storage::Migrate(**db)) {
    std::fprintf(stderr, "cannot create the benchmark database in %s\n", dir.c_str());
    std::exit(1);
  }
  if (!g_category_model.empty()) {
    (void)(*db)->Exec("INSERT INTO triage_models(name, blob, examples, trained_at) VALUES "
                      "('category', ?, 0, 1)",
                      {storage::Blob{g_category_model}});
  }
  if (!g_spam_filter.empty()) {
    (void)(*db)->Exec("INSERT INTO triage_models(name, blob, examples, trained_at) VALUES "
                      "('spam', ?, 0, 1)",
                      {storage::Blob{g_spam_filter}});
  }
  return std::move(*db);
}

void FillStages(intake::StageTimes& t, size_t n, RunResult& r) {
  r.spool_us = double(t.spool_us) / n;
  r.parse_us = double(t.parse_us) / n;
  r.guards_us = double(t.guards_us) / n;
  r.thread_us = double(t.thread_us) / n;
  r.store_us = double(t.store_us) / n;
  r.language_us = double(t.language_us) / n;
  r.sentiment_us = double(t.sentiment_us) / n;
  r.urgency_us = double(t.urgency_us) / n;
  r.category_us = double(t.category_us) / n;
  r.spam_us = double(t.spam_us) / n;
  r.finish_us = double(t.triage_finish_us) / n;
}

RunResult RunParse(const Corpus& c) {
  auto start = std::chrono::steady_clock::now();
  size_t ok = 0;
  for (const auto& m : c.messages) ok += mail::ParseMessage(m).has_value();
  RunResult r;
  r.seconds = Seconds(start);
  r.parse_us = r.seconds * 1e6 / c.messages.size();
  if (ok == 0) std::fprintf(stderr, "nothing parsed?\n");
  return r;
}

RunResult RunSerial(const Corpus& c, const Config& config, const fs::path& dir) {
  auto db = FreshDb(dir);
  intake::Pipeline p(*db, config, SystemClock::Instance());
  auto start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < c.messages.size(); ++i) {
    auto o = p.Take(c.messages[i], "bench:" + std::to_string(i));
    if (!o) {
      std::fprintf(stderr, "intake failed: %s\n", o.error().message.c_str());
      std::exit(1);
    }
  }
  RunResult r;
  r.seconds = Seconds(start);
  FillStages(p.times(), c.messages.size(), r);
  return r;
}

RunResult RunIntake(const Corpus& c, const Config& config, const fs::path& dir, int workers) {
  auto db = FreshDb(dir);
  intake::Pipeline p(*db, config, SystemClock::Instance());
  auto start = std::chrono::steady_clock::now();
  {
    intake::BatchIntake batch(p, workers);
    for (size_t i = 0; i < c.messages.size(); ++i) {
      auto s = batch.Submit(c.messages[i], "bench:" + std::to_string(i));
      if (!s) {
        std::fprintf(stderr, "intake failed: %s\n", s.error().message.c_str());
        std::exit(1);
      }
    }
    if (auto s = batch.Finish(); !s) {
      std::fprintf(stderr, "intake failed: %s\n", s.error().message.c_str());
      std::exit(1);
    }
  }
  RunResult r;
  r.seconds = Seconds(start);
  FillStages(p.times(), c.messages.size(), r);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> workloads = {"parse", "serial", "intake"};
  std::vector<std::string> dirs;
  int runs = 3;
  int workers = 0;
  std::string categories;
  bool train_spam = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.starts_with("--workload=")) {
      workloads.clear();
      std::stringstream ss(a.substr(11));
      std::string w;
      while (std::getline(ss, w, ',')) workloads.push_back(w);
    } else if (a.starts_with("--runs=")) {
      runs = std::max(1, std::atoi(a.c_str() + 7));
    } else if (a.starts_with("--categories=")) {
      categories = a.substr(13);
    } else if (a == "--train-spam") {
      train_spam = true;
    } else if (a.starts_with("--workers=")) {
      workers = std::atoi(a.c_str() + 10);
    } else {
      dirs.push_back(a);
    }
  }
  if (dirs.empty()) {
    std::fprintf(stderr, "usage: intake_bench [--workload=parse,serial,intake] [--runs=N] "
                         "[--workers=N] [--categories=CSV] [--train-spam] DIR...\n");
    return 64;
  }
  mail::InitMail();
  if (!categories.empty()) {
    std::ifstream in(categories);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto rows = ParseCsv(text, categories);
    std::vector<triage::LabeledText> examples;
    if (rows)
      for (size_t i = 1; i < rows->size(); ++i)
        if ((*rows)[i].fields.size() >= 2)
          examples.push_back({(*rows)[i].fields[0], (*rows)[i].fields[1]});
    auto model = triage::CategoryModel::Train(examples);
    if (!model) {
      std::fprintf(stderr, "cannot train on %s: %s\n", categories.c_str(),
                   model.error().message.c_str());
      return 1;
    }
    g_category_model = model->Serialize();
    std::printf("category model: %zu examples, %zu categories\n", examples.size(),
                model->categories().size());
  }
  Corpus corpus = Load(dirs);
  std::printf("corpus: %zu messages, %.1f MB\n", corpus.messages.size(), corpus.bytes / 1e6);
  if (train_spam) {
    triage::SpamFilter filter;
    for (size_t i = 0; i < corpus.messages.size(); ++i)
      if (auto m = mail::ParseMessage(corpus.messages[i]))
        filter.Learn(*m, !corpus.from_first_dir[i]);
    g_spam_filter = filter.Serialize();
    std::printf("spam filter: %u ham, %u spam learnt\n", filter.ham_messages(),
                filter.spam_messages());
  }
  Config config;
  config.desk.addresses = {"support@desk.example"};
  fs::path tmp = fs::temp_directory_path() / ("svar-bench-" + std::to_string(::getpid()));

  // cpu_us: CPU time (all threads) per message: the cost that does not depend on how busy a
  // shared machine is. Stage columns are wall time per message inside each stage.
  std::printf("%-8s %10s %8s %8s %9s %9s %9s %9s %9s\n", "workload", "msg/s", "MB/s", "cpu_us",
              "spool_us", "parse_us", "guards_us", "thread_us", "store_us");
  std::vector<std::pair<std::string, RunResult>> medians;
  for (const auto& w : workloads) {
    std::vector<RunResult> results;
    for (int r = 0; r < runs; ++r) {
      double cpu0 = CpuSeconds();
      if (w == "parse") results.push_back(RunParse(corpus));
      else if (w == "serial") results.push_back(RunSerial(corpus, config, tmp));
      else if (w == "intake") results.push_back(RunIntake(corpus, config, tmp, workers));
      else {
        std::fprintf(stderr, "unknown workload %s\n", w.c_str());
        return 64;
      }
      results.back().cpu_seconds = CpuSeconds() - cpu0;
    }
    std::sort(results.begin(), results.end(),
              [](const RunResult& a, const RunResult& b) { return a.seconds < b.seconds; });
    const RunResult& m = results[results.size() / 2];
    std::printf("%-8s %10.0f %8.1f %8.1f %9.1f %9.1f %9.1f %9.1f %9.1f\n", w.c_str(),
                corpus.messages.size() / m.seconds, corpus.bytes / 1e6 / m.seconds,
                m.cpu_seconds * 1e6 / corpus.messages.size(), m.spool_us,
                m.parse_us, m.guards_us, m.thread_us, m.store_us);
    std::fflush(stdout);
    if (w != "parse") medians.emplace_back(w, m);
  }
  if (!medians.empty()) {
    // Triage per message (wall µs): the content filters run in the parse workers, the
    // customer half (history, churn, priority, storing) in the commit step.
    std::printf("\n%-8s %9s %9s %9s %9s %9s %9s %9s\n", "triage", "language", "sentiment",
                "urgency", "category", "spam", "finish", "total");
    for (const auto& [w, m] : medians) {
      double total = m.language_us + m.sentiment_us + m.urgency_us + m.category_us + m.spam_us +
                     m.finish_us;
      std::printf("%-8s %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f\n", w.c_str(), m.language_us,
                  m.sentiment_us, m.urgency_us, m.category_us, m.spam_us, m.finish_us, total);
    }
  }
  fs::remove_all(tmp);
  return 0;
}
