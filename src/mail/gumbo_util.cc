#include "mail/gumbo_util.h"

#include <string>

namespace svar::mail::internal {
namespace {
GumboOptions MakeOptions() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; recording them costs time and memory
  return options;
}
const GumboOptions& Options() {
  static const GumboOptions options = MakeOptions();
  return options;
}
}  // namespace

void GumboDeleter::operator()(GumboOutput* out) const {
  if (out) gumbo_destroy_output(&Options(), out);
}

GumboDoc ParseHtml(std::string_view html) {
  return GumboDoc(gumbo_parse_with_options(&Options(), html.data(), html.size()));
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
