#include "web/attachments_handler.h"

#include <limits>

#include "mail/parse.h"
#include "web/download_headers.h"
#include "web/errors.h"
#include "web/query_params.h"

namespace svar::web {

Response HandleGetAttachment(WebContext& context, const Request& request) {
  auto id =
      ParseIntParam("attachment id", request.Param("id"), 1, std::numeric_limits<int64_t>::max());
  if (!id) return ErrorResponse(id.error());
  auto attachment = context.tickets.FindAttachment(*id);
  if (!attachment) return ErrorResponse(attachment.error());
  if (!*attachment) {
    return ErrorResponse(Error{ErrorCode::kNotFound, "no attachment " + std::to_string(*id)});
  }
  const tickets::Attachment& a = **attachment;
  auto raw_id = context.tickets.RawIdOfMessage(a.message_row_id);
  if (!raw_id) return ErrorResponse(raw_id.error());
  if (!*raw_id) {
    return ErrorResponse(Error{ErrorCode::kNotFound, "attachment " + std::to_string(*id) +
                                                         " has no stored original message"});
  }
  auto raw = context.spool.Load(**raw_id);
  if (!raw) return ErrorResponse(raw.error());
  auto part = mail::ExtractPart(*raw, a.part_path);
  if (!part) return ErrorResponse(part.error());

  Response r;
  r.status = 200;
  r.content_type = SafeDownloadType(a.content_type.empty() ? part->content_type : a.content_type);
  std::string filename = !a.filename.empty()       ? a.filename
                         : !part->filename.empty() ? part->filename
                                                   : "attachment-" + std::to_string(*id);
  r.SetHeader("Content-Disposition", AttachmentDisposition(filename));
  r.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  r.SetHeader("Cache-Control", "private, max-age=300");
  r.body = std::move(part->bytes);
  return r;
}

}  // namespace svar::web
