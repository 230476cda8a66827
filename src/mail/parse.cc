// ParseMessage: one walk over the MIME tree collects body segments, attachments and the
// pieces of a delivery report; then the body is assembled, converted and split.
//
// Body rules:
//  - text/plain and text/html parts that are not attachments are body segments. Within a
//    multipart/alternative the text comes from text/plain and the HTML from text/html; a
//    group with HTML only gets its text from the HTML conversion.
//  - An inline message/rfc822 part (a forwarded message, not an attachment, not inside a
//    multipart/report) adds a "---------- Forwarded message ----------" block with its From,
//    Date, Subject and To, followed by its own body; its attachments are listed too.
//  - An attached message/rfc822 (disposition attachment, or the returned mail of a report) is
//    an attachment "<subject>.eml" and is not walked further.
#include <map>

#include "core/text.h"
#include "mail/bounce_report.h"
#include "mail/charset.h"
#include "mail/gumbo_util.h"
#include "mail/headers.h"
#include "mail/html.h"
#include "mail/internal.h"
#include "mail/parse.h"
#include "mail/quote_split.h"

namespace svar::mail {
namespace {

using namespace internal;

enum class SegmentKind { kPlain, kHtml, kMarker };

struct Segment {
  int group = 0;
  SegmentKind kind = SegmentKind::kPlain;
  std::string utf8;
};

// Restores the thread's warning sink when a parse ends.
class WarningScope {
 public:
  explicit WarningScope(std::vector<std::string>* sink) : saved_(WarningSink()) {
    WarningSink() = sink;
  }
  ~WarningScope() { WarningSink() = saved_; }

 private:
  std::vector<std::string>* saved_;
};

std::string Lower(const char* s) { return s ? AsciiLower(s) : std::string(); }

std::string ExtensionFor(std::string_view type) {
  static const std::map<std::string_view, std::string_view> kExt = {
      {"image/png", ".png"},        {"image/jpeg", ".jpg"},    {"image/gif", ".gif"},
      {"image/webp", ".webp"},      {"application/pdf", ".pdf"}, {"text/plain", ".txt"},
      {"text/html", ".html"},       {"message/rfc822", ".eml"}, {"text/calendar", ".ics"},
      {"application/zip", ".zip"},  {"text/csv", ".csv"}};
  auto it = kExt.find(type);
  return std::string(it == kExt.end() ? ".bin" : it->second);
}

// Declared charset of an HTML part, falling back to a <meta charset> in its first bytes.
std::string HtmlMetaCharset(std::string_view html) {
  std::string head = AsciiLower(html.substr(0, 2048));
  size_t p = head.find("charset=");
  if (p == std::string::npos) return {};
  p += 8;
  while (p < head.size() && (head[p] == '"' || head[p] == '\'' || head[p] == ' ')) ++p;
  size_t e = head.find_first_of("\"'; />", p);
  return head.substr(p, e == std::string::npos ? std::string::npos : e - p);
}

std::string ForwardBlock(GMimeMessage* inner, std::string_view hint) {
  std::string block = "---------- Forwarded message ----------\n";
  GMimeHeaderList* list = g_mime_object_get_header_list(GMIME_OBJECT(inner));
  for (std::string_view want : {"From", "Date", "Subject", "To"}) {
    GMimeHeader* header = list ? g_mime_header_list_get_header(list, std::string(want).c_str())
                               : nullptr;
    const char* raw = header ? g_mime_header_get_raw_value(header) : nullptr;
    if (!raw) continue;
    block += want;
    block += ": ";
    block += DecodeHeaderValue(raw, hint);
    block += '\n';
  }
  return block;
}

class MessageWalk {
 public:
  MessageWalk(const ParseOptions& options, ParsedMessage* out) : options_(options), out_(out) {}

  // False when the deadline passed.
  bool Run(GMimeMessage* message) {
    WalkParts(g_mime_message_get_mime_part(message), options_.max_depth,
              [this](const PartVisit& v) { return Visit(v); });
    return !timed_out_;
  }

  std::vector<Segment>& segments() { return segments_; }
  const std::string& hint_charset() const { return hint_charset_; }
  bool is_report() const { return is_report_; }

