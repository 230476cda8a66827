// Searcher: knowledge-base search over the index written by KbIndex (layout in schema.h).
//
// Visibility is a hard rule. Audience::kCustomer opens only the public database (so no text,
// title, word, spelling suggestion or statistic of an internal article can come back) and
// also filters on "Vpublic"; Audience::kAgent searches public and internal articles.
//
// Query: the text is analysed like documents (analysis.h). Each word becomes
//   OR(stem in the request's language,  0.3 x exact folded word,  synonyms x 0.8,
//      learned field "XL" x kLearnedWeight)
// and the words are OR-ed (BM25 rewards articles matching more of them). Words found in more
// than 35% of passages (of an index of 200+) are dropped unless nothing else is left: they
// weigh little and cost the most (their learned-field term, which is cheap, stays). Typo tolerance:
// a word that is in neither the index nor the synonym table is replaced by Xapian's spelling
// suggestion (edit distance <= 2, most frequent) at 0.8; the corrected query is returned as
// `did_you_mean`. Chinese words add their character bigrams.
//
// Ranking. Xapian scores passages with BM25 (k1 1.2, b 0.75); the title is indexed into
// every passage (5x in the lead passage, 1x in the others). Per article:
//   text(a)   = best passage score + 0.5 x second best passage score
//   score(a)  = text(a) x (0.85 + 0.3 x quality(a))            quality: smoothed helpful ratio
//                       x (1 + 0.04 x ln(1 + views(a)))        popularity
//                       x locale(a) x product(a)
//   locale(a) = 1 for the request's locale, 0.9 for the other Chinese script, 0.55 otherwise
//   product(a)= 1.15 when the article concerns one of boost_products, else 1
// quality(a) = (helpful + 2) / (votes + 4). Learning from use enters through BM25 itself: the
// words of earlier sessions' queries that found the article helpful are indexed in the
// article's "XL" field and matched at kLearnedWeight, so the boost follows similar queries,
// grows with repeated confirmation (term frequency) and saturates (BM25).
// An article in another locale is dropped when a result of the same translation group in
// the request's locale is already listed.
//
// Passage shown. The passage scores above choose the article, not the passage: the title is
// in every passage, so they lean to the lead. The passage a hit shows (anchor, heading, text,
// highlights) is chosen among all the article's passages by a separate passage score over
// the section heading and the passage text only, ties going to the lead (passage_choice.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace svar::knowledge {

enum class Audience { kCustomer, kAgent };

struct SearchRequest {
  std::string query;
  std::string locale;  // the reader's locale; results in it come first. "" = no preference
  int limit = 10;
  int offset = 0;
  Audience audience = Audience::kCustomer;
  std::string category;                     // filter; "" = any
  std::string product;                      // filter; "" = any
  std::vector<std::string> boost_products;  // from the customer's record
  bool only_locale = false;                 // filter to `locale` (and its other Chinese script)
};

// A byte range [begin, end) of a passage's text that matched the query.
struct TextRange {
  size_t begin = 0;
  size_t end = 0;
};

struct SearchHit {
  int64_t article_id = 0;
  std::string slug;
  std::string locale;
  std::string title;
  std::string translation_group;
  std::string category;
  std::string anchor;                 // passage anchor (passages.h); "" = top of the article
  std::string heading;                // the passage's section heading
  std::string passage;                // plain text of the best passage
  std::vector<TextRange> highlights;  // matched words in `passage`
  std::string passage_html;           // `passage` HTML-escaped with matches in <mark>...</mark>
  double score = 0;                   // final ranking score (see above)
  double text_score = 0;              // BM25 part
};

struct SearchResponse {
  std::vector<SearchHit> hits;
  int64_t estimated_total = 0;  // articles matching, estimated
  std::string did_you_mean;     // corrected query when a word was unknown; else ""
};

struct SearchOptions {
  double learned_weight = 0.5;  // weight of the learned field (0 disables learning)
  bool use_priors = true;       // quality, popularity (off: text alone)
};

class Searcher {
 public:
  // A searcher over the index in `index_dir` (written by KbIndex). Touches no file: an index
  // that does not exist yet shows as kUnavailable from Search. Search is safe to call from
  // many threads (each call leases its own Xapian handle and sees the last commit).
  static Result<std::unique_ptr<Searcher>> Open(const std::string& index_dir,
                                                SearchOptions options = {});
  ~Searcher();

  Result<SearchResponse> Search(const SearchRequest& request) const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// HTML-escapes `text` and wraps each range in <mark>...</mark>.
std::string MarkHighlights(std::string_view text, const std::vector<TextRange>& ranges);

}  // namespace svar::knowledge
