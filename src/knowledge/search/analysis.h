// Text analysis for the knowledge-base index and its queries: how text becomes terms.
//
// The same functions run over documents and queries, so both sides always agree:
//   1. Words are found with ICU's word BreakIterator over the original text (dictionary-based
//      for Chinese, Japanese and Thai; rules elsewhere). Offsets are byte offsets into the
//      original UTF-8, so highlights can wrap the very characters the reader sees.
//   2. Each word is folded: Unicode NFKC case folding ("Straße" = "STRASSE"), then Traditional
//      Chinese becomes Simplified (ICU "Traditional-Simplified", cached per thread), so a query
//      in either script meets a document in either script.
//   3. Terms (the prefixes are listed in schema.h):
//        - the folded word itself, unprefixed, shared by every language ("iphone", "密码");
//        - its Snowball stem under a per-language prefix "Z<lang>:" ("Zda:bil", "Zen:delet"),
//          so that stems of different languages never mix (Xapian's own scheme puts every
//          stem under one "Z");
//        - for Chinese (Han) text: besides the ICU dictionary words, every overlapping
//          character bigram of a run of Han characters, plus the lone character of a run of
//          one. Dictionary words give precise matches; bigrams keep recall when the query and
//          the document were segmented differently (a short query has little context, so ICU
//          may cut it elsewhere than the same words inside a paragraph). Together they match
//          both ways; in the tests words alone missed queries whose segmentation differed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace svar::knowledge {

// Canonical locale tag: "zh-hant" -> "zh-Hant", "nb_NO" -> "nb", "EN" -> "en". Empty stays empty.
std::string CanonicalLocale(std::string_view locale);

// Base language code used in stem prefixes: "nb"/"nn"/"no" -> "no", "zh-Hant" -> "zh".
std::string LanguageOf(std::string_view locale);

// Snowball stemmer name for a locale ("da" -> "danish"), or "" when there is none (zh, ja,
// unknown locales).
std::string StemmerName(std::string_view locale);

// NFKC case folding followed by Traditional -> Simplified Chinese.
std::string FoldText(std::string_view text);

// True when the UTF-8 text contains at least one Han character.
bool ContainsHan(std::string_view text);

// One word of a text: its place in the original (byte offsets) and its folded form.
struct Word {
  size_t begin = 0;
  size_t end = 0;
  std::string folded;
  bool han = false;  // made of Han characters
};

// The words of a text in order; punctuation and spaces are skipped.
std::vector<Word> SplitWords(std::string_view text);

// The stem term ("Z<lang>:<stem>") of a folded word, or "" when the locale has no stemmer or
// the word is Han.
std::string StemTerm(const Word& word, std::string_view locale);

// Every term of a text as described above, in text order (duplicates kept: they are the
// within-document frequency). Used for documents and queries alike.
struct Term {
  std::string text;
  bool stem = false;  // a "Z<lang>:" term
};
std::vector<Term> TermsOf(std::string_view text, std::string_view locale);

// The character bigrams of a folded Han run ("密码重置" -> "密码", "码重", "重置"); a run of one
// character gives that character.
std::vector<std::string> HanBigrams(std::string_view folded_run);

}  // namespace svar::knowledge
