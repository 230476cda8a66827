#include "triage/tokens.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/ubrk.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

#include "core/text.h"

namespace svar::triage {
namespace {

constexpr size_t kMaxTokenBytes = 64;

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

bool IsHanChar(UChar32 c) {
  if (c < 0x2E80) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

bool ContainsHan(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (IsHanChar(c)) return true;
  }
  return false;
}

icu::Transliterator* TraditionalToSimplified() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) tr.reset();
    return tr;
  }();
  return t.get();
}

icu::BreakIterator* WordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> b = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return b.get();
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Punctuation that surrounds a URL or address in running text: "(see http://x.y/)."
std::string_view StripWrapping(std::string_view chunk) {
  constexpr std::string_view kWrap = "<>()[]{}\"'.,;:!?";
  while (!chunk.empty() && kWrap.find(chunk.front()) != std::string_view::npos)
    chunk.remove_prefix(1);
  while (!chunk.empty() && kWrap.find(chunk.back()) != std::string_view::npos)
    chunk.remove_suffix(1);
  return chunk;
}

bool LooksLikeUrl(std::string_view c) {
  return StartsWithIgnoreCase(c, "http://") || StartsWithIgnoreCase(c, "https://") ||
         StartsWithIgnoreCase(c, "ftp://") ||
         (StartsWithIgnoreCase(c, "www.") && c.size() > 5);
}

bool LooksLikeEmail(std::string_view c) {
  auto at = c.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= c.size()) return false;
  if (!IsAsciiAlnum(c[at - 1]) && c[at - 1] != '_' && c[at - 1] != '-') return false;
  auto dot = c.find('.', at + 2);
  return dot != std::string_view::npos && dot + 1 < c.size() &&
         c.find('@', at + 1) == std::string_view::npos;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The first position of `lower` (lower-case ASCII) in s, ignoring ASCII case; npos if none.
size_t FindAsciiIgnoreCase(std::string_view s, std::string_view lower) {
  if (lower.empty() || s.size() < lower.size()) return std::string_view::npos;
  auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (size_t i = 0; i + lower.size() <= s.size(); ++i) {
    if (fold(s[i]) != lower[0]) continue;
    size_t k = 1;
    while (k < lower.size() && fold(s[i + k]) == lower[k]) ++k;
    if (k == lower.size()) return i;
  }
  return std::string_view::npos;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// ASCII text without ICU: the same cuts as ICU's word break rules (UAX #29) for ASCII:
// letters, digits and '_' join; ' . : join two letters; . , ' ; join two digits. A token
// that ends in a digit is a number. About ten times faster than the iterator, which costs
// 20-30 ns a byte; most mail is ASCII.
void BreakWordsAscii(std::string_view text, std::vector<std::string>& out) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!IsAsciiAlnum(text[i]) && text[i] != '_') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < n) {
      char c = text[i];
      if (IsAsciiAlnum(c) || c == '_') {
        ++i;
        continue;
      }
      if (i + 1 < n && i > start) {
        char prev = text[i - 1], next = text[i + 1];
        bool between_letters = (c == '\'' || c == '.' || c == ':') && IsAsciiLetter(prev) &&
                               IsAsciiLetter(next);
        bool between_digits = (c == '.' || c == ',' || c == '\'' || c == ';') &&
                              IsAsciiDigit(prev) && IsAsciiDigit(next);
        if (between_letters || between_digits) {
          ++i;
          continue;
        }
      }
      break;
    }
    // As ICU's rule status: a token that ends in a digit is a number ("v2", "abc123"), one
    // that ends in a letter or '_' is a word ("123abc", "____").
    if (IsAsciiDigit(text[i - 1])) {
      out.emplace_back(kNumberToken);
    } else if (i - start <= kMaxTokenBytes) {
      std::string token(text.substr(start, i - start));
      for (char& c : token)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out.push_back(std::move(token));
    }
  }
}

