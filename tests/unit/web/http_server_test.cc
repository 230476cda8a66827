// End-to-end over a real socket: HttpServer on 127.0.0.1, port 0, with the real API routes
// over an in-memory database, driven by httplib::Client.
#include "web/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "intake/raw_spool.h"
#include "mail/parse.h"
#include "storage/migrations.h"
#include "tickets/ticket_store.h"
#include "web/api.h"
#include "web/api_tokens.h"

namespace svar::web {
namespace {

using nlohmann::json;

constexpr const char* kRawMail =
    "From: Kunde Jensen <kunde@example.dk>\r\n"
    "To: support@desk.example\r\n"
    "Subject: Faktura\r\n"
    "Message-ID: <m1@example.dk>\r\n"
    "Date: Tue, 14 Nov 2023 22:13:10 +0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"b\"\r\n"
    "\r\n"
    "--b\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Se vedhæftet.\r\n"
    "--b\r\n"
    "Content-Type: text/html; name=\"evil.html\"\r\n"
    "Content-Disposition: attachment; filename=\"rapport.html\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\r\n"
    "--b--\r\n";

// The exact bytes of a response (httplib::Client percent-decodes header values, which would
// hide what a browser sees).
std::string RawExchange(int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "";
  }
  (void)!write(fd, request.data(), request.size());
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

std::string RawGet(int port, const std::string& path, const std::string& extra_headers) {
  return RawExchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                               extra_headers + "\r\n");
}

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    mail::InitMail();
    auto db = storage::OpenSqlite({":memory:"});
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_));
    store_ = std::make_unique<tickets::TicketStore>(*db_, "SV", 1000);
    spool_ = std::make_unique<intake::RawSpool>(*db_);
    context_ = std::make_unique<WebContext>(
        WebContext{*db_, *store_, *spool_, config_, &SystemClock::Instance()});
    RegisterApi(router_, *context_);

    ServerConfig sc;
    sc.listen = "127.0.0.1";
    sc.port = 0;
    sc.threads = 4;
    sc.max_body_bytes = 1024;
    auto started = server_.Start(sc, router_);
    ASSERT_TRUE(started) << started.error().message;
    ASSERT_GT(server_.port(), 0);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_.port());
    client_->set_connection_timeout(5);
    client_->set_read_timeout(10);

    ApiTokens tokens(*db_, SystemClock::Instance());
    auto created = tokens.Create("test");
    ASSERT_TRUE(created) << created.error().message;
    auth_ = {{"Authorization", "Bearer " + created->token}};
  }

  void TearDown() override { server_.Stop(); }

  // Ticket with one message whose attachment is part 2 of kRawMail; returns the ticket.
  tickets::Ticket AddTicket(const std::string& subject, bool with_raw) {
    storage::Transaction tx(*db_);
    EXPECT_TRUE(tx.begin_status());
    int64_t now = 1700000000;
    auto customer = store_->UpsertCustomer("kunde@example.dk", "Kunde Jensen", now);
    EXPECT_TRUE(customer) << customer.error().message;
    auto ticket = store_->CreateTicket(subject, customer->id, std::nullopt, std::nullopt, now);
    EXPECT_TRUE(ticket) << ticket.error().message;
    tickets::Message m;
    m.ticket_id = ticket->id;
    if (with_raw) {
      auto put = spool_->Put(kRawMail, "test", std::nullopt, now);
      EXPECT_TRUE(put) << put.error().message;
      m.raw_id = put->id;
    }
    m.message_id = "<m" + std::to_string(ticket->id) + "@example.dk>";
    m.from_email = "kunde@example.dk";
    m.from_name = "Kunde Jensen";
    m.to = {"support@desk.example"};
    m.subject = subject;
    m.sent_at = now - 10;
    m.received_at = now;
    m.text = "Se vedhæftet.";
    m.content_language = "da";
    m.guards_json = "{}";
    m.warnings_json = "[]";
    m.thread_reason = "new ticket";
    tickets::Attachment a;
    a.filename = "rapport æ.html";
    a.content_type = "text/html";
    a.size = 25;
    a.disposition = "attachment";
    a.part_path = "2";
    m.attachments.push_back(a);
    auto inserted = store_->InsertMessage(m);
    EXPECT_TRUE(inserted) << inserted.error().message;
    EXPECT_TRUE(store_->TouchTicket(ticket->id, now, now));
    EXPECT_TRUE(tx.Commit());
    auto found = store_->FindById(ticket->id);
    EXPECT_TRUE(found && *found);
    return **found;
  }

  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<tickets::TicketStore> store_;
  std::unique_ptr<intake::RawSpool> spool_;
  Config config_;
  std::unique_ptr<WebContext> context_;
  Router router_;
  HttpServer server_;
  std::unique_ptr<httplib::Client> client_;
  httplib::Headers auth_;
};

