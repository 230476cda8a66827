#include "triage/category_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <numeric>
#include <random>
#include <unordered_map>

#include "triage/category/blob_io.h"
#include "triage/category/features.h"
#include "triage/tokens.h"

namespace svar::triage {
namespace {

constexpr std::string_view kMagic = "SVCM";
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kScaleSlots = sizeof(float) / sizeof(int16_t);  // a quantized row's scale

struct Example {
  std::vector<uint32_t> rows;
  std::vector<float> values;
  uint32_t label = 0;
};

void Softmax(std::vector<float>& s, double temperature) {
  float mx = *std::max_element(s.begin(), s.end());
  double sum = 0;
  for (float& v : s) {
    v = static_cast<float>(std::exp((v - mx) / temperature));
    sum += v;
  }
  for (float& v : s) v = static_cast<float>(v / sum);
}

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

}  // namespace

// Builds rows, IDF and weights; a friend of CategoryModel.
class CategoryTrainer {
 public:
  static Result<CategoryModel> Run(const std::vector<LabeledText>& examples,
                                   const TrainOptions& options);

 private:
  static void Sgd(CategoryModel& m, const std::vector<Example>& data,
                  const std::vector<size_t>& order_in, const TrainOptions& options);
  static double FitTemperature(const CategoryModel& m, const std::vector<Example>& data,
                               const std::vector<size_t>& held);
};

Result<CategoryModel> CategoryModel::Train(const std::vector<LabeledText>& examples,
                                           const TrainOptions& options) {
  return CategoryTrainer::Run(examples, options);
}

Result<CategoryModel> CategoryTrainer::Run(const std::vector<LabeledText>& examples,
                                           const TrainOptions& options) {
  if (options.hash_bits < 10 || options.hash_bits > 24)
    return Fail(ErrorCode::kInvalidArgument, "category model: hash_bits must be 10..24");
  if (options.epochs < 1 || options.learning_rate <= 0)
    return Fail(ErrorCode::kInvalidArgument,
                "category model: epochs must be >= 1 and learning_rate > 0");
  if (options.min_char_ngram < 1 || options.max_char_ngram > 8)
    return Fail(ErrorCode::kInvalidArgument, "category model: character n-grams must be 1..8");
  CategoryModel m;
  m.min_char_ngram_ = options.min_char_ngram;
  m.max_char_ngram_ = options.max_char_ngram;
  m.hash_bits_ = options.hash_bits;
  std::unordered_map<std::string, uint32_t> label_of;
  for (size_t i = 0; i < examples.size(); ++i) {
    const auto& e = examples[i];
    if (e.category.empty())
      return Fail(ErrorCode::kInvalidArgument,
                  "category model: training example " + std::to_string(i + 1) + " has no category");
    if (label_of.emplace(e.category, static_cast<uint32_t>(m.categories_.size())).second)
      m.categories_.push_back(e.category);
  }
  if (m.categories_.size() < 2)
    return Fail(ErrorCode::kInvalidArgument,
                "category model: needs solved tickets in at least 2 categories to learn from");

  // Bucket ids per text, document frequencies.
  category::FeatureConfig fc{m.min_char_ngram_, m.max_char_ngram_, m.hash_bits_};
  std::vector<std::vector<uint32_t>> buckets(examples.size());
  std::unordered_map<uint32_t, uint32_t> df;
  for (size_t i = 0; i < examples.size(); ++i) {
    category::AppendFeatureBuckets(Tokenize(examples[i].text), fc, buckets[i]);
    std::sort(buckets[i].begin(), buckets[i].end());
    for (size_t j = 0; j < buckets[i].size(); ++j)
      if (j == 0 || buckets[i][j] != buckets[i][j - 1]) ++df[buckets[i][j]];
  }
  for (const auto& [bucket, count] : df)
    if (count >= static_cast<uint32_t>(options.min_feature_count)) m.feature_keys_.push_back(bucket);
  std::sort(m.feature_keys_.begin(), m.feature_keys_.end());
  const double n = static_cast<double>(examples.size());
  m.idf_.resize(m.feature_keys_.size());
  for (size_t r = 0; r < m.feature_keys_.size(); ++r)
    m.idf_[r] = static_cast<float>(std::log((n + 1) / (df[static_cast<uint32_t>(m.feature_keys_[r])] + 1)) + 1);
  m.BuildIndex();

  std::vector<Example> data(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    auto x = m.FromBuckets(buckets[i]);
    data[i].rows = std::move(x.rows);
    data[i].values = std::move(x.values);
    data[i].label = label_of[examples[i].category];
  }
  buckets.clear();

  const size_t classes = m.categories_.size();
  std::vector<size_t> all(data.size());
  std::iota(all.begin(), all.end(), 0);
  if (options.calibrate && data.size() >= 50) {
    // Inner split (every 10th after a seeded shuffle) to fit the temperature.
    std::vector<size_t> order = all;
    std::mt19937_64 rng(options.seed ^ 0x5bd1e995);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<size_t> fit, held;
    for (size_t i = 0; i < order.size(); ++i) (i % 10 == 0 ? held : fit).push_back(order[i]);
    m.weights_.assign(m.feature_keys_.size() * classes, 0.f);
    m.bias_.assign(classes, 0.f);
    Sgd(m, data, fit, options);
    m.temperature_ = FitTemperature(m, data, held);
  }
  m.weights_.assign(m.feature_keys_.size() * classes, 0.f);
  m.bias_.assign(classes, 0.f);
  Sgd(m, data, all, options);
  m.BuildQuantized();
  return m;
}

void CategoryTrainer::Sgd(CategoryModel& m, const std::vector<Example>& data,
                          const std::vector<size_t>& order_in, const TrainOptions& options) {
  const size_t classes = m.categories_.size();
  std::vector<size_t> order = order_in;
  std::mt19937_64 rng(options.seed);
  std::vector<float> s(classes);
  double scale = 1.0;  // weights_ * scale = the true weights (lazy L2 decay)
  const double total = static_cast<double>(options.epochs) * static_cast<double>(order.size());
  double step = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t idx : order) {
      const Example& e = data[idx];
      double lr = options.learning_rate * (1.0 - step / total) + 1e-4;
      step += 1;
      std::copy(m.bias_.begin(), m.bias_.end(), s.begin());
      for (size_t k = 0; k < e.rows.size(); ++k) {
        const float* w = &m.weights_[static_cast<size_t>(e.rows[k]) * classes];
        const float x = static_cast<float>(e.values[k] * scale);
        for (size_t c = 0; c < classes; ++c) s[c] += x * w[c];
      }
      Softmax(s, 1.0);
      s[e.label] -= 1.f;  // gradient of the log loss w.r.t. the scores
      scale *= (1.0 - lr * options.l2);
      const float f = static_cast<float>(lr / scale);
      for (size_t k = 0; k < e.rows.size(); ++k) {
        float* w = &m.weights_[static_cast<size_t>(e.rows[k]) * classes];
        const float x = e.values[k] * f;
        for (size_t c = 0; c < classes; ++c) w[c] -= x * s[c];
      }
      for (size_t c = 0; c < classes; ++c) m.bias_[c] -= static_cast<float>(lr) * s[c];
      if (scale < 1e-3) {
        for (float& w : m.weights_) w = static_cast<float>(w * scale);
        scale = 1.0;
      }
    }
  }
  if (scale != 1.0)
    for (float& w : m.weights_) w = static_cast<float>(w * scale);
}

