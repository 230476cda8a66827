// Headers for serving mail attachments from our own origin without letting them act in it.
#pragma once

#include <string>
#include <string_view>

namespace svar::web {

// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987 percent-encoding>`.
// The fallback replaces non-ASCII, quotes, backslashes and control characters with '_';
// path separators are replaced in both forms. An empty name becomes "attachment".
std::string AttachmentDisposition(std::string_view filename);

// The Content-Type to serve a stored attachment with: the declared type, lower-cased, when it
// is well-formed and passive; "application/octet-stream" for types a browser would run or
// render as a document in our origin (text/html, image/svg+xml, XML, XHTML, JavaScript ...)
// and for anything malformed (control characters, no '/').
std::string SafeDownloadType(std::string_view declared);

}  // namespace svar::web
