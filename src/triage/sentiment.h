// Sentiment of one customer message: a score in -1..+1, a label and readable reasons, from
// word lists written for Svar (src/triage/lexicon/) in Danish, Swedish, Norwegian, Russian,
// Chinese and English, plus emoji, emoticons, exclamation marks and capitals.
//
// How the score is made (the contract; figures on tests/corpora/sentiment in the report of
// bench/sentiment_bench.cc):
//  * Words are case folded and matched against the language's list, longest first: phrases
//    ("no problem", "virker ikke", "не работает") and stems ("skuffe*" = skuffet, skuffelse,
//    "разочарова*") cover inflection. Chinese, which has no spaces, is matched by substring of
//    each run of Han characters, longest first; Traditional spellings match too.
//  * Negation (ikke/inte/ikkje/не/нет/not/never/no, 不/没/没有/别/無...) flips and dampens
//    (x -0.75) the next scored word within 3 words (Chinese: 3 characters), and never past a
//    clause end (, ; : .). In Danish, Swedish and Norwegian a negator right after a scored
//    verb flips that verb ("det virker ikke").
//  * Intensifiers scale the next scored word within 2 words (meget/mycket/veldig/очень/非常/
//    很/very/extremely x1.5..2; lidt/lite/немного/有点/a bit x0.6). A negated intensified
//    word is flipped and weakened by the multiplier ("not very good" is milder than
//    "not good").
//  * "but/men/но/但是": the words before it in the sentence count half.
//  * A sentence ending in "!" multiplies its words by 1.1 per "!" up to 1.3; "?!" or "???"
//    adds -0.3 when the sentence has no scored word (exasperation) and otherwise x1.2.
//  * An ALL-CAPS scored word (>= 3 letters, scripts with case) counts x1.5; a mail shouting
//    in capitals (>= 3 caps words and >= 30% of its words) multiplies all words by 1.3 and
//    adds -0.2.
//  * Emoji and emoticons have their own scores (😡 -0.9, 🙂 +0.4, 👍 +0.5, :( -0.5 ...) and are
//    never negated.
//  * The strongest signals weigh most: with m the largest |v| among the hits,
//    S = sum(v * |v| / m), score = S / sqrt(S*S + 1). A polite "Thanks in advance" (listed
//    as 0 or +0.1) therefore cannot make an angry mail positive.
//  * label: "negative" when score <= -0.25, "positive" when score >= 0.25, else "neutral".
// Unknown languages use emoji, punctuation, capitals and the English list only; Russian and
// Chinese mail also match English words written in Latin letters.
// Thread-safe (the lists are built once, on first use) and fast (a few µs for a mail).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace svar::triage {

struct SentimentResult {
  double score = 0;   // -1 (very negative) .. +1 (very positive)
  std::string label;  // "negative" | "neutral" | "positive"
  // Readable, in text order, at most kMaxSentimentReasons: "vred (-0.8)",
  // "ikke 'tilfreds' (negated, -0.41)", "meget 'sur' (x1.5, -0.90)", "CAPS 'AWFUL' x1.5",
  // "!!! x1.3", "?! (-0.2)", "CAPS (-0.2)", "😡 (-0.9)".
  std::vector<std::string> reasons;
};

inline constexpr double kNegativeThreshold = -0.25;
inline constexpr double kPositiveThreshold = 0.25;
inline constexpr size_t kMaxSentimentReasons = 16;

// lang: "da", "sv", "nb" (also "no", "nn"), "ru", "zh" (also "zh-Hans", "zh-Hant", "zh-TW"),
// "en"; case-insensitive, a region subtag is ignored. Any other value: emoji, punctuation,
// capitals and English words only. The text is the customer's own words (quotes and
// signatures already removed by mail/); invalid UTF-8 bytes are skipped.
SentimentResult AnalyzeSentiment(std::string_view text, std::string_view lang);

}  // namespace svar::triage
