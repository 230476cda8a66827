#include "knowledge/search/passage_choice.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "knowledge/search/analysis.h"

namespace svar::knowledge {
namespace {

constexpr double kHeadingWeight = 2.0;    // the heading says what its section answers
constexpr double kTitleWordFactor = 0.2;  // a query word of the title
constexpr double kK1 = 1.2;
constexpr double kB = 0.5;

struct FieldTerms {
  std::unordered_map<std::string, double> tf;
  double length = 0;  // words (not stems)
};

FieldTerms Count(std::string_view text, std::string_view locale) {
  FieldTerms out;
  for (const Term& t : TermsOf(text, locale)) {
    out.tf[t.text] += 1;
    if (!t.stem) {
      out.length += 1;
      std::string prefix = WordPrefixTerm(t.text);
      if (!prefix.empty()) out.tf[prefix] += 1;
    }
  }
  return out;
}

struct PassageTerms {
  FieldTerms heading;
  FieldTerms text;
};

}  // namespace

std::string WordPrefixTerm(std::string_view folded) {
  if (folded.empty() || folded[0] == 'Z' || ContainsHan(folded)) return "";
  size_t chars = 0, cut = 0;
  for (size_t i = 0; i < folded.size(); ++i) {
    if ((static_cast<unsigned char>(folded[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == 5) cut = i;
    ++chars;
  }
  if (chars < 6) return "";
  return "P:" + std::string(folded.substr(0, cut));
}

std::vector<double> PassageScores(const std::vector<QueryConcept>& concepts,
                                  const std::vector<Passage>& passages, std::string_view title,
                                  std::string_view locale) {
  std::vector<PassageTerms> counted;
  counted.reserve(passages.size());
  double heading_total = 0, text_total = 0;
  for (const Passage& p : passages) {
    counted.push_back({Count(p.heading, locale), Count(p.text, locale)});
    heading_total += counted.back().heading.length;
    text_total += counted.back().text.length;
  }
  const FieldTerms title_terms = Count(title, locale);
  const double n = static_cast<double>(passages.size());
  const double heading_avg = passages.empty() ? 1.0 : std::max(1.0, heading_total / n);
  const double text_avg = passages.empty() ? 1.0 : std::max(1.0, text_total / n);

  // tf of an alternative in a field: its least frequent term's.
  auto tf_of = [](const QueryAlternative& a, const FieldTerms& f) {
    double tf = -1;
    for (const std::string& term : a.terms) {
      auto it = f.tf.find(term);
      double x = it == f.tf.end() ? 0.0 : it->second;
      tf = tf < 0 ? x : std::min(tf, x);
    }
    return std::max(tf, 0.0);
  };
  // BM25's saturation of the best alternative's tf in a field.
  auto field_score = [&](const QueryConcept& c, const FieldTerms& f, double avg) {
    const double norm = kK1 * (1.0 - kB + kB * f.length / avg);
    double best = 0;
    for (const QueryAlternative& a : c.alternatives) {
      if (a.terms.empty()) continue;
      double tf = tf_of(a, f);
      if (tf > 0) best = std::max(best, a.weight * tf * (kK1 + 1.0) / (tf + norm));
    }
    return best;
  };

  std::vector<double> scores(passages.size(), 0.0);
  for (const QueryConcept& c : concepts) {
    // A word of the title is in every passage (the title is indexed into each): it found
    // the article but says nothing about which passage answers.
    bool in_title = false;
    for (const QueryAlternative& a : c.alternatives)
      if (!a.terms.empty() && tf_of(a, title_terms) > 0) in_title = true;
    // Within the article, a word found in few passages tells them apart; one found in all
    // of them does not (BM25's idf over the article's passages).
    std::vector<double> field(counted.size());
    double df = 0;
    for (size_t i = 0; i < counted.size(); ++i) {
      field[i] = kHeadingWeight * field_score(c, counted[i].heading, heading_avg) +
                 field_score(c, counted[i].text, text_avg);
      if (field[i] > 0) df += 1;
    }
    const double local_idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    const double weight = c.idf * local_idf * (in_title ? kTitleWordFactor : 1.0);
    for (size_t i = 0; i < counted.size(); ++i) scores[i] += weight * field[i];
  }
  return scores;
}

size_t ChoosePassage(const std::vector<QueryConcept>& concepts,
                     const std::vector<Passage>& passages, std::string_view title,
                     std::string_view locale) {
  std::vector<double> scores = PassageScores(concepts, passages, title, locale);
  size_t best = 0;
  for (size_t i = 1; i < scores.size(); ++i)
    if (scores[i] > scores[best] + 1e-9) best = i;
  return best;
}

}  // namespace svar::knowledge
