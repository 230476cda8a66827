#include "knowledge/search/render.h"

#include <cmark-gfm.h>

#include <cstdlib>

#include "knowledge/search/passage_layout.h"

namespace svar::knowledge {
namespace {

// CMARK_OPT_SAFE is the default of cmark-gfm 0.29 (unsafe needs CMARK_OPT_UNSAFE); it is
// named here so the intent survives a library that still needs it.
constexpr int kRenderOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE;

void AppendAttribute(std::string_view value, std::string& out) {
  for (char c : value) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
}

// `html` with id="<id>" added to its first element's start tag.
std::string WithId(std::string html, std::string_view id) {
  size_t open = html.find('<');
  if (open == std::string::npos) return html;
  size_t end = open + 1;
  while (end < html.size() && html[end] != ' ' && html[end] != '>' && html[end] != '/' &&
         html[end] != '\n')
    ++end;
  std::string attr = " id=\"";
  AppendAttribute(id, attr);
  attr += '"';
  html.insert(end, attr);
  return html;
}

std::string RenderNode(cmark_node* node, cmark_llist* extensions) {
  char* html = cmark_render_html(node, kRenderOptions, extensions);
  if (html == nullptr) return {};
  std::string out(html);
  std::free(html);
  return out;
}

}  // namespace

std::string RenderArticleHtml(std::string_view markdown) {
  MarkdownDocument doc(markdown);
  if (doc.root() == nullptr) return {};
  PassageLayout layout = LayOutPassages(doc);
  std::string out;
  for (const PassageBlock& block : layout.blocks) {
    std::string html = RenderNode(block.node, doc.extensions());
    out += block.id.empty() ? html : WithId(std::move(html), block.id);
  }
  return out;
}

}  // namespace svar::knowledge
