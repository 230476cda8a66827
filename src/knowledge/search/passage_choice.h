// Which passage of an article a search hit shows (internal to src/knowledge/search).
//
// The article is chosen by its article score (searcher.h), in which the title counts: it is
// indexed into every passage. That is right for finding the article but says nothing about
// which of its passages answers, since every passage shares the title. So the passage shown
// is chosen by a separate passage score over the passage's own words only, the section
// heading and the text:
//
//   passage(p) = sum over query concepts c of  idf(c) x max over alternatives a of c of
//                  weight(a) x tf(a,p) x (k1 + 1) / (tf(a,p) + k1 x (1 - b + b x len(p)/avglen))
//   tf(a,p)    = kHeadingTf x occurrences in the heading + occurrences in the text
//                (an alternative of several words counts as its least frequent word)
//
// A concept is one query word with its alternatives (stem 1, exact form 0.3, synonym 0.8,
// spelling correction 0.8: the weights of the Xapian query, query_builder.h), or one Chinese
// bigram / dictionary word; idf is BM25's over the passages of the index; len is the number of
// words of heading and text, avglen their mean over the article's passages; k1 1.2, b 0.5.
// The highest score wins; a tie goes to the earlier passage, so to the lead (passage 0) when
// no passage says more than it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "knowledge/search/passages.h"
#include "knowledge/search/query_builder.h"

namespace svar::knowledge {

// Passage score of each passage (same order); `locale` is the article's.
std::vector<double> PassageScores(const std::vector<QueryConcept>& concepts,
                                  const std::vector<Passage>& passages, std::string_view title,
                                  std::string_view locale);

// Index into `passages` (in reading order) of the passage to show; 0 when it is empty.
size_t ChoosePassage(const std::vector<QueryConcept>& concepts,
                     const std::vector<Passage>& passages, std::string_view title,
                     std::string_view locale);

}  // namespace svar::knowledge
