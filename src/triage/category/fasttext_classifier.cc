#include "triage/category/fasttext_classifier.h"

#include <fasttext/fasttext.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "triage/tokens.h"

namespace svar::triage::category {
namespace {

constexpr std::string_view kLabelPrefix = "__label__";

std::string Line(std::string_view text) {
  std::string line;
  for (const std::string& t : Tokenize(text)) {
    if (!line.empty()) line += ' ';
    line += t;
  }
  return line;
}

}  // namespace

FastTextClassifier::FastTextClassifier() = default;
FastTextClassifier::~FastTextClassifier() = default;
FastTextClassifier::FastTextClassifier(FastTextClassifier&&) noexcept = default;
FastTextClassifier& FastTextClassifier::operator=(FastTextClassifier&&) noexcept = default;

Result<FastTextClassifier> FastTextClassifier::Train(const std::vector<LabeledText>& examples,
                                                     const FastTextOptions& options) {
  FastTextClassifier c;
  std::unordered_map<std::string, size_t> index;
  std::string body;
  bool any_word = false;
  for (const auto& e : examples) {
    if (e.category.empty())
      return Fail(ErrorCode::kInvalidArgument, "fastText: a training example has no category");
    auto [it, added] = index.emplace(e.category, c.categories_.size());
    if (added) c.categories_.push_back(e.category);
    std::string line = Line(e.text);
    any_word = any_word || !line.empty();
    // Labels are indexes, so category names with spaces or odd characters are safe.
    body += std::string(kLabelPrefix) + std::to_string(it->second) + ' ' + line + '\n';
  }
  // fastText calls exit() on an empty vocabulary or label set: refuse those here.
  if (c.categories_.size() < 2 || !any_word)
    return Fail(ErrorCode::kInvalidArgument,
                "fastText: needs texts with words in at least 2 categories");
  char path[] = "/tmp/svar-fasttext-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return Fail(ErrorCode::kIo, "fastText: cannot create a temporary training file");
  ssize_t written = write(fd, body.data(), body.size());
  close(fd);
  if (written != static_cast<ssize_t>(body.size())) {
    unlink(path);
    return Fail(ErrorCode::kIo, "fastText: cannot write the temporary training file");
  }
  fasttext::Args args;
  args.input = path;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.epoch = options.epochs;
  args.lr = options.learning_rate;
  args.wordNgrams = options.word_ngrams;
  args.minn = options.min_char_ngram;
  args.maxn = options.max_char_ngram;
  args.dim = options.dim;
  args.bucket = options.bucket;
  args.thread = options.threads;
  args.seed = options.seed;
  args.minCount = 1;
  args.verbose = 0;
  c.ft_ = std::make_unique<fasttext::FastText>();
  try {
    c.ft_->train(args);
  } catch (const std::exception& e) {
    unlink(path);
    return Fail(ErrorCode::kInternal, std::string("fastText training failed: ") + e.what());
  }
  unlink(path);
  return c;
}

std::vector<double> FastTextClassifier::Probabilities(std::string_view text) const {
  std::vector<double> probs(categories_.size(), 0.0);
  if (!ft_) return probs;
  std::istringstream in(Line(text) + "\n");
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  try {
    ft_->predictLine(in, predictions, static_cast<int32_t>(categories_.size()), 0.0);
  } catch (const std::exception&) {
    return probs;
  }
  for (const auto& [p, label] : predictions) {
    if (!label.starts_with(kLabelPrefix)) continue;
    size_t i = std::strtoul(label.c_str() + kLabelPrefix.size(), nullptr, 10);
    if (i < probs.size()) probs[i] = p;
  }
  return probs;
}

}  // namespace svar::triage::category
