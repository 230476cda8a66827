#include "intake/raw_spool.h"

#include <array>

#include "core/compress.h"
#include "core/hash.h"
#include "core/text.h"

namespace svar::intake {
namespace {

using storage::Blob;

// Headers added or changed in transit or by the mail store; they differ between two
// deliveries of the same message and are left out of the fingerprint.
constexpr std::array<std::string_view, 18> kTraceHeaders = {
    "received",       "return-path",  "delivered-to",  "x-original-to", "status",
    "x-status",       "x-keywords",   "x-uid",         "content-length", "lines",
    "x-mozilla-status", "x-mozilla-status2", "x-envelope-from", "x-envelope-to",
    "x-delivered-to", "envelope-to",  "x-imapbase",    "x-evolution"};

bool IsTraceHeader(std::string_view name) {
  std::string lower = AsciiLower(name);
  if (lower.starts_with("x-spam-")) return true;
  for (auto t : kTraceHeaders) {
    if (lower == t) return true;
  }
  return false;
}

// Columns of a spool entry, in the order EntryFromRow reads them.
constexpr const char* kEntryColumns =
    "id, fingerprint, state, COALESCE(error, ''), source, size, received_at, attempts, mailbox_id";

SpoolEntry EntryFromRow(const storage::Row& r) {
  return SpoolEntry{r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4),
                    r.Int(5), r.Int(6),  r.Int(7), r.OptInt(8)};
}

}  // namespace

std::string Fingerprint(std::string_view raw) {
  // Drop a leading mbox From_ line.
  if (raw.starts_with("From ")) {
    size_t nl = raw.find('\n');
    raw = nl == std::string_view::npos ? std::string_view() : raw.substr(nl + 1);
  }
  Hasher h;
  bool in_headers = true;
  bool skipping = false;  // inside a trace header (including its continuation lines)
  size_t pos = 0;
  // Trailing white space of the whole message does not count.
  size_t end = raw.size();
  while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r' || raw[end - 1] == ' ' ||
                     raw[end - 1] == '\t')) {
    --end;
  }
  raw = raw.substr(0, end);
  while (pos < raw.size()) {
    size_t nl = raw.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? raw.size() : nl;
    std::string_view line = raw.substr(pos, line_end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl == std::string_view::npos ? raw.size() : nl + 1;
    if (in_headers) {
      if (line.empty()) {
        in_headers = false;
      } else if (line[0] == ' ' || line[0] == '\t') {
        if (skipping) continue;
      } else {
        size_t colon = line.find(':');
        skipping = colon != std::string_view::npos && IsTraceHeader(Trim(line.substr(0, colon)));
        if (skipping) continue;
      }
    }
    h.Update(line);
    h.Update("\n");
  }
  return h.FinishHex();
}

Result<PutResult> RawSpool::Put(std::string_view raw, std::string_view source,
                                std::optional<int64_t> mailbox_id, int64_t now) {
  std::string fp = Fingerprint(raw);
  std::lock_guard lock(db_.mutex());
  SVAR_ASSIGN(auto existing, db_.QueryOne("SELECT id, state FROM raw_messages WHERE "
                                          "fingerprint = ?",
                                          {fp}));
  if (existing) return PutResult{existing->Int(0), false, existing->Text(1)};
  std::string compressed = Compress(raw, /*level=*/1);  // fast; mail still shrinks ~3x
  SVAR_ASSIGN(auto row,
              db_.QueryOne("INSERT INTO raw_messages(fingerprint, hash, size, data, source, "
                           "mailbox_id, received_at, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                           "?, 'pending', ?) RETURNING id",
                           {fp, ContentHash(raw), static_cast<int64_t>(raw.size()),
                            Blob{std::move(compressed)}, std::string(source),
                            mailbox_id ? storage::Value(*mailbox_id)
                                       : storage::Value(std::monostate{}),
                            now, now}));
  if (!row) return Fail(ErrorCode::kInternal, "spool insert returned no id");
  return PutResult{row->Int(0), true, kRawPending};
}

Result<std::string> RawSpool::Load(int64_t id) {
  SVAR_ASSIGN(auto row, db_.QueryOne("SELECT data FROM raw_messages WHERE id = ?", {id}));
  if (!row) return Fail(ErrorCode::kNotFound, "no spooled message with id " + std::to_string(id));
  return Decompress(row->Text(0));
}

Result<std::optional<SpoolEntry>> RawSpool::Find(int64_t id) {
  SVAR_ASSIGN(auto r, db_.QueryOne(std::string("SELECT ") + kEntryColumns +
                                       " FROM raw_messages WHERE id = ?",
                                   {id}));
  if (!r) return std::optional<SpoolEntry>();
  return std::optional<SpoolEntry>(EntryFromRow(*r));
}

Status RawSpool::MarkStored(int64_t id, int64_t now) {
  return db_.Exec("UPDATE raw_messages SET state = 'stored', error = NULL, updated_at = ?, "
                  "attempts = attempts + 1 WHERE id = ?",
                  {now, id});
}

Status RawSpool::MarkQuarantined(int64_t id, std::string_view reason, int64_t now) {
  return db_.Exec("UPDATE raw_messages SET state = 'quarantined', error = ?, updated_at = ?, "
                  "attempts = attempts + 1 WHERE id = ?",
                  {std::string(reason), now, id});
}

Result<std::vector<SpoolEntry>> RawSpool::List(std::string_view state, int64_t limit) {
  SVAR_ASSIGN(auto rows, db_.Query(std::string("SELECT ") + kEntryColumns +
                                       " FROM raw_messages WHERE state = ? ORDER BY id LIMIT ?",
                                   {std::string(state), limit}));
  std::vector<SpoolEntry> out;
  for (const auto& r : rows) out.push_back(EntryFromRow(r));
  return out;
}

Result<int64_t> RawSpool::Count(std::string_view state) {
  SVAR_ASSIGN(auto r, db_.QueryOne("SELECT COUNT(*) FROM raw_messages WHERE state = ?",
                                   {std::string(state)}));
  return r ? r->Int(0) : 0;
}

}  // namespace svar::intake
