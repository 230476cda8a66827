// The shipped example configuration must stay valid and equal to the defaults.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

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
  EXPECT_EQ(c->triage.languages, defaults.triage.languages);
  EXPECT_DOUBLE_EQ(c->triage.category_threshold, defaults.triage.category_threshold);
  EXPECT_DOUBLE_EQ(c->triage.spam_threshold, defaults.triage.spam_threshold);
  EXPECT_DOUBLE_EQ(c->triage.high_churn, defaults.triage.high_churn);
  EXPECT_DOUBLE_EQ(c->triage.valuable_customer, defaults.triage.valuable_customer);
  EXPECT_EQ(c->triage.retrain_after, defaults.triage.retrain_after);
  EXPECT_EQ(c->routing.max_wait_minutes, defaults.routing.max_wait_minutes);
  EXPECT_EQ(c->routing.fallback_language, defaults.routing.fallback_language);
  EXPECT_EQ(c->routing.check_seconds, defaults.routing.check_seconds);
  EXPECT_TRUE(c->categories.empty() && c->rules.empty() && c->agents.empty() &&
              c->calendars.empty() && c->sla.empty());
}

// Every commented example section parses when uncommented (the documentation is true).
TEST(ExampleConfig, CommentedSectionsParse) {
  std::ifstream in(std::string(SVAR_SOURCE_DIR) + "/svar.example.toml");
  std::string text, line;
  while (std::getline(in, line)) {
    // "# [[agent]]" and "# name = ..." are commented settings; "# Categories of mail..." and
    // "#   text" are prose.
    const bool setting = line.starts_with("# ") && line.size() > 2 && line[2] != ' ' &&
                         (line[2] == '[' || line.find(" = ") != std::string::npos);
    if (setting)
      text += line.substr(2) + "\n";
    else
      text += line + "\n";
  }
  auto c = ParseConfig(text, "uncommented svar.example.toml");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->categories.size(), 1u);
  EXPECT_EQ(c->rules.size(), 1u);
  EXPECT_EQ(c->agents.size(), 1u);
  EXPECT_EQ(c->calendars.size(), 1u);
  EXPECT_EQ(c->sla.size(), 1u);
  EXPECT_EQ(c->agents[0].skills.at("billing"), 4);
}

}  // namespace
}  // namespace svar
