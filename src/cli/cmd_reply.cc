// `svar reply REF --text FILE|- [--html FILE] [--author EMAIL] [--attach FILE]...`: queues a
// free-text reply to the customer of a ticket (replies/outbox.h). The mail is stored in the
// ticket's thread at once and sent by the outbox worker (`svar serve` or `svar outbox run`).
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/read_input.h"
#include "core/clock.h"
#include "core/text.h"
#include "intake/pipeline.h"
#include "replies/outbox.h"

namespace svar::cli {
namespace {

std::string ContentTypeOf(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".pdf", "application/pdf"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".txt", "text/plain"},
      {".csv", "text/csv"},
      {".html", "text/html"},
      {".zip", "application/zip"},
      {".json", "application/json"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
  std::string ext = AsciiLower(std::filesystem::path(path).extension().string());
  for (const auto& [e, t] : kTypes)
    if (ext == e) return t;
  return "application/octet-stream";
}

}  // namespace

int RunReply(const GlobalOptions& g, const ReplyOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  intake::Pipeline pipeline(*ctx->db, ctx->config, SystemClock::Instance());
  auto ticket = pipeline.tickets().FindByRef(o.ref);
  if (!ticket) return Report(ticket.error());
  if (!*ticket)
    return Report({ErrorCode::kNotFound, "ticket " + o.ref +
                                             " does not exist; `svar tickets` "
                                             "lists them"});
  replies::OutgoingMail mail;
  mail.ticket_id = (*ticket)->id;
  mail.author = o.author;
  auto text = ReadInput(o.text_file);
  if (!text) return Report(text.error());
  mail.text = std::move(*text);
  if (!o.html_file.empty()) {
    auto html = ReadInput(o.html_file);
    if (!html) return Report(html.error());
    mail.html = std::move(*html);
  }
  for (const auto& path : o.attachments) {
    auto bytes = ReadInput(path);
    if (!bytes) return Report(bytes.error());
    mail.attachments.push_back(
        {std::filesystem::path(path).filename().string(), ContentTypeOf(path), std::move(*bytes)});
  }
  replies::Outbox outbox(pipeline, ctx->config, SystemClock::Instance());
  auto e = outbox.Enqueue(mail);
  if (!e) return Report(e.error());
  if (o.json) {
    nlohmann::json j = {{"outbox_id", e->outbox_id},
                        {"ticket", e->ticket_ref},
                        {"message_id", e->message_id},
                        {"message", e->message_row_id}};
    std::printf("%s\n", j.dump().c_str());
  } else {
    std::printf("queued reply to %s: outbox %lld, Message-ID <%s>\n", e->ticket_ref.c_str(),
                static_cast<long long>(e->outbox_id), e->message_id.c_str());
  }
  return kExitOk;
}

}  // namespace svar::cli
