// Reading typed, validated values from a TOML table with errors that name the file, line
// and key (internal to src/core/config*.cc).
#pragma once

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "core/result.h"

namespace svar::config_internal {

// "file:line", or just the source when the value did not come from a file (the JSON API).
inline std::string Where(const toml::source_region& r, const std::string& source) {
  if (r.begin.line == 0) return source;
  return source + ":" + std::to_string(r.begin.line);
}

class Reader {
 public:
  Reader(const toml::table& table, std::string prefix, const std::string& source)
      : table_(table), prefix_(std::move(prefix)), source_(source) {}

  Status Unknown(std::initializer_list<std::string_view> allowed) const {
    std::set<std::string_view> ok(allowed);
    for (const auto& [k, v] : table_) {
      if (!ok.count(k.str())) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        return Fail(ErrorCode::kInvalidArgument,
                    Where(k.source(), source_) + ": unknown key " + Key(k.str()) +
                        "; allowed keys here: " + list);
      }
    }
    return Ok();
  }

  Status Str(std::string_view key, std::string& out) const {
    const toml::node* n = table_.get(key);
    if (!n) return Ok();
    if (!n->is_string()) return TypeError(key, *n, "a string");
    out = n->as_string()->get();
    return Ok();
  }

  Status Int(std::string_view key, int64_t& out, int64_t min, int64_t max) const {
    const toml::node* n = table_.get(key);
    if (!n) return Ok();
    if (!n->is_integer()) return TypeError(key, *n, "a whole number");
    int64_t v = n->as_integer()->get();
    if (v < min || v > max) {
      return Fail(ErrorCode::kInvalidArgument,
                  Where(n->source(), source_) + ": " + Key(key) + " = " + std::to_string(v) +
                      " is out of range; allowed: " + std::to_string(min) + " to " +
                      std::to_string(max));
    }
    out = v;
    return Ok();
  }

  Status Int(std::string_view key, int& out, int64_t min, int64_t max) const {
    int64_t v = out;
    SVAR_TRY(Int(key, v, min, max));
    out = static_cast<int>(v);
    return Ok();
  }

  Status Real(std::string_view key, double& out, double min, double max) const {
    const toml::node* n = table_.get(key);
    if (!n) return Ok();
    double v;
    if (n->is_floating_point()) v = n->as_floating_point()->get();
    else if (n->is_integer()) v = static_cast<double>(n->as_integer()->get());
    else return TypeError(key, *n, "a number");
    if (v < min || v > max) {
      return Fail(ErrorCode::kInvalidArgument,
                  Where(n->source(), source_) + ": " + Key(key) + " = " + std::to_string(v) +
                      " is out of range; allowed: " + std::to_string(min) + " to " +
                      std::to_string(max));
    }
    out = v;
    return Ok();
  }

  Status Bool(std::string_view key, bool& out) const {
    const toml::node* n = table_.get(key);
    if (!n) return Ok();
    if (!n->is_boolean()) return TypeError(key, *n, "true or false");
    out = n->as_boolean()->get();
    return Ok();
  }

  Status OneOf(std::string_view key, std::string& out,
               std::initializer_list<std::string_view> allowed) const {
    const toml::node* n = table_.get(key);
    if (!n) return Ok();
    if (!n->is_string()) return TypeError(key, *n, "a string");
    std::string v = n->as_string()->get();
    std::string list;
    for (auto a : allowed) {
      if (v == a) {
        out = v;
        return Ok();
      }
      list += (list.empty() ? "" : ", ") + std::string(a);
    }
    return Fail(ErrorCode::kInvalidArgument, Where(n->source(), source_) + ": " + Key(key) +
                                                 " = \"" + v + "\" is not allowed; use one of: " +
                                                 list);
  }

  Status StrList(std::string_view key, std::vector<std::string>& out) const {
    const toml::node* n = table_.get(key);
    if (!n) return Ok();
    if (!n->is_array()) return TypeError(key, *n, "a list of strings");
    out.clear();
    for (const auto& e : *n->as_array()) {
      if (!e.is_string()) return TypeError(key, e, "a list of strings");
      out.push_back(e.as_string()->get());
    }
    return Ok();
  }

