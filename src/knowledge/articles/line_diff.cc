#include "knowledge/articles/line_diff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace svar::knowledge {
namespace {

constexpr size_t kContext = 3;
constexpr size_t kMaxLcsCells = 4'000'000;

struct Line {
  std::string_view text;  // without '\n'
  bool newline = true;    // false for a last line without '\n'
  bool operator==(const Line& o) const { return text == o.text && newline == o.newline; }
};

std::vector<Line> SplitLines(std::string_view s) {
  std::vector<Line> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back({s.substr(start), false});
      break;
    }
    out.push_back({s.substr(start, nl - start), true});
    start = nl + 1;
  }
  return out;
}

enum class Op { kKeep, kDel, kAdd };
struct Edit {
  Op op;
  size_t a;  // index in before (kKeep, kDel)
  size_t b;  // index in after (kKeep, kAdd)
};

// Edit script between a[lo_a, hi_a) and b[lo_b, hi_b).
void AlignMiddle(const std::vector<Line>& a, const std::vector<Line>& b, size_t lo_a, size_t hi_a,
                 size_t lo_b, size_t hi_b, std::vector<Edit>& out) {
  const size_t n = hi_a - lo_a, m = hi_b - lo_b;
  if (n == 0 || m == 0 || (n + 1) * (m + 1) > kMaxLcsCells) {
    for (size_t i = lo_a; i < hi_a; ++i) out.push_back({Op::kDel, i, lo_b});
    for (size_t j = lo_b; j < hi_b; ++j) out.push_back({Op::kAdd, hi_a, j});
    return;
  }
  // lcs[i][j]: LCS length of a[lo_a+i..hi_a) and b[lo_b+j..hi_b).
  std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) =
          a[lo_a + i] == b[lo_b + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[lo_a + i] == b[lo_b + j]) {
      out.push_back({Op::kKeep, lo_a + i, lo_b + j});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      out.push_back({Op::kDel, lo_a + i, lo_b + j});  // removals before additions, as diff
      ++i;
    } else {
      out.push_back({Op::kAdd, lo_a + i, lo_b + j});
      ++j;
    }
  }
}

void AppendLine(std::string& out, char mark, const Line& line) {
  out += mark;
  out += line.text;
  out += '\n';
  if (!line.newline) out += "\\ No newline at end of file\n";
}

std::string Range(size_t start, size_t count) {
  // diff -u: "l,s"; a count of 1 is omitted; an empty range names the line before it.
  if (count == 0) return std::to_string(start) + ",0";
  if (count == 1) return std::to_string(start + 1);
  return std::to_string(start + 1) + "," + std::to_string(count);
}

}  // namespace

std::string UnifiedDiff(std::string_view before, std::string_view after,
                        std::string_view before_label, std::string_view after_label) {
  if (before == after) return "";
  const std::vector<Line> a = SplitLines(before), b = SplitLines(after);
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
    ++suf;
  }
  std::vector<Edit> edits;
  for (size_t i = 0; i < pre; ++i) edits.push_back({Op::kKeep, i, i});
  AlignMiddle(a, b, pre, a.size() - suf, pre, b.size() - suf, edits);
  for (size_t k = suf; k-- > 0;) {
    edits.push_back({Op::kKeep, a.size() - 1 - k, b.size() - 1 - k});
  }

  std::string out = "--- " + std::string(before_label) + "\n+++ " + std::string(after_label) + "\n";
  size_t e = 0;
  while (e < edits.size()) {
    // Find the next change.
    while (e < edits.size() && edits[e].op == Op::kKeep) ++e;
    if (e == edits.size()) break;
    size_t start = e >= kContext ? e - kContext : 0;
    // Extend the hunk while changes are at most 2*context keeps apart.
    size_t end = e;
    while (true) {
      while (end < edits.size() && edits[end].op != Op::kKeep) ++end;
      size_t keeps = 0;
      size_t probe = end;
      while (probe < edits.size() && edits[probe].op == Op::kKeep) ++probe, ++keeps;
      if (probe < edits.size() && keeps <= 2 * kContext) {
        end = probe;
        continue;
      }
      end = std::min(edits.size(), end + kContext);
      break;
    }
    size_t a_start = edits[start].a, b_start = edits[start].b, a_count = 0, b_count = 0;
    std::string body;
    for (size_t k = start; k < end; ++k) {
      const Edit& ed = edits[k];
      switch (ed.op) {
        case Op::kKeep:
          AppendLine(body, ' ', a[ed.a]);
          ++a_count, ++b_count;
          break;
        case Op::kDel:
          AppendLine(body, '-', a[ed.a]);
          ++a_count;
          break;
        case Op::kAdd:
          AppendLine(body, '+', b[ed.b]);
          ++b_count;
          break;
      }
    }
    out += "@@ -" + Range(a_start, a_count) + " +" + Range(b_start, b_count) + " @@\n" + body;
    e = end;
  }
  return out;
}

}  // namespace svar::knowledge
