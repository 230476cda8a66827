#include <gtest/gtest.h>

#include "mail/html.h"

namespace svar::mail {
namespace {

std::string Text(std::string_view html) {
  auto r = HtmlToText(html, Deadline::Never());
  EXPECT_TRUE(r.has_value());
  return r ? *r : "";
}
std::string Clean(std::string_view html) {
  auto r = SanitizeHtml(html, Deadline::Never());
  EXPECT_TRUE(r.has_value());
  return r ? *r : "";
}

TEST(HtmlToText, ParagraphsAndBreaks) {
  EXPECT_EQ(Text("<p>One</p><p>Two<br>Three</p>"), "One\n\nTwo\nThree\n");
  EXPECT_EQ(Text("a<br><br>b"), "a\n\nb\n");
}

TEST(HtmlToText, CollapsesWhiteSpaceAndDecodesEntities) {
  EXPECT_EQ(Text("<div>  lots   of\n\n  space &amp; &lt;tags&gt; &eacute;</div>"),
            "lots of space & <tags> é\n");
}

TEST(HtmlToText, Lists) {
  EXPECT_EQ(Text("<ul><li>a</li><li>b</li></ul>"), "- a\n- b\n");
  EXPECT_EQ(Text("<ol><li>a</li><li>b</li></ol>"), "1. a\n2. b\n");
}

TEST(HtmlToText, Links) {
  EXPECT_EQ(Text("<a href=\"https://x.org/a\">docs</a>"), "docs (https://x.org/a)\n");
  EXPECT_EQ(Text("<a href=\"https://x.org/\">https://x.org/</a>"), "https://x.org/\n");
  EXPECT_EQ(Text("<a href=\"mailto:a@b.c\">a@b.c</a>"), "a@b.c\n");
  EXPECT_EQ(Text("<a href=\"javascript:evil()\">click</a>"), "click\n");
}

TEST(HtmlToText, SkipsScriptStyleHead) {
  EXPECT_EQ(Text("<html><head><title>T</title><style>p{}</style></head><body><script>x()"
                 "</script><p>Body</p></body></html>"),
            "Body\n");
}

TEST(HtmlToText, HeadingsAndTables) {
  EXPECT_EQ(Text("<h1>Title</h1><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            "Title\n\na | b\nc\n");
}

TEST(HtmlToText, PreKeepsSpacing) {
  EXPECT_EQ(Text("<pre>a  b\n  c</pre>"), "a  b\n  c\n");
}

TEST(HtmlToText, BlockquoteIsQuoted) {
  EXPECT_EQ(Text("<p>New</p><blockquote type=\"cite\">Old<br>text</blockquote>"),
            "New\n\n> Old\n> text\n");
}

TEST(HtmlToText, DeepNestingDoesNotOverflow) {
  std::string html;
  for (int i = 0; i < 1500; ++i) html += "<div>";
  html += "deep";
  EXPECT_NE(Text(html).find("deep"), std::string::npos);
}

TEST(HtmlGuard, DeepNestingIsTooComplexAndStripped) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep &amp; nested";
  EXPECT_TRUE(HtmlTooComplex(html));
  EXPECT_EQ(StripTags(html), "deep & nested\n");
  EXPECT_FALSE(HtmlTooComplex("<p>a<p>b<br><div>c</div><img src=x>"));
}

TEST(HtmlToText, DeadlineStopsConversion) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<p>x</p>";
  Deadline past(1);
  while (!past.Expired()) {
  }
  auto r = HtmlToText(html, past);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
}

TEST(SanitizeHtml, DropsScriptsAndContent) {
  std::string out = Clean("<p>hi</p><script>alert(1)</script><style>p{}</style>"
                          "<iframe src=x>in</iframe><object>o</object><embed src=y>"
                          "<meta http-equiv=refresh><link rel=x>");
  EXPECT_EQ(out, "<p>hi</p>");
  std::string form = Clean("<div>a<form action=x><input name=pw><button>go</button></form></div>");
  EXPECT_EQ(form.find("form"), std::string::npos);
  EXPECT_EQ(form.find("input"), std::string::npos);
  EXPECT_EQ(form.find("go"), std::string::npos);
}

TEST(SanitizeHtml, DropsEventHandlersAndBadUrls) {
  std::string out = Clean("<a href=\"javascript:alert(1)\" onclick=\"x()\">a</a>"
                          "<a href=\" JaVa\tScript:alert(1)\">b</a>"
                          "<a href=\"vbscript:x\">c</a><a href=\"data:text/html,x\">d</a>"
                          "<div onmouseover=\"x()\" style=\"x\">e</div>");
  EXPECT_EQ(out.find("javascript"), std::string::npos);
  EXPECT_EQ(out.find("JaVa"), std::string::npos);
  EXPECT_EQ(out.find("vbscript"), std::string::npos);
  EXPECT_EQ(out.find("data:"), std::string::npos);
  EXPECT_EQ(out.find("onclick"), std::string::npos);
  EXPECT_EQ(out.find("onmouseover"), std::string::npos);
  EXPECT_EQ(out.find("style"), std::string::npos);
  EXPECT_NE(out.find(">a</a>"), std::string::npos);
}

TEST(SanitizeHtml, KeepsSafeMarkupAndImages) {
  std::string out = Clean("<p><b>bold</b> <a href=\"https://x.org/?a=1&amp;b=2\" title=t>l</a>"
                          "<img src=\"cid:img1@x\" alt=\"pic\"><img src=\"data:image/png;base64,AA\">"
                          "<table><tr><td colspan=2>c</td></tr></table></p>");
  EXPECT_NE(out.find("<b>bold</b>"), std::string::npos);
  EXPECT_NE(out.find("href=\"https://x.org/?a=1&amp;b=2\""), std::string::npos);
  EXPECT_NE(out.find("src=\"cid:img1@x\""), std::string::npos);
  EXPECT_NE(out.find("src=\"data:image/png;base64,AA\""), std::string::npos);
  EXPECT_NE(out.find("colspan=\"2\""), std::string::npos);
}

TEST(SanitizeHtml, EscapesTextAndAttributes) {
  std::string out = Clean("<p title='a\"b'>&lt;script&gt;</p>");
  EXPECT_EQ(out, "<p title=\"a&quot;b\">&lt;script&gt;</p>");
}

TEST(SanitizeHtml, UnknownTagsKeepText) {
  EXPECT_EQ(Clean("<custom-tag>text</custom-tag><o:p>x</o:p>"), "textx");
}

}  // namespace
}  // namespace svar::mail
