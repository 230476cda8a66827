#include "mail/gumbo_util.h"

#include <cstdlib>
#include <string>

namespace svar::mail::internal {
namespace {

void* ArenaAllocate(void* userdata, size_t size) {
  return static_cast<GumboArena*>(userdata)->Allocate(size);
}
void ArenaFree(void* /*userdata*/, void* /*ptr*/) {}  // everything goes with the arena

GumboOptions MakeOptions() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; recording them costs time and memory
  options.allocator = ArenaAllocate;
  options.deallocator = ArenaFree;
  return options;
}

constexpr size_t kAlign = alignof(std::max_align_t);

}  // namespace

GumboArena::~GumboArena() {
  while (blocks_) {
    Block* next = blocks_->next;
    std::free(blocks_);
    blocks_ = next;
  }
}

void* GumboArena::Allocate(size_t size) {
  size = (size + kAlign - 1) & ~(kAlign - 1);
  if (size > left_) {
    constexpr size_t kHeader = (sizeof(Block) + kAlign - 1) & ~(kAlign - 1);
    size_t block_size = size + kHeader > next_block_size_ ? size + kHeader : next_block_size_;
    if (next_block_size_ < 1024 * 1024) next_block_size_ *= 2;
    auto* block = static_cast<Block*>(std::malloc(block_size));
    if (!block) std::abort();  // as gumbo's own malloc use: it never checks for NULL
    block->next = blocks_;
    block->size = block_size;
    blocks_ = block;
    cursor_ = reinterpret_cast<char*>(block) + kHeader;
    left_ = block_size - kHeader;
  }
  void* p = cursor_;
  cursor_ += size;
  left_ -= size;
  return p;
}

GumboDoc ParseHtml(std::string_view html) {
  GumboDoc doc;
  doc.arena_ = std::make_unique<GumboArena>();
  GumboOptions options = MakeOptions();
  options.userdata = doc.arena_.get();
  doc.output_ = gumbo_parse_with_options(&options, html.data(), html.size());
  return doc;
}

std::string_view TagName(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return {};
  const GumboElement& el = node->v.element;
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  // Unknown tag: take the name as written ("<o:p>"), without the angle bracket.
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return nullptr;
  GumboAttribute* attr =
      gumbo_get_attribute(const_cast<GumboVector*>(&node->v.element.attributes), name);
  return attr ? attr->value : nullptr;
}

}  // namespace svar::mail::internal
