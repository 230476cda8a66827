#include "web/kb_json.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"

namespace svar::web {
namespace {

nlohmann::json OptTime(const std::optional<int64_t>& t) {
  return t ? nlohmann::json(FormatTimestamp(*t)) : nlohmann::json(nullptr);
}

nlohmann::json OptInt(const std::optional<int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json ContentJson(const knowledge::ArticleContent& c) {
  return {{"title", c.title},       {"body", c.body},         {"category", c.category},
          {"tags", c.tags},         {"products", c.products}, {"visibility", c.visibility}};
}

}  // namespace

nlohmann::json ArticleJson(const knowledge::Article& a, bool with_body) {
  nlohmann::json j = {{"id", a.id},
                      {"slug", a.slug},
                      {"locale", a.locale},
                      {"translation_group", a.translation_group},
                      {"title", a.title},
                      {"category", a.category},
                      {"tags", a.tags},
                      {"products", a.products},
                      {"visibility", a.visibility},
                      {"state", a.state},
                      {"author", a.author},
                      {"version", a.version},
                      {"published_version", OptInt(a.published_version)},
                      {"created_at", FormatTimestamp(a.created_at)},
                      {"updated_at", FormatTimestamp(a.updated_at)},
                      {"published_at", OptTime(a.published_at)}};
  if (with_body) j["body"] = a.body;
  return j;
}

nlohmann::json PublicArticleJson(const knowledge::PublishedContent& p, const std::string& html) {
  const auto& c = p.version.content;
  return {{"slug", p.article.slug},
          {"locale", p.article.locale},
          {"translation_group", p.article.translation_group},
          {"title", c.title},
          {"category", c.category},
          {"tags", c.tags},
          {"products", c.products},
          {"body", c.body},
          {"html", html},
          {"version", p.version.version},
          {"published_at", OptTime(p.article.published_at)}};
}

nlohmann::json VersionInfoJson(const knowledge::VersionInfo& v) {
  return {{"version", v.version},
          {"author", v.author},
          {"note", v.note},
          {"created_at", FormatTimestamp(v.created_at)}};
}

nlohmann::json VersionJson(const knowledge::ArticleVersion& v) {
  nlohmann::json j = ContentJson(v.content);
  j["article_id"] = v.article_id;
  j["version"] = v.version;
  j["author"] = v.author;
  j["note"] = v.note;
  j["created_at"] = FormatTimestamp(v.created_at);
  return j;
}

nlohmann::json ComparisonJson(const knowledge::VersionComparison& c) {
  return {{"from", c.from_version},
          {"to", c.to_version},
          {"diff", c.diff},
          {"changed_fields", c.changed_fields}};
}

nlohmann::json ReviewJson(const knowledge::Review& r) {
  return {{"id", r.id},
          {"version", r.version},
          {"reviewer", r.reviewer},
          {"decision", r.decision},
          {"comment", r.comment},
          {"created_at", FormatTimestamp(r.created_at)}};
}

nlohmann::json SearchHitJson(const knowledge::SearchHit& h) {
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto& r : h.highlights) ranges.push_back({r.begin, r.end});
  // The article's page in the public API; the anchor is an element id in its "html".
  std::string url = "/api/v1/kb/public/articles/" + h.locale + "/" + h.slug +
                    (h.anchor.empty() ? "" : "#" + h.anchor);
  return {{"article_id", h.article_id},
          {"slug", h.slug},
          {"locale", h.locale},
          {"title", h.title},
          {"category", h.category},
          {"url", url},
          {"passage",
           {{"anchor", h.anchor}, {"heading", h.heading}, {"text", h.passage},
            {"html", h.passage_html}}},
          {"highlights", ranges},
          {"score", h.score}};
}

}  // namespace svar::web
