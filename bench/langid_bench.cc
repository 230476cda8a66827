// langid_bench: accuracy and speed of language identification (src/triage/language.h).
//
//   nice ninja -C build-lang langid_bench && build-lang/bench/langid_bench
//   build-lang/bench/langid_bench --tune [member_ngram_share] [family|all]  # weight grid, odd
//   lines
//
// Data: ../shared/data/langid/{word-pairs,single-words}/<lang>.txt (1,000 lines each, read at
// run time, never copied) and the repository's own tests/corpora/langid/sentences.tsv.
// Every file is split into its odd lines (1st, 3rd, ...: the weights in
// src/triage/language/tuning.h were chosen on these) and its even lines (held out: the honest
// figure). Two runs:
//   desk6: desk languages {da,sv,nb,ru,zh,en}, the files of those six languages;
//   desk8: desk languages {da,sv,nb,nn,ru,zh,en,de}, all eight files (nn and de included).
// Baseline "CLD2": CLD2 alone (best effort), restricted to the same desk languages: its best
// language among its top three that the desk has ("no" counts as nb); none of them = wrong.
// No hints are given to either. Timing: Detect() on a mail-sized text and on a short text,
// median and p99 over many calls, after a warm-up (the model is decoded on first use).
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "triage/language.h"
#include "triage/language/cld2_adapter.h"

namespace {

using svar::triage::LanguageDetector;
using svar::triage::LanguageHints;

struct Sample {
  std::string lang, text;
  bool odd;
};

std::vector<Sample> ReadLines(const std::string& path, const std::string& lang) {
  std::vector<Sample> out;
  std::ifstream in(path);
  std::string line;
  int i = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    out.push_back({lang, line, i % 2 == 0});
    ++i;
  }
  return out;
}

std::vector<Sample> ReadTsv(const std::string& path) {
  std::vector<Sample> out;
  std::ifstream in(path);
  std::string line;
  int i = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string lang = line.substr(0, tab);
    if (lang.starts_with("zh")) lang = "zh";
    out.push_back({lang, line.substr(tab + 1), i % 2 == 0});
    ++i;
  }
  return out;
}

std::string Cld2Restricted(const std::string& text, const std::vector<std::string>& desk) {
  auto g = svar::triage::language::Cld2Detect(text);
  for (const auto& [code, pct] : g.languages) {
    if (std::find(desk.begin(), desk.end(), code) != desk.end()) return code;
  }
  return "";
}

struct Counts {
  int n = 0, cld = 0, svar = 0;
};

// Returns Svar's accuracy over all samples (for tuning).
double Run(const char* title, const LanguageDetector& det, const std::vector<std::string>& desk,
           const std::map<std::string, std::vector<Sample>>& sets, bool print, bool odd_only) {
  if (print) {
    std::printf("\n== %s (desk:", title);
    for (const auto& d : desk) std::printf(" %s", d.c_str());
    std::printf(")\n%-14s %-5s %6s %9s %9s %9s %9s\n", "set", "lang", "n", "CLD2 odd", "Svar odd",
                "CLD2 even", "Svar even");
  }
  int total = 0, ok = 0;
  for (const auto& [set, samples] : sets) {
    std::map<std::string, std::array<Counts, 2>> per;  // [0] odd, [1] even
    for (const auto& s : samples) {
      if (odd_only && !s.odd) continue;
      auto& c = per[s.lang][s.odd ? 0 : 1];
      ++c.n;
      if (print && Cld2Restricted(s.text, desk) == s.lang) ++c.cld;
      if (det.Detect(s.text, LanguageHints{}).code == s.lang) ++c.svar;
    }
    std::array<Counts, 2> all{};
    for (const auto& [lang, c] : per) {
      for (int h = 0; h < 2; ++h) {
        all[h].n += c[h].n;
        all[h].cld += c[h].cld;
        all[h].svar += c[h].svar;
      }
      total += c[0].n + c[1].n;
      ok += c[0].svar + c[1].svar;
      if (print) {
        auto pct = [](int a, int n) { return n ? 100.0 * a / n : 0.0; };
        std::printf("%-14s %-5s %6d %8.1f%% %8.1f%% %8.1f%% %8.1f%%\n", set.c_str(), lang.c_str(),
                    c[0].n + c[1].n, pct(c[0].cld, c[0].n), pct(c[0].svar, c[0].n),
                    pct(c[1].cld, c[1].n), pct(c[1].svar, c[1].n));
      }
    }
    if (print) {
      auto pct = [](int a, int n) { return n ? 100.0 * a / n : 0.0; };
      std::printf("%-14s %-5s %6d %8.1f%% %8.1f%% %8.1f%% %8.1f%%\n", set.c_str(), "ALL",
                  all[0].n + all[1].n, pct(all[0].cld, all[0].n), pct(all[0].svar, all[0].n),
                  pct(all[1].cld, all[1].n), pct(all[1].svar, all[1].n));
    }
  }
  return total ? double(ok) / total : 0;
}

