// Integration tests of the IMAP poller against a real Dovecot started by
// scripts/test-servers.sh (skipped when Dovecot is not installed).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "intake/sources/imap_client.h"
#include "intake/sources/imap_poller.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace svar::intake {
namespace {

namespace fs = std::filesystem;

const int kImapPort = 20000 + ::getpid() % 1000;
const int kSmtpPort = 21000 + ::getpid() % 1000;

std::string Script() { return std::string(SVAR_SOURCE_DIR) + "/scripts/test-servers.sh"; }

struct Servers {
  fs::path dir;
  bool started = false;
  std::string skip_reason;
};
Servers& TheServers() {
  static Servers s;
  return s;
}

int FreePort() {  // a port nothing listens on
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

class ImapPollerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Servers& s = TheServers();
    if (!fs::exists("/usr/sbin/dovecot")) {
      s.skip_reason =
          "dovecot is not installed (scripts/install-deps.sh installs dovecot-imapd); skipping "
          "the IMAP integration tests";
      return;
    }
    s.dir = fs::temp_directory_path() / ("svar-imap-test-" + std::to_string(::getpid()));
    fs::remove_all(s.dir);
    fs::create_directories(s.dir);
    std::ofstream users(s.dir / "users.txt");
    for (int i = 1; i <= 20; ++i) users << "u" << i << "@example.com:secret\n";
    users.close();
    std::string cmd = "IMAP_PORT=" + std::to_string(kImapPort) +
                      " SMTP_PORT=" + std::to_string(kSmtpPort) + " USERS_FILE=" +
                      (s.dir / "users.txt").string() + " " + Script() + " start " +
                      (s.dir / "srv").string() + " >/dev/null";
    if (std::system(cmd.c_str()) != 0) {
      s.skip_reason = "scripts/test-servers.sh start failed: " + cmd;
      return;
    }
    s.started = true;
  }
  static void TearDownTestSuite() {
    Servers& s = TheServers();
    if (s.started) {
      std::string cmd = Script() + " stop " + (s.dir / "srv").string();
      (void)std::system(cmd.c_str());
      s.started = false;
    }
    if (!s.dir.empty()) fs::remove_all(s.dir);
  }

  void SetUp() override {
    Servers& s = TheServers();
    if (!s.started) {
      if (s.skip_reason.find("not installed") != std::string::npos) GTEST_SKIP() << s.skip_reason;
      FAIL() << s.skip_reason;
    }
    static int next_user = 0;
    user_ = "u" + std::to_string(++next_user) + "@example.com";
    auto db = storage::OpenSqlite({.path = ":memory:"});
    ASSERT_TRUE(db) << db.error().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_));
    config_.name = "support";
    config_.address = "support@example.com";
    config_.imap_url = "imap://127.0.0.1:" + std::to_string(kImapPort) + "/INBOX";
    config_.username = user_;
    config_.password = "secret";
    config_.allow_plaintext = true;
    config_.timeout_seconds = 10;
  }

  // Appends n messages to the user's INBOX; returns their Message-IDs.
  std::vector<std::string> Seed(int n, size_t body_bytes = 100) {
    std::vector<std::string> ids;
    std::string files;
    for (int i = 0; i < n; ++i) {
      std::string id = "<m" + std::to_string(seeded_ + i) + "." + user_ + ">";
      fs::path f = TheServers().dir / ("seed-" + std::to_string(i) + ".eml");
      std::ofstream(f, std::ios::binary)
          << "From: customer@example.org\r\nTo: support@example.com\r\nSubject: help "
          << seeded_ + i << "\r\nMessage-ID: " << id << "\r\n\r\n"
          << std::string(body_bytes, 'x') << "\r\n";
      files += " " + f.string();
      ids.push_back(id);
    }
    seeded_ += n;
    std::string cmd = Script() + " seed " + (TheServers().dir / "srv").string() + " " + user_ + files;
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return ids;
  }

  // UIDs matching `criteria` in `folder`, seen by a separate client.
  std::vector<uint32_t> Search(const std::string& criteria, const std::string& folder = "INBOX") {
    ImapOptions o;
    o.name = "check";
    o.url = "imap://127.0.0.1:" + std::to_string(kImapPort) + "/" + folder;
    o.username = user_;
    o.password = "secret";
    o.allow_plaintext = true;
    o.timeout_seconds = 10;
    auto c = ImapClient::Create(o);
    EXPECT_TRUE(c);
    if (!c) return {};
    auto lines = (*c)->Command("UID SEARCH " + criteria);
    EXPECT_TRUE(lines) << lines.error().ToString();
    return lines ? ParseSearch(*lines) : std::vector<uint32_t>{};
  }

  MailSink CollectingSink() {
    return [this](RawMail&& m) -> Status {
      got_.push_back(std::move(m));
      return Ok();
    };
  }

  static std::string MessageId(const std::string& bytes) {
    size_t p = bytes.find("Message-ID: ");
    if (p == std::string::npos) return "";
    size_t e = bytes.find("\r\n", p);
    return bytes.substr(p + 12, e - p - 12);
  }

  std::string user_;
  int seeded_ = 0;
  std::unique_ptr<storage::Database> db_;
  MailboxConfig config_;
  std::vector<RawMail> got_;
};

