#include "knowledge/search/passages.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <map>
#include <mutex>

#include "core/text.h"

namespace svar::knowledge {
namespace {

bool IsType(cmark_node* node, std::string_view name) {
  const char* t = cmark_node_get_type_string(node);
  return t != nullptr && name == t;
}

void AppendText(cmark_node* node, std::string& out) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_CODE_BLOCK: {
      const char* lit = cmark_node_get_literal(node);
      if (lit != nullptr) out += lit;
      return;
    }
    case CMARK_NODE_SOFTBREAK:
      out += ' ';
      return;
    case CMARK_NODE_LINEBREAK:
      out += '\n';
      return;
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_HTML_INLINE:
      return;
    default:
      break;
  }
  bool row = IsType(node, "table_row") || IsType(node, "table_header");
  bool first_cell = true;
  for (cmark_node* c = cmark_node_first_child(node); c != nullptr; c = cmark_node_next(c)) {
    if (row) {
      if (!first_cell) out += " | ";
      first_cell = false;
    }
    AppendText(c, out);
  }
  auto type = cmark_node_get_type(node);
  if (row || type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM ||
      type == CMARK_NODE_HEADING) {
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
}

std::string TrimLines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == '\n' || s[i] == ' ')) ++i;
  return s.substr(i);
}

}  // namespace

std::string HeadingSlug(std::string_view heading) {
  std::string folded = CaseFold(Trim(heading));
  std::string out;
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    if (c >= 0x80) {
      out += folded[i];  // letters of other scripts are kept as they are
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '-';
    }
  }
  return out;
}

std::vector<Passage> SplitPassages(std::string_view markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });

  std::vector<Passage> passages(1);  // the lead
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table"))
    cmark_parser_attach_syntax_extension(parser, table);
  if (cmark_syntax_extension* strike = cmark_find_syntax_extension("strikethrough"))
    cmark_parser_attach_syntax_extension(parser, strike);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  if (doc == nullptr) {
    passages[0].text = std::string(markdown);
    return passages;
  }

  std::map<std::string, int> slug_uses;
  std::string heading;         // current section's heading
  std::string pending_anchor;  // slug for the section's first passage, until it is used
  bool section_open = false;   // a heading was seen and its first passage not yet made
  bool lead_has_paragraph = false;

  auto new_passage = [&]() -> Passage& {
    Passage p;
    p.ordinal = static_cast<int>(passages.size());
    p.heading = heading;
    if (section_open) {
      p.anchor = pending_anchor;
      section_open = false;
    } else {
      p.anchor = "p" + std::to_string(p.ordinal);
    }
    passages.push_back(std::move(p));
    return passages.back();
  };

  bool after_heading = false;
  for (cmark_node* n = cmark_node_first_child(doc); n != nullptr; n = cmark_node_next(n)) {
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HEADING) {
      std::string h;
      AppendText(n, h);
      heading = TrimLines(h);
      std::string slug = HeadingSlug(heading);
      int uses = slug_uses[slug]++;
      pending_anchor = uses == 0 ? slug : slug + "-" + std::to_string(uses);
      if (section_open) new_passage();  // the previous heading had no text: keep it findable
      section_open = true;
      after_heading = true;
      continue;
    }
    if (type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_HTML_BLOCK) continue;
    std::string text;
    AppendText(n, text);
    text = TrimLines(text);
    if (text.empty()) continue;
    bool attachable = type != CMARK_NODE_PARAGRAPH;  // lists, tables, code, quotes
    Passage* target = nullptr;
    if (!after_heading && heading.empty() && !lead_has_paragraph) {
      target = &passages[0];  // the lead: title + first paragraph (+ its lists)
      if (type == CMARK_NODE_PARAGRAPH) lead_has_paragraph = true;
    } else if (attachable && !section_open && passages.size() > 1 &&
               !passages.back().text.empty()) {
      target = &passages.back();
    } else if (attachable && !section_open && !after_heading && heading.empty()) {
      target = &passages[0];
    } else {
      target = &new_passage();
      if (heading.empty()) lead_has_paragraph = true;
    }
    after_heading = false;
    if (!target->text.empty()) target->text += '\n';
    target->text += text;
  }
  if (section_open) new_passage();
  cmark_node_free(doc);
  return passages;
}

}  // namespace svar::knowledge
