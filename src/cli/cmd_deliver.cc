// `svar deliver`: one message on stdin, for an MTA pipe (Postfix `mailbox_command`, procmail,
// fetchmail's --mda). Exit 0 when the message is safely stored (in a ticket, or quarantined
// with its bytes), 75 (EX_TEMPFAIL) when it could not be stored now so the MTA keeps it and
// retries, 65 (EX_DATAERR) for empty input.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/ack_service.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "core/clock.h"
#include "intake/pipeline.h"

namespace svar::cli {
namespace {

Result<std::string> ReadStdin() {
  std::string data;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(0, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return Fail(ErrorCode::kIo, std::string("reading stdin failed: ") + std::strerror(errno));
    }
    data.append(buf, static_cast<size_t>(n));
  }
  return data;
}

Result<std::optional<int64_t>> MailboxId(storage::Database& db, const std::string& name) {
  if (name.empty()) return std::optional<int64_t>();
  SVAR_TRY(db.Exec("INSERT INTO mailboxes(name, created_at) VALUES (?, ?) ON CONFLICT(name) DO "
                   "NOTHING",
                   {name, SystemClock::Instance().NowSeconds()}));
  SVAR_ASSIGN(auto r, db.QueryOne("SELECT id FROM mailboxes WHERE name = ?", {name}));
  return r ? std::optional<int64_t>(r->Int(0)) : std::nullopt;
}

}  // namespace

int RunDeliver(const GlobalOptions& g, const DeliverOptions& o) {
  auto raw = ReadStdin();
  if (!raw) {
    std::fprintf(stderr, "svar deliver: %s\n", raw.error().message.c_str());
    return kExitTempFail;
  }
  if (raw->empty()) {
    std::fprintf(stderr, "svar deliver: no message on stdin; pipe one RFC 5322 message in\n");
    return kExitDataErr;
  }
  auto ctx = OpenContext(g);
  if (!ctx) {
    int code = Report(ctx.error());
    // Anything but a configuration mistake is worth a retry by the MTA.
    return code == kExitUsage ? kExitConfig : kExitTempFail;
  }
  auto mailbox = MailboxId(*ctx->db, o.mailbox);
  if (!mailbox) {
    Report(mailbox.error());
    return kExitTempFail;
  }
  intake::Pipeline pipeline(*ctx->db, ctx->config, SystemClock::Instance());
  auto outcome = pipeline.Take(*raw, "deliver", *mailbox);
  if (!outcome) {
    std::fprintf(stderr, "svar deliver: not stored, the MTA should retry: %s\n",
                 outcome.error().message.c_str());
    return kExitTempFail;
  }
  switch (outcome->kind) {
    case intake::OutcomeKind::kStored:
      std::fprintf(stderr, "svar deliver: stored in %s%s\n", outcome->ticket_ref.c_str(),
                   outcome->new_ticket ? " (new ticket)" : "");
      if (outcome->new_ticket) {
        // Right after the commit; a failure leaves the ticket pending for `svar serve`.
        AckService ack(ctx->config, pipeline);
        std::string line = ack.AfterCommit(*outcome);
        if (!line.empty()) std::fprintf(stderr, "svar deliver: %s\n", line.c_str());
      }
      break;
    case intake::OutcomeKind::kDuplicate:
      std::fprintf(stderr, "svar deliver: already taken in%s%s\n",
                   outcome->ticket_ref.empty() ? "" : " as part of ",
                   outcome->ticket_ref.c_str());
      break;
    case intake::OutcomeKind::kQuarantined:
      std::fprintf(stderr,
                   "svar deliver: kept in quarantine as entry %lld: %s (see `svar quarantine`)\n",
                   static_cast<long long>(outcome->raw_id), outcome->detail.c_str());
      break;
  }
  return kExitOk;
}

}  // namespace svar::cli
