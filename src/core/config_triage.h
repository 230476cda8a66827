// The triage part of the configuration: the desk's languages, thresholds, the categories an
// admin defines and the keyword rules that take precedence over the classifier.
// Documented key by key in docs/configuration.md.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace svar {

// [[category]]: one category of mail.
struct CategoryConfig {
  std::string name;                    // "billing"; unique
  std::map<std::string, int> skills;   // skills an agent needs, with the minimum level 1-5
  std::string team;                    // the team whose queue it waits in; "" = any team
  std::string priority;                // the lowest priority of its tickets: low|normal|high|urgent;
                                       // "" = no floor
  std::vector<std::string> templates;  // its reply templates (by name)
};

// [[rule]]: words or phrases that put a mail in a category, whatever the classifier says.
struct RuleConfig {
  std::string name;                  // shown in the reason; unique
  std::string category;              // one of the [[category]] names
  std::vector<std::string> any_of;   // fires when any of these words/phrases is in the mail
  std::vector<std::string> none_of;  // ...and none of these
  int priority = 0;                  // a higher priority is tried first
};

// [triage]
struct TriageConfig {
  // The languages the desk answers in; language identification picks one of them.
  std::vector<std::string> languages = {"da", "sv", "nb", "ru", "zh", "en"};
  // Below this classifier confidence a ticket stays uncategorised for a person to decide.
  double category_threshold = 0.6;
  // A message whose spam probability reaches this goes to the spam view.
  double spam_threshold = 0.9;
  // Churn risk from which a customer counts as at risk (routing, priority).
  double high_churn = 0.7;
  // Lifetime value from which a customer counts as valuable (priority).
  double valuable_customer = 10000;
  // The category classifier retrains after this many new agent confirmations/corrections.
  int retrain_after = 20;
};

}  // namespace svar
