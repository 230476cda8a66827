// ImapPoller: fetches new mail from one IMAP mailbox into a MailSink, losing nothing.
//
// Safety rule: the server is changed (\Seen set, message moved) only for messages the sink has
// committed. Fetching never marks a message: the folder is opened read-only (EXAMINE) while
// bodies are fetched, so curl's "UID FETCH n BODY[]" cannot set \Seen; marking happens
// afterwards, in batches, with the folder selected read-write. A crash or a dropped
// connection at any point leaves uncommitted messages untouched and committed-but-unmarked
// ones to be fetched again by the next poll (the sink deduplicates them).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "intake/sources/imap_client.h"
#include "intake/sources/raw_mail.h"
#include "storage/database.h"

namespace svar::intake {

struct PollStats {
  uint32_t uidvalidity = 0;
  uint32_t last_uid = 0;     // highest UID committed so far (persisted in `mailboxes`)
  int64_t found = 0;         // UIDs the search returned
  int64_t fetched = 0;       // bodies downloaded
  int64_t committed = 0;     // the sink returned Ok
  int64_t marked = 0;        // \Seen set or moved after commit
  int64_t vanished = 0;      // expunged between search and fetch
  uint64_t bytes = 0;        // body bytes downloaded
  int64_t sink_failures = 0; // the sink returned a (non-temporary) error: left unmarked
  std::vector<std::string> failures;  // "UID 7: parse_error: ..." (first 100)
};

class ImapPoller {
 public:
  // `sink` is called once per fetched message, in ascending UID order.
  ImapPoller(const MailboxConfig& config, storage::Database& db, MailSink sink);

  // One poll: connect, log in, open the folder read-only, read UIDVALIDITY, search
  // (after_fetch = "seen": UNSEEN plus every UID above the last committed one, so mail read
  // in another client first is not missed; "move": UID SEARCH ALL), fetch each message and
  // hand it to the sink, then mark the committed ones (UID STORE +FLAGS (\Seen), or UID MOVE to
  // move_to, falling back to UID COPY + \Deleted + EXPUNGE when MOVE is not supported).
  // UIDVALIDITY and last_uid are stored in the `mailboxes` row named config.name (inserted
  // when missing). A non-temporary sink error leaves that message unmarked and goes on; a
  // temporary one stops the poll and is returned.
  // Errors: kUnavailable "mailbox NAME: cannot connect to HOST:PORT (Connection refused); ...",
  // kUnauthenticated "mailbox NAME: login failed for user U; check username and password",
  // kNotFound for a missing folder or move_to folder, kTimeout, kInvalidArgument for a bad
  // config (after_fetch, unreadable password_file, TLS not offered). A connection lost
  // mid-poll returns kUnavailable after marking what it still can; nothing is lost.
  Result<PollStats> PollOnce();

  // Messages marked per batch (tests set 1 to mark after every message).
  void set_mark_batch(int n) { mark_batch_ = n > 0 ? n : 1; }
  // Ignore a MOVE capability and use UID COPY + \Deleted + EXPUNGE (tests of the fallback).
  void set_ignore_move_capability(bool on) { ignore_move_ = on; }

 private:
  struct Session;
  Status Mark(Session& s, std::vector<uint32_t>& uids, PollStats& stats);
  Status Persist(int64_t id, uint32_t uidvalidity, uint32_t last_uid);

  MailboxConfig config_;
  storage::Database& db_;
  MailSink sink_;
  int mark_batch_ = 50;
  bool ignore_move_ = false;
};

// "1:3,5,8:9" from ascending UIDs.
std::string UidSet(const std::vector<uint32_t>& ascending_uids);
// UIDs of "* SEARCH 4 2 9" lines, sorted ascending, duplicates removed.
std::vector<uint32_t> ParseSearch(const std::vector<std::string>& untagged);
// The n of "* OK [UIDVALIDITY n] ..." among untagged lines, 0 when absent.
uint32_t ParseUidValidity(const std::vector<std::string>& untagged);
// Reads the password from config.password or config.password_file (trimmed).
Result<std::string> ResolvePassword(const MailboxConfig& config);

}  // namespace svar::intake
