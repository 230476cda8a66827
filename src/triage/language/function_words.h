// Hand-written lists of frequent words per language (function words, greetings, the words of
// customer-service mail). Debian word lists carry no frequencies; these lists tell the model
// which words are common, and they separate close languages (ikke/inte/ikkje, hvad/hva/vad).
#pragma once

#include <string_view>

namespace svar::triage::language {

// Bit i is set when the lower-cased word is a frequent word of language codes[i].
// codes are two-letter codes of NgramModel::languages() order; unknown codes never match.
unsigned FrequentWordMask(std::string_view lower_word, const std::string_view* codes, int n);

}  // namespace svar::triage::language
