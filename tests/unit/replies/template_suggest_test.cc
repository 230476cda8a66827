// Ranking template suggestions: category (own or listed in the config), language with the
// English fallback, similarity to the customer's words, past success; archived templates
// never appear.
#include "replies/templates/template_suggest.h"

#include <gtest/gtest.h>

namespace svar::replies {
namespace {

TemplateRecord T(int64_t id, std::string name, std::string category, std::string language,
                 std::string body, std::string state = kTemplateActive) {
  TemplateRecord t;
  t.id = id;
  t.name = std::move(name);
  t.category = std::move(category);
  t.language = std::move(language);
  t.body = std::move(body);
  t.state = std::move(state);
  t.current_version = 1;
  return t;
}

std::vector<std::string> Names(const std::vector<RankedTemplate>& r) {
  std::vector<std::string> out;
  for (const auto& x : r) out.push_back(x.template_record.name + "/" + x.template_record.language);
  return out;
}

const std::vector<TemplateRecord> kTemplates = {
    T(1, "refund", "billing", "da", "Hej {{customer.name}}, vi refunderer beløbet for dit kort."),
    T(2, "card-lost", "cards", "da", "Hej, vi har spærret dit kort og sender et nyt kort."),
    T(3, "refund", "billing", "en", "Hello, we will refund the amount to your card."),
    T(4, "thanks", "", "da", "Tak for din besked. {{#editable x}}...{{/editable}}"),
    T(5, "old-refund", "billing", "da", "Vi refunderer beløbet for dit kort.", kTemplateArchived),
    T(6, "refund", "billing", "sv", "Vi återbetalar beloppet för ditt kort."),
};

TEST(TemplateSuggest, CategoryLanguageAndWordsRankTheBestAnswerFirst) {
  SuggestInput in{"billing", "da", "Jeg vil gerne have refunderet beløbet for mit kort", {}};
  auto r = RankTemplates(in, kTemplates, {}, 10);
  // The Swedish one is never suggested for a Danish ticket, nor the archived one; a generic
  // answer (no category) ranks above one of another category.
  EXPECT_EQ(Names(r), (std::vector<std::string>{"refund/da", "refund/en", "thanks/da",
                                                "card-lost/da"}));
  EXPECT_EQ(r[0].parts.category, 1);
  EXPECT_EQ(r[0].parts.language, 1);
  EXPECT_GT(r[0].parts.similarity, r[3].parts.similarity);
  EXPECT_GT(r[3].parts.similarity, 0);  // "kort"
  EXPECT_EQ(r[1].parts.language, 0.4);
  bool words = false;
  for (const auto& reason : r[0].reasons) words |= reason.find("similar words: ") == 0 && reason.find("beløbet") != std::string::npos;
  EXPECT_TRUE(words);
  EXPECT_EQ(RankTemplates(in, kTemplates, {}, 2).size(), 2u);
}

TEST(TemplateSuggest, ConfigListedTemplatesCountAsTheCategory) {
  SuggestInput in{"cards", "da", "mit kort", {"thanks"}};
  auto r = RankTemplates(in, kTemplates, {}, 10);
  ASSERT_GE(r.size(), 2u);
  EXPECT_EQ(Names(r)[0], "card-lost/da");
  EXPECT_EQ(Names(r)[1], "thanks/da");
  EXPECT_EQ(r[1].parts.category, 1);
}

TEST(TemplateSuggest, PastSuccessBreaksTiesAndOrdersEqualCandidates) {
  std::vector<TemplateRecord> twins = {T(1, "a", "billing", "en", "We refund your card."),
                                       T(2, "b", "billing", "en", "We refund your card.")};
  SuggestInput in{"billing", "en", "refund my card", {}};
  EXPECT_EQ(Names(RankTemplates(in, twins, {}, 10))[0], "a/en");  // stable without figures
  TemplateStats good;
  good.template_id = 2;
  good.uses = 4;
  good.useful = 4;
  good.mean_edit_ratio = 0.05;
  TemplateStats bad;
  bad.template_id = 1;
  bad.uses = 4;
  bad.not_useful = 4;
  bad.mean_edit_ratio = 0.6;
  auto r = RankTemplates(in, twins, {bad, good}, 10);
  EXPECT_EQ(Names(r)[0], "b/en");
  EXPECT_GT(r[0].parts.success, r[1].parts.success);
  EXPECT_NEAR(r[0].parts.success, 0.7 * 5.0 / 6.0 + 0.3 * (1 - (0.2 + 0.5) / 6.0), 1e-9);
}

TEST(TemplateSuggest, ChineseWordsAreSegmented) {
  std::vector<TemplateRecord> zh = {T(1, "refund", "", "zh", "您好，我们已经为您办理退款。"),
                                    T(2, "password", "", "zh", "您好，请点击链接重置密码。")};
  SuggestInput in{"", "zh-Hans", "我想申请退款", {}};
  auto r = RankTemplates(in, zh, {}, 10);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].template_record.name, "refund");
  EXPECT_GT(r[0].parts.similarity, 0);
}

}  // namespace
}  // namespace svar::replies
