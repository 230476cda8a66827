// ApiTokens: bearer tokens for the JSON API, in the `api_tokens` table. A token is shown in
// plain text once, when it is created ("svar_" + 48 hex characters); the table keeps only its
// ContentHash, so a leaked database does not leak usable tokens. Tokens are looked up by the
// hash of what the client sent, which makes the check independent of how much of a secret a
// guess shares with a real one; the found hash is compared again in constant time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "storage/database.h"
#include "web/roles.h"

namespace svar::web {

inline constexpr std::string_view kTokenPrefix = "svar_";

struct TokenInfo {
  int64_t id = 0;
  std::string name;
  int64_t created_at = 0;
  std::optional<int64_t> last_used_at;
  bool revoked = false;
  Role role = Role::kAdmin;
};

struct CreatedToken {
  TokenInfo info;
  std::string token;  // the plain text; not stored anywhere
};

class ApiTokens {
 public:
  ApiTokens(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Creates a token named `name` (1-100 printable characters, not only digits, unique among
  // tokens that are not revoked: kConflict otherwise) and returns its plain text once.
  Result<CreatedToken> Create(std::string_view name, Role role = Role::kAdmin);
  // Every token, revoked ones included, oldest first. Never the token text.
  Result<std::vector<TokenInfo>> List();
  // Revokes by id ("3") or by name ("ci"); kNotFound when no live token matches. Revoking
  // is immediate: the next request with the token gets 401.
  Result<TokenInfo> Revoke(std::string_view id_or_name);
  // Checks a token's plain text. kUnauthenticated (with a message saying how to get a token)
  // when it is unknown or revoked. Records last_used_at, at most once a minute per token.
  Result<TokenInfo> Verify(std::string_view token);
  // Verify() for an Authorization header value "Bearer <token>" (nullopt: header missing).
  Result<TokenInfo> VerifyAuthorization(std::optional<std::string_view> header);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

// The message of a 401: how to create a token and how to send it.
std::string UnauthenticatedHint();

}  // namespace svar::web
