#include "triage/category/features.h"

#include <string_view>

#include "triage/category/blob_io.h"
#include "triage/tokens.h"

namespace svar::triage::category {
namespace {

constexpr uint64_t kWordSeed = 0x9E3779B97F4A7C15ULL;
constexpr uint64_t kBigramSeed = 0xC2B2AE3D27D4EB4FULL;
constexpr uint64_t kCharSeed = 0x165667B19E3779F9ULL;

uint64_t Mix(uint64_t a, uint64_t b) {
  a ^= b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2);
  a ^= a >> 33;
  a *= 0xFF51AFD7ED558CCDULL;
  a ^= a >> 33;
  return a;
}

bool IsPlaceholder(std::string_view t) { return t.size() > 2 && t.front() == '<' && t.back() == '>'; }

}  // namespace

void AppendFeatureBuckets(const std::vector<std::string>& tokens, const FeatureConfig& config,
                          std::vector<uint32_t>& buckets) {
  const uint64_t mask = (uint64_t{1} << config.hash_bits) - 1;
  uint64_t prev = blob::Hash64("<s>", kWordSeed);
  std::string marked;
  std::vector<size_t> starts;
  for (const std::string& t : tokens) {
    uint64_t w = blob::Hash64(t, kWordSeed);
    buckets.push_back(static_cast<uint32_t>(w & mask));
    buckets.push_back(static_cast<uint32_t>(Mix(prev ^ kBigramSeed, w) & mask));
    prev = w;
    if (IsPlaceholder(t) || config.max_char_ngram <= 0) continue;
    marked.clear();
    marked.push_back('<');
    marked.append(t);
    marked += '>';
    starts.clear();
    for (size_t i = 0; i < marked.size(); ++i)
      if ((static_cast<unsigned char>(marked[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(marked.size());
    size_t chars = starts.size() - 1;
    for (size_t i = 0; i < chars; ++i) {
      // FNV-1a reads bytes in order, so the hash of the n+1-gram continues that of the
      // n-gram: one pass over the bytes per start position (the same ids as hashing each).
      uint64_t h = kCharSeed;
      int hashed = 0;  // characters of marked[starts[i]..] already in h
      for (int n = config.min_char_ngram; n <= config.max_char_ngram; ++n) {
        if (i + static_cast<size_t>(n) > chars) break;
        if (n >= static_cast<int>(chars)) break;  // the whole marked word: the unigram has it
        std::string_view more(marked.data() + starts[i + static_cast<size_t>(hashed)],
                              starts[i + static_cast<size_t>(n)] - starts[i + static_cast<size_t>(hashed)]);
        h = blob::Hash64(more, h);
        hashed = n;
        buckets.push_back(static_cast<uint32_t>(h & mask));
      }
    }
  }
}

}  // namespace svar::triage::category
