// Who may do what with answer templates: the per-role policy management sets (PUT
// /api/v1/templates/policy, admin), stored in the `template_policy` table (one row per role;
// a role without a row has the defaults below), and the authority decision for one reply.
//
// Roles are the API token roles by name (web/roles.h): agent, senior, editor, reviewer,
// admin. Each has four permissions:
//   edit_editable  may change the text of editable regions
//   edit_locked    may change locked text (everything outside editable regions)
//   free_text      may send a reply without a template
//   manage         may create, edit and archive templates
// Defaults:            edit_editable edit_locked free_text manage
//   agent                  yes           no          no      no
//   senior                 yes           yes         yes     no
//   editor, reviewer       yes           yes         yes     no   (as senior: KB roles)
//   admin                  yes           yes         yes     yes
// The admin keeps `manage` whatever is stored (management cannot lock itself out).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "replies/templates/template_match.h"
#include "storage/database.h"

namespace svar::replies {

struct RolePermissions {
  bool edit_editable = true;
  bool edit_locked = false;
  bool free_text = false;
  bool manage = false;
};

struct RolePolicy {
  std::string role;
  RolePermissions can;
  bool stored = false;  // false: the default
  std::string updated_by;
  int64_t updated_at = 0;
};

// The role names the policy knows, least allowed first.
const std::vector<std::string_view>& TemplateRoles();
// The default permissions of a role (kInvalidArgument for an unknown role name).
Result<RolePermissions> DefaultPermissions(std::string_view role);

// Every known role with its permissions in effect, in TemplateRoles() order.
Result<std::vector<RolePolicy>> LoadTemplatePolicy(storage::Database& db);
// The permissions in effect for one role; an unknown role gets none (it may only send
// templates unchanged).
Result<RolePermissions> PermissionsOf(storage::Database& db, std::string_view role);
// Stores one role's permissions. kInvalidArgument for an unknown role or for taking
// `manage` away from admin.
Status SaveRolePolicy(storage::Database& db, std::string_view role, const RolePermissions& can,
                      std::string_view actor, int64_t now);
// Removes the stored rows: every role returns to its defaults.
Status ResetTemplatePolicy(storage::Database& db);

// What a reply did to its template.
enum class ReplyChange { kUnchanged, kEditableChanged, kLockedChanged, kFreeText };
ReplyChange ChangeOf(const TemplateMatch& match);  // never kFreeText

// Ok when `can` allows `change`; otherwise kPermissionDenied with a message that says what
// was changed (quoting `changed_passage` for locked text) and what the role may do, e.g.
//   the locked text of template "refund" (da) version 3 was changed: "Vi refunderer beløbet
//   inden for 5 bankdage." — the role agent may change only the editable regions (details);
//   send the locked text as it is, or ask a role that may change it (senior, admin)
// `template_label` is e.g. "template \"refund\" (da) version 3"; `regions` the editable
// region names; `allowed_roles` the roles whose policy allows the change (for the hint).
Status CheckAuthority(std::string_view role, const RolePermissions& can, ReplyChange change,
                      std::string_view template_label, std::string_view changed_passage,
                      const std::vector<std::string>& regions,
                      const std::vector<std::string>& allowed_roles);

// What a role may do, in words: "may change editable regions and send free text".
std::string DescribePermissions(const RolePermissions& can);

}  // namespace svar::replies
