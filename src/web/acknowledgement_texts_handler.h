// The acknowledgement texts an admin edits (replies/acknowledgement_texts.h; table ack_texts):
//   GET    /api/v1/acknowledgement/texts/{lang}  (admin)  {language, subject, body, custom,
//                                                          default {subject, body}, placeholders}
//   PUT    /api/v1/acknowledgement/texts/{lang}  (admin)  body {subject, body}; placeholders are
//                                                          checked: 400 naming an unknown one, a
//                                                          missing {ref} or {promise}, an
//                                                          unclosed brace
//   DELETE /api/v1/acknowledgement/texts/{lang}  (admin)  back to the built-in text
// {lang} is da, sv, nb, ru, zh, zh-Hant or en (any case); anything else is 404. A saved text
// is used by the next acknowledgement (it is read from the database each time).
#pragma once

#include "web/request.h"
#include "web/response.h"
#include "web/web_context.h"

namespace svar::web {

Response HandleGetAckText(WebContext& context, const Request& request);
Response HandlePutAckText(WebContext& context, const Request& request);
Response HandleDeleteAckText(WebContext& context, const Request& request);

}  // namespace svar::web