double CategoryTrainer::FitTemperature(const CategoryModel& m, const std::vector<Example>& data,
                                       const std::vector<size_t>& held) {
  std::vector<std::vector<float>> scores;
  std::vector<uint32_t> labels;
  for (size_t i : held) {
    CategoryModel::Sparse x{data[i].rows, data[i].values};
    std::vector<float> s;
    m.Scores(x, s);
    scores.push_back(std::move(s));
    labels.push_back(data[i].label);
  }
  double best_t = 1.0, best_nll = 1e300;
  for (double t = 0.25; t <= 8.0; t *= 1.05) {
    double nll = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
      std::vector<float> p = scores[i];
      Softmax(p, t);
      nll -= std::log(std::max(1e-12, static_cast<double>(p[labels[i]])));
    }
    if (nll < best_nll) {
      best_nll = nll;
      best_t = t;
    }
  }
  return best_t;
}

void CategoryModel::BuildIndex() {
  const size_t words = std::max<size_t>(1, (size_t{1} << hash_bits_) / 64);
  present_.assign(words, 0);
  for (uint32_t key : feature_keys_) present_[key >> 6] |= uint64_t{1} << (key & 63);
  rank_.assign(words, 0);
  uint32_t before = 0;
  for (size_t w = 0; w < words; ++w) {
    rank_[w] = before;
    before += static_cast<uint32_t>(std::popcount(present_[w]));
  }
}

