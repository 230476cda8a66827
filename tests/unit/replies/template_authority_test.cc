// Template authority on a real (in-memory) database: every role against unchanged text,
// changed editable regions, changed locked text and free text, with the default policy and
// with a policy management changed; plus versions, archiving, uses, ratings and figures.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "intake/pipeline.h"
#include "mail/parse.h"
#include "replies/templates/template_check.h"
#include "replies/templates/template_policy.h"
#include "replies/templates/template_store.h"
#include "storage/migrations.h"

namespace svar::replies {
namespace {

constexpr const char* kBody =
    "Kære {{customer.first_name}},\n\n"
    "{{#editable details}}Vi har set på din sag.{{/editable}}\n\n"
    "Vi refunderer beløbet inden for 5 bankdage.\n\n"
    "Venlig hilsen\n{{agent.name}}\n";

enum class Reply { kUnchanged, kEditable, kLocked, kFree };

class TemplateAuthorityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    mail::InitMail();
    auto db = storage::OpenSqlite({":memory:"});
    ASSERT_TRUE(db);
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_));
    config_.desk.addresses = {"support@desk.example"};
    pipeline_ = std::make_unique<intake::Pipeline>(*db_, config_, clock_);
    auto o = pipeline_->Take(
        "From: Søren Hansen <soren@kunde.example>\r\nTo: support@desk.example\r\n"
        "Subject: Refusion\r\nMessage-ID: <c1@kunde.example>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nJeg vil have pengene tilbage.\r\n",
        "test");
    ASSERT_TRUE(o);
    auto t = pipeline_->tickets().FindByRef(o->ticket_ref);
    ASSERT_TRUE(t && *t);
    ticket_ = **t;
    auto created = store().Create({"refund", "billing", "da", kBody, "first"}, "boss", 100);
    ASSERT_TRUE(created) << created.error().message;
    template_id_ = created->id;
  }
  TemplateStore store() { return TemplateStore(*db_); }

  std::string Draft(const std::string& agent, int version = 0) {
    auto facts = LoadTicketFacts(*db_, ticket_);
    EXPECT_TRUE(facts);
    auto who = LookupReplyAgent(*db_, agent);
    EXPECT_TRUE(who);
    auto r = RenderForTicket(*db_, *facts, template_id_, version, *who, "Desk");
    EXPECT_TRUE(r) << r.error().message;
    return r ? r->rendered.text : "";
  }
  std::string TextFor(Reply kind, const std::string& agent) {
    std::string d = Draft(agent);
    switch (kind) {
      case Reply::kUnchanged: return d;
      case Reply::kEditable:
        return d.replace(d.find("Vi har set på din sag."), 23, "Kortet er spærret. Nyt kort på vej.");
      case Reply::kLocked:
        return d.replace(d.find("5 bankdage"), 10, "30 bankdage");
      case Reply::kFree: return "Hej Søren, pengene kommer.";
    }
    return d;
  }
  // Ok, or the error message.
  std::string Send(const std::string& role, Reply kind) {
    const std::string agent = role + "-token";
    if (kind == Reply::kFree) {
      auto st = CheckFreeTextReply(*db_, role);
      return st ? "ok" : st.error().message;
    }
    auto use = CheckTemplatedReply(*db_, ticket_, template_id_, 0, TextFor(kind, agent), role,
                                   agent, "Desk");
    if (!use) {
      EXPECT_EQ(use.error().code, ErrorCode::kPermissionDenied) << use.error().message;
      return use.error().message;
    }
    EXPECT_EQ(use->locked_changed, kind == Reply::kLocked);
    EXPECT_EQ(use->editable_changed, kind != Reply::kUnchanged);
    EXPECT_EQ(use->version, 1);
    EXPECT_EQ(use->role, role);
    return "ok";
  }

  std::unique_ptr<storage::Database> db_;
  Config config_;
  FakeClock clock_;
  std::unique_ptr<intake::Pipeline> pipeline_;
  tickets::Ticket ticket_;
  int64_t template_id_ = 0;
};

