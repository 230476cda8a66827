// sentiment_bench: quality and speed of triage sentiment and urgency.
//
//   nice ninja -C build-senti sentiment_bench && build-senti/bench/sentiment_bench [--verbose]
//       [--corpus tests/corpora/sentiment/sentences.tsv] [--iterations 20000]
//
// Workloads:
//   accuracy   per language on the labelled corpus (lang<TAB>label<TAB>sentence); --verbose
//              prints every miss with its score and reasons
//   sentiment  time per AnalyzeSentiment call on a mail-sized text (~1.2 KB) per language:
//              median and p99 over --iterations calls
//   urgency    the same for AnalyzeUrgency
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "triage/sentiment.h"
#include "triage/urgency.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Row {
  std::string lang, label, text;
};

std::vector<Row> ReadCorpus(const std::string& path) {
  std::vector<Row> rows;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    rows.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return rows;
}

// A customer mail of about 1.2 KB: greeting, complaint, details, polite closing.
std::string MailText(const std::string& lang, const std::vector<Row>& rows) {
  std::string mail;
  for (size_t k = 0; mail.size() < 1200; ++k) {
    const Row& r = rows[k % rows.size()];
    if (r.lang != lang) continue;
    mail += r.text;
    mail += (k % 3 == 2) ? "\n\n" : " ";
    if (k > 10000) break;
  }
  return mail;
}

template <typename F>
std::pair<double, double> Time(F&& f, int iterations) {
  std::vector<double> us;
  us.reserve(iterations);
  for (int i = 0; i < iterations; ++i) {
    auto t0 = Clock::now();
    f();
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 99 / 100)]};
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = std::string(SVAR_SOURCE_DIR) + "/tests/corpora/sentiment/sentences.tsv";
  int iterations = 20000;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose") verbose = true;
    else if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--iterations" && i + 1 < argc) iterations = std::max(100, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: %s [--verbose] [--corpus FILE] [--iterations N]\n", argv[0]);
      return 2;
    }
  }
  std::vector<Row> rows = ReadCorpus(corpus);
  if (rows.empty()) {
    std::fprintf(stderr, "no rows in %s (lang<TAB>label<TAB>sentence)\n", corpus.c_str());
    return 1;
  }
  std::map<std::string, std::pair<int, int>> per_lang;  // right, total
  int right = 0;
  for (const Row& r : rows) {
    auto s = svar::triage::AnalyzeSentiment(r.text, r.lang);
    bool ok = s.label == r.label;
    right += ok;
    per_lang[r.lang].first += ok;
    per_lang[r.lang].second += 1;
    if (!ok && verbose) {
      std::string reasons;
      for (auto& x : s.reasons) reasons += " [" + x + "]";
      std::printf("MISS %s want %-8s got %-8s %+.2f %s\n     %s\n", r.lang.c_str(),
                  r.label.c_str(), s.label.c_str(), s.score, r.text.c_str(), reasons.c_str());
    }
  }
  std::printf("%-6s %9s %8s %12s %12s %12s %12s\n", "lang", "accuracy", "n", "sent_med_us",
              "sent_p99_us", "urg_med_us", "urg_p99_us");
  for (auto& [lang, c] : per_lang) {
    std::string mail = MailText(lang, rows);
    auto [sm, sp] = Time([&] { (void)svar::triage::AnalyzeSentiment(mail, lang); }, iterations);
    auto [um, up] = Time([&] { (void)svar::triage::AnalyzeUrgency(mail, lang); }, iterations);
    std::printf("%-6s %8.1f%% %8d %12.2f %12.2f %12.2f %12.2f   (mail %zu bytes)\n",
                lang.c_str(), 100.0 * c.first / c.second, c.second, sm, sp, um, up, mail.size());
  }
  std::printf("%-6s %8.1f%% %8zu\n", "all", 100.0 * right / rows.size(), rows.size());
  return 0;
}
