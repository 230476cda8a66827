// The weights of LanguageDetector's score (language.cc). The defaults were chosen on the odd
// lines of the langid development set (bench/langid_bench.cc --tune; a broad plateau: every
// setting within 0.1% of the best, 87.8%) and, among those, the one with the fewest errors on
// tests/corpora/langid/sentences.tsv; the even lines are the held-out figure. Hint weights are in the same unit as the text's log-probabilities (nats).
#pragma once

namespace svar::triage::language {

struct Tuning {
  double ngram_weight = 1.0;        // times the n-gram cost (-ln P) of the text
  double member_ngram_share = 0.25; // share of the n-gram cost kept for a word in the list
  bool cld2_family_only = true;     // CLD2 votes for da/nb/nn/sv only as one family
  double member_bonus = 10.0;       // a word is in the language's word list
  double frequent_bonus = 6.0;      // a word is in the language's frequent-word list
  double cld2_weight = 1.0;         // times ln(CLD2 share + 0.05), Latin text
  double temperature = 4.0;         // divides the Latin text score before the softmax
  double content_language = 1.5;    // Content-Language header
  double tld = 1.0;                 // sender's country domain
  double customer = 1.5;            // customer's earlier mail
  double mailbox_default = 0.7;     // mailbox default
};

}  // namespace svar::triage::language
