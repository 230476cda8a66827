#include "mail/quote_split.h"

#include <vector>

#include "core/text.h"

namespace svar::mail {
namespace {

using Lines = std::vector<std::string_view>;

Lines SplitLines(std::string_view s) {
  Lines lines;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    std::string_view line = s.substr(start, nl == std::string_view::npos ? s.npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// StartsWithIgnoreCase without the calls into the C library (the process stays in the "C"
// locale, where tolower changes ASCII letters only); it runs for every line.
bool StartsWithNoCase(std::string_view t, std::string_view label) {
  if (t.size() < label.size()) return false;
  for (size_t i = 0; i < label.size(); ++i)
    if (LowerAscii(t[i]) != LowerAscii(label[i])) return false;
  return true;
}

bool EndsWithColon(std::string_view t) {
  return t.ends_with(":") || t.ends_with("\xEF\xBC\x9A");  // ':' or fullwidth '：'
}

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

// A reply attribution, given as one line (or two joined lines).
bool IsAttributionText(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.size() < 6 || t.size() > 400 || !EndsWithColon(t)) return false;
  std::string lower = AsciiLower(t);
  struct Form { std::string_view start, verb; };
  static constexpr Form kForms[] = {
      {"on ", "wrote"},   {"den ", "skrev"},      {"am ", "schrieb"},   {"le ", "a \xC3\xA9""crit"},
      {"el ", "escribi\xC3\xB3"}, {"op ", "schreef"}, {"il ", "scritto"}, {"em ", "escreveu"},
      {"w dniu ", "napisa"}};
  for (const auto& f : kForms) {
    if (lower.starts_with(f.start) && Contains(lower, f.verb)) return true;
  }
  // Russian "... написал(а):" / "... пишет:", Chinese "... 写道：" (any word order).
  if (Contains(t, "\xD0\xBD\xD0\xB0\xD0\xBF\xD0\xB8\xD1\x81\xD0\xB0\xD0\xBB") ||  // написал
      Contains(t, "\xD0\xBF\xD0\xB8\xD1\x88\xD0\xB5\xD1\x82") ||                  // пишет
      Contains(t, "\xE5\x86\x99\xE9\x81\x93") || Contains(t, "\xE5\xAF\xAB\xE9\x81\x93"))  // 写道 寫道
    return true;
  // Gmail in Norwegian and others: "tir. 5. mar. 2024 kl. 10:00 skrev Anna <a@b.no>:".
  if ((Contains(lower, " skrev ") || Contains(lower, " schrieb ")) && Contains(lower, "@"))
    return true;
  // "... <someone@example.com> wrote:" in any position.
  if (lower.ends_with("wrote:") && (Contains(lower, "@") || Contains(lower, ",")))
    return true;
  return false;
}

constexpr std::string_view kJoinStarts[] = {"on ", "den ", "am ", "le ", "el "};

// Would `first` + " " + anything start with one of kJoinStarts (case-insensitive)? Checked
// before building the joined, lowercased pair of lines, which most lines never need.
bool MayStartAttribution(std::string_view first) {
  for (auto s : kJoinStarts) {
    std::string_view word = s.substr(0, s.size() - 1);  // without the space
    if (first.size() == word.size() ? StartsWithNoCase(first, word)
                                    : StartsWithNoCase(first, s))
      return true;
  }
  return false;
}

// Lines the attribution at i spans (1 or 2), or 0.
int AttributionAt(const Lines& lines, size_t i) {
  if (IsAttributionText(lines[i])) return 1;
  if (i + 1 < lines.size() && !IsBlank(lines[i]) && !IsBlank(lines[i + 1]) &&
      Trim(lines[i]).size() < 200 && MayStartAttribution(Trim(lines[i]))) {
    std::string joined(Trim(lines[i]));
    joined += ' ';
    joined += Trim(lines[i + 1]);
    std::string lower = AsciiLower(joined);
    // Only join when the first line looks like the start of an attribution.
    for (auto s : kJoinStarts)
      if (lower.starts_with(s) && IsAttributionText(joined)) return 2;
  }
  return 0;
}

bool IsSeparator(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.size() >= 10 && t.find_first_not_of('_') == std::string_view::npos) return true;
  if (!(t.starts_with("---") || t.starts_with("\xE2\x80\x94")) || t.size() > 120) return false;
  std::string lower = AsciiLower(t);
  static constexpr std::string_view kPhrases[] = {
      "original message", "ursprüngliche nachricht", "oprindelig meddelelse",
      "ursprungligt meddelande", "opprinnelig melding", "message d'origine", "mensaje original",
      "mensagem original", "messaggio originale", "oorspronkelijk bericht",
      "alkuperäinen viesti",
      "\xD0\x98\xD1\x81\xD1\x85\xD0\xBE\xD0\xB4\xD0\xBD\xD0\xBE\xD0\xB5",  // Исходное
      "\xE5\x8E\x9F\xE5\xA7\x8B\xE9\x82\xAE\xE4\xBB\xB6",                  // 原始邮件
      "\xE5\x8E\x9F\xE5\xA7\x8B\xE9\x83\xB5\xE4\xBB\xB6"};                 // 原始郵件
  for (auto p : kPhrases)
    if (Contains(lower, p)) return true;
  return false;
}

std::string_view StripStars(std::string_view t) {
  while (!t.empty() && (t.front() == '*' || t.front() == ' ')) t.remove_prefix(1);
  return t;
}

bool StartsWithAny(std::string_view t, std::initializer_list<std::string_view> labels) {
  if (t.empty()) return false;
  const char first = LowerAscii(t[0]);
  for (auto l : labels)
    if (LowerAscii(l[0]) == first && StartsWithNoCase(t, l)) return true;
  return false;
}

// An Outlook reply header block: "From:" then, within four lines, "Sent:" (or translations).
bool IsHeaderBlock(const Lines& lines, size_t i) {
  std::string_view t = StripStars(Trim(lines[i]));
  if (!StartsWithAny(t, {"From:", "Fra:", "Fr\xC3\xA5n:", "Von:", "De :", "De:",
                         "\xD0\x9E\xD1\x82:", "\xE5\x8F\x91\xE4\xBB\xB6\xE4\xBA\xBA",
                         "\xE5\xAF\x84\xE4\xBB\xB6\xE8\x80\x85"}))
    return false;
  for (size_t k = i + 1; k < lines.size() && k <= i + 4; ++k) {
    std::string_view n = StripStars(Trim(lines[k]));
    if (StartsWithAny(n, {"Sent:", "Sendt:", "Skickat:", "Gesendet:", "Envoy\xC3\xA9 :",
                          "Envoy\xC3\xA9:", "Enviado:", "Verzonden:",
                          "\xD0\x9E\xD1\x82\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE:",
                          "\xE5\x8F\x91\xE9\x80\x81\xE6\x97\xB6\xE9\x97\xB4"}))
      return true;
  }
  return false;
}

bool IsQuoteLine(std::string_view line) { return line.starts_with(">"); }

size_t FindQuoteStart(const Lines& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsQuoteLine(lines[i]) || AttributionAt(lines, i) > 0 || IsSeparator(lines[i]) ||
        IsHeaderBlock(lines, i))
      return i;
  }
  return lines.size();
}

