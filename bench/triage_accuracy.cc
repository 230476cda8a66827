// Accuracy and speed of the triage classifiers on the development data (../shared/data).
//
//   nice ninja -C build-clf triage_accuracy && build-clf/bench/triage_accuracy [--data DIR]
//        [--only banking|spam] [--tune]
//
// banking77: a stratified 20% of banking77/train.csv (fixed seed) is held out; fastText with
//   the tuned settings (50 epochs, lr 1.0, word bigrams, char 3-5-grams) is the baseline, the
//   own CategoryModel and an ensemble of both are the candidates, all trained on the same 80%
//   in the same run. Printed: held-out accuracy per method (once), training time, prediction
//   time per message (median, p99), and coverage/accuracy at confidence thresholds.
//   --tune instead splits the 80% again (inner 20%) and prints inner accuracy for a small grid
//   of options; the held-out part is not touched.
// spamassassin: 5-fold cross-validation over easy-ham-1 and spam-1 (parsed with
//   mail::ParseMessage), with X-Spam-* headers ignored (the honest figure) and honoured;
//   precision, recall, F1, false-positive rate at the filter's threshold and others.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "mail/parse.h"
#include "triage/category/fasttext_classifier.h"
#include "triage/category_model.h"
#include "triage/spam.h"

namespace fs = std::filesystem;
using namespace svar;
using namespace svar::triage;

namespace {

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines.
std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// Stratified split: `fraction` of each category (after a seeded shuffle) goes to `held`.
void StratifiedSplit(const std::vector<LabeledText>& all, double fraction, uint64_t seed,
                     std::vector<LabeledText>& train, std::vector<LabeledText>& held) {
  std::map<std::string, std::vector<size_t>> by;
  for (size_t i = 0; i < all.size(); ++i) by[all[i].category].push_back(i);
  std::mt19937_64 rng(seed);
  std::vector<bool> is_held(all.size(), false);
  for (auto& [cat, idx] : by) {
    std::shuffle(idx.begin(), idx.end(), rng);
    size_t n = static_cast<size_t>(std::lround(fraction * static_cast<double>(idx.size())));
    for (size_t i = 0; i < n; ++i) is_held[idx[i]] = true;
  }
  for (size_t i = 0; i < all.size(); ++i) (is_held[i] ? held : train).push_back(all[i]);
}

struct Timing {
  double median_us = 0, p99_us = 0;
};
Timing Summarise(std::vector<double> us) {
  std::sort(us.begin(), us.end());
  if (us.empty()) return {};
  return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 99 / 100)]};
}

size_t ArgMax(const std::vector<double>& p) {
  return static_cast<size_t>(std::max_element(p.begin(), p.end()) - p.begin());
}

// Probabilities of one method over the held-out texts, in a common category order.
struct Scored {
  std::string name;
  std::vector<std::vector<double>> probs;
  double train_s = 0;
  Timing predict;
};

void PrintAccuracy(const Scored& s, const std::vector<LabeledText>& held,
                   const std::vector<std::string>& cats) {
  size_t right = 0;
  for (size_t i = 0; i < held.size(); ++i) right += cats[ArgMax(s.probs[i])] == held[i].category;
  std::printf("| %-34s | %6.2f%% | %7.1f s | %8.1f | %8.1f |\n", s.name.c_str(),
              100.0 * static_cast<double>(right) / static_cast<double>(held.size()), s.train_s,
              s.predict.median_us, s.predict.p99_us);
}

