// Comparing the text an agent sends with the template rendered for the ticket: was locked
// text changed, were the editable regions changed, and how much was edited overall.
//
// Both texts are normalised first: CRLF and CR become LF, trailing spaces and tabs of every
// line are dropped, and the text is trimmed of blank lines and white space at its start and
// end. Each locked segment is trimmed the same way at the sides where it touches an editable
// region (so an agent may add or remove a blank line around their own paragraph). The final
// text keeps the template's locked text when every non-empty locked segment occurs in it
// verbatim and in order, the first one at the very start unless an editable region comes
// before it, and the last one at the very end unless an editable region follows it. The
// editable parts between them are free (they may also be emptied).
#pragma once

#include <string>
#include <string_view>

#include "replies/templates/template_markup.h"

namespace svar::replies {

struct TemplateMatch {
  bool locked_changed = false;
  // The first locked passage that is missing or changed (one line of the template, at most
  // 120 bytes), "" when the locked text is intact.
  std::string changed_passage;
  // True when the final text differs from the rendered draft anywhere (after normalising);
  // with locked_changed false this means an editable region was changed.
  bool edited = false;
  double edit_ratio = 0;  // EditRatio(rendered text, final text)
};

// Line endings and trailing spaces normalised, trimmed (see above).
std::string NormaliseReplyText(std::string_view text);

TemplateMatch MatchTemplate(const Rendered& rendered, std::string_view final_text);

// 0..1: the Levenshtein distance between the two normalised texts, counted in Unicode code
// points (after the common start and end are set aside), divided by the longer length (0 =
// identical, 1 = nothing in common). Texts whose
// product of lengths exceeds 16 million code points are compared line by line instead (the
// distance over lines, divided by the larger line count).
double EditRatio(std::string_view rendered, std::string_view final_text);

}  // namespace svar::replies
