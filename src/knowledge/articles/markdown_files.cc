#include "knowledge/articles/markdown_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace svar::knowledge {
namespace fs = std::filesystem;
namespace {

Result<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kIo, "cannot open " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Fail(ErrorCode::kIo, "cannot read " + path.string());
  return ss.str();
}

Status WriteWholeFile(const fs::path& path, std::string_view text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    return Fail(ErrorCode::kIo,
                "cannot create directory " + path.parent_path().string() + ": " + ec.message());
  }
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) return Fail(ErrorCode::kIo, "cannot write " + tmp.string());
  }
  fs::rename(tmp, path, ec);
  if (ec) return Fail(ErrorCode::kIo, "cannot rename " + tmp.string() + ": " + ec.message());
  return Ok();
}

ArticleContent ContentOfFile(const ArticleFile& f) {
  return ArticleContent{f.title, f.body, f.category, f.tags, f.products, f.visibility};
}

}  // namespace

ArticleFile FileFromArticle(const Article& a) {
  ArticleFile f;
  f.slug = a.slug;
  f.locale = a.locale;
  f.translation_group = a.translation_group;
  f.title = a.title;
  f.category = a.category;
  f.tags = a.tags;
  f.products = a.products;
  f.visibility = a.visibility;
  f.state = a.state;
  f.author = a.author;
  f.body = a.body;
  return f;
}

Result<ImportedFile> ImportArticleFile(ArticleStore& store, const ArticleFile& file,
                                       std::string_view file_name, const ImportOptions& options) {
  ImportedFile out;
  out.file = std::string(file_name);
  const std::string note = "imported from " + std::string(file_name);
  const std::string author = file.author.empty() ? options.actor : file.author;
  const ArticleContent content = ContentOfFile(file);

  storage::Transaction tx(store.db());
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto existing, store.Find(file.locale, file.slug));
  if (!existing) {
    NewArticle n{file.slug, file.locale, file.translation_group, content, author, note};
    SVAR_ASSIGN(auto a, store.Create(n));
    if (file.state == kPublished) {
      SVAR_TRY(store.SetState(a.id, kPublished, a.version));
    } else if (!file.state.empty() && file.state != kDraft) {
      SVAR_TRY(store.SetState(a.id, file.state));
    }
    out.action = ImportAction::kCreated;
    out.article_id = a.id;
    SVAR_TRY(tx.Commit());
    return out;
  }

  Article a = std::move(*existing);
  bool changed = false;
  if (!file.translation_group.empty() && file.translation_group != a.translation_group) {
    SVAR_ASSIGN(a, store.SetTranslationGroup(a.id, file.translation_group));
    changed = true;
  }
  if (ContentOf(a) != content || a.author != author) {
    if (a.state == kArchived) SVAR_TRY(store.SetState(a.id, kDraft));
    SVAR_ASSIGN(a, store.Update(a.id, ArticleUpdate{content, author, note, std::nullopt}));
    changed = true;
  }
  if (file.state == kPublished) {
    if (a.state != kPublished || a.published_version != a.version) {
      SVAR_TRY(store.SetState(a.id, kPublished, a.version));
      changed = true;
    }
  } else if (!file.state.empty() && file.state != a.state) {
    SVAR_TRY(store.SetState(a.id, file.state));
    changed = true;
  }
  out.action = changed ? ImportAction::kUpdated : ImportAction::kUnchanged;
  out.article_id = a.id;
  SVAR_TRY(tx.Commit());
  return out;
}

Result<ImportReport> ImportMarkdownDir(ArticleStore& store, const std::string& dir,
                                       const ImportOptions& options) {
  std::error_code ec;
  const fs::path root(dir);
  if (!fs::is_directory(root, ec)) {
    return Fail(ErrorCode::kNotFound, dir +
                                          " is not a directory; give the folder that holds "
                                          "<locale>/<slug>.md files");
  }
  std::vector<fs::path> paths;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".md") paths.push_back(it->path());
  }
  if (ec) return Fail(ErrorCode::kIo, "cannot list " + dir + ": " + ec.message());
  std::sort(paths.begin(), paths.end());

  ImportReport report;
  for (const auto& path : paths) {
    const std::string name = path.lexically_relative(root).generic_string();
    auto fail = [&](const Error& e) {
      ImportedFile f;
      f.file = name;
      f.action = ImportAction::kFailed;
      f.error = e.message.starts_with(name) ? e.message : name + ": " + e.message;
      report.files.push_back(std::move(f));
      ++report.failed;
    };
    auto text = ReadWholeFile(path);
    if (!text) {
      fail(text.error());
      continue;
    }
    auto parsed = ParseArticleFile(*text, name);
    if (!parsed) {
      fail(parsed.error());
      continue;
    }
    auto done = ImportArticleFile(store, *parsed, name, options);
    if (!done) {
      fail(done.error());
      continue;
    }
    switch (done->action) {
      case ImportAction::kCreated:
        ++report.created;
        break;
      case ImportAction::kUpdated:
        ++report.updated;
        break;
      default:
        ++report.unchanged;
        break;
    }
    report.files.push_back(std::move(*done));
  }
  return report;
}

Result<ExportReport> ExportMarkdownDir(ArticleStore& store, const std::string& dir,
                                       const ExportOptions& options) {
  SVAR_ASSIGN(auto articles, store.List({}));
  ExportReport report;
  for (const auto& a : articles) {
    ArticleFile f = FileFromArticle(a);
    if (options.published_only) {
      if (!a.published_version || a.state == kArchived) continue;
      SVAR_ASSIGN(auto v, store.GetVersion(a.id, *a.published_version));
      f.title = v.content.title;
      f.body = v.content.body;
      f.category = v.content.category;
      f.tags = v.content.tags;
      f.products = v.content.products;
      // An article made internal after publishing is hidden at once: keep it internal.
      f.visibility = a.visibility == kInternal ? std::string(kInternal) : v.content.visibility;
      f.author = v.author;
      f.state = kPublished;
    }
    const std::string rel = a.locale + "/" + a.slug + ".md";
    SVAR_TRY(WriteWholeFile(fs::path(dir) / a.locale / (a.slug + ".md"), FormatArticleFile(f)));
    report.files.push_back(rel);
    ++report.written;
  }
  return report;
}

}  // namespace svar::knowledge
