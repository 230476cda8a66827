#include "triage/lexicon/scan.h"

#include <unicode/uchar.h>

#include <cctype>

namespace svar::triage::lexicon {
namespace {

bool IsEmoji(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || c == 0x2B50 ||
         c == 0x2B06 || c == 0x2B07;
}
bool IsEmojiJoiner(char32_t c) {
  return c == 0xFE0F || c == 0xFE0E || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF);
}
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c >= 0x400 && c <= 0x45F) return true;
  if (IsHan(c)) return false;
  if (u_isalnum(static_cast<UChar32>(c))) return true;
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

char32_t FoldChar(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c == 0x2019) return '\'';
  char32_t f = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  if (f == 0x451) f = 0x435;  // ё -> е: Russian mail writes both
  return f;
}

bool IsLatinLetter(char32_t c) { return c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF); }

// Emoticons, longest first within each start character.
constexpr std::string_view kEmoticons[] = {
    ">:-(", ">:(", ":'-(", ":'(", ":-(", ":-)", ":-D", ":-P", ":-/", ":-|", ":(", ":)",
    ":D",   ":P",  ":/",   ":|",  ";-)", ";)",  "=)",  "=(",  "<3",
};

size_t MatchEmoticon(std::string_view s, size_t i) {
  if (i > 0) {
    unsigned char p = static_cast<unsigned char>(s[i - 1]);
    if ((p < 0x80 && std::isalnum(p)) || p == '/' || p == ':') return 0;
  }
  for (std::string_view e : kEmoticons) {
    if (s.substr(i, e.size()) != e) continue;
    size_t end = i + e.size();
    if (end < s.size()) {
      unsigned char n = static_cast<unsigned char>(s[end]);
      if (n < 0x80 && (std::isalnum(n) || n == '/')) continue;  // "http://", ":Dear"
    }
    return e.size();
  }
  return 0;
}

}  // namespace

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3007;
}

