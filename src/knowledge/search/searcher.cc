#include "knowledge/search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "knowledge/search/analysis.h"
#include "knowledge/search/highlight.h"
#include "knowledge/search/passage_choice.h"
#include "knowledge/search/query_builder.h"
#include "knowledge/search/reader_pool.h"
#include "knowledge/search/schema.h"

namespace svar::knowledge {
namespace {

constexpr double kSecondPassage = 0.5;
constexpr double kOtherLocale = 0.55;
constexpr double kOtherChineseScript = 0.9;
constexpr double kProductBoost = 1.15;
constexpr int kMaxLimit = 100;

bool IsChinese(std::string_view locale) { return locale.starts_with("zh"); }

double LocaleFactor(const std::string& article, const std::string& wanted) {
  if (wanted.empty() || article == wanted) return 1.0;
  if (IsChinese(article) && IsChinese(wanted)) return kOtherChineseScript;
  return kOtherLocale;
}

struct Candidate {
  nlohmann::json best;
  double text = 0;
  int passages = 0;
  double quality = 0.5;
  double views = 0;
  double score = 0;
};

// Every passage of an article in `db`, in reading order, with its stored data.
std::vector<std::pair<Passage, nlohmann::json>> PassagesOf(Xapian::Database& db, int64_t id) {
  std::vector<std::pair<Passage, nlohmann::json>> out;
  const std::string term = schema::ArticleTerm(id);
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    nlohmann::json data = nlohmann::json::parse(db.get_document(*p).get_data(), nullptr, false);
    if (!data.is_object()) continue;
    Passage passage;
    passage.ordinal = data.value("ordinal", 0);
    passage.anchor = data.value("anchor", "");
    passage.heading = data.value("heading", "");
    passage.text = data.value("text", "");
    out.emplace_back(std::move(passage), std::move(data));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.first.ordinal < b.first.ordinal; });
  return out;
}

}  // namespace

struct Searcher::Impl {
  explicit Impl(std::string dir, SearchOptions o) : pool(std::move(dir)), options(o) {}
  ReaderPool pool;
  SearchOptions options;

  Result<SearchResponse> Run(Xapian::Database& db, const SearchRequest& req) const;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& index_dir,
                                                 SearchOptions options) {
  return std::unique_ptr<Searcher>(new Searcher(std::make_unique<Impl>(index_dir, options)));
}

