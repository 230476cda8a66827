// Locale tags and slugs of knowledge-base articles: the canonical forms the tables store.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace svar::knowledge {

// Canonical locale tag for a BCP 47 tag (case and '_' vs '-' do not matter):
//   da, sv, ru, en         themselves, also with a region only ("da-DK", "sv_FI" -> "da", "sv")
//   nb                     from "nb", "no" and their regions ("no-NO" -> "nb"); "nn" stays "nn"
//   zh-Hans                from "zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN"
//   zh-Hant                from "zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW"
//   anything else          lower-cased ("de-AT" -> "de-at")
// Fails (kInvalidArgument) for an empty tag or one that is not letters/digits in subtags of
// 1-8 characters separated by '-' (so a locale is always safe as a directory name).
Result<std::string> NormaliseLocale(std::string_view tag);

// A slug is the URL name of an article, unique per locale: 1-100 characters of [a-z0-9-],
// starting with a letter or digit. Returns kInvalidArgument naming `field` and the rule.
Status ValidateSlug(std::string_view slug, std::string_view field = "slug");

// A slug made from a title: ASCII letters and digits lower-cased, every other run of
// characters one '-', at most 60 characters. Empty when the title has no ASCII letter/digit.
std::string SlugFromTitle(std::string_view title);

}  // namespace svar::knowledge
