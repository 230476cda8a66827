#include "replies/templates/template_policy.h"

#include <algorithm>

namespace svar::replies {
namespace {

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

const std::vector<std::string_view>& TemplateRoles() {
  static const std::vector<std::string_view> kRoles = {"agent", "senior", "editor", "reviewer",
                                                       "admin"};
  return kRoles;
}

Result<RolePermissions> DefaultPermissions(std::string_view role) {
  // Agents write free text by default (a desk must be able to answer before it has
  // templates); management can require templates (PUT /api/v1/templates/policy).
  if (role == "agent") return RolePermissions{true, false, true, false};
  if (role == "senior" || role == "editor" || role == "reviewer")
    return RolePermissions{true, true, true, false};
  if (role == "admin") return RolePermissions{true, true, true, true};
  return Fail(ErrorCode::kInvalidArgument,
              "\"" + std::string(role) + "\" is not a role; use agent, senior, editor, reviewer "
                                         "or admin");
}

Result<std::vector<RolePolicy>> LoadTemplatePolicy(storage::Database& db) {
  std::vector<RolePolicy> out;
  for (auto role : TemplateRoles()) {
    RolePolicy p;
    p.role = std::string(role);
    p.can = *DefaultPermissions(role);
    out.push_back(std::move(p));
  }
  SVAR_ASSIGN(auto rows, db.Query("SELECT role, edit_editable, edit_locked, free_text, manage, "
                                  "updated_by, updated_at FROM template_policy"));
  for (const auto& row : rows) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const RolePolicy& p) { return p.role == row.Text(0); });
    if (it == out.end()) continue;  // a role this svar does not know
    it->can = {row.Int(1) != 0, row.Int(2) != 0, row.Int(3) != 0, row.Int(4) != 0};
    if (it->role == "admin") it->can.manage = true;
    it->stored = true;
    it->updated_by = row.Text(5);
    it->updated_at = row.Int(6);
  }
  return out;
}

Result<RolePermissions> PermissionsOf(storage::Database& db, std::string_view role) {
  SVAR_ASSIGN(auto all, LoadTemplatePolicy(db));
  for (const auto& p : all)
    if (p.role == role) return p.can;
  return RolePermissions{false, false, false, false};
}

Status SaveRolePolicy(storage::Database& db, std::string_view role, const RolePermissions& can,
                      std::string_view actor, int64_t now) {
  SVAR_TRY(DefaultPermissions(role));
  if (role == "admin" && !can.manage)
    return Fail(ErrorCode::kInvalidArgument,
                "admin always manages templates (otherwise nobody could change them); set "
                "\"manage\": true for admin");
  return db.Exec(
      "INSERT INTO template_policy(role, edit_editable, edit_locked, free_text, manage, "
      "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(role) DO UPDATE SET "
      "edit_editable = excluded.edit_editable, edit_locked = excluded.edit_locked, free_text = "
      "excluded.free_text, manage = excluded.manage, updated_by = excluded.updated_by, "
      "updated_at = excluded.updated_at",
      {std::string(role), int64_t{can.edit_editable}, int64_t{can.edit_locked},
       int64_t{can.free_text}, int64_t{can.manage}, std::string(actor), now});
}

Status ResetTemplatePolicy(storage::Database& db) { return db.Exec("DELETE FROM template_policy"); }

ReplyChange ChangeOf(const TemplateMatch& match) {
  if (match.locked_changed) return ReplyChange::kLockedChanged;
  if (match.edited) return ReplyChange::kEditableChanged;
  return ReplyChange::kUnchanged;
}

std::string DescribePermissions(const RolePermissions& can) {
  std::vector<std::string> parts;
  if (can.edit_editable && can.edit_locked) parts.push_back("change all of a template's text");
  else if (can.edit_editable) parts.push_back("change only the editable regions");
  else if (can.edit_locked) parts.push_back("change only the locked text");
  if (can.free_text) parts.push_back("send free text without a template");
  if (can.manage) parts.push_back("manage templates");
  if (parts.empty()) return "only send templates unchanged";
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  if (!can.edit_editable && !can.edit_locked) out = "send templates unchanged, " + out;
  return out;
}

Status CheckAuthority(std::string_view role, const RolePermissions& can, ReplyChange change,
                      std::string_view template_label, std::string_view changed_passage,
                      const std::vector<std::string>& regions,
                      const std::vector<std::string>& allowed_roles) {
  const std::string who = "the role " + std::string(role) + " may " + DescribePermissions(can);
  const std::string ask =
      allowed_roles.empty() ? "" : "; or ask a role that may (" + Join(allowed_roles) + ")";
  switch (change) {
    case ReplyChange::kUnchanged:
      return Ok();
    case ReplyChange::kEditableChanged:
      if (can.edit_editable) return Ok();
      return Fail(ErrorCode::kPermissionDenied,
                  "the editable regions of " + std::string(template_label) +
                      " were changed, but " + who + "; send the template as it is" + ask);
    case ReplyChange::kLockedChanged: {
      if (can.edit_locked) return Ok();
      std::string fix = regions.empty()
                            ? "send the template as it is"
                            : "write only in the editable regions (" + Join(regions) +
                                  ") and keep the locked text as it is";
      return Fail(ErrorCode::kPermissionDenied,
                  "the locked text of " + std::string(template_label) + " was changed: \"" +
                      std::string(changed_passage) + "\"; " + who + "; " + fix + ask);
    }
    case ReplyChange::kFreeText:
      if (can.free_text) return Ok();
      return Fail(ErrorCode::kPermissionDenied,
                  "a reply without a template was refused: " + who +
                      "; pick a template (GET /api/v1/tickets/{ref}/templates suggests them)" +
                      ask);
  }
  return Ok();
}

}  // namespace svar::replies
