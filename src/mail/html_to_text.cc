// HTML to readable plain text: an iterative walk (no recursion, so deep nesting cannot blow the
// stack) that writes into a LineWriter which collapses white space and prefixes quoted lines.
#include <string>
#include <vector>

#include "core/text.h"
#include "mail/ascii.h"
#include "mail/gumbo_util.h"
#include "mail/html.h"

namespace svar::mail {
namespace {

using internal::Attr;

class LineWriter {
 public:
  // Text from a normal (non-pre) node: white space runs become one space.
  void Text(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space_ = true;
      } else {
        Put(c);
      }
    }
  }
  // Text from inside <pre>: kept as is.
  void Pre(std::string_view s) {
    for (char c : s) {
      if (c == '\r') continue;
      if (c == '\n') {
        Break(1);
        force_line_ = true;
      } else {
        Put(c, /*keep_space=*/true);
      }
    }
  }
  // Asks for `n` line ends (1: new line, 2: blank line) before the next text.
  void Break(int n) {
    pending_space_ = false;
    if (out_.empty() && !force_line_) return;
    if (n > pending_breaks_) pending_breaks_ = n;
  }
  // <br>: one more line end (a second <br> makes a blank line).
  void LineBreak() {
    pending_space_ = false;
    if (out_.empty()) return;
    pending_breaks_ = std::min(pending_breaks_ + 1, 2);
  }
  void Raw(std::string_view s) {
    for (char c : s) Put(c, true);
  }
  void SetQuoteDepth(int depth) { quote_depth_ = depth; }
  bool AtLineStart() const { return out_.empty() || out_.back() == '\n' || pending_breaks_ > 0; }
  std::string Finish() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  void Put(char c, bool keep_space = false) {
    if (pending_breaks_ > 0) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      if (!out_.empty()) {
        for (int i = 0; i < pending_breaks_; ++i) {
          out_ += '\n';
          if (i + 1 < pending_breaks_ && line_quote_depth_ > 0 && quote_depth_ > 0) {
            out_.append(static_cast<size_t>(std::min(quote_depth_, line_quote_depth_)), '>');
            out_ += '\n';
          }
        }
      }
      pending_breaks_ = 0;
      pending_space_ = false;
      StartLine();
    } else if (out_.empty() || out_.back() == '\n') {
      StartLine();
    }
    if (pending_space_ && !keep_space) {
      if (!out_.empty() && out_.back() != '\n' && out_.back() != ' ' && !at_prefix_end_)
        out_ += ' ';
      pending_space_ = false;
    }
    at_prefix_end_ = false;
    out_ += c;
    force_line_ = false;
  }
  void StartLine() {
    if (!out_.empty() && out_.back() != '\n') return;
    line_quote_depth_ = quote_depth_;
    if (quote_depth_ > 0) {
      out_.append(static_cast<size_t>(quote_depth_), '>');
      out_ += ' ';
      at_prefix_end_ = true;
    }
    pending_space_ = false;
  }

  std::string out_;
  int pending_breaks_ = 0;
  bool pending_space_ = false;
  bool at_prefix_end_ = false;
  bool force_line_ = false;
  int quote_depth_ = 0;
  int line_quote_depth_ = 0;
};

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_SELECT: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_APPLET: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

// Line breaks around an element: 2 = paragraph, 1 = line, 0 = inline.
int BlockBreaks(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DL:
      return 2;
    case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_TR: case GUMBO_TAG_HR:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_FORM: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_BODY:
      return 1;
    default:
      return 0;
  }
}

bool HasClass(const GumboNode* node, std::string_view cls) {
  const char* value = Attr(node, "class");
  if (!value) return false;
  for (const auto& token : Split(value, ' '))
    if (token == cls) return true;
  return false;
}

// Quoted history in HTML mail: any blockquote, Gmail's and Yahoo's quote divs, and Outlook's
// reply header div.
bool IsQuote(const GumboNode* node) {
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_BLOCKQUOTE) return true;
  if (tag == GUMBO_TAG_DIV) {
    if (HasClass(node, "gmail_quote") || HasClass(node, "yahoo_quoted") ||
        HasClass(node, "moz-cite-prefix"))
      return true;
    const char* id = Attr(node, "id");
    if (id && (std::string_view(id) == "divRplyFwdMsg" || std::string_view(id) == "appendonsend"))
      return true;
  }
  return false;
}

struct ListState {
  bool ordered = false;
  int next = 1;
};

struct Frame {
  const GumboNode* node;
  unsigned next_child = 0;
  bool entered = false;
  size_t link_text_start = 0;  // for <a>: where its text began in `link_text`
  bool quoted = false;         // this element raised the quote depth
};

}  // namespace

