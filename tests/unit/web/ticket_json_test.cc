#include "web/ticket_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

namespace svar::web {
namespace {

using nlohmann::json;

tickets::Ticket SampleTicket() {
  tickets::Ticket t;
  t.id = 7;
  t.number = 1042;
  t.ref = "SV-1042";
  t.subject = "Kan ikke logge ind";
  t.customer_email = "kunde@example.dk";
  t.customer_name = "Kunde Jensen";
  t.status = tickets::kStatusNew;
  t.created_at = 1700000000;  // 2023-11-14T22:13:20Z
  t.updated_at = 1700000060;
  t.last_message_at = 1700000030;
  t.message_count = 2;
  return t;
}

tickets::Message SampleMessage() {
  tickets::Message m;
  m.id = 11;
  m.ticket_id = 7;
  m.direction = "in";
  m.message_id = "<abc@example.dk>";
  m.from_email = "kunde@example.dk";
  m.from_name = "Kunde Jensen";
  m.to = {"support@desk.example"};
  m.cc = {"boss@example.dk", "team@example.dk"};
  m.subject = "Kan ikke logge ind";
  m.sent_at = 1699999990;
  m.received_at = 1700000000;
  m.text = "Hej, jeg kan ikke logge ind.";
  m.quoted = "> tidligere";
  m.signature = "Kunde";
  m.html = "<p>Hej</p>";
  m.content_language = "da";
  m.flags = tickets::kGuardAutoReply | tickets::kGuardList;
  m.guards_json = R"({"auto_reply":"Auto-Submitted: auto-replied","list":"List-Id"})";
  m.warnings_json = R"(["charset koi8-r detected"])";
  m.thread_reason = "new ticket";
  tickets::Attachment a;
  a.id = 3;
  a.message_row_id = 11;
  a.filename = "skærm.png";
  a.content_type = "image/png";
  a.size = 1234;
  a.content_id = "img1@x";
  a.disposition = "inline";
  a.part_path = "2";
  m.attachments.push_back(a);
  return m;
}

TEST(TicketJson, HasEveryField) {
  json j = TicketJson(SampleTicket());
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["ref"], "SV-1042");
  EXPECT_EQ(j["subject"], "Kan ikke logge ind");
  EXPECT_EQ(j["customer"], "kunde@example.dk");
  EXPECT_EQ(j["customer_name"], "Kunde Jensen");
  EXPECT_EQ(j["status"], "new");
  EXPECT_EQ(j["created_at"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(j["updated_at"], "2023-11-14T22:14:20Z");
  EXPECT_EQ(j["last_message_at"], "2023-11-14T22:13:50Z");
  EXPECT_EQ(j["message_count"], 2);
  EXPECT_TRUE(j["linked_ref"].is_null());
  EXPECT_TRUE(j["merged_into"].is_null());
}

TEST(TicketJson, LinkedAndMergedRefs) {
  auto t = SampleTicket();
  t.linked_ref = "SV-1000";
  t.merged_into_ref = "SV-1001";
  t.status = tickets::kStatusMerged;
  json j = TicketJson(t);
  EXPECT_EQ(j["linked_ref"], "SV-1000");
  EXPECT_EQ(j["merged_into"], "SV-1001");
}

TEST(MessageJson, HasEveryField) {
  json j = MessageJson(SampleMessage());
  EXPECT_EQ(j["id"], 11);
  EXPECT_EQ(j["message_id"], "<abc@example.dk>");
  EXPECT_EQ(j["direction"], "in");
  EXPECT_EQ(j["from"], "kunde@example.dk");
  EXPECT_EQ(j["from_name"], "Kunde Jensen");
  EXPECT_EQ(j["to"], json::array({"support@desk.example"}));
  EXPECT_EQ(j["cc"], json::array({"boss@example.dk", "team@example.dk"}));
  EXPECT_EQ(j["date"], "2023-11-14T22:13:10Z");
  EXPECT_EQ(j["received_at"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(j["subject"], "Kan ikke logge ind");
  EXPECT_EQ(j["text"], "Hej, jeg kan ikke logge ind.");
  EXPECT_EQ(j["quoted"], "> tidligere");
  EXPECT_EQ(j["signature"], "Kunde");
  EXPECT_EQ(j["html"], "<p>Hej</p>");
  EXPECT_EQ(j["content_language"], "da");
  EXPECT_EQ(j["thread_reason"], "new ticket");
  EXPECT_EQ(j["warnings"], json::array({"charset koi8-r detected"}));

  const json& g = j["guards"];
  EXPECT_EQ(g["auto_reply"], true);
  EXPECT_EQ(g["bounce"], false);
  EXPECT_EQ(g["list"], true);
  EXPECT_EQ(g["own_address"], false);
  EXPECT_EQ(g["reasons"]["auto_reply"], "Auto-Submitted: auto-replied");
  EXPECT_EQ(g["reasons"]["list"], "List-Id");

  ASSERT_EQ(j["attachments"].size(), 1u);
  const json& a = j["attachments"][0];
  EXPECT_EQ(a["id"], 3);
  EXPECT_EQ(a["filename"], "skærm.png");
  EXPECT_EQ(a["content_type"], "image/png");
  EXPECT_EQ(a["size"], 1234);
  EXPECT_EQ(a["content_id"], "img1@x");
  EXPECT_EQ(a["disposition"], "inline");
  EXPECT_EQ(a["url"], "/api/v1/attachments/3");
  EXPECT_FALSE(a.contains("part_path"));  // an internal detail
}

TEST(MessageJson, AbsentDateIsNullAndBrokenStoredJsonIsEmpty) {
  auto m = SampleMessage();
  m.sent_at.reset();
  m.guards_json = "{not json";
  m.warnings_json = R"({"an":"object"})";
  m.content_language.clear();
  json j = MessageJson(m);
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_EQ(j["guards"]["reasons"], json::object());
  EXPECT_EQ(j["warnings"], json::array());
  EXPECT_TRUE(j["content_language"].is_null());
}

std::set<std::string> Keys(const json& j) {
  std::set<std::string> out;
  for (const auto& [k, v] : j.items()) out.insert(k);
  return out;
}

// The exact key sets documented in docs/api/openapi.yaml (Ticket, Message, Attachment,
// guards); a new field must be added there too.
TEST(TicketJson, KeysMatchTheOpenApiSchemas) {
  EXPECT_EQ(Keys(TicketJson(SampleTicket())),
            (std::set<std::string>{"id", "ref", "subject", "customer", "customer_name", "status",
                                   "created_at", "updated_at", "last_message_at", "message_count",
                                   "linked_ref", "merged_into"}));
  json m = MessageJson(SampleMessage());
  EXPECT_EQ(Keys(m), (std::set<std::string>{"id", "message_id", "direction", "from", "from_name",
                                            "to", "cc", "date", "received_at", "subject", "text",
                                            "quoted", "signature", "html", "content_language",
                                            "attachments", "guards", "warnings", "thread_reason"}));
  EXPECT_EQ(Keys(m["guards"]),
            (std::set<std::string>{"auto_reply", "bounce", "list", "own_address", "reasons"}));
  EXPECT_EQ(Keys(m["attachments"][0]),
            (std::set<std::string>{"id", "filename", "content_type", "size", "content_id",
                                   "disposition", "url"}));
}

TEST(TicketDetailJson, TicketWithMessagesInOrder) {
  auto m1 = SampleMessage();
  auto m2 = SampleMessage();
  m2.id = 12;
  json j = TicketDetailJson(SampleTicket(), {m1, m2});
  EXPECT_EQ(j["ref"], "SV-1042");
  ASSERT_EQ(j["messages"].size(), 2u);
  EXPECT_EQ(j["messages"][0]["id"], 11);
  EXPECT_EQ(j["messages"][1]["id"], 12);
}

TEST(TicketJsonText, OneLineAndSurvivesInvalidUtf8) {
  auto t = SampleTicket();
  t.subject = "broken \xff\xfe subject";
  std::string line = TicketJsonText(t);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  json j = json::parse(line);
  EXPECT_EQ(j["subject"], "broken \xEF\xBF\xBD\xEF\xBF\xBD subject");
  EXPECT_EQ(json::parse(MessageJsonText(SampleMessage()))["id"], 11);
}

}  // namespace
}  // namespace svar::web
