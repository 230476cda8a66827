// The JSON shape of knowledge-base records: the only producer, shared by the API and the CLI.
// Times are RFC 3339 strings; absent values are null.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "knowledge/article.h"
#include "knowledge/articles/article_store.h"
#include "knowledge/articles/workflow.h"
#include "knowledge/search/searcher.h"

namespace svar::web {

// {id, slug, locale, translation_group, title, category, tags, products, visibility, state,
//  author, version, published_version, created_at, updated_at, published_at} and, with
// `with_body`, "body" (Markdown).
nlohmann::json ArticleJson(const knowledge::Article& article, bool with_body);
// What a customer sees: the published version's content, never workflow details.
// {slug, locale, translation_group, title, category, tags, products, body, html, published_at}
nlohmann::json PublicArticleJson(const knowledge::PublishedContent& published,
                                 const std::string& html);
nlohmann::json VersionInfoJson(const knowledge::VersionInfo& v);
nlohmann::json VersionJson(const knowledge::ArticleVersion& v);
nlohmann::json ComparisonJson(const knowledge::VersionComparison& c);
nlohmann::json ReviewJson(const knowledge::Review& r);
// {article_id, slug, locale, title, category, url, passage: {anchor, heading, text, html},
//  highlights: [[begin, end]...], score}
nlohmann::json SearchHitJson(const knowledge::SearchHit& hit);

}  // namespace svar::web
