// Template markup: parsing, rendering into locked/editable segments, the errors (with their
// line and fix), matching a reply against the rendered template, and the edit ratio.
#include "replies/templates/template_markup.h"

#include <gtest/gtest.h>

#include "replies/templates/template_match.h"

namespace svar::replies {
namespace {

constexpr const char* kRefund =
    "Kære {{customer.first_name}},\n"
    "\n"
    "Tak for din henvendelse {{ ticket.ref }}.\n"
    "{{#editable details}}Skriv detaljerne her.{{/editable}}\n"
    "Vi refunderer beløbet inden for 5 bankdage.\n"
    "\n"
    "Venlig hilsen\n"
    "{{agent.name}}, {{desk.name}}\n";

RenderValues Values() {
  RenderValues v;
  v.values["customer.first_name"] = "Søren";
  v.values["ticket.ref"] = "SV-1042";
  v.values["agent.name"] = "Anna";
  v.values["desk.name"] = "Banken";
  return v;
}

Rendered RenderRefund() {
  auto p = ParseTemplate(kRefund);
  EXPECT_TRUE(p) << p.error().message;
  return RenderTemplate(*p, Values());
}

TEST(TemplateMarkup, ParsesPlaceholdersAndRegions) {
  auto p = ParseTemplate(kRefund);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->regions, std::vector<std::string>{"details"});
  EXPECT_EQ(p->placeholders,
            (std::vector<std::string>{"customer.first_name", "ticket.ref", "agent.name", "desk.name"}));
  // The region start is on line 4.
  for (const auto& piece : p->pieces)
    if (piece.kind == PieceKind::kRegionStart) EXPECT_EQ(piece.line, 4);
}

TEST(TemplateMarkup, RendersLockedAndEditableSegments) {
  Rendered r = RenderRefund();
  EXPECT_EQ(r.text,
            "Kære Søren,\n\nTak for din henvendelse SV-1042.\nSkriv detaljerne her.\nVi refunderer "
            "beløbet inden for 5 bankdage.\n\nVenlig hilsen\nAnna, Banken\n");
  ASSERT_EQ(r.segments.size(), 3u);
  EXPECT_EQ(r.segments[0].kind, SegmentKind::kLocked);
  EXPECT_EQ(r.segments[0].text, "Kære Søren,\n\nTak for din henvendelse SV-1042.\n");
  EXPECT_EQ(r.segments[1].kind, SegmentKind::kEditable);
  EXPECT_EQ(r.segments[1].name, "details");
  EXPECT_EQ(r.segments[1].text, "Skriv detaljerne her.");
  EXPECT_EQ(r.segments[2].kind, SegmentKind::kLocked);
  EXPECT_TRUE(r.missing.empty());
}

TEST(TemplateMarkup, MissingValuesRenderEmptyAndAreListed) {
  auto p = ParseTemplate("Your {{product}} is due {{due_date}}.");
  ASSERT_TRUE(p);
  Rendered r = RenderTemplate(*p, {});
  EXPECT_EQ(r.text, "Your  is due .");
  EXPECT_EQ(r.missing, (std::vector<std::string>{"product", "due_date"}));
}

TEST(TemplateMarkup, ErrorsNameTheLineAndTheFix) {
  auto unknown = ParseTemplate("Hello\n\nDear {{customer.nmae}}");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.error().message.find("line 3: unknown placeholder {{customer.nmae}}"),
            std::string::npos)
      << unknown.error().message;
  EXPECT_NE(unknown.error().message.find("customer.name"), std::string::npos);

  auto unclosed = ParseTemplate("a\n{{#editable body}}text\nmore");
  ASSERT_FALSE(unclosed);
  EXPECT_NE(unclosed.error().message.find("line 2: the editable region \"body\""), std::string::npos)
      << unclosed.error().message;
  EXPECT_NE(unclosed.error().message.find("add {{/editable}}"), std::string::npos);

  auto nested = ParseTemplate("{{#editable a}}x\n{{#editable b}}y{{/editable}}{{/editable}}");
  ASSERT_FALSE(nested);
  EXPECT_NE(nested.error().message.find("line 2: editable region \"b\" inside region \"a\" "
                                        "(opened on line 1)"),
            std::string::npos)
      << nested.error().message;

  auto stray = ParseTemplate("x\ny {{/editable}}");
  ASSERT_FALSE(stray);
  EXPECT_NE(stray.error().message.find("line 2: {{/editable}} without an open region"),
            std::string::npos);

  auto open_brace = ParseTemplate("Dear {{customer.name");
  ASSERT_FALSE(open_brace);
  EXPECT_NE(open_brace.error().message.find("line 1: \"{{\" is not closed"), std::string::npos);

