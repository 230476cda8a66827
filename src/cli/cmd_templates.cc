// `svar templates list [--all] [--json]`: the answer templates (active ones unless --all).
// `svar templates import DIR [--actor NAME]`: one file per template (*.txt or *.md, front
// matter name/category/language, then the body; replies/templates/template_file.h). A new
// (name, language) is created as version 1; an existing one gets a new version when its
// body or category changed. Every file is checked first: one bad file imports nothing, and
// the error names the file and its line.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "cli/read_input.h"
#include "core/clock.h"
#include "replies/templates/template_file.h"
#include "replies/templates/template_store.h"

namespace svar::cli {
namespace {

int List(Context& ctx, const TemplatesOptions& o) {
  replies::TemplateStore store(*ctx.db);
  auto list = store.List({o.all ? "" : replies::kTemplateActive, "", ""});
  if (!list) return Report(list.error());
  for (const auto& t : *list) {
    if (o.json) {
      nlohmann::json j = {{"id", t.id},          {"name", t.name},
                          {"category", t.category}, {"language", t.language},
                          {"state", t.state},    {"version", t.current_version}};
      std::printf("%s\n", j.dump().c_str());
    } else {
      std::printf("%5lld  %-24s %-4s %-14s v%-3d %s\n", static_cast<long long>(t.id),
                  t.name.c_str(), t.language.c_str(),
                  t.category.empty() ? "-" : t.category.c_str(), t.current_version,
                  t.state.c_str());
    }
  }
  if (!o.json && list->empty()) std::fprintf(stderr, "no templates; `svar templates import DIR`\n");
  return kExitOk;
}

int Import(Context& ctx, const TemplatesOptions& o) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(o.dir, ec))
    return Report({ErrorCode::kNotFound, o.dir + " is not a directory of template files"});
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(o.dir, ec)) {
    auto ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".txt" || ext == ".md")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::pair<std::string, replies::NewTemplate>> parsed;
  for (const auto& f : files) {
    auto text = ReadInput(f.string());
    if (!text) return Report(text.error());
    auto t = replies::ParseTemplateFile(*text);
    if (!t) return Report({t.error().code, f.string() + ": " + t.error().message});
    parsed.emplace_back(f.filename().string(), std::move(*t));
  }
  const int64_t now = SystemClock::Instance().NowSeconds();
  replies::TemplateStore store(*ctx.db);
  storage::Transaction tx(*ctx.db);
  if (!tx.begin_status()) return Report(tx.begin_status().error());
  int created = 0, versions = 0, same = 0;
  for (const auto& [file, t] : parsed) {
    auto existing = store.FindByName(t.name, t.language);
    if (!existing) return Report(existing.error());
    if (!*existing) {
      auto c = store.Create(t, o.actor, now);
      if (!c) return Report({c.error().code, file + ": " + c.error().message});
      ++created;
      continue;
    }
    auto u = store.Update((*existing)->id, {t.body, t.category, t.comment}, o.actor, now);
    if (!u) return Report({u.error().code, file + ": " + u.error().message});
    if (u->current_version != (*existing)->current_version) ++versions;
    else ++same;
  }
  if (auto st = tx.Commit(); !st) return Report(st.error());
  std::printf("%zu file(s): %d template(s) created, %d new version(s), %d unchanged\n",
              parsed.size(), created, versions, same);
  return kExitOk;
}

}  // namespace

int RunTemplates(const GlobalOptions& g, const TemplatesOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  return o.action == "import" ? Import(*ctx, o) : List(*ctx, o);
}

}  // namespace svar::cli
