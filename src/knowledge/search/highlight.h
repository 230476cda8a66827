// Highlights: which words of a passage matched a query (internal to src/knowledge/search).
#pragma once

#include <string_view>
#include <vector>

#include "knowledge/search/query_builder.h"
#include "knowledge/search/searcher.h"

namespace svar::knowledge {

// Byte ranges of the words of `text` (analysed in `locale`) that match the query's words or
// stems; a Chinese word matches when it or one of its bigrams was asked for.
std::vector<TextRange> FindHighlights(std::string_view text, std::string_view locale,
                                      const QueryTerms& terms);

}  // namespace svar::knowledge
