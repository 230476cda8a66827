// SynonymStore: the groups of equivalent words per locale in kb_synonyms, edited by an admin
// and read by the search index (which notices a change by the rows' ids and updated_at).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "storage/database.h"

namespace svar::knowledge {

struct SynonymGroup {
  int64_t id = 0;
  std::string locale;              // normalised
  std::vector<std::string> terms;  // case-folded, trimmed, white space collapsed
  int64_t updated_at = 0;
};

class SynonymStore {
 public:
  SynonymStore(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Groups of one locale (normalised), in the order they were given.
  Result<std::vector<SynonymGroup>> List(std::string_view locale);
  // Groups of every locale, by locale then order.
  Result<std::vector<SynonymGroup>> ListAll();

  // Replaces all groups of a locale at once (an empty list removes them). Terms are
  // case-folded (NFKC), trimmed and white space collapsed; a repeated term within a group is
  // kept once. kInvalidArgument, naming the group (1-based) and term, for an empty term, a
  // group with fewer than 2 different terms, or a term in two groups (merge them).
  // Returns the stored groups.
  Result<std::vector<SynonymGroup>> Replace(std::string_view locale,
                                            const std::vector<std::vector<std::string>>& groups);

 private:
  Result<std::vector<SynonymGroup>> Query(const std::string& where, const storage::Params& p);

  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace svar::knowledge
