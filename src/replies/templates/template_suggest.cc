#include "replies/templates/template_suggest.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "core/text.h"
#include "replies/templates/template_facts.h"
#include "replies/templates/template_markup.h"
#include "triage/tokens.h"

namespace svar::replies {
namespace {

constexpr double kCategoryWeight = 0.35;
constexpr double kLanguageWeight = 0.25;
constexpr double kSimilarityWeight = 0.30;
constexpr double kSuccessWeight = 0.10;

std::string Primary(std::string_view lang) {
  return AsciiLower(lang.substr(0, lang.find('-')));
}

using Counts = std::unordered_map<std::string, double>;

Counts CountTokens(std::string_view text) {
  Counts c;
  for (auto& t : triage::Tokenize(text)) {
    if (t == triage::kNumberToken || t == triage::kUrlToken || t == triage::kEmailToken) continue;
    c[t] += 1;
  }
  return c;
}

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", v * 100);
  return buf;
}

}  // namespace

std::vector<RankedTemplate> RankTemplates(const SuggestInput& input,
                                          const std::vector<TemplateRecord>& templates,
                                          const std::vector<TemplateStats>& stats, size_t limit) {
  const std::string lang = Primary(input.language);
  // Candidates: active, in the ticket's language or the English fallback.
  std::vector<const TemplateRecord*> cands;
  for (const auto& t : templates) {
    if (t.state != kTemplateActive) continue;
    std::string tl = Primary(t.language);
    if (lang.empty() || tl == lang || tl == "en") cands.push_back(&t);
  }
  // TF-IDF over the candidates' words plus the customer's text.
  std::vector<Counts> docs;
  for (const auto* t : cands) {
    auto parsed = ParseTemplate(t->body);
    docs.push_back(CountTokens(parsed ? PlainWords(*parsed) : t->body));
  }
  Counts query = CountTokens(input.customer_text);
  std::unordered_map<std::string, double> df;
  for (const auto& d : docs)
    for (const auto& [w, n] : d) df[w] += 1;
  for (const auto& [w, n] : query) df[w] += 1;
  const double total = static_cast<double>(docs.size() + 1);
  auto idf = [&](const std::string& w) { return std::log((total + 1) / (df[w] + 1)) + 1; };
  auto weigh = [&](const Counts& c) {
    Counts v;
    double norm = 0;
    for (const auto& [w, n] : c) {
      double x = (1 + std::log(n)) * idf(w);
      v[w] = x;
      norm += x * x;
    }
    norm = std::sqrt(norm);
    if (norm > 0)
      for (auto& [w, x] : v) x /= norm;
    return v;
  };
  Counts qv = weigh(query);

  std::map<int64_t, const TemplateStats*> stats_of;
  for (const auto& s : stats) stats_of[s.template_id] = &s;

  std::vector<RankedTemplate> out;
  for (size_t i = 0; i < cands.size(); ++i) {
    const TemplateRecord& t = *cands[i];
    RankedTemplate r;
    r.template_record = t;
    // Category.
    bool listed = std::find(input.category_templates.begin(), input.category_templates.end(),
                            t.name) != input.category_templates.end();
    if (!input.category.empty() && t.category == input.category) {
      r.parts.category = 1;
      r.reasons.push_back("category " + t.category);
    } else if (listed) {
      r.parts.category = 1;
      r.reasons.push_back("listed in the templates of category " + input.category);
    } else if (t.category.empty()) {
      r.parts.category = 0.3;
      r.reasons.push_back("for any category");
    } else {
      r.reasons.push_back("category " + t.category + ", not " +
                          (input.category.empty() ? std::string("uncategorised") : input.category));
    }
    // Language.
    std::string tl = Primary(t.language);
    if (lang.empty()) {
      r.parts.language = 0.5;
      r.reasons.push_back("ticket language unknown; template in " + t.language);
    } else if (tl == lang) {
      r.parts.language = 1;
      r.reasons.push_back("language " + t.language);
    } else {
      r.parts.language = 0.4;
      r.reasons.push_back("English fallback (the ticket is in " + lang + ")");
    }
    // Similarity.
    Counts dv = weigh(docs[i]);
    std::vector<std::pair<double, std::string>> shared;
    double cos = 0;
    for (const auto& [w, x] : qv) {
      auto it = dv.find(w);
      if (it == dv.end()) continue;
      cos += x * it->second;
      shared.emplace_back(x * it->second, w);
    }
    r.parts.similarity = std::clamp(cos, 0.0, 1.0);
    if (!shared.empty()) {
      std::sort(shared.begin(), shared.end(), std::greater<>());
      std::string words;
      for (size_t k = 0; k < shared.size() && k < 4; ++k)
        words += (k ? ", " : "") + shared[k].second;
      r.reasons.push_back("similar words: " + words + " (" + Percent(r.parts.similarity) + ")");
    }
    // Success.
    const TemplateStats* s = stats_of.count(t.id) ? stats_of[t.id] : nullptr;
    double useful = s ? static_cast<double>(s->useful) : 0;
    double rated = s ? static_cast<double>(s->useful + s->not_useful) : 0;
    double uses = s ? static_cast<double>(s->uses) : 0;
    double edit_sum = s && s->mean_edit_ratio ? *s->mean_edit_ratio * uses : 0;
    double useful_rate = (useful + 1) / (rated + 2);
    double edited = (edit_sum + 0.5) / (uses + 2);
    r.parts.success = 0.7 * useful_rate + 0.3 * (1 - edited);
    if (rated > 0)
      r.reasons.push_back("rated useful " + std::to_string(static_cast<int64_t>(useful)) + " of " +
                          std::to_string(static_cast<int64_t>(rated)));
    if (uses > 0)
      r.reasons.push_back("used " + std::to_string(static_cast<int64_t>(uses)) + " times, " +
                          Percent(edit_sum / uses) + " edited on average");
    r.score = kCategoryWeight * r.parts.category + kLanguageWeight * r.parts.language +
              kSimilarityWeight * r.parts.similarity + kSuccessWeight * r.parts.success;
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const RankedTemplate& a, const RankedTemplate& b) {
    return a.score > b.score;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Result<std::vector<TemplateSuggestion>> SuggestTemplates(
    storage::Database& db, const tickets::Ticket& ticket,
    const std::vector<CategoryConfig>& categories, std::string_view agent,
    std::string_view desk_name, size_t limit) {
  SVAR_ASSIGN(auto facts, LoadTicketFacts(db, ticket));
  SVAR_ASSIGN(auto who, LookupReplyAgent(db, agent));
  TemplateStore store(db);
  SVAR_ASSIGN(auto templates, store.List({kTemplateActive, "", ""}));
  SVAR_ASSIGN(auto stats, store.AllStats());
  SuggestInput input;
  input.category = facts.category;
  input.language = facts.language;
  input.customer_text = facts.customer_text;
  for (const auto& c : categories)
    if (c.name == facts.category) input.category_templates = c.templates;
  std::vector<TemplateSuggestion> out;
  for (auto& ranked : RankTemplates(input, templates, stats, limit)) {
    SVAR_ASSIGN(auto parsed, ParseTemplate(ranked.template_record.body));
    TemplateSuggestion s;
    s.draft = RenderTemplate(parsed, ValuesFor(facts, who, desk_name,
                                               ranked.template_record.language));
    s.ranked = std::move(ranked);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace svar::replies
