// WebContext: what handlers may use. Everything is owned by the caller (svar serve) and must
// outlive the Router the handlers are registered on. All members are safe to use from the
// server's worker threads (the Database serialises access per connection).
#pragma once

#include <memory>

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
class LiveDesk;
}  // namespace svar::routing

namespace svar::replies {
class Outbox;
}  // namespace svar::replies

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
  // The running desk's settings (`svar serve`): when set, Settings() and Routing() follow the
  // changes an admin makes (PUT /api/v1/triage/config/{section}), and `config` and `routing`
  // above are only the start-up values. Without it (tests) those are used as they are.
  routing::LiveDesk* live = nullptr;
  // Outgoing mail (replies, forwards): the routes that send answer 503 while this is not set.
  // Must use `db`.
  replies::Outbox* outbox = nullptr;

  // The configuration in effect now; hold the pointer for the request in hand.
  std::shared_ptr<const Config> Settings() const;
  // The routing and SLA rules in effect now (null when none: answer 503).
  std::shared_ptr<const routing::DeskRouting> Routing() const;

  const Clock& Now() const { return clock ? *clock : SystemClock::Instance(); }
};

}  // namespace svar::web
