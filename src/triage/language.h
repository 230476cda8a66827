// Language identification of an inbound mail's new text: which of the desk's configured
// languages it is written in, and for Chinese whether in Simplified or Traditional script.
//
// How it decides (see language.cc):
//  * Letters are counted by script. Han text is "zh", Cyrillic text is "ru" (another configured
//    Cyrillic language, e.g. "uk", is told apart by CLD2). Mixed text goes to the script with
//    most of the text (a Han character counts as two letters).
//  * Latin text is scored by a short-text model built from Debian word lists (character 1-5
//    grams and word membership, languages da sv nb nn en de; language/ngram_model.h), a
//    hand-written list of frequent words per language (language/function_words.h), and CLD2
//    as a further vote. Configured Latin languages outside the model (fr, es, ...) rely on CLD2.
//  * Hints then add a fixed weight: Content-Language, the sender's country TLD, the customer's
//    earlier language and the mailbox default. They break close calls (a short Danish-or-
//    Norwegian text from a .dk sender is Danish) but do not outvote clear text.
//  * The answer is always one of the configured languages: Norwegian-looking text on a desk
//    configured for {da, en} is "da".
//
// Norwegian: "nb" is Bokmål, "nn" Nynorsk. A desk configured with "no" gets "no" for Bokmål
// (and for Nynorsk unless "nn" is configured as well); hints "no", "nb", "nb-NO" and a .no
// sender all point at Bokmål. A desk with "nb" but not "nn" files Nynorsk text as "nb".
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "triage/language/tuning.h"

namespace svar::triage {

struct LanguageHints {
  std::string
      content_language;      // Content-Language header value ("da", "sv-SE", "en, da"), may be ""
  std::string sender_email;  // the From address; its country TLD (.dk .se .no .ru .cn .tw .hk ...)
                             // is a hint
  std::string customer_language;  // language of this customer's earlier mail, "" if none
  std::string mailbox_default;    // the receiving mailbox's default language, "" if none
};

struct LanguageResult {
  std::string code;       // one of the desk's configured languages, spelled as configured;
                          // "" only when the text has no letters at all and no hint applies
  std::string script;     // for zh: "Hans" or "Hant" (answer in the customer's script); else ""
  double confidence = 0;  // 0..1: the share of the winner among the configured languages
  std::string
      reason;  // one line for an agent: "text: sv 0.82 (CLD2 nb 70%, words 'inte','är'); hint .se"
  std::vector<std::pair<std::string, double>>
      scores;  // every configured language, best first, sum 1
};

class LanguageDetector {
 public:
  // desk_languages: the configured languages, e.g. {"da","sv","nb","ru","zh","en"}; the result
  // is always one of them. Codes are compared case-insensitively on their primary subtag
  // ("sv-SE" is "sv"). On a tie without any hint the earlier configured language wins.
  // The short-text model and the Han tables are built on first use, once per process (a few
  // tens of milliseconds); construct detectors at start-up, not per message.
  explicit LanguageDetector(std::vector<std::string> desk_languages);
  // The same with other weights (for tuning in bench/langid_bench.cc).
  LanguageDetector(std::vector<std::string> desk_languages, const language::Tuning& tuning);

  // text: the new text of the message (quoted history removed by the parser), may be the
  // subject plus the text. Only the first 4 KiB are read. Thread-safe (const, no shared
  // mutable state); tens of microseconds for a mail.
  LanguageResult Detect(std::string_view text, const LanguageHints& hints) const;

  const std::vector<std::string>& desk_languages() const { return desk_; }

 private:
  std::vector<std::string> desk_;   // as configured
  std::vector<std::string> canon_;  // lower-case primary subtag, "no" -> "nb"
  std::vector<int> model_index_;    // index in the n-gram model's languages, -1 if not there
  language::Tuning tuning_;
};

}  // namespace svar::triage
