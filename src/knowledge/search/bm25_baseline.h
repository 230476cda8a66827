// Bm25Baseline: plain Xapian BM25, the reference the knowledge-base benchmark compares
// against in the same run: one document per article (its whole text), Xapian's TermGenerator
// and QueryParser with English stemming (STEM_SOME), default BM25 parameters, no title weight,
// no passages, no spelling, synonyms or priors. In memory; for benchmarks only.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace svar::knowledge {

class Bm25Baseline {
 public:
  struct Doc {
    std::string id;
    std::string text;
  };
  static Result<std::unique_ptr<Bm25Baseline>> Build(const std::vector<Doc>& docs,
                                                     const std::string& stemmer = "english");
  ~Bm25Baseline();

  // Ids of the best `n` documents, best first.
  Result<std::vector<std::string>> Rank(const std::string& query, int n) const;

 private:
  struct Impl;
  explicit Bm25Baseline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace svar::knowledge
