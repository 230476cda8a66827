// The database schema, as a list of migrations. Keep SQL portable (SQLite and PostgreSQL):
// INTEGER/TEXT/BLOB types, `?` placeholders in queries, no AUTOINCREMENT, no SQLite-only
// functions (no two-argument MAX/MIN), INSERT ... ON CONFLICT and RETURNING, which both
// support. Times are Unix seconds (UTC) in INTEGER columns. The queries in the repositories
// are shared by both backends; the PostgreSQL implementation will carry its own DDL for these
// versions (BIGINT identity keys, BYTEA for BLOB) and turn `?` into `$n`.
//
// Schema, version 1 (mail intake):
//
// - `mailboxes`: one row per configured mailbox (by name). `uidvalidity` and `last_uid` hold
//   the IMAP poller's position so a restart fetches only what is new.
// - `customers`: one row per external address that wrote to the desk (email lowercased).
// - `tickets`: `number` is the human reference (SV-<number>); `subject_key` is the normalised
//   subject (no Re:/Fwd:/AW:/SV:/Ответ:/回复:, no reference tag, case-folded) used by the
//   fall-back threading rule; `linked_ticket_id` points to a ticket a stranger quoted;
//   `merged_into_id` is set when threading found two tickets to be one conversation.
// - `ticket_participants`: addresses allowed to use the ticket reference in a subject (the
//   customer, people in To/Cc of the customer's mail).
// - `raw_messages`: the spool. Every message as received, zstd-compressed, addressed by
//   `fingerprint` (a hash of the message without its trace headers, so the same message
//   delivered by two routes is one row); `hash` is the hash of the exact bytes. `state` is
//   pending (stored, not yet processed), stored (a message row exists), or quarantined
//   (`error` says why; `svar quarantine replay` retries).
// - `messages`: a parsed message in a ticket: the new text, the quoted history and the
//   signature kept apart, the sanitised HTML, guard flags (auto-reply, bounce, list, own
//   address) as a bit set plus `guards_json` with the reasons, and `thread_reason`, why it
//   landed in its ticket.
// - `message_refs`: every Message-ID a message refers to (In-Reply-To and References), so a
//   parent that arrives after its reply finds the reply's ticket.
// - `attachments`: metadata of every attachment and inline image; the bytes stay in the raw
//   message and are cut out on request (`part_path` is the MIME part number, e.g. "1.2").
// - `api_tokens`: API access tokens, stored as hashes only.
// - `counters`: named counters (the next ticket number), portable instead of sequences.
//
// Version 2 (knowledge base):
//
// - `kb_articles`: the current state of each article: one row per language version, joined
//   with its translations by `translation_group`; `slug` is its URL name (unique per locale);
//   `body` is GitHub-flavoured Markdown; `tags_json`/`products_json` are JSON string lists;
//   `visibility` is public or internal (agents only, never shown to customers); `state` is
//   draft, in_review, published or archived; `version` is the number of the latest saved
//   version; `published_version` the version customers see (NULL before the first publish).
// - `kb_versions`: every save of an article (the whole content), for history and comparison.
// - `kb_reviews`: review decisions: who approved or asked for changes, on which version.
// - `kb_feedback`: "was this helpful?" votes with an optional comment, by customers (a
//   help-centre session) or agents, and the search that led there.
// - `kb_events`: what customers and agents did: searches (with result count and best score,
//   for content gaps and learning), article views and clicks, and "left without writing"
//   or "wrote in after viewing" outcomes; `session_id` ties a visit together.
// - `kb_synonyms`: groups of equivalent words per locale, editable by an admin.
// - `api_tokens.role`: what a token may do: admin, editor, reviewer or agent (senior since
//   version 6; stored by name, so no migration was needed).
//
// Version 3 (triage, routing and SLA):
//
// - `customers` gains the customer's value: `vip`, `tier` (free text such as gold/silver),
//   `lifetime_value` (in the desk's currency), `products_json` (a JSON string list),
//   `language` (of the customer's latest mail, a hint for the next) and `country`.
// - `message_triage`: what triage found in one inbound message: language (with script for
//   Chinese and a confidence), category with confidence and source (model, rule), sentiment
//   and urgency with labels, cancellation intent and legal threat, spam probability, churn
//   risk, priority, `details_json` with every filter's reasons, and the time triage took.
// - `tickets` gains the triage of the ticket as a whole: `language`, `category` (with
//   `category_confidence` and `category_source`: model, rule or agent; an agent's choice is
//   never overwritten), `priority` (low, normal, high, urgent) with `priority_reasons`,
//   `sentiment`, `churn_risk`, `spam` (1 = in the spam view, never acknowledged or routed),
//   `assignee_id` and `team` (where routing put it), the SLA `sla_policy` and its due times
//   `first_response_due`, `next_response_due`, `resolution_due` (NULL when none), and
//   `first_response_at`.
// - `agents`: the people who answer: skills with levels, languages and teams as JSON,
//   `capacity` (open tickets at most), `status` (available, away, offline), the working-hours
//   `calendar`, and `last_assigned_at` for fair tie-breaking.
// - `routing_decisions`: every assignment with its reason ("routed to Anna: skill billing 4,
//   speaks da, load 3/8"): `kind` auto, queue, manual or reroute; `actor` the person for a
//   manual one.
// - `ticket_events`: a ticket's timeline for the SLA clock and the record: created, customer
//   message, agent reply, status changes (pending pauses the clock), escalations fired.
// - `category_examples`: the training data of the category classifier: imported history
//   (`svar train categories`) and the categories agents confirmed or corrected on tickets.
// - `triage_models`: trained models (category classifier, spam filter) as versioned blobs.
// - `spam_lessons`: an agent's "spam" / "not spam" on a message, so a later opposite click
//   can undo the earlier lesson.
//
// Version 4 (desk settings edited through the API; routing learning from reassignments):
//
// - `desk_settings`: the parts of the configuration an admin edits through the JSON API
//   instead of the config file: `section` is categories, rules, calendars or sla; `json` the
//   whole section as the API accepted it (validated by the same readers as the file). A
//   stored section replaces the file's section of the same name; deleting it returns to the
//   file. `actor` and `updated_at` say who changed it last.
// - `agent_preferences`: what routing learned from people's reassignments (routing/
//   agent_preferences.h): per agent and category, how often a ticket was moved to the agent
//   (`moved_to`) and away from the agent (`moved_away`) by hand, as counts that halve every
//   60 days (decayed to `updated_at`).
// - `ticket_events_kind`: an index for reading one kind of event over a period (agents'
//   replies of the last 14 days for the expected response time, routing/response_estimate*).
// - `tickets_customer_created`: a customer's tickets by time (triage's churn signals: repeated
//   contacts, long waits; triage/triage_store.cc LoadCustomerFacts).
//
// Version 5 (outbox):
//
// - `outbox`: every mail the desk sends, queued before it is sent (replies/outbox.h). `kind`
//   is reply, acknowledgement, forward or notification; `message_id` the Message-ID header
//   value without angle brackets (the same bytes are resent on a retry, so a duplicate after
//   a crash carries the same id); `envelope_from` the SMTP MAIL FROM; `recipients_json` a JSON
//   list of RCPT TO addresses; `mime` the complete message as sent; `message_row_id` the
//   outgoing message stored in the ticket's thread. `state` is queued (waiting for
//   `next_attempt_at`), sending (claimed by a worker; put back to queued when a worker starts,
//   since its sender may have died), sent (`sent_at`) or failed (permanent error or
//   max_attempts reached; `last_error` says why). `attempts` counts sending attempts;
//   `author` is who wrote it (an agent's email, or "system").
//
// Version 6 (answer templates, replies/templates/):
//
// - `templates`: one governed answer ("best answer") per (`name`, `language`): `category` (a
//   [[category]] name, "" = any), `state` active or archived (archived ones are never
//   suggested; their versions stay readable), `current_version` (the newest body),
//   `created_by`/`created_at` and `updated_by`/`updated_at` (token names).
// - `template_versions`: every body ever saved, (`template_id`, `version`) from 1, never
//   overwritten; `body` is the markup of replies/templates/template_markup.h; `comment` says
//   what changed.
// - `template_uses`: a reply sent from a template: the `version` used, the ticket, the
//   outgoing message (`message_row_id`, `messages.id`), the `agent` and their `role`,
//   `edit_ratio` (0..1: edit distance of the final text against the rendered template over
//   the longer length), `editable_changed` and `locked_changed` (0/1; locked text changed by
//   a role allowed to). `satisfaction` (REAL 0..1, NULL) is for the ticket's satisfaction
//   survey when that exists; nothing fills it yet.
// - `template_ratings`: an agent's verdict after using a template on a ticket: `useful` 0/1
//   and a `comment`; one per (template, ticket, agent), a second rating replaces the first.
// - `template_policy`: what each role may do with templates, set by an admin: change the
//   editable regions, change the locked text, send free text without a template, manage
//   templates; one row per role name (agent, senior, editor, reviewer, admin); a role
//   without a row has the defaults of template_policy.h.
// Version 7 (acknowledgement):
//
// - `tickets.ack_state`: whether the ticket's acknowledgement (replies/acknowledgement.h) is
//   still to be decided (`pending`, the default, so the ticket is born pending in the same
//   transaction that creates it), was queued in the outbox (`queued`, set in the transaction
//   that inserts the outbox row, so a crash can neither lose nor double it) or was not sent
//   (`skipped`); tickets that existed before this version are `none`. `ack_reason` says why
//   it was skipped ("auto-reply: Auto-Submitted: auto-replied", "3 acknowledgements to this
//   address in 24 hours", ...).
// - `ack_texts`: the acknowledgement texts an admin changed, one row per language
//   (`language`: da, sv, nb, ru, zh, zh-Hant, en): `subject` and `body` with {placeholders};
//   a language without a row uses the built-in text.
#include "storage/migrations.h"

