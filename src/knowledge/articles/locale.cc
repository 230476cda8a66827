#include "knowledge/articles/locale.h"

#include <vector>

#include "core/text.h"

namespace svar::knowledge {
namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A region subtag: two letters or three digits.
bool IsRegion(const std::string& s) {
  if (s.size() == 2) return !(s[0] >= '0' && s[0] <= '9') && !(s[1] >= '0' && s[1] <= '9');
  if (s.size() == 3) {
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  }
  return false;
}

}  // namespace

Result<std::string> NormaliseLocale(std::string_view tag) {
  std::string t = AsciiLower(Trim(tag));
  for (char& c : t) {
    if (c == '_') c = '-';
  }
  auto bad = [&](std::string_view why) {
    return Fail(ErrorCode::kInvalidArgument,
                "locale '" + std::string(tag) + "' " + std::string(why) +
                    "; use a language tag such as da, sv, nb, ru, en, zh-Hans or zh-Hant");
  };
  if (t.empty()) return bad("is empty");
  std::vector<std::string> parts = Split(t, '-');
  for (const auto& p : parts) {
    if (p.empty() || p.size() > 8) return bad("has an empty or over-long subtag");
    for (char c : p) {
      if (!IsAlnum(c)) return bad("has a character other than letters, digits and '-'");
    }
  }
  const std::string& lang = parts[0];
  if (lang.size() < 2 || lang.size() > 3) return bad("does not start with a 2-3 letter language");
  const bool region_only = parts.size() == 1 || (parts.size() == 2 && IsRegion(parts[1]));
  if (lang == "zh") {
    if (parts.size() == 1) return std::string("zh-Hans");
    const std::string& second = parts[1];
    if (second == "hans") return std::string("zh-Hans");
    if (second == "hant") return std::string("zh-Hant");
    if (parts.size() == 2 && (second == "tw" || second == "hk" || second == "mo")) {
      return std::string("zh-Hant");
    }
    if (parts.size() == 2 && (second == "cn" || second == "sg")) return std::string("zh-Hans");
    return t;
  }
  if (region_only) {
    if (lang == "no" || lang == "nb") return std::string("nb");
    if (lang == "da" || lang == "sv" || lang == "ru" || lang == "en") return lang;
  }
  return t;
}

Status ValidateSlug(std::string_view slug, std::string_view field) {
  auto bad = [&](std::string_view why) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(field) + " '" + std::string(slug) + "' " + std::string(why) +
                    "; use 1-100 characters of a-z, 0-9 and '-', e.g. reset-password");
  };
  if (slug.empty()) return bad("is empty");
  if (slug.size() > 100) return bad("is too long");
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return bad("has a character other than a-z, 0-9 and '-'");
    }
  }
  if (slug[0] == '-') return bad("starts with '-'");
  return Ok();
}

std::string SlugFromTitle(std::string_view title) {
  std::string out;
  bool dash = false;
  for (char c : title) {
    if (IsAlnum(c)) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (out.size() >= 60) break;
    } else {
      dash = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace svar::knowledge
