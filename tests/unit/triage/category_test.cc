#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "triage/category_model.h"
#include "triage/category_rules.h"

namespace svar::triage {
namespace {

// A tiny desk: three categories in English, Danish and (Traditional) Chinese.
std::vector<LabeledText> Fixture() {
  std::vector<LabeledText> v;
  for (const char* t :
       {"I want a refund for my order", "please refund the money", "refund my payment",
        "the invoice amount is wrong", "you charged me twice on the invoice",
        "jeg vil have pengene tilbage for fakturaen", "fakturaen er forkert",
        "我要退款", "發票金額錯誤", "請退款給我"})
    v.push_back({t, "billing"});
  for (const char* t :
       {"the package has not arrived", "where is my delivery", "tracking shows no delivery",
        "my parcel is lost in shipping", "shipping takes too long",
        "pakken er ikke kommet", "hvor er min levering", "我的包裹還沒到", "快遞在哪裡",
        "包裹丟失了"})
    v.push_back({t, "shipping"});
  for (const char* t :
       {"I cannot log in to my account", "reset my password please", "password does not work",
        "my account is locked", "login fails with an error", "jeg kan ikke logge ind",
        "nulstil min adgangskode", "我無法登錄帳戶", "密碼不對", "帳戶被鎖定"})
    v.push_back({t, "account"});
  return v;
}

TrainOptions Small() {
  TrainOptions o;
  o.hash_bits = 16;
  return o;
}

TEST(TriageCategory, LearnsAndSeparatesObviousClasses) {
  auto m = CategoryModel::Train(Fixture(), Small());
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_EQ(m->categories().size(), 3u);
  EXPECT_EQ(m->Predict("Can I get a refund?", 0).category, "billing");
  EXPECT_EQ(m->Predict("My delivery has not arrived", 0).category, "shipping");
  EXPECT_EQ(m->Predict("I forgot my password", 0).category, "account");
  EXPECT_EQ(m->Predict("hvor er pakken", 0).category, "shipping");
  CategoryPrediction p = m->Predict("refund please", 0);
  ASSERT_EQ(p.top.size(), 3u);
  EXPECT_EQ(p.top[0].first, "billing");
  EXPECT_GE(p.top[0].second, p.top[1].second);
  double sum = 0;
  for (double x : m->Probabilities("refund please")) sum += x;
  EXPECT_NEAR(sum, 1.0, 1e-4);
  EXPECT_EQ(p.reason.rfind("model: billing", 0), 0u) << p.reason;
}

TEST(TriageCategory, ChineseSegmentedAndBothScriptsShareFeatures) {
  auto m = CategoryModel::Train(Fixture(), Small());
  ASSERT_TRUE(m);
  // Trained on Traditional text; asked in Simplified (and the other way round).
  EXPECT_EQ(m->Predict("我想退款", 0).category, "billing");
  EXPECT_EQ(m->Predict("包裹在哪里", 0).category, "shipping");
  EXPECT_EQ(m->Predict("密码不对，无法登录", 0).category, "account");
}

TEST(TriageCategory, BelowThresholdStaysUncategorised) {
  auto m = CategoryModel::Train(Fixture(), Small());
  ASSERT_TRUE(m);
  CategoryPrediction high = m->Predict("refund my invoice", 1.01);
  EXPECT_EQ(high.category, "");
  EXPECT_GT(high.confidence, 0.0);
  EXPECT_EQ(high.top.at(0).first, "billing");
  EXPECT_NE(high.reason.find("below threshold"), std::string::npos) << high.reason;
  // Text the model knows nothing of is less confident than a clear case.
  EXPECT_LT(m->Predict("zzqx", 0).confidence, m->Predict("refund my invoice", 0).confidence);
}

TEST(TriageCategory, TrainRefusesBadInput) {
  auto one = CategoryModel::Train({{"a", "x"}, {"b", "x"}});
  ASSERT_FALSE(one);
  EXPECT_EQ(one.error().code, ErrorCode::kInvalidArgument);
  auto unlabeled = CategoryModel::Train({{"a", "x"}, {"b", ""}});
  ASSERT_FALSE(unlabeled);
  EXPECT_NE(unlabeled.error().message.find("example 2"), std::string::npos);
  EXPECT_EQ(CategoryModel().Predict("anything", 0).category, "");
}

TEST(TriageCategory, SerializeRoundTripPredictsTheSame) {
  auto m = CategoryModel::Train(Fixture(), Small());
  ASSERT_TRUE(m);
  std::string blob = m->Serialize();
  auto back = CategoryModel::Deserialize(blob);
  ASSERT_TRUE(back) << back.error().ToString();
  EXPECT_EQ(back->categories(), m->categories());
  for (const char* t : {"refund", "where is my parcel", "密碼", "nothing in common"}) {
    auto a = m->Predict(t, 0.5), b = back->Predict(t, 0.5);
    EXPECT_EQ(a.category, b.category);
    EXPECT_DOUBLE_EQ(a.confidence, b.confidence);
    EXPECT_EQ(a.top, b.top);
  }
  EXPECT_EQ(back->Serialize(), blob);
}

TEST(TriageCategory, CorruptOrOldBlobFailsClearly) {
  auto m = CategoryModel::Train(Fixture(), Small());
  ASSERT_TRUE(m);
  std::string blob = m->Serialize();
  std::string flipped = blob;
  flipped[blob.size() / 2] ^= 0x5A;
  auto corrupt = CategoryModel::Deserialize(flipped);
  ASSERT_FALSE(corrupt);
  EXPECT_EQ(corrupt.error().code, ErrorCode::kParse);
  EXPECT_NE(corrupt.error().message.find("corrupt"), std::string::npos) << corrupt.error().message;
  auto truncated = CategoryModel::Deserialize(blob.substr(0, blob.size() - 100));
  ASSERT_FALSE(truncated);
  std::string old = blob;
  old[4] = 0;  // format version 0
  auto old_version = CategoryModel::Deserialize(old);
  ASSERT_FALSE(old_version);
  EXPECT_NE(old_version.error().message.find("version"), std::string::npos);
  auto other = CategoryModel::Deserialize("not a model at all, just text");
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().message.find("category model"), std::string::npos);
}

TEST(TriageCategoryRules, RulesPrecedeTheModel) {
  auto m = CategoryModel::Train(Fixture(), Small());
  ASSERT_TRUE(m);
  std::vector<CategoryRule> rules = {
      {"", "complaint", {"speak to a manager", "投訴"}, {}, 0},
      {"refund rule", "refunds", {"refund"}, {"no refund"}, 5},
  };
  ASSERT_TRUE(ValidateRules(rules));
  // The model says billing; the rule says refunds and wins.
  CategoryPrediction p = Categorize(rules, *m, "I want a REFUND!", 0.5);
  EXPECT_EQ(p.category, "refunds");
  EXPECT_EQ(p.confidence, 1.0);
  EXPECT_EQ(p.reason, "rule 'refund rule' -> refunds");
  // Whole words and phrases only; none_of vetoes.
  EXPECT_FALSE(ApplyRules(rules, "it was refunded"));
  EXPECT_FALSE(ApplyRules(rules, "I asked for no refund"));
  EXPECT_FALSE(ApplyRules(rules, "let me speak to your manager"));
  auto phrase = ApplyRules(rules, "I want to SPEAK to a manager now");
  ASSERT_TRUE(phrase);
  EXPECT_EQ(phrase->reason, "rule 'speak to a manager' -> complaint");
  // Chinese phrase (Traditional in the rule) inside Simplified running text.
  auto zh = ApplyRules(rules, "我要投诉你们");
  ASSERT_TRUE(zh);
  EXPECT_EQ(zh->category, "complaint");
  // Priority: both match, the higher priority wins whatever the order.
  auto both = ApplyRules(rules, "speak to a manager about my refund");
  ASSERT_TRUE(both);
  EXPECT_EQ(both->category, "refunds");
  // No rule: the model decides.
  EXPECT_EQ(Categorize(rules, *m, "where is my delivery", 0.0).category, "shipping");
}

TEST(TriageCategoryRules, ValidateNamesTheBadRule) {
  auto no_words = ValidateRules({{"ok", "a", {"x"}, {}, 0}, {"bad", "b", {"!!"}, {}, 0}});
  ASSERT_FALSE(no_words);
  EXPECT_NE(no_words.error().message.find("'bad'"), std::string::npos);
  EXPECT_FALSE(ValidateRules({{"", "", {"x"}, {}, 0}}));
  EXPECT_FALSE(ValidateRules({{"", "a", {}, {}, 0}}));
}

// Optional: the real data set, when ../shared/data is present.
TEST(TriageCategory, Banking77HeldOutAccuracy) {
  std::filesystem::path csv = std::filesystem::path(SVAR_SHARED_DATA) / "banking77" / "train.csv";
  if (!std::filesystem::exists(csv)) GTEST_SKIP() << "banking77 not found at " << csv << " (optional data)";
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  std::vector<LabeledText> train, test;
  size_t i = 0;
  while (std::getline(in, line)) {
    // Quoted texts contain commas: the category is after the last comma.
    auto comma = line.rfind(',');
    if (comma == std::string::npos) continue;
    LabeledText e{line.substr(0, comma), line.substr(comma + 1)};
    (++i % 5 == 0 ? test : train).push_back(std::move(e));
  }
  auto m = CategoryModel::Train(train);
  ASSERT_TRUE(m) << m.error().ToString();
  size_t right = 0;
  for (const auto& e : test) right += m->Predict(e.text, 0).top.at(0).first == e.category;
  double accuracy = static_cast<double>(right) / static_cast<double>(test.size());
  EXPECT_GT(accuracy, 0.87) << "held-out accuracy " << accuracy;
}

}  // namespace
}  // namespace svar::triage
