#include "web/router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace svar::web {
namespace {

Response Text(std::string body) {
  Response r;
  r.content_type = "text/plain";
  r.body = std::move(body);
  return r;
}

Request Make(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/v1/tickets", [](const Request&) { return Text("list"); });
    router_.Add("GET", "/api/v1/tickets/{ref}",
                [](const Request& r) { return Text("ticket " + r.Param("ref")); });
    router_.Add("GET", "/api/v1/tickets/new", [](const Request&) { return Text("literal"); });
    router_.Add("POST", "/api/v1/tickets/{ref}/messages",
                [](const Request& r) { return Text("post " + r.Param("ref") + " " + r.body); });
    router_.Add("GET", "/boom",
                [](const Request&) -> Response { throw std::runtime_error("kaput"); });
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralAndParameters) {
  auto req = Make("GET", "/api/v1/tickets");
  EXPECT_EQ(router_.Handle(req).body, "list");
  req = Make("GET", "/api/v1/tickets/SV-1042");
  auto res = router_.Handle(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "ticket SV-1042");
  EXPECT_EQ(req.Param("ref"), "SV-1042");
}

TEST_F(RouterTest, LiteralSegmentWinsOverParameter) {
  auto req = Make("GET", "/api/v1/tickets/new");
  EXPECT_EQ(router_.Handle(req).body, "literal");
}

TEST_F(RouterTest, TrailingSlashIsIgnored) {
  auto req = Make("GET", "/api/v1/tickets/");
  EXPECT_EQ(router_.Handle(req).body, "list");
}

TEST_F(RouterTest, UnknownPathIs404Json) {
  for (std::string path : {"/nope", "/api/v1/tickets/SV-1/extra/more", "/api/v1//x", "/"}) {
    auto req = Make("GET", path);
    auto res = router_.Handle(req);
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.content_type, kJsonType);
    auto body = nlohmann::json::parse(res.body);
    EXPECT_EQ(body["error"]["code"], "not_found");
    EXPECT_NE(body["error"]["message"].get<std::string>().find(path), std::string::npos);
  }
}

TEST_F(RouterTest, EmptyParameterDoesNotMatch) {
  // "/api/v1/tickets//messages" must not bind ref="".
  auto req = Make("POST", "/api/v1/tickets//messages");
  EXPECT_EQ(router_.Handle(req).status, 404);
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  auto req = Make("DELETE", "/api/v1/tickets/SV-1");
  auto res = router_.Handle(req);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.HeaderValue("Allow"), "GET");
  auto body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["error"]["code"], "method_not_allowed");
}

TEST_F(RouterTest, PostReceivesBody) {
  auto req = Make("POST", "/api/v1/tickets/SV-7/messages");
  req.body = "hi";
  EXPECT_EQ(router_.Handle(req).body, "post SV-7 hi");
}

TEST_F(RouterTest, HeadFallsBackToGet) {
  auto req = Make("HEAD", "/api/v1/tickets");
  auto res = router_.Handle(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "list");
}

TEST_F(RouterTest, ExceptionBecomes500Json) {
  auto req = Make("GET", "/boom");
  auto res = router_.Handle(req);
  EXPECT_EQ(res.status, 500);
  auto body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["error"]["code"], "internal");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("kaput"), std::string::npos);
}

TEST_F(RouterTest, SecurityHeadersOnEveryResponse) {
  for (std::string path : {"/api/v1/tickets", "/nope"}) {
    auto req = Make("GET", path);
    auto res = router_.Handle(req);
    EXPECT_EQ(res.HeaderValue("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res.HeaderValue("Referrer-Policy"), "no-referrer") << path;
    EXPECT_NE(res.HeaderValue("Content-Security-Policy").find("default-src 'none'"),
              std::string::npos)
        << path;
  }
}

TEST(Request, HeaderLookupIsCaseInsensitive) {
  Request r;
  r.AddHeader("Authorization", "Bearer x");
  ASSERT_TRUE(r.Header("authorization"));
  EXPECT_EQ(*r.Header("AUTHORIZATION"), "Bearer x");
  EXPECT_FALSE(r.Header("cookie"));
  r.query = {{"limit", "5"}, {"limit", "6"}};
  EXPECT_EQ(*r.Query("limit"), "5");
  EXPECT_FALSE(r.Query("status"));
}

}  // namespace
}  // namespace svar::web
