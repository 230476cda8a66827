// RawSpool: the first thing that happens to a message. Its bytes are stored, compressed and
// content-addressed, and committed before anything else reads them. Addressed by the
// message's fingerprint (its hash without trace headers such as Received, Delivered-To,
// Return-Path, Status, X-UID, X-Spam-*: the same message arriving by two routes is one
// entry), so storing the same message twice is a no-op.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace svar::intake {

// States of a spooled message.
inline constexpr const char* kRawPending = "pending";          // stored, not yet processed
inline constexpr const char* kRawStored = "stored";            // in a ticket
inline constexpr const char* kRawQuarantined = "quarantined";  // failed; see error

// Hash of a message without its trace headers and with line ends normalised (CRLF->LF,
// trailing white space of the whole message trimmed, a leading mbox From_ line dropped).
std::string Fingerprint(std::string_view raw);

struct SpoolEntry {
  int64_t id = 0;
  std::string fingerprint;
  std::string state;
  std::string error;
  std::string source;
  int64_t size = 0;
  int64_t received_at = 0;
  int64_t attempts = 0;
  std::optional<int64_t> mailbox_id;
};

struct PutResult {
  int64_t id = 0;
  bool inserted = false;  // false: the same message was spooled before
  std::string state;      // state of the entry (for an old entry, its current state)
};

class RawSpool {
 public:
  explicit RawSpool(storage::Database& db) : db_(db) {}

  // Stores the bytes (in the caller's transaction if one is open, else its own). Idempotent.
  Result<PutResult> Put(std::string_view raw, std::string_view source,
                        std::optional<int64_t> mailbox_id, int64_t now);
  // The original bytes, decompressed.
  Result<std::string> Load(int64_t id);
  Result<std::optional<SpoolEntry>> Find(int64_t id);
  Status MarkStored(int64_t id, int64_t now);
  Status MarkQuarantined(int64_t id, std::string_view reason, int64_t now);
  // Entries in a state, oldest first.
  Result<std::vector<SpoolEntry>> List(std::string_view state, int64_t limit = 1000);
  Result<int64_t> Count(std::string_view state);

 private:
  storage::Database& db_;
};

}  // namespace svar::intake
