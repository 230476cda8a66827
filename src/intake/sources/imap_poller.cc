#include "intake/sources/imap_poller.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "core/clock.h"
#include "core/log.h"
#include "core/text.h"

namespace svar::intake {
namespace {

constexpr size_t kMaxRecordedFailures = 100;

bool ParseU32(std::string_view s, uint32_t* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string UidSet(const std::vector<uint32_t>& uids) {
  std::string out;
  for (size_t i = 0; i < uids.size();) {
    size_t j = i;
    while (j + 1 < uids.size() && uids[j + 1] == uids[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(uids[i]);
    if (j > i) out += ":" + std::to_string(uids[j]);
    i = j + 1;
  }
  return out;
}

std::vector<uint32_t> ParseSearch(const std::vector<std::string>& untagged) {
  std::vector<uint32_t> uids;
  for (const std::string& line : untagged) {
    if (!StartsWithIgnoreCase(line, "* SEARCH")) continue;
    std::istringstream in(line.substr(8));
    std::string tok;
    while (in >> tok) {
      uint32_t v;
      if (ParseU32(tok, &v) && v > 0) uids.push_back(v);
    }
  }
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  return uids;
}

uint32_t ParseUidValidity(const std::vector<std::string>& untagged) {
  for (const std::string& line : untagged) {
    std::string upper = line;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    size_t p = upper.find("[UIDVALIDITY ");
    if (p == std::string::npos) continue;
    p += 13;
    size_t end = upper.find(']', p);
    uint32_t v;
    if (end != std::string::npos && ParseU32(std::string_view(line).substr(p, end - p), &v)) {
      return v;
    }
  }
  return 0;
}

Result<std::string> ResolvePassword(const MailboxConfig& config) {
  if (config.password_file.empty()) return config.password;
  std::ifstream in(config.password_file, std::ios::binary);
  if (!in) {
    return Fail(ErrorCode::kInvalidArgument,
                "mailbox " + config.name + ": cannot read password_file " + config.password_file +
                    " (" + std::strerror(errno) + "); check mailbox.password_file");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::string(Trim(ss.str()));
}

// Everything one poll needs: the client and what we know about the server's state.
struct ImapPoller::Session {
  std::unique_ptr<ImapClient> client;
  std::string folder_quoted;
  bool read_only = false;  // the folder is EXAMINEd on the current connection
  int64_t examined_on = -1;  // client->connections() when it was EXAMINEd
  bool has_move = false;
  bool has_uidplus = false;
  uint32_t uidvalidity = 0;
};

ImapPoller::ImapPoller(const MailboxConfig& config, storage::Database& db, MailSink sink)
    : config_(config), db_(db), sink_(std::move(sink)) {}

Status ImapPoller::Persist(int64_t id, uint32_t uidvalidity, uint32_t last_uid) {
  std::lock_guard lock(db_.mutex());
  return db_.Exec("UPDATE mailboxes SET uidvalidity = ?, last_uid = ? WHERE id = ?",
                  {int64_t{uidvalidity}, int64_t{last_uid}, id});
}

Status ImapPoller::Mark(Session& s, std::vector<uint32_t>& uids, PollStats& stats) {
  if (uids.empty()) return Ok();
  const std::string set = UidSet(uids);
  // Back to read-write: marking needs it. The folder stays selected on this connection.
  SVAR_TRY(s.client->Command("SELECT " + s.folder_quoted));
  s.read_only = false;
  if (config_.after_fetch == "move") {
    const std::string target = ImapQuote(config_.move_to);
    if (s.has_move) {
      SVAR_TRY(s.client->Command("UID MOVE " + set + " " + target));
    } else {
      SVAR_TRY(s.client->Command("UID COPY " + set + " " + target));
      SVAR_TRY(s.client->Command("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)"));
      // Without UIDPLUS, EXPUNGE also removes other messages someone flagged \Deleted.
      SVAR_TRY(s.client->Command(s.has_uidplus ? "UID EXPUNGE " + set : std::string("EXPUNGE")));
    }
  } else {
    SVAR_TRY(s.client->Command("UID STORE " + set + " +FLAGS.SILENT (\\Seen)"));
  }
  stats.marked += static_cast<int64_t>(uids.size());
  uids.clear();
  return Ok();
}

Result<PollStats> ImapPoller::PollOnce() {
  const std::string prefix = "mailbox " + config_.name + ": ";
  if (config_.after_fetch != "seen" && config_.after_fetch != "move") {
    return Fail(ErrorCode::kInvalidArgument, prefix + "after_fetch = \"" + config_.after_fetch +
                                                 "\" is not known; use \"seen\" or \"move\"");
  }
  const bool move = config_.after_fetch == "move";
  if (move && config_.move_to.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                prefix + "after_fetch = \"move\" needs move_to (a folder name, e.g. \"Archive\")");
  }
  SVAR_ASSIGN(std::string password, ResolvePassword(config_));

  // Our row in `mailboxes`: where the last poll got to.
  int64_t row_id = 0;
  std::optional<int64_t> stored_validity;
  uint32_t last_uid = 0;
  {
    std::lock_guard lock(db_.mutex());
    SVAR_ASSIGN(auto row, db_.QueryOne("SELECT id, uidvalidity, last_uid FROM mailboxes WHERE name = ?",
                                       {config_.name}));
    if (!row) {
      SVAR_TRY(db_.Exec("INSERT INTO mailboxes (name, address, created_at) VALUES (?, ?, ?)",
                        {config_.name, config_.address, SystemClock::Instance().NowSeconds()}));
      SVAR_ASSIGN(row, db_.QueryOne("SELECT id, uidvalidity, last_uid FROM mailboxes WHERE name = ?",
                                    {config_.name}));
      if (!row) return Fail(ErrorCode::kInternal, prefix + "mailboxes row vanished");
    }
    row_id = row->Int(0);
    stored_validity = row->OptInt(1);
    last_uid = static_cast<uint32_t>(row->Int(2));
  }

  ImapOptions options;
  options.name = config_.name;
  options.url = config_.imap_url;
  options.username = config_.username;
  options.password = std::move(password);
  options.allow_plaintext = config_.allow_plaintext;
  options.ca_file = config_.ca_file;
  options.timeout_seconds = config_.timeout_seconds;
  Session s;
  SVAR_ASSIGN(s.client, ImapClient::Create(options));
  s.folder_quoted = ImapQuote(s.client->url().folder);

  // Open the folder read-only. On the first command curl logs in and SELECTs the folder from
  // the URL itself; our EXAMINE then turns it read-only for the fetches below.
  auto examine = [&]() -> Status {
    SVAR_ASSIGN(auto lines, s.client->Command("EXAMINE " + s.folder_quoted));
    const uint32_t v = ParseUidValidity(lines);
    if (s.uidvalidity != 0 && v != 0 && v != s.uidvalidity) {
      return Fail(ErrorCode::kConflict, prefix + "UIDVALIDITY changed during the poll (" +
                                            std::to_string(s.uidvalidity) + " -> " +
                                            std::to_string(v) + "); the next poll starts over");
    }
    if (s.uidvalidity == 0) s.uidvalidity = v;
    s.read_only = true;
    s.examined_on = s.client->connections();
    return Ok();
  };
  SVAR_TRY(examine());

  PollStats stats;
  stats.uidvalidity = s.uidvalidity;
  if (stored_validity && *stored_validity != static_cast<int64_t>(s.uidvalidity)) {
    LogWarn(prefix + "UIDVALIDITY changed from " + std::to_string(*stored_validity) + " to " +
            std::to_string(s.uidvalidity) +
            "; UIDs were renumbered by the server, already imported mail is deduplicated");
    last_uid = 0;
  }
  stats.last_uid = last_uid;

  if (move) {
    SVAR_ASSIGN(auto caps, s.client->Command("CAPABILITY"));
    for (const std::string& line : caps) {
      std::istringstream in(line);
      std::string tok;
      while (in >> tok) {
        if (EqualsIgnoreCase(tok, "MOVE")) s.has_move = !ignore_move_;
        if (EqualsIgnoreCase(tok, "UIDPLUS")) s.has_uidplus = true;
      }
    }
    // Check the target before fetching anything, so a typo is one clear error.
    auto status = s.client->Command("STATUS " + ImapQuote(config_.move_to) + " (MESSAGES)");
    if (!status) {
      if (status.error().code == ErrorCode::kNotFound) {
        return Fail(ErrorCode::kNotFound,
                    prefix + "folder \"" + config_.move_to +
                        "\" (move_to) does not exist on the server; create it or change "
                        "mailbox.move_to");
      }
      return Fail(std::move(status.error()));
    }
  }

  std::vector<uint32_t> uids;
  if (move) {
    SVAR_ASSIGN(auto found, s.client->Command("UID SEARCH ALL"));
    uids = ParseSearch(found);
  } else {
    // Unseen mail, and mail that arrived since the last poll even if someone already read it
    // in another mail client (it is \Seen, but new to us). "UID n:*" always matches the
    // highest UID, so UIDs we committed before are dropped again.
    SVAR_ASSIGN(auto unseen, s.client->Command("UID SEARCH UNSEEN"));
    SVAR_ASSIGN(auto newer,
                s.client->Command("UID SEARCH UID " + std::to_string(last_uid + 1) + ":*"));
    uids = ParseSearch(unseen);
    for (uint32_t uid : ParseSearch(newer)) {
      if (uid > last_uid) uids.push_back(uid);
    }
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  }
  stats.found = static_cast<int64_t>(uids.size());

  std::vector<uint32_t> to_mark;
  // Persists progress and tries to mark what was committed, then returns `error`.
  auto stop = [&](Error error) -> Result<PollStats> {
    if (!to_mark.empty()) {
      auto m = Mark(s, to_mark, stats);
      if (!m) LogWarn(prefix + "could not mark committed messages: " + m.error().message);
    }
    auto p = Persist(row_id, s.uidvalidity, stats.last_uid);
    if (!p) LogWarn(prefix + "could not store the poll position: " + p.error().message);
    return Fail(std::move(error));
  };

  for (uint32_t uid : uids) {
    // Any new connection since the EXAMINE (curl closes the connection after some failures;
    // the server may drop an idle one) was SELECTed read-write by curl: EXAMINE again.
    if (!s.read_only || s.client->connections() != s.examined_on) {
      if (auto e = examine(); !e) return stop(std::move(e.error()));
    }
    auto body = s.client->FetchBody(uid);
    // A reconnect inside FetchBody means curl logged in again and SELECTed the folder
    // read-write before fetching, so this fetch may have set \Seen. Note it, and undo it below
    // if the message is not committed.
    const bool maybe_seen = s.client->last_call_reconnected();
    if (maybe_seen) s.read_only = false;
    if (!body) return stop(std::move(body.error()));
    if (!*body) {
      ++stats.vanished;
      continue;
    }
    ++stats.fetched;
    stats.bytes += (*body)->size();
    RawMail mail{std::move(**body), "imap:" + config_.name + "/" + std::to_string(s.uidvalidity) +
                                        "/" + std::to_string(uid)};
    Status r = sink_(std::move(mail));
    if (r) {
      ++stats.committed;
      stats.last_uid = std::max(stats.last_uid, uid);
      to_mark.push_back(uid);
      if (static_cast<int>(to_mark.size()) >= mark_batch_) {
        if (auto m = Mark(s, to_mark, stats); !m) return stop(std::move(m.error()));
      }
      continue;
    }
    if (maybe_seen && !move) {
      auto u = s.client->Command("SELECT " + s.folder_quoted);
      s.read_only = false;
      if (u) u = s.client->Command("UID STORE " + std::to_string(uid) + " -FLAGS.SILENT (\\Seen)");
      if (!u) LogWarn(prefix + "could not clear \\Seen of UID " + std::to_string(uid) + ": " +
                      u.error().message);
    }
    if (IsTemporary(r.error().code)) return stop(std::move(r.error()));
    ++stats.sink_failures;
    if (stats.failures.size() < kMaxRecordedFailures) {
      stats.failures.push_back("UID " + std::to_string(uid) + ": " + r.error().ToString());
    }
  }
  if (auto m = Mark(s, to_mark, stats); !m) return stop(std::move(m.error()));
  SVAR_TRY(Persist(row_id, s.uidvalidity, stats.last_uid));
  return stats;
}

}  // namespace svar::intake