TEST_F(HttpServerTest, LandingPageNeedsNoTokenAndShowsNoTicketContent) {
  auto res = client_->Get("/");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(res->body.find("svar token create"), std::string::npos);
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
}

TEST_F(HttpServerTest, HealthzNeedsNoToken) {
  auto res = client_->Get("/healthz");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body), json::parse(R"({"status":"ok"})"));
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos);
}

TEST_F(HttpServerTest, ApiNeedsAToken) {
  auto res = client_->Get("/api/v1/tickets");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  auto body = json::parse(res->body);
  EXPECT_EQ(body["error"]["code"], "unauthenticated");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("svar token create NAME"),
            std::string::npos);

  res = client_->Get("/api/v1/tickets", {{"Authorization", "Bearer svar_wrong"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);

  res = client_->Get("/api/v1/tickets", auth_);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body), json::parse(R"({"tickets":[],"next_before":null})"));
}

TEST_F(HttpServerTest, UnknownPathAndMethod) {
  auto res = client_->Get("/api/v1/nothing", auth_);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_found");
  res = client_->Post("/api/v1/tickets", auth_, "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "GET");
}

TEST_F(HttpServerTest, BodyOverTheLimitIs413Json) {
  auto res = client_->Post("/api/v1/tickets", auth_, std::string(4096, 'x'), "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "payload_too_large");
}

TEST_F(HttpServerTest, ListsTicketsNewestFirstWithPaging) {
  auto t1 = AddTicket("first", false);
  auto t2 = AddTicket("second", false);
  auto t3 = AddTicket("third", false);

  auto res = client_->Get("/api/v1/tickets?limit=2", auth_);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto page1 = json::parse(res->body);
  ASSERT_EQ(page1["tickets"].size(), 2u);
  EXPECT_EQ(page1["tickets"][0]["ref"], t3.ref);
  EXPECT_EQ(page1["tickets"][1]["ref"], t2.ref);
  EXPECT_EQ(page1["tickets"][0]["message_count"], 1);
  ASSERT_EQ(page1["next_before"], t2.id);

  res = client_->Get("/api/v1/tickets?limit=2&before=" + std::to_string(t2.id), auth_);
  ASSERT_TRUE(res);
  auto page2 = json::parse(res->body);
  ASSERT_EQ(page2["tickets"].size(), 1u);
  EXPECT_EQ(page2["tickets"][0]["ref"], t1.ref);
  EXPECT_TRUE(page2["next_before"].is_null());

  res = client_->Get("/api/v1/tickets?status=new", auth_);
  ASSERT_TRUE(res);
  EXPECT_EQ(json::parse(res->body)["tickets"].size(), 3u);
  res = client_->Get("/api/v1/tickets?status=solved", auth_);
  ASSERT_TRUE(res);
  EXPECT_EQ(json::parse(res->body)["tickets"].size(), 0u);
}

TEST_F(HttpServerTest, BadListParametersAre400) {
  for (std::string q : {"limit=0", "limit=abc", "limit=100000", "before=-1", "status=bogus"}) {
    auto res = client_->Get("/api/v1/tickets?" + q, auth_);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << q;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "invalid_argument") << q;
  }
}

TEST_F(HttpServerTest, TicketDetailWithMessagesAndAttachments) {
  auto t = AddTicket("Faktura", true);
  auto res = client_->Get("/api/v1/tickets/" + t.ref, auth_);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto body = json::parse(res->body);
  EXPECT_EQ(body["ref"], t.ref);
  EXPECT_EQ(body["subject"], "Faktura");
  EXPECT_EQ(body["customer"], "kunde@example.dk");
  ASSERT_EQ(body["messages"].size(), 1u);
  const auto& m = body["messages"][0];
  EXPECT_EQ(m["text"], "Se vedhæftet.");
  EXPECT_EQ(m["date"], "2023-11-14T22:13:10Z");
  ASSERT_EQ(m["attachments"].size(), 1u);
  EXPECT_EQ(m["attachments"][0]["filename"], "rapport æ.html");
}

TEST_F(HttpServerTest, TicketDetailErrors) {
  auto res = client_->Get("/api/v1/tickets/SV-99999", auth_);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  auto body = json::parse(res->body);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("SV-99999"), std::string::npos);

  res = client_->Get("/api/v1/tickets/hello", auth_);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "invalid_argument");
}

