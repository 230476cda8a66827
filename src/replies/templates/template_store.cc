#include "replies/templates/template_store.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "replies/templates/template_markup.h"

namespace svar::replies {
namespace {

constexpr std::string_view kSelect =
    "SELECT t.id, t.name, t.category, t.language, t.state, t.current_version, v.body, "
    "t.created_by, t.created_at, t.updated_by, t.updated_at FROM templates t JOIN "
    "template_versions v ON v.template_id = t.id AND v.version = t.current_version";

TemplateRecord FromRow(const storage::Row& r) {
  TemplateRecord t;
  t.id = r.Int(0);
  t.name = r.Text(1);
  t.category = r.Text(2);
  t.language = r.Text(3);
  t.state = r.Text(4);
  t.current_version = static_cast<int>(r.Int(5));
  t.body = r.Text(6);
  t.created_by = r.Text(7);
  t.created_at = r.Int(8);
  t.updated_by = r.Text(9);
  t.updated_at = r.Int(10);
  return t;
}

Status CheckName(std::string_view name) {
  bool ok = !name.empty() && name.size() <= 80 &&
            std::all_of(name.begin(), name.end(), [](char c) {
              return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '_' || c == '.';
            });
  if (ok) return Ok();
  return Fail(ErrorCode::kInvalidArgument,
              "template name \"" + std::string(name) +
                  "\" must be 1-80 letters, digits, '-', '_' or '.', e.g. \"refund-promise\"");
}

Status CheckLanguage(std::string_view lang) {
  auto parts = Split(lang, '-');
  bool ok = !lang.empty() && parts[0].size() >= 2 && parts[0].size() <= 3 && parts.size() <= 3;
  for (const auto& p : parts) {
    ok = ok && !p.empty() && p.size() <= 8 &&
         std::all_of(p.begin(), p.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         });
  }
  if (ok) return Ok();
  return Fail(ErrorCode::kInvalidArgument,
              "language \"" + std::string(lang) + "\" is not a language code; use da, sv, nb, ru, "
                                                  "zh, en, ...");
}

Result<TemplateStats> Accumulate(const std::vector<storage::Row>& uses,
                                 const std::vector<storage::Row>& ratings, int64_t id) {
  TemplateStats s;
  s.template_id = id;
  std::map<int, TemplateStats::PerVersion> per;
  double edit_sum = 0, sat_sum = 0;
  // uses: version, COUNT, SUM(edit_ratio), SUM(editable_changed), SUM(locked_changed),
  //       SUM(satisfaction), COUNT(satisfaction)
  for (const auto& r : uses) {
    int v = static_cast<int>(r.Int(0));
    auto& pv = per[v];
    pv.version = v;
    pv.uses = r.Int(1);
    if (pv.uses > 0) pv.mean_edit_ratio = r.Real(2) / static_cast<double>(pv.uses);
    s.uses += r.Int(1);
    edit_sum += r.Real(2);
    s.editable_changed += r.Int(3);
    s.locked_changed += r.Int(4);
    sat_sum += r.Real(5);
    s.satisfaction_count += r.Int(6);
  }
  // ratings: version, SUM(useful), COUNT
  for (const auto& r : ratings) {
    int v = static_cast<int>(r.Int(0));
    auto& pv = per[v];
    pv.version = v;
    pv.useful = r.Int(1);
    pv.not_useful = r.Int(2) - r.Int(1);
    s.useful += pv.useful;
    s.not_useful += pv.not_useful;
  }
  if (s.uses > 0) s.mean_edit_ratio = edit_sum / static_cast<double>(s.uses);
  if (s.satisfaction_count > 0) s.satisfaction = sat_sum / static_cast<double>(s.satisfaction_count);
  for (auto& [v, pv] : per) s.versions.push_back(pv);
  return s;
}

constexpr std::string_view kUseSums =
    "SELECT template_id, version, COUNT(*), SUM(edit_ratio), SUM(editable_changed), "
    "SUM(locked_changed), SUM(satisfaction), COUNT(satisfaction) FROM template_uses";
constexpr std::string_view kRatingSums =
    "SELECT template_id, version, SUM(useful), COUNT(*) FROM template_ratings";

// Rows without their first column (template_id), grouped by it.
std::map<int64_t, std::vector<storage::Row>> ByTemplate(const std::vector<storage::Row>& rows) {
  std::map<int64_t, std::vector<storage::Row>> out;
  for (const auto& r : rows) {
    std::vector<storage::Value> cols;
    for (size_t i = 1; i < r.size(); ++i) {
      if (r.IsNull(i)) cols.emplace_back(std::monostate{});
      else cols.emplace_back(r.Real(i));  // Row::Int reads a double too
    }
    out[r.Int(0)].emplace_back(std::move(cols));
  }
  return out;
}

}  // namespace

