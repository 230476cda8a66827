#include "triage/guards.h"

#include <gtest/gtest.h>

#include "tickets/records.h"

namespace svar::triage {
namespace {

mail::ParsedMessage With(std::vector<std::pair<std::string, std::string>> headers) {
  mail::ParsedMessage m;
  m.from.email = "customer@example.com";
  m.subject = "Question";
  m.headers = std::move(headers);
  return m;
}

TEST(Guards, PlainMailPasses) {
  auto g = RunGuards(With({{"From", "customer@example.com"}}), {"support@desk.example"});
  EXPECT_EQ(g.flags, 0u);
  EXPECT_EQ(g.ReasonsJson(), "{}");
}

TEST(Guards, AutoSubmitted) {
  EXPECT_TRUE(CheckAutoReply(With({{"Auto-Submitted", "auto-replied"}})));
  EXPECT_TRUE(CheckAutoReply(With({{"auto-submitted", "auto-generated"}})));
  EXPECT_FALSE(CheckAutoReply(With({{"Auto-Submitted", "no"}})));
}

TEST(Guards, VendorAutoReplyHeaders) {
  EXPECT_TRUE(CheckAutoReply(With({{"X-Autoreply", "yes"}})));
  EXPECT_TRUE(CheckAutoReply(With({{"X-Autorespond", "1"}})));
  EXPECT_TRUE(CheckAutoReply(With({{"X-Auto-Response-Suppress", "All"}})));
  EXPECT_TRUE(CheckAutoReply(With({{"Precedence", "auto_reply"}})));
  EXPECT_FALSE(CheckAutoReply(With({{"X-Auto-Response-Suppress", "DR"}})));
}

TEST(Guards, OutOfOfficeSubjectsInDeskLanguages) {
  for (const char* s : {"Automatic reply: your order", "Autosvar: Ferie", "Fraværende",
                        "Автоответ: в отпуске", "自动回复: 休假", "Out of Office: back Monday"}) {
    auto m = With({});
    m.subject = s;
    EXPECT_TRUE(CheckAutoReply(m)) << s;
  }
}

TEST(Guards, Lists) {
  EXPECT_TRUE(CheckList(With({{"List-Id", "<dev.lists.example>"}})));
  EXPECT_TRUE(CheckList(With({{"List-Unsubscribe", "<mailto:x@y>"}})));
  EXPECT_TRUE(CheckList(With({{"Precedence", "bulk"}})));
  EXPECT_TRUE(CheckList(With({{"Precedence", "junk"}})));
  EXPECT_FALSE(CheckList(With({{"Precedence", "first-class"}})));
}

TEST(Guards, Bounces) {
  auto report = With({});
  report.bounce.is_report = true;
  EXPECT_TRUE(CheckBounce(report));
  auto daemon = With({});
  daemon.from.email = "MAILER-DAEMON@mx.example.com";
  EXPECT_TRUE(CheckBounce(daemon));
  auto null_path = With({{"Return-Path", "<>"}});
  null_path.has_return_path = true;
  EXPECT_TRUE(CheckBounce(null_path));
  // An RFC 3834 auto-reply with a null return path is an auto-reply, not a bounce.
  auto ooo = With({{"Return-Path", "<>"}, {"Auto-Submitted", "auto-replied"}});
  ooo.has_return_path = true;
  EXPECT_FALSE(CheckBounce(ooo));
}

TEST(Guards, OwnAddressIsCaseInsensitive) {
  auto m = With({});
  m.from.email = "support@desk.example";
  auto g = RunGuards(m, {"Support@Desk.Example"});
  EXPECT_EQ(g.flags, tickets::kGuardOwnAddress);
  EXPECT_NE(g.ReasonsJson().find("own_address"), std::string::npos);
}

}  // namespace
}  // namespace svar::triage
