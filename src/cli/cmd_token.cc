// `svar token create NAME | list | revoke NAME|ID`: API tokens for /api/v1.
#include <cstdio>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/clock.h"
#include "web/api_tokens.h"

namespace svar::cli {

int RunToken(const GlobalOptions& g, const TokenOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  web::ApiTokens tokens(*ctx->db, SystemClock::Instance());
  if (o.action == "create") {
    auto role = web::ParseRole(o.role);
    if (!role) {
      return Report(Error{ErrorCode::kInvalidArgument,
                          "--role " + o.role + " is not a role; use agent, senior, editor, reviewer or admin"});
    }
    auto t = tokens.Create(o.name, *role);
    if (!t) return Report(t.error());
    std::printf("%s\n", t->token.c_str());
    std::fprintf(stderr, "token \"%s\" (role %s) created; it is shown only now. Send it as "
                         "\"Authorization: Bearer <token>\".\n", o.name.c_str(), o.role.c_str());
    return kExitOk;
  }
  if (o.action == "revoke") {
    auto t = tokens.Revoke(o.name);
    if (!t) return Report(t.error());
    std::fprintf(stderr, "token \"%s\" revoked\n", t->name.c_str());
    return kExitOk;
  }
  auto list = tokens.List();
  if (!list) return Report(list.error());
  for (const auto& t : *list) {
    std::printf("%-4lld %-24s %-8s created %s  last used %s%s\n", static_cast<long long>(t.id),
                t.name.c_str(), std::string(web::RoleName(t.role)).c_str(),
                FormatTimestamp(t.created_at).c_str(),
                t.last_used_at ? FormatTimestamp(*t.last_used_at).c_str() : "never",
                t.revoked ? "  (revoked)" : "");
  }
  return kExitOk;
}

}  // namespace svar::cli
