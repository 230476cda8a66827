// Suggesting answer templates for a ticket: active templates ranked by category, language,
// similarity to the customer's text and past success, each with its reasons and the draft
// rendered for the ticket.
//
// Score = 0.35 category + 0.25 language + 0.30 similarity + 0.10 success, each part 0..1:
//   category    1 when the template's category is the ticket's, or the template's name is in
//               the config's [[category]].templates of the ticket's category; 0.3 for a
//               template without a category (a generic answer); 0 otherwise
//   language    1 for the ticket's language (primary subtag: "zh-Hans" matches "zh"); 0.4 for
//               an English template when the ticket is in another language (the fallback);
//               templates in other languages are not suggested. A ticket without a language
//               takes every template with 0.5.
//   similarity  cosine of TF-IDF vectors of word tokens (triage/tokens.h: case-folded,
//               Chinese segmented) between the customer's text and the template's words
//               (markup removed); IDF over the candidate templates plus the customer's text
//   success     0.7 * (useful + 1) / (rated + 2)  +  0.3 * (1 - (sum of edit ratios + 0.5) /
//               (uses + 2)): ratings and edits, smoothed so an unused template starts at 0.5
//               useful and 0.25 edited
// Ties keep the order of the template names. Archived templates are never suggested.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/config_triage.h"
#include "core/result.h"
#include "replies/templates/template_check.h"
#include "replies/templates/template_store.h"
#include "storage/database.h"
#include "tickets/records.h"

namespace svar::replies {

struct SuggestInput {
  std::string category;  // the ticket's category, "" when none
  std::string language;  // the ticket's language, "" when unknown
  std::string customer_text;
  std::vector<std::string> category_templates;  // [[category]].templates of that category
};

struct ScoreParts {
  double category = 0;
  double language = 0;
  double similarity = 0;
  double success = 0;
};

struct RankedTemplate {
  TemplateRecord template_record;
  double score = 0;
  ScoreParts parts;
  std::vector<std::string> reasons;  // "category billing", "similar words: refund, card", ...
};

// Ranks the active templates among `templates` for the input, best first, at most `limit`.
// `stats` may miss templates (no uses yet). Pure: no database.
std::vector<RankedTemplate> RankTemplates(const SuggestInput& input,
                                          const std::vector<TemplateRecord>& templates,
                                          const std::vector<TemplateStats>& stats, size_t limit);

struct TemplateSuggestion {
  RankedTemplate ranked;
  Rendered draft;  // the current version rendered for the ticket and agent
};

// The suggestions for a ticket: reads the ticket's facts, the active templates and their
// figures, ranks them and renders the top `limit` for `agent`.
Result<std::vector<TemplateSuggestion>> SuggestTemplates(
    storage::Database& db, const tickets::Ticket& ticket,
    const std::vector<CategoryConfig>& categories, std::string_view agent,
    std::string_view desk_name, size_t limit = 3);

}  // namespace svar::replies
