// TicketStore: the repository of customers, tickets, messages and attachments over the
// Database seam. Write calls are meant to run inside a storage::Transaction opened by the
// caller (the intake pipeline commits one message at a time).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"
#include "tickets/records.h"

namespace svar::tickets {

struct TicketQuery {
  std::string status;          // "" = every status except merged
  int64_t limit = 100;
  int64_t before_id = 0;       // paging: tickets with id < before_id (0 = from the newest)
  bool include_merged = false;
};

class TicketStore {
 public:
  TicketStore(storage::Database& db, std::string ref_prefix, int64_t first_number)
      : db_(db), prefix_(std::move(ref_prefix)), first_number_(first_number) {}

  const std::string& ref_prefix() const { return prefix_; }
  storage::Database& db() { return db_; }

  // ---- reading
  Result<std::vector<Ticket>> ListTickets(const TicketQuery& query);
  Result<std::optional<Ticket>> FindByRef(std::string_view ref);
  Result<std::optional<Ticket>> FindByNumber(int64_t number);
  Result<std::optional<Ticket>> FindById(int64_t id);
  // Messages of a ticket, oldest first, with their attachments and refs.
  Result<std::vector<Message>> MessagesOf(int64_t ticket_id);
  Result<std::optional<Attachment>> FindAttachment(int64_t attachment_id);
  // Raw id of the message an attachment belongs to.
  Result<std::optional<int64_t>> RawIdOfMessage(int64_t message_row_id);
  Result<int64_t> CountTickets();

  // ---- threading lookups
  // Ticket ids of stored messages with any of these Message-IDs (ours included).
  Result<std::vector<int64_t>> TicketsWithMessageIds(const std::vector<std::string>& ids);
  // Ticket ids of stored messages that refer to this Message-ID (replies that came first).
  Result<std::vector<int64_t>> TicketsReferring(std::string_view message_id);
  // The newest open (not solved/closed/merged) ticket of a customer with this subject key,
  // whose last message is not older than `since`.
  Result<std::optional<int64_t>> RecentOpenTicket(int64_t customer_id, std::string_view subject_key,
                                                  int64_t since);
  Result<bool> IsParticipant(int64_t ticket_id, std::string_view email);
  // Follows merged_into until a live ticket.
  Result<int64_t> Resolve(int64_t ticket_id);

  // ---- writing (inside a transaction)
  Result<Customer> UpsertCustomer(std::string_view email, std::string_view name, int64_t now);
  Result<Ticket> CreateTicket(std::string_view subject, int64_t customer_id,
                              std::optional<int64_t> mailbox_id,
                              std::optional<int64_t> linked_ticket_id, int64_t now);
  Status AddParticipant(int64_t ticket_id, std::string_view email);
  // Inserts the message with its refs and attachments; returns the row id.
  Result<int64_t> InsertMessage(Message& message);
  Status TouchTicket(int64_t ticket_id, int64_t message_time, int64_t now);
  // Moves every message and participant of `from` into `into`; `from` becomes merged.
  Status Merge(int64_t from, int64_t into, int64_t now);

 private:
  Result<std::optional<Ticket>> FindWhere(const char* condition, int64_t value);
  Result<std::vector<int64_t>> DistinctLiveTickets(std::vector<storage::Row> rows);
  Result<int64_t> NextNumber();

  storage::Database& db_;
  std::string prefix_;
  int64_t first_number_;
};

}  // namespace svar::tickets
