// `svar train categories FILE.csv`: adds `text,category` rows to the category classifier's
// training data (as imported history) and retrains it from all of it.
// `svar train spam --ham PATH... --spam PATH...`: teaches the spam filter from message files
// (one message per file, directories searched recursively), e.g. the desk's own archive.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/read_input.h"
#include "core/clock.h"
#include "core/csv.h"
#include "mail/parse.h"
#include "triage/triage_store.h"

namespace svar::cli {
namespace {

namespace fs = std::filesystem;

Result<std::vector<triage::LabeledText>> ReadExamples(const std::string& path) {
  SVAR_ASSIGN(std::string text, ReadInput(path));
  SVAR_ASSIGN(auto rows, ParseCsv(text, path));
  if (rows.empty())
    return Fail(ErrorCode::kInvalidArgument, path + " is empty; write a header line text,category "
                                                    "and one example per line");
  int text_col = -1, category_col = -1;
  for (size_t i = 0; i < rows[0].fields.size(); ++i) {
    if (rows[0].fields[i] == "text") text_col = static_cast<int>(i);
    if (rows[0].fields[i] == "category") category_col = static_cast<int>(i);
  }
  if (text_col < 0 || category_col < 0)
    return Fail(ErrorCode::kInvalidArgument,
                path + ":1: the header must name the columns text and category (found \"" +
                    (rows[0].fields.empty() ? "" : rows[0].fields[0]) + "...\")");
  std::vector<triage::LabeledText> out;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& f = rows[i].fields;
    const size_t need = static_cast<size_t>(std::max(text_col, category_col));
    if (f.size() <= need || f[text_col].empty() || f[category_col].empty())
      return Fail(ErrorCode::kInvalidArgument,
                  path + ":" + std::to_string(rows[i].line) +
                      ": a row needs a text and a category; fix or remove it");
    out.push_back({f[text_col], f[category_col]});
  }
  return out;
}

int TrainCategories(Context& ctx, const TrainOptions& o) {
  auto examples = ReadExamples(o.file);
  if (!examples) return Report(examples.error());
  const int64_t now = SystemClock::Instance().NowSeconds();
  {
    storage::Transaction tx(*ctx.db);
    if (!tx.begin_status()) return Report(tx.begin_status().error());
    for (const auto& e : *examples) {
      auto st = triage::AddCategoryExample(*ctx.db, e.text, e.category,
                                           triage::ExampleSource::kImport, std::nullopt, now);
      if (!st) return Report(st.error());
    }
    if (auto st = tx.Commit(); !st) return Report(st.error());
  }
  auto all = triage::CategoryExamples(*ctx.db);
  if (!all) return Report(all.error());
  auto start = std::chrono::steady_clock::now();
  auto model = triage::CategoryModel::Train(*all);
  if (!model) return Report(model.error());
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (auto st = triage::SaveCategoryModel(*ctx.db, *model, static_cast<int64_t>(all->size()),
                                          SystemClock::Instance().NowSeconds());
      !st)
    return Report(st.error());
  std::set<std::string> defined;
  for (const auto& c : ctx.config.categories) defined.insert(c.name);
  std::vector<std::string> undefined;
  for (const auto& c : model->categories())
    if (!defined.count(c)) undefined.push_back(c);
  std::printf("added %zu examples from %s; trained on %zu examples, %zu categories, in %.1f s\n",
              examples->size(), o.file.c_str(), all->size(), model->categories().size(), seconds);
  if (!defined.empty() && !undefined.empty()) {
    std::fprintf(stderr,
                 "svar: warning: %zu categories are not defined by a [[category]] in the config "
                 "(e.g. \"%s\"): their tickets get no required skills or team until you add them\n",
                 undefined.size(), undefined[0].c_str());
  }
  return kExitOk;
}

Status LearnFrom(const std::vector<std::string>& paths, bool spam, triage::SpamFilter& filter,
                 int& count) {
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec))
      return Fail(ErrorCode::kNotFound, p + " does not exist; give message files or directories");
    std::vector<fs::path> files;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file()) files.push_back(e.path());
      std::sort(files.begin(), files.end());
    } else {
      files.emplace_back(p);
    }
    for (const auto& f : files) {
      SVAR_ASSIGN(std::string raw, ReadInput(f.string()));
      auto m = mail::ParseMessage(raw, {});
      if (!m) continue;  // not mail: skipped (svar ingest reports such files)
      filter.Learn(*m, spam);
      ++count;
    }
  }
  return Ok();
}

int TrainSpam(Context& ctx, const TrainOptions& o) {
  if (o.ham.empty() && o.spam.empty())
    return Report(Error{ErrorCode::kInvalidArgument,
                        "give --ham and/or --spam with message files or directories"});
  triage::SpamOptions options;
  options.spam_threshold = ctx.config.triage.spam_threshold;
  auto stored = triage::LoadSpamFilter(*ctx.db, options);
  if (!stored) return Report(stored.error());
  triage::SpamFilter filter = *stored ? std::move(**stored) : triage::SpamFilter(options);
  int ham = 0, spam = 0;
  if (auto st = LearnFrom(o.ham, false, filter, ham); !st) return Report(st.error());
  if (auto st = LearnFrom(o.spam, true, filter, spam); !st) return Report(st.error());
  if (auto st = triage::SaveSpamFilter(*ctx.db, filter, SystemClock::Instance().NowSeconds()); !st)
    return Report(st.error());
  std::printf("spam filter learnt %d ham and %d spam messages\n", ham, spam);
  return kExitOk;
}

}  // namespace

int RunTrain(const GlobalOptions& g, const TrainOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  if (o.what == "categories") return TrainCategories(*ctx, o);
  return TrainSpam(*ctx, o);
}

}  // namespace svar::cli
