// UTF-8 and text helpers shared by every stage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace svar {

bool IsValidUtf8(std::string_view s);
// Replaces every invalid byte sequence with U+FFFD.
std::string SanitizeUtf8(std::string_view s);
std::string_view Trim(std::string_view s);
std::string AsciiLower(std::string_view s);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// Unicode NFKC case folding (ICU); "Straße" and "STRASSE" compare equal afterwards.
std::string CaseFold(std::string_view utf8);
// Runs of white space become one space; leading and trailing space removed.
std::string CollapseSpace(std::string_view s);
std::vector<std::string> Split(std::string_view s, char sep);
// Truncates to at most max_bytes without cutting a UTF-8 sequence.
std::string_view TruncateUtf8(std::string_view s, size_t max_bytes);

}  // namespace svar
