#include "knowledge/articles/content_gaps.h"

#include "knowledge/search/analysis.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace svar::knowledge {
namespace {

struct Key {
  std::string text;           // the tokens joined by ' '
  std::set<std::string> set;  // the tokens as a set
};

struct Bucket {  // every search with the same tokens
  Key key;
  std::map<std::string, int64_t> spellings;
  std::set<std::string> locales;
  int64_t count = 0;
  int64_t last_seen = 0;
};

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t common = 0;
  for (const auto& t : a) common += b.contains(t);
  const size_t uni = a.size() + b.size() - common;
  return uni == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(uni);
}

bool Subset(const std::set<std::string>& small, const std::set<std::string>& big) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

bool Similar(const std::set<std::string>& a, const std::set<std::string>& b) {
  return Jaccard(a, b) >= 0.5 || Subset(a, b) || Subset(b, a);
}

}  // namespace

std::vector<std::string> GapTokens(std::string_view query) {
  const std::string folded = CaseFold(query);
  std::vector<std::string> out;
  std::string current;
  const char* s = folded.data();
  const int32_t n = static_cast<int32_t>(folded.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {  // invalid byte: a separator
      if (!current.empty()) out.push_back(std::move(current)), current.clear();
      continue;
    }
    if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) {
      if (!current.empty()) out.push_back(std::move(current)), current.clear();
      out.emplace_back(s + start, i - start);
    } else if (u_isalnum(c) ||
               u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) {
      current.append(s + start, i - start);
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::vector<std::string> GapStems(std::string_view query, std::string_view locale) {
  std::vector<std::string> tokens = GapTokens(query);
  for (auto& t : tokens) {
    Word w;
    w.folded = t;
    w.end = t.size();
    w.han = ContainsHan(t);
    // Stem terms carry their language ("Zen:bitcoin"); compare the bare stem, so the same
    // word searched from two locales stays one gap.
    std::string stem = StemTerm(w, locale);
    if (size_t colon = stem.find(':'); colon != std::string::npos) t = stem.substr(colon + 1);
  }
  return tokens;
}

Result<std::vector<GapGroup>> ContentGaps(storage::Database& db, const GapOptions& o) {
  std::string sql =
      "SELECT query, locale, created_at FROM kb_events WHERE kind = 'search' AND "
      "created_at >= ? AND created_at < ? AND (result_count = 0";
  storage::Params params{o.since, o.until};
  if (o.weak_score > 0) {
    sql += " OR top_score IS NULL OR top_score < ?";
    params.emplace_back(o.weak_score);
  }
  sql += ")";
  if (!o.locale.empty()) {
    sql += " AND locale = ?";
    params.emplace_back(o.locale);
  }
  SVAR_ASSIGN(auto rows, db.Query(sql, params));

  std::map<std::string, Bucket> buckets;  // by token text
  for (const auto& r : rows) {
    auto tokens = GapTokens(r.Text(0));
    if (tokens.empty()) continue;
    Key key;
    for (size_t i = 0; i < tokens.size(); ++i) key.text += (i ? " " : "") + tokens[i];
    // Words and their stems: "bitcoins" meets "bitcoin" through its stem, while a word typed
    // in another language than the search's locale still meets itself.
    key.set = std::set<std::string>(tokens.begin(), tokens.end());
    for (auto& stem : GapStems(r.Text(0), r.Text(1))) key.set.insert(std::move(stem));
    Bucket& b = buckets[key.text];
    if (b.count == 0) b.key = std::move(key);
    ++b.count;
    ++b.spellings[CollapseSpace(r.Text(0))];
    if (!r.Text(1).empty()) b.locales.insert(r.Text(1));
    b.last_seen = std::max(b.last_seen, r.Int(2));
  }
  std::vector<Bucket*> order;
  for (auto& [text, b] : buckets) order.push_back(&b);
  std::stable_sort(order.begin(), order.end(), [](const Bucket* a, const Bucket* b) {
    return a->count != b->count ? a->count > b->count : a->last_seen > b->last_seen;
  });

  struct Cluster {
    const Bucket* rep;
    std::vector<const Bucket*> members;
  };
  std::vector<Cluster> clusters;
  for (const Bucket* b : order) {
    auto it = std::find_if(clusters.begin(), clusters.end(),
                           [&](const Cluster& c) { return Similar(c.rep->key.set, b->key.set); });
    if (it == clusters.end()) {
      clusters.push_back({b, {b}});
    } else {
      it->members.push_back(b);
    }
  }

  std::vector<GapGroup> out;
  for (const auto& c : clusters) {
    GapGroup g;
    std::set<std::string> locales;
    for (const Bucket* m : c.members) {
      auto best =
          std::max_element(m->spellings.begin(), m->spellings.end(),
                           [](const auto& x, const auto& y) { return x.second < y.second; });
      g.variants.push_back({best->first, m->count});
      g.count += m->count;
      g.last_seen = std::max(g.last_seen, m->last_seen);
      locales.insert(m->locales.begin(), m->locales.end());
    }
    g.representative = g.variants.front().query;
    g.locales.assign(locales.begin(), locales.end());
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const GapGroup& a, const GapGroup& b) {
    return a.count != b.count ? a.count > b.count : a.last_seen > b.last_seen;
  });
  if (o.limit > 0 && static_cast<int64_t>(out.size()) > o.limit) out.resize(o.limit);
  return out;
}

}  // namespace svar::knowledge
