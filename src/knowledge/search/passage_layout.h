// The one walk over an article's Markdown that decides where passages begin and end, shared
// by SplitPassages (the index's passages, passages.h) and RenderArticleHtml (the article page,
// render.h), so the page's element ids always match the anchors a search hit links to.
// Internal to src/knowledge/search; the rules themselves are described in passages.h.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

#include "knowledge/search/passages.h"

namespace svar::knowledge {

// A Markdown body parsed as GitHub-flavoured Markdown (tables, strikethrough, autolinks,
// tagfilter). Owns the parser (the extension list rendering needs) and the tree.
class MarkdownDocument {
 public:
  explicit MarkdownDocument(std::string_view markdown);
  ~MarkdownDocument();
  MarkdownDocument(const MarkdownDocument&) = delete;
  MarkdownDocument& operator=(const MarkdownDocument&) = delete;

  cmark_node* root() const { return root_; }  // nullptr when parsing failed
  cmark_llist* extensions() const;            // for cmark_render_html

 private:
  cmark_parser* parser_ = nullptr;
  cmark_node* root_ = nullptr;
};

// A top-level block of the document and its place among the passages.
struct PassageBlock {
  cmark_node* node = nullptr;
  int passage = -1;  // ordinal of the passage whose text it is; -1 for headings, rules, HTML
  std::string id;    // the element id the article page gives it ("" none): the anchor of a
                     // heading, or "p<N>" on the first block of numbered passage N
};

struct PassageLayout {
  std::vector<Passage> passages;     // as SplitPassages returns them
  std::vector<PassageBlock> blocks;  // every top-level block, in document order
};

// Lays the document's blocks out into passages. `doc.root()` must not be null.
PassageLayout LayOutPassages(const MarkdownDocument& doc);

}  // namespace svar::knowledge
