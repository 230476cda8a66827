// A character n-gram and word-membership model of Latin-script languages built from Debian
// word lists (da, sv, nb, nn, en, de), for short text where CLD2 is weak. Loaded once from the
// data compiled into the binary; afterwards read-only and safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace svar::triage::language {

inline constexpr int kMaxModelLanguages = 8;

class NgramModel {
 public:
  // The model compiled into the binary; decoded on first use (a few milliseconds).
  // Fails only if the compiled-in data is damaged (a build problem).
  static Result<const NgramModel*> Get();

  // The model's languages, in the order of the cost arrays ("da","sv","nb","nn","en","de").
  const std::vector<std::string>& languages() const { return languages_; }

  // Adds to costs[i] the cost (-ln P, higher = less likely) of one lower-cased word for
  // language i, and sets bit i of *member when the word is in language i's word list (words
  // of up to max_word_len letters only; a hashed bit, so rarely a false "yes").
  void ScoreWord(std::string_view lower_word, std::array<double, kMaxModelLanguages>& costs,
                 uint32_t* member) const;

  int max_word_len() const { return max_word_len_; }

  static Result<NgramModel> Parse(std::string_view blob);

 private:
  std::vector<std::string> languages_;
  int max_order_ = 0;
  uint32_t ngram_mask_ = 0;
  uint32_t word_mask_ = 0;
  int max_word_len_ = 0;
  double inv_scale_ = 1;
  std::vector<std::vector<double>> floor_;  // [order-1][language]: cost of an unseen gram
  std::vector<uint8_t> ngrams_;             // [bucket * languages + language]: quantised cost
  std::vector<uint8_t> words_;              // [bucket]: bit per language
};

}  // namespace svar::triage::language
