// [outbox]: values read, and mistakes refused with the key and the fix.
#include <gtest/gtest.h>

#include "core/config.h"

namespace svar {
namespace {

TEST(ConfigOutbox, DefaultsAndValues) {
  auto d = ParseConfig("", "t.toml");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->outbox.max_attempts, 8);
  EXPECT_EQ(d->outbox.backoff_base_seconds, 60);
  EXPECT_TRUE(d->outbox.smtp_url.empty());
  auto c = ParseConfig(R"(
[outbox]
smtp_url = "smtps://mail.example.com:465"
username = "desk"
password_file = "/etc/svar/smtp"
require_tls = true
max_attempts = 3
backoff_base_seconds = 5
backoff_max_seconds = 50
batch_size = 7
from = "bounces@example.com"
)",
                       "t.toml");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->outbox.smtp_url, "smtps://mail.example.com:465");
  EXPECT_EQ(c->outbox.password_file, "/etc/svar/smtp");
  EXPECT_TRUE(c->outbox.require_tls);
  EXPECT_EQ(c->outbox.max_attempts, 3);
  EXPECT_EQ(c->outbox.backoff_max_seconds, 50);
  EXPECT_EQ(c->outbox.batch_size, 7);
  EXPECT_EQ(c->outbox.from, "bounces@example.com");
}

TEST(ConfigOutbox, RefusesMistakesWithTheKey) {
  auto msg = [](const char* toml) {
    auto c = ParseConfig(toml, "t.toml");
    EXPECT_FALSE(c) << toml;
    return c ? std::string() : c.error().message;
  };
  EXPECT_NE(msg("[outbox]\nsmtp_url = \"http://x\"").find("smtp://"), std::string::npos);
  EXPECT_NE(msg("[outbox]\nusername = \"u\"").find("password_file"), std::string::npos);
  EXPECT_NE(msg("[outbox]\nbackoff_base_seconds = 100\nbackoff_max_seconds = 10")
                .find("backoff_max_seconds"),
            std::string::npos);
  EXPECT_NE(msg("[outbox]\nmax_attempts = 0").find("max_attempts"), std::string::npos);
  EXPECT_NE(msg("[outbox]\nfrom = \"nobody\"").find("outbox.from"), std::string::npos);
  EXPECT_NE(msg("[outbox]\nsmpt_url = \"smtp://x\"").find("smpt_url"), std::string::npos);
}

}  // namespace
}  // namespace svar