using U = std::vector<uint32_t>;

TEST_F(ImapPollerTest, FetchesEachMessageOnceAndMarksSeen) {
  auto ids = Seed(3);
  ImapPoller poller(config_, *db_, CollectingSink());
  auto r = poller.PollOnce();
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(got_.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(MessageId(got_[i].bytes), ids[i]);
    EXPECT_EQ(got_[i].source, "imap:support/" + std::to_string(r->uidvalidity) + "/" +
                                  std::to_string(i + 1));
  }
  EXPECT_EQ(r->found, 3);
  EXPECT_EQ(r->committed, 3);
  EXPECT_EQ(r->marked, 3);
  EXPECT_EQ(r->last_uid, 3u);
  EXPECT_NE(r->uidvalidity, 0u);
  EXPECT_EQ(Search("UNSEEN"), U{});
  EXPECT_EQ(Search("SEEN"), (U{1, 2, 3}));

  auto row = db_->QueryOne("SELECT uidvalidity, last_uid FROM mailboxes WHERE name = 'support'");
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*row)->Int(0), r->uidvalidity);
  EXPECT_EQ((*row)->Int(1), 3);

  // Nothing new: nothing fetched. A new message: only it.
  auto again = poller.PollOnce();
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(again->fetched, 0);
  auto more = Seed(1);
  auto third = poller.PollOnce();
  ASSERT_TRUE(third);
  ASSERT_EQ(got_.size(), 4u);
  EXPECT_EQ(MessageId(got_[3].bytes), more[0]);
  EXPECT_EQ(third->last_uid, 4u);
}

TEST_F(ImapPollerTest, SeenIsSetOnlyAfterTheSinkReturnedOk) {
  Seed(2);
  std::vector<U> unseen_during_sink;
  ImapPoller poller(config_, *db_, [&](RawMail&& m) -> Status {
    unseen_during_sink.push_back(Search("UNSEEN"));
    got_.push_back(std::move(m));
    return Ok();
  });
  poller.set_mark_batch(1);
  auto r = poller.PollOnce();
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(unseen_during_sink.size(), 2u);
  EXPECT_EQ(unseen_during_sink[0], (U{1, 2}));  // fetching UID 1 did not mark it
  EXPECT_EQ(unseen_during_sink[1], (U{2}));     // UID 1 marked after commit, 2 not yet
  EXPECT_EQ(Search("UNSEEN"), U{});
}

