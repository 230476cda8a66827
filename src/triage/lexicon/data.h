// The word lists, one per language, as text compiled into the binary (format: lexicon.h).
// Written for Svar from customer-service mail, not copied from a published lexicon.
#pragma once

#include <string_view>

namespace svar::triage::lexicon {

extern const std::string_view kDanish;
extern const std::string_view kSwedish;
extern const std::string_view kNorwegian;
extern const std::string_view kRussian;
extern const std::string_view kChinese;
extern const std::string_view kEnglish;

}  // namespace svar::triage::lexicon
