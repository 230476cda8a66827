// The words of an acknowledgement: built-in texts for da, sv, nb, ru, zh (Simplified), zh-Hant
// and en written by us, the admin's overrides (table ack_texts, schema v7; API
// GET/PUT/DELETE /api/v1/acknowledgement/texts/{lang}), the promised time phrased in the
// customer's language and time zone, and the knowledge-base links block.
//
// A text is a subject and a body with placeholders in braces:
//   {ref}      the ticket reference, "SV-1042"                         (body: required)
//   {promise}  when the first answer will come: "within about 2 hours",
//              "tomorrow before 10:00" (PhrasePromise)                  (body: required)
//   {links}    the knowledge-base links block, or nothing when there are none
//   {name}     the customer's name; when unknown it is left out together with the space or
//              comma before it ("Hello {name}," -> "Hello,")
//   {subject}  the subject of the customer's mail
//   {desk}     [desk].name
// The outbox adds the reference tag "[#SV-1042]" to the subject. Anything else in braces is
// refused when saved (ValidateAckText), so a saved text always renders without leftovers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "routing/response_estimate.h"
#include "routing/zone_offsets.h"
#include "storage/database.h"

namespace svar::replies {

// The text languages, in this order: da, sv, nb, ru, zh, zh-Hant, en.
const std::vector<std::string>& AckLanguages();

// The text language for a ticket: its triage language ("nb", "no" and "nn" -> nb; "zh" with
// script "Hant" -> zh-Hant), else `fallback` ([knowledge].default_locale), else en.
std::string AckLanguageFor(std::string_view language, std::string_view script,
                           std::string_view fallback);

struct AckText {
  std::string subject;
  std::string body;
};

// The built-in text of a language of AckLanguages() (en for any other).
AckText DefaultAckText(std::string_view language);

// kInvalidArgument naming the problem: an unknown placeholder, an unclosed brace, a body
// without {ref} or {promise}, an empty subject or body, text that is not UTF-8, too long.
Status ValidateAckText(const AckText& text);

// One knowledge-base article that may answer the question (found by the caller: replies
// does not include knowledge/; see acknowledger.h LinkFinder).
struct AnswerLink {
  std::string title;
  std::string url;      // the public article URL, with the passage's #anchor
  std::string passage;  // plain text of the passage that most likely answers
};

struct AckValues {
  std::string ref;
  std::string promise;
  std::string name;
  std::string subject;
  std::string desk;
  std::vector<AnswerLink> links;
};

// Fills the placeholders; `language` chooses the heading of the links block.
AckText RenderAckText(const AckText& text, const AckValues& values, std::string_view language);

// The links block: a heading in `language`, then per link its title, the passage (shortened
// to about 300 bytes at a word boundary, in quotes) and the URL. "" when `links` is empty.
std::string FormatLinks(const std::vector<AnswerLink>& links, std::string_view language);

// The promised time in words, in `language`, as seen in `zone`:
//   kQuarterHour          "within about 45 minutes", "within about 1 hour 30 minutes"
//   kHour, up to 4 hours  "within about 3 hours"
//   otherwise by the local clock of promise_at, rounded up to a full hour:
//                         "today before 17:00", "tomorrow before 10:00",
//                         "on Thursday before 10:00" (within the week),
//                         "by 4 December at 10:00" (later)
std::string PhrasePromise(std::string_view language, int64_t now, int64_t promise_at,
                          routing::PromiseUnit unit, const routing::ZoneOffsets& zone);

// The admin's texts (table ack_texts).
class AckTextStore {
 public:
  explicit AckTextStore(storage::Database& db) : db_(db) {}
  // The effective text of a language: the admin's, else the built-in one. `custom` (optional)
  // says which.
  Result<AckText> Get(std::string_view language, bool* custom = nullptr);
  // Validates and stores. kInvalidArgument for a language not in AckLanguages() or a bad text.
  Status Put(std::string_view language, const AckText& text, std::string_view actor,
             int64_t now);
  // Back to the built-in text. Ok when there was no override.
  Status Reset(std::string_view language);

 private:
  storage::Database& db_;
};

}  // namespace svar::replies
