// Desk settings: the editable sections travel as JSON, are read by the file's readers (same
// checks, same messages), and a section's JSON round-trips exactly.
#include "core/desk_settings.h"

#include <gtest/gtest.h>

namespace svar {
namespace {

Config Example() {
  auto c = ParseConfig(R"(
[[category]]
name = "billing"
skills = { billing = 2, refunds = 1 }
team = "money"
priority = "high"
templates = ["refund-howto"]
[[category]]
name = "delivery"
[[rule]]
name = "invoices"
category = "billing"
any_of = ["invoice", "faktura"]
none_of = ["newsletter"]
priority = 5
[[calendar]]
name = "office"
time_zone = "Europe/Copenhagen"
hours = ["mon-fri 08:00-16:00"]
holidays = ["12-24", "2026-12-31 12:00-24:00"]
[[agent]]
email = "anna@desk.example"
calendar = "office"
[[sla]]
name = "vip"
tiers = ["gold"]
priorities = ["high", "urgent"]
categories = ["billing"]
first_response = 60
next_response = 120
resolution = 1440
calendar = "office"
warning_at = 0.75
on_warning = ["notify"]
on_breach = ["raise_priority:urgent", "reassign:money"]
)",
                       "test.toml");
  EXPECT_TRUE(c) << (c ? "" : c.error().message);
  return *c;
}

TEST(DeskSettings, EverySectionRoundTripsThroughJson) {
  const Config original = Example();
  for (auto section : kDeskSettingSections) {
    Config empty;
    empty.agents = original.agents;
    const std::string json = DeskSectionJson(original, section);
    ASSERT_TRUE(ReplaceDeskSection(empty, section, json)) << section;
    EXPECT_EQ(DeskSectionJson(empty, section), json) << section;
  }
  Config rebuilt;
  rebuilt.agents = original.agents;
  for (auto section : kDeskSettingSections)
    ASSERT_TRUE(ReplaceDeskSection(rebuilt, section, DeskSectionJson(original, section)));
  EXPECT_TRUE(CheckDeskReferences(rebuilt, "test"));
  ASSERT_EQ(rebuilt.categories.size(), 2u);
  EXPECT_EQ(rebuilt.categories[0].skills.at("refunds"), 1);
  EXPECT_EQ(rebuilt.categories[1].priority, "");  // no floor
  EXPECT_EQ(rebuilt.rules[0].none_of, std::vector<std::string>{"newsletter"});
  EXPECT_EQ(rebuilt.calendars[0].holidays.size(), 2u);
  EXPECT_DOUBLE_EQ(rebuilt.sla[0].warning_at, 0.75);
  EXPECT_EQ(rebuilt.sla[0].on_breach[1], "reassign:money");
}

TEST(DeskSettings, DefaultsAreFilledInLikeTheFile) {
  Config c;
  ASSERT_TRUE(ReplaceDeskSection(c, "sla", R"([{"first_response": 30}])"));
  ASSERT_EQ(c.sla.size(), 1u);
  EXPECT_EQ(c.sla[0].name, "sla 1");
  EXPECT_DOUBLE_EQ(c.sla[0].warning_at, 0.8);
  ASSERT_TRUE(ReplaceDeskSection(c, "sla", "[]"));  // an empty list removes them all
  EXPECT_TRUE(c.sla.empty());
}

struct BadCase {
  const char* section;
  const char* json;
  const char* expected;  // a part of the message
};

TEST(DeskSettings, BadInputIsRefusedWithTheKeyAndTheFix) {
  const BadCase cases[] = {
      {"categories", "not json", "not valid JSON"},
      {"categories", R"({"name": "billing"})", "must be a JSON array"},
      {"categories", R"(["billing"])", "category[0] must be an object"},
      {"categories", R"([{"name": "billing", "colour": "red"}])",
       "category[0].colour; allowed keys here: name, skills, team, priority, templates"},
      {"categories", R"([{"name": "billing", "priority": "sometimes"}])",
       "use one of: low, normal, high, urgent"},
      {"categories", R"([{"name": "billing", "skills": {"billing": 9}}])",
       "skills.billing = 9 is out of range; allowed: 1 to 5"},
      {"categories", R"([{"name": "a"}, {"name": "a"}])", "defined twice"},
      {"categories", R"([{"skills": {}}])", "name is missing"},
      {"categories", R"([{"name": null}])", "is null; leave the key out"},
      {"rules", R"([{"name": "r", "category": "billing"}])", "any_of is empty"},
      {"rules", R"([{"name": "r", "category": "billing", "any_of": "invoice"}])",
       "must be a list of strings"},
      {"calendars", R"([{"name": "office", "hours": [8]}])", "must be a list of strings"},
      {"sla", R"([{"name": "s", "first_response": -1}])", "out of range"},
      {"sla", R"([{"name": "s", "warning_at": "soon"}])", "must be a number"},
      {"agents", "[]", "not a section that can be edited; use one of: categories, rules"},
  };
  for (const auto& c : cases) {
    Config config = Example();
    const std::string before = DeskSectionJson(config, "categories");
    auto st = ReplaceDeskSection(config, c.section, c.json);
    ASSERT_FALSE(st) << c.json;
    EXPECT_NE(st.error().message.find(c.expected), std::string::npos)
        << c.json << " -> " << st.error().message;
    EXPECT_EQ(st.error().message.find("test.toml"), std::string::npos) << st.error().message;
    EXPECT_EQ(DeskSectionJson(config, "categories"), before);  // unchanged on error
  }
}

TEST(DeskSettings, ReferencesAreCheckedAcrossSections) {
  Config c = Example();
  ASSERT_TRUE(ReplaceDeskSection(c, "categories", R"([{"name": "delivery"}])"));
  auto st = CheckDeskReferences(c, "categories");
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("rule \"invoices\" names category \"billing\""),
            std::string::npos)
      << st.error().message;

  c = Example();
  ASSERT_TRUE(ReplaceDeskSection(c, "calendars", "[]"));
  st = CheckDeskReferences(c, "calendars");
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("calendar \"office\""), std::string::npos);

  c = Example();
  CopyDeskSection(Config{}, c, "rules");
  EXPECT_TRUE(c.rules.empty());
}

}  // namespace
}  // namespace svar