TEST_F(TemplateAuthorityTest, DefaultPolicyMatrix) {
  // role, unchanged, editable changed, locked changed, free text
  struct Row {
    const char* role;
    bool unchanged, editable, locked, free;
  };
  const Row kExpected[] = {{"agent", true, true, false, true},
                           {"senior", true, true, true, true},
                           {"editor", true, true, true, true},
                           {"reviewer", true, true, true, true},
                           {"admin", true, true, true, true}};
  for (const auto& row : kExpected) {
    SCOPED_TRACE(row.role);
    EXPECT_EQ(Send(row.role, Reply::kUnchanged) == "ok", row.unchanged);
    EXPECT_EQ(Send(row.role, Reply::kEditable) == "ok", row.editable);
    EXPECT_EQ(Send(row.role, Reply::kLocked) == "ok", row.locked);
    EXPECT_EQ(Send(row.role, Reply::kFree) == "ok", row.free);
  }
}

TEST_F(TemplateAuthorityTest, RefusalQuotesTheChangedPassageAndSaysWhatTheRoleMay) {
  std::string msg = Send("agent", Reply::kLocked);
  EXPECT_NE(msg.find("the locked text of template \"refund\" (da) version 1 was changed: \"Vi "
                     "refunderer beløbet inden for 5 bankdage.\""),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("the role agent may change only the editable regions"), std::string::npos)
      << msg;
  EXPECT_NE(msg.find("(details)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("senior"), std::string::npos) << msg;
  ASSERT_TRUE(SaveRolePolicy(*db_, "agent", {true, false, false, false}, "boss", 1));
  std::string free = Send("agent", Reply::kFree);
  EXPECT_NE(free.find("a reply without a template was refused"), std::string::npos) << free;
}

TEST_F(TemplateAuthorityTest, ChangedPolicyMatrix) {
  // Management: agents may send nothing but the template as it is; seniors may change
  // editable regions only, and no free text; admins as before.
  ASSERT_TRUE(SaveRolePolicy(*db_, "agent", {false, false, false, false}, "boss", 200));
  ASSERT_TRUE(SaveRolePolicy(*db_, "senior", {true, false, false, false}, "boss", 200));
  struct Row {
    const char* role;
    bool unchanged, editable, locked, free;
  };
  const Row kExpected[] = {{"agent", true, false, false, false},
                           {"senior", true, true, false, false},
                           {"admin", true, true, true, true}};
  for (const auto& row : kExpected) {
    SCOPED_TRACE(row.role);
    EXPECT_EQ(Send(row.role, Reply::kUnchanged) == "ok", row.unchanged);
    EXPECT_EQ(Send(row.role, Reply::kEditable) == "ok", row.editable);
    EXPECT_EQ(Send(row.role, Reply::kLocked) == "ok", row.locked);
    EXPECT_EQ(Send(row.role, Reply::kFree) == "ok", row.free);
  }
  std::string msg = Send("agent", Reply::kEditable);
  EXPECT_NE(msg.find("the editable regions of template \"refund\" (da) version 1 were changed"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("may only send templates unchanged"), std::string::npos) << msg;

  // Agents may now change locked text but not free-write: the matrix follows.
  ASSERT_TRUE(SaveRolePolicy(*db_, "agent", {true, true, false, false}, "boss", 300));
  EXPECT_EQ(Send("agent", Reply::kLocked), "ok");
  EXPECT_NE(Send("agent", Reply::kFree), "ok");
  ASSERT_TRUE(ResetTemplatePolicy(*db_));
  EXPECT_NE(Send("agent", Reply::kLocked), "ok");
  EXPECT_EQ(Send("senior", Reply::kLocked), "ok");
}

TEST_F(TemplateAuthorityTest, AdminCannotLoseManagementAndUnknownRolesAreRefused) {
  auto st = SaveRolePolicy(*db_, "admin", {true, true, true, false}, "boss", 1);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("admin always manages templates"), std::string::npos);
  EXPECT_FALSE(SaveRolePolicy(*db_, "intern", {}, "boss", 1));
  auto can = PermissionsOf(*db_, "intern");
  ASSERT_TRUE(can);
  EXPECT_FALSE(can->edit_editable || can->edit_locked || can->free_text || can->manage);
}

TEST_F(TemplateAuthorityTest, VersionsAreKeptAndAReplyRecordsItsVersion) {
  auto v2 = store().Update(template_id_,
                           {std::string(kBody) + "PS: {{ticket.ref}}\n", std::nullopt, "ps"},
                           "boss", 200);
  ASSERT_TRUE(v2) << v2.error().message;
  EXPECT_EQ(v2->current_version, 2);
  auto versions = store().Versions(template_id_);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].body, kBody);
  EXPECT_EQ((*versions)[1].comment, "ps");
  // The same body again saves no version.
  auto same = store().Update(template_id_, {v2->body, std::nullopt, ""}, "boss", 300);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->current_version, 2);
  // A bad body is refused with the parse error and saves nothing.
  auto bad = store().Update(template_id_, {"{{#editable x}}", std::nullopt, ""}, "boss", 300);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 1"), std::string::npos);

  // Version 1's text is still accepted (explicitly); the current one is version 2.
  auto old = CheckTemplatedReply(*db_, ticket_, template_id_, 1, Draft("anna", 1), "agent",
                                 "anna", "Desk");
  ASSERT_TRUE(old) << old.error().message;
  EXPECT_EQ(old->version, 1);
  auto cur = CheckTemplatedReply(*db_, ticket_, template_id_, 0, Draft("anna", 1), "agent",
                                 "anna", "Desk");
  ASSERT_FALSE(cur);  // the v1 text lacks v2's locked PS line
  EXPECT_NE(cur.error().message.find("version 2"), std::string::npos) << cur.error().message;
  auto none = CheckTemplatedReply(*db_, ticket_, template_id_, 7, "x", "agent", "anna", "Desk");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);

  // Archived: not usable, and a second template by the same name/language is a conflict.
  ASSERT_TRUE(store().SetState(template_id_, kTemplateArchived, "boss", 400));
  auto archived = CheckTemplatedReply(*db_, ticket_, template_id_, 0, "x", "admin", "a", "Desk");
  ASSERT_FALSE(archived);
  EXPECT_EQ(archived.error().code, ErrorCode::kConflict);
  auto dup = store().Create({"refund", "", "DA", "x", ""}, "boss", 500);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
}

