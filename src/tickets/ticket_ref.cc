#include "tickets/ticket_ref.h"

#include <cctype>
#include <string>

#include "core/text.h"

namespace svar::tickets {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Reply and forward prefixes as mail clients write them in the desk's languages, compared
// after case folding. Each is followed by ":" (or a full-width "：") and optional "[n]".
constexpr std::string_view kReplyPrefixes[] = {
    "re", "fw", "fwd", "aw", "wg", "sv", "vs", "vb", "ref", "rif", "antw", "tr", "doorst",
    "odp", "vl", "ynt",
    "ответ", "отв", "пересл", "пер",
    "回复", "答复", "转发", "回覆", "轉寄", "轉發"};

// Removes one leading "Re:" style prefix (with an optional counter like "Re[2]:"); returns
// false when none is there.
bool StripPrefix(std::string& s) {
  std::string_view v = Trim(s);
  for (auto p : kReplyPrefixes) {
    if (v.size() <= p.size() || v.substr(0, p.size()) != p) continue;
    std::string_view rest = v.substr(p.size());
    if (!rest.empty() && rest[0] == '[') {  // Re[2]:
      size_t close = rest.find(']');
      if (close == std::string_view::npos) continue;
      rest = rest.substr(close + 1);
    }
    rest = Trim(rest);
    if (rest.starts_with(":")) {
      rest.remove_prefix(1);
    } else if (rest.starts_with("\xEF\xBC\x9A")) {  // full-width colon
      rest.remove_prefix(3);
    } else {
      continue;
    }
    s = std::string(Trim(rest));
    return true;
  }
  return false;
}

}  // namespace

std::string FormatRef(std::string_view prefix, int64_t number) {
  return std::string(prefix) + "-" + std::to_string(number);
}

std::string SubjectTag(std::string_view prefix, int64_t number) {
  return "[#" + FormatRef(prefix, number) + "]";
}

std::optional<int64_t> ParseRef(std::string_view prefix, std::string_view ref) {
  ref = Trim(ref);
  if (ref.starts_with("#")) ref.remove_prefix(1);
  if (ref.size() <= prefix.size() + 1 || !StartsWithIgnoreCase(ref, prefix) ||
      ref[prefix.size()] != '-') {
    return std::nullopt;
  }
  std::string_view digits = ref.substr(prefix.size() + 1);
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  int64_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<int64_t> FindRefInSubject(std::string_view prefix, std::string_view subject) {
  for (size_t i = 0; i + prefix.size() + 1 < subject.size(); ++i) {
    if (i > 0 && IsAlnum(subject[i - 1])) continue;
    if (!StartsWithIgnoreCase(subject.substr(i), prefix)) continue;
    size_t j = i + prefix.size();
    if (subject[j] != '-') continue;
    size_t k = j + 1;
    while (k < subject.size() && subject[k] >= '0' && subject[k] <= '9') ++k;
    if (k == j + 1 || k - j - 1 > 12) continue;
    if (k < subject.size() && IsAlnum(subject[k])) continue;
    return ParseRef(prefix, subject.substr(i, k - i));
  }
  return std::nullopt;
}

std::string SubjectKey(std::string_view prefix, std::string_view subject) {
  std::string s = CaseFold(CollapseSpace(subject));
  std::string folded_prefix = AsciiLower(prefix);
  // Remove reference tags like "[#sv-1042]" and "(sv-1042)" anywhere.
  for (;;) {
    auto number = FindRefInSubject(folded_prefix, s);
    if (!number) break;
    std::string ref = FormatRef(folded_prefix, *number);
    size_t pos = s.find(ref);
    if (pos == std::string::npos) break;
    size_t b = pos, e = pos + ref.size();
    if (b > 0 && s[b - 1] == '#') --b;
    if (b > 0 && (s[b - 1] == '[' || s[b - 1] == '(') && e < s.size() &&
        (s[e] == ']' || s[e] == ')')) {
      --b;
      ++e;
    }
    s.erase(b, e - b);
  }
  s = CollapseSpace(s);
  // Mailing-list tags like "[list-name]" at the start are kept: they are part of the topic.
  while (StripPrefix(s)) {
  }
  return CollapseSpace(s);
}

}  // namespace svar::tickets
