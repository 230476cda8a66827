#include "replies/templates/template_markup.h"

#include <algorithm>
#include <ctime>

#include "core/text.h"

namespace svar::replies {
namespace {

std::string LinePrefix(int line) { return "line " + std::to_string(line) + ": "; }

std::string KnownList() {
  std::string out;
  for (auto name : KnownPlaceholders()) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

bool IsRegionName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_';
  });
}

int CountLines(std::string_view s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

const std::vector<std::string_view>& KnownPlaceholders() {
  static const std::vector<std::string_view> kNames = {
      "customer.name", "customer.first_name", "customer.email", "ticket.ref",
      "ticket.subject", "agent.name",         "agent.email",    "product",
      "due_date",      "desk.name"};
  return kNames;
}

Result<ParsedTemplate> ParseTemplate(std::string_view body) {
  if (!IsValidUtf8(body))
    return Fail(ErrorCode::kInvalidArgument,
                "the template body is not valid UTF-8; save it as UTF-8 text");
  if (Trim(body).empty())
    return Fail(ErrorCode::kInvalidArgument, "the template body is empty; write the answer text");
  ParsedTemplate out;
  int line = 1;
  std::optional<std::pair<std::string, int>> open;  // region name, line
  size_t pos = 0;
  auto add_text = [&](std::string_view text) {
    if (text.empty()) return;
    out.pieces.push_back({PieceKind::kText, std::string(text), line});
    line += CountLines(text);
  };
  while (pos < body.size()) {
    size_t start = body.find("{{", pos);
    if (start == std::string_view::npos) {
      add_text(body.substr(pos));
      break;
    }
    add_text(body.substr(pos, start - pos));
    size_t end = body.find("}}", start + 2);
    size_t next_open = body.find("{{", start + 2);
    if (end == std::string_view::npos || (next_open != std::string_view::npos && next_open < end))
      return Fail(ErrorCode::kInvalidArgument,
                  LinePrefix(line) + "\"{{\" is not closed with \"}}\"; write markup as "
                                     "{{ticket.ref}} or {{#editable NAME}}");
    std::string_view inner_raw = body.substr(start + 2, end - start - 2);
    if (inner_raw.find('\n') != std::string_view::npos)
      return Fail(ErrorCode::kInvalidArgument,
                  LinePrefix(line) + "markup \"{{" + std::string(Trim(inner_raw.substr(0, 40))) +
                      "...\" spans lines; close it with \"}}\" on the same line");
    std::string_view inner = Trim(inner_raw);
    if (inner.starts_with('#')) {
      std::string_view rest = Trim(inner.substr(1));
      size_t sp = rest.find_first_of(" \t");
      std::string_view keyword = rest.substr(0, sp);
      std::string_view name = sp == std::string_view::npos ? "" : Trim(rest.substr(sp));
      if (keyword != "editable")
        return Fail(ErrorCode::kInvalidArgument,
                    LinePrefix(line) + "unknown block {{#" + std::string(keyword) +
                        "}}; the only block is {{#editable NAME}} ... {{/editable}}");
      if (!IsRegionName(name))
        return Fail(ErrorCode::kInvalidArgument,
                    LinePrefix(line) + "the editable region needs a name of letters, digits, - "
                                       "or _: {{#editable greeting}} (got \"" +
                        std::string(name) + "\")");
      if (open)
        return Fail(ErrorCode::kInvalidArgument,
                    LinePrefix(line) + "editable region \"" + std::string(name) +
                        "\" inside region \"" + open->first + "\" (opened on line " +
                        std::to_string(open->second) + "): regions do not nest; close \"" +
                        open->first + "\" with {{/editable}} first");
      if (std::find(out.regions.begin(), out.regions.end(), name) != out.regions.end())
        return Fail(ErrorCode::kInvalidArgument,
                    LinePrefix(line) + "a second editable region named \"" + std::string(name) +
                        "\"; give each region its own name");
      open = std::make_pair(std::string(name), line);
      out.regions.emplace_back(name);
      out.pieces.push_back({PieceKind::kRegionStart, std::string(name), line});
    } else if (inner.starts_with('/')) {
      std::string_view keyword = Trim(inner.substr(1));
      if (keyword != "editable")
        return Fail(ErrorCode::kInvalidArgument,
                    LinePrefix(line) + "unknown closing {{/" + std::string(keyword) +
                        "}}; close a region with {{/editable}}");
      if (!open)
        return Fail(ErrorCode::kInvalidArgument,
                    LinePrefix(line) + "{{/editable}} without an open region; remove it or add "
                                       "{{#editable NAME}} before it");
      open.reset();
      out.pieces.push_back({PieceKind::kRegionEnd, "", line});
    } else {
      const auto& known = KnownPlaceholders();
      if (std::find(known.begin(), known.end(), inner) == known.end())
        return Fail(ErrorCode::kInvalidArgument,
                    LinePrefix(line) + "unknown placeholder {{" + std::string(inner) +
                        "}}; known: " + KnownList());
      out.pieces.push_back({PieceKind::kPlaceholder, std::string(inner), line});
      if (std::find(out.placeholders.begin(), out.placeholders.end(), inner) ==
          out.placeholders.end())
        out.placeholders.emplace_back(inner);
    }
    pos = end + 2;
  }
  if (open)
    return Fail(ErrorCode::kInvalidArgument,
                LinePrefix(open->second) + "the editable region \"" + open->first +
                    "\" opened here is never closed; add {{/editable}} where it ends");
  return out;
}

Rendered RenderTemplate(const ParsedTemplate& parsed, const RenderValues& values) {
  Rendered out;
  out.segments.push_back({SegmentKind::kLocked, "", ""});
  for (const auto& piece : parsed.pieces) {
    switch (piece.kind) {
      case PieceKind::kText:
        out.segments.back().text += piece.value;
        break;
      case PieceKind::kPlaceholder: {
        auto it = values.values.find(piece.value);
        if (it == values.values.end() || it->second.empty()) {
          if (std::find(out.missing.begin(), out.missing.end(), piece.value) == out.missing.end())
            out.missing.push_back(piece.value);
        } else {
          out.segments.back().text += it->second;
        }
        break;
      }
      case PieceKind::kRegionStart:
        out.segments.push_back({SegmentKind::kEditable, piece.value, ""});
        break;
      case PieceKind::kRegionEnd:
        out.segments.push_back({SegmentKind::kLocked, "", ""});
        break;
    }
  }
  // Drop empty locked text between two regions (kept at the start and end).
  std::vector<Segment> kept;
  for (size_t i = 0; i < out.segments.size(); ++i) {
    const auto& s = out.segments[i];
    bool edge = i == 0 || i + 1 == out.segments.size();
    if (s.kind == SegmentKind::kLocked && s.text.empty() && !edge) continue;
    kept.push_back(s);
  }
  out.segments = std::move(kept);
  for (const auto& s : out.segments) out.text += s.text;
  return out;
}

std::string PlainWords(const ParsedTemplate& parsed) {
  std::string out;
  for (const auto& piece : parsed.pieces) {
    if (piece.kind == PieceKind::kText) out += piece.value;
    else out += ' ';
  }
  return out;
}

std::string FormatDueDate(int64_t unix_seconds, std::string_view language) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  const int day = tm.tm_mday, month = tm.tm_mon, year = tm.tm_year + 1900;
  static const char* kDa[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                              "juli",   "august",  "september", "oktober", "november", "december"};
  static const char* kNb[] = {"januar", "februar", "mars",      "april",   "mai",      "juni",
                              "juli",   "august",  "september", "oktober", "november", "desember"};
  static const char* kSv[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                              "juli",    "augusti",  "september", "oktober", "november", "december"};
  static const char* kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                              "July",    "August",   "September", "October", "November", "December"};
  std::string lang = AsciiLower(language.substr(0, 2));
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (lang == "da") return std::to_string(day) + ". " + kDa[month] + " " + std::to_string(year);
  if (lang == "nb" || lang == "no" || lang == "nn")
    return std::to_string(day) + ". " + kNb[month] + " " + std::to_string(year);
  if (lang == "sv") return std::to_string(day) + " " + kSv[month] + " " + std::to_string(year);
  if (lang == "ru") return two(day) + "." + two(month + 1) + "." + std::to_string(year);
  if (lang == "zh")
    return std::to_string(year) + "年" + std::to_string(month + 1) + "月" + std::to_string(day) +
           "日";
  return std::to_string(day) + " " + kEn[month] + " " + std::to_string(year);
}

}  // namespace svar::replies