namespace {

// Words of a text without URLs or addresses, appended to out.
void BreakWords(std::string_view text, std::vector<std::string>& out) {
  if (text.empty()) return;
  if (IsAscii(text)) {
    BreakWordsAscii(text, out);
    return;
  }
  std::string folded = FoldForMatch(text);
  icu::BreakIterator* bi = WordBreaker();
  if (bi == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, folded.data(), static_cast<int64_t>(folded.size()), &status);
  if (U_FAILURE(status)) return;
  bi->setText(ut, status);
  if (U_SUCCESS(status)) {
    int32_t start = bi->first();
    for (int32_t end = bi->next(); end != icu::BreakIterator::DONE;
         start = end, end = bi->next()) {
      int32_t rule = bi->getRuleStatus();
      if (rule < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation, symbols
      if (rule < UBRK_WORD_NUMBER_LIMIT) {
        out.emplace_back(kNumberToken);
        continue;
      }
      size_t len = static_cast<size_t>(end - start);
      if (len > kMaxTokenBytes) continue;
      out.emplace_back(folded.data() + start, len);
    }
  }
  icu::UnicodeString empty;
  bi->setText(empty);  // detach before the UText goes away
  utext_close(ut);
}

}  // namespace

std::string FoldForMatch(std::string_view text) {
  if (IsAscii(text)) return AsciiLower(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? nfkc_cf->normalize(u, status) : u;
  if (U_FAILURE(status)) folded = u;
  if (ContainsHan(text)) {
    if (auto* t = TraditionalToSimplified()) t->transliterate(folded);
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

bool IsHanToken(std::string_view token) {
  if (token.empty() || IsAscii(token)) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(token.data());
  int32_t n = static_cast<int32_t>(token.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (!IsHanChar(c)) return false;
  }
  return true;
}

std::vector<std::string> Tokenize(std::string_view utf8) {
  std::string repaired;
  if (!IsValidUtf8(utf8)) {
    repaired = SanitizeUtf8(utf8);
    utf8 = repaired;
  }
  std::vector<std::string> out;
  out.reserve(utf8.size() / 5 + 4);
  // Cut the text at URLs and addresses (white-space separated chunks); the pieces between
  // them go through the word breaker, so token order is kept.
  size_t segment_start = 0;
  size_t i = 0;
  while (i < utf8.size()) {
    while (i < utf8.size() && IsSpaceByte(utf8[i])) ++i;
    size_t chunk_start = i;
    while (i < utf8.size() && !IsSpaceByte(utf8[i])) ++i;
    if (chunk_start == i) break;
    std::string_view chunk = StripWrapping(utf8.substr(chunk_start, i - chunk_start));
    std::string_view placeholder;
    if (LooksLikeUrl(chunk)) {
      placeholder = kUrlToken;
    } else if (LooksLikeEmail(chunk)) {
      placeholder = kEmailToken;
    }
    if (placeholder.empty()) continue;
    BreakWords(utf8.substr(segment_start, chunk_start - segment_start), out);
    out.emplace_back(placeholder);
    segment_start = i;
  }
  BreakWords(utf8.substr(segment_start), out);
  return out;
}

std::vector<std::string> UrlHosts(std::string_view utf8) {
  std::vector<std::string> hosts;
  size_t i = 0;
  while (i < utf8.size()) {
    while (i < utf8.size() && IsSpaceByte(utf8[i])) ++i;
    size_t chunk_start = i;
    while (i < utf8.size() && !IsSpaceByte(utf8[i])) ++i;
    std::string_view chunk = StripWrapping(utf8.substr(chunk_start, i - chunk_start));
    // A URL may also sit inside a chunk: href="http://...", <http://...>.
    size_t p = std::string_view::npos;
    for (std::string_view scheme : {"http://", "https://", "ftp://", "www."})
      p = std::min(p, FindAsciiIgnoreCase(chunk, scheme));
    if (p == std::string_view::npos) continue;
    std::string_view rest = chunk.substr(p);
    if (auto s = rest.find("://"); s != std::string_view::npos) rest.remove_prefix(s + 3);
    size_t end = 0;
    while (end < rest.size() && (IsAsciiAlnum(rest[end]) || rest[end] == '.' || rest[end] == '-' ||
                                 rest[end] == '@' || rest[end] == '_'))
      ++end;
    std::string_view host = rest.substr(0, end);
    if (auto at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    while (!host.empty() && host.back() == '.') host.remove_suffix(1);
    if (host.find('.') == std::string_view::npos) continue;
    hosts.push_back(AsciiLower(host));
  }
  return hosts;
}

}  // namespace svar::triage
