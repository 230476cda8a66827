// The guard in front of gumbo for hostile HTML, and the linear fallback converter.
#include <cctype>

#include "core/text.h"
#include "mail/ascii.h"
#include "mail/html.h"

namespace svar::mail {
namespace {

bool IsVoidOrAutoClosed(std::string_view name) {
  static constexpr std::string_view kTags[] = {"br", "img", "hr", "meta", "link", "input", "p",
                                               "li", "td", "tr", "th", "option", "col", "wbr",
                                               "area", "base", "source", "!doctype", "!--"};
  for (auto t : kTags)
    if (EqualsIgnoreCase(name, t)) return true;
  return false;
}

}  // namespace

bool HtmlTooComplex(std::string_view html, int max_open) {
  int open = 0;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    bool closing = html[i + 1] == '/';
    size_t b = i + (closing ? 2 : 1);
    size_t e = b;
    while (e < html.size() && (std::isalnum(static_cast<unsigned char>(html[e])) ||
                               html[e] == '!' || html[e] == '-'))
      ++e;
    if (e == b) continue;
    std::string_view name = html.substr(b, e - b);
    if (IsVoidOrAutoClosed(name)) continue;
    open += closing ? -1 : 1;
    if (open < 0) open = 0;
    if (open > max_open) return true;
  }
  return false;
}

std::string StripTags(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  bool in_tag = false;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == '<') {
      in_tag = true;
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&nbsp;", " "}};
      bool done = false;
      for (auto [from, to] : kEntities) {
        if (html.substr(i, from.size()) == from) {
          out += to;
          i += from.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += c;
  }
  std::string collapsed = CollapseSpace(out);
  if (!collapsed.empty()) collapsed += '\n';
  return internal::IsValidUtf8Fast(collapsed) ? collapsed : SanitizeUtf8(collapsed);
}

}  // namespace svar::mail
