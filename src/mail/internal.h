// Internal helpers shared by the files of src/mail. Not part of the stage's contract: other
// stages include parse.h and parsed_message.h only.
#pragma once

#include <gmime/gmime.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/deadline.h"
#include "core/result.h"

namespace svar::mail::internal {

// Owns one GObject reference.
struct GObjectUnref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

// Frees a g_malloc'ed string.
struct GFreeDeleter {
  void operator()(void* p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFreeDeleter>;

// Parser options for the calling thread (created once per thread, never shared). GMime's
// parser warnings go to *WarningSink() while a parse runs on this thread.
GMimeParserOptions* ThreadParserOptions();
std::vector<std::string>*& WarningSink();

// Drops an mbox "From " first line, if any.
std::string_view SkipMboxFromLine(std::string_view raw);

// Parses raw bytes into a GMime message; nullptr when GMime cannot make a message of it.
GPtr<GMimeMessage> ParseGMimeMessage(std::string_view raw);

// Decodes a part's content (transfer encoding removed) into bytes.
std::string DecodedContent(GMimePart* part);
// Decoded size without keeping the bytes.
int64_t DecodedSize(GMimePart* part);
// A message part serialised (headers and body) as it would be saved as .eml.
std::string SerialiseMessage(GMimeMessage* message);

// Lowercased "type/subtype" of an object ("text/plain" when GMime knows nothing).
std::string MimeType(GMimeObject* object);

// One visited MIME entity. `path` follows IMAP numbering: the children of a multipart are
// <prefix>.1, <prefix>.2...; a non-multipart top-level body is "1"; the body of a
// message/rfc822 part "P" is numbered as if it were a top-level message with prefix "P" (a
// single-part body is "P.1").
struct PartVisit {
  GMimeObject* object = nullptr;
  GMimeObject* parent = nullptr;  // the enclosing multipart or message part, or nullptr
  std::string path;               // "" for multiparts and message bodies without a number
  int depth = 0;
};

enum class WalkControl { kContinue, kSkipChildren, kStop };

// Visits every entity depth-first in document order. Multiparts are visited (with their own
// number, when they have one) before their children; a message/rfc822 part is visited before
// its message's body. Stops descending below max_depth.
void WalkParts(GMimeObject* root, int max_depth,
               const std::function<WalkControl(const PartVisit&)>& visit);

// Finds the object with the given part number, or nullptr.
GMimeObject* FindPart(GMimeMessage* message, std::string_view path);

}  // namespace svar::mail::internal
