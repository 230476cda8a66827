#include "web/acknowledgement_texts_handler.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "replies/acknowledgement_texts.h"
#include "web/errors.h"
#include "web/json_body.h"
#include "web/json_dump.h"

namespace svar::web {
namespace {

using nlohmann::json;

Result<std::string> LanguageOf(const Request& request) {
  const std::string& lang = request.Param("lang");
  for (const auto& l : replies::AckLanguages())
    if (EqualsIgnoreCase(l, lang)) return l;
  return Fail(ErrorCode::kNotFound, "no acknowledgement texts for \"" + lang +
                                        "\"; languages: da, sv, nb, ru, zh, zh-Hant, en");
}

Response TextResponse(WebContext& context, const std::string& lang) {
  replies::AckTextStore store(context.db);
  bool custom = false;
  auto text = store.Get(lang, &custom);
  if (!text) return ErrorResponse(text.error());
  replies::AckText builtin = replies::DefaultAckText(lang);
  json out = {{"language", lang},
              {"subject", text->subject},
              {"body", text->body},
              {"custom", custom},
              {"default", {{"subject", builtin.subject}, {"body", builtin.body}}},
              {"placeholders", {"ref", "promise", "links", "name", "subject", "desk"}}};
  return JsonResponse(200, DumpJson(out));
}

}  // namespace

Response HandleGetAckText(WebContext& context, const Request& request) {
  auto lang = LanguageOf(request);
  if (!lang) return ErrorResponse(lang.error());
  return TextResponse(context, *lang);
}

Response HandlePutAckText(WebContext& context, const Request& request) {
  auto lang = LanguageOf(request);
  if (!lang) return ErrorResponse(lang.error());
  auto body = ParseJsonObject(request);
  if (!body) return ErrorResponse(body.error());
  auto subject = StringField(*body, "subject");
  if (!subject) return ErrorResponse(subject.error());
  auto text = StringField(*body, "body");
  if (!text) return ErrorResponse(text.error());
  replies::AckTextStore store(context.db);
  if (auto st = store.Put(*lang, {*subject, *text}, request.actor, context.Now().NowSeconds());
      !st)
    return ErrorResponse(st.error());
  return TextResponse(context, *lang);
}

Response HandleDeleteAckText(WebContext& context, const Request& request) {
  auto lang = LanguageOf(request);
  if (!lang) return ErrorResponse(lang.error());
  replies::AckTextStore store(context.db);
  if (auto st = store.Reset(*lang); !st) return ErrorResponse(st.error());
  return TextResponse(context, *lang);
}

}  // namespace svar::web