  auto no_name = ParseTemplate("{{#editable}}x{{/editable}}");
  ASSERT_FALSE(no_name);
  EXPECT_NE(no_name.error().message.find("needs a name"), std::string::npos);

  auto twice = ParseTemplate("{{#editable a}}x{{/editable}} {{#editable a}}y{{/editable}}");
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("a second editable region named \"a\""), std::string::npos);

  EXPECT_FALSE(ParseTemplate("   \n"));
  EXPECT_FALSE(ParseTemplate("bad \xff utf-8"));
}

TEST(TemplateMatch, UnchangedDraftPassesEvenWithOtherLineEndings) {
  Rendered r = RenderRefund();
  std::string crlf;
  for (char c : r.text) {
    if (c == '\n') crlf += "  \r\n";  // trailing spaces and CRLF
    else crlf += c;
  }
  TemplateMatch m = MatchTemplate(r, crlf);
  EXPECT_FALSE(m.locked_changed);
  EXPECT_FALSE(m.edited);
  EXPECT_EQ(m.edit_ratio, 0);
}

TEST(TemplateMatch, EditableRegionIsFreeLockedTextIsNot) {
  Rendered r = RenderRefund();
  std::string edited = r.text;
  edited.replace(edited.find("Skriv detaljerne her."), 21,
                 "Dit kort blev spærret i går.\n\nDer kommer et nyt med posten.");
  TemplateMatch m = MatchTemplate(r, edited);
  EXPECT_FALSE(m.locked_changed);
  EXPECT_TRUE(m.edited);
  EXPECT_GT(m.edit_ratio, 0);

  // An emptied region is fine too.
  std::string emptied = r.text;
  emptied.replace(emptied.find("Skriv detaljerne her.\n"), 22, "");
  EXPECT_FALSE(MatchTemplate(r, emptied).locked_changed);

  std::string locked = r.text;
  locked.replace(locked.find("5 bankdage"), 10, "30 bankdage");
  TemplateMatch l = MatchTemplate(r, locked);
  EXPECT_TRUE(l.locked_changed);
  EXPECT_EQ(l.changed_passage, "Vi refunderer beløbet inden for 5 bankdage.");

  // Text added before a locked start or after a locked end is a locked change.
  EXPECT_TRUE(MatchTemplate(r, "PS: hej\n" + r.text).locked_changed);
  EXPECT_TRUE(MatchTemplate(r, r.text + "\nPS: hej").locked_changed);
  // Locked passages swapped around the region.
  std::string swapped = "Vi refunderer beløbet inden for 5 bankdage.\n" + r.text;
  EXPECT_TRUE(MatchTemplate(r, swapped).locked_changed);
}

TEST(TemplateMatch, TemplateWithoutRegionsMustBeSentAsItIs) {
  auto p = ParseTemplate("Thank you, {{customer.first_name}}.");
  ASSERT_TRUE(p);
  Rendered r = RenderTemplate(*p, Values());
  EXPECT_FALSE(MatchTemplate(r, "Thank you, Søren.\n").locked_changed);
  TemplateMatch m = MatchTemplate(r, "Thank you, Søren. See you!");
  EXPECT_TRUE(m.locked_changed);
  EXPECT_EQ(m.changed_passage, "Thank you, Søren.");
}

TEST(TemplateMatch, EditRatio) {
  EXPECT_EQ(EditRatio("abc", "abc"), 0);
  EXPECT_DOUBLE_EQ(EditRatio("abcd", "abXd"), 0.25);
  EXPECT_DOUBLE_EQ(EditRatio("abc", "xyz"), 1.0);
  EXPECT_DOUBLE_EQ(EditRatio("", "xy"), 1.0);
  // Counted in code points, not bytes: one changed letter of four.
  EXPECT_DOUBLE_EQ(EditRatio("søen", "sjen"), 0.25);
  EXPECT_DOUBLE_EQ(EditRatio("退款成功", "退款失败"), 0.5);
}

TEST(TemplateMarkup, DueDateInTheLanguage) {
  const int64_t t = 1741780800;  // 2025-03-12 12:00 UTC
  EXPECT_EQ(FormatDueDate(t, "da"), "12. marts 2025");
  EXPECT_EQ(FormatDueDate(t, "sv"), "12 mars 2025");
  EXPECT_EQ(FormatDueDate(t, "nb"), "12. mars 2025");
  EXPECT_EQ(FormatDueDate(t, "ru"), "12.03.2025");
  EXPECT_EQ(FormatDueDate(t, "zh"), "2025年3月12日");
  EXPECT_EQ(FormatDueDate(t, "en"), "12 March 2025");
}

}  // namespace
}  // namespace svar::replies
