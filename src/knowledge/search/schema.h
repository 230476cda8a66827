// Layout of the knowledge-base Xapian index: directories, documents, term prefixes, value
// slots. Internal to src/knowledge/search (the only place that knows Xapian).
//
// The index is a directory with two Xapian databases:
//   <dir>/public    passages of published public articles
//   <dir>/internal  passages of published internal articles (agents only)
// A customer's search, suggestion or spelling correction opens only `public`, so nothing of an
// internal article (its text, its words in the spelling dictionary, its term statistics) can
// reach a customer; an agent's search opens both. The "V" filter below is a second wall.
//
// One Xapian document per passage of the published version of an article (see passages.h);
// the title is indexed into every passage of its article (the first passage, anchor "", is
// the title with the lead paragraph). Unique id term: "Q<article id>#<passage ordinal>".
//
// Term prefixes (boolean terms carry no weight and are used as filters):
//   (none)    folded words, Chinese dictionary words and Chinese character bigrams
//   Z<lang>:  Snowball stem in that language: "Zda:bil", "Zru:пароль", "Zno:passord"
//   XL        learned field: the words of earlier customers' queries that led to this article
//             being voted helpful (or to leaving without writing in), same forms as above
//             behind "XL" ("XLpassword", "XLZen:reset"); weighted low at query time
//   S         title words of the lead passage only (folded, unstemmed; Chinese bigrams), for
//             type-ahead: "Spassword"
//   A         article id: "A42"
//   L         locale: "Lda", "Lzh-Hant"
//   V         visibility: "Vpublic" or "Vinternal"
//   T         state: always "Tpublished" (only published content is indexed: the published
//             version, also while a newer edit of the article is a draft or in review)
//   C         category, folded: "Cbilling"
//   P         product, folded: "Pmobile app"
//   G         translation group: "Gpassword-reset"
//   Q         unique document id: "Q42#0"
//
// Value slots: article id (collapse key, decimal string), quality and popularity (Xapian
// sortable_serialise doubles), passage ordinal.
//
// Synonyms (from kb_synonyms) live in Xapian's synonym table of both databases under the key
// "<lang>:<stemmed words>" with values "<lang>:<folded words>" ("en:receipt" -> "en:invoice",
// "en:login" -> "en:sign in"), so languages don't mix and inflected forms find their group.
// The spelling dictionary holds the folded words of each database's own passages.
#pragma once

#include <xapian.h>

#include <string>

namespace svar::knowledge::schema {

inline constexpr const char* kPublicDir = "public";
inline constexpr const char* kInternalDir = "internal";

inline constexpr const char* kLearned = "XL";
inline constexpr const char* kTitle = "S";
inline constexpr const char* kArticle = "A";
inline constexpr const char* kLocale = "L";
inline constexpr const char* kVisibility = "V";
inline constexpr const char* kState = "T";
inline constexpr const char* kCategory = "C";
inline constexpr const char* kProduct = "P";
inline constexpr const char* kGroup = "G";
inline constexpr const char* kUnique = "Q";

inline constexpr Xapian::valueno kSlotArticle = 0;
inline constexpr Xapian::valueno kSlotQuality = 1;
inline constexpr Xapian::valueno kSlotPopularity = 2;
inline constexpr Xapian::valueno kSlotOrdinal = 3;

inline std::string ArticleTerm(int64_t id) { return kArticle + std::to_string(id); }

}  // namespace svar::knowledge::schema