TEST_F(ImapPollerTest, FailingSinkLeavesMessageUnseenForTheNextPoll) {
  auto ids = Seed(3);
  ImapPoller failing(config_, *db_, [&](RawMail&& m) -> Status {
    if (MessageId(m.bytes) == ids[1]) return Fail(ErrorCode::kParse, "cannot store this one");
    got_.push_back(std::move(m));
    return Ok();
  });
  auto r = failing.PollOnce();
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->committed, 2);
  EXPECT_EQ(r->sink_failures, 1);
  ASSERT_EQ(r->failures.size(), 1u);
  EXPECT_NE(r->failures[0].find("UID 2: parse_error: cannot store this one"), std::string::npos);
  EXPECT_EQ(Search("UNSEEN"), U{2});

  got_.clear();
  ImapPoller healthy(config_, *db_, CollectingSink());
  auto r2 = healthy.PollOnce();
  ASSERT_TRUE(r2) << r2.error().ToString();
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(MessageId(got_[0].bytes), ids[1]);
  EXPECT_EQ(Search("UNSEEN"), U{});
}

TEST_F(ImapPollerTest, TemporarySinkErrorStopsThePollAndMarksNothingUncommitted) {
  Seed(3);
  int calls = 0;
  ImapPoller busy(config_, *db_, [&](RawMail&& m) -> Status {
    if (++calls == 2) return Fail(ErrorCode::kBusy, "database is locked");
    got_.push_back(std::move(m));
    return Ok();
  });
  auto r = busy.PollOnce();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kBusy);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(Search("UNSEEN"), (U{2, 3}));  // UID 1 was committed and marked on the way out
  got_.clear();
  ImapPoller healthy(config_, *db_, CollectingSink());
  ASSERT_TRUE(healthy.PollOnce());
  EXPECT_EQ(got_.size(), 2u);
}

TEST_F(ImapPollerTest, MoveModeMovesToArchive) {
  Seed(3);
  config_.after_fetch = "move";
  ImapPoller poller(config_, *db_, CollectingSink());
  auto r = poller.PollOnce();
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(got_.size(), 3u);
  EXPECT_EQ(r->marked, 3);
  EXPECT_EQ(Search("ALL"), U{});
  EXPECT_EQ(Search("ALL", "Archive").size(), 3u);
  auto again = poller.PollOnce();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->found, 0);
}

TEST_F(ImapPollerTest, MoveFallsBackToCopyDeleteExpunge) {
  Seed(3);
  config_.after_fetch = "move";
  ImapPoller poller(config_, *db_, CollectingSink());
  poller.set_ignore_move_capability(true);
  auto r = poller.PollOnce();
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(got_.size(), 3u);
  EXPECT_EQ(r->marked, 3);
  EXPECT_EQ(Search("ALL"), U{});
  EXPECT_EQ(Search("ALL", "Archive").size(), 3u);
}

TEST_F(ImapPollerTest, MoveToMissingFolderIsAClearError) {
  Seed(1);
  config_.after_fetch = "move";
  config_.move_to = "Nowhere";
  ImapPoller poller(config_, *db_, CollectingSink());
  auto r = poller.PollOnce();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().message,
            "mailbox support: folder \"Nowhere\" (move_to) does not exist on the server; create "
            "it or change mailbox.move_to");
  EXPECT_TRUE(got_.empty());
  EXPECT_EQ(Search("UNSEEN"), U{1});
}

TEST_F(ImapPollerTest, WrongPassword) {
  config_.password = "wrong";
  ImapPoller poller(config_, *db_, CollectingSink());
  auto r = poller.PollOnce();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(r.error().message,
            "mailbox support: login failed for user " + user_ + "; check username and password");
}

TEST_F(ImapPollerTest, PasswordFileIsTrimmed) {
  fs::path pf = TheServers().dir / "password";
  std::ofstream(pf) << "secret\n";
  config_.password = "";
  config_.password_file = pf.string();
  Seed(1);
  ImapPoller poller(config_, *db_, CollectingSink());
  auto r = poller.PollOnce();
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(got_.size(), 1u);
}

TEST_F(ImapPollerTest, UnreachableServer) {
  const int port = FreePort();
  config_.imap_url = "imap://127.0.0.1:" + std::to_string(port) + "/INBOX";
  ImapPoller poller(config_, *db_, CollectingSink());
  auto r = poller.PollOnce();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().message, "mailbox support: cannot connect to 127.0.0.1:" +
                                   std::to_string(port) +
                                   " (Connection refused); check mailbox.imap_url and that the "
                                   "server is running");
}

