// The article page's HTML: a Markdown body rendered so that search hits can link straight to
// the passage that answers.
#pragma once

#include <string>
#include <string_view>

namespace svar::knowledge {

// Renders GitHub-flavoured Markdown (tables, strikethrough, autolinks) to HTML with
// cmark-gfm in safe mode: raw HTML is not emitted (cmark leaves an "raw HTML omitted"
// comment) and links or images with javascript:, vbscript:, file: or data: URLs (other than
// data: images) get an empty href/src.
//
// Every passage anchor of SplitPassages(markdown) (passages.h) is the id of exactly one
// element: a heading gets id="<anchor>" (its section's first passage), a numbered passage an
// id on its first block (<p id="p3">, <ul id="p4">, ...); the lead (anchor "") is the top of
// the page. The passage boundaries come from the same walk as SplitPassages
// (passage_layout.h), so the two never disagree. Never fails.
std::string RenderArticleHtml(std::string_view markdown);

}  // namespace svar::knowledge