char32_t DecodeUtf8(std::string_view s, size_t* i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(*i);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int n = (c >= 0xF0 && c < 0xF8) ? 3 : (c >= 0xE0) ? 2 : (c >= 0xC2 && c < 0xE0) ? 1 : -1;
  if (n < 0 || *i + n >= s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    unsigned char d = b(*i + k);
    if ((d & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  *i += n + 1;
  return cp;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string FoldTerm(std::string_view term) {
  std::string out;
  size_t i = 0;
  while (i < term.size()) AppendUtf8(FoldChar(DecodeUtf8(term, &i)), &out);
  return out;
}

void ScanText(std::string_view s, Scan* out) {
  out->folded.clear();
  out->tokens.clear();
  out->words = out->caps_words = 0;
  out->folded.reserve(s.size());
  size_t i = 0;
  auto push = [&](TokenKind kind, size_t raw_begin, size_t raw_end) -> Token& {
    Token t;
    t.kind = kind;
    t.raw_begin = static_cast<uint32_t>(raw_begin);
    t.raw_size = static_cast<uint32_t>(raw_end - raw_begin);
    t.begin = static_cast<uint32_t>(out->folded.size());
    out->tokens.push_back(t);
    return out->tokens.back();
  };
  while (i < s.size()) {
    size_t start = i;
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b == ' ' || b == '\t' || b == '\r') {
      ++i;
      continue;
    }
    if (b == ':' || b == ';' || b == '>' || b == '<' || b == '=') {
      if (size_t n = MatchEmoticon(s, i)) {
        Token& t = push(TokenKind::kEmoticon, i, i + n);
        out->folded.append(s.substr(i, n));
        t.size = static_cast<uint32_t>(n);
        i += n;
        continue;
      }
    }
    char32_t c = DecodeUtf8(s, &i);
    if (IsWordChar(c)) {
      Token& t = push(TokenKind::kWord, start, start);
      int upper = 0, lower = 0;
      bool digits_only = true, latin = true;
      size_t end = start;
      size_t j = start;
      while (j < s.size()) {
        size_t k = j;
        unsigned char byte = static_cast<unsigned char>(s[j]);
        char32_t d = byte < 0x80 ? (++k, byte) : DecodeUtf8(s, &k);
        if (d < 0x80) {  // fast path: ASCII letters and digits
          if (d >= 'a' && d <= 'z') {
            ++lower;
            digits_only = false;
            out->folded.push_back(static_cast<char>(d));
            j = k;
            continue;
          }
          if (d >= 'A' && d <= 'Z') {
            ++upper;
            digits_only = false;
            out->folded.push_back(static_cast<char>(d + 32));
            j = k;
            continue;
          }
          if (d >= '0' && d <= '9') {
            out->folded.push_back(static_cast<char>(d));
            j = k;
            continue;
          }
        }
        if (d >= 0x400 && d <= 0x45F) {  // fast path: Russian letters
          char32_t f = d;
          if (d < 0x430) {
            ++upper;
            f = d < 0x410 ? d + 0x50 : d + 0x20;
          } else {
            ++lower;
          }
          if (f == 0x451) f = 0x435;
          digits_only = false;
          latin = false;
          AppendUtf8(f, &out->folded);
          j = k;
          continue;
        }
        if (!IsWordChar(d)) {
          // Keep "don't" and "1.500" / "24,5" in one token.
          if (k < s.size() && j > start) {
            size_t m = k;
            char32_t next = DecodeUtf8(s, &m);
            if (IsApostrophe(d) && !digits_only && IsWordChar(next) && !u_isdigit(next)) {
              out->folded.push_back('\'');
              j = k;
              continue;
            }
            if ((d == '.' || d == ',') && digits_only && next < 0x80 && std::isdigit(next)) {
              j = k;
              continue;
            }
          }
          break;
        }
        if (d >= 0x80 ? !u_isdigit(static_cast<UChar32>(d)) : !(d >= '0' && d <= '9')) {
          digits_only = false;
          if (!IsLatinLetter(d)) latin = false;
        }
        if (d < 0x80) {
          if (d >= 'A' && d <= 'Z') ++upper;
          if (d >= 'a' && d <= 'z') ++lower;
        } else if (u_isupper(static_cast<UChar32>(d))) {
          ++upper;
        } else if (u_islower(static_cast<UChar32>(d))) {
          ++lower;
        }
        char32_t f = FoldChar(d);
        if (f == d) {
          out->folded.append(s.data() + j, k - j);
        } else {
          AppendUtf8(f, &out->folded);
        }
        j = k;
      }
      end = j;
      if (digits_only) {
        out->folded.resize(t.begin);
        out->folded.push_back('#');
      }
      t.size = static_cast<uint32_t>(out->folded.size() - t.begin);
      t.raw_size = static_cast<uint32_t>(end - start);
      t.caps = upper >= 3 && lower == 0;
      t.latin = latin && !digits_only;
      ++out->words;
      if (t.caps) ++out->caps_words;
      i = end;
      continue;
    }
    if (IsHan(c)) {
      Token& t = push(TokenKind::kHan, start, start);
      size_t j = start;
      while (j < s.size()) {
        size_t k = j;
        char32_t d = DecodeUtf8(s, &k);
        if (!IsHan(d)) break;
        j = k;
      }
      out->folded.append(s.substr(start, j - start));
      t.size = t.raw_size = static_cast<uint32_t>(j - start);
      i = j;
      continue;
    }
    if (IsEmoji(c)) {
      Token& t = push(TokenKind::kEmoji, start, i);
      t.code = c;
      while (i < s.size()) {  // drop modifiers and joined parts (a family is one emoji)
        size_t k = i;
        char32_t d = DecodeUtf8(s, &k);
        if (!IsEmojiJoiner(d)) break;
        i = k;
        if (d == 0x200D && i < s.size()) DecodeUtf8(s, &i);
      }
      continue;
    }
    if (c == '!' || c == '?' || c == 0xFF01 || c == 0xFF1F) {
      Token& t = push(TokenKind::kBang, start, start);
      int bangs = 0, qs = 0;
      size_t j = start;
      while (j < s.size()) {
        size_t k = j;
        char32_t d = DecodeUtf8(s, &k);
        if (d == '!' || d == 0xFF01) {
          ++bangs;
        } else if (d == '?' || d == 0xFF1F) {
          ++qs;
        } else {
          break;
        }
        j = k;
      }
      t.bangs = static_cast<uint8_t>(bangs > 255 ? 255 : bangs);
      t.questions = static_cast<uint8_t>(qs > 255 ? 255 : qs);
      t.raw_size = static_cast<uint32_t>(j - start);
      i = j;
      continue;
    }
    if (c == '.' || c == 0x3002 || c == 0x2026 || c == 0xFF0E) {
      if (out->tokens.empty() || out->tokens.back().kind != TokenKind::kSentence)
        push(TokenKind::kSentence, start, i);
      continue;
    }
    if (c == '\n') {  // mail wraps lines: only an empty line ends a sentence
      size_t j = i;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
      if (j < s.size() && s[j] == '\n') {
        if (out->tokens.empty() || out->tokens.back().kind != TokenKind::kSentence)
          push(TokenKind::kSentence, start, j + 1);
        i = j + 1;
      }
      continue;
    }
    if (c == ',' || c == ';' || c == ':' || c == 0x3001 || c == 0xFF0C || c == 0xFF1B ||
        c == 0xFF1A || c == 0x2014 || c == '(' || c == ')') {
      if (out->tokens.empty() || (out->tokens.back().kind != TokenKind::kClause &&
                                  out->tokens.back().kind != TokenKind::kSentence))
        push(TokenKind::kClause, start, i);
      continue;
    }
  }
}

const Scan& ScanTextCached(std::string_view text) {
  thread_local Scan scan;
  thread_local std::string last;
  thread_local bool valid = false;
  if (!valid || text != last) {
    ScanText(text, &scan);
    last.assign(text);
    valid = true;
  }
  return scan;
}

}  // namespace svar::triage::lexicon
