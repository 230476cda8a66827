#include "web/api_tokens.h"
#include "web/auth.h"
#include "web/response.h"

#include <gtest/gtest.h>

#include "core/hash.h"
#include "storage/migrations.h"

namespace svar::web {
namespace {

class ApiTokensTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::OpenSqlite({":memory:"});
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    auto m = storage::Migrate(*db_);
    ASSERT_TRUE(m) << m.error().message;
    tokens_ = std::make_unique<ApiTokens>(*db_, clock_);
  }
  std::unique_ptr<storage::Database> db_;
  FakeClock clock_;
  std::unique_ptr<ApiTokens> tokens_;
};

TEST_F(ApiTokensTest, CreateReturnsPlainTextOnceAndStoresOnlyTheHash) {
  auto created = tokens_->Create("ci");
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_TRUE(created->token.starts_with("svar_"));
  EXPECT_EQ(created->token.size(), 5u + 48u);
  EXPECT_EQ(created->info.name, "ci");
  auto rows = db_->Query("SELECT token_hash FROM api_tokens");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Text(0), ContentHash(created->token));
  EXPECT_EQ((*rows)[0].Text(0).find(created->token), std::string::npos);
}

TEST_F(ApiTokensTest, TwoTokensDiffer) {
  auto a = tokens_->Create("a");
  auto b = tokens_->Create("b");
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->token, b->token);
}

TEST_F(ApiTokensTest, VerifyAcceptsTheTokenAndRejectsOthers) {
  auto created = tokens_->Create("ci");
  ASSERT_TRUE(created);
  auto ok = tokens_->Verify(created->token);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->name, "ci");

  std::string wrong = created->token;
  wrong.back() = wrong.back() == 'a' ? 'b' : 'a';
  auto bad = tokens_->Verify(wrong);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kUnauthenticated);
  EXPECT_NE(bad.error().message.find("svar token create NAME"), std::string::npos);
  EXPECT_FALSE(tokens_->Verify(""));
}

TEST_F(ApiTokensTest, VerifyAuthorizationParsesBearer) {
  auto created = tokens_->Create("ci");
  ASSERT_TRUE(created);
  EXPECT_TRUE(tokens_->VerifyAuthorization("Bearer " + created->token));
  EXPECT_TRUE(tokens_->VerifyAuthorization("bearer  " + created->token + " "));
  auto missing = tokens_->VerifyAuthorization(std::nullopt);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kUnauthenticated);
  EXPECT_NE(missing.error().message.find("svar token create NAME"), std::string::npos);
  EXPECT_FALSE(tokens_->VerifyAuthorization("Basic " + created->token));
  EXPECT_FALSE(tokens_->VerifyAuthorization(created->token));
}