void PrintCoverage(const Scored& s, const std::vector<LabeledText>& held,
                   const std::vector<std::string>& cats) {
  std::printf("\n%s: auto-categorised share and its accuracy by threshold\n\n", s.name.c_str());
  std::printf("| threshold | coverage | accuracy of covered | mean confidence of covered |\n");
  std::printf("| ---: | ---: | ---: | ---: |\n");
  for (double t : {0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
    size_t covered = 0, right = 0;
    double conf = 0;
    for (size_t i = 0; i < held.size(); ++i) {
      size_t best = ArgMax(s.probs[i]);
      if (s.probs[i][best] < t) continue;
      ++covered;
      conf += s.probs[i][best];
      right += cats[best] == held[i].category;
    }
    double n = static_cast<double>(held.size());
    std::printf("| %.1f | %5.1f%% | %5.2f%% | %.3f |\n", t, 100.0 * static_cast<double>(covered) / n,
                covered ? 100.0 * static_cast<double>(right) / static_cast<double>(covered) : 0.0,
                covered ? conf / static_cast<double>(covered) : 0.0);
  }
}

template <typename Model>
Scored Score(const std::string& name, const Model& m, const std::vector<LabeledText>& held,
             const std::vector<std::string>& cats, double train_s) {
  Scored s{name, {}, train_s, {}};
  std::map<std::string, size_t> pos;
  for (size_t i = 0; i < m.categories().size(); ++i) pos[m.categories()[i]] = i;
  std::vector<double> us;
  for (const auto& e : held) {
    auto t0 = Clock::now();
    std::vector<double> p = m.Probabilities(e.text);
    us.push_back(Seconds(t0, Clock::now()) * 1e6);
    std::vector<double> ordered(cats.size(), 0.0);
    for (size_t c = 0; c < cats.size(); ++c) {
      auto it = pos.find(cats[c]);
      if (it != pos.end()) ordered[c] = p[it->second];
    }
    s.probs.push_back(std::move(ordered));
  }
  s.predict = Summarise(us);
  return s;
}

double InnerAccuracy(const std::vector<LabeledText>& train, const std::vector<LabeledText>& test,
                     const TrainOptions& o, double* seconds) {
  auto t0 = Clock::now();
  auto m = CategoryModel::Train(train, o);
  *seconds = Seconds(t0, Clock::now());
  if (!m) return 0;
  size_t right = 0;
  for (const auto& e : test) right += m->Predict(e.text, 0).top[0].first == e.category;
  return static_cast<double>(right) / static_cast<double>(test.size());
}

int Banking(const fs::path& data, bool tune) {
  auto rows = ReadCsv(data / "banking77" / "train.csv");
  if (rows.size() < 2) {
    std::fprintf(stderr, "banking77/train.csv not found under %s\n", data.c_str());
    return 1;
  }
  std::vector<LabeledText> all;
  for (size_t i = 1; i < rows.size(); ++i)
    if (rows[i].size() == 2) all.push_back({rows[i][0], rows[i][1]});
  std::vector<LabeledText> train, held;
  StratifiedSplit(all, 0.2, 20240401, train, held);
  std::printf("## banking77: %zu texts, %zu train, %zu held out (stratified 20%%, seed 20240401)\n\n",
              all.size(), train.size(), held.size());
  if (tune) {
    std::vector<LabeledText> inner_train, inner_test;
    StratifiedSplit(train, 0.2, 7, inner_train, inner_test);
    std::printf("tuning on the 80%% only: inner train %zu, inner test %zu\n\n", inner_train.size(),
                inner_test.size());
    struct Trial { const char* name; TrainOptions o; };
    std::vector<Trial> trials;
    TrainOptions base;
    trials.push_back({"default", base});
    auto add = [&](const char* name, auto set) {
      TrainOptions o = base;
      set(o);
      trials.push_back({name, o});
    };
    add("lr 1 ep 25 c2-4", [](TrainOptions& o) { o.learning_rate = 1; o.epochs = 25; o.max_char_ngram = 4; });
    add("lr 2 ep 25 c1-4", [](TrainOptions& o) { o.learning_rate = 2; o.epochs = 25; o.min_char_ngram = 1; o.max_char_ngram = 4; });
    add("lr 2 ep 25 c2-3", [](TrainOptions& o) { o.learning_rate = 2; o.epochs = 25; o.max_char_ngram = 3; });
    add("lr 2 ep 25 c2-4 seed 7", [](TrainOptions& o) { o.learning_rate = 2; o.epochs = 25; o.max_char_ngram = 4; o.seed = 7; });
    add("lr 2 ep 40 c2-4", [](TrainOptions& o) { o.learning_rate = 2; o.epochs = 40; o.max_char_ngram = 4; });
    for (auto& t : trials) {
      t.o.calibrate = false;
      double s = 0;
      double acc = InnerAccuracy(inner_train, inner_test, t.o, &s);
      std::printf("| %-14s | %6.2f%% | %5.1f s |\n", t.name, 100 * acc, s);
      std::fflush(stdout);
    }
    return 0;
  }
  std::vector<std::string> cats;
  {
    std::map<std::string, int> seen;
    for (const auto& e : all)
      if (seen.emplace(e.category, 0).second) cats.push_back(e.category);
  }
  std::vector<Scored> methods;
  auto t0 = Clock::now();
  auto ft = category::FastTextClassifier::Train(train);
  double ft_s = Seconds(t0, Clock::now());
  if (!ft) {
    std::fprintf(stderr, "%s\n", ft.error().ToString().c_str());
    return 1;
  }
  methods.push_back(Score("fastText (50 ep, lr 1, bigrams, 3-5)", *ft, held, cats, ft_s));
  t0 = Clock::now();
  auto own = CategoryModel::Train(train);
  double own_s = Seconds(t0, Clock::now());
  if (!own) {
    std::fprintf(stderr, "%s\n", own.error().ToString().c_str());
    return 1;
  }
  methods.push_back(Score("CategoryModel (own, calibrated)", *own, held, cats, own_s));
  std::printf("model blob: %.1f MB, %zu categories, temperature %.2f\n\n",
              static_cast<double>(own->Serialize().size()) / 1e6, own->categories().size(),
              own->temperature());
  {
    Scored ens{"ensemble (mean of both)", {}, ft_s + own_s, {}};
    for (size_t i = 0; i < held.size(); ++i) {
      std::vector<double> p(cats.size());
      for (size_t c = 0; c < cats.size(); ++c)
        p[c] = 0.5 * (methods[0].probs[i][c] + methods[1].probs[i][c]);
      ens.probs.push_back(std::move(p));
    }
    ens.predict.median_us = methods[0].predict.median_us + methods[1].predict.median_us;
    ens.predict.p99_us = methods[0].predict.p99_us + methods[1].predict.p99_us;
    methods.push_back(std::move(ens));
  }
  std::printf("| method | held-out accuracy | training | predict median µs | p99 µs |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: |\n");
  for (const auto& m : methods) PrintAccuracy(m, held, cats);
  PrintCoverage(methods[1], held, cats);
  PrintCoverage(methods[0], held, cats);
  // The full Predict path (tokenize, features, softmax, top 3) as the pipeline calls it.
  std::vector<double> us;
  for (const auto& e : held) {
    auto a = Clock::now();
    auto p = own->Predict(e.text, 0.5);
    us.push_back(Seconds(a, Clock::now()) * 1e6);
  }
  Timing t = Summarise(us);
  std::printf("\nCategoryModel::Predict: median %.1f µs, p99 %.1f µs per message\n", t.median_us,
              t.p99_us);
  return 0;
}

}  // namespace

