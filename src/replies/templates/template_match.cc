#include "replies/templates/template_match.h"

#include <algorithm>
#include <vector>

#include "core/text.h"

namespace svar::replies {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  return s;
}
std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Line endings and trailing blanks of each line, without trimming the ends.
std::string NormaliseLines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == '\n') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    }
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  return out;
}

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

template <typename T>
size_t Levenshtein(const std::vector<T>& a, const std::vector<T>& b) {
  const std::vector<T>& s = a.size() < b.size() ? a : b;  // the shorter one is the row
  const std::vector<T>& t = a.size() < b.size() ? b : a;
  std::vector<size_t> row(s.size() + 1);
  for (size_t i = 0; i <= s.size(); ++i) row[i] = i;
  for (size_t j = 1; j <= t.size(); ++j) {
    size_t diag = row[0];
    row[0] = j;
    for (size_t i = 1; i <= s.size(); ++i) {
      size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diag + (s[i - 1] == t[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[s.size()];
}

std::string Quote(std::string_view passage) {
  passage = Trim(passage);
  size_t nl = passage.find('\n');
  if (nl != std::string_view::npos) passage = Trim(passage.substr(0, nl));
  std::string_view cut = TruncateUtf8(passage, 120);
  std::string out(cut);
  if (cut.size() < passage.size()) out += "...";
  return out;
}

// The first line of `segment` (non-blank) that does not occur in `text` from `pos` on, in
// order; the segment's first line when every line occurs but not as one passage.
std::string FirstChangedLine(std::string_view segment, std::string_view text, size_t pos) {
  size_t at = pos;
  for (const auto& line : Split(segment, '\n')) {
    std::string_view l = Trim(line);
    if (l.empty()) continue;
    size_t found = text.find(l, at);
    if (found == std::string_view::npos) return Quote(l);
    at = found + l.size();
  }
  return Quote(segment);
}

}  // namespace

std::string NormaliseReplyText(std::string_view text) {
  std::string lines = NormaliseLines(text);
  return std::string(TrimRight(TrimLeft(lines)));
}

TemplateMatch MatchTemplate(const Rendered& rendered, std::string_view final_text) {
  TemplateMatch out;
  const std::string text = NormaliseReplyText(final_text);
  const std::string draft = NormaliseReplyText(rendered.text);
  out.edited = text != draft;
  out.edit_ratio = EditRatio(draft, text);

  // The non-empty locked segments, each trimmed where it touches a region (and at the ends).
  struct Locked {
    std::string text;
    bool anchored_start = false;  // must be at the start of the text
    bool anchored_end = false;    // must end the text
  };
  std::vector<Locked> locked;
  const auto& segs = rendered.segments;
  for (size_t i = 0; i < segs.size(); ++i) {
    if (segs[i].kind != SegmentKind::kLocked) continue;
    std::string normal = NormaliseLines(segs[i].text);
    std::string_view v = TrimRight(TrimLeft(normal));
    if (v.empty()) continue;
    bool region_before = false, region_after = false;
    for (size_t k = 0; k < i; ++k) region_before |= segs[k].kind == SegmentKind::kEditable;
    for (size_t k = i + 1; k < segs.size(); ++k) region_after |= segs[k].kind == SegmentKind::kEditable;
    locked.push_back({std::string(v), !region_before, !region_after});
  }
  size_t pos = 0;
  for (size_t i = 0; i < locked.size(); ++i) {
    const Locked& l = locked[i];
    bool ok = false;
    size_t found = std::string::npos;
    if (l.anchored_start) {
      ok = text.compare(0, l.text.size(), l.text) == 0;
      found = 0;
      if (ok && l.anchored_end) ok = text.size() == l.text.size();
    } else if (l.anchored_end) {
      ok = text.size() >= pos + l.text.size() &&
           text.compare(text.size() - l.text.size(), l.text.size(), l.text) == 0;
      found = text.size() - l.text.size();
    } else {
      found = text.find(l.text, pos);
      ok = found != std::string::npos;
    }
    if (!ok) {
      out.locked_changed = true;
      out.changed_passage = FirstChangedLine(l.text, text, pos);
      return out;
    }
    pos = found + l.text.size();
  }
  return out;
}

double EditRatio(std::string_view rendered, std::string_view final_text) {
  const std::string a = NormaliseReplyText(rendered);
  const std::string b = NormaliseReplyText(final_text);
  if (a == b) return 0;
  auto ca = CodePoints(a), cb = CodePoints(b);
  const size_t longest = std::max(ca.size(), cb.size());
  if (longest == 0) return 0;
  // The common start and end cost nothing; most edits are local, so this leaves little.
  size_t head = 0;
  while (head < ca.size() && head < cb.size() && ca[head] == cb[head]) ++head;
  size_t tail = 0;
  while (tail < ca.size() - head && tail < cb.size() - head &&
         ca[ca.size() - 1 - tail] == cb[cb.size() - 1 - tail])
    ++tail;
  ca = std::vector<char32_t>(ca.begin() + head, ca.end() - tail);
  cb = std::vector<char32_t>(cb.begin() + head, cb.end() - tail);
  if (ca.size() * cb.size() <= 16'000'000) {
    return static_cast<double>(Levenshtein(ca, cb)) / static_cast<double>(longest);
  }
  std::vector<std::string> la, lb;
  for (const auto& l : Split(a, '\n')) la.push_back(l);
  for (const auto& l : Split(b, '\n')) lb.push_back(l);
  return static_cast<double>(Levenshtein(la, lb)) /
         static_cast<double>(std::max(la.size(), lb.size()));
}

}  // namespace svar::replies
