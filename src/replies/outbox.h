// Outbox: the persistent queue every outgoing mail goes through (schema v5, table `outbox`).
//
// Enqueue builds the MIME message (mime_builder.h) and, in ONE transaction:
//   - stores it in the ticket's thread as an outgoing message, by running the bytes through
//     the intake pipeline (intake/pipeline.h) exactly as a copy of the desk's own mail would
//     be taken in: raw spool entry, `messages` row (direction "out"), its Message-ID and
//     `message_refs`, attachments metadata. So a customer's reply with In-Reply-To (or the
//     subject tag) threads back into the same ticket. The pipeline must put the message in
//     the intended ticket, or Enqueue fails and nothing is written;
//   - inserts the `outbox` row (state queued, due now) with the same bytes;
//   - for a reply or forward: records the ticket event "agent_reply" (actor = author), sets
//     tickets.first_response_at when it was empty, and lets routing recompute the SLA due
//     times (routing/desk_routing.h). Acknowledgements and notifications are not responses.
// Nothing is sent here: the worker (outbox_worker.h) sends.
//
// Headers the desk puts on every mail (see docs/outbox.md):
//   From / Reply-To   the address of the ticket's mailbox ([[mailbox]].address), else the first
//                     [desk].addresses entry; From shows [desk].name
//   Message-ID        <random@desk-domain>, desk-domain = domain of [desk].addresses[0]
//   In-Reply-To       the customer's latest message in the ticket (else the latest message)
//   References        that message's chain plus its Message-ID, at most 20 ids
//   Subject           "Re: <ticket subject>" (or the caller's subject) with "[#SV-1042]"
//
// States of a row:  queued -> sending -> sent
//                          \-> queued (transient failure, next_attempt_at = back-off)
//                          \-> failed (permanent failure or max_attempts; ticket note)
//                   failed -> queued by Retry (svar outbox retry ID)
//                   sending -> queued by RequeueInterrupted (a worker died mid-send)
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "intake/pipeline.h"
#include "replies/mime_builder.h"
#include "routing/desk_routing.h"
#include "storage/database.h"

namespace svar::replies {

enum class MailKind { kReply, kAcknowledgement, kForward, kNotification };
std::string_view MailKindName(MailKind kind);  // "reply", "acknowledgement", ...
std::optional<MailKind> ParseMailKind(std::string_view name);

inline constexpr const char* kStateQueued = "queued";
inline constexpr const char* kStateSending = "sending";
inline constexpr const char* kStateSent = "sent";
inline constexpr const char* kStateFailed = "failed";

// What a caller (CLI, API, acknowledgement) asks to send.
struct OutgoingMail {
  int64_t ticket_id = 0;  // the ticket (a merged ticket resolves to the live one)
  MailKind kind = MailKind::kReply;
  std::string author;  // agent's email, or "system" for automatic mail
  std::string text;    // UTF-8 plain text (required)
  std::string html;    // optional HTML alternative
  std::vector<MailAttachment> attachments;
  std::vector<MailAddress> to;  // empty: the ticket's customer
  std::vector<MailAddress> cc;
  std::string subject;           // empty: "Re: " + the ticket's subject; the tag is added
  std::string content_language;  // e.g. "da"; empty: no Content-Language header
  // Extra headers, e.g. {"Auto-Submitted", "auto-replied"}, {"X-Auto-Response-Suppress",
  // "All"} for an acknowledgement.
  std::vector<std::pair<std::string, std::string>> extra_headers;
};

struct Enqueued {
  int64_t outbox_id = 0;
  int64_t message_row_id = 0;  // the outgoing message in the ticket's thread
  int64_t ticket_id = 0;
  std::string ticket_ref;  // "SV-1042"
  std::string message_id;  // without <>
};

// One row of the outbox (without the MIME bytes unless asked for).
struct OutboxRow {
  int64_t id = 0;
  int64_t ticket_id = 0;
  std::string ticket_ref;
  std::optional<int64_t> message_row_id;
  std::string kind;
  std::string message_id;
  std::string envelope_from;
  std::vector<std::string> recipients;
  std::string state;
  int64_t attempts = 0;
  int64_t next_attempt_at = 0;
  std::string last_error;
  int64_t created_at = 0;
  std::optional<int64_t> sent_at;
  std::string author;
  std::string mime;  // only filled by Find(id, /*with_mime=*/true)
};

struct OutboxQuery {
  std::string state;  // "" = every state
  std::optional<int64_t> ticket_id;
  int64_t limit = 100;  // newest first
};

class Outbox {
 public:
  // `pipeline` stores the outgoing copy in the thread; it must use the same database.
  Outbox(intake::Pipeline& pipeline, const Config& config, const Clock& clock);

  Result<Enqueued> Enqueue(const OutgoingMail& mail);

  // In `svar serve`: SLA due times after a reply follow the SLA policies an admin changes at
  // run time (routing/live_desk.h; not owned, outlives the outbox).
  void UseLiveDesk(const routing::LiveDesk* live) { live_ = live; }

  Result<std::vector<OutboxRow>> List(const OutboxQuery& query);
  Result<std::optional<OutboxRow>> Find(int64_t id, bool with_mime = false);
  // failed (or queued) -> queued, due now, attempts back to 0. kNotFound for an unknown id,
  // kConflict for a row that is sent or being sent.
  Status Retry(int64_t id);
  // Counts by state ({"queued", 3}, ...), for health checks and `svar outbox`.
  Result<std::vector<std::pair<std::string, int64_t>>> CountByState();

 private:
  Result<MimeMessage> Compose(const OutgoingMail& mail, int64_t ticket_id, int64_t now);

  intake::Pipeline& pipeline_;
  storage::Database& db_;
  const Config& config_;
  const Clock& clock_;
  std::shared_ptr<const routing::DeskRouting> routing_;  // null when routing is not configured
  const routing::LiveDesk* live_ = nullptr;
};

// The desk's sending address for a ticket: its mailbox's address, else desk.addresses[0].
// kInvalidArgument when the desk has no address at all.
Result<std::string> DeskAddressFor(storage::Database& db, const Config& config, int64_t ticket_id);

// "Re: [#SV-1042] Lost card" from the ticket's subject: adds "Re: " unless the subject
// already starts with a reply prefix, and the tag unless the subject already carries this
// ticket's reference.
std::string ReplySubject(std::string_view ref_prefix, int64_t number, std::string_view subject,
                         bool add_re = true);

}  // namespace svar::replies