int32_t CategoryModel::RowOf(uint32_t bucket) const {
  const uint64_t word = present_[bucket >> 6];
  const uint64_t bit = uint64_t{1} << (bucket & 63);
  if ((word & bit) == 0) return -1;
  return static_cast<int32_t>(rank_[bucket >> 6] +
                              static_cast<uint32_t>(std::popcount(word & (bit - 1))));
}

void CategoryModel::BuildQuantized() {
  const size_t classes = categories_.size();
  const size_t rows = feature_keys_.size();
  // [float scale as two int16 slots][int16 x classes], padded to 4 bytes; weight = q * scale.
  quantized_stride_ = (kScaleSlots + classes + 1) / 2 * 2;
  quantized_.assign(rows * quantized_stride_, 0);
  for (size_t r = 0; r < rows; ++r) {
    const float* w = &weights_[r * classes];
    float max_abs = 0;
    for (size_t c = 0; c < classes; ++c) max_abs = std::max(max_abs, std::abs(w[c]));
    const float scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
    int16_t* out = &quantized_[r * quantized_stride_];
    std::memcpy(out, &scale, sizeof scale);
    for (size_t c = 0; c < classes; ++c)
      out[kScaleSlots + c] = static_cast<int16_t>(std::lround(w[c] / scale));
  }
}

CategoryModel::Sparse CategoryModel::FromBuckets(std::vector<uint32_t>& buckets) const {
  // Buckets without a row are dropped first (most of a message's n-grams were never seen in
  // training), then the rows are sorted to count repeats; rows follow bucket order, so the
  // features come out as before, in bucket order.
  // The loads are scattered (bitmap words, then idf entries): ask for them ahead.
  constexpr size_t kAhead = 16;
  const size_t n = buckets.size();
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) __builtin_prefetch(&present_[buckets[i + kAhead] >> 6]);
    int32_t row = RowOf(buckets[i]);
    if (row >= 0) buckets[kept++] = static_cast<uint32_t>(row);
  }
  buckets.resize(kept);
  std::sort(buckets.begin(), buckets.end());
  Sparse x;
  x.rows.reserve(kept);
  x.values.reserve(kept);
  double norm = 0;
  for (size_t j = 0; j < buckets.size();) {
    if (j + kAhead < buckets.size()) __builtin_prefetch(&idf_[buckets[j + kAhead]]);
    size_t k = j;
    while (k < buckets.size() && buckets[k] == buckets[j]) ++k;
    const uint32_t row = buckets[j];
    const double tf = k - j == 1 ? 1.0 : 1.0 + std::log(static_cast<double>(k - j));
    float v = static_cast<float>(tf * idf_[row]);
    x.rows.push_back(row);
    x.values.push_back(v);
    norm += static_cast<double>(v) * v;
    j = k;
  }
  if (norm > 0) {
    float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (float& v : x.values) v *= inv;
  }
  return x;
}

CategoryModel::Sparse CategoryModel::Features(std::string_view text) const {
  thread_local std::vector<uint32_t> buckets;  // scratch, reused (a few thousand ids)
  buckets.clear();
  category::FeatureConfig fc{min_char_ngram_, max_char_ngram_, hash_bits_};
  category::AppendFeatureBuckets(Tokenize(text), fc, buckets);
  return FromBuckets(buckets);
}

void CategoryModel::Scores(const Sparse& x, std::vector<float>& s) const {
  const size_t classes = categories_.size();
  s.assign(bias_.begin(), bias_.end());
  for (size_t k = 0; k < x.rows.size(); ++k) {
    const float* w = &weights_[static_cast<size_t>(x.rows[k]) * classes];
    const float v = x.values[k];
    for (size_t c = 0; c < classes; ++c) s[c] += v * w[c];
  }
}

void CategoryModel::QuantizedScores(const Sparse& x, std::vector<float>& out) const {
  const size_t classes = categories_.size();
  out.assign(bias_.begin(), bias_.end());
  float* __restrict s = out.data();
  const int16_t* base = quantized_.data();
  const size_t stride = quantized_stride_;
  const size_t row_bytes = stride * sizeof(int16_t);
  // The rows are scattered over the model: ask for the next ones while this one is summed.
  constexpr size_t kAhead = 6;
  auto prefetch = [&](uint32_t row) {
    const char* p = reinterpret_cast<const char*>(base + static_cast<size_t>(row) * stride);
    for (size_t off = 0; off < row_bytes; off += 64) __builtin_prefetch(p + off);
    __builtin_prefetch(p + row_bytes - 1);
  };
  for (size_t k = 0; k < std::min(kAhead, x.rows.size()); ++k) prefetch(x.rows[k]);
  for (size_t k = 0; k < x.rows.size(); ++k) {
    if (k + kAhead < x.rows.size()) prefetch(x.rows[k + kAhead]);
    const int16_t* row = base + static_cast<size_t>(x.rows[k]) * stride;
    float scale;
    std::memcpy(&scale, row, sizeof scale);
    const int16_t* __restrict w = row + kScaleSlots;
    const float v = x.values[k] * scale;
    for (size_t c = 0; c < classes; ++c) s[c] += v * static_cast<float>(w[c]);
  }
}

