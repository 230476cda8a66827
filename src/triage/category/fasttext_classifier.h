// fastText (libfasttext 0.9.2) as a category classifier: the baseline the own model is
// measured against, and an optional ensemble member. Texts go through the shared tokenizer
// (tokens.h) and are joined by spaces, as fastText splits on white space only. fastText
// trains from a file (a temporary one here), throws on some errors and calls exit() on
// others (empty vocabulary, no labels): inputs are validated before it is called, and its
// exceptions become Error.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "triage/category_model.h"

namespace fasttext {
class FastText;
}

namespace svar::triage::category {

struct FastTextOptions {  // defaults: the tuned Banking77 settings
  int epochs = 50;
  double learning_rate = 1.0;
  int word_ngrams = 2;
  int min_char_ngram = 3;
  int max_char_ngram = 5;
  int dim = 100;
  int bucket = 200000;  // hashed n-gram rows (fastText's 2M default is 800 MB at dim 100)
  int threads = 1;
  int seed = 0;
};

class FastTextClassifier {
 public:
  FastTextClassifier();
  ~FastTextClassifier();
  FastTextClassifier(FastTextClassifier&&) noexcept;
  FastTextClassifier& operator=(FastTextClassifier&&) noexcept;

  static Result<FastTextClassifier> Train(const std::vector<LabeledText>& examples,
                                          const FastTextOptions& options = {});

  // Probability per category, in the order of categories(); empty on an untrained model.
  std::vector<double> Probabilities(std::string_view text) const;
  const std::vector<std::string>& categories() const { return categories_; }

 private:
  std::unique_ptr<fasttext::FastText> ft_;
  std::vector<std::string> categories_;
};

}  // namespace svar::triage::category
