#include "triage/language/han_script.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace svar::triage::language {
namespace {

constexpr uint32_t kFirst = 0x3400;  // CJK Extension A .. CJK Unified Ideographs
constexpr uint32_t kLast = 0x9FFF;

std::vector<uint8_t> BuildTable() {
  std::vector<uint8_t> table(kLast - kFirst + 1, 0);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_simp(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !to_simp) return table;
  std::unique_ptr<icu::Transliterator> to_trad(
      icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !to_trad) return table;
  for (uint32_t cp = kFirst; cp <= kLast; ++cp) {
    icu::UnicodeString s(static_cast<UChar32>(cp));
    icu::UnicodeString a = s, b = s;
    to_simp->transliterate(a);
    to_trad->transliterate(b);
    if (a != s && b == s) {
      table[cp - kFirst] = static_cast<uint8_t>(HanScript::kTraditionalOnly);
    } else if (b != s && a == s) {
      table[cp - kFirst] = static_cast<uint8_t>(HanScript::kSimplifiedOnly);
    }
  }
  return table;
}

}  // namespace

HanScript ClassifyHan(uint32_t cp) {
  static const std::vector<uint8_t> table = BuildTable();
  if (cp < kFirst || cp > kLast) return HanScript::kNeither;
  return static_cast<HanScript>(table[cp - kFirst]);
}

}  // namespace svar::triage::language
