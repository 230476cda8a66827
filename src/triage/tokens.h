// The shared tokenizer of the triage filters (category, spam, and any other filter that
// wants words): Unicode text in, case-folded word tokens out, the same in every language.
//
//  - words come from ICU's word break iterator; Chinese (and Japanese, Thai...) runs are cut
//    into dictionary words by the same iterator;
//  - every token is NFKC case-folded, and Traditional Chinese is folded to Simplified, so
//    "發票" and "发票" are one token and "STRASSE" equals "straße";
//  - URLs become the token "<url>", e-mail addresses "<email>", numbers "<num>";
//  - punctuation and white space are dropped; tokens longer than 64 bytes (hashes, base64)
//    are dropped too.
// Invalid UTF-8 is repaired (U+FFFD) first. Thread-safe (per-thread ICU objects).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace svar::triage {

inline constexpr std::string_view kUrlToken = "<url>";
inline constexpr std::string_view kEmailToken = "<email>";
inline constexpr std::string_view kNumberToken = "<num>";

// Internal, exposed for its test: the ASCII path of Tokenize (no URLs in `text`), which must
// cut as ICU's word break iterator does.
void BreakWordsAscii(std::string_view text, std::vector<std::string>& out);

// Case-folded word tokens of a text in any language.
std::vector<std::string> Tokenize(std::string_view utf8);

// NFKC case fold plus Traditional -> Simplified Chinese. Used for rule phrases and tokens.
std::string FoldForMatch(std::string_view utf8);

// True when the token is a run of Han characters (no spaces between such tokens when a
// text is rebuilt for phrase matching).
bool IsHanToken(std::string_view token);

// The host names of the http(s):// and www. URLs in a text, lowercased, without port
// ("www.example.com"). The spam filter uses them as evidence.
std::vector<std::string> UrlHosts(std::string_view utf8);

}  // namespace svar::triage