  // An inline table of whole numbers: skills = { billing = 3, refunds = 2 }.
  Status IntMap(std::string_view key, std::map<std::string, int>& out, int min, int max) const {
    const toml::node* n = table_.get(key);
    if (!n) return Ok();
    if (!n->is_table()) return TypeError(key, *n, "a table of whole numbers ({ name = 3 })");
    out.clear();
    for (const auto& [k, v] : *n->as_table()) {
      if (!v.is_integer()) return TypeError(key, v, "a table of whole numbers ({ name = 3 })");
      int64_t x = v.as_integer()->get();
      if (x < min || x > max) {
        return Fail(ErrorCode::kInvalidArgument,
                    Where(v.source(), source_) + ": " + Key(key) + "." + std::string(k.str()) +
                        " = " + std::to_string(x) + " is out of range; allowed: " +
                        std::to_string(min) + " to " + std::to_string(max));
      }
      out[std::string(k.str())] = static_cast<int>(x);
    }
    return Ok();
  }

  std::string Key(std::string_view k) const { return prefix_ + std::string(k); }

 private:
  Status TypeError(std::string_view key, const toml::node& n, std::string_view want) const {
    return Fail(ErrorCode::kInvalidArgument, Where(n.source(), source_) + ": " + Key(key) +
                                                 " must be " + std::string(want));
  }

  const toml::table& table_;
  std::string prefix_;
  const std::string& source_;
};

inline Status SectionTable(const toml::table& root, std::string_view name, const std::string& source,
                    const toml::table** out) {
  *out = nullptr;
  const toml::node* n = root.get(name);
  if (!n) return Ok();
  if (!n->is_table()) {
    return Fail(ErrorCode::kInvalidArgument,
                Where(n->source(), source) + ": [" + std::string(name) + "] must be a table");
  }
  *out = n->as_table();
  return Ok();
}

}  // namespace svar::config_internal

namespace svar::config_internal {

// The tables of an array of tables ([[name]]), or an error when `name` is something else.
inline Result<std::vector<const toml::table*>> TablesOf(const toml::table& root,
                                                        std::string_view name,
                                                        const std::string& source) {
  std::vector<const toml::table*> out;
  const toml::node* n = root.get(name);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  const std::string how = ": write each as a [[" + std::string(name) + "]] table";
  if (!arr) return Fail(ErrorCode::kInvalidArgument, Where(n->source(), source) + how);
  for (const auto& e : *arr) {
    if (!e.as_table()) return Fail(ErrorCode::kInvalidArgument, Where(e.source(), source) + how);
    out.push_back(e.as_table());
  }
  return out;
}

}  // namespace svar::config_internal

namespace svar {
struct Config;
namespace config_internal {
// [triage], [[category]] and [[rule]] (config_triage.cc).
Status ReadTriage(const toml::table& root, const std::string& source, Config& c);
// [routing], [[agent]], [[calendar]] and [[sla]] (config_routing.cc).
Status ReadRouting(const toml::table& root, const std::string& source, Config& c);

// One array of tables each, replacing the list in `c` (also used for the sections an admin
// edits through the API, core/desk_settings.h). Names are checked for uniqueness; references
// between sections are not (CheckReferences, once all sections are read).
Status ReadCategories(const toml::table& root, const std::string& source, Config& c);
Status ReadRules(const toml::table& root, const std::string& source, Config& c);
Status ReadCalendars(const toml::table& root, const std::string& source, Config& c);
Status ReadAgents(const toml::table& root, const std::string& source, Config& c);
Status ReadSla(const toml::table& root, const std::string& source, Config& c);
// Rules name defined categories; agents and SLA policies name defined calendars.
Status CheckReferences(const Config& c, const std::string& source);
// [outbox] (config_outbox.cc).
Status ReadOutbox(const toml::table& root, const std::string& source, Config& c);
}  // namespace config_internal
}  // namespace svar
