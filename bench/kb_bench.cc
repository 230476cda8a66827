// kb_bench: knowledge-base search benchmarks with named workloads.
//
//   kb_bench --workload=faq [--data=DIR]          quality on StackFAQ (../shared/data/faq)
//   kb_bench --workload=latency [--sizes=1000,10000,100000] [--queries=N] [--keep=DIR]
//            (--keep: build the generated indexes under DIR once and reuse them)
//
// faq: the 125 FAQs become English articles (question = title, answers = body, one paragraph
// per answer); the paraphrased questions of stackfaq-dev-queries.tsv are the queries.
//   (a) baseline: plain Xapian BM25 (Bm25Baseline) over question + answers, in this same run;
//   (b) ours, from text alone (no feedback in the database);
//   (c) learning: queries alternate in file order: even ones play earlier customers (a search
//       event and a helpful vote on the right article), odd ones are measured before and after
//       IndexSync has taken the votes in. (a) and (b) are reported on all queries and on the
//       measured half.
// latency: N generated articles (English and Danish, 3-6 paragraphs of Zipf-distributed words
// from built-in help-desk vocabularies), searched and suggested in-process; median and p99.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "knowledge/search/bm25_baseline.h"
#include "knowledge/search/index_sync.h"
#include "knowledge/search/kb_index.h"
#include "knowledge/search/searcher.h"
#include "knowledge/search/suggester.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace {

using namespace svar;
using namespace svar::knowledge;

std::string Arg(int argc, char** argv, const std::string& name, const std::string& def) {
  std::string key = "--" + name + "=";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind(key, 0) == 0) return a.substr(key.size());
  }
  return def;
}

[[noreturn]] void Die(const std::string& what) {
  std::cerr << "kb_bench: " << what << "\n";
  std::exit(1);
}

template <typename T>
T Must(Result<T> r, const std::string& what) {
  if (!r) Die(what + ": " + r.error().ToString());
  return std::move(*r);
}

void Must(Status s, const std::string& what) {
  if (!s) Die(what + ": " + s.error().ToString());
}

struct Query {
  std::string text;
  std::string faq;
};

struct Scores {
  int n = 0;
  double hit1 = 0, hit3 = 0, rr = 0;
  void Add(int rank) {  // 1-based, 0 = not found
    ++n;
    if (rank == 1) hit1 += 1;
    if (rank >= 1 && rank <= 3) hit3 += 1;
    if (rank >= 1) rr += 1.0 / rank;
  }
  void Print(const std::string& name) const {
    std::printf("%-44s %5d  %6.3f  %6.3f  %6.3f\n", name.c_str(), n, hit1 / n, hit3 / n, rr / n);
  }
};

int RankOf(const std::vector<std::string>& ids, const std::string& want) {
  for (size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == want) return static_cast<int>(i) + 1;
  return 0;
}