TEST_F(ApiTokensTest, RevokeByNameAndById) {
  auto a = tokens_->Create("alpha");
  auto b = tokens_->Create("beta");
  ASSERT_TRUE(a && b);
  auto r1 = tokens_->Revoke("alpha");
  ASSERT_TRUE(r1) << r1.error().message;
  EXPECT_TRUE(r1->revoked);
  auto after = tokens_->Verify(a->token);
  ASSERT_FALSE(after);
  EXPECT_NE(after.error().message.find("revoked"), std::string::npos);
  EXPECT_TRUE(tokens_->Verify(b->token));

  auto r2 = tokens_->Revoke(std::to_string(b->info.id));
  ASSERT_TRUE(r2) << r2.error().message;
  EXPECT_FALSE(tokens_->Verify(b->token));

  auto again = tokens_->Revoke("alpha");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST_F(ApiTokensTest, NamesAreValidatedAndUniqueAmongLiveTokens) {
  EXPECT_EQ(tokens_->Create("").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(tokens_->Create("123").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(tokens_->Create("a\nb").error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(tokens_->Create("ci"));
  EXPECT_EQ(tokens_->Create("ci").error().code, ErrorCode::kConflict);
  ASSERT_TRUE(tokens_->Revoke("ci"));
  EXPECT_TRUE(tokens_->Create("ci"));  // the name is free again
}

TEST_F(ApiTokensTest, ListShowsMetadataNeverTheToken) {
  auto a = tokens_->Create("alpha");
  ASSERT_TRUE(a);
  ASSERT_TRUE(tokens_->Create("beta"));
  ASSERT_TRUE(tokens_->Revoke("beta"));
  auto list = tokens_->List();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, "alpha");
  EXPECT_FALSE((*list)[0].revoked);
  EXPECT_FALSE((*list)[0].last_used_at);
  EXPECT_EQ((*list)[0].created_at, clock_.NowSeconds());
  EXPECT_EQ((*list)[1].name, "beta");
  EXPECT_TRUE((*list)[1].revoked);
}

TEST_F(ApiTokensTest, LastUsedIsUpdatedAtMostOncePerMinute) {
  auto a = tokens_->Create("ci");
  ASSERT_TRUE(a);
  int64_t t0 = clock_.NowSeconds();
  ASSERT_TRUE(tokens_->Verify(a->token));
  auto last_used = [&] {
    auto row = db_->QueryOne("SELECT last_used_at FROM api_tokens WHERE id = ?", {a->info.id});
    return (*row)->OptInt(0);
  };
  EXPECT_EQ(last_used(), t0);
  clock_.AdvanceSeconds(30);
  ASSERT_TRUE(tokens_->Verify(a->token));
  EXPECT_EQ(last_used(), t0);  // within the minute: no write
  clock_.AdvanceSeconds(31);
  ASSERT_TRUE(tokens_->Verify(a->token));
  EXPECT_EQ(last_used(), t0 + 61);
}

}  // namespace
}  // namespace svar::web

namespace svar::web {
namespace {

TEST(Roles, OrderAndNames) {
  EXPECT_TRUE(Allows(Role::kAdmin, Role::kReviewer));
  EXPECT_TRUE(Allows(Role::kEditor, Role::kAgent));
  EXPECT_FALSE(Allows(Role::kEditor, Role::kReviewer));
  EXPECT_EQ(ParseRole("reviewer"), Role::kReviewer);
  EXPECT_FALSE(ParseRole("superuser"));
  EXPECT_EQ(RoleName(Role::kAgent), "agent");
  // senior sits between agent and editor.
  EXPECT_EQ(ParseRole("senior"), Role::kSenior);
  EXPECT_EQ(RoleName(Role::kSenior), "senior");
  EXPECT_TRUE(Allows(Role::kSenior, Role::kAgent));
  EXPECT_FALSE(Allows(Role::kSenior, Role::kEditor));
  EXPECT_TRUE(Allows(Role::kEditor, Role::kSenior));
}

TEST(Roles, TokenCarriesItsRoleAndRequireTokenEnforcesIt) {
  auto db = storage::OpenSqlite({":memory:"});
  ASSERT_TRUE(db);
  ASSERT_TRUE(storage::Migrate(**db));
  FakeClock clock;
  auto tokens = std::make_shared<ApiTokens>(**db, clock);
  auto agent = tokens->Create("agent-1", Role::kAgent);
  ASSERT_TRUE(agent);
  auto verified = tokens->Verify(agent->token);
  ASSERT_TRUE(verified);
  EXPECT_EQ(verified->role, Role::kAgent);

  Handler echo = [](const Request& r) {
    return JsonResponse(200, "{\"actor\":\"" + r.actor + "\"}");
  };
  Request req;
  req.AddHeader("Authorization", "Bearer " + agent->token);
  EXPECT_EQ(RequireToken(tokens, echo, Role::kAgent)(req).status, 200);
  EXPECT_NE(RequireToken(tokens, echo, Role::kAgent)(req).body.find("agent-1"), std::string::npos);
  Response denied = RequireToken(tokens, echo, Role::kEditor)(req);
  EXPECT_EQ(denied.status, 403);
  EXPECT_NE(denied.body.find("editor"), std::string::npos);
}

}  // namespace
}  // namespace svar::web
