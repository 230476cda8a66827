#include "triage/language/cld2_adapter.h"

// CLD2's headers use FILE without including <cstdio>: it must come first.
#include <cstdio>
// (separate block, so that clang-format keeps the order)
#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace svar::triage::language {

Cld2Guess Cld2Detect(std::string_view utf8) {
  Cld2Guess out;
  CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language lang3[3];
  int percent3[3] = {0, 0, 0};
  double score3[3] = {0, 0, 0};
  int text_bytes = 0;
  int valid_prefix = 0;
  bool reliable = false;
  CLD2::ExtDetectLanguageSummaryCheckUTF8(utf8.data(), static_cast<int>(utf8.size()), true, &hints,
                                          CLD2::kCLDFlagBestEffort, lang3, percent3, score3,
                                          nullptr, &text_bytes, &reliable, &valid_prefix);
  if (valid_prefix < static_cast<int>(utf8.size())) return out;
  for (int i = 0; i < 3; ++i) {
    if (lang3[i] == CLD2::UNKNOWN_LANGUAGE || percent3[i] <= 0) continue;
    std::string code = CLD2::LanguageCode(lang3[i]);
    if (code == "no") code = "nb";
    if (code == "zh-Hant") code = "zh";
    out.languages.emplace_back(std::move(code), percent3[i]);
  }
  out.reliable = reliable;
  return out;
}

}  // namespace svar::triage::language
