// ExtractPart: the same walk as ParseMessage, stopping at one part number.
#include "core/text.h"
#include "mail/internal.h"
#include "mail/parse.h"

namespace svar::mail {

using namespace internal;

Result<PartContent> ExtractPart(std::string_view raw, std::string_view part_path) {
  InitMail();
  GPtr<GMimeMessage> message = ParseGMimeMessage(SkipMboxFromLine(raw));
  if (!message) return Fail(ErrorCode::kParse, "not a mail message: cannot extract a part");
  GMimeObject* object = FindPart(message.get(), part_path);
  if (!object)
    return Fail(ErrorCode::kNotFound, "no MIME part " + std::string(part_path) + " in message");
  PartContent content;
  content.content_type = MimeType(object);
  if (GMIME_IS_MESSAGE_PART(object)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
    if (inner) content.bytes = SerialiseMessage(inner);
    const char* fn = g_mime_object_get_content_disposition_parameter(object, "filename");
    if (fn) content.filename = SanitizeUtf8(fn);
    return content;
  }
  if (!GMIME_IS_PART(object))
    return Fail(ErrorCode::kNotFound, "MIME part " + std::string(part_path) + " has no content");
  const char* fn = g_mime_part_get_filename(GMIME_PART(object));
  if (fn) content.filename = SanitizeUtf8(fn);
  content.bytes = DecodedContent(GMIME_PART(object));
  return content;
}

}  // namespace svar::mail
