// WebContext: what handlers may use. Everything is owned by the caller (svar serve) and must
// outlive the Router the handlers are registered on. All members are safe to use from the
// server's worker threads (the Database serialises access per connection).
#pragma once

#include "core/clock.h"
#include "core/config.h"
#include "intake/raw_spool.h"
#include "storage/database.h"
#include "tickets/ticket_store.h"

namespace svar::knowledge {
class ArticleStore;
class Workflow;
class Searcher;
class Suggester;
}  // namespace svar::knowledge

namespace svar::routing {
class DeskRouting;
}  // namespace svar::routing

namespace svar::web {

struct WebContext {
  storage::Database& db;
  tickets::TicketStore& tickets;
  intake::RawSpool& spool;
  const Config& config;
  const Clock* clock = nullptr;  // nullptr: SystemClock
  // The knowledge base; the /api/v1/kb routes answer 503 while these are not set.
  knowledge::ArticleStore* articles = nullptr;
  knowledge::Workflow* workflow = nullptr;
  const knowledge::Searcher* searcher = nullptr;
  const knowledge::Suggester* suggester = nullptr;
  // Routing and SLA rules (assignments, re-routing after a "not spam" click); the routes that
  // need them answer 503 while this is not set.
  const routing::DeskRouting* routing = nullptr;

  const Clock& Now() const { return clock ? *clock : SystemClock::Instance(); }
};

}  // namespace svar::web
