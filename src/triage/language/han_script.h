// Simplified or Traditional Chinese: counts the characters of a text that exist in only one
// of the two scripts, using ICU's Traditional-Simplified transliterator once to build the
// tables (first use takes some tens of milliseconds; afterwards read-only, thread-safe).
#pragma once

#include <cstdint>

namespace svar::triage::language {

enum class HanScript { kNeither, kTraditionalOnly, kSimplifiedOnly };

// How code point cp differs between the scripts: kTraditionalOnly when converting it to
// Simplified changes it (國), kSimplifiedOnly when converting to Traditional changes it (国).
HanScript ClassifyHan(uint32_t cp);

}  // namespace svar::triage::language
