#include <gtest/gtest.h>

#include "knowledge/search/analysis.h"
#include "knowledge/search/passages.h"

namespace svar::knowledge {
namespace {

TEST(SearchPassages, SplitsByHeadingAndParagraph) {
  auto p = SplitPassages(
      "Lead paragraph.\n\n- item one\n- item two\n\nSecond lead.\n\n"
      "# Reset your Password!\n\nFirst **para**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
      "Second para with [a link](http://x).\n\n## Reset your password!\n\nAgain.");
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0].anchor, "");
  EXPECT_EQ(p[0].text, "Lead paragraph.\nitem one\nitem two");
  EXPECT_EQ(p[1].anchor, "p1");
  EXPECT_EQ(p[1].text, "Second lead.");
  EXPECT_EQ(p[2].anchor, "reset-your-password");
  EXPECT_EQ(p[2].heading, "Reset your Password!");
  EXPECT_EQ(p[2].text, "First para.\na | b\n1 | 2");
  EXPECT_EQ(p[3].anchor, "p3");
  EXPECT_EQ(p[3].text, "Second para with a link.");
  EXPECT_EQ(p[4].anchor, "reset-your-password-1");
}

TEST(SearchAnalysis, FoldsAndStems) {
  EXPECT_EQ(FoldText("STRAẞE"), "strasse");
  EXPECT_EQ(FoldText("密碼"), "密码");
  EXPECT_EQ(StemmerName("nb"), "norwegian");
  EXPECT_EQ(StemmerName("zh-Hant"), "");
  EXPECT_EQ(CanonicalLocale("zh_TW"), "zh-Hant");
  auto words = SplitWords("Hello, wörld! 重設密碼");
  ASSERT_GE(words.size(), 3u);
  EXPECT_EQ(words[1].folded, "wörld");
  EXPECT_TRUE(words.back().han);
}

}  // namespace
}  // namespace svar::knowledge
