// Passages: the parts of an article a search hit can point at.
//
// The Markdown body (GitHub-flavoured, parsed with cmark-gfm) is split at headings into
// sections and each section into passages: a paragraph, with the lists, tables, code blocks
// and quotes that follow it kept with it (a list item or a table row never stands alone).
// A heading's first passage carries the heading's anchor; the others are numbered.
//
// Anchors (what goes after '#' in a link; the article page must emit the same ids):
//   ""        passage 0: the title and the lead paragraph(s) before the first heading
//   "<slug>"  the first passage of a section: GitHub's slug of the heading text (lowercase,
//             spaces to '-', punctuation dropped, letters of every script kept; a repeated
//             slug gets "-1", "-2", ...)
//   "p<N>"    any other passage; N is the passage's ordinal in the article (1-based; passage 0
//             is the lead)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace svar::knowledge {

struct Passage {
  int ordinal = 0;      // 0 for the lead, then 1, 2, ... in reading order
  std::string anchor;   // see above
  std::string heading;  // plain text of the section heading ("" for the lead)
  std::string text;     // plain text: inline markup removed, one line per block/list item/row
};

// Splits a Markdown body into passages. Never fails: unparseable input becomes plain text.
// Passage 0 always exists (it may have empty text when the body starts with a heading).
std::vector<Passage> SplitPassages(std::string_view markdown);

// GitHub-style heading slug: "Reset your password!" -> "reset-your-password".
std::string HeadingSlug(std::string_view heading);

}  // namespace svar::knowledge
