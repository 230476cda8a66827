#include "knowledge/search/passages.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <map>
#include <mutex>

#include "core/text.h"
#include "knowledge/search/passage_layout.h"

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

MarkdownDocument::MarkdownDocument(std::string_view markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  parser_ = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser_, ext);
  cmark_parser_feed(parser_, markdown.data(), markdown.size());
  root_ = cmark_parser_finish(parser_);
}

MarkdownDocument::~MarkdownDocument() {
  if (root_ != nullptr) cmark_node_free(root_);
  if (parser_ != nullptr) cmark_parser_free(parser_);
}

cmark_llist* MarkdownDocument::extensions() const {
  return cmark_parser_get_syntax_extensions(parser_);
}

PassageLayout LayOutPassages(const MarkdownDocument& doc) {
  PassageLayout layout;
  std::vector<Passage>& passages = layout.passages;
  passages.resize(1);  // the lead

  std::map<std::string, int> slug_uses;
  std::string heading;         // current section's heading
  std::string pending_anchor;  // slug for the section's first passage, until it is used
  bool section_open = false;   // a heading was seen and its first passage not yet made
  bool lead_has_paragraph = false;

  // Starts a passage; returns the id its first block gets on the page ("" when the section's
  // heading carries the anchor).
  auto new_passage = [&]() -> std::string {
    Passage p;
    p.ordinal = static_cast<int>(passages.size());
    p.heading = heading;
    std::string id;
    if (section_open) {
      p.anchor = pending_anchor;
      section_open = false;
    } else {
      p.anchor = "p" + std::to_string(p.ordinal);
      id = p.anchor;
    }
    passages.push_back(std::move(p));
    return id;
  };

  bool after_heading = false;
  for (cmark_node* n = cmark_node_first_child(doc.root()); n != nullptr; n = cmark_node_next(n)) {
    PassageBlock block;
    block.node = n;
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HEADING) {
      // The previous heading had no text: it still gets its (empty) passage, so it stays
      // findable by its heading.
      if (section_open) new_passage();
      std::string h;
      AppendText(n, h);
      heading = TrimLines(h);
      std::string slug = HeadingSlug(heading);
      int uses = slug_uses[slug]++;
      pending_anchor = uses == 0 ? slug : slug + "-" + std::to_string(uses);
      block.id = pending_anchor;
      section_open = true;
      after_heading = true;
      layout.blocks.push_back(std::move(block));
      continue;
    }
    std::string text;
    if (type != CMARK_NODE_THEMATIC_BREAK && type != CMARK_NODE_HTML_BLOCK) {
      AppendText(n, text);
      text = TrimLines(text);
    }
    if (text.empty()) {
      layout.blocks.push_back(std::move(block));
      continue;
    }
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
      block.id = new_passage();
      target = &passages.back();
      if (heading.empty()) lead_has_paragraph = true;
    }
    after_heading = false;
    block.passage = target->ordinal;
    if (!target->text.empty()) target->text += '\n';
    target->text += text;
    layout.blocks.push_back(std::move(block));
  }
  if (section_open) new_passage();
  return layout;
}

std::vector<Passage> SplitPassages(std::string_view markdown) {
  MarkdownDocument doc(markdown);
  if (doc.root() == nullptr) {
    std::vector<Passage> passages(1);
    passages[0].text = std::string(markdown);
    return passages;
  }
  return LayOutPassages(doc).passages;
}

}  // namespace svar::knowledge
