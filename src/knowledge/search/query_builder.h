// Turning a reader's text into a Xapian query (internal to src/knowledge/search; the formula
// is documented in searcher.h). Shared by Searcher and Suggester.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace svar::knowledge {

struct QueryTerms {
  std::set<std::string> words;  // folded words (and Chinese words/bigrams) to highlight
  std::set<std::string> stems;  // "Z<lang>:" stems to highlight
};

// The query as the passage choice sees it (passage_choice.h): one concept per query word (or
// per Chinese bigram / dictionary word), each a list of alternative forms that can match it
// (stem, exact word, synonym phrase, spelling correction) with the weight the Xapian query
// gives them. An alternative of several terms (a synonym phrase) matches only when all do.
// The learned field is article-level and is not part of it.
struct QueryAlternative {
  std::vector<std::string> terms;
  double weight = 1.0;
};
struct QueryConcept {
  std::vector<QueryAlternative> alternatives;
  double idf = 0;  // inverse document frequency over the passages of the database
};

struct BuiltQuery {
  Xapian::Query query;  // empty when the text has no word
  std::vector<QueryConcept> concepts;
  QueryTerms highlight;
  std::string did_you_mean;  // the text with unknown words corrected, or ""
  size_t words = 0;
};

struct QueryWeights {
  double exact = 0.3;       // the exact folded word beside its stem
  double synonym = 0.8;     // admin synonyms
  double correction = 0.8;  // a spelling correction of an unknown word
  double learned = 0.5;     // the learned field "XL"
};

BuiltQuery BuildQuery(const Xapian::Database& db, std::string_view text, std::string_view locale,
                      const QueryWeights& weights);

// Boolean filters shared by search and suggest: published, visibility for customers.
Xapian::Query FilterFor(bool customer);

}  // namespace svar::knowledge