Result<TemplateRecord> TemplateStore::Create(const NewTemplate& t, std::string_view actor,
                                             int64_t now) {
  SVAR_TRY(CheckName(t.name));
  SVAR_TRY(CheckLanguage(t.language));
  SVAR_TRY(ParseTemplate(t.body));
  const std::string language = AsciiLower(t.language);
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto existing, FindByName(t.name, language));
  if (existing)
    return Fail(ErrorCode::kConflict, "a template \"" + t.name + "\" in " + language +
                                          " exists already (id " + std::to_string(existing->id) +
                                          "); PUT /api/v1/templates/" +
                                          std::to_string(existing->id) + " saves a new version");
  SVAR_ASSIGN(auto row, db_.QueryOne("INSERT INTO templates(name, category, language, state, "
                                     "current_version, created_by, created_at, updated_by, "
                                     "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id",
                                     {t.name, t.category, language, std::string(kTemplateActive),
                                      std::string(actor), now, std::string(actor), now}));
  if (!row) return Fail(ErrorCode::kInternal, "inserting the template returned no id");
  const int64_t id = row->Int(0);
  SVAR_TRY(db_.Exec("INSERT INTO template_versions(template_id, version, body, comment, author, "
                    "created_at) VALUES (?, 1, ?, ?, ?, ?)",
                    {id, t.body, t.comment, std::string(actor), now}));
  SVAR_TRY(tx.Commit());
  SVAR_ASSIGN(auto created, Find(id));
  return *created;
}

