// `svar kb import DIR` and `svar kb export DIR`: one Markdown file per article,
// DIR/<locale>/<slug>.md, in the format of front_matter.h.
//
// Import upserts by (locale, slug), each file in its own savepoint:
//   - a new article is created (version note "imported from <file>");
//   - an existing article gets a new version when its title, body, category, tags, products,
//     visibility or author differ (same note), and its translation group is moved when the
//     file names another one;
//   - nothing happens when everything is equal (importing twice changes nothing);
//   - the file's `state` is applied as an admin would (no review needed): "published" publishes
//     the latest version. Without `state`, a new article is a draft and a changed one goes back
//     to draft (as any edit does).
// A file that cannot be read or parsed, or whose content is invalid, is reported with its
// error and skipped; the other files are still imported.
//
// Export writes each article's latest version with its state and author, so that importing
// the export into an empty database gives the same articles (content byte for byte, state,
// translation group). History (earlier versions, reviews) is not exported. With
// `published_only`, only what customers can be shown is written: the published version of
// every article that has one and is not archived (state "published"). Files of articles that
// no longer exist are not removed from DIR.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "knowledge/articles/article_store.h"
#include "knowledge/articles/front_matter.h"

namespace svar::knowledge {

enum class ImportAction { kCreated, kUpdated, kUnchanged, kFailed };

struct ImportedFile {
  std::string file;  // relative to the import directory, '/'-separated
  ImportAction action = ImportAction::kUnchanged;
  int64_t article_id = 0;  // 0 when it failed
  std::string error;       // for kFailed: "FILE:LINE: field 'F': ..." or the store's message
};

struct ImportReport {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int failed = 0;
  std::vector<ImportedFile> files;  // in file-name order
  bool ok() const { return failed == 0; }
};

struct ImportOptions {
  std::string actor = "import";  // author of versions whose file names no author
};

// Imports every *.md file under `dir` (recursively, in name order). Fails only when the
// directory cannot be read (kNotFound / kIo); per-file problems are in the report.
Result<ImportReport> ImportMarkdownDir(ArticleStore& store, const std::string& dir,
                                       const ImportOptions& options = {});

// Imports one parsed file (as above); `file_name` goes into the version note.
Result<ImportedFile> ImportArticleFile(ArticleStore& store, const ArticleFile& file,
                                       std::string_view file_name,
                                       const ImportOptions& options = {});

// The file of an article's latest version.
ArticleFile FileFromArticle(const Article& article);

struct ExportOptions {
  bool published_only = false;
};

struct ExportReport {
  int written = 0;
  std::vector<std::string> files;  // relative paths, "<locale>/<slug>.md"
};

// Writes the files (creating directories; each file written to a temporary name and renamed).
Result<ExportReport> ExportMarkdownDir(ArticleStore& store, const std::string& dir,
                                       const ExportOptions& options = {});

}  // namespace svar::knowledge
