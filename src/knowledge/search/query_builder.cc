#include "knowledge/search/query_builder.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "knowledge/search/analysis.h"
#include "knowledge/search/passage_choice.h"
#include "knowledge/search/schema.h"
#include "knowledge/search/stop_words.h"

namespace svar::knowledge {
namespace {

constexpr double kFrequentShare = 0.35;
constexpr Xapian::doccount kFrequentMinDocs = 200;
// A stop word's share in choosing the passage (a question word counts fully: stop_words.h).
constexpr double kStopWordPassageWeight = 0.3;
// A word's prefix (passage_choice.h WordPrefixTerm) in choosing the passage.
constexpr double kPrefixPassageWeight = 0.5;

bool HasDigit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

Xapian::Query Scaled(double w, Xapian::Query q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, std::move(q), w);
}

// The query of one non-Han word: its stem (or the word itself when the language has no
// stemmer) plus a little for the exact form. The learned field is separate (LearnedQuery).
// The same as passage-choice alternatives, scaled by `scale`.
void WordAlternatives(const Word& w, std::string_view locale, const QueryWeights& weights,
                      double scale, std::vector<QueryAlternative>& out) {
  // A word of the same family the stemmer keeps apart (passage choice only).
  if (std::string prefix = WordPrefixTerm(w.folded); !prefix.empty())
    out.push_back({{prefix}, scale * kPrefixPassageWeight});
  std::string stem = StemTerm(w, locale);
  if (stem.empty()) {
    out.push_back({{w.folded}, scale});
    return;
  }
  out.push_back({{stem}, scale});
  if (weights.exact > 0) out.push_back({{w.folded}, scale * weights.exact});
}

Xapian::Query WordQuery(const Word& w, std::string_view locale, const QueryWeights& weights,
                        QueryTerms& hl) {
  std::string stem = StemTerm(w, locale);
  hl.words.insert(w.folded);
  if (stem.empty()) return Xapian::Query(w.folded);
  hl.stems.insert(stem);
  // The exact form is also what matches articles in other languages (their stems carry
  // their own language's prefix).
  if (weights.exact <= 0) return Xapian::Query(stem);
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(stem),
                       Scaled(weights.exact, Xapian::Query(w.folded)));
}

// The learned field's term for a word: cheap (only articles someone found helpful have it).
Xapian::Query LearnedQuery(const Word& w, std::string_view locale, const QueryWeights& weights) {
  if (weights.learned <= 0) return Xapian::Query();
  std::string stem = StemTerm(w, locale);
  return Scaled(weights.learned,
                Xapian::Query(std::string(schema::kLearned) + (stem.empty() ? w.folded : stem)));
}