 private:
  WalkControl Visit(const PartVisit& v) {
    if (options_.deadline.Expired()) {
      timed_out_ = true;
      return WalkControl::kStop;
    }
    if (++parts_ > options_.max_parts) {
      out_->warnings.push_back("more than " + std::to_string(options_.max_parts) +
                               " MIME parts; the rest were skipped");
      return WalkControl::kStop;
    }
    if (v.depth >= options_.max_depth && !depth_warned_) {
      depth_warned_ = true;
      out_->warnings.push_back("MIME nesting deeper than " + std::to_string(options_.max_depth) +
                               "; deeper parts were skipped");
    }
    std::string type = MimeType(v.object);
    if (GMIME_IS_MULTIPART(v.object)) {
      int group = -1;
      if (type == "multipart/alternative") {
        group = next_group_++;
      } else if (auto it = group_of_.find(v.parent); v.parent && it != group_of_.end()) {
        group = it->second;
      }
      group_of_[v.object] = group;
      if (type == "multipart/report") {
        GMimeContentType* ct = g_mime_object_get_content_type(v.object);
        const char* rt = ct ? g_mime_content_type_get_parameter(ct, "report-type") : nullptr;
        if (rt && Lower(rt).find("delivery-status") != std::string::npos) is_report_ = true;
      }
      return WalkControl::kContinue;
    }
    bool in_report = v.parent && MimeType(v.parent) == "multipart/report";
    std::string disposition = Lower(g_mime_object_get_disposition(v.object));
    if (GMIME_IS_MESSAGE_PART(v.object)) return VisitMessagePart(v, in_report, disposition);
    if (!GMIME_IS_PART(v.object)) return WalkControl::kContinue;
    GMimePart* part = GMIME_PART(v.object);

    if (type == "message/delivery-status" || type == "message/global-delivery-status") {
      ParseDeliveryStatus(DecodedContent(part), &out_->bounce);
      return WalkControl::kContinue;
    }
    if (type == "text/rfc822-headers" || type == "message/global-headers") {
      for (auto& id : FindMessageIdLines(DecodedContent(part))) original_ids_.push_back(id);
      AddAttachment(v, part, type, disposition);
      return WalkControl::kContinue;
    }
    const char* filename = g_mime_part_get_filename(part);
    bool is_text_body = (type == "text/plain" || type == "text/html") &&
                        disposition != "attachment" &&
                        !(filename && *filename && !segments_.empty());
    if (is_text_body) {
      AddBody(v, part, type == "text/html");
    } else {
      AddAttachment(v, part, type, disposition);
    }
    return WalkControl::kContinue;
  }

  WalkControl VisitMessagePart(const PartVisit& v, bool in_report, const std::string& disp) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(v.object));
    if (in_report) {
      if (inner) {
        const char* id = g_mime_message_get_message_id(inner);
        if (id && *id) original_ids_.push_back(SanitizeUtf8(id));
      }
    }
    if (in_report || disp == "attachment" || !inner) {
      AttachmentInfo info;
      std::string subject;
      if (inner) {
        const char* s = g_mime_message_get_subject(inner);
        if (s) subject = SanitizeUtf8(Trim(s));
      }
      for (char& c : subject)
        if (c == '/' || c == '\\' || c == ':' || static_cast<unsigned char>(c) < 32) c = '_';
      const char* fn = g_mime_object_get_content_disposition_parameter(v.object, "filename");
      info.filename = fn && *fn ? SanitizeUtf8(fn)
                                : (subject.empty() ? "message-" + v.path : subject) + ".eml";
      info.content_type = MimeType(v.object);
      info.size = inner ? static_cast<int64_t>(SerialiseMessage(inner).size()) : 0;
      info.disposition = "attachment";
      info.part_path = v.path;
      out_->attachments.push_back(std::move(info));
      return WalkControl::kSkipChildren;
    }
    segments_.push_back(Segment{next_group_++, SegmentKind::kMarker,
                                ForwardBlock(inner, hint_charset_)});
    return WalkControl::kContinue;
  }

  void AddBody(const PartVisit& v, GMimePart* part, bool html) {
    std::string bytes = DecodedContent(part);
    const char* declared_c = g_mime_object_get_content_type_parameter(v.object, "charset");
    std::string declared = declared_c ? declared_c : "";
    if (declared.empty() && html) declared = HtmlMetaCharset(bytes);
    Converted c = ConvertToUtf8(bytes, declared);
    if (!c.warning.empty()) out_->warnings.push_back(c.warning + " in part " + v.path);
    if (hint_charset_.empty() && c.charset != "us-ascii") hint_charset_ = c.charset;
    int group = -1;
    if (auto it = group_of_.find(v.parent); v.parent && it != group_of_.end()) group = it->second;
    if (group < 0) group = next_group_++;
    segments_.push_back(Segment{group, html ? SegmentKind::kHtml : SegmentKind::kPlain,
                                std::move(c.utf8)});
  }

