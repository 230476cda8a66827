// The JSON shape of answer templates, their versions, rendered drafts and figures: the only
// producer, shared by the template handlers (docs/api/openapi.yaml: Template,
// TemplateVersion, Draft, TemplateStats). Times are RFC 3339 UTC strings.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "replies/templates/template_markup.h"
#include "replies/templates/template_store.h"

namespace svar::web {

// {id, name, category, language, state, version, body, regions, placeholders, created_by,
//  created_at, updated_by, updated_at}; `regions`/`placeholders` from parsing the body.
nlohmann::json TemplateJson(const replies::TemplateRecord& t);

// {template_id, version, body, comment, author, created_at}
nlohmann::json TemplateVersionJson(const replies::TemplateVersion& v);

// {text, segments: [{kind: locked|editable, name (editable only), text}], missing}
nlohmann::json DraftJson(const replies::Rendered& r);

// {template_id, uses, ratings {useful, not_useful}, mean_edit_ratio, editable_changed,
//  locked_changed, satisfaction, satisfaction_note, versions: [{version, uses, useful,
//  not_useful, mean_edit_ratio}]}
nlohmann::json TemplateStatsJson(const replies::TemplateStats& s);

}  // namespace svar::web
