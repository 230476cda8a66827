// A line-based unified diff, for comparing two versions of an article.
#pragma once

#include <string>
#include <string_view>

namespace svar::knowledge {

// The unified diff (as `diff -u`, 3 lines of context) that turns `before` into `after`, with
// the header lines "--- <before_label>" and "+++ <after_label>". Empty when the texts are
// equal. Lines are split at '\n'; a last line without '\n' is marked
// "\ No newline at end of file" like diff does. Common leading and trailing lines are matched
// first; the middle is aligned by a longest common subsequence when it has at most about four
// million line pairs, otherwise it is shown as removed and added as a whole (still correct,
// just less minimal).
std::string UnifiedDiff(std::string_view before, std::string_view after,
                        std::string_view before_label, std::string_view after_label);

}  // namespace svar::knowledge
