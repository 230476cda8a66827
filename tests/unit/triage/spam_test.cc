#include "triage/spam.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mail/parse.h"

namespace svar::triage {
namespace {

mail::ParsedMessage Msg(std::string from, std::string subject, std::string text,
                        std::vector<std::pair<std::string, std::string>> headers = {}) {
  mail::ParsedMessage m;
  m.from.email = std::move(from);
  m.subject = std::move(subject);
  m.text = std::move(text);
  m.headers = std::move(headers);
  return m;
}

std::vector<mail::ParsedMessage> Ham() {
  return {
      Msg("anna@kunde.dk", "Order 1234 not arrived", "Hi, my order has not arrived yet. Can you check?"),
      Msg("bob@example.org", "Invoice question", "Hello, the invoice for March looks wrong, please help."),
      Msg("carl@firma.se", "Password reset", "I cannot log in to my account, the reset mail never came."),
      Msg("dina@example.net", "Re: your ticket", "Thanks for the quick answer, that solved it."),
      Msg("eva@kunde.dk", "Change of address", "Please change the delivery address on my account."),
      Msg("finn@example.org", "Refund", "I returned the parcel last week, when will the refund come?"),
  };
}

std::vector<mail::ParsedMessage> Spam() {
  return {
      Msg("win@lottery-prize.biz", "YOU WON $1,000,000", "Claim your prize now! Click http://claim.lottery-prize.biz/now"),
      Msg("deals@cheap-meds.info", "Cheap pills online", "Best prices, no prescription. Visit http://www.cheap-meds.info"),
      Msg("money@fast-loans.biz", "Fast cash loan approved", "Get cash today, guaranteed approval, click here"),
      Msg("offer@cheap-meds.info", "Limited offer!!!", "Buy now and save 90%, limited offer, click here"),
      Msg("prize@lottery-prize.biz", "Congratulations winner", "You are our lucky winner, claim your cash prize"),
      Msg("seo@rank-first.biz", "Rank first on Google", "Guaranteed traffic, click here to buy our offer"),
  };
}

SpamFilter Trained(SpamOptions o = {}) {
  o.min_messages_per_kind = 1;  // the fixture is small
  SpamFilter f(o);
  for (const auto& m : Ham()) f.Learn(m, false);
  for (const auto& m : Spam()) f.Learn(m, true);
  return f;
}

TEST(TriageSpam, UntrainedFilterIsUndecided) {
  SpamFilter f;
  SpamVerdict v = f.Classify(Spam()[0]);
  EXPECT_FALSE(v.is_spam);
  EXPECT_DOUBLE_EQ(v.probability, 0.5);
  EXPECT_NE(v.reason.find("still learning"), std::string::npos);
}

TEST(TriageSpam, OneClickDoesNotMakeTheModelDecide) {
  SpamFilter f;  // default: decides from 20 messages of each kind
  f.Learn(Spam()[0], true);
  f.Learn(Ham()[0], false);
  SpamVerdict v = f.Classify(Spam()[1]);
  EXPECT_DOUBLE_EQ(v.probability, 0.5);
  EXPECT_FALSE(v.is_spam);
  EXPECT_NE(v.reason.find("1 ham and 1 spam"), std::string::npos) << v.reason;
}

TEST(TriageSpam, LearnsToSeparate) {
  SpamFilter f = Trained();
  EXPECT_EQ(f.spam_messages(), 6u);
  EXPECT_EQ(f.ham_messages(), 6u);
  SpamVerdict spam = f.Classify(Msg("x@lottery-prize.biz", "Claim your cash prize",
                                    "Winner! click here http://claim.lottery-prize.biz/x"));
  EXPECT_TRUE(spam.is_spam) << spam.reason;
  EXPECT_GT(spam.probability, 0.9);
  EXPECT_FALSE(spam.evidence.empty());
  EXPECT_EQ(spam.reason.rfind("model ", 0), 0u);
  SpamVerdict ham = f.Classify(Msg("gina@kunde.dk", "My order", "My order has not arrived, please check the delivery."));
  EXPECT_FALSE(ham.is_spam) << ham.reason;
  EXPECT_LT(ham.probability, 0.5);
}

TEST(TriageSpam, TokensCoverHeadersAndHostsButNotXSpam) {
  SpamFilter f;
  auto m = Msg("Win@Lottery-Prize.biz", "Hello", "see http://claim.lottery-prize.biz/a",
               {{"X-Mailer", "BulkMailer 2.0"}, {"Content-Type", "text/plain; charset=\"koi8-r\""},
                {"X-Spam-Status", "Yes, score=9"}, {"X-Spam-Flag", "YES"}});
  auto t = f.Tokens(m);
  auto has = [&](std::string_view s) { return std::find(t.begin(), t.end(), s) != t.end(); };
  EXPECT_TRUE(has("s:hello"));
  EXPECT_TRUE(has("from:lottery-prize.biz"));
  EXPECT_TRUE(has("url:claim.lottery-prize.biz"));
  EXPECT_TRUE(has("url:lottery-prize.biz"));
  EXPECT_TRUE(has("mailer:bulkmailer"));
  EXPECT_TRUE(has("ct:text/plain"));
  EXPECT_TRUE(has("charset:koi8-r"));
  for (const auto& tok : t) EXPECT_EQ(tok.find("score"), std::string::npos) << tok;
  EXPECT_TRUE(std::is_sorted(t.begin(), t.end()));
}

TEST(TriageSpam, UnlearnUndoesLearn) {
  SpamFilter f = Trained();
  std::string before = f.Serialize();
  auto m = Msg("gina@kunde.dk", "Where is my order", "My order has not arrived, please check.");
  SpamVerdict v0 = f.Classify(m);
  f.Learn(m, true);  // an agent clicked "spam" by mistake
  EXPECT_GT(f.Classify(m).probability, v0.probability);
  f.Unlearn(m, true);  // "not spam"
  f.Learn(m, false);
  EXPECT_LT(f.Classify(m).probability, v0.probability + 1e-12);
  f.Unlearn(m, false);
  EXPECT_EQ(f.Serialize(), before);
  EXPECT_DOUBLE_EQ(f.Classify(m).probability, v0.probability);
}

TEST(TriageSpam, UpstreamHeaderHonouredWhenAsked) {
  auto m = Msg("hans@kunde.dk", "Order question", "My order has not arrived yet.",
               {{"X-Spam-Flag", "YES"}});
  SpamFilter honour = Trained();
  SpamVerdict v = honour.Classify(m);
  EXPECT_TRUE(v.is_spam);
  EXPECT_GE(v.probability, 0.99);
  EXPECT_EQ(v.reason.rfind("upstream X-Spam-Flag: YES (model ", 0), 0u) << v.reason;
  auto status = Msg("hans@kunde.dk", "Order question", "My order has not arrived yet.",
                    {{"X-Spam-Status", "Yes, score=7.1 required=5.0"}});
  EXPECT_TRUE(honour.Classify(status).is_spam);
  // "No" from upstream is not evidence either way; the model decides.
  auto no = Msg("x@lottery-prize.biz", "Claim your cash prize", "Winner! click here",
                {{"X-Spam-Status", "No, score=0.1"}});
  EXPECT_TRUE(honour.Classify(no).is_spam);
  SpamOptions ignore;
  ignore.honour_upstream = false;
  SpamFilter model_only = Trained(ignore);
  EXPECT_FALSE(model_only.Classify(m).is_spam);
}

TEST(TriageSpam, SerializeRoundTrip) {
  SpamFilter f = Trained();
  std::string blob = f.Serialize();
  auto back = SpamFilter::Deserialize(blob, f.options());
  ASSERT_TRUE(back) << back.error().ToString();
  EXPECT_EQ(back->spam_messages(), 6u);
  for (const auto& m : Ham()) EXPECT_DOUBLE_EQ(back->Classify(m).probability, f.Classify(m).probability);
  for (const auto& m : Spam()) EXPECT_DOUBLE_EQ(back->Classify(m).probability, f.Classify(m).probability);
  EXPECT_EQ(back->Serialize(), blob);
  std::string bad = blob;
  bad[blob.size() / 2] ^= 0x11;
  auto corrupt = SpamFilter::Deserialize(bad);
  ASSERT_FALSE(corrupt);
  EXPECT_NE(corrupt.error().message.find("spam filter"), std::string::npos);
  EXPECT_FALSE(SpamFilter::Deserialize(blob.substr(0, 10)));
}

// Optional: SpamAssassin easy-ham-1 / spam-1, when ../shared/data is present.
TEST(TriageSpam, SpamAssassinHoldOut) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(SVAR_SHARED_DATA) / "spamassassin";
  if (!fs::is_directory(root / "spam-1")) GTEST_SKIP() << "spamassassin not found at " << root << " (optional data)";
  mail::InitMail();
  SpamOptions o;
  o.honour_upstream = false;
  SpamFilter f(o);
  struct Item { mail::ParsedMessage m; bool spam; };
  std::vector<Item> test;
  size_t n = 0;
  for (auto [dir, spam] : {std::pair{"easy-ham-1", false}, std::pair{"spam-1", true}}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      auto m = mail::ParseMessage(ss.str());
      ASSERT_TRUE(m) << p;
      if (++n % 5 == 0) test.push_back({std::move(*m), spam});
      else f.Learn(*m, spam);
    }
  }
  size_t tp = 0, fp = 0, spam = 0, ham = 0;
  for (const auto& t : test) {
    bool said = f.Classify(t.m).is_spam;
    (t.spam ? spam : ham)++;
    if (said && t.spam) ++tp;
    if (said && !t.spam) ++fp;
  }
  EXPECT_GT(static_cast<double>(tp) / static_cast<double>(spam), 0.85) << tp << " of " << spam;
  EXPECT_LT(static_cast<double>(fp) / static_cast<double>(ham), 0.01) << fp << " of " << ham;
}

}  // namespace
}  // namespace svar::triage
