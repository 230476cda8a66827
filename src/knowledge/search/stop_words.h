// Stop words of the query languages (internal to src/knowledge/search).
//
// Function words ("is", "my", "hvor", "и") say nothing about which article answers, yet in a
// small knowledge base they are not frequent enough for BM25's idf to silence them: in a
// 100-article base "where is my package" found "My payment was declined" first, on "is" and
// "my". So a query's stop words are left out of the article query (unless the query has
// nothing else) and count for little when the passage is chosen (query_builder.cc).
// Negations (not, ikke, inte, ikkje, не, нет) are deliberately not stop words: "the payment
// did not go through" is a different question from "the payment went through". The lists are
// our own, for da, sv, no (nb and nn), ru and en; Chinese has none (its words are bigrams).
#pragma once

#include <string_view>

namespace svar::knowledge {

// True when `folded` (a case-folded word, FoldText) is a stop word of the language `lang`
// (LanguageOf: "da", "sv", "no", "ru", "en").
bool IsStopWord(std::string_view lang, std::string_view folded);

// True for the question words among them ("when", "hvornår", "när", "когда"): they find no
// article, but a section headed "When you get your money back" answers "when will I be
// refunded", so they count fully when the passage is chosen.
bool IsQuestionWord(std::string_view lang, std::string_view folded);

}  // namespace svar::knowledge