  void AddAttachment(const PartVisit& v, GMimePart* part, const std::string& type,
                     const std::string& disposition) {
    AttachmentInfo info;
    const char* filename = g_mime_part_get_filename(part);
    if (filename && *filename) {
      info.filename = SanitizeUtf8(Trim(filename));
      if (info.filename.find("=?") != std::string::npos)  // RFC 2047 inside a quoted name
        info.filename = DecodeHeaderValue(info.filename, hint_charset_);
    }
    if (info.filename.empty()) info.filename = "part-" + v.path + ExtensionFor(type);
    info.content_type = type;
    info.size = DecodedSize(part);
    const char* cid = g_mime_object_get_content_id(v.object);
    if (cid && *cid) info.content_id = SanitizeUtf8(cid);
    info.disposition = disposition == "inline" || (disposition.empty() && !info.content_id.empty())
                           ? "inline"
                           : "attachment";
    info.part_path = v.path;
    out_->attachments.push_back(std::move(info));
  }

 public:
  std::vector<std::string> original_ids_;

 private:
  const ParseOptions& options_;
  ParsedMessage* out_;
  std::vector<Segment> segments_;
  std::map<GMimeObject*, int> group_of_;
  std::string hint_charset_;
  int next_group_ = 0;
  int64_t parts_ = 0;
  bool timed_out_ = false;
  bool depth_warned_ = false;
  bool is_report_ = false;
};

void AppendBlock(std::string* to, std::string_view block) {
  if (Trim(block).empty()) return;
  if (!to->empty()) {
    while (!to->empty() && to->back() == '\n') to->pop_back();
    *to += "\n\n";
  }
  *to += block;
}

// Text and HTML from the segments, group by group.
Status Assemble(std::vector<Segment>& segments, const Deadline& deadline, ParsedMessage* out) {
  struct Group {
    std::string plain, html;
  };
  std::vector<Group> groups;
  int html_groups = 0;
  for (size_t i = 0; i < segments.size();) {
    size_t j = i;
    while (j < segments.size() && segments[j].group == segments[i].group) ++j;
    Group& g = groups.emplace_back();
    for (size_t k = i; k < j; ++k) {  // segments are not needed afterwards: move when we can
      std::string& utf8 = segments[k].utf8;
      if (segments[k].kind == SegmentKind::kHtml) {
        if (g.html.empty()) g.html = std::move(utf8);
        else g.html += utf8;
      } else if (g.plain.empty() && !Trim(utf8).empty()) {
        g.plain = std::move(utf8);
      } else {
        AppendBlock(&g.plain, utf8);
      }
    }
    if (!g.html.empty()) ++html_groups;
    i = j;
  }
  // The usual case: one HTML body. Its text and its sanitised copy come from one parse (and
  // one guard scan); with several HTML groups the text is per group and the HTML is all of
  // them together, so each needs its own parse.
  const bool shared = html_groups == 1;
  bool shared_complex = false;
  internal::GumboDoc shared_doc;
  std::string text, html_raw;
  if (shared) {
    for (auto& g : groups) {
      if (g.html.empty()) continue;
      shared_complex = HtmlTooComplex(g.html);
      if (!shared_complex) shared_doc = internal::ParseHtml(g.html);
    }
  }
  for (auto& g : groups) {
    if (!g.plain.empty()) {
      AppendBlock(&text, g.plain);
    } else if (!g.html.empty() && (shared ? shared_complex : HtmlTooComplex(g.html))) {
      AppendBlock(&text, StripTags(g.html));
    } else if (!g.html.empty()) {
      auto converted = shared ? internal::DocToText(shared_doc, deadline)
                              : internal::DocToText(internal::ParseHtml(g.html), deadline);
      if (!converted) {
        if (converted.error().code == ErrorCode::kTimeout) return Fail(converted.error());
        out->warnings.push_back("HTML could not be converted to text");
      } else {
        AppendBlock(&text, *converted);
      }
    }
    if (!g.html.empty()) {
      if (html_raw.empty()) html_raw = std::move(g.html);
      else html_raw += g.html;
    }
  }
  // Normalise line ends once.
  std::string normalised;
  normalised.reserve(text.size());
  for (size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '\r') {
      if (k + 1 < text.size() && text[k + 1] == '\n') continue;
      normalised += '\n';
    } else if (text[k] != '\0') {
      normalised += text[k];
    }
  }
  SplitText split = SplitQuotes(normalised);
  out->text = std::move(split.text);
  out->quoted = std::move(split.quoted);
  out->signature = std::move(split.signature);
  if (!html_raw.empty() && (shared ? shared_complex : HtmlTooComplex(html_raw))) {
    out->warnings.push_back("HTML nested too deeply to display safely; shown as text only");
  } else if (!html_raw.empty()) {
    auto clean = shared ? internal::SanitizeDoc(shared_doc, html_raw.size(), deadline)
                        : SanitizeHtml(html_raw, deadline);
    if (!clean) {
      if (clean.error().code == ErrorCode::kTimeout) return Fail(clean.error());
      out->warnings.push_back("HTML could not be sanitised; not shown");
    } else {
      out->html = std::move(*clean);
    }
  }
  return Ok();
}

