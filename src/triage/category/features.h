// Features of the category model: the shared tokens (tokens.h) turned into hashed bucket
// ids: word unigrams, word bigrams and character n-grams of each word ("<word>" with
// boundary marks, n counted in characters, so Cyrillic and Chinese work as Latin does).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace svar::triage::category {

struct FeatureConfig {
  int min_char_ngram = 2;
  int max_char_ngram = 5;
  uint32_t hash_bits = 20;
};

// Appends one bucket id per feature occurrence (repeats are counted by the caller).
void AppendFeatureBuckets(const std::vector<std::string>& tokens, const FeatureConfig& config,
                          std::vector<uint32_t>& buckets);

}  // namespace svar::triage::category
