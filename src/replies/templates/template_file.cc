#include "replies/templates/template_file.h"

#include "core/text.h"
#include "replies/templates/template_markup.h"

namespace svar::replies {

Result<NewTemplate> ParseTemplateFile(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM
  auto first_end = text.find('\n');
  if (Trim(text.substr(0, first_end)) != "---")
    return Fail(ErrorCode::kInvalidArgument,
                "line 1: a template file starts with front matter: a line \"---\", then name:, "
                "language: and category:, then \"---\" and the body");
  NewTemplate t;
  size_t pos = first_end == std::string_view::npos ? text.size() : first_end + 1;
  int line = 1;
  bool closed = false;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view l = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    ++line;
    pos = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view s = Trim(l);
    if (s == "---") {
      closed = true;
      break;
    }
    if (s.empty() || s.starts_with('#')) continue;
    size_t colon = s.find(':');
    if (colon == std::string_view::npos)
      return Fail(ErrorCode::kInvalidArgument,
                  "line " + std::to_string(line) + ": \"" + std::string(s) +
                      "\" is not \"key: value\" (keys: name, category, language, comment)");
    std::string key(Trim(s.substr(0, colon)));
    std::string value(Trim(s.substr(colon + 1)));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    if (key == "name") t.name = value;
    else if (key == "category") t.category = value;
    else if (key == "language") t.language = value;
    else if (key == "comment") t.comment = value;
    else
      return Fail(ErrorCode::kInvalidArgument,
                  "line " + std::to_string(line) + ": unknown key \"" + key +
                      "\"; use name, category, language or comment");
  }
  if (!closed)
    return Fail(ErrorCode::kInvalidArgument,
                "the front matter is not closed; add a line \"---\" before the body");
  if (t.name.empty())
    return Fail(ErrorCode::kInvalidArgument, "the front matter has no name:; add e.g. \"name: refund\"");
  if (t.language.empty())
    return Fail(ErrorCode::kInvalidArgument,
                "the front matter has no language:; add e.g. \"language: da\"");
  t.body = std::string(text.substr(pos));
  auto parsed = ParseTemplate(t.body);
  if (!parsed) {
    // "line N: ..." counts body lines; make it the file's line.
    std::string msg = parsed.error().message;
    if (msg.starts_with("line ")) {
      size_t colon = msg.find(':');
      int body_line = std::atoi(msg.substr(5, colon - 5).c_str());
      msg = "line " + std::to_string(body_line + line) + msg.substr(colon);
    }
    return Fail(ErrorCode::kInvalidArgument, msg);
  }
  return t;
}

}  // namespace svar::replies
