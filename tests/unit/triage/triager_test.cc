// The Triager (both halves, models swapped in) and triage in the database (customer facts,
// results on the ticket: priority never lowered, an agent's category kept).
#include "triage/triager.h"

#include <gtest/gtest.h>

#include "support/memory_db.h"
#include "tickets/ticket_store.h"
#include "triage/triage_store.h"

namespace svar::triage {
namespace {

mail::ParsedMessage Mail(std::string from, std::string subject, std::string text) {
  mail::ParsedMessage m;
  m.from.email = std::move(from);
  m.subject = std::move(subject);
  m.text = std::move(text);
  return m;
}

Config WithRules() {
  auto c = ParseConfig(R"(
[triage]
languages = ["da", "sv", "en"]
category_threshold = 0.3
[[category]]
name = "billing"
[[category]]
name = "delivery"
[[category]]
name = "privacy"
priority = "high"
[[rule]]
name = "gdpr"
category = "privacy"
any_of = ["gdpr"]
)",
                       "test.toml");
  EXPECT_TRUE(c) << (c ? "" : c.error().message);
  return *c;
}

std::shared_ptr<const CategoryModel> SmallModel() {
  std::vector<LabeledText> ex;
  for (int i = 0; i < 4; ++i) {
    ex.push_back({"you charged my card twice invoice wrong amount", "billing"});
    ex.push_back({"der er trukket to gange på mit kort faktura", "billing"});
    ex.push_back({"where is my parcel it has not arrived", "delivery"});
    ex.push_back({"hvor er min pakke den er ikke kommet", "delivery"});
  }
  auto m = CategoryModel::Train(ex);
  EXPECT_TRUE(m);
  return std::make_shared<const CategoryModel>(std::move(*m));
}

TEST(Triager, RulesFirstThenTheModelOnceItIsThere) {
  Config config = WithRules();
  Triager t(config);
  auto no_model = t.Analyze(Mail("a@x.dk", "Pakke", "Hvor er min pakke?"), {});
  EXPECT_EQ(no_model.content.category.category, "");
  EXPECT_NE(no_model.content.category.reason.find("svar train categories"), std::string::npos);
  t.SetCategoryModel(SmallModel());
  auto with_model = t.Analyze(Mail("a@x.dk", "Pakke", "Hvor er min pakke?"), {});
  EXPECT_EQ(with_model.content.category.category, "delivery");
  EXPECT_EQ(with_model.content.category_source, "model");
  EXPECT_EQ(with_model.content.language.code, "da");
  auto rule = t.Analyze(Mail("a@x.dk", "GDPR", "Delete my data under the GDPR please"), {});
  EXPECT_EQ(rule.content.category.category, "privacy");
  EXPECT_EQ(rule.content.category_source, "rule");
  EXPECT_EQ(rule.priority.label, "high");  // the category's floor
}

TEST(Triager, UpstreamSpamHeaderWithoutATrainedFilter) {
  Triager t(WithRules());
  auto m = Mail("x@spam.example", "Offer", "Buy now");
  m.headers.push_back({"X-Spam-Flag", "YES"});
  EXPECT_TRUE(t.Analyze(m, {}).spam);
  EXPECT_FALSE(t.Analyze(Mail("a@x.dk", "Hej", "Tak for hjælpen"), {}).spam);
}

TEST(Triager, CustomerHistoryDecidesAShortCloseCall) {
  Triager t(WithRules());
  // A bare "Hej" is Danish or Swedish: the customer's earlier language decides.
  CustomerFacts swede, dane;
  swede.language = "sv";
  dane.language = "da";
  EXPECT_EQ(t.Analyze(Mail("a@example.com", "", "Hej"), swede).content.language.code, "sv");
  EXPECT_EQ(t.Analyze(Mail("a@example.com", "", "Hej"), dane).content.language.code, "da");
}

TEST(Triager, DetailsJsonHasEveryFilter) {
  Triager t(WithRules());
  auto r = t.Analyze(Mail("a@x.dk", "Hjælp", "Det virker ikke!!!"), {});
  const std::string j = r.DetailsJson();
  for (const char* key : {"\"language\"", "\"category\"", "\"sentiment\"", "\"urgency\"",
                          "\"spam\"", "\"churn\"", "\"priority\"", "\"micros\""})
    EXPECT_NE(j.find(key), std::string::npos) << key;
}

TEST(TriageStore, FactsStoreAndNeverLowerPriority) {
  auto db = svar::testing::MigratedMemoryDb();
  ASSERT_TRUE(db);
  tickets::TicketStore store(*db, "SV", 1000);
  const int64_t now = 1795420800;
  auto customer = store.UpsertCustomer("kunde@x.dk", "Kunde", now);
  ASSERT_TRUE(customer);
  ASSERT_TRUE(db->Exec("UPDATE customers SET vip = 1, tier = 'gold', updated_at = 1 WHERE id = ?",
                       {customer->id}));
  auto ticket = store.CreateTicket("help", customer->id, std::nullopt, std::nullopt, now);
  ASSERT_TRUE(ticket);
  auto facts = LoadCustomerFacts(*db, customer->id, now);
  ASSERT_TRUE(facts);
  EXPECT_TRUE(facts->vip);
  EXPECT_TRUE(facts->known);
  EXPECT_EQ(facts->tier, "gold");

  Triager t(WithRules());
  tickets::Message msg;
  msg.ticket_id = ticket->id;
  msg.from_email = "kunde@x.dk";
  msg.text = "Hvor er min pakke?";
  msg.received_at = now;
  auto id = store.InsertMessage(msg);
  ASSERT_TRUE(id);
  TriageResult urgent = t.Analyze(Mail("kunde@x.dk", "", "Hvor er min pakke?"), *facts);
  urgent.priority.label = "urgent";
  ASSERT_TRUE(StoreTriage(*db, *id, ticket->id, customer->id, urgent, now));
  TriageResult calm = urgent;
  calm.priority.label = "low";
  ASSERT_TRUE(StoreTriage(*db, *id, ticket->id, customer->id, calm, now));
  auto row = db->QueryOne("SELECT priority, language FROM tickets WHERE id = ?", {ticket->id});
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*row)->Text(0), "urgent");
  EXPECT_EQ((*row)->Text(1), "da");
  auto lang = db->QueryOne("SELECT language FROM customers WHERE id = ?", {customer->id});
  EXPECT_EQ((*lang)->Text(0), "da");

  // An agent's category stays whatever triage says later.
  ASSERT_TRUE(db->Exec("UPDATE tickets SET category = 'billing', category_source = 'agent' "
                       "WHERE id = ?",
                       {ticket->id}));
  TriageResult other = urgent;
  other.content.category.category = "delivery";
  other.content.category_source = "model";
  ASSERT_TRUE(StoreTriage(*db, *id, ticket->id, customer->id, other, now));
  auto cat = db->QueryOne("SELECT category FROM tickets WHERE id = ?", {ticket->id});
  EXPECT_EQ((*cat)->Text(0), "billing");

  // The stored message counts as a contact for the next one.
  auto later = LoadCustomerFacts(*db, customer->id, now + 60);
  EXPECT_EQ(later->contacts_30d, 1);
  EXPECT_EQ(LoadCustomerFacts(*db, customer->id, now + 60, *id)->contacts_30d, 0);
}

TEST(TriageStore, ModelsRoundTripThroughTheDatabase) {
  auto db = svar::testing::MigratedMemoryDb();
  ASSERT_TRUE(db);
  ASSERT_TRUE(SaveCategoryModel(*db, *SmallModel(), 0, 1));  // trained on examples not in the db
  ASSERT_TRUE(AddCategoryExample(*db, "new one", "billing", ExampleSource::kAgent, std::nullopt, 2));
  EXPECT_EQ(*ExamplesSinceTraining(*db), 1);
  Triager t(WithRules());
  ASSERT_TRUE(LoadModels(*db, t, 0.9));
  ASSERT_TRUE(t.category_model());
  EXPECT_EQ(t.Analyze(Mail("a@x.dk", "", "where is my parcel"), {}).content.category.category,
            "delivery");
  ASSERT_TRUE(db->Exec("UPDATE triage_models SET blob = X'00' WHERE name = 'category'"));
  EXPECT_FALSE(LoadModels(*db, t, 0.9));  // a corrupt model is an error, not a crash
}

}  // namespace
}  // namespace svar::triage