TEST_F(ImapPollerTest, MailReadElsewhereBeforeThePollIsStillFetched) {
  Seed(2);
  ImapPoller first(config_, *db_, CollectingSink());
  ASSERT_TRUE(first.PollOnce());
  EXPECT_EQ(got_.size(), 2u);
  Seed(2);  // UIDs 3 and 4; a person reads them in another mail client before we poll
  {
    ImapOptions o;
    o.name = "reader";
    o.url = "imap://127.0.0.1:" + std::to_string(kImapPort) + "/INBOX";
    o.username = user_;
    o.password = "secret";
    o.allow_plaintext = true;
    auto c = ImapClient::Create(o);
    ASSERT_TRUE(c);
    ASSERT_TRUE((*c)->Command("UID STORE 3:4 +FLAGS (\\Seen)"));
  }
  EXPECT_EQ(Search("UNSEEN"), U{});
  ImapPoller second(config_, *db_, CollectingSink());
  auto r = second.PollOnce();
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->fetched, 2);
  EXPECT_EQ(got_.size(), 4u);
  ImapPoller third(config_, *db_, CollectingSink());
  auto again = third.PollOnce();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->fetched, 0);  // nothing new: the highest UID is not fetched again
}

TEST_F(ImapPollerTest, PlaintextWithoutAllowPlaintextRequiresVerifiedStartTls) {
  // The test Dovecot offers STARTTLS with a self-signed certificate: without allow_plaintext
  // the poller must upgrade, and so it fails on the untrusted certificate...
  config_.allow_plaintext = false;
  ImapPoller poller(config_, *db_, CollectingSink());
  auto r = poller.PollOnce();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(r.error().message.find("is not trusted"), std::string::npos) << r.error().message;
  // ...and succeeds once the certificate is trusted through ca_file.
  config_.ca_file = (TheServers().dir / "srv" / "tls" / "cert.pem").string();
  ImapPoller trusted(config_, *db_, CollectingSink());
  auto ok = trusted.PollOnce();
  EXPECT_TRUE(ok) << ok.error().message;
}

// A TCP proxy to Dovecot that cuts its first connection `cut_after` bytes into the response
// to the `nth_fetch`-th UID FETCH command. Later connections are forwarded untouched.
class CuttingProxy {
 public:
  CuttingProxy(int target_port, int nth_fetch, size_t cut_after)
      : target_(target_port), nth_fetch_(nth_fetch), cut_after_(cut_after) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(listen_fd_, 8);
    socklen_t len = sizeof a;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    accept_thread_ = std::thread([this] { AcceptLoop(); });
  }
  ~CuttingProxy() {
    stop_ = true;
    ::shutdown(listen_fd_, SHUT_RDWR);
    ::close(listen_fd_);
    accept_thread_.join();
    for (auto& t : conns_) t.join();
  }
  int port() const { return port_; }
  bool did_cut() const { return cut_done_; }

 private:
  void AcceptLoop() {
    int n = 0;
    while (!stop_) {
      int c = ::accept(listen_fd_, nullptr, nullptr);
      if (c < 0) return;
      const bool first = n++ == 0;
      conns_.emplace_back([this, c, first] { Forward(c, first); });
    }
  }
  void Forward(int client, bool may_cut) {
    int server = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(target_));
    if (::connect(server, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      ::close(client);
      ::close(server);
      return;
    }
    std::string upstream;  // what the client sent, to count FETCH commands
    int fetches = 0;
    bool counting = false;
    size_t forwarded_after = 0;
    char buf[4096];
    while (!stop_) {
      pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
      if (::poll(p, 2, 200) <= 0) continue;
      if (p[0].revents) {
        ssize_t n = ::read(client, buf, sizeof buf);
        if (n <= 0) break;
        upstream.append(buf, n);
        size_t pos;
        while ((pos = upstream.find("UID FETCH")) != std::string::npos) {
          upstream.erase(0, pos + 9);
          if (++fetches == nth_fetch_ && may_cut) counting = true;
        }
        if (upstream.size() > 64) upstream.erase(0, upstream.size() - 64);
        if (::write(server, buf, n) != n) break;
      }
      if (p[1].revents) {
        ssize_t n = ::read(server, buf, sizeof buf);
        if (n <= 0) break;
        size_t send = n;
        if (counting) {
          send = std::min(send, cut_after_ - forwarded_after);
          forwarded_after += send;
        }
        if (send > 0 && ::write(client, buf, send) != static_cast<ssize_t>(send)) break;
        if (counting && forwarded_after >= cut_after_) {
          cut_done_ = true;
          break;
        }
      }
    }
    ::shutdown(client, SHUT_RDWR);
    ::close(client);
    ::close(server);
  }

  int target_;
  int nth_fetch_;
  size_t cut_after_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> cut_done_{false};
  std::thread accept_thread_;
  std::vector<std::thread> conns_;
};

