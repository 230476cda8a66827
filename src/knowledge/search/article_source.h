// ArticleSource: reads what the search index needs from the database (schema version 2):
// the published content of an article (its kb_versions row at published_version, over the
// kb_articles row), its feedback and view counts, the queries that found it helpful, and the
// synonym groups. Read-only; shares the tables with src/knowledge/articles.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "knowledge/search/kb_index.h"
#include "storage/database.h"

namespace svar::knowledge {

// The article as the index must see it, or nullopt when the id does not exist. The content
// is the published version (its kb_versions row), also while a newer edit is a draft or in
// review; the result's state stays the row's state (Upsert removes what IsSearchable refuses:
// never published, or archived). Visibility is public only when both the article row (its
// latest settings) and the published version say public, as in ArticleStore::Published.
Result<std::optional<IndexedArticle>> LoadIndexedArticle(storage::Database& db, int64_t id);

// Ids of every article with a published version that is not archived, in id order.
Result<std::vector<int64_t>> PublishedArticleIds(storage::Database& db);

// Every synonym group (kb_synonyms.terms_json is a JSON list of strings).
Result<std::vector<IndexSynonyms>> LoadSynonyms(storage::Database& db);

// Learning from use: the queries of earlier sessions that found the article useful, newest
// first: the query of a helpful vote (or, when the vote has none, the session's last search
// before it), and the last search of a session that viewed the article and then left
// without writing in (a left_without_ticket event naming the article).
Result<std::vector<std::string>> LearnedQueries(storage::Database& db, int64_t id);

}  // namespace svar::knowledge
