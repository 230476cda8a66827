// The [acknowledgement] section and [desk].public_url: defaults, values, and errors that name
// the key.
#include <gtest/gtest.h>

#include "core/config.h"

namespace svar {
namespace {

TEST(AcknowledgementConfig, Defaults) {
  auto c = ParseConfig("", "test");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->acknowledgement.enabled);
  EXPECT_EQ(c->acknowledgement.max_per_sender_per_day, 3);
  EXPECT_EQ(c->acknowledgement.links, 3);
  EXPECT_EQ(c->acknowledgement.max_age_hours, 24);
  EXPECT_EQ(c->acknowledgement.time_zone, "");
  EXPECT_EQ(c->desk.public_url, "");
}

TEST(AcknowledgementConfig, Values) {
  auto c = ParseConfig(
      "[desk]\npublic_url = \"https://help.example.com\"\n"
      "[acknowledgement]\nenabled = false\nmax_per_sender_per_day = 5\nlinks = 0\n"
      "max_age_hours = 48\ntime_zone = \"Europe/Oslo\"\nnever_to = [\"alerts\"]\n",
      "test");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_FALSE(c->acknowledgement.enabled);
  EXPECT_EQ(c->acknowledgement.max_per_sender_per_day, 5);
  EXPECT_EQ(c->acknowledgement.links, 0);
  EXPECT_EQ(c->acknowledgement.max_age_hours, 48);
  EXPECT_EQ(c->acknowledgement.time_zone, "Europe/Oslo");
  EXPECT_EQ(c->acknowledgement.never_to, std::vector<std::string>{"alerts"});
  EXPECT_EQ(c->desk.public_url, "https://help.example.com");
}

TEST(AcknowledgementConfig, ErrorsNameTheKey) {
  auto links = ParseConfig("[acknowledgement]\nlinks = 4\n", "svar.toml");
  ASSERT_FALSE(links);
  EXPECT_NE(links.error().message.find("acknowledgement.links"), std::string::npos);
  EXPECT_NE(links.error().message.find("0 to 3"), std::string::npos);
  auto rate = ParseConfig("[acknowledgement]\nmax_per_sender_per_day = 0\n", "svar.toml");
  ASSERT_FALSE(rate);
  EXPECT_NE(rate.error().message.find("max_per_sender_per_day"), std::string::npos);
  auto unknown = ParseConfig("[acknowledgement]\nenable = true\n", "svar.toml");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("acknowledgement.enable"), std::string::npos);
}

}  // namespace
}  // namespace svar
