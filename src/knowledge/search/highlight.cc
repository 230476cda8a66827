#include "knowledge/search/highlight.h"

#include "knowledge/search/analysis.h"

namespace svar::knowledge {

std::vector<TextRange> FindHighlights(std::string_view text, std::string_view locale,
                                      const QueryTerms& terms) {
  std::vector<TextRange> out;
  for (const Word& w : SplitWords(text)) {
    bool hit = terms.words.contains(w.folded);
    if (!hit && w.han) {
      for (const auto& b : HanBigrams(w.folded))
        if (terms.words.contains(b)) {
          hit = true;
          break;
        }
    }
    if (!hit && !w.han) {
      std::string stem = StemTerm(w, locale);
      hit = !stem.empty() && terms.stems.contains(stem);
    }
    if (!hit) continue;
    if (!out.empty() && out.back().end == w.begin && w.han)
      out.back().end = w.end;  // adjacent Chinese words form one mark
    else
      out.push_back({w.begin, w.end});
  }
  return out;
}

std::string MarkHighlights(std::string_view text, const std::vector<TextRange>& ranges) {
  auto escape = [](std::string_view s, std::string& out) {
    for (char c : s) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          out += c;
      }
    }
  };
  std::string out;
  size_t pos = 0;
  for (const TextRange& r : ranges) {
    if (r.begin < pos || r.end > text.size() || r.begin >= r.end) continue;
    escape(text.substr(pos, r.begin - pos), out);
    out += "<mark>";
    escape(text.substr(r.begin, r.end - r.begin), out);
    out += "</mark>";
    pos = r.end;
  }
  escape(text.substr(pos), out);
  return out;
}

}  // namespace svar::knowledge
