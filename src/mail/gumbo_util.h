// Owning wrapper around a gumbo parse and small node helpers shared by html_to_text.cc and
// html_sanitize.cc.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/deadline.h"
#include "core/result.h"

namespace svar::mail::internal {

// Bump allocator for one gumbo parse: gumbo makes hundreds of small allocations per page
// (nodes, vectors, strings); taking them from a few large blocks and dropping the blocks
// together is much cheaper than malloc/free for each, and the tree needs no destroy walk.
// One arena per document, never shared between threads.
class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena();

  void* Allocate(size_t size);

 private:
  struct Block {
    Block* next;
    size_t size;
  };
  Block* blocks_ = nullptr;
  char* cursor_ = nullptr;
  size_t left_ = 0;
  size_t next_block_size_ = 32 * 1024;
};

// A parsed document; the tree lives as long as this object.
class GumboDoc {
 public:
  GumboDoc() = default;
  GumboDoc(GumboDoc&&) = default;
  GumboDoc& operator=(GumboDoc&&) = default;

  explicit operator bool() const { return output_ != nullptr; }
  const GumboOutput* operator->() const { return output_; }
  const GumboOutput* get() const { return output_; }

 private:
  friend GumboDoc ParseHtml(std::string_view html);
  std::unique_ptr<GumboArena> arena_;
  GumboOutput* output_ = nullptr;
};

// Parses UTF-8 HTML (never fails; gumbo repairs everything). Error recording is off.
GumboDoc ParseHtml(std::string_view html);

// The two readings of one parsed document (see html.h for what they produce). ParseMessage
// parses a body once and derives both; the public functions in html.h parse and call these.
Result<std::string> DocToText(const GumboDoc& doc, const Deadline& deadline);
Result<std::string> SanitizeDoc(const GumboDoc& doc, size_t size_hint, const Deadline& deadline);

// Lowercase tag name ("p", "o:p" for unknown tags as written).
std::string_view TagName(const GumboNode* node);
// Attribute value or nullptr.
const char* Attr(const GumboNode* node, const char* name);

// How often the walkers look at the clock (every N nodes).
inline constexpr int kDeadlineStride = 256;

}  // namespace svar::mail::internal
