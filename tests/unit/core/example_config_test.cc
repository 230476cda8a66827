// The shipped example configuration must stay valid and equal to the defaults.
#include <gtest/gtest.h>

#include "core/config.h"

namespace svar {
namespace {

TEST(ExampleConfig, ParsesAndMatchesDefaults) {
  auto c = LoadConfig(std::string(SVAR_SOURCE_DIR) + "/svar.example.toml");
  ASSERT_TRUE(c) << c.error().message;
  Config defaults;
  EXPECT_EQ(c->desk.ref_prefix, defaults.desk.ref_prefix);
  EXPECT_EQ(c->server.port, defaults.server.port);
  EXPECT_EQ(c->intake.max_message_bytes, defaults.intake.max_message_bytes);
  EXPECT_EQ(c->intake.time_limit_ms, defaults.intake.time_limit_ms);
  EXPECT_EQ(c->server.max_body_bytes, defaults.server.max_body_bytes);
  EXPECT_TRUE(c->mailboxes.empty());
  EXPECT_EQ(c->knowledge.review_required, defaults.knowledge.review_required);
  EXPECT_DOUBLE_EQ(c->knowledge.needs_revision_helpful_ratio,
                   defaults.knowledge.needs_revision_helpful_ratio);
  EXPECT_DOUBLE_EQ(c->knowledge.needs_revision_ticket_rate,
                   defaults.knowledge.needs_revision_ticket_rate);
  EXPECT_EQ(c->knowledge.default_locale, defaults.knowledge.default_locale);
}

}  // namespace
}  // namespace svar
