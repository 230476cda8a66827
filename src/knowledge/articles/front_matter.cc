#include "knowledge/articles/front_matter.h"

#include <optional>
#include <set>

#include "core/text.h"
#include "knowledge/articles/locale.h"

namespace svar::knowledge {
namespace {

enum class Kind { kScalar, kList };

struct FieldSpec {
  const char* name;
  Kind kind;
};
constexpr FieldSpec kFields[] = {
    {"slug", Kind::kScalar},   {"locale", Kind::kScalar},     {"translation_group", Kind::kScalar},
    {"title", Kind::kScalar},  {"category", Kind::kScalar},   {"tags", Kind::kList},
    {"products", Kind::kList}, {"visibility", Kind::kScalar}, {"state", Kind::kScalar},
    {"author", Kind::kScalar},
};
constexpr const char* kAllowedKeys =
    "slug, locale, translation_group, title, category, tags, products, visibility, state, author";

const FieldSpec* FindField(std::string_view name) {
  for (const auto& f : kFields) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

// Characters that start something other than a plain scalar in YAML.
bool IsIndicator(char c) {
  return std::string_view("[]{}#&*!|>'\"%@`,?:-").find(c) != std::string_view::npos;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<uint32_t> Hex(std::string_view s) {
  uint32_t v = 0;
  for (char c : s) {
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= c - '0';
    else if (c >= 'a' && c <= 'f')
      v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      v |= c - 'A' + 10;
    else
      return std::nullopt;
  }
  return v;
}

// Reads one scalar of `line` starting at `pos`; in a flow list it ends at ',' or ']'.
// On success `pos` is just after it (trailing blanks of a plain scalar skipped).
// On failure returns the problem (without file/line).
std::optional<std::string> ReadScalar(std::string_view line, size_t& pos, bool in_flow,
                                      std::string& out) {
  out.clear();
  if (pos >= line.size()) return std::nullopt;
  const char q = line[pos];
  if (q == '"') {
    ++pos;
    while (true) {
      if (pos >= line.size()) return "the double-quoted value has no closing '\"'";
      char c = line[pos++];
      if (c == '"') return std::nullopt;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos >= line.size()) return "the value ends in a lone '\\'";
      char e = line[pos++];
      switch (e) {
        case '\\':
          out += '\\';
          break;
        case '"':
          out += '"';
          break;
        case '/':
          out += '/';
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case '0':
          out += '\0';
          break;
        case 'u':
        case 'U': {
          size_t n = e == 'u' ? 4 : 8;
          auto cp = pos + n <= line.size() ? Hex(line.substr(pos, n)) : std::nullopt;
          if (!cp) return std::string("\\") + e + " needs " + std::to_string(n) + " hex digits";
          pos += n;
          if (e == 'u' && *cp >= 0xD800 && *cp <= 0xDBFF && pos + 6 <= line.size() &&
              line.substr(pos, 2) == "\\u") {
            auto low = Hex(line.substr(pos + 2, 4));
            if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
              *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
              pos += 6;
            }
          }
          if ((*cp >= 0xD800 && *cp <= 0xDFFF) || *cp > 0x10FFFF) {
            return "\\u escape names no character (a lone surrogate or beyond U+10FFFF)";
          }
          AppendUtf8(out, *cp);
          break;
        }
        default:
          return std::string("unknown escape '\\") + e + "'; use \\\\ \\\" \\n \\t \\r \\uXXXX";
      }
    }
  }
  if (q == '\'') {
    ++pos;
    while (true) {
      if (pos >= line.size()) return "the single-quoted value has no closing \"'\"";
      char c = line[pos++];
      if (c == '\'') {
        if (pos < line.size() && line[pos] == '\'') {
          out += '\'';
          ++pos;
          continue;
        }
        return std::nullopt;
      }
      out += c;
    }
  }
  // A plain scalar.
  if (IsIndicator(q) && !(q == '-' && pos + 1 < line.size() && line[pos + 1] != ' ')) {
    return std::string("a plain value cannot start with '") + q + "'; put it in double quotes";
  }
  size_t end = pos;
  while (end < line.size()) {
    char c = line[end];
    if (in_flow && (c == ',' || c == ']' || c == '[' || c == '{' || c == '}')) break;
    if (c == '#' && end > pos && (line[end - 1] == ' ' || line[end - 1] == '\t')) break;
    if (c == ':' && (end + 1 == line.size() || line[end + 1] == ' ')) {
      return "a plain value cannot contain ': ' or end with ':'; put it in double quotes";
    }
    ++end;
  }
  out = std::string(Trim(line.substr(pos, end - pos)));
  pos = end;
  return std::nullopt;
}

size_t SkipBlanks(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

// After a value: nothing but blanks and an optional comment.
bool OnlyCommentLeft(std::string_view s, size_t pos) {
  pos = SkipBlanks(s, pos);
  return pos == s.size() || s[pos] == '#';
}

struct Line {
  int number = 0;
  std::string_view text;  // without "\r\n"
};

class Parser {
 public:
  explicit Parser(std::string_view file) : file_(file) {}

  Error Err(int line, std::string_view field, std::string_view problem) const {
    std::string msg = std::string(file_) + ":" + std::to_string(line) + ": ";
    if (!field.empty()) msg += "field '" + std::string(field) + "': ";
    msg += problem;
    return Error{ErrorCode::kParse, msg};
  }

  Result<ArticleFile> Parse(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    // Split the front matter into lines up to the closing '---'.
    std::vector<Line> lines;
    size_t pos = 0;
    int number = 0;
    bool closed = false;
    std::string_view body;
    while (pos < text.size() || number == 0) {
      size_t nl = text.find('\n', pos);
      size_t end = nl == std::string_view::npos ? text.size() : nl;
      std::string_view l = text.substr(pos, end - pos);
      if (l.ends_with('\r')) l.remove_suffix(1);
      ++number;
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
      const bool fence = Trim(l) == "---" && l.starts_with("---");
      if (number == 1) {
        if (!fence) {
          return Fail(Err(1, "",
                          "the file must start with front matter: a line '---', the "
                          "fields (slug, locale, title, ...), and another line '---'"));
        }
        continue;
      }
      if (fence) {
        closed = true;
        body = text.substr(pos);
        break;
      }
      lines.push_back({number, l});
      if (nl == std::string_view::npos) break;
    }
    if (!closed) {
      return Fail(Err(number, "", "the front matter has no closing line '---' before the body"));
    }
    ArticleFile f;
    f.body = std::string(body);
    SVAR_TRY(ReadFields(lines, f));
    return f;
  }

 private:
  Status ReadFields(const std::vector<Line>& lines, ArticleFile& f) {
    std::set<std::string> seen;
    std::vector<int> key_lines(std::size(kFields), 0);
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& ln = lines[i];
      std::string_view t = ln.text;
      std::string_view trimmed = Trim(t);
      if (trimmed.empty() || trimmed[0] == '#') continue;
      if (t[0] == ' ' || t[0] == '\t' || t[0] == '-') {
        return Fail(Err(ln.number, "",
                        t[0] == '-' || trimmed[0] == '-'
                            ? "a list item '- ...' must follow tags: or products:"
                            : "indented line; fields start at the beginning of a "
                              "line (nested values are not supported)"));
      }
      size_t colon = t.find(':');
      if (colon == std::string_view::npos) {
        return Fail(
            Err(ln.number, "", "expected 'field: value'; fields are " + std::string(kAllowedKeys)));
      }
      std::string key(t.substr(0, colon));
      const FieldSpec* spec = FindField(key);
      if (!spec) {
        return Fail(Err(ln.number, key, "unknown field; allowed are " + std::string(kAllowedKeys)));
      }
      if (!seen.insert(key).second) {
        return Fail(Err(ln.number, key, "given twice; keep one"));
      }
      key_lines[spec - kFields] = ln.number;
      size_t vpos = colon + 1;
      if (vpos < t.size() && t[vpos] != ' ' && t[vpos] != '\t') {
        return Fail(Err(ln.number, key, "put a space after ':'"));
      }
      vpos = SkipBlanks(t, vpos);
      const bool empty = OnlyCommentLeft(t, vpos);
      if (spec->kind == Kind::kList) {
        std::vector<std::string> items;
        if (empty) {
          // Block list: following lines "- item" (indented or not).
          while (i + 1 < lines.size()) {
            std::string_view next = lines[i + 1].text;
            size_t p = SkipBlanks(next, 0);
            if (p >= next.size() || next[p] != '-' || (p + 1 < next.size() && next[p + 1] != ' ')) {
              if (Trim(next).empty() || Trim(next)[0] == '#') {
                ++i;
                continue;
              }
              break;
            }
            ++i;
            p = SkipBlanks(next, p + 1);
            std::string item;
            if (auto e = ReadScalar(next, p, false, item)) {
              return Fail(Err(lines[i].number, key, *e));
            }
            if (!OnlyCommentLeft(next, p)) {
              return Fail(Err(lines[i].number, key, "unexpected text after the quoted item"));
            }
            if (item.empty()) return Fail(Err(lines[i].number, key, "empty list item"));
            items.push_back(std::move(item));
          }
        } else if (t[vpos] == '[') {
          SVAR_ASSIGN(items, ReadFlowList(t, vpos + 1, ln.number, key));
        } else {
          return Fail(Err(ln.number, key, "must be a list: [a, b] or lines '- a' below it"));
        }
        (key == "tags" ? f.tags : f.products) = std::move(items);
        continue;
      }
      std::string value;
      if (!empty) {
        if (t[vpos] == '[') {
          return Fail(Err(ln.number, key, "must be a single value, not a list"));
        }
        if (auto e = ReadScalar(t, vpos, false, value)) return Fail(Err(ln.number, key, *e));
        if (!OnlyCommentLeft(t, vpos)) {
          return Fail(Err(ln.number, key, "unexpected text after the quoted value"));
        }
      } else if (i + 1 < lines.size() && Trim(lines[i + 1].text).starts_with("- ")) {
        return Fail(Err(ln.number, key, "must be a single value, not a list"));
      }
      SVAR_TRY(Assign(f, key, std::move(value), ln.number));
    }
    auto line_of = [&](const char* name) { return key_lines[FindField(name) - kFields]; };
    for (const char* required : {"slug", "locale", "title"}) {
      if (!seen.contains(required)) {
        return Fail(Err(lines.empty() ? 1 : lines.back().number + 1, required,
                        "missing; every article file needs slug, locale and title"));
      }
    }
    if (Trim(f.title).empty()) return Fail(Err(line_of("title"), "title", "is empty"));
    if (f.translation_group.empty()) f.translation_group = f.slug;
    return Ok();
  }

  Result<std::vector<std::string>> ReadFlowList(std::string_view t, size_t pos, int line,
                                                const std::string& key) {
    std::vector<std::string> items;
    pos = SkipBlanks(t, pos);
    if (pos < t.size() && t[pos] == ']') {
      if (!OnlyCommentLeft(t, pos + 1)) return Fail(Err(line, key, "unexpected text after ']'"));
      return items;
    }
    while (true) {
      pos = SkipBlanks(t, pos);
      std::string item;
      if (auto e = ReadScalar(t, pos, true, item)) return Fail(Err(line, key, *e));
      if (item.empty()) return Fail(Err(line, key, "empty list item"));
      items.push_back(std::move(item));
      pos = SkipBlanks(t, pos);
      if (pos >= t.size()) {
        return Fail(Err(line, key, "the list has no closing ']' (lists stay on one line)"));
      }
      if (t[pos] == ',') {
        ++pos;
        continue;
      }
      if (t[pos] == ']') {
        if (!OnlyCommentLeft(t, pos + 1)) {
          return Fail(Err(line, key, "unexpected text after ']'"));
        }
        return items;
      }
      return Fail(Err(line, key,
                      std::string("unexpected '") + t[pos] +
                          "' in the list; separate items with ',' and quote items "
                          "that contain , [ ] { }"));
    }
  }

  Status Assign(ArticleFile& f, const std::string& key, std::string value, int line) {
    auto rule = [&](const Status& s) -> Status {
      if (!s) return Fail(Err(line, key, s.error().message));
      return Ok();
    };
    if (key == "slug") {
      SVAR_TRY(rule(ValidateSlug(value)));
      f.slug = std::move(value);
    } else if (key == "locale") {
      auto loc = NormaliseLocale(value);
      if (!loc) return Fail(Err(line, key, loc.error().message));
      f.locale = *loc;
    } else if (key == "translation_group") {
      SVAR_TRY(rule(ValidateSlug(value, "translation_group")));
      f.translation_group = std::move(value);
    } else if (key == "title") {
      f.title = std::move(value);
    } else if (key == "category") {
      f.category = std::move(value);
    } else if (key == "visibility") {
      if (value != kPublic && value != kInternal) {
        return Fail(Err(line, key, "'" + value + "' is not allowed; use public or internal"));
      }
      f.visibility = std::move(value);
    } else if (key == "state") {
      if (value != kDraft && value != kInReview && value != kPublished && value != kArchived) {
        return Fail(Err(line, key,
                        "'" + value +
                            "' is not allowed; use draft, in_review, published or "
                            "archived"));
      }
      f.state = std::move(value);
    } else if (key == "author") {
      f.author = std::move(value);
    }
    return Ok();
  }

  std::string_view file_;
};

// Would a YAML reader (ours or another) read `s` back unchanged as a plain string?
bool PlainIsSafe(std::string_view s, bool in_list) {
  if (s.empty() || s != Trim(s)) return false;
  if (IsIndicator(s[0])) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c < 0x20 || c == 0x7f) return false;
    if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return false;
    if (c == '#' && i > 0 && s[i - 1] == ' ') return false;
    if (in_list && std::string_view(",[]{}").find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
  }
  // Words and numbers other YAML readers would not read as strings.
  static const std::set<std::string> kReserved = {"true", "false", "yes", "no", "on",
                                                  "off",  "null",  "~",   "y",  "n"};
  if (kReserved.contains(AsciiLower(s))) return false;
  if (s.find_first_not_of("0123456789.+-eE_xXoO") == std::string_view::npos) return false;
  return true;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          static const char* kHex = "0123456789ABCDEF";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string Scalar(std::string_view s, bool in_list = false) {
  return PlainIsSafe(s, in_list) ? std::string(s) : Quote(s);
}

std::string List(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += Scalar(items[i], true);
  }
  return out + "]";
}

}  // namespace

Result<ArticleFile> ParseArticleFile(std::string_view text, std::string_view file_name) {
  if (!IsValidUtf8(text)) {
    return Fail(ErrorCode::kParse, std::string(file_name) + ": not valid UTF-8; save it as UTF-8");
  }
  return Parser(file_name).Parse(text);
}

std::string FormatArticleFile(const ArticleFile& f) {
  std::string out = "---\n";
  out += "slug: " + Scalar(f.slug) + "\n";
  out += "locale: " + Scalar(f.locale) + "\n";
  out +=
      "translation_group: " + Scalar(f.translation_group.empty() ? f.slug : f.translation_group) +
      "\n";
  out += "title: " + Scalar(f.title) + "\n";
  out += "category: " + (f.category.empty() ? std::string("\"\"") : Scalar(f.category)) + "\n";
  out += "tags: " + List(f.tags) + "\n";
  out += "products: " + List(f.products) + "\n";
  out += "visibility: " + Scalar(f.visibility) + "\n";
  if (!f.state.empty()) out += "state: " + Scalar(f.state) + "\n";
  if (!f.author.empty()) out += "author: " + Scalar(f.author) + "\n";
  out += "---\n";
  out += f.body;
  return out;
}

}  // namespace svar::knowledge
