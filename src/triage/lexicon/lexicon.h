// Lexicon: the word lists of sentiment and urgency for one language, compiled into the binary
// (lexicon/<lang>.cc) and built once into byte tries on first use. Thread-safe after that.
//
// Each data line is "<kind> <term>" (see ParseLine in lexicon.cc):
//   -0.6 skuffe*            a scored word; '*' ends a stem (any ending), spaces make a phrase,
//                           '#' stands for a number, {a,b} expands to alternatives
//   0 venlig hilsen         score 0: absorbs a phrase so its words do not count
//   neg ikke                negator (flips and dampens the next hits; see sentiment.h)
//   x1.5 meget              intensifier (x0.6 lidt: a diminisher)
//   but men                 contrast: what came before in the sentence counts half
//   u.now 0.5 straks        an urgency cue: now|due|again|cancel|cverb|cobj|legal|money|calm
// Terms are case folded like the text. Matching is longest first: a phrase or a longer stem
// wins over a shorter one ("no problem" over "no", "不满意" over "不").
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "triage/lexicon/scan.h"

namespace svar::triage::lexicon {

enum class EntryKind : uint8_t {
  kScore,        // sentiment value
  kIgnore,       // matched and ignored ("thanks in advance" style closings, "kind regards")
  kNegator,
  kIntensifier,  // value = multiplier
  kBut,
  kNow,          // urgency: "immediately", "urgent", "straks", "срочно", "紧急"
  kDue,          // deadline: "by Friday", "senest i morgen", "до завтра", "今天之内"
  kAgain,        // repeated contact / long wait: "third time", "still no answer"
  kCancel,       // cancel intent on its own: "close my account", "opsige", "退订"
  kCancelVerb,   // "cancel", "annullere": intent only with an object in the same sentence
  kCancelObject, // "subscription", "abonnement", "账户"
  kLegal,        // lawyer, court, consumer ombudsman
  kMoney,        // money lost: "charged twice", "списали дважды"
  kCalm,         // "no rush", "ingen hast", "不急"
};

struct Entry {
  EntryKind kind = EntryKind::kScore;
  float value = 0;   // score, multiplier or urgency weight
  std::string term;  // as written in the list (folded), for reasons
};

// A byte trie over folded terms. Word tokens are joined by ' ' when a phrase continues.
class Trie {
 public:
  Trie() { root_.fill(-1); }
  void Add(std::string_view term, bool prefix, int entry);
  // Longest entry starting at word token `at` (phrases span adjacent word tokens).
  // Returns the entry index or -1; *tokens = number of tokens it covers.
  int MatchWords(const Scan& scan, size_t at, int* tokens) const;
  // Longest entry at byte `pos` of a Han run; *bytes = its length in bytes.
  int MatchHan(std::string_view run, size_t pos, size_t* bytes) const;
  // Packs the children into flat arrays for lookups; called once after the last Add.
  void Freeze();

 private:
  struct Node {
    std::vector<std::pair<uint8_t, int32_t>> kids;  // while building
    uint32_t kid_begin = 0, kid_end = 0;             // after Freeze: kid_byte_/kid_node_
    int32_t exact = -1;   // entry when the token ends here
    int32_t prefix = -1;  // entry when the token ends here or goes on (a stem)
  };
  int32_t Child(int32_t node, uint8_t b) const;
  int32_t BuildChild(int32_t node, uint8_t b) const;
  std::vector<Node> nodes_{1};
  std::vector<uint8_t> kid_byte_;
  std::vector<int32_t> kid_node_;
  std::array<int32_t, 256> root_;
};

struct Lexicon {
  std::vector<Entry> entries;
  Trie sentiment;  // kScore, kIgnore, kNegator, kIntensifier, kBut
  Trie urgency;    // the urgency kinds plus kNegator and kBut
  const Lexicon* latin_fallback = nullptr;  // English for Latin words in ru/zh mail
  int scored = 0;  // number of kScore entries (tests check the lists are not trivial)
};

// "da","sv","nb"/"no"/"nn","ru","zh"/"zh-Hans"/"zh-Hant"/"zh-TW","en" (case-insensitive, region
// ignored). Returns nullptr for other languages.
const Lexicon* LexiconFor(std::string_view lang);
// The English lexicon (fall-back for unknown languages).
const Lexicon& EnglishLexicon();

// Parses lexicon text (for tests of the format); `han_variants` adds Traditional spellings
// of Han terms. Returns false and sets *error on a malformed line.
bool BuildLexicon(std::string_view text, bool han_variants, Lexicon* out, std::string* error);

}  // namespace svar::triage::lexicon