TEST_F(ImapPollerTest, ConnectionDroppedMidFetchLosesNothing) {
  auto ids = Seed(4, 20000);
  std::map<std::string, int> committed;  // Message-ID -> times the sink got it
  auto sink = [&](RawMail&& m) -> Status {
    EXPECT_TRUE(m.bytes.ends_with("\r\n\r\n" + std::string(20000, 'x') + "\r\n"))
        << "truncated body";
    ++committed[MessageId(m.bytes)];
    return Ok();
  };
  {
    CuttingProxy proxy(kImapPort, /*nth_fetch=*/3, /*cut_after=*/5000);
    MailboxConfig via_proxy = config_;
    via_proxy.imap_url = "imap://127.0.0.1:" + std::to_string(proxy.port()) + "/INBOX";
    ImapPoller poller(via_proxy, *db_, sink);
    auto r = poller.PollOnce();
    ASSERT_FALSE(r) << "the proxy should have cut the connection";
    EXPECT_TRUE(proxy.did_cut());
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable) << r.error().ToString();
    EXPECT_NE(r.error().message.find("lost during UID FETCH 3"), std::string::npos)
        << r.error().message;
    EXPECT_EQ(committed.size(), 2u);
  }
  // The message being fetched when the connection broke is still unseen; so is the rest.
  EXPECT_EQ(Search("UNSEEN"), (U{3, 4}));
  ImapPoller healthy(config_, *db_, sink);
  auto r2 = healthy.PollOnce();
  ASSERT_TRUE(r2) << r2.error().ToString();
  for (const auto& id : ids) EXPECT_EQ(committed[id], 1) << id;
  EXPECT_EQ(Search("UNSEEN"), U{});
}

TEST(ImapUrlTest, Parses) {
  auto u = ParseImapUrl("imaps://mail.example.com/INBOX");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->port, 993);
  EXPECT_EQ(u->folder, "INBOX");
  auto v = ParseImapUrl("imap://127.0.0.1:10143/Support%20Box/");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->port, 10143);
  EXPECT_EQ(v->folder_path, "Support%20Box");
  EXPECT_EQ(v->folder, "Support Box");
  EXPECT_EQ(ParseImapUrl("imap://h")->folder, "INBOX");
  EXPECT_FALSE(ParseImapUrl("http://h/INBOX"));
  EXPECT_FALSE(ParseImapUrl("imap://user:pw@h/INBOX"));
  EXPECT_FALSE(ParseImapUrl("imap://h:99999/INBOX"));
}

TEST(ImapHelpersTest, UidSetAndSearch) {
  EXPECT_EQ(UidSet({1, 2, 3, 5, 8, 9}), "1:3,5,8:9");
  EXPECT_EQ(UidSet({7}), "7");
  EXPECT_EQ(ParseSearch({"* SEARCH 9 2 4 2", "* OK x"}), (U{2, 4, 9}));
  EXPECT_EQ(ParseSearch({"* SEARCH"}), U{});
  EXPECT_EQ(ParseUidValidity({"* OK [UIDVALIDITY 1795401275] UIDs valid"}), 1795401275u);
  EXPECT_EQ(ImapQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
}

}  // namespace
}  // namespace svar::intake