// A synonym phrase: all its words (a Han word by any of its bigrams). `alt` gets the phrase
// as one passage-choice alternative: each word's stem (or folded form), all required.
Xapian::Query PhraseQuery(std::string_view phrase, std::string_view locale,
                          const QueryWeights& weights, QueryTerms& hl, QueryAlternative& alt) {
  std::vector<Xapian::Query> parts;
  std::vector<Word> words = SplitWords(phrase);
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.han) {
      // A run of Han words is matched as the index has it: by the run's bigrams (a single
      // character inside a longer run is not a term of its own).
      std::string run;
      size_t j = i;
      for (; j < words.size() && words[j].han && (j == i || words[j].begin == words[j - 1].end);
           ++j) {
        run += words[j].folded;
      }
      hl.words.insert(run);
      std::vector<Xapian::Query> han;
      for (const auto& b : HanBigrams(run)) han.emplace_back(b);
      parts.emplace_back(Xapian::Query::OP_AND, han.begin(), han.end());
      alt.terms.push_back(run);
      i = j - 1;
    } else {
      parts.push_back(WordQuery(w, locale, weights, hl));
      std::string stem = StemTerm(w, locale);
      alt.terms.push_back(stem.empty() ? w.folded : stem);
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
  std::vector<Xapian::Query> frequent;  // words in more than kFrequentShare of passages
  std::vector<Xapian::Query> learned;   // the learned field of frequent words
  const Xapian::doccount docs = db.get_doccount();
  std::vector<QueryConcept> frequent_concepts;
  auto idf = [&](Xapian::doccount df) {
    double n = static_cast<double>(df);
    return std::log(1.0 + (static_cast<double>(docs) - n + 0.5) / (n + 0.5));
  };
  std::string lang = LanguageOf(locale);
  std::string corrected;
  size_t copied = 0;  // bytes of `text` already copied into `corrected`
  bool any_correction = false;

  // Synonyms of a Chinese word or bigram (stored under "zh:<word>": Han words have no stem).
  std::set<std::string> han_synonyms_done;
  auto add_han_synonyms = [&](const std::string& term) {
    if (!han_synonyms_done.insert(term).second) return;
    const std::string key = lang + ":" + term;
    for (auto syn = db.synonyms_begin(key); syn != db.synonyms_end(key); ++syn) {
      std::string value = *syn;
      if (auto colon = value.find(':'); colon != std::string::npos) value = value.substr(colon + 1);
      QueryAlternative alt{{}, weights.synonym};
      Xapian::Query q = PhraseQuery(value, locale, weights, out.highlight, alt);
      if (q.empty()) continue;
      parts.push_back(Scaled(weights.synonym, q));
      QueryConcept synonym_concept;
      synonym_concept.alternatives.push_back(std::move(alt));
      synonym_concept.idf = idf(db.get_termfreq(value));
      out.concepts.push_back(std::move(synonym_concept));
    }
  };

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
        if (HanBigrams(words[j].folded).size() > 1) {
          parts.emplace_back(words[j].folded);
          out.concepts.push_back(
              {{{{words[j].folded}, 1.0}}, idf(db.get_termfreq(words[j].folded))});
        }
        add_han_synonyms(words[j].folded);
      }
      for (const auto& b : HanBigrams(run)) {
        add_han_synonyms(b);  // a two-character word ICU did not cut out ("销户")
        out.highlight.words.insert(b);
        parts.emplace_back(b);
        out.concepts.push_back({{{{b}, 1.0}}, idf(db.get_termfreq(b))});
        if (weights.learned > 0)
          parts.push_back(Scaled(weights.learned, Xapian::Query(schema::kLearned + b)));
      }
      i = j - 1;
      continue;
    }
    std::vector<Xapian::Query> alternatives;
    alternatives.push_back(WordQuery(w, locale, weights, out.highlight));
    QueryConcept concept_;
    WordAlternatives(w, locale, weights, 1.0, concept_.alternatives);
    std::string stem = StemTerm(w, locale);
    bool known = db.term_exists(w.folded) || (!stem.empty() && db.term_exists(stem));

    bool has_synonym = false;
    std::string key = lang + ":" + (stem.empty() ? w.folded : stem.substr(stem.find(':') + 1));
    for (auto s = db.synonyms_begin(key); s != db.synonyms_end(key); ++s) {
      std::string value = *s;
      auto colon = value.find(':');
      if (colon != std::string::npos) value = value.substr(colon + 1);
      QueryAlternative alt{{}, weights.synonym};
      Xapian::Query q = PhraseQuery(value, locale, weights, out.highlight, alt);
      if (!q.empty()) {
        alternatives.push_back(Scaled(weights.synonym, q));
        concept_.alternatives.push_back(std::move(alt));
      }
      has_synonym = true;
    }
    if (!known && !has_synonym && w.folded.size() >= 3 && !HasDigit(w.folded)) {
      std::string suggestion = db.get_spelling_suggestion(w.folded, 2);
      if (!suggestion.empty() && suggestion != w.folded) {
        Word fixed = w;
        fixed.folded = suggestion;
        alternatives.push_back(
            Scaled(weights.correction, WordQuery(fixed, locale, weights, out.highlight)));
        WordAlternatives(fixed, locale, weights, weights.correction, concept_.alternatives);
        Xapian::Query fixed_learned = LearnedQuery(fixed, locale, weights);
        if (!fixed_learned.empty())
          alternatives.push_back(Scaled(weights.correction, fixed_learned));
        corrected.append(text.substr(copied, w.begin - copied));
        corrected += suggestion;
        copied = w.end;
        any_correction = true;
      }
    }
    Xapian::Query word(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    Xapian::doccount df =
        std::max(db.get_termfreq(w.folded), stem.empty() ? 0u : db.get_termfreq(stem));
    Xapian::Query learned_word = LearnedQuery(w, locale, weights);
    // The concept weighs as its most common single-word form (a typo weighs as its fix).
    Xapian::doccount concept_df = df;
    for (const auto& alt : concept_.alternatives)
      if (alt.terms.size() == 1) concept_df = std::max(concept_df, db.get_termfreq(alt.terms[0]));
    concept_.idf = idf(concept_df);
    if (IsStopWord(lang, w.folded)) {
      frequent.push_back(std::move(word));
      if (!IsQuestionWord(lang, w.folded))
        for (auto& alt : concept_.alternatives) alt.weight *= kStopWordPassageWeight;
      out.concepts.push_back(std::move(concept_));
      if (!learned_word.empty()) learned.push_back(std::move(learned_word));
    } else if (docs >= kFrequentMinDocs && static_cast<double>(df) > kFrequentShare * docs) {
      frequent.push_back(std::move(word));
      frequent_concepts.push_back(std::move(concept_));
      if (!learned_word.empty()) learned.push_back(std::move(learned_word));
    } else {
      parts.push_back(std::move(word));
      out.concepts.push_back(std::move(concept_));
      if (!learned_word.empty()) parts.push_back(std::move(learned_word));
    }
  }
  // Stop words (stop_words.h) and words found nearly everywhere add little to BM25 but cost
  // the most: they are dropped, unless the query has nothing else.
  if (parts.empty()) {
    parts = std::move(frequent);
    for (auto& c : frequent_concepts) out.concepts.push_back(std::move(c));
  }
  for (auto& q : learned) parts.push_back(std::move(q));
  out.words = words.size();
  if (any_correction) {
    corrected.append(text.substr(copied));
    out.did_you_mean = corrected;
  }
  if (!parts.empty()) out.query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  return out;
}

}  // namespace svar::knowledge
