// Admin keyword and phrase rules for categories. They take precedence over the model: the
// first matching rule (highest priority first, then in the given order) decides, with the
// rule named in the reason. Words and phrases match whole tokens (tokens.h) after case
// folding and Traditional -> Simplified folding, in any language: "refund" matches
// "REFUND!" but not "refunded"; a phrase ("change address") matches its tokens in sequence
// ("Change address, please"), not scattered ones ("change my address"). A Chinese word or
// phrase matches inside a run of Han characters whatever the segmenter did ("銷戶" and
// "销户" both match "我要销户").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "triage/category_model.h"

namespace svar::triage {

struct CategoryRule {
  std::string name;                  // shown in the reason; the first any_of entry when empty
  std::string category;              // category key to assign
  std::vector<std::string> any_of;   // words / phrases: one of them must occur
  std::vector<std::string> none_of;  // words / phrases: none of them may occur
  int priority = 0;                  // higher first; equal priority keeps the given order
};

// Fails (kInvalidArgument, naming the rule) when a rule has no category or no any_of
// entry, or an entry has no words. The admin UI calls it before saving rules.
Status ValidateRules(const std::vector<CategoryRule>& rules);

// The prediction of the first matching rule (confidence 1, reason "rule 'refund' -> billing"),
// or nullopt when no rule matches.
std::optional<CategoryPrediction> ApplyRules(const std::vector<CategoryRule>& rules,
                                             std::string_view text);

// What the pipeline calls: the rules first, then the model with its threshold.
CategoryPrediction Categorize(const std::vector<CategoryRule>& rules, const CategoryModel& model,
                              std::string_view text, double threshold);

}  // namespace svar::triage
