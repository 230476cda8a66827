// Which passage of an article a search hit shows (internal to src/knowledge/search).
//
// The article is chosen by its article score (searcher.h), in which the title counts: it is
// indexed into every passage. That is right for finding the article but says nothing about
// which of its passages answers, since every passage shares the title. So the passage shown
// is chosen by a separate passage score over the passage's own words only, the section
// heading and the text:
//
//   passage(p) = sum over query concepts c of
//                  idf(c) x local(c) x title(c) x (2 x field(c, heading(p)) + field(c, text(p)))
//   field(c, f) = max over alternatives a of c of
//                   weight(a) x tf x (k1 + 1) / (tf + k1 x (1 - b + b x len(f) / avglen(f)))
//
// A concept is one query word with its alternatives (stem 1, exact form 0.3, synonym 0.8,
// spelling correction 0.8: the weights of the Xapian query, query_builder.h), or one Chinese
// bigram / dictionary word; an alternative of several words (a synonym phrase) counts as its
// least frequent word. idf(c) is BM25's over the passages of the index; local(c) is the same
// over this article's passages (a word found in every section tells none apart); title(c) is
// 0.2 for a word of the title (it found the article, it says nothing about the passage), else
// 1. Heading and text are separate fields (len, avglen: their words, mean over the article);
// k1 1.2, b 0.5. The highest score wins; a tie goes to the earlier passage, so to the lead
// (passage 0) when no section says more than it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/search/passages.h"
#include "knowledge/search/query_builder.h"

namespace svar::knowledge {

// The prefix term of a folded word for passage choice ("P:fault" for "faulty", "fault",
// "faults"): its first 5 characters when it has 6 or more, else "" (Han words have none).
// Words of one family that the stemmer keeps apart (faulty/fault, reklamation/reklamerer,
// reparation/reparerar) meet here, at a lower weight than a shared stem.
std::string WordPrefixTerm(std::string_view folded);

// Passage score of each passage (same order); `locale` is the article's.
std::vector<double> PassageScores(const std::vector<QueryConcept>& concepts,
                                  const std::vector<Passage>& passages, std::string_view title,
                                  std::string_view locale);

// Index into `passages` (in reading order) of the passage to show; 0 when it is empty.
size_t ChoosePassage(const std::vector<QueryConcept>& concepts,
                     const std::vector<Passage>& passages, std::string_view title,
                     std::string_view locale);

}  // namespace svar::knowledge
