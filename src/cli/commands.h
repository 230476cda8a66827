// The subcommands of `svar`. main.cc parses the command line (CLI11, kept in that one file)
// and calls one of these; each returns the process exit code (exit_codes.h).
#pragma once

#include <string>
#include <vector>

#include "cli/context.h"

namespace svar::cli {

struct IngestOptions {
  std::vector<std::string> paths;
  bool quiet = false;    // no progress bar, no per-file lines
  bool json = false;     // summary as one JSON object on stdout
  // Acknowledge the new tickets (still only mail younger than [acknowledgement]
  // max_age_hours). Off by default: importing an archive must not write to old customers.
  bool acknowledge = false;
};
int RunIngest(const GlobalOptions& g, const IngestOptions& o);

struct DeliverOptions {
  std::string mailbox;  // the mailbox name to file it under (optional)
};
int RunDeliver(const GlobalOptions& g, const DeliverOptions& o);

struct TicketsOptions {
  bool json = false;
  std::string status;
  int64_t limit = 1000000;
  std::string view;   // "" (every ticket, spam included) | spam | queue | mine | sla_at_risk
  std::string team;   // narrows a view to one team
  std::string agent;  // view mine: the agent's email
};
int RunTickets(const GlobalOptions& g, const TicketsOptions& o);

struct ShowOptions {
  std::string ref;
  bool json = false;
};
int RunShow(const GlobalOptions& g, const ShowOptions& o);

struct QuarantineOptions {
  bool json = false;
  bool replay = false;
  std::vector<int64_t> ids;  // replay only these (empty: all)
  int64_t show_raw = 0;      // print this entry's raw bytes
};
int RunQuarantine(const GlobalOptions& g, const QuarantineOptions& o);

struct TokenOptions {
  std::string action;  // create | list | revoke
  std::string name;
  std::string role = "admin";  // agent | editor | reviewer | admin
};
int RunToken(const GlobalOptions& g, const TokenOptions& o);

struct KbOptions {
  std::string action;  // import | export | search
  std::string dir;
  std::string actor = "import";
  bool published_only = false;
  std::string query;
  std::string locale;
  bool agent = false;  // search internal articles too
  bool json = false;
  int limit = 10;
};
int RunKb(const GlobalOptions& g, const KbOptions& o);
int RunReindex(const GlobalOptions& g);

struct FetchOptions {
  std::string mailbox;  // empty: every configured mailbox
};
int RunFetch(const GlobalOptions& g, const FetchOptions& o);

struct ServeOptions {
  int port = -1;  // -1: from config
  std::string listen;
  bool no_fetch = false;
};
int RunServe(const GlobalOptions& g, const ServeOptions& o);

struct DemoOptions {
  int port = -1;
  bool no_serve = false;  // load demo data and exit (for tests)
};
int RunDemo(const GlobalOptions& g, const DemoOptions& o);

struct TriageOptions {
  std::string input = "-";  // a message file, or - for stdin
  bool json = false;
  bool text = false;   // one plain text per line instead of a message
  bool jsonl = false;  // with --text: one JSON object per line
};
int RunTriage(const GlobalOptions& g, const TriageOptions& o);

struct TrainOptions {
  std::string what;  // categories | spam
  std::string file;  // categories: the CSV (text,category)
  std::vector<std::string> ham, spam;  // spam: message files or directories
};
int RunTrain(const GlobalOptions& g, const TrainOptions& o);

struct CustomersOptions {
  std::string action;  // import | show
  std::string arg;     // the CSV file, or the email
  bool json = false;
};
int RunCustomers(const GlobalOptions& g, const CustomersOptions& o);

struct SettingsOptions {
  std::string action;   // list | show | set | reset
  std::string section;  // categories | rules | calendars | sla
  std::string file;     // set: the JSON array, or - for standard input
  bool json = false;
};
int RunSettings(const GlobalOptions& g, const SettingsOptions& o);

struct TemplatesOptions {
  std::string action;  // list | import
  std::string dir;     // import: one file per template (replies/templates/template_file.h)
  std::string actor = "import";  // import: recorded as the author of the versions
  bool all = false;    // list: archived ones too
  bool json = false;
};
int RunTemplates(const GlobalOptions& g, const TemplatesOptions& o);

struct ReplyOptions {
  std::string ref;                       // the ticket, e.g. SV-1042
  std::string text_file = "-";           // the reply text (UTF-8), or - for stdin
  std::string html_file;                 // optional HTML alternative
  std::string author;                    // the agent's email (recorded on the ticket)
  std::vector<std::string> attachments;  // files to attach
  bool json = false;
};
int RunReply(const GlobalOptions& g, const ReplyOptions& o);

struct OutboxOptions {
  std::string action;  // "" (list) | run | retry
  bool json = false;
  std::string state;   // list: only this state
  int64_t limit = 1000;
  bool once = false;   // run: send what is due and exit
  int64_t id = 0;      // retry: the outbox entry
};
int RunOutbox(const GlobalOptions& g, const OutboxOptions& o);

}  // namespace svar::cli
