// Header decoding: raw 8-bit values converted with the message's charset (or detected),
// RFC 2047 words decoded, addresses, Message-ID lists and dates.
#pragma once

#include <gmime/gmime.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/parsed_message.h"

namespace svar::mail {

// Unfolds and decodes one raw header value to UTF-8 (one line). `hint_charset` is used for
// raw 8-bit bytes that are not UTF-8 (the body's declared charset), before detection.
std::string DecodeHeaderValue(std::string_view raw, std::string_view hint_charset);

// Parses an address list ("A <a@x>, b@y, group: c@z;") into addresses; names decoded, emails
// lowercased. Garbage yields what could be understood (maybe nothing).
std::vector<Address> ParseAddressList(std::string_view raw, std::string_view hint_charset);

// Message-IDs in a References/In-Reply-To value, without <>, in order; garbage tolerated.
std::vector<std::string> ParseMessageIdList(std::string_view raw);

// One Message-ID without <> ("" when none).
std::string ParseMessageId(std::string_view raw);

// RFC 5322 date (lenient) as Unix seconds.
std::optional<int64_t> ParseDate(std::string_view raw);

// Fills every header field of `out` from the message's top-level headers.
void FillHeaders(GMimeMessage* message, std::string_view hint_charset, ParsedMessage* out);

}  // namespace svar::mail
