// The domain records of a desk as stored: customers, tickets, messages, attachments.
// Plain data; the TicketStore (ticket_store.h) reads and writes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace svar::tickets {

struct Customer {
  int64_t id = 0;
  std::string email;  // lowercased
  std::string name;
  int64_t created_at = 0;
};

// Ticket states. Intake creates tickets as "new"; later issues add the agent workflow.
inline constexpr const char* kStatusNew = "new";
inline constexpr const char* kStatusOpen = "open";
inline constexpr const char* kStatusPending = "pending";
inline constexpr const char* kStatusSolved = "solved";
inline constexpr const char* kStatusClosed = "closed";
inline constexpr const char* kStatusMerged = "merged";

struct Ticket {
  int64_t id = 0;
  int64_t number = 0;
  std::string ref;  // "SV-1042"
  std::string subject;
  std::string subject_key;
  int64_t customer_id = 0;
  std::string customer_email;
  std::string customer_name;
  std::optional<int64_t> mailbox_id;
  std::string status;
  std::optional<int64_t> linked_ticket_id;
  std::string linked_ref;  // ref of linked_ticket_id, "" when none
  std::optional<int64_t> merged_into_id;
  std::string merged_into_ref;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t last_message_at = 0;
  int64_t message_count = 0;
};

// Guard flags recorded on a message for later stages (acknowledgement, routing).
enum GuardFlag : uint32_t {
  kGuardAutoReply = 1u << 0,    // auto-reply / out-of-office / auto-generated
  kGuardBounce = 1u << 1,       // delivery status notification / MAILER-DAEMON
  kGuardList = 1u << 2,         // mailing list or bulk mail
  kGuardOwnAddress = 1u << 3,   // sent from one of the desk's own addresses
};

struct Attachment {
  int64_t id = 0;
  int64_t message_row_id = 0;
  std::string filename;
  std::string content_type;
  int64_t size = 0;
  std::string content_id;
  std::string disposition;
  std::string part_path;
};

struct Message {
  int64_t id = 0;
  int64_t ticket_id = 0;
  std::optional<int64_t> raw_id;
  std::string direction = "in";  // "in" from a customer, "out" from the desk
  std::string message_id;
  std::string from_email;
  std::string from_name;
  std::vector<std::string> to;  // addresses
  std::vector<std::string> cc;
  std::string subject;
  std::optional<int64_t> sent_at;  // the Date: header
  int64_t received_at = 0;
  std::string text;
  std::string quoted;
  std::string signature;
  std::string html;
  std::string content_language;
  uint32_t flags = 0;          // GuardFlag bits
  std::string guards_json;     // {"auto_reply":"Auto-Submitted: auto-replied", ...}
  std::string warnings_json;   // ["charset koi8-r detected", ...]
  std::string thread_reason;   // why it is in this ticket
  std::vector<std::string> refs;  // In-Reply-To + References (written to message_refs)
  std::vector<Attachment> attachments;
};

}  // namespace svar::tickets
