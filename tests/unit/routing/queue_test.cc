// Queue order and the agent helpers (language matching, status names).
#include "routing/queue.h"

#include <gtest/gtest.h>

#include "routing/agent.h"

namespace svar::routing {
namespace {

TicketFacts T(int64_t id, std::string priority, bool vip, int64_t since) {
  TicketFacts t;
  t.ticket_id = id;
  t.priority = std::move(priority);
  t.vip = vip;
  t.waiting_since = since;
  return t;
}

std::vector<int64_t> Ids(const std::vector<TicketFacts>& q) {
  std::vector<int64_t> ids;
  for (const auto& t : q) ids.push_back(t.ticket_id);
  return ids;
}

TEST(RoutingQueue, PriorityRanks) {
  EXPECT_EQ(PriorityRank("urgent"), 0);
  EXPECT_EQ(PriorityRank("HIGH"), 1);
  EXPECT_EQ(PriorityRank("normal"), 2);
  EXPECT_EQ(PriorityRank(""), 2);
  EXPECT_EQ(PriorityRank("whatever"), 2);
  EXPECT_EQ(PriorityRank(" low "), 3);
}

TEST(RoutingQueue, OrderIsPriorityThenVipThenAgeThenId) {
  std::vector<TicketFacts> q = {
      T(1, "low", true, 100),       // low priority even though VIP and oldest
      T(2, "normal", false, 200),   //
      T(3, "normal", true, 900),    // VIP before older normal tickets
      T(4, "urgent", false, 1000),  // urgent first even though newest
      T(5, "normal", false, 150),   // oldest normal non-VIP
      T(6, "", false, 150),         // "" is normal; same age as 5: id decides
      T(7, "high", false, 500),
  };
  SortQueue(q);
  EXPECT_EQ(Ids(q), (std::vector<int64_t>{4, 7, 3, 5, 6, 2, 1}));
  EXPECT_TRUE(ServedBefore(T(9, "high", false, 9), T(8, "normal", true, 1)));
  EXPECT_FALSE(ServedBefore(T(8, "normal", true, 1), T(9, "high", false, 9)));
}

TEST(RoutingAgent, LanguageCodesCompareOnPrimarySubtag) {
  EXPECT_EQ(CanonicalLanguage("sv-SE"), "sv");
  EXPECT_EQ(CanonicalLanguage("DA"), "da");
  EXPECT_EQ(CanonicalLanguage("zh_TW"), "zh");
  EXPECT_EQ(CanonicalLanguage("zh-Hant"), "zh");
  EXPECT_EQ(CanonicalLanguage(""), "");
  AgentSnapshot a;
  a.languages = {"sv-SE", "zh-Hans"};
  EXPECT_TRUE(SpeaksLanguage(a, "sv"));
  EXPECT_TRUE(SpeaksLanguage(a, "zh-Hant"));  // scripts do not matter
  EXPECT_TRUE(SpeaksLanguage(a, "zh"));
  EXPECT_FALSE(SpeaksLanguage(a, "da"));
  EXPECT_FALSE(SpeaksLanguage(a, ""));
}

TEST(RoutingAgent, FastCompareAgreesWithCanonicalForm) {
  const char* codes[] = {"da",    "DA", " sv-SE", "zh_TW", "zh-Hant", "no",  "NN",
                         "nb-NO", "n",  "nbx",    "en",    "",        "ru ", "fi"};
  const char* canonical[] = {"da", "sv", "zh", "nb", "en", "ru", "fi", "n"};
  for (const char* code : codes)
    for (const char* c : canonical)
      EXPECT_EQ(IsCanonicalLanguage(code, c), CanonicalLanguage(code) == c) << code << " " << c;
}

TEST(RoutingAgent, NorwegianVariantsAreOneLanguage) {
  AgentSnapshot bokmal;
  bokmal.languages = {"nb"};
  AgentSnapshot no;
  no.languages = {"no"};
  AgentSnapshot nynorsk;
  nynorsk.languages = {"nn"};
  for (const AgentSnapshot* a : {&bokmal, &no, &nynorsk})
    for (const char* code : {"nb", "no", "nn", "nb-NO"})
      EXPECT_TRUE(SpeaksLanguage(*a, code)) << code;
  EXPECT_FALSE(SpeaksLanguage(bokmal, "da"));
  EXPECT_FALSE(SpeaksLanguage(bokmal, "sv"));
}

TEST(RoutingAgent, StatusNamesRoundTrip) {
  for (AgentStatus s : {AgentStatus::kAvailable, AgentStatus::kAway, AgentStatus::kOffline}) {
    auto parsed = ParseAgentStatus(AgentStatusName(s));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_EQ(ParseAgentStatus(" Away ").value(), AgentStatus::kAway);
  auto bad = ParseAgentStatus("busy");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message.find("available, away or offline"), std::string::npos);
}

TEST(RoutingAgent, TakesNewTicketsAndRoom) {
  AgentSnapshot a;
  a.capacity = 2;
  a.open_tickets = 1;
  EXPECT_TRUE(TakesNewTickets(a, 0));
  EXPECT_TRUE(HasRoom(a));
  a.open_tickets = 2;
  EXPECT_FALSE(HasRoom(a));
  a.capacity = 0;
  a.open_tickets = 0;
  EXPECT_FALSE(HasRoom(a));
  a.status = AgentStatus::kAway;
  EXPECT_FALSE(TakesNewTickets(a, 0));
  a.status = AgentStatus::kAvailable;
  a.at_work = [](int64_t t) { return t >= 100; };
  EXPECT_FALSE(TakesNewTickets(a, 99));
  EXPECT_TRUE(TakesNewTickets(a, 100));
}

}  // namespace
}  // namespace svar::routing