int Spam(const fs::path& data);

int main(int argc, char** argv) {
  fs::path data = fs::path(SVAR_SHARED_DATA);
  std::string only;
  bool tune = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (a == "--tune") tune = true;
    else {
      std::fprintf(stderr, "usage: triage_accuracy [--data DIR] [--only banking|spam] [--tune]\n");
      return 2;
    }
  }
  int rc = 0;
  if (only.empty() || only == "banking") rc |= Banking(data, tune);
  if ((only.empty() || only == "spam") && !tune) rc |= Spam(data);
  return rc;
}

// ---- spamassassin ---------------------------------------------------------------------

namespace {

struct Mail {
  mail::ParsedMessage parsed;
  std::vector<std::string> tokens;
  bool spam = false;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void PrintSpamRow(const char* name, double threshold, const std::vector<double>& p,
                  const std::vector<Mail>& mails) {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  for (size_t i = 0; i < mails.size(); ++i) {
    bool said = p[i] >= threshold;
    if (said && mails[i].spam) ++tp;
    else if (said) ++fp;
    else if (mails[i].spam) ++fn;
    else ++tn;
  }
  double prec = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  double rec = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
  double f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
  double fpr = fp + tn ? static_cast<double>(fp) / static_cast<double>(fp + tn) : 0;
  std::printf("| %-22s | %.2f | %6.2f%% | %6.2f%% | %6.2f%% | %5.2f%% (%zu of %zu ham) |\n", name,
              threshold, 100 * prec, 100 * rec, 100 * f1, 100 * fpr, fp, fp + tn);
}

}  // namespace

int Spam(const fs::path& data) {
  mail::InitMail();
  std::vector<Mail> mails;
  size_t unparsed = 0;
  auto t0 = Clock::now();
  for (auto [dir, spam] : {std::pair{"easy-ham-1", false}, std::pair{"spam-1", true}}) {
    fs::path d = data / "spamassassin" / dir;
    if (!fs::is_directory(d)) {
      std::fprintf(stderr, "%s not found\n", d.c_str());
      return 1;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(d))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto parsed = mail::ParseMessage(ReadFile(f));
      if (!parsed) {
        ++unparsed;
        continue;
      }
      mails.push_back({std::move(*parsed), {}, spam});
    }
  }
  double parse_s = Seconds(t0, Clock::now());
  SpamFilter tokenizer;
  std::vector<double> token_us;
  size_t upstream = 0;
  for (auto& m : mails) {
    auto a = Clock::now();
    m.tokens = tokenizer.Tokens(m.parsed);
    token_us.push_back(Seconds(a, Clock::now()) * 1e6);
    upstream += !SpamFilter::UpstreamSpamHeader(m.parsed).empty();
  }
  size_t n_spam = static_cast<size_t>(std::count_if(mails.begin(), mails.end(), [](auto& m) { return m.spam; }));
  std::printf("\n## spamassassin: %zu ham + %zu spam parsed (%zu not mail), parse %.1f s; "
              "%zu carry an upstream X-Spam-Flag/X-Spam-Status: Yes\n\n",
              mails.size() - n_spam, n_spam, unparsed, parse_s, upstream);
  // 5 folds, stratified: each class shuffled with a fixed seed and dealt round-robin.
  std::vector<int> fold(mails.size());
  {
    std::mt19937_64 rng(5);
    for (bool cls : {false, true}) {
      std::vector<size_t> idx;
      for (size_t i = 0; i < mails.size(); ++i)
        if (mails[i].spam == cls) idx.push_back(i);
      std::shuffle(idx.begin(), idx.end(), rng);
      for (size_t i = 0; i < idx.size(); ++i) fold[idx[i]] = static_cast<int>(i % 5);
    }
  }
  std::vector<double> p_model(mails.size()), p_upstream(mails.size());
  std::vector<double> train_s, classify_us;
  for (int k = 0; k < 5; ++k) {
    SpamFilter f;
    auto a = Clock::now();
    for (size_t i = 0; i < mails.size(); ++i)
      if (fold[i] != k) f.LearnTokens(mails[i].tokens, mails[i].spam);
    train_s.push_back(Seconds(a, Clock::now()));
    SpamOptions honour = f.options();
    for (size_t i = 0; i < mails.size(); ++i) {
      if (fold[i] != k) continue;
      honour.honour_upstream = false;
      f.set_options(honour);
      auto b = Clock::now();
      p_model[i] = f.Classify(mails[i].parsed).probability;
      classify_us.push_back(Seconds(b, Clock::now()) * 1e6);
      honour.honour_upstream = true;
      f.set_options(honour);
      p_upstream[i] = f.Classify(mails[i].parsed).probability;
    }
  }
  std::printf("| filter | threshold | precision | recall | F1 | false-positive rate |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: |\n");
  for (double t : {0.5, 0.9, 0.95, 0.99})
    PrintSpamRow("model (X-Spam-* ignored)", t, p_model, mails);
  PrintSpamRow("model + upstream headers", SpamOptions{}.spam_threshold, p_upstream, mails);
  Timing tok = Summarise(token_us), cls = Summarise(classify_us);
  std::printf("\ntraining on 2,400 messages (tokens ready): %.3f s; tokens of a parsed message: "
              "median %.1f µs, p99 %.1f µs; Classify (tokens + model): median %.1f µs, p99 %.1f µs\n",
              *std::max_element(train_s.begin(), train_s.end()), tok.median_us, tok.p99_us,
              cls.median_us, cls.p99_us);
  return 0;
}
