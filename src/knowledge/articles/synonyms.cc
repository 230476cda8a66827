#include "knowledge/articles/synonyms.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "knowledge/articles/json_lists.h"
#include "knowledge/articles/locale.h"

namespace svar::knowledge {

Result<std::vector<SynonymGroup>> SynonymStore::Query(const std::string& where,
                                                      const storage::Params& p) {
  SVAR_ASSIGN(auto rows,
              db_.Query("SELECT id, locale, terms_json, updated_at FROM kb_synonyms" + where, p));
  std::vector<SynonymGroup> out;
  for (const auto& r : rows) {
    SynonymGroup g;
    g.id = r.Int(0);
    g.locale = r.Text(1);
    SVAR_ASSIGN(g.terms, DecodeStringList(r.Text(2), "kb_synonyms.terms_json"));
    g.updated_at = r.Int(3);
    out.push_back(std::move(g));
  }
  return out;
}

Result<std::vector<SynonymGroup>> SynonymStore::List(std::string_view locale) {
  SVAR_ASSIGN(auto loc, NormaliseLocale(locale));
  return Query(" WHERE locale = ? ORDER BY id", {loc});
}

Result<std::vector<SynonymGroup>> SynonymStore::ListAll() {
  return Query(" ORDER BY locale, id", {});
}

Result<std::vector<SynonymGroup>> SynonymStore::Replace(
    std::string_view locale, const std::vector<std::vector<std::string>>& groups) {
  SVAR_ASSIGN(auto loc, NormaliseLocale(locale));
  std::vector<std::vector<std::string>> clean;
  std::map<std::string, size_t> seen;  // term -> group number (1-based)
  for (size_t g = 0; g < groups.size(); ++g) {
    const std::string where = "synonym group " + std::to_string(g + 1);
    std::vector<std::string> terms;
    for (const auto& raw : groups[g]) {
      if (!IsValidUtf8(raw)) {
        return Fail(ErrorCode::kInvalidArgument, where + " has a term that is not UTF-8");
      }
      std::string t = CollapseSpace(CaseFold(raw));
      if (t.empty()) {
        return Fail(ErrorCode::kInvalidArgument, where + " has an empty term; remove it");
      }
      if (std::find(terms.begin(), terms.end(), t) != terms.end()) continue;
      auto [it, fresh] = seen.emplace(t, g + 1);
      if (!fresh) {
        return Fail(ErrorCode::kInvalidArgument, where + ": '" + t + "' is also in synonym group " +
                                                     std::to_string(it->second) +
                                                     "; merge the two groups");
      }
      terms.push_back(std::move(t));
    }
    if (terms.size() < 2) {
      return Fail(ErrorCode::kInvalidArgument, where +
                                                   " needs at least 2 different terms (it has " +
                                                   std::to_string(terms.size()) + ")");
    }
    clean.push_back(std::move(terms));
  }
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_TRY(db_.Exec("DELETE FROM kb_synonyms WHERE locale = ?", {loc}));
  const int64_t now = clock_.NowSeconds();
  for (const auto& terms : clean) {
    SVAR_TRY(db_.Exec("INSERT INTO kb_synonyms (locale, terms_json, updated_at) VALUES (?,?,?)",
                      {loc, EncodeStringList(terms), now}));
  }
  SVAR_TRY(tx.Commit());
  return List(loc);
}

}  // namespace svar::knowledge
