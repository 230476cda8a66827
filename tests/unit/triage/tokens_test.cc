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

namespace svar::triage {
namespace {

// The ASCII fast path cuts as ICU does: the same text with one non-ASCII word after it goes
// through ICU's word break iterator instead.
TEST(TriageTokensAscii, SameTokensAsTheIcuPath) {
  const char* samples[] = {
      "Hi, I was charged TWICE for order #4711 (EUR 1,250.50) on 2026-11-23 at 10:30!!",
      "Don't you think it's odd? e.g. the U.S.A. office said: \"call us\" -- no_reply_bot v2",
      "FREE!!! Click now >>> 100% guaranteed $$$ winner... 3.5x ROI; 1;2 'quoted' words_",
      "Re: [list] ____ ... --- 42 x86_64 abc123 123abc a.b.c 1.2.3 it's/its can't-won't",
      "Subject line\n\nBody with\ttabs and   spaces; and a very long token "
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa end",
  };
  for (const char* s : samples) {
    std::vector<std::string> fast = Tokenize(s);
    std::vector<std::string> icu = Tokenize(std::string(s) + " é");
    ASSERT_FALSE(icu.empty());
    EXPECT_EQ(icu.back(), "é");
    icu.pop_back();
    EXPECT_EQ(fast, icu) << s;
  }
}

}  // namespace
}  // namespace svar::triage
