#include "triage/tokens.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace svar::triage {
namespace {

using ::testing::ElementsAre;

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(TriageTokens, EnglishCaseFoldedWordsAndNumbers) {
  EXPECT_THAT(Tokenize("Hello, WORLD! It's 42 days."),
              ElementsAre("hello", "world", "it's", "<num>", "days"));
}

TEST(TriageTokens, DanishSwedishRussian) {
  EXPECT_THAT(Tokenize("Jeg vil ÆNDRE min adresse"),
              ElementsAre("jeg", "vil", "ændre", "min", "adresse"));
  EXPECT_THAT(Tokenize("Hur ändrar jag LÖSENORDET?"),
              ElementsAre("hur", "ändrar", "jag", "lösenordet"));
  EXPECT_THAT(Tokenize("Где моя КАРТА?"), ElementsAre("где", "моя", "карта"));
  EXPECT_THAT(Tokenize("STRASSE Straße"), ElementsAre("strasse", "strasse"));
}

TEST(TriageTokens, ChineseSegmentedAndTraditionalFoldedToSimplified) {
  std::vector<std::string> hant = Tokenize("我想取消訂單");
  std::vector<std::string> hans = Tokenize("我想取消订单");
  EXPECT_EQ(hant, hans);
  EXPECT_GT(hans.size(), 1u) << "Chinese must be cut into words, not kept as one run";
  EXPECT_TRUE(Has(hans, "取消"));
  EXPECT_TRUE(Has(hans, "订单"));
  EXPECT_FALSE(Has(hant, "訂單"));
  std::string joined;
  for (const auto& t : hans) joined += t;
  EXPECT_EQ(joined, "我想取消订单");
}

TEST(TriageTokens, UrlsAndAddressesBecomePlaceholders) {
  auto t = Tokenize("See https://Example.com/a?b=1, or mail Ann.B@example.org (www.shop.test).");
  EXPECT_THAT(t, ElementsAre("see", "<url>", "or", "mail", "<email>", "<url>"));
}

TEST(TriageTokens, InvalidUtf8IsRepaired) {
  auto t = Tokenize(std::string("caf\xC3 ok"));
  EXPECT_TRUE(Has(t, "ok"));
}

TEST(TriageTokens, UrlHosts) {
  auto hosts = UrlHosts("Click <a href=\"http://Click.Example.com:8080/x\">here</a> or www.shop.test/y");
  EXPECT_THAT(hosts, ElementsAre("click.example.com", "www.shop.test"));
  EXPECT_TRUE(UrlHosts("no links here, just a.b").empty());
}

TEST(TriageTokens, HanTokens) {
  EXPECT_TRUE(IsHanToken("订单"));
  EXPECT_FALSE(IsHanToken("order"));
  EXPECT_FALSE(IsHanToken("订单x"));
}

}  // namespace
}  // namespace svar::triage