TEST_F(HttpServerTest, AttachmentDownloadIsSafe) {
  auto t = AddTicket("Faktura", true);
  auto messages = store_->MessagesOf(t.id);
  ASSERT_TRUE(messages && messages->size() == 1 && (*messages)[0].attachments.size() == 1);
  int64_t id = (*messages)[0].attachments[0].id;

  auto res = client_->Get("/api/v1/attachments/" + std::to_string(id), auth_);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->body, "<script>alert(1)</script>");
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/octet-stream");
  std::string raw = RawGet(server_.port(), "/api/v1/attachments/" + std::to_string(id),
                           "Authorization: " + auth_.begin()->second + "\r\n");
  EXPECT_NE(raw.find("\r\nContent-Disposition: attachment; filename=\"rapport __.html\"; "
                     "filename*=UTF-8''rapport%20%C3%A6.html\r\n"),
            std::string::npos)
      << raw;
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("sandbox"), std::string::npos);

  res = client_->Get("/api/v1/attachments/999999", auth_);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  res = client_->Get("/api/v1/attachments/x1", auth_);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = client_->Get("/api/v1/attachments/" + std::to_string(id));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
}

TEST_F(HttpServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  client_->set_keep_alive(true);
  for (int i = 0; i < 50; ++i) {
    auto res = client_->Get("/healthz");
    ASSERT_TRUE(res) << i;
    ASSERT_EQ(res->status, 200);
  }
}

TEST_F(HttpServerTest, GetWithBodyDoesNotDesyncKeepAlive) {
  // A GET with a body, then (after its response) a second request on the same connection:
  // the body must have been consumed, or the second request would be parsed from "hello".
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server_.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string first = "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
  ASSERT_EQ(write(fd, first.data(), first.size()), static_cast<ssize_t>(first.size()));
  std::string out;
  char buf[4096];
  while (out.find(R"({"status":"ok"})") == std::string::npos) {
    ssize_t n = read(fd, buf, sizeof buf);
    ASSERT_GT(n, 0) << out;
    out.append(buf, static_cast<size_t>(n));
  }
  std::string second = "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(write(fd, second.data(), second.size()), static_cast<ssize_t>(second.size()));
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  EXPECT_NE(out.find("HTTP/1.1 404"), std::string::npos) << out;
}

TEST_F(HttpServerTest, ConcurrentClients) {
  auto t = AddTicket("Faktura", true);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      httplib::Client c("127.0.0.1", server_.port());
      c.set_keep_alive(true);
      for (int j = 0; j < 30; ++j) {
        auto res = c.Get(j % 2 ? "/api/v1/tickets/" + t.ref : "/api/v1/tickets", auth_);
        if (res && res->status == 200) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 6 * 30);
}

TEST_F(HttpServerTest, LongPathIsHandled) {
  auto res = client_->Get("/" + std::string(7000, 'a'));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
}

TEST(HttpServer, PortInUseIsAClearError) {
  Router router;
  HttpServer first;
  ServerConfig sc;
  sc.listen = "127.0.0.1";
  sc.port = 0;
  ASSERT_TRUE(first.Start(sc, router));
  sc.port = first.port();
  HttpServer second;
  auto s = second.Start(sc, router);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().message, "cannot listen on 127.0.0.1:" + std::to_string(sc.port) +
                                   ": address in use; set server.port or stop the other process");
  first.Stop();
  first.Stop();  // idempotent
}

TEST(HttpServer, StopRightAfterStartDoesNotHang) {
  Router router;
  for (int i = 0; i < 5; ++i) {
    HttpServer server;
    ServerConfig sc;
    sc.listen = "127.0.0.1";
    sc.port = 0;
    ASSERT_TRUE(server.Start(sc, router));
    server.Stop();
  }
}

TEST(HttpServer, BadSettingsAreRejected) {
  Router router;
  HttpServer server;
  ServerConfig sc;
  sc.threads = 0;
  auto s = server.Start(sc, router);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("server.threads"), std::string::npos);
}

}  // namespace
}  // namespace svar::web