TEST_F(TemplateAuthorityTest, UsesRatingsAndFigures) {
  // No rating before a use.
  EXPECT_FALSE(store().Rate({template_id_, ticket_.id, "anna", true, ""}, 10));
  auto u1 = CheckTemplatedReply(*db_, ticket_, template_id_, 0, TextFor(Reply::kUnchanged, "anna"),
                                "agent", "anna", "Desk");
  ASSERT_TRUE(u1);
  ASSERT_TRUE(RecordTemplateUse(*db_, *u1, std::nullopt, 20));
  auto u2 = CheckTemplatedReply(*db_, ticket_, template_id_, 0, TextFor(Reply::kLocked, "bo"),
                                "senior", "bo", "Desk");
  ASSERT_TRUE(u2);
  EXPECT_TRUE(u2->locked_changed);
  EXPECT_GT(u2->edit_ratio, 0);
  ASSERT_TRUE(RecordTemplateUse(*db_, *u2, std::nullopt, 30));
  ASSERT_TRUE(store().Rate({template_id_, ticket_.id, "anna", false, "too stiff"}, 40));
  ASSERT_TRUE(store().Rate({template_id_, ticket_.id, "anna", true, "fine after all"}, 41));
  ASSERT_TRUE(store().Rate({template_id_, ticket_.id, "bo", false, ""}, 42));
  auto s = store().Stats(template_id_);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->uses, 2);
  EXPECT_EQ(s->useful, 1);  // anna's second rating replaced her first
  EXPECT_EQ(s->not_useful, 1);
  EXPECT_EQ(s->locked_changed, 1);
  EXPECT_EQ(s->editable_changed, 1);
  ASSERT_TRUE(s->mean_edit_ratio);
  EXPECT_NEAR(*s->mean_edit_ratio, u2->edit_ratio / 2, 1e-9);
  EXPECT_FALSE(s->satisfaction);  // no surveys yet
  ASSERT_EQ(s->versions.size(), 1u);
  EXPECT_EQ(s->versions[0].uses, 2);
}

}  // namespace
}  // namespace svar::replies
