#include "web/template_json.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"

namespace svar::web {

using nlohmann::json;

json TemplateJson(const replies::TemplateRecord& t) {
  json regions = json::array(), placeholders = json::array();
  if (auto p = replies::ParseTemplate(t.body)) {
    regions = p->regions;
    placeholders = p->placeholders;
  }
  return {{"id", t.id},
          {"name", t.name},
          {"category", t.category},
          {"language", t.language},
          {"state", t.state},
          {"version", t.current_version},
          {"body", t.body},
          {"regions", regions},
          {"placeholders", placeholders},
          {"created_by", t.created_by},
          {"created_at", FormatTimestamp(t.created_at)},
          {"updated_by", t.updated_by},
          {"updated_at", FormatTimestamp(t.updated_at)}};
}

json TemplateVersionJson(const replies::TemplateVersion& v) {
  return {{"template_id", v.template_id}, {"version", v.version},
          {"body", v.body},               {"comment", v.comment},
          {"author", v.author},           {"created_at", FormatTimestamp(v.created_at)}};
}

json DraftJson(const replies::Rendered& r) {
  json segments = json::array();
  for (const auto& s : r.segments) {
    json j = {{"kind", s.kind == replies::SegmentKind::kLocked ? "locked" : "editable"},
              {"text", s.text}};
    if (s.kind == replies::SegmentKind::kEditable) j["name"] = s.name;
    segments.push_back(std::move(j));
  }
  return {{"text", r.text}, {"segments", segments}, {"missing", r.missing}};
}

json TemplateStatsJson(const replies::TemplateStats& s) {
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  json versions = json::array();
  for (const auto& v : s.versions)
    versions.push_back({{"version", v.version},
                        {"uses", v.uses},
                        {"useful", v.useful},
                        {"not_useful", v.not_useful},
                        {"mean_edit_ratio", opt(v.mean_edit_ratio)}});
  return {{"template_id", s.template_id},
          {"uses", s.uses},
          {"ratings", {{"useful", s.useful}, {"not_useful", s.not_useful}}},
          {"mean_edit_ratio", opt(s.mean_edit_ratio)},
          {"editable_changed", s.editable_changed},
          {"locked_changed", s.locked_changed},
          {"satisfaction", opt(s.satisfaction)},
          {"satisfaction_note",
           s.satisfaction ? "mean of " + std::to_string(s.satisfaction_count) +
                                " answered tickets' satisfaction (0..1)"
                          : "no satisfaction surveys yet: null until surveys fill "
                            "template_uses.satisfaction"},
          {"versions", versions}};
}

}  // namespace svar::web
