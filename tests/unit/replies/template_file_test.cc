// Template files for `svar templates import`: front matter, body, and errors that name the
// line of the file.
#include "replies/templates/template_file.h"

#include <gtest/gtest.h>

namespace svar::replies {
namespace {

TEST(TemplateFile, FrontMatterAndBody) {
  auto t = ParseTemplateFile(
      "---\nname: refund\ncategory: billing\nlanguage: \"da\"\n# a note\ncomment: legal ok\n---\n"
      "Kære {{customer.first_name}}\n");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->name, "refund");
  EXPECT_EQ(t->category, "billing");
  EXPECT_EQ(t->language, "da");
  EXPECT_EQ(t->comment, "legal ok");
  EXPECT_EQ(t->body, "Kære {{customer.first_name}}\n");
}

TEST(TemplateFile, ErrorsNameTheFileLine) {
  auto body = ParseTemplateFile("---\nname: x\nlanguage: sv\n---\nHej\n{{agent.nam}}\n");
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().message.substr(0, 33), "line 6: unknown placeholder {{age");
  auto key = ParseTemplateFile("---\nname: x\nlang: sv\n---\nHej\n");
  ASSERT_FALSE(key);
  EXPECT_NE(key.error().message.find("line 3: unknown key \"lang\""), std::string::npos);
  auto no_language = ParseTemplateFile("---\nname: x\n---\nHej\n");
  ASSERT_FALSE(no_language);
  EXPECT_NE(no_language.error().message.find("no language:"), std::string::npos);
  EXPECT_FALSE(ParseTemplateFile("Hej uden front matter\n"));
  EXPECT_FALSE(ParseTemplateFile("---\nname: x\nlanguage: da\nHej\n"));  // never closed
}

}  // namespace
}  // namespace svar::replies
