// svar: the command line. This file only parses arguments (CLI11 lives here alone, it is
// slow to compile) and hands over to the commands in cmd_*.cc.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  using namespace svar::cli;
  CLI::App app{"Svar: a self-hosted, multilingual email customer-service desk"};
  app.require_subcommand(1);
  GlobalOptions g;
  app.add_option("--data", g.data_dir, "Data directory (database, spool)")
      ->default_val("svar-data");
  app.add_option("--config", g.config_file, "TOML configuration file (see svar.example.toml)");
  app.add_option("--log-level", g.log_level, "trace, debug, info, warn, error or off");

  IngestOptions ingest;
  auto* c_ingest = app.add_subcommand("ingest", "Import .eml files, mbox files, Maildir folders "
                                                "and directories of them");
  c_ingest->add_option("paths", ingest.paths, "Files or directories")->required();
  c_ingest->add_flag("-q,--quiet", ingest.quiet, "No progress bar");
  c_ingest->add_flag("--json", ingest.json, "Print the summary as JSON");
  c_ingest->add_flag("--acknowledge", ingest.acknowledge,
                     "Acknowledge the new tickets (only mail younger than "
                     "[acknowledgement] max_age_hours); without it an import sends nothing");

  DeliverOptions deliver;
  auto* c_deliver = app.add_subcommand("deliver", "Take in one message from stdin (MTA pipe); "
                                                  "exit 75 asks the MTA to retry");
  c_deliver->add_option("--mailbox", deliver.mailbox, "Mailbox name to file it under");

  TicketsOptions tickets;
  auto* c_tickets = app.add_subcommand("tickets", "List tickets, newest first");
  c_tickets->add_flag("--json", tickets.json, "One JSON object per line");
  c_tickets->add_option("--status", tickets.status, "Only this status");
  c_tickets->add_option("--limit", tickets.limit, "At most this many");
  c_tickets->add_option("--view", tickets.view,
                        "spam, queue, mine (with --agent) or sla_at_risk, as the API's views");
  c_tickets->add_option("--team", tickets.team, "With --view: only this team");
  c_tickets->add_option("--agent", tickets.agent, "With --view mine: the agent's email");

  ShowOptions show;
  auto* c_show = app.add_subcommand("show", "Show one ticket with its messages");
  c_show->add_option("ref", show.ref, "Ticket reference, e.g. SV-1042")->required();
  c_show->add_flag("--json", show.json, "As JSON");

  QuarantineOptions quarantine;
  auto* c_quarantine = app.add_subcommand("quarantine", "List messages that could not be "
                                                        "processed (kept with their bytes)");
  c_quarantine->add_flag("--json", quarantine.json, "One JSON object per line");
  auto* c_replay = c_quarantine->add_subcommand("replay", "Run quarantined messages through "
                                                          "the intake again");
  c_replay->add_option("ids", quarantine.ids, "Entry ids (default: all)");
  auto* c_raw = c_quarantine->add_subcommand("raw", "Print the raw bytes of an entry");
  c_raw->add_option("id", quarantine.show_raw, "Entry id")->required();

  TokenOptions token;
  auto* c_token = app.add_subcommand("token", "API tokens");
  c_token->require_subcommand(1);
  auto* c_tcreate = c_token->add_subcommand("create", "Create a token and print it once");
  c_tcreate->add_option("name", token.name, "A name for the token")->required();
  c_tcreate->add_option("--role", token.role, "agent, senior, editor, reviewer or admin (default admin)");
  c_token->add_subcommand("list", "List tokens");
  auto* c_trevoke = c_token->add_subcommand("revoke", "Revoke a token");
  c_trevoke->add_option("name", token.name, "Name or id")->required();

  KbOptions kb;
  std::vector<std::string> kb_words;
  auto* c_kb = app.add_subcommand("kb", "Knowledge base: import, export, search");
  c_kb->require_subcommand(1);
  auto* c_kimport = c_kb->add_subcommand("import", "Import Markdown files (DIR/<locale>/<slug>.md)");
  c_kimport->add_option("dir", kb.dir, "Directory")->required();
  c_kimport->add_option("--actor", kb.actor, "Author of versions whose file names none");
  auto* c_kexport = c_kb->add_subcommand("export", "Export every article as Markdown");
  c_kexport->add_option("dir", kb.dir, "Directory")->required();
  c_kexport->add_flag("--published", kb.published_only, "Only what customers can see");
  auto* c_ksearch = c_kb->add_subcommand("search", "Search the knowledge base");
  c_ksearch->add_option("query", kb_words, "Words")->required();
  c_ksearch->add_option("--locale", kb.locale, "The reader's locale (da, sv, nb, ru, zh-Hans, ...)");
  c_ksearch->add_flag("--agent", kb.agent, "Include internal articles");
  c_ksearch->add_flag("--json", kb.json, "As JSON");
  c_ksearch->add_option("--limit", kb.limit, "At most this many");
  auto* c_reindex = app.add_subcommand("reindex", "Rebuild the knowledge-base index from the database");

  FetchOptions fetch;
  auto* c_fetch = app.add_subcommand("fetch", "Poll the configured IMAP mailboxes once");
  c_fetch->add_option("--mailbox", fetch.mailbox, "Only this mailbox");

  ServeOptions serve;
  auto* c_serve = app.add_subcommand("serve", "Run the desk: HTTP API and IMAP polling");
  c_serve->add_option("--port", serve.port, "HTTP port (overrides server.port)");
  c_serve->add_option("--listen", serve.listen, "Listen address (overrides server.listen)");
  c_serve->add_flag("--no-fetch", serve.no_fetch, "Do not poll IMAP mailboxes");

  TriageOptions triage;
  auto* c_triage = app.add_subcommand("triage", "Print the triage of one message (or of texts, "
                                                "one per line) without storing anything");
  c_triage->add_option("input", triage.input, "Message file, or - for stdin (default)");
  c_triage->add_flag("--json", triage.json, "As JSON");
  c_triage->add_flag("--text", triage.text, "Input is plain text, one per line");
  c_triage->add_flag("--jsonl", triage.jsonl, "With --text: one JSON object per line");

  TrainOptions train;
  auto* c_train = app.add_subcommand("train", "Train the category classifier or the spam filter");
  c_train->require_subcommand(1);
  auto* c_tcat = c_train->add_subcommand("categories", "Add text,category rows and retrain");
  c_tcat->add_option("file", train.file, "CSV file with the columns text and category")
      ->required();
  auto* c_tspam = c_train->add_subcommand("spam", "Teach the spam filter from message files");
  c_tspam->add_option("--ham", train.ham, "Files or directories of good mail");
  c_tspam->add_option("--spam", train.spam, "Files or directories of spam");

  CustomersOptions customers;
  auto* c_customers = app.add_subcommand("customers", "Customers' value: VIP, tier, products");
  c_customers->require_subcommand(1);
  auto* c_cimport = c_customers->add_subcommand("import", "Import customers from a CSV file");
  c_cimport->add_option("file", customers.arg,
                        "CSV with a header: email,name,vip,tier,lifetime_value,products,country")
      ->required();
  auto* c_cshow = c_customers->add_subcommand("show", "Show one customer");
  c_cshow->add_option("email", customers.arg, "The customer's address")->required();
  c_cshow->add_flag("--json", customers.json, "As JSON");

  SettingsOptions settings;
  auto* c_settings = app.add_subcommand(
      "settings", "Categories, rules, calendars and SLA policies changed without the config file");
  c_settings->add_flag("--json", settings.json, "As JSON");
  auto* c_sshow = c_settings->add_subcommand("show", "Print a section as the API's JSON array");
  c_sshow->add_option("section", settings.section, "categories, rules, calendars or sla")
      ->required();
  auto* c_sset = c_settings->add_subcommand("set", "Replace a section (checked like the file)");
  c_sset->add_option("section", settings.section, "categories, rules, calendars or sla")
      ->required();
  c_sset->add_option("file", settings.file, "A JSON array of objects, or - for standard input")
      ->required();
  auto* c_sreset = c_settings->add_subcommand("reset", "Return to the config file's section");
  c_sreset->add_option("section", settings.section, "categories, rules, calendars or sla")
      ->required();
  ReplyOptions reply;
  auto* c_reply = app.add_subcommand("reply", "Queue a free-text reply to a ticket's customer");
  c_reply->add_option("ref", reply.ref, "Ticket reference, e.g. SV-1042")->required();
  c_reply->add_option("--text", reply.text_file, "File with the reply text, or - for stdin")
      ->required();
  c_reply->add_option("--html", reply.html_file, "File with an HTML alternative");
  c_reply->add_option("--author", reply.author, "The agent's email");
  c_reply->add_option("--attach", reply.attachments, "A file to attach (repeatable)");
  c_reply->add_flag("--json", reply.json, "Print the result as JSON");

  OutboxOptions outbox;
  auto* c_outbox = app.add_subcommand("outbox", "Outgoing mail: list, send, retry");
  c_outbox->add_flag("--json", outbox.json, "One JSON object per line");
  c_outbox->add_option("--state", outbox.state, "Only queued, sending, sent or failed");
  c_outbox->add_option("--limit", outbox.limit, "At most this many");
  auto* c_orun = c_outbox->add_subcommand("run", "Send due mail ([outbox] in the config)");
  c_orun->add_flag("--once", outbox.once, "Send what is due now and exit (0: all sent)");
  auto* c_oretry = c_outbox->add_subcommand("retry", "Queue a failed mail again");
  c_oretry->add_option("id", outbox.id, "Outbox entry id")->required();

  TemplatesOptions templates;
  auto* c_templates = app.add_subcommand("templates", "Answer templates: list, import");
  c_templates->require_subcommand(1);
  auto* c_tlist = c_templates->add_subcommand("list", "List the templates");
  c_tlist->add_flag("--all", templates.all, "Archived ones too");
  c_tlist->add_flag("--json", templates.json, "One JSON object per line");
  auto* c_timport = c_templates->add_subcommand(
      "import", "Import DIR/*.txt|*.md: front matter name/category/language, then the body");
  c_timport->add_option("dir", templates.dir, "Directory")->required();
  c_timport->add_option("--actor", templates.actor, "Author recorded on the versions");

  DemoOptions demo;
  auto* c_demo = app.add_subcommand("demo", "A running desk with demo data in --data");
  c_demo->add_option("--port", demo.port, "HTTP port");
  c_demo->add_flag("--no-serve", demo.no_serve, "Load the demo data and exit");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }

  if (c_ingest->parsed()) return RunIngest(g, ingest);
  if (c_deliver->parsed()) return RunDeliver(g, deliver);
  if (c_tickets->parsed()) return RunTickets(g, tickets);
  if (c_show->parsed()) return RunShow(g, show);
  if (c_quarantine->parsed()) {
    quarantine.replay = c_replay->parsed();
    return RunQuarantine(g, quarantine);
  }
  if (c_token->parsed()) {
    token.action = c_tcreate->parsed() ? "create" : c_trevoke->parsed() ? "revoke" : "list";
    return RunToken(g, token);
  }
  if (c_kb->parsed()) {
    kb.action = c_kimport->parsed() ? "import" : c_kexport->parsed() ? "export" : "search";
    for (const auto& w : kb_words) kb.query += (kb.query.empty() ? "" : " ") + w;
    return RunKb(g, kb);
  }
  if (c_reindex->parsed()) return RunReindex(g);
  if (c_fetch->parsed()) return RunFetch(g, fetch);
  if (c_serve->parsed()) return RunServe(g, serve);
  if (c_demo->parsed()) return RunDemo(g, demo);
  if (c_reply->parsed()) return RunReply(g, reply);
  if (c_outbox->parsed()) {
    outbox.action = c_orun->parsed() ? "run" : c_oretry->parsed() ? "retry" : "";
    return RunOutbox(g, outbox);
  }
  if (c_triage->parsed()) return RunTriage(g, triage);
  if (c_templates->parsed()) {
    templates.action = c_timport->parsed() ? "import" : "list";
    return RunTemplates(g, templates);
  }
  if (c_train->parsed()) {
    train.what = c_tcat->parsed() ? "categories" : "spam";
    return RunTrain(g, train);
  }
  if (c_customers->parsed()) {
    customers.action = c_cimport->parsed() ? "import" : "show";
    return RunCustomers(g, customers);
  }
  if (c_settings->parsed()) {
    settings.action = c_sshow->parsed()    ? "show"
                      : c_sset->parsed()   ? "set"
                      : c_sreset->parsed() ? "reset"
                                           : "list";
    return RunSettings(g, settings);
  }
  return kExitUsage;
}
