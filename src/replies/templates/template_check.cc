#include "replies/templates/template_check.h"

#include "core/text.h"
#include "replies/templates/template_match.h"
#include "replies/templates/template_policy.h"

namespace svar::replies {
namespace {

// The roles whose permissions allow `change` (for the hint in a refusal).
Result<std::vector<std::string>> RolesAllowing(storage::Database& db, ReplyChange change) {
  SVAR_ASSIGN(auto policy, LoadTemplatePolicy(db));
  std::vector<std::string> out;
  for (const auto& p : policy) {
    bool ok = change == ReplyChange::kLockedChanged    ? p.can.edit_locked
              : change == ReplyChange::kEditableChanged ? p.can.edit_editable
              : change == ReplyChange::kFreeText        ? p.can.free_text
                                                        : true;
    if (ok) out.push_back(p.role);
  }
  return out;
}

}  // namespace

Result<RenderedTemplate> RenderForTicket(storage::Database& db, const TicketFacts& ticket,
                                         int64_t template_id, int version,
                                         const ReplyAgent& agent, std::string_view desk_name) {
  TemplateStore store(db);
  SVAR_ASSIGN(auto t, store.Find(template_id));
  if (!t)
    return Fail(ErrorCode::kNotFound, "no template " + std::to_string(template_id) +
                                          "; GET /api/v1/templates lists them");
  SVAR_ASSIGN(auto v, store.Version(template_id, version));
  if (!v)
    return Fail(ErrorCode::kNotFound,
                "template \"" + t->name + "\" has no version " + std::to_string(version) +
                    "; it has versions 1 to " + std::to_string(t->current_version));
  RenderedTemplate out;
  out.template_record = std::move(*t);
  out.version = v->version;
  SVAR_ASSIGN(out.parsed, ParseTemplate(v->body));
  out.rendered =
      RenderTemplate(out.parsed, ValuesFor(ticket, agent, desk_name, out.template_record.language));
  return out;
}

Result<TemplateUse> CheckTemplatedReply(storage::Database& db, const tickets::Ticket& ticket,
                                        int64_t template_id, int version,
                                        std::string_view final_text, std::string_view role,
                                        std::string_view agent, std::string_view desk_name) {
  if (Trim(final_text).empty())
    return Fail(ErrorCode::kInvalidArgument, "the reply text is empty; write the answer");
  SVAR_ASSIGN(auto facts, LoadTicketFacts(db, ticket));
  SVAR_ASSIGN(auto who, LookupReplyAgent(db, agent));
  SVAR_ASSIGN(auto r, RenderForTicket(db, facts, template_id, version, who, desk_name));
  if (r.template_record.state == kTemplateArchived)
    return Fail(ErrorCode::kConflict,
                "template \"" + r.template_record.name + "\" is archived; pick an active one "
                "(GET /api/v1/tickets/" + ticket.ref + "/templates suggests them)");
  TemplateMatch match = MatchTemplate(r.rendered, final_text);
  ReplyChange change = ChangeOf(match);
  SVAR_ASSIGN(auto can, PermissionsOf(db, role));
  const std::string label = "template \"" + r.template_record.name + "\" (" +
                            r.template_record.language + ") version " + std::to_string(r.version);
  if (change != ReplyChange::kUnchanged) {
    bool allowed = change == ReplyChange::kLockedChanged ? can.edit_locked : can.edit_editable;
    if (!allowed) {
      SVAR_ASSIGN(auto roles, RolesAllowing(db, change));
      SVAR_TRY(CheckAuthority(role, can, change, label, match.changed_passage, r.parsed.regions,
                              roles));
    }
  }
  TemplateUse use;
  use.template_id = template_id;
  use.version = r.version;
  use.ticket_id = ticket.id;
  use.agent = std::string(agent);
  use.role = std::string(role);
  use.edit_ratio = match.edit_ratio;
  use.locked_changed = match.locked_changed;
  // With locked text changed the regions cannot be told apart; count it as edited too.
  use.editable_changed = match.edited;
  return use;
}

Status CheckFreeTextReply(storage::Database& db, std::string_view role) {
  SVAR_ASSIGN(auto can, PermissionsOf(db, role));
  if (can.free_text) return Ok();
  SVAR_ASSIGN(auto roles, RolesAllowing(db, ReplyChange::kFreeText));
  return CheckAuthority(role, can, ReplyChange::kFreeText, "", "", {}, roles);
}

Status RecordTemplateUse(storage::Database& db, const TemplateUse& use,
                         std::optional<int64_t> message_row_id, int64_t now) {
  TemplateStore store(db);
  SVAR_TRY(store.RecordUse(use, message_row_id, now));
  return Ok();
}

}  // namespace svar::replies
