#include "knowledge/search/query_builder.h"

#include <vector>

#include "knowledge/search/analysis.h"
#include "knowledge/search/schema.h"

namespace svar::knowledge {
namespace {

bool HasDigit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

Xapian::Query Scaled(double w, Xapian::Query q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, std::move(q), w);
}

// The query of one non-Han word: its stem (or the word itself when the language has no
// stemmer) plus a little for the exact form, and the learned field.
Xapian::Query WordQuery(const Word& w, std::string_view locale, const QueryWeights& weights,
                        QueryTerms& hl) {
  std::string stem = StemTerm(w, locale);
  hl.words.insert(w.folded);
  std::vector<Xapian::Query> parts;
  if (!stem.empty()) {
    hl.stems.insert(stem);
    parts.emplace_back(stem);
    parts.push_back(Scaled(weights.exact, Xapian::Query(w.folded)));
  } else {
    parts.emplace_back(w.folded);
  }
  if (weights.learned > 0) {
    Xapian::Query learned(std::string(schema::kLearned) + (stem.empty() ? w.folded : stem));
    parts.push_back(Scaled(weights.learned, learned));
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query PhraseQuery(std::string_view phrase, std::string_view locale,
                          const QueryWeights& weights, QueryTerms& hl) {
  std::vector<Xapian::Query> parts;
  for (const Word& w : SplitWords(phrase)) {
    if (w.han) {
      hl.words.insert(w.folded);
      std::vector<Xapian::Query> han;
      for (const auto& b : HanBigrams(w.folded)) han.emplace_back(b);
      parts.emplace_back(Xapian::Query::OP_OR, han.begin(), han.end());
    } else {
      QueryWeights no_learning = weights;
      no_learning.learned = 0;
      parts.push_back(WordQuery(w, locale, no_learning, hl));
    }
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace

Xapian::Query FilterFor(bool customer) {
  Xapian::Query f(std::string(schema::kState) + "published");
  if (customer)
    f = Xapian::Query(Xapian::Query::OP_AND, f,
                      Xapian::Query(std::string(schema::kVisibility) + "public"));
  return f;
}

BuiltQuery BuildQuery(const Xapian::Database& db, std::string_view text, std::string_view locale,
                      const QueryWeights& weights) {
  BuiltQuery out;
  std::vector<Word> words = SplitWords(text);
  std::vector<Xapian::Query> parts;
  std::string lang = LanguageOf(locale);
  std::string corrected;
  size_t copied = 0;  // bytes of `text` already copied into `corrected`
  bool any_correction = false;

  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.han) {
      // A run of Han words: every dictionary word of 3+ characters and every bigram.
      std::string run;
      size_t j = i;
      for (; j < words.size() && words[j].han && (j == i || words[j].begin == words[j - 1].end);
           ++j) {
        run += words[j].folded;
        out.highlight.words.insert(words[j].folded);
        if (HanBigrams(words[j].folded).size() > 1) parts.emplace_back(words[j].folded);
      }
      for (const auto& b : HanBigrams(run)) {
        out.highlight.words.insert(b);
        parts.emplace_back(b);
        if (weights.learned > 0)
          parts.push_back(Scaled(weights.learned, Xapian::Query(schema::kLearned + b)));
      }
      i = j - 1;
      continue;
    }
    std::vector<Xapian::Query> alternatives;
    alternatives.push_back(WordQuery(w, locale, weights, out.highlight));
    std::string stem = StemTerm(w, locale);
    bool known = db.term_exists(w.folded) || (!stem.empty() && db.term_exists(stem));

    bool has_synonym = false;
    std::string key = lang + ":" + (stem.empty() ? w.folded : stem.substr(stem.find(':') + 1));
    for (auto s = db.synonyms_begin(key); s != db.synonyms_end(key); ++s) {
      std::string value = *s;
      auto colon = value.find(':');
      if (colon != std::string::npos) value = value.substr(colon + 1);
      Xapian::Query q = PhraseQuery(value, locale, weights, out.highlight);
      if (!q.empty()) alternatives.push_back(Scaled(weights.synonym, q));
      has_synonym = true;
    }
    if (!known && !has_synonym && w.folded.size() >= 3 && !HasDigit(w.folded)) {
      std::string suggestion = db.get_spelling_suggestion(w.folded, 2);
      if (!suggestion.empty() && suggestion != w.folded) {
        Word fixed = w;
        fixed.folded = suggestion;
        alternatives.push_back(
            Scaled(weights.correction, WordQuery(fixed, locale, weights, out.highlight)));
        corrected.append(text.substr(copied, w.begin - copied));
        corrected += suggestion;
        copied = w.end;
        any_correction = true;
      }
    }
    parts.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }
  out.words = words.size();
  if (any_correction) {
    corrected.append(text.substr(copied));
    out.did_you_mean = corrected;
  }
  if (!parts.empty()) out.query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  return out;
}

}  // namespace svar::knowledge
