#include "knowledge/search/analysis.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <map>
#include <memory>

namespace svar::knowledge {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsHan(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
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

Xapian::Stem* StemmerFor(std::string_view locale) {
  thread_local std::map<std::string, std::unique_ptr<Xapian::Stem>, std::less<>> cache;
  auto it = cache.find(locale);
  if (it != cache.end()) return it->second.get();
  std::unique_ptr<Xapian::Stem> stem;
  std::string name = StemmerName(locale);
  if (!name.empty()) {
    try {
      stem = std::make_unique<Xapian::Stem>(name);
    } catch (const Xapian::Error&) {
      stem.reset();
    }
  }
  auto* raw = stem.get();
  cache.emplace(std::string(locale), std::move(stem));
  return raw;
}

}  // namespace

std::string CanonicalLocale(std::string_view locale) {
  std::string l = Lower(locale);
  for (char& c : l)
    if (c == '_') c = '-';
  if (l.empty()) return l;
  if (l.starts_with("zh")) {
    if (l.find("hant") != std::string::npos || l == "zh-tw" || l == "zh-hk" || l == "zh-mo")
      return "zh-Hant";
    return "zh-Hans";
  }
  auto dash = l.find('-');
  std::string base = dash == std::string::npos ? l : l.substr(0, dash);
  if (base == "no") return "nb";
  return base;
}

std::string LanguageOf(std::string_view locale) {
  std::string l = CanonicalLocale(locale);
  auto dash = l.find('-');
  std::string base = dash == std::string::npos ? l : l.substr(0, dash);
  if (base == "nb" || base == "nn") return "no";
  return base;
}

std::string StemmerName(std::string_view locale) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"ar", "arabic"},    {"hy", "armenian"},   {"eu", "basque"},     {"ca", "catalan"},
      {"da", "danish"},    {"nl", "dutch"},      {"en", "english"},    {"fi", "finnish"},
      {"fr", "french"},    {"de", "german"},     {"hu", "hungarian"},  {"id", "indonesian"},
      {"ga", "irish"},     {"it", "italian"},    {"lt", "lithuanian"}, {"ne", "nepali"},
      {"no", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"},   {"ru", "russian"},
      {"es", "spanish"},   {"sv", "swedish"},    {"ta", "tamil"},      {"tr", "turkish"},
  };
  auto it = kNames.find(LanguageOf(locale));
  return it == kNames.end() ? std::string() : it->second;
}

bool ContainsHan(std::string_view text) {
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0x2E80 && IsHan(c)) return true;
  }
  return false;
}

std::string FoldText(std::string_view text) {
  if (IsAscii(text)) return Lower(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? nfkc_cf->normalize(u, status) : u;
  if (U_FAILURE(status)) folded = u;
  if (ContainsHan(text)) {
    if (auto* t = TraditionalToSimplified()) t->transliterate(folded);
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  icu::BreakIterator* bi = WordBreaker();
  if (bi == nullptr || text.empty()) return words;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return words;
  bi->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return words;
  }
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    int32_t rule = bi->getRuleStatus();
    if (rule < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    Word w;
    w.begin = static_cast<size_t>(start);
    w.end = static_cast<size_t>(end);
    std::string_view piece = text.substr(w.begin, w.end - w.begin);
    w.folded = FoldText(piece);
    w.han = rule >= UBRK_WORD_IDEO && ContainsHan(piece);
    if (!w.han && ContainsHan(piece)) w.han = true;
    words.push_back(std::move(w));
  }
  // Detach the iterator from the UText before closing it.
  icu::UnicodeString empty;
  bi->setText(empty);
  utext_close(ut);
  return words;
}

std::string StemTerm(const Word& word, std::string_view locale) {
  if (word.han) return {};
  Xapian::Stem* stem = StemmerFor(locale);
  if (stem == nullptr) return {};
  std::string s = (*stem)(word.folded);
  if (s.empty()) return {};
  return "Z" + LanguageOf(locale) + ":" + s;
}

std::vector<std::string> HanBigrams(std::string_view run) {
  std::vector<std::string> out;
  std::vector<size_t> starts;
  const auto* s = reinterpret_cast<const uint8_t*>(run.data());
  int32_t n = static_cast<int32_t>(run.size());
  for (int32_t i = 0; i < n;) {
    starts.push_back(static_cast<size_t>(i));
    U8_FWD_1(s, i, n);
  }
  starts.push_back(run.size());
  size_t chars = starts.size() - 1;
  if (chars == 1) {
    out.emplace_back(run);
    return out;
  }
  for (size_t i = 0; i + 2 <= chars; ++i)
    out.emplace_back(run.substr(starts[i], starts[i + 2] - starts[i]));
  return out;
}

std::vector<Term> TermsOf(std::string_view text, std::string_view locale) {
  std::vector<Term> terms;
  std::vector<Word> words = SplitWords(text);
  std::string run;
  size_t run_end = 0;
  auto flush_run = [&] {
    if (run.empty()) return;
    for (auto& b : HanBigrams(run)) terms.push_back({std::move(b), false});
    run.clear();
  };
  for (const Word& w : words) {
    if (w.han) {
      if (!run.empty() && w.begin != run_end) flush_run();
      // A dictionary word of two characters is also its own bigram: not added twice.
      if (HanBigrams(w.folded).size() != 1 || w.folded.size() > 6)
        terms.push_back({w.folded, false});
      run += w.folded;
      run_end = w.end;
      continue;
    }
    flush_run();
    if (w.folded.size() > 64) continue;  // hashes, base64: never searched for
    terms.push_back({w.folded, false});
    std::string stem = StemTerm(w, locale);
    if (!stem.empty()) terms.push_back({std::move(stem), true});
  }
  flush_run();
  return terms;
}

}  // namespace svar::knowledge
