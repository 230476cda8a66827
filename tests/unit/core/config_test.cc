#include "core/config.h"

#include <gtest/gtest.h>

namespace svar {
namespace {

TEST(Config, DefaultsWhenEmpty) {
  auto c = ParseConfig("", "test.toml");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->desk.ref_prefix, "SV");
  EXPECT_EQ(c->server.port, 8025);
  EXPECT_EQ(c->storage.synchronous, "normal");
}

TEST(Config, ReadsSections) {
  auto c = ParseConfig(R"(
[desk]
addresses = ["support@example.com"]
ref_prefix = "HD"
[intake]
time_limit_ms = 500
[[mailbox]]
name = "support"
imap_url = "imaps://imap.example.com/INBOX"
username = "u"
password = "p"
)", "t.toml");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->desk.ref_prefix, "HD");
  EXPECT_EQ(c->intake.time_limit_ms, 500);
  ASSERT_EQ(c->mailboxes.size(), 1u);
  EXPECT_EQ(c->mailboxes[0].after_fetch, "seen");
}

TEST(Config, UnknownKeyNamesKeyAndAllowed) {
  auto c = ParseConfig("[server]\nprot = 80\n", "t.toml");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("server.prot"), std::string::npos);
  EXPECT_NE(c.error().message.find("port"), std::string::npos);
}

TEST(Config, BadValueNamesKeyAndRange) {
  auto c = ParseConfig("[server]\nport = 70000\n", "t.toml");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("server.port"), std::string::npos);
  EXPECT_NE(c.error().message.find("0 to 65535"), std::string::npos);
}

TEST(Config, BadEnumListsChoices) {
  auto c = ParseConfig("[storage]\nsynchronous = \"sometimes\"\n", "t.toml");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("normal, full"), std::string::npos);
}

TEST(Config, WrongTypeSaysWhatIsExpected) {
  auto c = ParseConfig("[desk]\naddresses = \"a@b.c\"\n", "t.toml");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("desk.addresses must be a list of strings"), std::string::npos);
}

TEST(Config, MailboxNeedsCredentials) {
  auto c = ParseConfig("[[mailbox]]\nname=\"m\"\nimap_url=\"imaps://h/INBOX\"\nusername=\"u\"\n",
                       "t.toml");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("password"), std::string::npos);
}

TEST(Config, BadPrefix) {
  auto c = ParseConfig("[desk]\nref_prefix = \"s v\"\n", "t.toml");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("desk.ref_prefix"), std::string::npos);
}

TEST(Config, SyntaxErrorHasLine) {
  auto c = ParseConfig("[desk\n", "t.toml");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("t.toml:1"), std::string::npos);
}

}  // namespace
}  // namespace svar

namespace svar {
namespace {

TEST(Config, KnowledgeSection) {
  auto c = ParseConfig("[knowledge]\nreview_exempt_categories = [\"faq\"]\n"
                       "needs_revision_helpful_ratio = 0.4\nneeds_revision_ticket_rate = 1\n",
                       "t.toml");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->knowledge.review_exempt_categories, std::vector<std::string>{"faq"});
  EXPECT_DOUBLE_EQ(c->knowledge.needs_revision_helpful_ratio, 0.4);
  EXPECT_DOUBLE_EQ(c->knowledge.needs_revision_ticket_rate, 1.0);
  auto bad = ParseConfig("[knowledge]\nneeds_revision_helpful_ratio = 1.5\n", "t.toml");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("knowledge.needs_revision_helpful_ratio"), std::string::npos);
}

}  // namespace
}  // namespace svar
