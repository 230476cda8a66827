#include "triage/category_rules.h"

#include <algorithm>
#include <numeric>

#include "triage/tokens.h"

namespace svar::triage {
namespace {

// Tokens joined by one space, except between two Han tokens (no space), with a space at
// both ends, so a phrase matches by substring search with token boundaries.
std::string MatchForm(std::string_view text) {
  std::vector<std::string> tokens = Tokenize(text);
  std::string out = " ";
  bool prev_han = false;
  for (const std::string& t : tokens) {
    bool han = IsHanToken(t);
    if (han && prev_han) out.pop_back();  // glue Han runs together
    out += t;
    out += ' ';
    prev_han = han;
  }
  return out;
}

bool Contains(const std::string& haystack, const std::string& phrase_form) {
  // phrase_form is " w1 w2 "; a Han phrase also matches inside a Han run.
  if (phrase_form.size() <= 2) return false;
  if (haystack.find(phrase_form) != std::string::npos) return true;
  std::string_view core(phrase_form);
  core.remove_prefix(1);
  core.remove_suffix(1);
  bool han_edge = IsHanToken(core.substr(0, std::min<size_t>(3, core.size()))) ||
                  IsHanToken(core.substr(core.size() - std::min<size_t>(3, core.size())));
  return han_edge && haystack.find(core) != std::string::npos;
}

}  // namespace

Status ValidateRules(const std::vector<CategoryRule>& rules) {
  for (size_t i = 0; i < rules.size(); ++i) {
    const CategoryRule& r = rules[i];
    std::string label = "category rule " + std::to_string(i + 1) +
                        (r.name.empty() ? std::string() : " '" + r.name + "'");
    if (r.category.empty())
      return Fail(ErrorCode::kInvalidArgument, label + " has no category: choose one");
    if (r.any_of.empty())
      return Fail(ErrorCode::kInvalidArgument, label + " has no words or phrases to match: add one");
    for (const auto* list : {&r.any_of, &r.none_of})
      for (const std::string& p : *list)
        if (Tokenize(p).empty())
          return Fail(ErrorCode::kInvalidArgument,
                      label + " has an entry without words ('" + p + "'): remove it");
  }
  return Ok();
}

std::optional<CategoryPrediction> ApplyRules(const std::vector<CategoryRule>& rules,
                                             std::string_view text) {
  if (rules.empty()) return std::nullopt;
  std::vector<size_t> order(rules.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return rules[a].priority > rules[b].priority; });
  const std::string form = MatchForm(text);
  for (size_t i : order) {
    const CategoryRule& r = rules[i];
    if (r.category.empty()) continue;
    const std::string* hit = nullptr;
    for (const std::string& p : r.any_of) {
      if (Contains(form, MatchForm(p))) {
        hit = &p;
        break;
      }
    }
    if (hit == nullptr) continue;
    bool vetoed = std::any_of(r.none_of.begin(), r.none_of.end(),
                              [&](const std::string& p) { return Contains(form, MatchForm(p)); });
    if (vetoed) continue;
    CategoryPrediction p;
    p.category = r.category;
    p.confidence = 1.0;
    p.top = {{r.category, 1.0}};
    p.reason = "rule '" + (r.name.empty() ? *hit : r.name) + "' -> " + r.category;
    return p;
  }
  return std::nullopt;
}

CategoryPrediction Categorize(const std::vector<CategoryRule>& rules, const CategoryModel& model,
                              std::string_view text, double threshold) {
  if (auto by_rule = ApplyRules(rules, text)) return *std::move(by_rule);
  return model.Predict(text, threshold);
}

}  // namespace svar::triage