std::filesystem::path TempDir(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() /
           ("svar-kb-bench-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(p);
  return p;
}

int64_t InsertArticle(storage::Database& db, const std::string& slug, const std::string& locale,
                      const std::string& title, const std::string& body) {
  Must(db.Exec("INSERT INTO kb_articles (slug, translation_group, locale, title, body, category, "
               "tags_json, products_json, visibility, state, author, version, published_version, "
               "created_at, updated_at, published_at) VALUES (?,?,?,?,?,'faq','[]','[]',"
               "'public','published','bench',1,1,1,1,1)",
               {slug, slug, locale, title, body}),
       "insert article");
  auto id = Must(db.QueryOne("SELECT MAX(id) FROM kb_articles"), "id");
  int64_t aid = id->Int(0);
  Must(db.Exec("INSERT INTO kb_versions (article_id, version, title, body, category, tags_json, "
               "products_json, visibility, author, note, created_at) VALUES "
               "(?,1,?,?,'faq','[]','[]','public','bench','',1)",
               {aid, title, body}),
       "insert version");
  return aid;
}

int RunFaq(const std::string& data) {
  std::ifstream faqs(data + "/stackfaq.jsonl");
  std::ifstream tsv(data + "/stackfaq-dev-queries.tsv");
  if (!faqs || !tsv) {
    std::cerr << "kb_bench: " << data << "/stackfaq.jsonl or stackfaq-dev-queries.tsv not found; "
              << "pass --data=DIR (skipping faq)\n";
    return 0;
  }
  auto db = Must(storage::OpenSqlite({.path = ":memory:"}), "open sqlite");
  Must(storage::Migrate(*db), "migrate");
  std::vector<Bm25Baseline::Doc> baseline_docs;
  std::map<int64_t, std::string> faq_of;
  std::map<std::string, int64_t> article_of;
  std::string line;
  while (std::getline(faqs, line)) {
    auto j = nlohmann::json::parse(line);
    std::string id = j["id"], q = j["question"];
    std::string body, all = q;
    for (const auto& a : j["answers"]) {
      std::string text = a.get<std::string>();
      body += text + "\n\n";
      all += "\n" + text;
    }
    int64_t aid = InsertArticle(*db, id, "en", q, body);
    faq_of[aid] = id;
    article_of[id] = aid;
    baseline_docs.push_back({id, all});
  }
  std::vector<Query> queries;
  while (std::getline(tsv, line)) {
    auto tab = line.rfind('\t');
    if (tab == std::string::npos) continue;
    queries.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }

  auto dir = TempDir("faq");
  auto t0 = std::chrono::steady_clock::now();
  Must(Rebuild(*db, dir.string()), "rebuild");
  double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  auto baseline = Must(Bm25Baseline::Build(baseline_docs), "baseline");
  auto searcher = Must(Searcher::Open(dir.string()), "searcher");

  auto ours = [&](const std::string& q) {
    SearchRequest r;
    r.query = q;
    r.locale = "en";
    auto res = Must(searcher->Search(r), "search");
    std::vector<std::string> ids;
    for (const auto& h : res.hits) ids.push_back(faq_of[h.article_id]);
    return ids;
  };
  Scores base_all, ours_all, base_half, ours_half, learned_half;
  for (size_t i = 0; i < queries.size(); ++i) {
    const auto& q = queries[i];
    int rb = RankOf(Must(baseline->Rank(q.text, 10), "baseline"), q.faq);
    int ro = RankOf(ours(q.text), q.faq);
    base_all.Add(rb);
    ours_all.Add(ro);
    if (i % 2 == 1) {
      base_half.Add(rb);
      ours_half.Add(ro);
    }
  }
  // Earlier customers: the even queries search, then vote the right article helpful.
  for (size_t i = 0; i < queries.size(); i += 2) {
    const auto& q = queries[i];
    std::string session = "bench-" + std::to_string(i);
    Must(db->Exec("INSERT INTO kb_events (kind, session_id, locale, query, article_id, "
                  "result_count, top_score, created_at) VALUES ('search',?,'en',?,NULL,10,1,2)",
                  {session, q.text}),
         "event");
    Must(db->Exec("INSERT INTO kb_feedback (article_id, helpful, comment, source, session_id, "
                  "query, created_at) VALUES (?,1,'','customer',?,?,2)",
                  {article_of[q.faq], session, q.text}),
         "feedback");
  }
  {
    auto index = Must(KbIndex::Open(dir.string()), "open index");
    IndexSync sync(*db, *index);
    Must(sync.Poll(), "sync");
  }
  for (size_t i = 1; i < queries.size(); i += 2)
    learned_half.Add(RankOf(ours(queries[i].text), queries[i].faq));

  std::printf("faq: %zu articles, %zu queries, index built in %.0f ms\n", faq_of.size(),
              queries.size(), build_ms);
  std::printf("%-44s %5s  %6s  %6s  %6s\n", "system", "n", "hit@1", "hit@3", "MRR");
  base_all.Print("(a) baseline BM25, all queries");
  ours_all.Print("(b) svar, text alone, all queries");
  base_half.Print("(a) baseline BM25, measured half");
  ours_half.Print("(b) svar, text alone, measured half");
  learned_half.Print("(c) svar + learning from the other half");
  std::filesystem::remove_all(dir);
  return 0;
}

// ---- latency ----

const char* kEnglish[] = {"account",  "password",     "reset",
                          "login",    "email",        "address",
                          "invoice",  "payment",      "card",
                          "refund",   "order",        "delivery",
                          "shipping", "parcel",       "tracking",
                          "return",   "exchange",     "subscription",
                          "plan",     "upgrade",      "downgrade",
                          "cancel",   "renew",        "billing",
                          "receipt",  "tax",          "discount",
                          "coupon",   "code",         "app",
                          "mobile",   "phone",        "tablet",
                          "browser",  "download",     "install",
                          "update",   "version",      "error",
                          "message",  "crash",        "slow",
                          "sync",     "backup",       "restore",
                          "file",     "folder",       "share",
                          "link",     "permission",   "team",
                          "member",   "admin",        "role",
                          "settings", "profile",      "name",
                          "language", "notification", "alert",
                          "security", "two-factor",   "authenticator",
                          "device",   "session",      "logout",
                          "privacy",  "data",         "export",
                          "import",   "delete",       "remove",
                          "add",      "change",       "edit",
                          "open",     "close",        "click",
                          "select",   "choose",       "enter",
                          "type",     "save",         "confirm",
                          "verify",   "check",        "wait",
                          "minutes",  "hours",        "days",
                          "week",     "month",        "year",
                          "customer", "support",      "contact",
                          "chat",     "ticket",       "request",
                          "problem",  "issue",        "question",
                          "answer",   "help",         "guide",
                          "step",     "page",         "button",
                          "menu",     "screen",       "window",
                          "tab",      "list",         "table",
                          "report",   "the",          "a",
                          "to",       "of",           "and",
                          "in",       "your",         "you",
                          "is",       "for",          "on",
                          "with",     "it",           "can",
                          "this",     "that",         "be",
                          "are",      "not",          "or",
                          "if",       "we",           "our",
                          "from",     "at",           "by",
                          "when",     "after",        "before",
                          "new",      "old",          "first",
                          "next",     "again",        "still",
                          "only",     "all",          "any",
                          "product",  "price",        "warranty",
                          "repair",   "battery",      "charger",
                          "cable",    "screen",       "camera",
                          "printer",  "scanner",      "network",
                          "wifi",     "router",       "connection",
                          "offline",  "online",       "storage",
                          "limit",    "quota",        "usage",
                          "invoice",  "company",      "vat",
                          "currency", "bank"};
const char* kDanish[] = {"konto",
                         "adgangskode",
                         "nulstil",
                         "login",
                         "email",
                         "adresse",
                         "faktura",
                         "betaling",
                         "kort",
                         "refusion",
                         "ordre",
                         "levering",
                         "forsendelse",
                         "pakke",
                         "sporing",
                         "retur",
                         "bytte",
                         "abonnement",
                         "opgrader",
                         "opsig",
                         "forny",
                         "kvittering",
                         "moms",
                         "rabat",
                         "kode",
                         "app",
                         "mobil",
                         "telefon",
                         "browser",
                         "hent",
                         "installer",
                         "opdatering",
                         "fejl",
                         "besked",
                         "langsom",
                         "synkronisering",
                         "sikkerhedskopi",
                         "fil",
                         "mappe",
                         "del",
                         "tilladelse",
                         "hold",
                         "medlem",
                         "indstillinger",
                         "profil",
                         "navn",
                         "sprog",
                         "notifikation",
                         "sikkerhed",
                         "enhed",
                         "session",
                         "log",
                         "data",
                         "eksport",
                         "import",
                         "slet",
                         "fjern",
                         "tilføj",
                         "ændr",
                         "åbn",
                         "luk",
                         "klik",
                         "vælg",
                         "indtast",
                         "gem",
                         "bekræft",
                         "kontroller",
                         "vent",
                         "minutter",
                         "timer",
                         "dage",
                         "uge",
                         "måned",
                         "kunde",
                         "support",
                         "kontakt",
                         "problem",
                         "spørgsmål",
                         "svar",
                         "hjælp",
                         "vejledning",
                         "trin",
                         "side",
                         "knap",
                         "menu",
                         "skærm",
                         "vindue",
                         "liste",
                         "rapport",
                         "den",
                         "det",
                         "at",
                         "og",
                         "i",
                         "din",
                         "du",
                         "er",
                         "for",
                         "på",
                         "med",
                         "kan",
                         "denne",
                         "ikke",
                         "eller",
                         "hvis",
                         "vi",
                         "vores",
                         "fra",
                         "når",
                         "efter",
                         "før",
                         "ny",
                         "første",
                         "næste",
                         "igen",
                         "kun",
                         "alle",
                         "produkt",
                         "pris",
                         "garanti",
                         "reparation",
                         "batteri",
                         "oplader",
                         "kabel",
                         "kamera",
                         "printer",
                         "netværk",
                         "forbindelse",
                         "lagerplads",
                         "grænse",
                         "forbrug",
                         "virksomhed",
                         "valuta",
                         "bank"};

struct Vocab {
  std::vector<std::string> words;
  std::discrete_distribution<size_t> zipf;
  explicit Vocab(const std::vector<std::string>& w) : words(w) {
    std::vector<double> weights;
    for (size_t i = 0; i < words.size(); ++i) weights.push_back(1.0 / std::pow(i + 1.0, 0.9));
    zipf = std::discrete_distribution<size_t>(weights.begin(), weights.end());
  }
  // Rare made-up words give the index a realistic long tail of terms.
  std::string Word(std::mt19937& rng) {
    if (rng() % 20 == 0) {
      std::string w = words[zipf(rng)];
      return w + std::to_string(rng() % 5000);
    }
    return words[zipf(rng)];
  }
  std::string Sentence(std::mt19937& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + Word(rng);
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + ".";
  }
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
  return v[std::min(i, v.size() - 1)];
}

int RunLatency(const std::vector<int>& sizes, int nqueries, const std::string& keep) {
  std::vector<std::string> en(std::begin(kEnglish), std::end(kEnglish));
  std::vector<std::string> da(std::begin(kDanish), std::end(kDanish));
  Vocab ven(en), vda(da);
  std::printf("%-9s %10s %10s %10s %10s %10s %12s\n", "articles", "index_s", "search_p50",
              "search_p99", "suggest_p50", "suggest_p99", "(ms)");
  for (int n : sizes) {
    std::mt19937 rng(42);
    auto dir = keep.empty() ? TempDir("latency-" + std::to_string(n))
                            : std::filesystem::path(keep) / std::to_string(n);
    bool reuse = !keep.empty() && std::filesystem::exists(dir / "public");
    auto t0 = std::chrono::steady_clock::now();
    if (!reuse) {
      auto index = Must(KbIndex::Open(dir.string(), true), "open index");
      for (int i = 0; i < n; ++i) {
        bool danish = i % 4 == 3;
        Vocab& v = danish ? vda : ven;
        IndexedArticle a;
        a.article.id = i + 1;
        a.article.slug = "a" + std::to_string(i + 1);
        a.article.locale = danish ? "da" : "en";
        a.article.translation_group = a.article.slug;
        a.article.title = v.Sentence(rng, 4 + static_cast<int>(rng() % 4));
        int paras = 3 + static_cast<int>(rng() % 4);
        for (int p = 0; p < paras; ++p) {
          if (p == 2) a.article.body += "## " + v.Sentence(rng, 3) + "\n\n";
          int sentences = 2 + static_cast<int>(rng() % 3);
          for (int s = 0; s < sentences; ++s)
            a.article.body += v.Sentence(rng, 8 + static_cast<int>(rng() % 8)) + " ";
          a.article.body += "\n\n";
        }
        a.article.visibility = i % 10 == 9 ? kInternal : kPublic;
        a.article.state = kPublished;
        a.article.published_version = 1;
        a.stats.views = rng() % 100;
        Must(index->Upsert(a), "upsert");
        if ((i + 1) % 5000 == 0) Must(index->Commit(), "commit");
      }
      Must(index->Commit(), "commit");
    }
    double index_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    auto searcher = Must(Searcher::Open(dir.string()), "searcher");
    auto suggester = Must(Suggester::Open(dir.string()), "suggester");
    std::vector<double> search_ms, suggest_ms;
    std::mt19937 qrng(7);
    for (int q = 0; q < nqueries; ++q) {
      bool danish = q % 4 == 3;
      Vocab& v = danish ? vda : ven;
      int words = 1 + static_cast<int>(qrng() % 4);
      std::string text;
      for (int w = 0; w < words; ++w) text += (w ? " " : "") + v.words[v.zipf(qrng) % 120 + 0];
      SearchRequest r;
      r.query = text;
      r.locale = danish ? "da" : "en";
      auto s0 = std::chrono::steady_clock::now();
      auto res = searcher->Search(r);
      search_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s0).count());
      if (!res) Die("search: " + res.error().ToString());
      // Type-ahead: the same text cut inside its last word.
      std::string typed =
          text.substr(0, text.size() - std::min<size_t>(text.size() - 1, 1 + qrng() % 3));
      SuggestRequest sr;
      sr.text = typed;
      sr.locale = r.locale;
      auto g0 = std::chrono::steady_clock::now();
      auto sres = suggester->Suggest(sr);
      suggest_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g0).count());
      if (!sres) Die("suggest: " + sres.error().ToString());
    }
    std::printf("%-9d %10.1f %10.2f %10.2f %10.2f %10.2f\n", n, index_s, Percentile(search_ms, 0.5),
                Percentile(search_ms, 0.99), Percentile(suggest_ms, 0.5),
                Percentile(suggest_ms, 0.99));
    std::fflush(stdout);
    if (keep.empty()) std::filesystem::remove_all(dir);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string workload = Arg(argc, argv, "workload", "all");
  std::string data = Arg(argc, argv, "data", "../shared/data/faq");
  std::vector<int> sizes;
  std::stringstream ss(Arg(argc, argv, "sizes", "1000,10000,100000"));
  for (std::string s; std::getline(ss, s, ',');) sizes.push_back(std::stoi(s));
  int nqueries = std::stoi(Arg(argc, argv, "queries", "2000"));
  int rc = 0;
  if (workload == "faq" || workload == "all") rc |= RunFaq(data);
  if (workload == "latency" || workload == "all")
    rc |= RunLatency(sizes, nqueries, Arg(argc, argv, "keep", ""));
  if (workload != "faq" && workload != "latency" && workload != "all") {
    std::cerr << "kb_bench: unknown workload " << workload << " (faq, latency, all)\n";
    return 2;
  }
  return rc;
}
