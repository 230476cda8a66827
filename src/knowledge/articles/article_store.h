// ArticleStore: the repository of knowledge-base articles and their versions over the
// Database seam (tables kb_articles and kb_versions, schema version 2).
//
// Every save is a version: kb_versions holds the whole content of each save with its author
// and note; kb_articles holds the latest content plus the workflow state and
// `published_version`, the version customers see. Editing a published article does not change
// what customers see until it is published again.
//
// Every write bumps kb_articles.updated_at, so a reader that follows the table (the search
// index) sees state changes too. Write calls open their own storage::Transaction, which nests
// as a savepoint inside a caller's transaction. Review policy lives in workflow.h; this class
// only checks the data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "knowledge/article.h"
#include "storage/database.h"

namespace svar::knowledge {

// What a version holds (besides its author and note).
struct ArticleContent {
  std::string title;
  std::string body;  // GitHub-flavoured Markdown, stored byte for byte
  std::string category;
  std::vector<std::string> tags;
  std::vector<std::string> products;
  std::string visibility = kPublic;

  bool operator==(const ArticleContent&) const = default;
};

// The content of an article as a record (its latest version).
ArticleContent ContentOf(const Article& article);

struct NewArticle {
  std::string slug;               // validated, see ValidateSlug
  std::string locale;             // normalised with NormaliseLocale
  std::string translation_group;  // "" = the slug
  ArticleContent content;
  std::string author;  // required
  std::string note;    // version note of version 1 (optional)
};

struct ArticleUpdate {
  ArticleContent content;
  std::string author;  // author of the new version (required)
  std::string note;    // optional
  // When set, the update fails with kConflict unless the article is still at this version
  // (someone else saved in between).
  std::optional<int64_t> base_version;
};

struct ArticleVersion {
  int64_t article_id = 0;
  int64_t version = 0;
  ArticleContent content;
  std::string author;
  std::string note;
  int64_t created_at = 0;
};

// A version without its content, for history lists.
struct VersionInfo {
  int64_t version = 0;
  std::string author;
  std::string note;
  int64_t created_at = 0;
};

struct VersionComparison {
  int64_t from_version = 0;
  int64_t to_version = 0;
  // Unified diff of "title\n\nbody" from -> to; empty when title and body are equal.
  std::string diff;
  // Names of the fields that differ, in this order: title, body, category, tags, products,
  // visibility, author.
  std::vector<std::string> changed_fields;
};

// Filters of List; empty strings and nullopt match everything.
struct ArticleFilter {
  std::string locale;      // normalised before matching
  std::string state;       // draft, in_review, published, archived
  std::string visibility;  // public, internal
  std::string category;
  std::string product;                   // articles whose products include this one
  std::optional<int64_t> updated_since;  // updated_at >= this (Unix seconds)
  int64_t after_id = 0;                  // paging: ids greater than this
  int64_t limit = 0;                     // 0 = no limit
};

// The content customers see of an article: its published version.
struct PublishedContent {
  Article article;         // the article row (latest content, state...)
  ArticleVersion version;  // the published version's content
  // True when customers may see `version`: the article is not archived and both the
  // published version and the article's latest settings are public (an edit that makes an
  // article internal hides it at once, before it is published again).
  bool customer_visible = false;
};

class ArticleStore {
 public:
  ArticleStore(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  storage::Database& db() { return db_; }
  const Clock& clock() const { return clock_; }

  // ---- reading
  // kNotFound when there is no such article.
  Result<Article> Get(int64_t id);
  // nullopt when there is no article with this slug in this (normalised) locale.
  Result<std::optional<Article>> Find(std::string_view locale, std::string_view slug);
  // Articles matching every filter, by id ascending.
  Result<std::vector<Article>> List(const ArticleFilter& filter);
  // Every language version of the article's translation group (itself included), by locale.
  Result<std::vector<Article>> Translations(int64_t id);
  // Versions of an article, oldest first. kNotFound for an unknown article.
  Result<std::vector<VersionInfo>> Versions(int64_t id);
  // One version with its content; kNotFound when the article or version does not exist.
  Result<ArticleVersion> GetVersion(int64_t id, int64_t version);
  // What changed from version `from` to version `to` of one article.
  Result<VersionComparison> Compare(int64_t id, int64_t from, int64_t to);
  // The published version (see PublishedContent); nullopt when it was never published.
  Result<std::optional<PublishedContent>> Published(int64_t id);

  // ---- writing
  // A new article at version 1, state draft. kInvalidArgument for a bad slug/locale/content,
  // kConflict when the locale already has an article with this slug.
  Result<Article> Create(const NewArticle& article);
  // Saves a new version with the whole content; state becomes draft (published_version is
  // kept). kConflict for an archived article (unarchive it first) or a stale base_version.
  Result<Article> Update(int64_t id, const ArticleUpdate& update);
  // Moves the article to another translation group (validated like a slug).
  Result<Article> SetTranslationGroup(int64_t id, std::string_view group);
  // Low level, for the workflow and admin import only: sets the state and, when given, the
  // published version and time. Checks that the state is known and that the published
  // version exists; no review rules.
  Status SetState(int64_t id, std::string_view state,
                  std::optional<int64_t> published_version = std::nullopt);

 private:
  Result<std::optional<Article>> FindWhere(std::string_view condition,
                                           const storage::Params& params);

  storage::Database& db_;
  const Clock& clock_;
};

// Checks a version's content: non-empty title, valid UTF-8 everywhere, visibility public or
// internal, no empty tag or product. kInvalidArgument naming the field.
Status ValidateContent(const ArticleContent& content);

// True for draft, in_review, published, archived.
bool IsKnownState(std::string_view state);

// "reset-password (da)": how messages name an article.
std::string ArticleLabel(const Article& article);

}  // namespace svar::knowledge