std::map<std::string, std::vector<Sample>> Load(const std::string& data,
                                                const std::vector<std::string>& langs,
                                                bool with_sentences) {
  std::map<std::string, std::vector<Sample>> sets;
  for (const char* kind : {"word-pairs", "single-words"}) {
    for (const auto& l : langs) {
      auto v = ReadLines(data + "/langid/" + kind + "/" + l + ".txt", l);
      sets[kind].insert(sets[kind].end(), v.begin(), v.end());
    }
  }
  if (with_sentences)
    sets["sentences"] = ReadTsv(SVAR_SOURCE_DIR "/tests/corpora/langid/sentences.tsv");
  return sets;
}

void Time(const char* label, const LanguageDetector& det, const std::string& text) {
  LanguageHints hints;
  hints.sender_email = "kunde@example.dk";
  for (int i = 0; i < 200; ++i) det.Detect(text, hints);
  std::vector<double> us;
  for (int i = 0; i < 5000; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto r = det.Detect(text, hints);
    auto t1 = std::chrono::steady_clock::now();
    if (r.code.empty()) std::printf("!");
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::sort(us.begin(), us.end());
  std::printf("%-32s %5zu bytes  median %7.1f us  p99 %7.1f us\n", label, text.size(),
              us[us.size() / 2], us[us.size() * 99 / 100]);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string data = SVAR_SHARED_DATA;
  std::ifstream probe(data + "/langid/word-pairs/da.txt");
  if (!probe) {
    std::fprintf(stderr, "langid_bench: %s/langid not found; it needs ../shared/data\n",
                 data.c_str());
    return 1;
  }
  const std::vector<std::string> desk6 = {"da", "sv", "nb", "ru", "zh", "en"};
  const std::vector<std::string> desk8 = {"da", "sv", "nb", "nn", "ru", "zh", "en", "de"};
  auto sets6 = Load(data, desk6, true);
  auto sets8 = Load(data, desk8, false);

  if (argc > 1 && std::string(argv[1]) == "--tune") {
    sets6.erase("sentences");
    svar::triage::language::Tuning best;
    double best_acc = 0;
    for (double member : {5.0, 10.0, 20.0}) {
      for (double freq : {3.0, 6.0, 10.0}) {
        for (double cld : {1.0, 3.0}) {
          for (double ngram : {0.5, 1.0}) {
            svar::triage::language::Tuning t;
            if (argc > 2) t.member_ngram_share = std::atof(argv[2]);
            if (argc > 3) t.cld2_family_only = std::string(argv[3]) == "family";
            t.ngram_weight = ngram;
            t.member_bonus = member;
            t.frequent_bonus = freq;
            t.cld2_weight = cld;
            LanguageDetector det(desk6, t);
            double acc = Run("", det, desk6, sets6, false, true);
            std::printf("ngram %.2f member %.1f frequent %.1f cld2 %.1f: %.4f\n", ngram, member,
                        freq, cld, acc);
            if (acc > best_acc) {
              best_acc = acc;
              best = t;
            }
          }
        }
      }
    }
    std::printf("best: ngram %.2f member %.1f frequent %.1f cld2 %.1f: %.4f (odd lines, desk6)\n",
                best.ngram_weight, best.member_bonus, best.frequent_bonus, best.cld2_weight,
                best_acc);
    return 0;
  }

  LanguageDetector det6(desk6);
  LanguageDetector det8(desk8);
  Run("desk6", det6, desk6, sets6, true, false);
  Run("desk8", det8, desk8, sets8, true, false);

  std::printf("\n== time per Detect call (desk6, hint .dk)\n");
  const std::string mail =
      "Hej,\n\nJeg bestilte en vaskemaskine hos jer den 3. marts, ordrenummer 558213, og den er "
      "stadig ikke leveret. I skrev at den ville komme inden for fem hverdage, men nu er der gået "
      "over to uger. Kan I fortælle mig hvornår jeg kan forvente at få den, eller skal jeg "
      "annullere ordren og få pengene tilbage? Jeg har ringet to gange uden at komme igennem.\n\n"
      "Jeg håber at høre fra jer snarest.\n\nMed venlig hilsen\nMette Jørgensen\nTlf. 12 34 56 78";
  Time("mail (da, 8 lines)", det6, mail);
  Time("short (\"Tak for hjælpen\")", det6, "Tak for hjælpen");
  Time("mail (zh)", det6,
       "您好，我上周在你们网站上订购了一台洗衣机，订单号558213，到现在还没有收到。请问什么时候可以"
       "发货？"
       "如果不能尽快送到，我想取消订单并申请退款。谢谢！");
  return 0;
}