bool IsMobileFooter(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.empty() || t.size() > 100) return false;
  return StartsWithAny(t, {"Sent from my ", "Sendt fra min ", "Skickat fr\xC3\xA5n min ",
                           "Sendt fra ", "Skickat fr\xC3\xA5n ", "Sent from Mail for Windows",
                           "Sent from Outlook", "Get Outlook for ", "Von meinem ",
                           "Gesendet von meinem ", "Envoy\xC3\xA9 de mon ", "Enviado desde mi ",
                           "Sent with ProtonMail", "Sent from Yahoo Mail",
                           "\xD0\x9E\xD1\x82\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE \xD1\x81 ",
                           "\xE5\x8F\x91\xE8\x87\xAA\xE6\x88\x91\xE7\x9A\x84"});
}

// Signature start in [0, end), or end.
size_t FindSignatureStart(const Lines& lines, size_t end) {
  for (size_t i = 0; i < end; ++i) {
    if (lines[i] == "-- " || lines[i] == "--") return i;
  }
  for (size_t i = 0; i < end; ++i) {
    if (!IsMobileFooter(lines[i])) continue;
    int after = 0;
    for (size_t k = i + 1; k < end; ++k)
      if (!IsBlank(lines[k])) ++after;
    if (after <= 2) return i;
  }
  return end;
}

std::string JoinTrimmed(const Lines& lines, size_t from, size_t to) {
  while (from < to && IsBlank(lines[from])) ++from;
  while (to > from && IsBlank(lines[to - 1])) --to;
  std::string out;
  for (size_t i = from; i < to; ++i) {
    std::string_view l = lines[i];
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t') && l != "-- ") l.remove_suffix(1);
    out += l;
    out += '\n';
  }
  return out;
}

SplitText SplitLinesInto(const Lines& lines, int recursion) {
  SplitText out;
  size_t q = FindQuoteStart(lines);
  bool leading_blank = true;
  for (size_t i = 0; i < q; ++i)
    if (!IsBlank(lines[i])) { leading_blank = false; break; }
  if (leading_blank && q < lines.size() && recursion < 4 &&
      (IsQuoteLine(lines[q]) || AttributionAt(lines, q) > 0)) {
    // Bottom posting: the new text follows the leading quote block.
    size_t e = q + static_cast<size_t>(std::max(AttributionAt(lines, q), 0));
    while (e < lines.size() && (IsQuoteLine(lines[e]) || IsBlank(lines[e]))) ++e;
    if (e < lines.size()) {
      Lines rest(lines.begin() + static_cast<long>(e), lines.end());
      SplitText tail = SplitLinesInto(rest, recursion + 1);
      out.text = std::move(tail.text);
      out.signature = std::move(tail.signature);
      out.quoted = JoinTrimmed(lines, q, e) + tail.quoted;
      return out;
    }
  }
  size_t s = FindSignatureStart(lines, q);
  out.text = JoinTrimmed(lines, 0, s);
  out.signature = JoinTrimmed(lines, s, q);
  out.quoted = JoinTrimmed(lines, q, lines.size());
  return out;
}

}  // namespace

SplitText SplitQuotes(std::string_view body) { return SplitLinesInto(SplitLines(body), 0); }

}  // namespace svar::mail