int CountHeaders(GMimeMessage* message) {
  int n = 0;
  for (GMimeObject* o : {GMIME_OBJECT(message), g_mime_message_get_mime_part(message)}) {
    GMimeHeaderList* list = o ? g_mime_object_get_header_list(o) : nullptr;
    if (list) n += g_mime_header_list_get_count(list);
  }
  return n;
}

// Broken but recognisable mail (a header block indented by one space, a blank first line):
// some line among the first twenty is a known header once leading space is dropped.
bool HasHeaderLikeLine(std::string_view input) {
  size_t pos = 0;
  for (int i = 0; i < 20 && pos < input.size(); ++i) {
    size_t nl = input.find('\n', pos);
    std::string_view line = Trim(input.substr(pos, nl == std::string_view::npos ? input.npos
                                                                               : nl - pos));
    pos = nl == std::string_view::npos ? input.size() : nl + 1;
    if (!line.empty() && LooksLikeMail(std::string(line) + "\n")) return true;
  }
  return false;
}

std::string UnindentHeaderBlock(std::string_view input) {
  std::string out;
  size_t pos = 0;
  bool in_header = true;
  while (pos < input.size()) {
    size_t nl = input.find('\n', pos);
    std::string_view line = input.substr(pos, nl == std::string_view::npos ? input.npos
                                                                          : nl + 1 - pos);
    pos = nl == std::string_view::npos ? input.size() : nl + 1;
    if (in_header) {
      std::string_view t = Trim(line);
      if (t.empty() && !out.empty()) in_header = false;
      else if (t.find(':') != std::string_view::npos) line = line.substr(line.find_first_not_of(" \t"));
    }
    out += line;
  }
  return out;
}

}  // namespace

Result<ParsedMessage> ParseMessage(std::string_view raw, const ParseOptions& options) {
  InitMail();
  std::string_view input = SkipMboxFromLine(raw);
  if (Trim(input).empty()) return Fail(ErrorCode::kParse, "empty input: not a mail message");
  if (options.deadline.Expired())
    return Fail(ErrorCode::kTimeout, "deadline passed before parsing started");
  ParsedMessage out;
  WarningScope scope(&out.warnings);
  GPtr<GMimeMessage> message = ParseGMimeMessage(input);
  if (!message && HasHeaderLikeLine(input)) {
    // A header block GMime rejects (indented first header, junk before it): drop the leading
    // white space of the header lines and try once more.
    std::string repaired = UnindentHeaderBlock(input);
    message = ParseGMimeMessage(repaired);
    if (message) out.warnings.push_back("header block repaired (indented or junk lines)");
  }
  if (!message) return Fail(ErrorCode::kParse, "not a mail message: GMime found no message");
  if (CountHeaders(message.get()) == 0 && !HasHeaderLikeLine(input))
    return Fail(ErrorCode::kParse, "not a mail message: no header block found");

  MessageWalk walk(options, &out);
  if (!walk.Run(message.get()))
    return Fail(ErrorCode::kTimeout, "deadline passed while walking MIME parts");
  FillHeaders(message.get(), walk.hint_charset(), &out);
  SVAR_TRY(Assemble(walk.segments(), options.deadline, &out));

  out.bounce.is_report = walk.is_report();
  for (auto& id : walk.original_ids_) {
    bool dup = false;
    for (const auto& have : out.bounce.original_message_ids) dup = dup || have == id;
    if (!dup) out.bounce.original_message_ids.push_back(id);
  }
  if (out.bounce.original_message_ids.empty() && (out.bounce.is_report || LooksLikeBounce(out))) {
    for (auto& id : FindMessageIdLines(out.text + out.quoted + out.signature))
      if (id != out.message_id) out.bounce.original_message_ids.push_back(id);
  }
  return out;
}

}  // namespace svar::mail
