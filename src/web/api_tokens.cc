#include "web/api_tokens.h"

#include <cctype>

#include "core/hash.h"
#include "core/text.h"

namespace svar::web {
namespace {

constexpr size_t kTokenRandomBytes = 24;
constexpr size_t kMaxNameBytes = 100;
constexpr int64_t kLastUsedResolutionSeconds = 60;

constexpr std::string_view kColumns = "id, name, created_at, last_used_at, revoked_at, role";

TokenInfo FromRow(const storage::Row& row) {
  TokenInfo t;
  t.id = row.Int(0);
  t.name = row.Text(1);
  t.created_at = row.Int(2);
  t.last_used_at = row.OptInt(3);
  t.revoked = !row.IsNull(4);
  t.role = ParseRole(row.Text(5)).value_or(Role::kAgent);  // unknown: the least allowed
  return t;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Compares two equal-length strings without an early exit.
bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  volatile unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

}  // namespace

std::string UnauthenticatedHint() {
  return "create one with \"svar token create NAME\" and send it as "
         "\"Authorization: Bearer <token>\"";
}

Result<CreatedToken> ApiTokens::Create(std::string_view raw_name, Role role) {
  std::string name(Trim(raw_name));
  if (name.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "a token needs a name, e.g. \"svar token create ci\"");
  }
  if (name.size() > kMaxNameBytes || !IsValidUtf8(name)) {
    return Fail(ErrorCode::kInvalidArgument,
                "a token name must be valid UTF-8 of at most 100 bytes");
  }
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return Fail(ErrorCode::kInvalidArgument, "a token name must not contain control characters");
    }
  }
  if (AllDigits(name)) {
    return Fail(ErrorCode::kInvalidArgument,
                "a token name must not be only digits (digits alone name a token id)");
  }
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto existing,
              db_.Query("SELECT id FROM api_tokens WHERE name = ? AND revoked_at IS NULL", {name}));
  if (!existing.empty()) {
    return Fail(ErrorCode::kConflict, "a token named \"" + name +
                                          "\" exists already; revoke it first (\"svar token "
                                          "revoke " +
                                          name + "\") or choose another name");
  }
  CreatedToken created;
  created.token = std::string(kTokenPrefix) + RandomToken(kTokenRandomBytes);
  int64_t now = clock_.NowSeconds();
  SVAR_ASSIGN(auto row, db_.QueryOne("INSERT INTO api_tokens(name, token_hash, created_at, role) "
                                     "VALUES (?, ?, ?, ?) RETURNING id",
                                     {name, ContentHash(created.token), now,
                                      std::string(RoleName(role))}));
  if (!row) return Fail(ErrorCode::kInternal, "inserting an API token returned no id");
  SVAR_TRY(tx.Commit());
  created.info.id = row->Int(0);
  created.info.name = name;
  created.info.created_at = now;
  created.info.role = role;
  return created;
}

Result<std::vector<TokenInfo>> ApiTokens::List() {
  SVAR_ASSIGN(auto rows,
              db_.Query("SELECT " + std::string(kColumns) + " FROM api_tokens ORDER BY id"));
  std::vector<TokenInfo> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

Result<TokenInfo> ApiTokens::Revoke(std::string_view raw) {
  std::string key(Trim(raw));
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  std::optional<storage::Row> row;
  if (AllDigits(key) && key.size() < 19) {
    SVAR_ASSIGN(row, db_.QueryOne("SELECT " + std::string(kColumns) +
                                      " FROM api_tokens WHERE id = ? AND revoked_at IS NULL",
                                  {static_cast<int64_t>(std::stoll(key))}));
  } else {
    SVAR_ASSIGN(row, db_.QueryOne("SELECT " + std::string(kColumns) +
                                      " FROM api_tokens WHERE name = ? AND revoked_at IS NULL",
                                  {key}));
  }
  if (!row) {
    return Fail(ErrorCode::kNotFound, "no active API token with id or name \"" + key +
                                          "\"; \"svar token list\" shows them");
  }
  TokenInfo info = FromRow(*row);
  SVAR_TRY(db_.Exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ?",
                    {clock_.NowSeconds(), info.id}));
  SVAR_TRY(tx.Commit());
  info.revoked = true;
  return info;
}

Result<TokenInfo> ApiTokens::Verify(std::string_view token) {
  token = Trim(token);
  if (token.empty()) {
    return Fail(ErrorCode::kUnauthenticated, "an API token is required; " + UnauthenticatedHint());
  }
  std::string hash = ContentHash(token);
  SVAR_ASSIGN(auto row, db_.QueryOne("SELECT " + std::string(kColumns) +
                                         ", token_hash FROM api_tokens WHERE token_hash = ?",
                                     {hash}));
  if (!row || !ConstantTimeEquals(row->Text(6), hash)) {  // token_hash follows kColumns
    return Fail(ErrorCode::kUnauthenticated,
                "the API token is not valid; " + UnauthenticatedHint());
  }
  TokenInfo info = FromRow(*row);
  if (info.revoked) {
    return Fail(ErrorCode::kUnauthenticated,
                "the API token \"" + info.name + "\" was revoked; " + UnauthenticatedHint());
  }
  int64_t now = clock_.NowSeconds();
  if (!info.last_used_at || *info.last_used_at <= now - kLastUsedResolutionSeconds) {
    // Conditional, so that concurrent requests write at most once; a failure here (database
    // busy) must not turn a valid request into an error.
    (void)db_.Exec(
        "UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND "
        "(last_used_at IS NULL OR last_used_at <= ?)",
        {now, info.id, now - kLastUsedResolutionSeconds});
    info.last_used_at = now;
  }
  return info;
}

Result<TokenInfo> ApiTokens::VerifyAuthorization(std::optional<std::string_view> header) {
  if (!header) {
    return Fail(ErrorCode::kUnauthenticated,
                "this endpoint needs an API token; " + UnauthenticatedHint());
  }
  std::string_view value = Trim(*header);
  constexpr std::string_view kBearer = "bearer ";
  if (!StartsWithIgnoreCase(value, kBearer)) {
    return Fail(ErrorCode::kUnauthenticated,
                "the Authorization header must be \"Bearer <token>\"; " + UnauthenticatedHint());
  }
  return Verify(value.substr(kBearer.size()));
}

}  // namespace svar::web
