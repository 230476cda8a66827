// GMime plumbing: per-thread parser options, parsing from memory, decoding part content, and
// the one part-numbering walk that ParseMessage and ExtractPart share.
#include <mutex>

#include "core/text.h"
#include "mail/internal.h"
#include "mail/parse.h"

namespace svar::mail {

void InitMail() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

namespace internal {
namespace {

// Fallback charsets for raw 8-bit headers GMime decodes itself (parameters, filenames).
// Headers we read go through our own detection (see headers.cc).
const char* kFallbackCharsets[] = {"utf-8", "windows-1252", nullptr};

void OnParserWarning(gint64 /*offset*/, GMimeParserWarning code, const gchar* item,
                     gpointer /*user_data*/) {
  std::vector<std::string>* sink = WarningSink();
  if (!sink) return;
  const char* what = nullptr;
  switch (code) {
    case GMIME_WARN_INVALID_CONTENT_TYPE: what = "invalid content type"; break;
    case GMIME_WARN_MALFORMED_MULTIPART: what = "malformed multipart (no parts)"; break;
    case GMIME_WARN_TRUNCATED_MESSAGE: what = "message is truncated"; break;
    case GMIME_WARN_MALFORMED_MESSAGE: what = "message is malformed"; break;
    case GMIME_WARN_PART_WITHOUT_CONTENT: what = "MIME part without content"; break;
    default: return;  // header-level noise (duplicates, 8-bit) is not worth an agent's time
  }
  std::string w = what;
  if (item && *item) w += std::string(" (") + SanitizeUtf8(TruncateUtf8(item, 80)) + ")";
  for (const auto& existing : *sink)
    if (existing == w) return;
  if (sink->size() < 20) sink->push_back(std::move(w));
}

struct ThreadOptions {
  GMimeParserOptions* options = nullptr;
  ~ThreadOptions() {
    if (options) g_mime_parser_options_free(options);
  }
};

}  // namespace

GMimeParserOptions* ThreadParserOptions() {
  thread_local ThreadOptions holder;
  if (!holder.options) {
    InitMail();
    holder.options = g_mime_parser_options_new();
    g_mime_parser_options_set_fallback_charsets(holder.options, kFallbackCharsets);
    g_mime_parser_options_set_rfc2047_compliance_mode(holder.options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(holder.options,
                                                        GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(holder.options,
                                                      GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_warning_callback(holder.options, OnParserWarning, nullptr);
  }
  return holder.options;
}

std::vector<std::string>*& WarningSink() {
  thread_local std::vector<std::string>* sink = nullptr;
  return sink;
}

std::string_view SkipMboxFromLine(std::string_view raw) {
  if (raw.starts_with("From ")) {
    size_t nl = raw.find('\n');
    return nl == std::string_view::npos ? std::string_view() : raw.substr(nl + 1);
  }
  return raw;
}

GPtr<GMimeMessage> ParseGMimeMessage(std::string_view raw) {
  GMimeParserOptions* options = ThreadParserOptions();
  // The stream copies the bytes; GMime needs them for the whole life of the message. With a
  // persistent stream part contents are windows on it instead of copies of their own.
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  g_mime_parser_set_persist_stream(parser.get(), TRUE);
  return GPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options));
}

namespace {
std::string StreamBytes(GMimeStream* mem) {
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
  if (!array || array->len == 0) return {};
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}
}  // namespace

std::string DecodedContent(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  GPtr<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  return StreamBytes(mem.get());
}

int64_t DecodedSize(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return 0;
  GPtr<GMimeStream> null_stream(g_mime_stream_null_new());
  g_mime_data_wrapper_write_to_stream(content, null_stream.get());
  return static_cast<int64_t>(GMIME_STREAM_NULL(null_stream.get())->written);
}

std::string SerialiseMessage(GMimeMessage* message) {
  GPtr<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(GMIME_OBJECT(message), nullptr, mem.get());
  return StreamBytes(mem.get());
}

std::string MimeType(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (!type) return "text/plain";
  const char* media = g_mime_content_type_get_media_type(type);
  const char* sub = g_mime_content_type_get_media_subtype(type);
  std::string out = AsciiLower(media ? media : "text");
  out += '/';
  out += AsciiLower(sub ? sub : "plain");
  return out;
}

namespace {

std::string Join(const std::string& prefix, int index) {
  return prefix.empty() ? std::to_string(index) : prefix + "." + std::to_string(index);
}

struct Walker {
  int max_depth;
  const std::function<WalkControl(const PartVisit&)>& visit;
  bool stopped = false;

  void Body(GMimeObject* body, const std::string& prefix, GMimeObject* parent, int depth) {
    if (!body || stopped) return;
    if (GMIME_IS_MULTIPART(body)) {
      Children(body, prefix, parent, depth);
    } else {
      Entity(body, Join(prefix, 1), parent, depth);
    }
  }

  void Children(GMimeObject* multipart, const std::string& path, GMimeObject* parent,
                int depth) {
    WalkControl c = visit(PartVisit{multipart, parent, path, depth});
    if (c == WalkControl::kStop) { stopped = true; return; }
    if (c == WalkControl::kSkipChildren || depth >= max_depth) return;
    int n = g_mime_multipart_get_count(GMIME_MULTIPART(multipart));
    for (int i = 0; i < n && !stopped; ++i) {
      Entity(g_mime_multipart_get_part(GMIME_MULTIPART(multipart), i), Join(path, i + 1),
             multipart, depth + 1);
    }
  }

  void Entity(GMimeObject* object, const std::string& path, GMimeObject* parent, int depth) {
    if (!object || stopped) return;
    if (GMIME_IS_MULTIPART(object)) {
      Children(object, path, parent, depth);
      return;
    }
    WalkControl c = visit(PartVisit{object, parent, path, depth});
    if (c == WalkControl::kStop) { stopped = true; return; }
    if (c == WalkControl::kSkipChildren || depth >= max_depth) return;
    if (GMIME_IS_MESSAGE_PART(object)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
      if (inner) Body(g_mime_message_get_mime_part(inner), path, object, depth + 1);
    }
  }
};

}  // namespace

void WalkParts(GMimeObject* root, int max_depth,
               const std::function<WalkControl(const PartVisit&)>& visit) {
  Walker walker{max_depth, visit};
  walker.Body(root, "", nullptr, 0);
}

GMimeObject* FindPart(GMimeMessage* message, std::string_view path) {
  GMimeObject* found = nullptr;
  WalkParts(g_mime_message_get_mime_part(message), 64, [&](const PartVisit& v) {
    if (!GMIME_IS_MULTIPART(v.object) && v.path == path) {
      found = v.object;
      return WalkControl::kStop;
    }
    return WalkControl::kContinue;
  });
  return found;
}

}  // namespace internal
}  // namespace svar::mail
