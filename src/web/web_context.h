// WebContext: what handlers may use. Everything is owned by the caller (svar serve) and must
// outlive the Router the handlers are registered on. All members are safe to use from the
// server's worker threads (the Database serialises access per connection).
#pragma once

#include "core/clock.h"
#include "core/config.h"
#include "intake/raw_spool.h"
#include "storage/database.h"
#include "tickets/ticket_store.h"

namespace svar::web {

struct WebContext {
  storage::Database& db;
  tickets::TicketStore& tickets;
  intake::RawSpool& spool;
  const Config& config;
  const Clock* clock = nullptr;  // nullptr: SystemClock

  const Clock& Now() const { return clock ? *clock : SystemClock::Instance(); }
};

}  // namespace svar::web