std::vector<double> CategoryModel::Probabilities(std::string_view text) const {
  if (empty()) return {};
  std::vector<float> s;
  if (quantized_.empty()) Scores(Features(text), s);
  else QuantizedScores(Features(text), s);
  Softmax(s, temperature_);
  return std::vector<double>(s.begin(), s.end());
}

CategoryPrediction CategoryModel::Predict(std::string_view text, double threshold) const {
  CategoryPrediction p;
  if (empty()) {
    p.reason = "model: not trained yet";
    return p;
  }
  std::vector<double> probs = Probabilities(text);
  std::vector<size_t> idx(probs.size());
  std::iota(idx.begin(), idx.end(), 0);
  size_t k = std::min<size_t>(3, idx.size());
  std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(),
                    [&](size_t a, size_t b) { return probs[a] > probs[b]; });
  for (size_t i = 0; i < k; ++i) p.top.emplace_back(categories_[idx[i]], probs[idx[i]]);
  p.confidence = probs[idx[0]];
  if (p.confidence >= threshold) {
    p.category = categories_[idx[0]];
    p.reason = "model: " + p.category + " " + Fixed2(p.confidence);
  } else {
    p.reason = "model: below threshold " + Fixed2(threshold) + " (" + categories_[idx[0]] + " " +
               Fixed2(p.confidence) + ")";
  }
  return p;
}

std::string CategoryModel::Serialize() const {
  blob::Writer w;
  w.Put<uint32_t>(static_cast<uint32_t>(categories_.size()));
  for (const auto& c : categories_) w.PutString(c);
  w.Put<int32_t>(min_char_ngram_);
  w.Put<int32_t>(max_char_ngram_);
  w.Put<uint32_t>(hash_bits_);
  w.Put<double>(temperature_);
  w.PutVector(feature_keys_);
  w.PutVector(idf_);
  w.PutVector(weights_);
  w.PutVector(bias_);
  return w.Finish(kMagic, kFormatVersion);
}

Result<CategoryModel> CategoryModel::Deserialize(std::string_view blob) {
  SVAR_ASSIGN(blob::Reader r, blob::Reader::Open(blob, kMagic, kFormatVersion, "category model"));
  CategoryModel m;
  SVAR_ASSIGN(uint32_t n, r.Get<uint32_t>());
  if (n > 100000) return r.Truncated();
  for (uint32_t i = 0; i < n; ++i) {
    SVAR_ASSIGN(std::string c, r.GetString());
    m.categories_.push_back(std::move(c));
  }
  SVAR_ASSIGN(m.min_char_ngram_, r.Get<int32_t>());
  SVAR_ASSIGN(m.max_char_ngram_, r.Get<int32_t>());
  SVAR_ASSIGN(m.hash_bits_, r.Get<uint32_t>());
  SVAR_ASSIGN(m.temperature_, r.Get<double>());
  SVAR_ASSIGN(m.feature_keys_, r.GetVector<uint32_t>());
  SVAR_ASSIGN(m.idf_, r.GetVector<float>());
  SVAR_ASSIGN(m.weights_, r.GetVector<float>());
  SVAR_ASSIGN(m.bias_, r.GetVector<float>());
  if (!r.AtEnd() || m.hash_bits_ < 10 || m.hash_bits_ > 24 || m.temperature_ <= 0 ||
      m.idf_.size() != m.feature_keys_.size() || m.bias_.size() != m.categories_.size() ||
      m.weights_.size() != m.feature_keys_.size() * m.categories_.size() ||
      m.min_char_ngram_ < 1 || m.max_char_ngram_ > 8)
    return r.Truncated();
  for (size_t i = 0; i < m.feature_keys_.size(); ++i) {
    if (m.feature_keys_[i] >= (uint32_t{1} << m.hash_bits_)) return r.Truncated();
    if (i > 0 && m.feature_keys_[i] <= m.feature_keys_[i - 1]) return r.Truncated();
  }
  m.BuildIndex();
  m.BuildQuantized();
  return m;
}

}  // namespace svar::triage