#include <string>

#include "core/clock.h"
#include "core/text.h"

namespace svar::storage {

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "mail intake", R"SQL(
CREATE TABLE mailboxes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  address TEXT NOT NULL DEFAULT '',
  uidvalidity INTEGER,
  last_uid INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  subject_key TEXT NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  mailbox_id INTEGER REFERENCES mailboxes(id),
  status TEXT NOT NULL,
  linked_ticket_id INTEGER REFERENCES tickets(id),
  merged_into_id INTEGER REFERENCES tickets(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  last_message_at INTEGER NOT NULL
);
CREATE INDEX tickets_fallback ON tickets(customer_id, subject_key, last_message_at);
CREATE INDEX tickets_updated ON tickets(updated_at);
CREATE TABLE ticket_participants (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  email TEXT NOT NULL,
  PRIMARY KEY (ticket_id, email)
);
CREATE TABLE raw_messages (
  id INTEGER PRIMARY KEY,
  fingerprint TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  source TEXT NOT NULL,
  mailbox_id INTEGER REFERENCES mailboxes(id),
  received_at INTEGER NOT NULL,
  state TEXT NOT NULL,
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);
CREATE INDEX raw_messages_state ON raw_messages(state, id);
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  raw_id INTEGER REFERENCES raw_messages(id),
  direction TEXT NOT NULL,
  message_id TEXT NOT NULL,
  from_email TEXT NOT NULL,
  from_name TEXT NOT NULL,
  to_json TEXT NOT NULL,
  cc_json TEXT NOT NULL,
  subject TEXT NOT NULL,
  sent_at INTEGER,
  received_at INTEGER NOT NULL,
  text TEXT NOT NULL,
  quoted TEXT NOT NULL,
  signature TEXT NOT NULL,
  html TEXT NOT NULL,
  content_language TEXT NOT NULL,
  flags INTEGER NOT NULL,
  guards_json TEXT NOT NULL,
  warnings_json TEXT NOT NULL,
  thread_reason TEXT NOT NULL
);
CREATE INDEX messages_message_id ON messages(message_id);
CREATE INDEX messages_ticket ON messages(ticket_id, id);
CREATE UNIQUE INDEX messages_raw ON messages(raw_id);
CREATE TABLE message_refs (
  message_row_id INTEGER NOT NULL REFERENCES messages(id),
  ref TEXT NOT NULL
);
CREATE INDEX message_refs_ref ON message_refs(ref);
CREATE INDEX message_refs_message ON message_refs(message_row_id);
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  message_row_id INTEGER NOT NULL REFERENCES messages(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  content_id TEXT NOT NULL,
  disposition TEXT NOT NULL,
  part_path TEXT NOT NULL
);
CREATE INDEX attachments_message ON attachments(message_row_id);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
)
)SQL"},
      {2, "knowledge base", R"SQL(
CREATE TABLE kb_articles (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL,
  translation_group TEXT NOT NULL,
  locale TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  category TEXT NOT NULL,
  tags_json TEXT NOT NULL,
  products_json TEXT NOT NULL,
  visibility TEXT NOT NULL,
  state TEXT NOT NULL,
  author TEXT NOT NULL,
  version INTEGER NOT NULL,
  published_version INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  published_at INTEGER,
  UNIQUE (locale, slug)
);
CREATE INDEX kb_articles_group ON kb_articles(translation_group);
CREATE INDEX kb_articles_updated ON kb_articles(updated_at, id);
CREATE TABLE kb_versions (
  article_id INTEGER NOT NULL REFERENCES kb_articles(id),
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  category TEXT NOT NULL,
  tags_json TEXT NOT NULL,
  products_json TEXT NOT NULL,
  visibility TEXT NOT NULL,
  author TEXT NOT NULL,
  note TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (article_id, version)
);
CREATE TABLE kb_reviews (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES kb_articles(id),
  version INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  decision TEXT NOT NULL,
  comment TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX kb_reviews_article ON kb_reviews(article_id, version);
CREATE TABLE kb_feedback (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES kb_articles(id),
  helpful INTEGER NOT NULL,
  comment TEXT NOT NULL,
  source TEXT NOT NULL,
  session_id TEXT NOT NULL,
  query TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX kb_feedback_article ON kb_feedback(article_id);
CREATE TABLE kb_events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  session_id TEXT NOT NULL,
  locale TEXT NOT NULL,
  query TEXT NOT NULL,
  article_id INTEGER,
  result_count INTEGER,
  top_score REAL,
  created_at INTEGER NOT NULL
);
CREATE INDEX kb_events_kind ON kb_events(kind, created_at);
CREATE INDEX kb_events_article ON kb_events(article_id, kind);
CREATE INDEX kb_events_session ON kb_events(session_id, id);
CREATE TABLE kb_synonyms (
  id INTEGER PRIMARY KEY,
  locale TEXT NOT NULL,
  terms_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
ALTER TABLE api_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'admin'
)SQL"},
      {3, "triage, routing and SLA", R"SQL(
ALTER TABLE customers ADD COLUMN vip INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN tier TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN lifetime_value REAL NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN products_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE customers ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
CREATE TABLE message_triage (
  message_id INTEGER PRIMARY KEY REFERENCES messages(id),
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  language TEXT NOT NULL DEFAULT '',
  script TEXT NOT NULL DEFAULT '',
  language_confidence REAL NOT NULL DEFAULT 0,
  category TEXT NOT NULL DEFAULT '',
  category_confidence REAL NOT NULL DEFAULT 0,
  category_source TEXT NOT NULL DEFAULT '',
  sentiment REAL NOT NULL DEFAULT 0,
  sentiment_label TEXT NOT NULL DEFAULT 'neutral',
  urgency REAL NOT NULL DEFAULT 0,
  urgency_label TEXT NOT NULL DEFAULT 'normal',
  cancel_intent INTEGER NOT NULL DEFAULT 0,
  legal_threat INTEGER NOT NULL DEFAULT 0,
  spam_probability REAL NOT NULL DEFAULT 0,
  spam INTEGER NOT NULL DEFAULT 0,
  churn_risk REAL NOT NULL DEFAULT 0,
  priority TEXT NOT NULL DEFAULT 'normal',
  details_json TEXT NOT NULL DEFAULT '{}',
  micros INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX message_triage_ticket ON message_triage(ticket_id);
ALTER TABLE tickets ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN category_confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN category_source TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE tickets ADD COLUMN priority_reasons TEXT NOT NULL DEFAULT '[]';
ALTER TABLE tickets ADD COLUMN sentiment TEXT NOT NULL DEFAULT 'neutral';
ALTER TABLE tickets ADD COLUMN churn_risk REAL NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN spam INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER;
ALTER TABLE tickets ADD COLUMN team TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN sla_policy TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN first_response_due INTEGER;
ALTER TABLE tickets ADD COLUMN next_response_due INTEGER;
ALTER TABLE tickets ADD COLUMN resolution_due INTEGER;
ALTER TABLE tickets ADD COLUMN first_response_at INTEGER;
CREATE INDEX tickets_assignee ON tickets(assignee_id, status);
CREATE INDEX tickets_queue ON tickets(team, status);
CREATE TABLE agents (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  skills_json TEXT NOT NULL DEFAULT '{}',
  languages_json TEXT NOT NULL DEFAULT '[]',
  teams_json TEXT NOT NULL DEFAULT '[]',
  capacity INTEGER NOT NULL DEFAULT 8,
  status TEXT NOT NULL DEFAULT 'available',
  calendar TEXT NOT NULL DEFAULT '',
  last_assigned_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE routing_decisions (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  agent_id INTEGER REFERENCES agents(id),
  team TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX routing_decisions_ticket ON routing_decisions(ticket_id, id);
CREATE TABLE ticket_events (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  kind TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, at);
CREATE TABLE category_examples (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  source TEXT NOT NULL,
  ticket_id INTEGER UNIQUE REFERENCES tickets(id),
  created_at INTEGER NOT NULL
);
CREATE TABLE triage_models (
  name TEXT PRIMARY KEY,
  blob BLOB NOT NULL,
  examples INTEGER NOT NULL DEFAULT 0,
  trained_at INTEGER NOT NULL
);
CREATE TABLE spam_lessons (
  message_id INTEGER PRIMARY KEY REFERENCES messages(id),
  spam INTEGER NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
)
)SQL"},
      {4, "desk settings and agent preferences", R"SQL(
CREATE TABLE desk_settings (
  section TEXT PRIMARY KEY,
  json TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
);
CREATE INDEX ticket_events_kind ON ticket_events(kind, at);
CREATE INDEX tickets_customer_created ON tickets(customer_id, created_at);
CREATE TABLE agent_preferences (
  agent_id INTEGER NOT NULL REFERENCES agents(id),
  category TEXT NOT NULL,
  moved_to REAL NOT NULL DEFAULT 0,
  moved_away REAL NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (agent_id, category)
)
)SQL"},
      {5, "outbox", R"SQL(
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  message_row_id INTEGER REFERENCES messages(id),
  kind TEXT NOT NULL,
  message_id TEXT NOT NULL UNIQUE,
  envelope_from TEXT NOT NULL,
  recipients_json TEXT NOT NULL,
  mime BLOB NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  author TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE INDEX outbox_ticket ON outbox(ticket_id, id)
)SQL"},
      {6, "templates", R"SQL(
CREATE TABLE templates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL,
  state TEXT NOT NULL,
  current_version INTEGER NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  UNIQUE (name, language)
);
CREATE INDEX templates_state ON templates(state, category, language);
CREATE TABLE template_versions (
  template_id INTEGER NOT NULL REFERENCES templates(id),
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  PRIMARY KEY (template_id, version)
);
CREATE TABLE template_uses (
  id INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES templates(id),
  version INTEGER NOT NULL,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  message_row_id INTEGER REFERENCES messages(id),
  agent TEXT NOT NULL,
  role TEXT NOT NULL,
  edit_ratio REAL NOT NULL,
  editable_changed INTEGER NOT NULL,
  locked_changed INTEGER NOT NULL,
  satisfaction REAL,
  created_at INTEGER NOT NULL
);
CREATE INDEX template_uses_template ON template_uses(template_id, version);
CREATE INDEX template_uses_ticket ON template_uses(ticket_id);
CREATE TABLE template_ratings (
  id INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES templates(id),
  version INTEGER NOT NULL,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  agent TEXT NOT NULL,
  useful INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (template_id, ticket_id, agent)
);
CREATE TABLE template_policy (
  role TEXT PRIMARY KEY,
  edit_editable INTEGER NOT NULL,
  edit_locked INTEGER NOT NULL,
  free_text INTEGER NOT NULL,
  manage INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
)
)SQL"},
      {7, "acknowledgement", R"SQL(
ALTER TABLE tickets ADD COLUMN ack_state TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE tickets ADD COLUMN ack_reason TEXT NOT NULL DEFAULT '';
UPDATE tickets SET ack_state = 'none';
CREATE INDEX tickets_ack_state ON tickets(ack_state, created_at);
CREATE INDEX outbox_kind_created ON outbox(kind, created_at);
CREATE TABLE ack_texts (
  language TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
)
)SQL"},
  };
  return kMigrations;
}

Result<int> SchemaVersion(Database& db) {
  SVAR_TRY(db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at INTEGER NOT NULL)"));
  SVAR_ASSIGN(auto row, db.QueryOne("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  return row ? static_cast<int>(row->Int(0)) : 0;
}

Status Migrate(Database& db) {
  SVAR_ASSIGN(int current, SchemaVersion(db));
  const auto& all = AllMigrations();
  int newest = all.empty() ? 0 : all.back().version;
  if (current > newest) {
    return Fail(ErrorCode::kInvalidArgument,
                "the database has schema version " + std::to_string(current) +
                    " but this svar knows only up to " + std::to_string(newest) +
                    "; run a newer svar on it");
  }
  for (const auto& m : all) {
    if (m.version <= current) continue;
    Transaction tx(db);
    SVAR_TRY(tx.begin_status());
    std::string_view sql = m.sql;
    for (const auto& stmt : Split(sql, ';')) {
      auto s = Trim(stmt);
      if (s.empty()) continue;
      SVAR_TRY(db.Exec(s));
    }
    SVAR_TRY(db.Exec("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                     {int64_t{m.version}, std::string(m.name),
                      SystemClock::Instance().NowSeconds()}));
    SVAR_TRY(tx.Commit());
  }
  return Ok();
}

}  // namespace svar::storage
