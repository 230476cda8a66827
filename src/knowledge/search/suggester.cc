#include "knowledge/search/suggester.h"

#include <xapian.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "knowledge/search/analysis.h"
#include "knowledge/search/query_builder.h"
#include "knowledge/search/reader_pool.h"
#include "knowledge/search/schema.h"

namespace svar::knowledge {
namespace {

constexpr size_t kExpandTerms = 8;  // completions OR-ed into the title query

struct Completion {
  std::string term;
  Xapian::doccount freq = 0;
};

}  // namespace

struct Suggester::Impl {
  explicit Impl(std::string dir) : pool(std::move(dir)) {}
  ReaderPool pool;
  Result<SuggestResponse> Run(Xapian::Database& db, const SuggestRequest& req) const;
};

Suggester::Suggester(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Suggester::~Suggester() = default;

Result<std::unique_ptr<Suggester>> Suggester::Open(const std::string& index_dir) {
  return std::unique_ptr<Suggester>(new Suggester(std::make_unique<Impl>(index_dir)));
}

Result<SuggestResponse> Suggester::Impl::Run(Xapian::Database& db,
                                             const SuggestRequest& req) const {
  SuggestResponse out;
  const bool customer = req.audience == Audience::kCustomer;
  const std::string locale = CanonicalLocale(req.locale);
  const size_t limit = static_cast<size_t>(std::clamp(req.limit, 1, 20));
  std::vector<Word> words = SplitWords(req.text);
  if (words.empty()) return out;

  bool typing = !req.text.empty() && req.text.back() != ' ' && words.back().end == req.text.size();
  std::string head = req.text.substr(0, typing ? words.back().begin : req.text.size());
  std::vector<Completion> completions;
  if (typing) {
    const std::string prefix = schema::kTitle + words.back().folded;
    int scanned = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && scanned < kScanTerms;
         ++t, ++scanned) {
      completions.push_back({(*t).substr(1), t.get_termfreq()});
    }
    std::sort(completions.begin(), completions.end(), [](const Completion& a, const Completion& b) {
      return a.freq != b.freq ? a.freq > b.freq : a.term < b.term;
    });
    for (size_t i = 0; i < completions.size() && out.completions.size() < limit; ++i)
      out.completions.push_back(head + completions[i].term);
  }

  // Titles: every finished word, AND one of the top completions of the word being typed,
  // over the title terms of lead passages (one short document per article: cheap).
  std::vector<Xapian::Query> head_terms;
  for (const Word& w : SplitWords(head)) {
    if (w.han) {
      for (const auto& b : HanBigrams(w.folded)) head_terms.emplace_back(schema::kTitle + b);
    } else {
      head_terms.emplace_back(schema::kTitle + w.folded);
    }
  }
  std::vector<Xapian::Query> alts;
  for (size_t i = 0; i < completions.size() && alts.size() < kExpandTerms; ++i)
    alts.emplace_back(schema::kTitle + completions[i].term);
  if (typing && alts.empty()) return out;  // nothing starts like that
  Xapian::Query all_head(Xapian::Query::OP_AND, head_terms.begin(), head_terms.end());
  Xapian::Query partial(Xapian::Query::OP_OR, alts.begin(), alts.end());
  Xapian::Query query = !typing ? all_head
                        : head_terms.empty()
                            ? partial
                            : Xapian::Query(Xapian::Query::OP_AND, partial, all_head);
  if (query.empty()) return out;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, FilterFor(customer)));
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit * 2));
  if (mset.empty() && typing && !head_terms.empty()) {
    // A finished word is not in any title (misspelt, inflected): the typed word alone.
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, partial, FilterFor(customer)));
    mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit * 2));
  }
  std::vector<std::pair<double, SuggestedArticle>> ranked;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    nlohmann::json data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (!data.is_object()) continue;
    if (customer && data.value("visibility", "") != "public") continue;
    SuggestedArticle a;
    a.article_id = data.value("id", int64_t{0});
    a.slug = data.value("slug", "");
    a.locale = data.value("locale", "");
    a.title = data.value("title", "");
    double s = it.get_weight();
    if (!locale.empty() && a.locale != locale) s *= 0.55;
    ranked.emplace_back(s, std::move(a));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& [s, a] : ranked) {
    if (out.articles.size() >= limit) break;
    out.articles.push_back(std::move(a));
  }
  return out;
}

Result<SuggestResponse> Suggester::Suggest(const SuggestRequest& request) const {
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
      return Fail(ReadFailure(e, "suggest failed"));
    }
  }
}

}  // namespace svar::knowledge
