// The triage and routing routes of the JSON API on an in-memory database and a fake clock:
// category corrections stored as training examples, spam / not spam lessons (learnt, undone,
// routed), manual assignment, status changes on the SLA timeline, agents and customers with
// their validation, the ticket views and the configuration.
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "core/config.h"
#include "intake/raw_spool.h"
#include "mail/parse.h"
#include "routing/desk_routing.h"
#include "support/memory_db.h"
#include "tickets/ticket_store.h"
#include "triage/triage_store.h"
#include "web/agent_records.h"
#include "web/agents_handler.h"
#include "web/customers_handler.h"
#include "web/roles.h"
#include "web/ticket_spam_handler.h"
#include "web/ticket_status_handler.h"
#include "web/ticket_triage_handler.h"
#include "web/tickets_handler.h"
#include "web/triage_config_handler.h"

namespace svar::web {
namespace {

using nlohmann::json;

// Monday 2026-11-23 09:00 in Copenhagen = 08:00 UTC.
constexpr int64_t kMonday9 = 1795420800;

constexpr const char* kConfig = R"(
[triage]
languages = ["da", "sv", "en"]
[[category]]
name = "billing"
skills = { billing = 2 }
team = "money"
[[category]]
name = "refunds"
team = "money"
priority = "high"
[[agent]]
email = "anna@desk.example"
name = "Anna"
skills = { billing = 3 }
languages = ["da", "en"]
teams = ["money"]
capacity = 5
[[agent]]
email = "bo@desk.example"
name = "Bo"
skills = { billing = 4 }
languages = ["sv"]
teams = ["money"]
[[calendar]]
name = "office"
time_zone = "Europe/Copenhagen"
hours = ["mon-fri 08:00-16:00"]
[[sla]]
name = "standard"
first_response = 30
)";

class TriageApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    mail::InitMail();
    db_ = svar::testing::MigratedMemoryDb();
    ASSERT_TRUE(db_);
    auto config = ParseConfig(kConfig, "test.toml");
    ASSERT_TRUE(config) << config.error().message;
    config_ = std::move(*config);
    auto routing = routing::DeskRouting::Create(config_);
    ASSERT_TRUE(routing) << routing.error().message;
    routing_ = std::move(*routing);
    ASSERT_TRUE(routing_->SyncAgents(*db_, kMonday9));
    store_ = std::make_unique<tickets::TicketStore>(*db_, "SV", 1000);
    spool_ = std::make_unique<intake::RawSpool>(*db_);
    clock_.Set(kMonday9 * 1000000);
    context_ = std::make_unique<WebContext>(WebContext{*db_, *store_, *spool_, config_});
    context_->clock = &clock_;
    context_->routing = routing_.get();
  }

  // A ticket with one customer message (kept in the raw spool), triaged as `category`,
  // routed like intake does.
  std::string NewTicket(const std::string& subject, const std::string& text,
                        const std::string& category = "billing", bool route = true,
                        const std::string& from = "kunde@example.dk") {
    const int64_t now = clock_.NowSeconds();
    std::string raw = "From: " + from + "\r\nTo: support@desk.example\r\nSubject: " + subject +
                      "\r\nMessage-ID: <" + std::to_string(++serial_) +
                      "@example.dk>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text +
                      "\r\n";
    auto put = spool_->Put(raw, "test", std::nullopt, now);
    EXPECT_TRUE(put);
    auto customer = store_->UpsertCustomer(from, "", now);
    EXPECT_TRUE(customer);
    auto t = store_->CreateTicket(subject, customer->id, std::nullopt, std::nullopt, now);
    EXPECT_TRUE(t);
    tickets::Message m;
    m.ticket_id = t->id;
    m.raw_id = put->id;
    m.message_id = "<" + std::to_string(serial_) + "@example.dk>";
    m.from_email = from;
    m.subject = subject;
    m.text = text;
    m.received_at = now;
    EXPECT_TRUE(store_->InsertMessage(m));
    EXPECT_TRUE(
        db_->Exec("UPDATE tickets SET language = 'da', category = ?, category_source = "
                  "'model' WHERE id = ?",
                  {category, t->id}));
    EXPECT_TRUE(
        db_->Exec("INSERT INTO ticket_events(ticket_id, kind, at) VALUES (?, 'created', "
                  "?), (?, 'customer_message', ?)",
                  {t->id, now, t->id, now}));
    if (route) EXPECT_TRUE(routing_->OnNewTicket(*db_, t->id, now));
    return t->ref;
  }

  Request Make(const std::string& method, json body = nullptr, Role role = Role::kAgent) {
    Request r;
    r.method = method;
    if (!body.is_null()) r.body = body.dump();
    r.actor = "anna";
    r.actor_role = static_cast<int>(role);
    return r;
  }
  Request ForTicket(const std::string& method, const std::string& ref, json body = nullptr) {
    Request r = Make(method, std::move(body));
    r.path_params["ref"] = ref;
    return r;
  }
  Request ForAgent(const std::string& method, const std::string& email, json body,
                   Role role = Role::kAgent) {
    Request r = Make(method, std::move(body), role);
    r.path_params["email"] = email;
    return r;
  }

  std::string One(const std::string& sql, storage::Params p = {}) {
    auto row = db_->QueryOne(sql, p);
    EXPECT_TRUE(row);
    if (!row || !*row) return "<none>";
    const storage::Row& r = **row;
    if (r.IsNull(0)) return "";
    return r.Text(0).empty() ? std::to_string(r.Int(0)) : r.Text(0);
  }
  int64_t Count(const std::string& sql, storage::Params p = {}) {
    auto row = db_->QueryOne(sql, p);
    EXPECT_TRUE(row);
    return row && *row ? (*row)->Int(0) : -1;
  }
  int64_t IdOf(const std::string& ref) {
    auto t = store_->FindByRef(ref);
    EXPECT_TRUE(t && *t);
    return t && *t ? (*t)->id : 0;
  }
  std::string Message(const Response& r) { return json::parse(r.body)["error"]["message"]; }
  std::vector<std::string> Refs(const Response& r) {
    std::vector<std::string> out;
    const json body = json::parse(r.body);
    for (const auto& t : body["tickets"]) out.push_back(t["ref"]);
    return out;
  }
  Response List(std::vector<std::pair<std::string, std::string>> query) {
    Request r = Make("GET");
    r.query = std::move(query);
    return HandleListTickets(*context_, r);
  }

  std::unique_ptr<storage::Database> db_;
  Config config_;
  std::unique_ptr<routing::DeskRouting> routing_;
  std::unique_ptr<tickets::TicketStore> store_;
  std::unique_ptr<intake::RawSpool> spool_;
  FakeClock clock_;
  std::unique_ptr<WebContext> context_;
  int serial_ = 0;
};