namespace internal {

Result<std::string> DocToText(const GumboDoc& doc, const Deadline& deadline) {
  if (!doc) return Fail(ErrorCode::kInternal, "HTML parser failed");
  LineWriter w;
  std::vector<Frame> stack;
  std::vector<ListState> lists;
  int quote_depth = 0;
  int pre_depth = 0;
  int cell_index = 0;
  std::string link_text;  // visible text of open links, to compare with the href
  int link_depth = 0;
  int counter = 0;
  stack.push_back(Frame{doc->root});
  while (!stack.empty()) {
    if (++counter % internal::kDeadlineStride == 0 && deadline.Expired())
      return Fail(ErrorCode::kTimeout, "deadline passed while converting HTML to text");
    Frame& f = stack.back();
    const GumboNode* node = f.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      std::string_view text = node->v.text.text;
      if (pre_depth > 0) w.Pre(text); else w.Text(text);
      if (link_depth > 0) link_text += text;
      stack.pop_back();
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
      stack.pop_back();
      continue;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    GumboTag tag = node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
    if (!f.entered) {
      f.entered = true;
      if (node->type == GUMBO_NODE_ELEMENT) {
        if (IsSkipped(tag)) { stack.pop_back(); continue; }
        if (int b = BlockBreaks(tag)) w.Break(b);
        if (IsQuote(node) && quote_depth < 8) {
          f.quoted = true;
          ++quote_depth;
          w.SetQuoteDepth(quote_depth);
          w.Break(1);
        }
        switch (tag) {
          case GUMBO_TAG_BR: w.LineBreak(); break;
          case GUMBO_TAG_HR: w.Raw("----"); w.Break(1); break;
          case GUMBO_TAG_PRE: ++pre_depth; break;
          case GUMBO_TAG_UL: lists.push_back({false, 1}); break;
          case GUMBO_TAG_OL: {
            ListState s{true, 1};
            if (const char* start = Attr(node, "start")) s.next = std::atoi(start);
            lists.push_back(s);
            break;
          }
          case GUMBO_TAG_LI: {
            std::string marker(lists.size() > 1 ? (lists.size() - 1) * 2 : 0, ' ');
            if (!lists.empty() && lists.back().ordered) {
              marker += std::to_string(lists.back().next++) + ". ";
            } else {
              marker += "- ";
            }
            w.Raw(marker);
            break;
          }
          case GUMBO_TAG_TR: cell_index = 0; break;
          case GUMBO_TAG_TD: case GUMBO_TAG_TH:
            if (cell_index++ > 0 && !w.AtLineStart()) w.Raw(" | ");
            break;
          case GUMBO_TAG_A:
            f.link_text_start = link_text.size();
            ++link_depth;
            break;
          case GUMBO_TAG_IMG: {
            const char* alt = Attr(node, "alt");
            if (alt && !Trim(alt).empty()) {
              w.Text(" ");
              w.Text(alt);
              w.Text(" ");
            }
            break;
          }
          default: break;
        }
      }
    }
    if (f.next_child < children.length) {
      const GumboNode* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
      stack.push_back(Frame{child});
      continue;
    }
    // Leaving the element.
    if (node->type == GUMBO_NODE_ELEMENT) {
      switch (tag) {
        case GUMBO_TAG_PRE: --pre_depth; break;
        case GUMBO_TAG_UL: case GUMBO_TAG_OL: if (!lists.empty()) lists.pop_back(); break;
        case GUMBO_TAG_A: {
          --link_depth;
          std::string shown(Trim(CollapseSpace(std::string_view(link_text).substr(f.link_text_start))));
          link_text.resize(f.link_text_start);
          const char* href = Attr(node, "href");
          if (href) {
            std::string url(Trim(href));
            std::string lower = AsciiLower(url);
            bool useful = !url.empty() && url[0] != '#' && !lower.starts_with("javascript:") &&
                          !lower.starts_with("vbscript:") && !lower.starts_with("data:");
            std::string bare = lower.starts_with("mailto:") ? url.substr(7) : url;
            if (useful && shown != url && shown != bare && url.size() < 2048) {
              if (shown.empty()) w.Text(bare); else { w.Text(" ("); w.Raw(bare); w.Raw(")"); }
            }
          }
          break;
        }
        default: break;
      }
      if (int b = BlockBreaks(tag)) w.Break(b);
      if (f.quoted) {
        w.Break(1);
        --quote_depth;
        w.SetQuoteDepth(quote_depth);
      }
    }
    stack.pop_back();
  }
  std::string text = w.Finish();
  if (!internal::IsValidUtf8Fast(text)) text = SanitizeUtf8(text);
  return text;
}

}  // namespace internal

Result<std::string> HtmlToText(std::string_view html, const Deadline& deadline) {
  return internal::DocToText(internal::ParseHtml(html), deadline);
}

}  // namespace svar::mail
