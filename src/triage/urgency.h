// Urgency of one customer message: a score in 0..1, a label, and the cues found: words of
// haste, deadlines, repeated contacts, money lost, threats to cancel or leave
// (cancel_intent, used by churn risk) and legal threats (legal_threat). Word lists per
// language in src/triage/lexicon/ (da, sv, nb, ru, zh, en), matched like sentiment.h.
//
// Contract:
//  * Cue weights (noisy-or, a second cue of the same kind counts half):
//      now     "immediately", "urgent", "straks", "omgående", "omedelbart", "snarest",
//              "срочно", "紧急", "急"                                          0.35..0.5
//      due     "by Friday", "senest i morgen", "i dag", "до завтра", "今天之内"   0.2..0.45
//      again   "third time I write", "still no answer", "igen", "опять", "第三次" 0.2..0.45
//      money   "charged twice", "dobbelt trukket", "списали дважды", "扣了两次"   0.2..0.45
//      cancel  "cancel my subscription", "opsige", "säga upp", "расторгнуть", "退订",
//              or a cancel verb and an object (abonnement, account, 账户) in one
//              sentence                                                        0.5
//      legal   lawyer, court, Forbrugerombudsmanden, ARN, Forbrukerrådet, суд, 律师  0.7
//    plus 0.1 for "!!!" (three or more "!" in the mail) and 0.1 for shouting in capitals.
//  * A negator up to 3 words before a cue cancels it ("I do not want to cancel").
//  * u = 1 - prod(1 - w); score = 0.2 + 0.8 * u (a mail with no cue scores 0.2, "normal").
//    A calm cue ("no rush", "ingen hast", "не срочно", "不急", "when you have time")
//    multiplies the score by 0.4.
//  * label: "low" < 0.15 <= "normal" < 0.45 <= "high" < 0.75 <= "critical".
// Thread-safe, a few µs for a mail.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace svar::triage {

struct UrgencyResult {
  double score = 0;            // 0..1
  std::string label;           // "low" | "normal" | "high" | "critical"
  bool cancel_intent = false;  // the customer says they will cancel / leave / close the account
  bool legal_threat = false;   // lawyer, court, consumer ombudsman, ARN, суд, 律师 ...
  // Readable, in text order: "'immediately'", "deadline 'by Friday'", "repeat 'third time'",
  // "money 'charged twice'", "cancel intent 'opsige'", "threat: 'advokat'",
  // "calm 'no rush'", "!!!", "CAPS".
  std::vector<std::string> cues;
};

inline constexpr double kUrgencyBase = 0.2;

// lang as for AnalyzeSentiment (sentiment.h); unknown languages use the English cues.
UrgencyResult AnalyzeUrgency(std::string_view text, std::string_view lang);

}  // namespace svar::triage
