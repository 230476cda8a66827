#include "web/errors.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace svar::web {
namespace {

TEST(Errors, MapsEveryCodeToItsStatus) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kParse), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kBusy), 503);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kTimeout), 504);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kIo), 500);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
}

TEST(Errors, ResponseHasJsonBody) {
  auto r = ErrorResponse(Error{ErrorCode::kNotFound, "no ticket SV-9"});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, kJsonType);
  auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body,
            nlohmann::json::parse(R"({"error":{"code":"not_found","message":"no ticket SV-9"}})"));
}

TEST(Errors, UnauthenticatedAsksForBearer) {
  auto r = ErrorResponse(Error{ErrorCode::kUnauthenticated, "token please"});
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.HeaderValue("WWW-Authenticate").find("Bearer"), std::string::npos);
}

TEST(Errors, BodyIsValidJsonForHostileMessages) {
  std::string nasty = "quote \" backslash \\ newline \n bad utf8 \xff\xfe end";
  auto body = nlohmann::json::parse(ErrorBody("invalid_argument", nasty));
  auto msg = body["error"]["message"].get<std::string>();
  EXPECT_NE(msg.find("quote \" backslash \\ newline \n"), std::string::npos);
  EXPECT_NE(msg.find("end"), std::string::npos);
}

}  // namespace
}  // namespace svar::web
