// Article files: Markdown with front matter, the format of `svar kb import|export`.
//
//   ---
//   slug: reset-password
//   locale: da
//   translation_group: reset-password
//   title: "Nulstil: din adgangskode"
//   category: account
//   tags: [login, "a, b"]
//   products:
//     - app
//   visibility: public
//   state: published
//   author: anna
//   ---
//   <Markdown body, byte for byte up to the end of the file>
//
// The front matter is a strict subset of YAML, parsed here: one `key: value` per line at
// column 0; values are plain scalars, "double-quoted" strings (escapes \\ \" \/ \n \t \r \b
// \f \0 \uXXXX \UXXXXXXXX), 'single-quoted' strings ('' is a quote), inline lists [a, "b"] or
// block lists (lines "- item" under the key); whole-line and " #" comments. Keys: slug,
// locale, title (required), translation_group (default: the slug), category, tags, products
// (lists), visibility (public|internal, default public), state (draft|in_review|published|
// archived, optional), author (optional). Anything else (unknown or repeated key, a list
// where one value belongs or the reverse, a plain value that YAML would read differently, a
// bad slug/locale/state/visibility) is an error "FILE:LINE: field 'F': problem; what is
// allowed".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "knowledge/article.h"

namespace svar::knowledge {

struct ArticleFile {
  std::string slug;
  std::string locale;             // normalised
  std::string translation_group;  // the slug when the file names none
  std::string title;
  std::string category;
  std::vector<std::string> tags;
  std::vector<std::string> products;
  std::string visibility = kPublic;
  std::string state;   // "" when the file names none
  std::string author;  // "" when the file names none
  std::string body;

  bool operator==(const ArticleFile&) const = default;
};

// Parses a whole file. `file_name` only names the file in error messages (kParse).
Result<ArticleFile> ParseArticleFile(std::string_view text, std::string_view file_name);

// The file text; ParseArticleFile(FormatArticleFile(f)) == f for every valid f (empty state
// and author are left out). Values are quoted only when plain YAML would misread them.
std::string FormatArticleFile(const ArticleFile& file);

}  // namespace svar::knowledge
