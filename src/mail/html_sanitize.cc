// Allow-list HTML sanitiser on gumbo. Everything not listed is dropped: unknown tags lose the
// tag but keep their text; dangerous tags lose their content too.
#include <string>
#include <vector>

#include "core/text.h"
#include "mail/ascii.h"
#include "mail/gumbo_util.h"
#include "mail/html.h"

namespace svar::mail {
namespace {

using internal::TagName;

// Tags dropped together with everything inside them.
bool IsDroppedWithContent(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET: case GUMBO_TAG_FORM: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_BASE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_SOURCE: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

bool IsAllowedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_BR: case GUMBO_TAG_DIV: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_I: case GUMBO_TAG_U:
    case GUMBO_TAG_S: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_EM:
    case GUMBO_TAG_SMALL: case GUMBO_TAG_BIG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TABLE: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_CODE: case GUMBO_TAG_TT:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_IMG: case GUMBO_TAG_HR:
    case GUMBO_TAG_FONT: case GUMBO_TAG_CENTER: case GUMBO_TAG_ABBR: case GUMBO_TAG_CITE:
    case GUMBO_TAG_Q: case GUMBO_TAG_MARK: case GUMBO_TAG_DEL: case GUMBO_TAG_INS:
    case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_VAR: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

bool IsVoid(GumboTag tag) {
  return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_HR ||
         tag == GUMBO_TAG_COL;
}

bool IsAllowedAttr(std::string_view name) {
  static constexpr std::string_view kAllowed[] = {
      "href", "src", "alt", "title", "colspan", "rowspan", "width", "height", "align",
      "valign", "color", "face", "size", "border", "cellpadding", "cellspacing", "dir",
      "lang", "start", "type", "bgcolor", "cite", "span", "summary", "headers", "scope"};
  for (auto a : kAllowed)
    if (name == a) return true;
  return false;
}

bool IsUrlAttr(std::string_view name) {
  return name == "href" || name == "src" || name == "cite";
}

// URL check after removing the characters browsers ignore inside a scheme.
bool IsSafeUrl(std::string_view value, bool image) {
  std::string squeezed;
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) continue;
    squeezed += static_cast<char>(std::tolower(u));
    if (squeezed.size() > 32) break;
  }
  size_t colon = squeezed.find(':');
  if (colon == std::string::npos) return true;  // relative
  size_t slash = squeezed.find_first_of("/?#");
  if (slash != std::string::npos && slash < colon) return true;  // colon in path, not a scheme
  std::string_view scheme = std::string_view(squeezed).substr(0, colon);
  if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "cid" ||
      scheme == "tel")
    return true;
  if (image && scheme == "data") return squeezed.starts_with("data:image/");
  return false;
}

void Escape(std::string_view s, bool attr, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '"': if (attr) *out += "&quot;"; else *out += c; break;
      default: *out += c;
    }
  }
}

struct Frame {
  const GumboNode* node;
  unsigned next_child = 0;
  bool entered = false;
  bool emitted = false;  // we wrote an opening tag that needs closing
};

}  // namespace

namespace internal {

Result<std::string> SanitizeDoc(const GumboDoc& doc, size_t size_hint, const Deadline& deadline) {
  if (!doc) return Fail(ErrorCode::kInternal, "HTML parser failed");
  std::string out;
  out.reserve(size_hint);
  std::vector<Frame> stack;
  stack.push_back(Frame{doc->root});
  int counter = 0;
  while (!stack.empty()) {
    if (++counter % internal::kDeadlineStride == 0 && deadline.Expired())
      return Fail(ErrorCode::kTimeout, "deadline passed while sanitising HTML");
    Frame& f = stack.back();
    const GumboNode* node = f.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      Escape(node->v.text.text, false, &out);
      stack.pop_back();
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) {  // comments, templates: dropped
      stack.pop_back();
      continue;
    }
    const GumboElement& el = node->v.element;
    if (!f.entered) {
      f.entered = true;
      if (IsDroppedWithContent(el.tag)) {
        stack.pop_back();
        continue;
      }
      if (IsAllowedTag(el.tag)) {
        f.emitted = true;
        out += '<';
        out += TagName(node);
        for (unsigned i = 0; i < el.attributes.length; ++i) {
          auto* attr = static_cast<const GumboAttribute*>(el.attributes.data[i]);
          std::string name = AsciiLower(attr->name);
          if (!IsAllowedAttr(name)) continue;  // on*, style, id... dropped
          std::string_view value = attr->value;
          if (IsUrlAttr(name) && !IsSafeUrl(value, el.tag == GUMBO_TAG_IMG && name == "src"))
            continue;
          out += ' ';
          out += name;
          out += "=\"";
          Escape(value, true, &out);
          out += '"';
        }
        if (el.tag == GUMBO_TAG_A) out += " rel=\"noopener noreferrer\" target=\"_blank\"";
        out += '>';
      }
    }
    if (f.next_child < el.children.length) {
      const GumboNode* child = static_cast<const GumboNode*>(el.children.data[f.next_child++]);
      stack.push_back(Frame{child});
      continue;
    }
    if (f.emitted && !IsVoid(el.tag)) {
      out += "</";
      out += TagName(node);
      out += '>';
    }
    stack.pop_back();
  }
  // Trim the white space gumbo keeps around <html>/<body>.
  std::string_view trimmed = Trim(out);
  std::string result(trimmed);
  if (!internal::IsValidUtf8Fast(result)) result = SanitizeUtf8(result);
  return result;
}

}  // namespace internal

Result<std::string> SanitizeHtml(std::string_view html, const Deadline& deadline) {
  return internal::SanitizeDoc(internal::ParseHtml(html), html.size(), deadline);
}

}  // namespace svar::mail
