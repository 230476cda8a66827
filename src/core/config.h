// Config: every setting of a desk, read from a TOML file (--config FILE). Each field has a
// default that works for a first run; docs/configuration.md and svar.example.toml describe
// them. A bad value is reported with its key and what is allowed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config_acknowledgement.h"
#include "core/config_outbox.h"
#include "core/config_routing.h"
#include "core/config_triage.h"
#include "core/result.h"

namespace svar {

struct DeskConfig {
  std::string name = "Svar";
  // The desk's own addresses: mail from them is flagged and never auto-answered.
  std::vector<std::string> addresses;
  std::string ref_prefix = "SV";        // ticket references look like SV-1042
  int64_t first_ticket_number = 1000;   // the first ticket gets this number
  // The help centre's public base URL, e.g. "https://help.example.com"; links to articles in
  // acknowledgements are <public_url>/api/v1/kb/public/articles/<locale>/<slug>#<passage>.
  // "" = no links in acknowledgements.
  std::string public_url;
};

struct StorageConfig {
  std::string backend = "sqlite";  // only "sqlite" today; "postgresql" later
  std::string path;                // empty: <data>/svar.db
  std::string synchronous = "normal";  // normal: safe against crashes; full: also power loss
  int busy_timeout_ms = 10000;
};

struct ServerConfig {
  std::string listen = "127.0.0.1";
  int port = 8025;
  int threads = 16;
  int64_t max_body_bytes = 25 * 1024 * 1024;
};

struct IntakeConfig {
  int64_t max_message_bytes = 64 * 1024 * 1024;  // larger mail is quarantined, not dropped
  int time_limit_ms = 10000;      // per message; over it the message is quarantined
  int fallback_window_days = 14;  // subject fall-back threading looks this far back
  int workers = 0;                // parse threads; 0 = one per core
};

struct MailboxConfig {
  std::string name;          // unique, used in logs and on tickets
  std::string address;       // the address customers write to
  std::string imap_url;      // imaps://host[:port]/INBOX or imap://127.0.0.1:10143/INBOX
  std::string username;
  std::string password;      // or password_file
  std::string password_file;
  std::string after_fetch = "seen";  // seen: set \Seen; move: move to move_to
  std::string move_to = "Archive";
  int poll_seconds = 60;
  int timeout_seconds = 60;
  bool allow_plaintext = false;  // imap:// without TLS: only allowed when set
  std::string ca_file;           // PEM file of CAs to trust instead of the system's
  std::string language;          // the mailbox's default language, a hint for triage ("" = none)
};

struct KnowledgeConfig {
  // Publishing needs the approval of a reviewer who is not the author...
  bool review_required = true;
  // ...except in these categories.
  std::vector<std::string> review_exempt_categories;
  std::string index_path;  // the Xapian index; empty: <data>/kb-index
  // An article is flagged "needs revision" when its smoothed helpful ratio falls below this...
  double needs_revision_helpful_ratio = 0.5;
  // ...or when more than this share of its views is followed by a ticket.
  double needs_revision_ticket_rate = 0.3;
  // The locale used when a request names none.
  std::string default_locale = "en";
};

struct LogConfig {
  std::string level = "info";
};

struct Config {
  DeskConfig desk;
  StorageConfig storage;
  ServerConfig server;
  IntakeConfig intake;
  std::vector<MailboxConfig> mailboxes;
  KnowledgeConfig knowledge;
  TriageConfig triage;
  std::vector<CategoryConfig> categories;
  std::vector<RuleConfig> rules;
  RoutingConfig routing;
  std::vector<AgentConfig> agents;
  std::vector<CalendarConfig> calendars;
  std::vector<SlaConfig> sla;
  OutboxConfig outbox;
  AcknowledgementConfig acknowledgement;
  LogConfig log;

  std::string data_dir = "svar-data";  // from --data, not from the file
  std::string source;                  // the file it came from, or "defaults"

  // Path of the SQLite database file.
  std::string DatabasePath() const;
  // Path of the knowledge-base search index (a directory).
  std::string KnowledgeIndexPath() const;
};

// Reads and validates a TOML config. An unknown key or a bad value is an error naming the key.
Result<Config> LoadConfig(const std::string& path);
Result<Config> ParseConfig(std::string_view toml_text, const std::string& source_name);
// Validation that also applies to defaults (used after --data is set).
Status ValidateConfig(const Config& config);

}  // namespace svar
