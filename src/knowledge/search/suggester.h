// Suggester: type-ahead for the search box.
//
// The last word of the text (unless the text ends in a space) is taken as a prefix being
// typed: it is completed from the words of article titles (the "S" terms of lead passages,
// schema.h; Xapian's term list from that prefix, at most kScanTerms words read, the most
// frequent kept: the capped expansion of FLAG_PARTIAL done by hand so the cost stays bounded
// at 100k articles). Titles containing every finished word and one of the top completions
// are returned, best BM25 first, the customer's locale first (as in search).
// Same visibility rule as search: a customer's suggestions come from the public database only
// (words, completions and titles), filtered on "Vpublic" as well.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "knowledge/search/searcher.h"

namespace svar::knowledge {

struct SuggestRequest {
  std::string text;    // what the reader has typed so far
  std::string locale;  // the reader's locale
  Audience audience = Audience::kCustomer;
  int limit = 5;  // completions and titles, each
};

struct SuggestedArticle {
  int64_t article_id = 0;
  std::string slug;
  std::string locale;
  std::string title;
};

struct SuggestResponse {
  std::vector<std::string> completions;  // whole query texts: "reset pass" -> "reset password"
  std::vector<SuggestedArticle> articles;
};

class Suggester {
 public:
  static constexpr int kScanTerms = 200;

  static Result<std::unique_ptr<Suggester>> Open(const std::string& index_dir);
  ~Suggester();

  Result<SuggestResponse> Suggest(const SuggestRequest& request) const;

 private:
  struct Impl;
  explicit Suggester(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace svar::knowledge
