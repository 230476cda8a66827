// Answer templates in the database (schema v6): templates with their versions, the uses
// recorded when a reply is sent from one, agents' ratings, and the per-template figures.
//
// A template is identified by its id, and is unique by (name, language). Creating it saves
// version 1; every Update saves the next version (the old ones stay readable, never
// overwritten) and moves `current_version`. Every body is checked with ParseTemplate before
// it is stored. Archived templates are not suggested and cannot be used for new replies;
// Unarchive makes them active again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace svar::replies {

inline constexpr const char* kTemplateActive = "active";
inline constexpr const char* kTemplateArchived = "archived";

struct TemplateRecord {
  int64_t id = 0;
  std::string name;
  std::string category;  // "" = any category
  std::string language;  // "da", "en", ... (lower case)
  std::string state;     // active | archived
  int current_version = 0;
  std::string body;      // the body of current_version
  std::string created_by;
  int64_t created_at = 0;
  std::string updated_by;
  int64_t updated_at = 0;
};

struct TemplateVersion {
  int64_t template_id = 0;
  int version = 0;
  std::string body;
  std::string comment;
  std::string author;
  int64_t created_at = 0;
};

struct NewTemplate {
  std::string name;      // letters, digits, '-', '_', '.' (1-80)
  std::string category;  // optional
  std::string language;  // required: 2-3 letters, optionally -Script/-REGION ("zh", "pt-BR")
  std::string body;
  std::string comment;
};

struct TemplateChange {  // PUT: the new body, and optionally a new category
  std::string body;
  std::optional<std::string> category;
  std::string comment;
};

struct TemplateFilter {
  std::string state;     // "" = every state
  std::string category;  // "" = every category
  std::string language;  // "" = every language
};

// What CheckTemplatedReply (template_check.h) returns: what to record for a reply.
struct TemplateUse {
  int64_t template_id = 0;
  int version = 0;
  int64_t ticket_id = 0;
  std::string agent;
  std::string role;
  double edit_ratio = 0;
  bool editable_changed = false;
  bool locked_changed = false;  // only ever true for a role allowed to change locked text
};

struct TemplateRating {
  int64_t template_id = 0;
  int64_t ticket_id = 0;
  std::string agent;
  bool useful = false;
  std::string comment;
};

struct TemplateStats {
  int64_t template_id = 0;
  int64_t uses = 0;
  int64_t useful = 0;
  int64_t not_useful = 0;
  std::optional<double> mean_edit_ratio;  // nullopt without uses
  int64_t editable_changed = 0;           // uses whose editable regions were changed
  int64_t locked_changed = 0;             // uses whose locked text an authorised role changed
  std::optional<double> satisfaction;     // mean template_uses.satisfaction; nullopt while
                                          // no survey has filled it
  int64_t satisfaction_count = 0;
  struct PerVersion {
    int version = 0;
    int64_t uses = 0;
    int64_t useful = 0;
    int64_t not_useful = 0;
    std::optional<double> mean_edit_ratio;
  };
  std::vector<PerVersion> versions;  // the versions that were used or rated
};

class TemplateStore {
 public:
  explicit TemplateStore(storage::Database& db) : db_(db) {}

  // kInvalidArgument for a bad name, language or body (the parse error, naming the line);
  // kConflict when (name, language) exists.
  Result<TemplateRecord> Create(const NewTemplate& t, std::string_view actor, int64_t now);
  // Saves the next version. kNotFound, kInvalidArgument as Create; kConflict for an archived
  // template (unarchive it first). A body equal to the current one saves nothing and returns
  // the template unchanged unless the category changes.
  Result<TemplateRecord> Update(int64_t id, const TemplateChange& change, std::string_view actor,
                                int64_t now);
  Result<TemplateRecord> SetState(int64_t id, std::string_view state, std::string_view actor,
                                  int64_t now);

  Result<std::optional<TemplateRecord>> Find(int64_t id);
  Result<std::optional<TemplateRecord>> FindByName(std::string_view name, std::string_view language);
  Result<std::vector<TemplateRecord>> List(const TemplateFilter& filter);
  Result<std::vector<TemplateVersion>> Versions(int64_t id);  // oldest first
  // version 0 = current. nullopt when the template or version does not exist.
  Result<std::optional<TemplateVersion>> Version(int64_t id, int version);

  // Inserts a template_uses row; returns its id.
  Result<int64_t> RecordUse(const TemplateUse& use, std::optional<int64_t> message_row_id,
                            int64_t now);
  // Inserts or replaces the agent's rating of the template on that ticket. kInvalidArgument
  // when the template was never used on the ticket (rate after using it); the rating is for
  // the version of the latest use there.
  Result<int> Rate(const TemplateRating& rating, int64_t now);
  Result<TemplateStats> Stats(int64_t id);
  // The same figures for every template (suggestion ranking), keyed by template id.
  Result<std::vector<TemplateStats>> AllStats();

 private:
  storage::Database& db_;
};

}  // namespace svar::replies
