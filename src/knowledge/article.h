// Article: one language version of a knowledge-base article as stored in `kb_articles`
// (see src/storage/migrations.cc, version 2). Plain data shared by the article store, the
// review workflow, import/export and the search index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace svar::knowledge {

// Locales the desk is built for; others (de, fi, fr, ...) are accepted too.
// Canonical tags: "da", "sv", "nb", "ru", "zh-Hans", "zh-Hant", "en".
inline constexpr const char* kPublic = "public";      // customers and agents
inline constexpr const char* kInternal = "internal";  // agents only; never shown to customers

inline constexpr const char* kDraft = "draft";
inline constexpr const char* kInReview = "in_review";
inline constexpr const char* kPublished = "published";
inline constexpr const char* kArchived = "archived";

struct Article {
  int64_t id = 0;
  std::string slug;               // URL name, unique per locale: "reset-password"
  std::string translation_group;  // shared by the language versions of one article
  std::string locale;             // canonical tag, see above
  std::string title;
  std::string body;               // GitHub-flavoured Markdown
  std::string category;
  std::vector<std::string> tags;
  std::vector<std::string> products;
  std::string visibility = kPublic;
  std::string state = kDraft;
  std::string author;
  int64_t version = 0;                       // latest saved version
  std::optional<int64_t> published_version;  // what customers see; nullopt before publishing
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<int64_t> published_at;

  bool IsPublic() const { return visibility == kPublic; }
  // Customers may see it: published and public.
  bool IsVisibleToCustomers() const { return state == kPublished && visibility == kPublic; }
};

}  // namespace svar::knowledge
