// The category classifier: learns the desk's categories from its own solved tickets (the
// category an agent confirmed or corrected) and predicts the category of a new message with
// a calibrated confidence. Below the caller's threshold the message stays uncategorised for
// a person to decide. Admin rules (category_rules.h) are applied before the model.
//
// Model: multinomial logistic regression over hashed, TF-IDF weighted features of the
// shared tokens (tokens.h): word unigrams and bigrams plus character 2-5-grams of each word,
// trained by SGD; the softmax temperature is fitted on an inner held-out part so that
// "confidence 0.8" means right about 80% of the time. Chinese is segmented by the tokenizer,
// Traditional folded to Simplified, so both scripts share features.
//
// Training is in memory and takes a few seconds for 10k texts on one core; the caller
// (the background retraining job) persists Serialize() and swaps the model in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace svar::triage {

struct LabeledText {
  std::string text;      // subject + new text of the customer's message
  std::string category;  // the category key an agent confirmed
};

struct CategoryPrediction {
  std::string category;   // "" when the confidence is below the threshold (uncategorised)
  double confidence = 0;  // calibrated probability of the top category, 0..1 (1 for a rule)
  std::vector<std::pair<std::string, double>> top;  // best 3 categories with probabilities
  std::string reason;     // "model: billing 0.91", "model: below threshold 0.60 (billing 0.42)",
                          // "rule 'refund' -> billing"
};

struct TrainOptions {
  int epochs = 25;                // SGD passes over the data
  double learning_rate = 2.0;     // initial step, decays linearly to 0
  double l2 = 1e-6;               // weight decay per example
  int min_char_ngram = 2;
  int max_char_ngram = 4;
  int min_feature_count = 1;      // features seen in fewer training texts are dropped
  uint32_t hash_bits = 20;        // 2^bits feature buckets (collisions are rare below 1M features)
  bool calibrate = true;          // fit the softmax temperature on an inner 10% split
  uint64_t seed = 42;             // shuffling; the same seed gives the same model
};

class CategoryModel {
 public:
  CategoryModel() = default;  // an empty model: predicts "" with confidence 0

  // Fails (kInvalidArgument) with fewer than 2 categories or an example without text or
  // category. Categories with a single example are kept (they rarely win).
  static Result<CategoryModel> Train(const std::vector<LabeledText>& examples,
                                     const TrainOptions& options = {});

  // The best category, or "" when its confidence is below threshold. Thread-safe (const).
  CategoryPrediction Predict(std::string_view text, double threshold) const;

  // Probabilities of every category (same order as categories()), for ensembles and tests.
  std::vector<double> Probabilities(std::string_view text) const;

  const std::vector<std::string>& categories() const { return categories_; }
  double temperature() const { return temperature_; }
  bool empty() const { return categories_.empty(); }

  // Versioned binary blob (a few MB for 77 categories); Deserialize fails with kParse and a
  // message naming the problem (not a model, old format version, corrupt, truncated).
  std::string Serialize() const;
  static Result<CategoryModel> Deserialize(std::string_view blob);

 private:
  struct Sparse {
    std::vector<uint32_t> rows;
    std::vector<float> values;
  };
  Sparse Features(std::string_view text) const;
  Sparse FromBuckets(std::vector<uint32_t>& buckets) const;  // reuses buckets as scratch
  int32_t RowOf(uint32_t bucket) const;                       // -1 when the bucket has no row
  void Scores(const Sparse& x, std::vector<float>& out) const;  // exact (float) weights
  void QuantizedScores(const Sparse& x, std::vector<float>& out) const;  // what Predict uses
  void BuildIndex();      // present_, rank_ from feature_keys_ (sorted, unique)
  void BuildQuantized();  // quantized_ from weights_

  std::vector<std::string> categories_;
  int min_char_ngram_ = 2;
  int max_char_ngram_ = 4;
  uint32_t hash_bits_ = 20;
  std::vector<uint32_t> feature_keys_;  // sorted bucket ids that have a row
  std::vector<float> idf_;              // per row
  std::vector<float> weights_;          // rows x categories, row-major
  std::vector<float> bias_;             // per category
  double temperature_ = 1.0;
  // Built on load, not stored (the blob keeps float weights, so every stored model loads):
  //  - the bucket -> row index as a bitmap with a rank per 64 buckets (rows are in bucket
  //    order, so a row is the number of present buckets before it): 192 KB for 2^20 buckets,
  //    which stays in cache, where a table of row numbers took 4 MB of random reads;
  //  - the weights as int16 per row with the row's float scale in front (2 bytes per
  //    category instead of 4, and the rows are contiguous): half the memory to read per
  //    feature, the cost of prediction. Held-out accuracy is the same as with the float
  //    weights (bench/triage_accuracy: 90.79%); int8 lost 0.1 point.
  std::vector<uint64_t> present_;
  std::vector<uint32_t> rank_;
  std::vector<int16_t> quantized_;  // rows of quantized_stride_ values: scale (2), weights
  size_t quantized_stride_ = 0;

  friend class CategoryTrainer;
};

}  // namespace svar::triage
