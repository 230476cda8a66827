// Owning wrapper around a gumbo parse and small node helpers shared by html_to_text.cc and
// html_sanitize.cc.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string_view>

namespace svar::mail::internal {

struct GumboDeleter {
  void operator()(GumboOutput* out) const;
};
using GumboDoc = std::unique_ptr<GumboOutput, GumboDeleter>;

// Parses UTF-8 HTML (never fails; gumbo repairs everything). Error recording is off.
GumboDoc ParseHtml(std::string_view html);

// Lowercase tag name ("p", "o:p" for unknown tags as written).
std::string_view TagName(const GumboNode* node);
// Attribute value or nullptr.
const char* Attr(const GumboNode* node, const char* name);

// How often the walkers look at the clock (every N nodes).
inline constexpr int kDeadlineStride = 256;

}  // namespace svar::mail::internal