TEST_F(TriageApiTest, CategoryCorrectionIsStoredAsAnExampleWithAnEvent) {
  std::string ref = NewTicket("Refusion", "Jeg vil have mine penge tilbage");
  Response r =
      HandlePatchTicketTriage(*context_, ForTicket("PATCH", ref, {{"category", "refunds"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  json out = json::parse(r.body);
  EXPECT_EQ(out["triage"]["category"], "refunds");
  EXPECT_EQ(out["triage"]["category_source"], "agent");
  EXPECT_EQ(out["examples_since_training"], 1);
  EXPECT_EQ(out["agent_examples"], 1);
  const int64_t id = IdOf(ref);
  EXPECT_EQ(One("SELECT text FROM category_examples WHERE ticket_id = ?", {id}),
            "Refusion\n\nJeg vil have mine penge tilbage");
  EXPECT_EQ(One("SELECT source FROM category_examples WHERE ticket_id = ?", {id}), "agent");
  EXPECT_EQ(One("SELECT detail FROM ticket_events WHERE ticket_id = ? AND kind = "
                "'triage_corrected'",
                {id}),
            "category billing -> refunds by anna");
  // A confirmation is an example too, and says so in the timeline.
  r = HandlePatchTicketTriage(
      *context_, ForTicket("PATCH", ref,
                           {{"category", "refunds"}, {"priority", "urgent"}, {"language", "SV"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM category_examples WHERE ticket_id = ?", {id}), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND detail = "
                  "'category refunds confirmed by anna'",
                  {id}),
            1);
  EXPECT_EQ(One("SELECT priority FROM tickets WHERE id = ?", {id}), "urgent");
  EXPECT_EQ(One("SELECT language FROM tickets WHERE id = ?", {id}), "sv");
}

TEST_F(TriageApiTest, CorrectionsAreCheckedAgainstTheConfig) {
  std::string ref = NewTicket("Faktura", "Hvor er min faktura?");
  Response r = HandlePatchTicketTriage(*context_, ForTicket("PATCH", ref, {{"category", "food"}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Message(r).find("allowed: billing, refunds"), std::string::npos) << r.body;
  r = HandlePatchTicketTriage(*context_, ForTicket("PATCH", ref, {{"priority", "asap"}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Message(r).find("low, normal, high or urgent"), std::string::npos) << r.body;
  r = HandlePatchTicketTriage(*context_, ForTicket("PATCH", ref, {{"language", "fr"}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Message(r).find("da, sv, en"), std::string::npos) << r.body;
  r = HandlePatchTicketTriage(*context_, ForTicket("PATCH", ref, {{"colour", "red"}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Message(r).find("unknown field \"colour\""), std::string::npos) << r.body;
  r = HandlePatchTicketTriage(*context_, ForTicket("PATCH", ref, json::object()));
  EXPECT_EQ(r.status, 400);
  r = HandlePatchTicketTriage(*context_, ForTicket("PATCH", "SV-9999", {{"category", "billing"}}));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM category_examples"), 0);
}

TEST_F(TriageApiTest, SpamLessonIsLearntUndoneAndTheTicketRouted) {
  std::string ref = NewTicket("Cheap pills", "Buy cheap pills now, limited offer");
  const int64_t id = IdOf(ref);
  ASSERT_NE(One("SELECT assignee_id FROM tickets WHERE id = ?", {id}), "");
  Response r = HandleTicketSpam(*context_, ForTicket("POST", ref, {{"spam", true}}));
  ASSERT_EQ(r.status, 200) << r.body;
  json out = json::parse(r.body);
  EXPECT_TRUE(out["learned"]);
  EXPECT_EQ(out["filter"]["spam_messages"], 1);
  EXPECT_EQ(out["filter"]["ham_messages"], 0);
  EXPECT_EQ(Count("SELECT spam FROM tickets WHERE id = ?", {id}), 1);
  EXPECT_EQ(One("SELECT assignee_id FROM tickets WHERE id = ?", {id}), "");  // unassigned
  EXPECT_EQ(Count("SELECT spam FROM spam_lessons"), 1);
  EXPECT_EQ(Refs(List({{"view", "spam"}})), std::vector<std::string>{ref});
  EXPECT_TRUE(Refs(List({})).empty());  // the default list leaves spam out

  // The filter as saved has learnt it.
  triage::SpamOptions options;
  auto saved = triage::LoadSpamFilter(*db_, options);
  ASSERT_TRUE(saved && *saved);
  EXPECT_EQ((*saved)->spam_messages(), 1u);

  r = HandleTicketSpam(*context_, ForTicket("POST", ref, {{"spam", false}}));
  ASSERT_EQ(r.status, 200) << r.body;
  out = json::parse(r.body);
  EXPECT_EQ(out["filter"]["spam_messages"], 0);  // the wrong lesson undone
  EXPECT_EQ(out["filter"]["ham_messages"], 1);
  ASSERT_TRUE(out["routing"].is_string()) << r.body;
  EXPECT_NE(out["routing"].get<std::string>().find("routed to"), std::string::npos) << r.body;
  EXPECT_EQ(Count("SELECT spam FROM tickets WHERE id = ?", {id}), 0);
  EXPECT_NE(One("SELECT assignee_id FROM tickets WHERE id = ?", {id}), "");
  EXPECT_TRUE(Refs(List({{"view", "spam"}})).empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind IN "
                  "('spam', 'not_spam')",
                  {id}),
            2);
  // The same click again teaches nothing new.
  r = HandleTicketSpam(*context_, ForTicket("POST", ref, {{"spam", false}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(json::parse(r.body)["learned"]);
  EXPECT_EQ(json::parse(r.body)["filter"]["ham_messages"], 1);

  r = HandleTicketSpam(*context_, ForTicket("POST", ref, {{"spam", "yes"}}));
  EXPECT_EQ(r.status, 400);
}

TEST_F(TriageApiTest, ManualAssignmentNeedsAKnownAgentAndRouting) {
  std::string ref = NewTicket("Faktura", "Hvor er min faktura?");
  Response r =
      HandleAssignTicket(*context_, ForTicket("POST", ref, {{"agent", "bo@desk.example"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(json::parse(r.body)["reason"].get<std::string>().find("Bo"), std::string::npos);
  EXPECT_EQ(One("SELECT a.email FROM tickets t JOIN agents a ON a.id = t.assignee_id WHERE "
                "t.id = ?",
                {IdOf(ref)}),
            "bo@desk.example");
  EXPECT_EQ(
      One("SELECT actor FROM routing_decisions WHERE ticket_id = ? ORDER BY id DESC", {IdOf(ref)}),
      "anna");
  r = HandleAssignTicket(*context_, ForTicket("POST", ref, {{"agent", "nobody@desk.example"}}));
  EXPECT_EQ(r.status, 404);
  context_->routing = nullptr;
  r = HandleAssignTicket(*context_, ForTicket("POST", ref, {{"agent", "bo@desk.example"}}));
  EXPECT_EQ(r.status, 503);
}

TEST_F(TriageApiTest, StatusChangesAreOnTheTimeline) {
  std::string ref = NewTicket("Faktura", "Hvor er min faktura?");
  const int64_t id = IdOf(ref);
  ASSERT_NE(One("SELECT first_response_due FROM tickets WHERE id = ?", {id}), "");
  Response r = HandlePatchTicket(*context_, ForTicket("PATCH", ref, {{"status", "pending"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["ticket"]["status"], "pending");
  // pending pauses the clock: no due time while the customer is to answer.
  EXPECT_EQ(One("SELECT first_response_due FROM tickets WHERE id = ?", {id}), "");
  // (same second)
  r = HandlePatchTicket(*context_, ForTicket("PATCH", ref, {{"status", "open"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(One("SELECT first_response_due FROM tickets WHERE id = ?", {id}), "");  // runs again
  r = HandlePatchTicket(*context_, ForTicket("PATCH", ref, {{"status", "solved"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  r = HandlePatchTicket(*context_, ForTicket("PATCH", ref, {{"status", "open"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  r = HandlePatchTicket(*context_, ForTicket("PATCH", ref, {{"status", "open"}}));  // no change
  ASSERT_EQ(r.status, 200) << r.body;
  auto kinds = db_->Query(
      "SELECT kind FROM ticket_events WHERE ticket_id = ? AND actor = 'anna' "
      "ORDER BY id",
      {id});
  ASSERT_TRUE(kinds);
  std::vector<std::string> got;
  for (const auto& k : *kinds) got.push_back(k.Text(0));
  EXPECT_EQ(got, (std::vector<std::string>{"pending", "open", "solved", "reopened"}));
  r = HandlePatchTicket(*context_, ForTicket("PATCH", ref, {{"status", "merged"}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Message(r).find("open, pending, solved or closed"), std::string::npos);
}

TEST_F(TriageApiTest, AgentsAreValidatedAndOnlyAdminsChangeMoreThanStatus) {
  json anna = {{"name", "Anna"}, {"skills", {{"billing", 7}}}};
  Response r = HandlePutAgent(*context_, ForAgent("PUT", "cleo@desk.example", anna, Role::kAdmin));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Message(r).find("\"billing\" must be an integer 1-5"), std::string::npos) << r.body;
  r = HandlePutAgent(*context_,
                     ForAgent("PUT", "cleo@desk.example", {{"calendar", "night"}}, Role::kAdmin));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Message(r).find("\"office\""), std::string::npos) << r.body;
  r = HandlePutAgent(*context_,
                     ForAgent("PUT", "cleo@desk.example", {{"status", "asleep"}}, Role::kAdmin));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Message(r).find("available, away or offline"), std::string::npos) << r.body;
  r = HandlePutAgent(*context_, ForAgent("PUT", "not-an-address", json::object(), Role::kAdmin));
  EXPECT_EQ(r.status, 400);

  json cleo = {{"name", "Cleo"},      {"skills", {{"billing", 5}}},
               {"languages", {"da"}}, {"teams", {"money"}},
               {"capacity", 3},       {"calendar", "office"}};
  r = HandlePutAgent(*context_, ForAgent("PUT", "Cleo@Desk.example", cleo, Role::kAdmin));
  ASSERT_EQ(r.status, 201) << r.body;
  json out = json::parse(r.body);
  EXPECT_EQ(out["email"], "cleo@desk.example");
  EXPECT_EQ(out["skills"]["billing"], 5);
  EXPECT_EQ(out["status"], "available");
  r = HandlePutAgent(*context_,
                     ForAgent("PUT", "cleo@desk.example", {{"name", "Cleo B"}}, Role::kAdmin));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["capacity"], 8);  // replaced: defaults again

  r = HandlePatchAgent(*context_, ForAgent("PATCH", "cleo@desk.example", {{"capacity", 20}}));
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(Message(r).find("admin"), std::string::npos);
  r = HandlePatchAgent(*context_, ForAgent("PATCH", "cleo@desk.example", {{"status", "away"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(One("SELECT status FROM agents WHERE email = 'cleo@desk.example'"), "away");
  r = HandlePatchAgent(*context_, ForAgent("PATCH", "x@desk.example", {{"status", "away"}}));
  EXPECT_EQ(r.status, 404);

  NewTicket("Faktura", "Hvor er min faktura?");  // routed to someone: a load of 1
  r = HandleListAgents(*context_, Make("GET"));
  ASSERT_EQ(r.status, 200);
  int64_t load = 0;
  const json agents = json::parse(r.body);
  for (const auto& a : agents["agents"]) load += a["open_tickets"].get<int64_t>();
  EXPECT_EQ(load, 1);
}

TEST_F(TriageApiTest, OfflineAgentsTicketsMoveAtTheNextCheck) {
  std::string ref = NewTicket("Faktura", "Hvor er min faktura?");
  const int64_t id = IdOf(ref);
  std::string before =
      One("SELECT a.email FROM tickets t JOIN agents a ON a.id = t.assignee_id "
          "WHERE t.id = ?",
          {id});
  ASSERT_EQ(before, "anna@desk.example");  // speaks da
  // Bo reads no Danish: let Cleo take over when Anna goes offline.
  ASSERT_EQ(
      HandlePutAgent(
          *context_,
          ForAgent("PUT", "cleo@desk.example",
                   {{"skills", {{"billing", 2}}}, {"languages", {"da"}}, {"teams", {"money"}}},
                   Role::kAdmin))
          .status,
      201);
  ASSERT_EQ(HandlePatchAgent(*context_, ForAgent("PATCH", before, {{"status", "offline"}})).status,
            200);
  ASSERT_TRUE(routing_->RunChecks(*db_, clock_.NowSeconds()));
  EXPECT_EQ(One("SELECT a.email FROM tickets t JOIN agents a ON a.id = t.assignee_id WHERE "
                "t.id = ?",
                {id}),
            "cleo@desk.example");
}

TEST_F(TriageApiTest, CustomersValueIsValidatedAndShown) {
  Request put =
      ForAgent("PUT", "vip@kunde.example", {{"vip", true}, {"country", "Denmark"}}, Role::kAdmin);
  Response r = HandlePutCustomer(*context_, put);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Message(r).find("two-letter"), std::string::npos) << r.body;
  put.body = json{{"lifetime_value", -5}}.dump();
  EXPECT_EQ(HandlePutCustomer(*context_, put).status, 400);
  put.body = json{{"vip", "yes"}}.dump();
  EXPECT_EQ(HandlePutCustomer(*context_, put).status, 400);
  put.body =
      json{{"name", "Vera"},      {"vip", true},    {"tier", "gold"}, {"lifetime_value", 25000.5},
           {"products", {"app"}}, {"country", "dk"}}
          .dump();
  r = HandlePutCustomer(*context_, put);
  ASSERT_EQ(r.status, 201) << r.body;
  r = HandlePutCustomer(*context_, put);
  ASSERT_EQ(r.status, 200) << r.body;
  Request get = ForAgent("GET", "VIP@kunde.example", nullptr);
  r = HandleGetCustomer(*context_, get);
  ASSERT_EQ(r.status, 200) << r.body;
  json c = json::parse(r.body);
  EXPECT_EQ(c["email"], "vip@kunde.example");
  EXPECT_TRUE(c["vip"]);
  EXPECT_EQ(c["country"], "DK");
  EXPECT_EQ(c["products"], json({"app"}));
  EXPECT_EQ(c["lifetime_value"], 25000.5);
  get.path_params["email"] = "nobody@kunde.example";
  EXPECT_EQ(HandleGetCustomer(*context_, get).status, 404);
}

TEST_F(TriageApiTest, ViewsListWhatAnAgentNeeds) {
  std::string routed = NewTicket("Faktura", "Hvor er min faktura?");
  std::string queued = NewTicket("Faktura", "Var är min faktura?", "billing", false);
  std::string spam = NewTicket("Pills", "Buy pills", "billing", false);
  ASSERT_TRUE(db_->Exec("UPDATE tickets SET spam = 1 WHERE id = ?", {IdOf(spam)}));
  EXPECT_EQ(Refs(List({})), (std::vector<std::string>{queued, routed}));
  EXPECT_EQ(Refs(List({{"view", "queue"}})), std::vector<std::string>{queued});
  EXPECT_EQ(Refs(List({{"view", "mine"}, {"agent", "anna@desk.example"}})),
            std::vector<std::string>{routed});
  EXPECT_TRUE(Refs(List({{"view", "mine"}, {"agent", "bo@desk.example"}})).empty());
  EXPECT_EQ(List({{"view", "mine"}, {"agent", "zed@desk.example"}}).status, 404);
  EXPECT_EQ(List({{"view", "mine"}}).status, 400);
  EXPECT_EQ(List({{"view", "everything"}}).status, 400);
  // first_response = 30 minutes: at risk within the hour, not within 10 minutes.
  EXPECT_EQ(Refs(List({{"view", "sla_at_risk"}})), std::vector<std::string>{routed});
  EXPECT_TRUE(Refs(List({{"view", "sla_at_risk"}, {"within", "10"}})).empty());
  json first = json::parse(List({{"view", "mine"}, {"agent", "anna@desk.example"}}).body);
  EXPECT_EQ(first["tickets"][0]["triage"]["assignee"], "anna@desk.example");
  EXPECT_TRUE(first["tickets"][0]["triage"]["due"].is_string());
}

TEST_F(TriageApiTest, ConfigIsShownAsConfigured) {
  Response r = HandleTriageConfig(*context_, Make("GET"));
  ASSERT_EQ(r.status, 200);
  json c = json::parse(r.body);
  ASSERT_EQ(c["categories"].size(), 2u);
  EXPECT_EQ(c["categories"][0]["skills"]["billing"], 2);
  EXPECT_EQ(c["categories"][1]["priority"], "high");
  EXPECT_EQ(c["calendars"][0]["time_zone"], "Europe/Copenhagen");
  EXPECT_EQ(c["sla"][0]["first_response"], 30);
  EXPECT_EQ(c["teams"], json({"money"}));
  EXPECT_EQ(c["triage"]["languages"], json({"da", "sv", "en"}));
}

}  // namespace
}  // namespace svar::web

namespace svar::web {
namespace {

std::set<std::string> Keys(const nlohmann::json& j) {
  std::set<std::string> out;
  for (const auto& [k, v] : j.items()) out.insert(k);
  return out;
}

// The key sets documented in docs/api/openapi.yaml (Agent, Customer); a new field must be
// added there too.
TEST(TriageApiJson, KeysMatchTheOpenApiSchemas) {
  AgentRecord agent;
  agent.email = "anna@desk.example";
  EXPECT_EQ(
      Keys(AgentRecordJson(agent)),
      (std::set<std::string>{"id", "email", "name", "skills", "languages", "teams", "capacity",
                             "status", "calendar", "open_tickets", "last_assigned_at",
                             "preferences"}));
  EXPECT_TRUE(AgentRecordJson(agent)["last_assigned_at"].is_null());
  EXPECT_EQ(Keys(CustomerValueJson(tickets::CustomerValue{})),
            (std::set<std::string>{"email", "name", "vip", "tier", "lifetime_value", "products",
                                   "country", "language", "tickets"}));
}

}  // namespace
}  // namespace svar::web
