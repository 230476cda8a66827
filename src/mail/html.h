// HTML bodies: readable plain text, and a sanitised copy safe to show (allow-list walker on
// gumbo). Both take UTF-8 HTML and honour the deadline (kTimeout).
#pragma once

#include <string>
#include <string_view>

#include "core/deadline.h"
#include "core/result.h"

namespace svar::mail {

// Readable text: paragraphs and <br> become line breaks, lists "- item" / "1. item", links
// "text (url)" (just "url" when the text is the url), headings and table rows on their own
// lines (cells joined by " | "), script/style/head skipped, entities decoded, white space
// collapsed. Quoted history (<blockquote>, div.gmail_quote, div#divRplyFwdMsg onwards) is
// prefixed with "> " so SplitQuotes() finds it.
Result<std::string> HtmlToText(std::string_view html, const Deadline& deadline);

// Sanitised HTML: only allow-listed tags and attributes survive; script, style, iframe,
// object, embed, form, meta, link, head... are dropped with their content; on* attributes,
// javascript:/vbscript:/data: URLs (data:image/ allowed in <img src>) are removed. "cid:"
// image sources are kept as written for the web layer to map. Returns a body fragment.
Result<std::string> SanitizeHtml(std::string_view html, const Deadline& deadline);

}  // namespace svar::mail

namespace svar::mail {

// gumbo's tree building is quadratic in nesting depth (100,000 nested <div>s take minutes and
// cannot be interrupted). True when a cheap scan finds more than `max_open` elements left
// open (void and auto-closing tags not counted): the caller then uses StripTags instead.
bool HtmlTooComplex(std::string_view html, int max_open = 2000);

// Linear fallback: tags removed, a few entities decoded, white space collapsed per line.
std::string StripTags(std::string_view html);

}  // namespace svar::mail
