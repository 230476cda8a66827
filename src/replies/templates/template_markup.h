// The markup of an answer template ("best answer"): plain UTF-8 text with placeholders and
// editable regions. Everything outside an editable region is LOCKED: the approved wording an
// agent sends as it is (template_check.h enforces it when the reply is sent).
//
//   Kære {{customer.first_name}},
//
//   Vi har modtaget din sag {{ticket.ref}} og refunderer beløbet inden for 5 bankdage.
//   {{#editable details}}Skriv her, hvad der præcist sker i denne sag.{{/editable}}
//
//   Venlig hilsen
//   {{agent.name}}, {{desk.name}}
//
// Markup (white space inside the braces is allowed: "{{ ticket.ref }}"):
//   {{customer.name}}        the customer's name (their address when no name is known)
//   {{customer.first_name}}  the first word of the customer's name
//   {{customer.email}}       the customer's address
//   {{ticket.ref}}           "SV-1042"
//   {{ticket.subject}}       the ticket's subject
//   {{agent.name}}           the name of the agent replying (agents table; else their login)
//   {{agent.email}}          the agent's address
//   {{product}}              the customer's first product (customers.products_json)
//   {{due_date}}             the ticket's next due time (next response, else first response,
//                            else resolution) as a date in the ticket's language (UTC)
//   {{desk.name}}            [desk].name
//   {{#editable NAME}} ... {{/editable}}   an editable region; NAME is letters, digits, - or
//                            _, unique in the template; its content is the default text.
//                            Regions do not nest. Placeholders inside a region are rendered
//                            into its default text.
// "{{" always starts markup; there is no escape (templates are mail text, not code).
// A placeholder without a value (no product, no due time) renders as "" and is listed in
// Rendered::missing so a person can see it before sending.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace svar::replies {

// The placeholders the markup knows, in the order the docs list them.
const std::vector<std::string_view>& KnownPlaceholders();

enum class PieceKind { kText, kPlaceholder, kRegionStart, kRegionEnd };

struct Piece {
  PieceKind kind = PieceKind::kText;
  std::string value;  // text, placeholder name, or region name (kRegionStart)
  int line = 1;       // 1-based line where the piece starts
};

struct ParsedTemplate {
  std::vector<Piece> pieces;
  std::vector<std::string> regions;       // editable region names in order
  std::vector<std::string> placeholders;  // distinct placeholder names in order of use
};

// Parses a body. Errors (kInvalidArgument) name the line and the fix, e.g.
//   line 4: unknown placeholder {{customer.nmae}}; known: customer.name, ...
//   line 7: the editable region "details" opened here is never closed; add {{/editable}}
//   line 9: editable region "b" inside region "a" (opened on line 7): regions do not nest;
//           close "a" with {{/editable}} first
//   line 3: {{/editable}} without an open region; remove it or add {{#editable NAME}} before
//   line 2: "{{" is not closed with "}}"
// Invalid UTF-8 and an empty body are errors too.
Result<ParsedTemplate> ParseTemplate(std::string_view body);

// The values of the placeholders for one ticket and agent (template_facts.h fills it).
struct RenderValues {
  std::map<std::string, std::string, std::less<>> values;  // placeholder name -> text
};

enum class SegmentKind { kLocked, kEditable };

struct Segment {
  SegmentKind kind = SegmentKind::kLocked;
  std::string name;  // the region's name; "" for locked text
  std::string text;  // the rendered text (the default text for an editable region)
};

struct Rendered {
  std::string text;               // the whole draft
  std::vector<Segment> segments;  // in order; concatenated they are `text`. Locked segments
                                  // may be empty only at the start or the end.
  std::vector<std::string> missing;  // placeholders used that had no value
};

Rendered RenderTemplate(const ParsedTemplate& parsed, const RenderValues& values);

// The body without markup: placeholders and region markers dropped, region defaults kept
// (the words suggestion compares with the customer's text).
std::string PlainWords(const ParsedTemplate& parsed);

// Formats a due time (Unix seconds) as a date in a language: da "12. marts 2025",
// sv "12 mars 2025", nb "12. mars 2025", ru "12.03.2025", zh "2025年3月12日",
// anything else "12 March 2025". UTC.
std::string FormatDueDate(int64_t unix_seconds, std::string_view language);

}  // namespace svar::replies
