// Reading [triage], [[category]] and [[rule]] (see config_triage.h).
#include <set>

#include "core/config.h"
#include "core/config_reader.h"

namespace svar::config_internal {
namespace {

Status ReadCategory(const toml::table& t, size_t i, const std::string& source,
                    CategoryConfig& out) {
  Reader r(t, "category[" + std::to_string(i) + "].", source);
  SVAR_TRY(r.Unknown({"name", "skills", "team", "priority", "templates"}));
  SVAR_TRY(r.Str("name", out.name));
  SVAR_TRY(r.IntMap("skills", out.skills, 1, 5));
  SVAR_TRY(r.Str("team", out.team));
  std::string floor;
  SVAR_TRY(r.Str("priority", floor));
  if (!floor.empty())  // "" = no floor (as the API shows it)
    SVAR_TRY(r.OneOf("priority", out.priority, {"low", "normal", "high", "urgent"}));
  SVAR_TRY(r.StrList("templates", out.templates));
  if (out.name.empty())
    return Fail(ErrorCode::kInvalidArgument,
                source + ": category[" + std::to_string(i) + "].name is missing; name each category");
  return Ok();
}

Status ReadRule(const toml::table& t, size_t i, const std::string& source, RuleConfig& out) {
  Reader r(t, "rule[" + std::to_string(i) + "].", source);
  SVAR_TRY(r.Unknown({"name", "category", "any_of", "none_of", "priority"}));
  SVAR_TRY(r.Str("name", out.name));
  SVAR_TRY(r.Str("category", out.category));
  SVAR_TRY(r.StrList("any_of", out.any_of));
  SVAR_TRY(r.StrList("none_of", out.none_of));
  SVAR_TRY(r.Int("priority", out.priority, -1000, 1000));
  const std::string key = source + ": rule[" + std::to_string(i) + "]";
  if (out.name.empty()) out.name = "rule " + std::to_string(i + 1);
  if (out.any_of.empty())
    return Fail(ErrorCode::kInvalidArgument,
                key + ".any_of is empty; list the words or phrases that put mail in " +
                    (out.category.empty() ? "its category" : "\"" + out.category + "\""));
  return Ok();
}

}  // namespace

Status ReadCategories(const toml::table& root, const std::string& source, Config& c) {
  std::set<std::string> names;
  std::vector<CategoryConfig> out;
  SVAR_ASSIGN(auto tables, TablesOf(root, "category", source));
  for (size_t i = 0; i < tables.size(); ++i) {
    CategoryConfig cat;
    SVAR_TRY(ReadCategory(*tables[i], i, source, cat));
    if (!names.insert(cat.name).second)
      return Fail(ErrorCode::kInvalidArgument,
                  source + ": category \"" + cat.name + "\" is defined twice; names must be unique");
    out.push_back(std::move(cat));
  }
  c.categories = std::move(out);
  return Ok();
}

Status ReadRules(const toml::table& root, const std::string& source, Config& c) {
  std::vector<RuleConfig> out;
  SVAR_ASSIGN(auto tables, TablesOf(root, "rule", source));
  for (size_t i = 0; i < tables.size(); ++i) {
    RuleConfig rule;
    SVAR_TRY(ReadRule(*tables[i], i, source, rule));
    out.push_back(std::move(rule));
  }
  c.rules = std::move(out);
  return Ok();
}

Status ReadTriage(const toml::table& root, const std::string& source, Config& c) {
  const toml::table* t = nullptr;
  SVAR_TRY(SectionTable(root, "triage", source, &t));
  if (t) {
    Reader r(*t, "triage.", source);
    SVAR_TRY(r.Unknown({"languages", "category_threshold", "spam_threshold", "high_churn",
                        "valuable_customer", "retrain_after"}));
    SVAR_TRY(r.StrList("languages", c.triage.languages));
    SVAR_TRY(r.Real("category_threshold", c.triage.category_threshold, 0, 1));
    SVAR_TRY(r.Real("spam_threshold", c.triage.spam_threshold, 0.5, 1));
    SVAR_TRY(r.Real("high_churn", c.triage.high_churn, 0, 1));
    SVAR_TRY(r.Real("valuable_customer", c.triage.valuable_customer, 0, 1e12));
    SVAR_TRY(r.Int("retrain_after", c.triage.retrain_after, 1, 1'000'000));
    if (c.triage.languages.empty())
      return Fail(ErrorCode::kInvalidArgument,
                  source + ": triage.languages is empty; list the languages the desk answers in, "
                           "e.g. [\"da\", \"en\"]");
  }
  SVAR_TRY(ReadCategories(root, source, c));
  SVAR_TRY(ReadRules(root, source, c));
  return Ok();
}

}  // namespace svar::config_internal
