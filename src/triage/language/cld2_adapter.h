// The one place that calls CLD2: its three best languages for a text, with percentages, as
// ISO codes ("no" comes back as "nb", "zh-Hant" as "zh"). Thread-safe, no shared state.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace svar::triage::language {

struct Cld2Guess {
  std::vector<std::pair<std::string, int>> languages;  // code, percent of the text; best first
  bool reliable = false;
};

// Best-effort guess (kCLDFlagBestEffort, so short text gets an answer too). Invalid UTF-8 or
// text without letters gives an empty list.
Cld2Guess Cld2Detect(std::string_view utf8);

}  // namespace svar::triage::language
