// The encodings an outgoing message is written in (mime_builder.h uses them): base64 and
// quoted-printable bodies (RFC 2045), encoded words in headers (RFC 2047), encoded and
// continued parameters for file names (RFC 2231), the RFC 5322 date, and header folding.
// Input text is UTF-8; output is 7-bit ASCII with CRLF line ends.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace svar::replies {

// Lines of 76 characters joined by CRLF, ending with CRLF (empty input: "").
std::string Base64Body(std::string_view bytes);
// Quoted-printable of text whose lines end in CRLF (or LF, turned into CRLF); soft breaks
// keep lines within 76 characters, trailing white space is encoded. Ends with CRLF.
std::string QuotedPrintable(std::string_view text);

// How a text part is best sent: 7bit (ASCII, short lines), quoted-printable (mostly ASCII:
// Danish, Swedish, Norwegian, English with a few letters beyond ASCII) or base64 (mostly
// non-ASCII: Russian, Chinese).
enum class TransferEncoding { k7Bit, kQuotedPrintable, kBase64 };
TransferEncoding ChooseEncoding(std::string_view utf8);
std::string_view EncodingName(TransferEncoding e);
std::string EncodeBody(std::string_view text, TransferEncoding e);

// Line ends of any kind (LF, CR, CRLF) turned into CRLF.
std::string ToCrlf(std::string_view text);

// A header value with non-ASCII text as RFC 2047 encoded words ("=?UTF-8?B?...?="), each at
// most 75 characters and never splitting a UTF-8 character; ASCII text comes back as is.
// Encoded words are separated by CRLF SP (folded), so the result is ready for a header.
std::string EncodeWords(std::string_view utf8);
// A display name and address for From/To/Cc/Reply-To: `"Name" <a@b>`, `=?UTF-8?B?..?= <a@b>`
// or `a@b` when the name is empty.
std::string FormatAddress(std::string_view name, std::string_view email);
// A Content-Type/Content-Disposition parameter: `name="file.pdf"` for plain ASCII names,
// RFC 2231 `name*=UTF-8''%C3%A6...` otherwise, split into `name*0*=`, `name*1*=`... on
// folded lines when long.
std::string FormatParameter(std::string_view name, std::string_view value);

// "Mon, 23 Nov 2026 07:20:56 +0000" (RFC 5322 date, UTC).
std::string FormatRfc5322Date(int64_t unix_seconds);

// A header line "Name: value\r\n" with the value folded at spaces to stay near 78 columns
// (a word longer than that stays whole; no line exceeds 998 unless a single word does).
std::string HeaderLine(std::string_view name, std::string_view value);

}  // namespace svar::replies