Result<TemplateRecord> TemplateStore::Update(int64_t id, const TemplateChange& change,
                                             std::string_view actor, int64_t now) {
  SVAR_TRY(ParseTemplate(change.body));
  storage::Transaction tx(db_);
  SVAR_TRY(tx.begin_status());
  SVAR_ASSIGN(auto current, Find(id));
  if (!current)
    return Fail(ErrorCode::kNotFound,
                "no template " + std::to_string(id) + "; GET /api/v1/templates lists them");
  if (current->state == kTemplateArchived)
    return Fail(ErrorCode::kConflict, "template \"" + current->name +
                                          "\" is archived; unarchive it (POST /api/v1/templates/" +
                                          std::to_string(id) + "/unarchive) before editing");
  const bool same_body = change.body == current->body;
  const bool new_category = change.category && *change.category != current->category;
  if (same_body && !new_category) return *current;
  int next = current->current_version;
  if (!same_body) {
    next += 1;
    SVAR_TRY(db_.Exec("INSERT INTO template_versions(template_id, version, body, comment, "
                      "author, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                      {id, int64_t{next}, change.body, change.comment, std::string(actor), now}));
  }
  SVAR_TRY(db_.Exec("UPDATE templates SET current_version = ?, category = ?, updated_by = ?, "
                    "updated_at = ? WHERE id = ?",
                    {int64_t{next}, change.category.value_or(current->category),
                     std::string(actor), now, id}));
  SVAR_TRY(tx.Commit());
  SVAR_ASSIGN(auto updated, Find(id));
  return *updated;
}

Result<TemplateRecord> TemplateStore::SetState(int64_t id, std::string_view state,
                                               std::string_view actor, int64_t now) {
  if (state != kTemplateActive && state != kTemplateArchived)
    return Fail(ErrorCode::kInvalidArgument, "a template's state is active or archived");
  SVAR_TRY(db_.Exec("UPDATE templates SET state = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                    {std::string(state), std::string(actor), now, id}));
  SVAR_ASSIGN(auto t, Find(id));
  if (!t)
    return Fail(ErrorCode::kNotFound,
                "no template " + std::to_string(id) + "; GET /api/v1/templates lists them");
  return *t;
}

Result<std::optional<TemplateRecord>> TemplateStore::Find(int64_t id) {
  SVAR_ASSIGN(auto row, db_.QueryOne(std::string(kSelect) + " WHERE t.id = ?", {id}));
  if (!row) return std::optional<TemplateRecord>();
  return std::optional<TemplateRecord>(FromRow(*row));
}

Result<std::optional<TemplateRecord>> TemplateStore::FindByName(std::string_view name,
                                                                std::string_view language) {
  SVAR_ASSIGN(auto row, db_.QueryOne(std::string(kSelect) + " WHERE t.name = ? AND t.language = ?",
                                     {std::string(name), AsciiLower(language)}));
  if (!row) return std::optional<TemplateRecord>();
  return std::optional<TemplateRecord>(FromRow(*row));
}

Result<std::vector<TemplateRecord>> TemplateStore::List(const TemplateFilter& filter) {
  std::string sql = std::string(kSelect) + " WHERE 1 = 1";
  storage::Params params;
  if (!filter.state.empty()) {
    sql += " AND t.state = ?";
    params.emplace_back(filter.state);
  }
  if (!filter.category.empty()) {
    sql += " AND t.category = ?";
    params.emplace_back(filter.category);
  }
  if (!filter.language.empty()) {
    sql += " AND t.language = ?";
    params.emplace_back(AsciiLower(filter.language));
  }
  sql += " ORDER BY t.name, t.language";
  SVAR_ASSIGN(auto rows, db_.Query(sql, params));
  std::vector<TemplateRecord> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::vector<TemplateVersion>> TemplateStore::Versions(int64_t id) {
  SVAR_ASSIGN(auto rows, db_.Query("SELECT template_id, version, body, comment, author, "
                                   "created_at FROM template_versions WHERE template_id = ? "
                                   "ORDER BY version",
                                   {id}));
  std::vector<TemplateVersion> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), static_cast<int>(r.Int(1)), r.Text(2), r.Text(3), r.Text(4),
                   r.Int(5)});
  return out;
}

Result<std::optional<TemplateVersion>> TemplateStore::Version(int64_t id, int version) {
  SVAR_ASSIGN(auto row,
              db_.QueryOne("SELECT v.template_id, v.version, v.body, v.comment, v.author, "
                           "v.created_at FROM template_versions v JOIN templates t ON t.id = "
                           "v.template_id WHERE v.template_id = ? AND v.version = (CASE WHEN ? "
                           "= 0 THEN t.current_version ELSE ? END)",
                           {id, int64_t{version}, int64_t{version}}));
  if (!row) return std::optional<TemplateVersion>();
  const auto& r = *row;
  return std::optional<TemplateVersion>(TemplateVersion{
      r.Int(0), static_cast<int>(r.Int(1)), r.Text(2), r.Text(3), r.Text(4), r.Int(5)});
}

Result<int64_t> TemplateStore::RecordUse(const TemplateUse& use,
                                         std::optional<int64_t> message_row_id, int64_t now) {
  storage::Value message = message_row_id ? storage::Value(*message_row_id)
                                          : storage::Value(std::monostate{});
  SVAR_ASSIGN(auto row,
              db_.QueryOne("INSERT INTO template_uses(template_id, version, ticket_id, "
                           "message_row_id, agent, role, edit_ratio, editable_changed, "
                           "locked_changed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "RETURNING id",
                           {use.template_id, int64_t{use.version}, use.ticket_id, message,
                            use.agent, use.role, use.edit_ratio, int64_t{use.editable_changed},
                            int64_t{use.locked_changed}, now}));
  if (!row) return Fail(ErrorCode::kInternal, "inserting the template use returned no id");
  return row->Int(0);
}

Result<int> TemplateStore::Rate(const TemplateRating& rating, int64_t now) {
  SVAR_ASSIGN(auto used, db_.QueryOne("SELECT version FROM template_uses WHERE template_id = ? "
                                      "AND ticket_id = ? ORDER BY id DESC LIMIT 1",
                                      {rating.template_id, rating.ticket_id}));
  if (!used)
    return Fail(ErrorCode::kInvalidArgument,
                "template " + std::to_string(rating.template_id) +
                    " was not used on this ticket; rate a template after replying with it");
  const int version = static_cast<int>(used->Int(0));
  SVAR_TRY(db_.Exec(
      "INSERT INTO template_ratings(template_id, version, ticket_id, agent, useful, comment, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(template_id, ticket_id, agent) DO "
      "UPDATE SET version = excluded.version, useful = excluded.useful, comment = "
      "excluded.comment, created_at = excluded.created_at",
      {rating.template_id, int64_t{version}, rating.ticket_id, rating.agent,
       int64_t{rating.useful}, rating.comment, now}));
  return version;
}

Result<TemplateStats> TemplateStore::Stats(int64_t id) {
  SVAR_ASSIGN(auto uses, db_.Query(std::string(kUseSums) +
                                       " WHERE template_id = ? GROUP BY template_id, version",
                                   {id}));
  SVAR_ASSIGN(auto ratings, db_.Query(std::string(kRatingSums) +
                                          " WHERE template_id = ? GROUP BY template_id, version",
                                      {id}));
  auto u = ByTemplate(uses), r = ByTemplate(ratings);
  return Accumulate(u[id], r[id], id);
}

Result<std::vector<TemplateStats>> TemplateStore::AllStats() {
  SVAR_ASSIGN(auto uses, db_.Query(std::string(kUseSums) + " GROUP BY template_id, version"));
  SVAR_ASSIGN(auto ratings,
              db_.Query(std::string(kRatingSums) + " GROUP BY template_id, version"));
  auto u = ByTemplate(uses), r = ByTemplate(ratings);
  std::vector<int64_t> ids;
  for (const auto& [id, rows] : u) ids.push_back(id);
  for (const auto& [id, rows] : r) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<TemplateStats> out;
  for (int64_t id : ids) {
    SVAR_ASSIGN(auto s, Accumulate(u[id], r[id], id));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace svar::replies
