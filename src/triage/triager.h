// Triager: runs every triage filter on one inbound message and combines them.
//
// In two halves, so the intake pipeline can run the expensive half in parallel:
//   AnalyzeContent (thread-safe, in the parse step): language, sentiment, urgency, spam,
//     category (admin rules first, then the classifier with its threshold). Needs only the
//     message itself.
//   Finish (in the commit step, with the customer loaded from the database): the language
//     again, with the customer's earlier language and the mailbox's default as hints, when
//     the text alone left it a close call (confidence under 0.9),
//     churn risk, priority and the spam decision.
// The models (category classifier, spam filter) are held as shared pointers and swapped
// whole when they are retrained, so analysis never waits for training.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/config.h"
#include "mail/parsed_message.h"
#include "triage/category_model.h"
#include "triage/category_rules.h"
#include "triage/churn.h"
#include "triage/customer_facts.h"
#include "triage/language.h"
#include "triage/priority.h"
#include "triage/sentiment.h"
#include "triage/spam.h"
#include "triage/urgency.h"

namespace svar::triage {

// Microseconds each filter took (for the intake benchmark).
struct FilterTimes {
  int64_t language = 0, sentiment = 0, urgency = 0, category = 0, spam = 0, finish = 0;
};

struct ContentTriage {
  LanguageResult language;       // from the text and the message's own hints
  SentimentResult sentiment;
  UrgencyResult urgency;
  CategoryPrediction category;   // category "" = uncategorised
  std::string category_source;   // "rule", "model" or "" (uncategorised)
  SpamVerdict spam;
  FilterTimes times;
};

struct TriageResult {
  ContentTriage content;
  ChurnResult churn;
  PriorityResult priority;
  bool spam = false;
  int64_t micros = 0;  // all filters together
  // Every filter's result and reasons as one JSON object (message_triage.details_json,
  // `svar triage --json`, the ticket API).
  std::string DetailsJson() const;
};

// The text the filters read: the subject and the new text (no quoted history, no signature).
std::string TriageText(const mail::ParsedMessage& m);

class Triager {
 public:
  // Languages, thresholds, categories and rules from the config; models start empty (rules
  // only, spam undecided) until SetCategoryModel / SetSpamFilter.
  explicit Triager(const Config& config);

  ContentTriage AnalyzeContent(const mail::ParsedMessage& m,
                               std::string_view mailbox_language = {}) const;
  TriageResult Finish(ContentTriage content, const mail::ParsedMessage& m,
                      const CustomerFacts& customer, std::string_view mailbox_language = {}) const;
  // Both halves at once (svar triage).
  TriageResult Analyze(const mail::ParsedMessage& m, const CustomerFacts& customer,
                       std::string_view mailbox_language = {}) const;

  void SetCategoryModel(std::shared_ptr<const CategoryModel> model);
  std::shared_ptr<const CategoryModel> category_model() const;
  void SetSpamFilter(std::shared_ptr<const SpamFilter> filter);  // never null
  std::shared_ptr<const SpamFilter> spam_filter() const;

  // Replaces the admin's rules and the categories' priority floors (settings edited while the
  // desk runs); messages in analysis keep the set they started with.
  void SetRules(const Config& config);

  const LanguageDetector& language_detector() const { return language_; }
  // The configured priority floor of a category ("" when none or unknown).
  std::string CategoryFloor(std::string_view category) const;

 private:
  LanguageHints HintsFor(const mail::ParsedMessage& m, std::string_view mailbox_language) const;

  LanguageDetector language_;
  TriageConfig options_;
  struct RuleSet {
    std::vector<CategoryRule> rules;
    std::map<std::string, std::string, std::less<>> floors;  // category -> priority
  };
  std::shared_ptr<const RuleSet> rule_set() const;

  mutable std::mutex models_mu_;  // guards the shared pointers below
  std::shared_ptr<const RuleSet> rules_;
  std::shared_ptr<const CategoryModel> category_;
  std::shared_ptr<const SpamFilter> spam_;
};

}  // namespace svar::triage
