// Scan: the small text scanner behind sentiment and urgency. Cuts a message into words
// (case folded, with a caps flag), runs of Han characters, emoji, emoticons and punctuation
// (clause and sentence ends, runs of ! and ?). One pass over the UTF-8 text, no ICU objects,
// no allocation per token beyond the token vector and one folded buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace svar::triage::lexicon {

enum class TokenKind : uint8_t {
  kWord,       // letters/digits of a cased or caseless alphabetic script; numbers fold to "#"
  kHan,        // a run of Han characters (Chinese has no spaces: matched by substring)
  kEmoji,      // one emoji code point (variation selectors, ZWJ and skin tones dropped)
  kEmoticon,   // :) :-( :D >:( <3 ...
  kClause,     // , ; : — and the Chinese 、，；： (ends negation scope)
  kSentence,   // . 。 and line ends (ends negation scope, closes a sentence)
  kBang,       // a run of ! and ? (closes a sentence); see bangs/questions
};

struct Token {
  TokenKind kind = TokenKind::kWord;
  uint32_t begin = 0;      // folded text: Scan::folded[begin, begin+size)
  uint32_t size = 0;
  uint32_t raw_begin = 0;  // original text: [raw_begin, raw_begin+raw_size)
  uint32_t raw_size = 0;
  char32_t code = 0;       // kEmoji: the code point
  uint8_t bangs = 0;       // kBang: number of '!' (and '！')
  uint8_t questions = 0;   // kBang: number of '?' (and '？')
  bool caps = false;       // kWord: >= 3 letters, all upper case (scripts with case only)
  bool latin = false;      // kWord: written in Latin letters (for the English fall-back)
};

struct Scan {
  std::string folded;  // case-folded text of words and Han runs, ё folded to е, ’ to '
  std::vector<Token> tokens;
  int words = 0;       // kWord tokens
  int caps_words = 0;  // kWord tokens with caps

  std::string_view Text(const Token& t) const { return {folded.data() + t.begin, t.size}; }
};

// Scans valid or invalid UTF-8 (invalid bytes are skipped).
void ScanText(std::string_view text, Scan* out);

// The same from a per-thread cache of the last text scanned: sentiment and urgency read the
// same text one after the other, and it is scanned once. The result is valid until this
// thread's next call.
const Scan& ScanTextCached(std::string_view text);

// Folds one lexicon term the way ScanText folds words (for building lexicons).
std::string FoldTerm(std::string_view term);

// UTF-8 helpers shared by the lexicon code.
// Decodes one code point at s[*i], advancing *i; returns U+FFFD for a bad sequence.
char32_t DecodeUtf8(std::string_view s, size_t* i);
void AppendUtf8(char32_t c, std::string* out);
bool IsHan(char32_t c);

}  // namespace svar::triage::lexicon