Result<SearchResponse> Searcher::Impl::Run(Xapian::Database& db, const SearchRequest& req) const {
  const bool customer = req.audience == Audience::kCustomer;
  const std::string locale = CanonicalLocale(req.locale);
  QueryWeights weights;
  weights.learned = options.learned_weight;
  BuiltQuery built = BuildQuery(db, req.query, locale, weights);
  SearchResponse response;
  response.did_you_mean = built.did_you_mean;
  if (built.query.empty()) return response;

  Xapian::Query filter = FilterFor(customer);
  if (!req.category.empty())
    filter = Xapian::Query(Xapian::Query::OP_AND, filter,
                           Xapian::Query(schema::kCategory + FoldText(req.category)));
  if (!req.product.empty())
    filter = Xapian::Query(Xapian::Query::OP_AND, filter,
                           Xapian::Query(schema::kProduct + FoldText(req.product)));
  if (req.only_locale && !locale.empty()) {
    Xapian::Query loc(schema::kLocale + locale);
    if (IsChinese(locale))
      loc = Xapian::Query(Xapian::Query::OP_OR,
                          Xapian::Query(std::string(schema::kLocale) + "zh-Hans"),
                          Xapian::Query(std::string(schema::kLocale) + "zh-Hant"));
    filter = Xapian::Query(Xapian::Query::OP_AND, filter, loc);
  }
  Xapian::Query query(Xapian::Query::OP_FILTER, built.query, filter);

  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
  enquire.set_collapse_key(schema::kSlotArticle, 2);
  const int limit = std::clamp(req.limit, 1, kMaxLimit);
  const int offset = std::max(req.offset, 0);
  const Xapian::doccount want = static_cast<Xapian::doccount>(std::max(40, (offset + limit) * 3));
  Xapian::MSet mset = enquire.get_mset(0, want);
  response.estimated_total = mset.get_matches_estimated();

  std::set<std::string> boost;
  for (const auto& p : req.boost_products) boost.insert(FoldText(p));

  std::map<int64_t, Candidate> by_article;
  std::vector<int64_t> order;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    nlohmann::json data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (!data.is_object()) continue;
    if (customer && data.value("visibility", "") != "public") continue;  // second wall
    int64_t id = data.value("id", int64_t{0});
    auto [c, fresh] = by_article.try_emplace(id);
    if (fresh) {
      order.push_back(id);
      c->second.best = std::move(data);
      c->second.text = it.get_weight();
      c->second.quality = Xapian::sortable_unserialise(doc.get_value(schema::kSlotQuality));
      c->second.views = Xapian::sortable_unserialise(doc.get_value(schema::kSlotPopularity));
    } else {
      c->second.text += kSecondPassage * it.get_weight();
    }
    ++c->second.passages;
  }

  std::vector<Candidate*> ranked;
  for (int64_t id : order) {
    Candidate& c = by_article[id];
    double s = c.text;
    if (options.use_priors) {
      s *= 0.85 + 0.3 * c.quality;
      s *= 1.0 + 0.04 * std::log1p(std::max(0.0, c.views));
    }
    s *= LocaleFactor(c.best.value("locale", ""), locale);
    if (!boost.empty()) {
      for (const auto& p : c.best.value("products", std::vector<std::string>{}))
        if (boost.contains(p)) {
          s *= kProductBoost;
          break;
        }
    }
    c.score = s;
    ranked.push_back(&c);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Candidate* a, const Candidate* b) { return a->score > b->score; });

  // One language version per translation group when the reader's own is there.
  std::set<std::string> groups_in_locale;
  for (const Candidate* c : ranked)
    if (c->best.value("locale", "") == locale && !c->best.value("group", "").empty())
      groups_in_locale.insert(c->best.value("group", ""));
  std::vector<Candidate*> kept;
  for (Candidate* c : ranked) {
    const std::string group = c->best.value("group", "");
    if (c->best.value("locale", "") != locale && groups_in_locale.contains(group)) continue;
    kept.push_back(c);
  }

  for (size_t i = static_cast<size_t>(offset);
       i < kept.size() && response.hits.size() < static_cast<size_t>(limit); ++i) {
    const Candidate& c = *kept[i];
    SearchHit h;
    h.article_id = c.best.value("id", int64_t{0});
    h.slug = c.best.value("slug", "");
    h.locale = c.best.value("locale", "");
    h.title = c.best.value("title", "");
    h.translation_group = c.best.value("group", "");
    h.category = c.best.value("category", "");
    // The passage shown: chosen by its own words, not by the title (passage_choice.h).
    h.anchor = c.best.value("anchor", "");
    h.heading = c.best.value("heading", "");
    h.passage = c.best.value("text", "");
    auto passages = PassagesOf(db, h.article_id);
    if (!passages.empty()) {
      std::vector<Passage> plain;
      plain.reserve(passages.size());
      for (const auto& p : passages) plain.push_back(p.first);
      const Passage& chosen = plain[ChoosePassage(built.concepts, plain, h.title, h.locale)];
      if (customer && passages.front().second.value("visibility", "") != "public") continue;
      h.anchor = chosen.anchor;
      h.heading = chosen.heading;
      h.passage = chosen.text;
    }
    h.highlights = FindHighlights(h.passage, h.locale, built.highlight);
    h.passage_html = MarkHighlights(h.passage, h.highlights);
    h.score = c.score;
    h.text_score = c.text;
    response.hits.push_back(std::move(h));
  }
  return response;
}

Result<SearchResponse> Searcher::Search(const SearchRequest& request) const {
  SVAR_ASSIGN(auto lease, impl_->pool.Acquire(request.audience == Audience::kCustomer));
  for (int attempt = 0;; ++attempt) {
    try {
      return impl_->Run(lease.db(), request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 2)
        return Fail(ErrorCode::kBusy, "the search index is being rebuilt: try again");
      try {
        lease.Reopen();
      } catch (const Xapian::Error& e) {
        return Fail(ReadFailure(e, "cannot reopen the search index"));
      }
    } catch (const Xapian::Error& e) {
      return Fail(ReadFailure(e, "search failed"));
    }
  }
}

}  // namespace svar::knowledge
