#include "core/config.h"

#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "core/config_reader.h"
#include "core/text.h"

namespace svar {
namespace config_internal {
// [acknowledgement] (config_acknowledgement.cc).
Status ReadAcknowledgement(const toml::table& root, const std::string& source, Config& c);
}  // namespace config_internal
namespace {

using config_internal::Reader;
using config_internal::SectionTable;
using config_internal::Where;

Status ReadMailbox(const toml::table& t, size_t index, const std::string& source,
                   MailboxConfig& m) {
  Reader r(t, "mailbox[" + std::to_string(index) + "].", source);
  SVAR_TRY(r.Unknown({"name", "address", "imap_url", "username", "password", "password_file",
                      "after_fetch", "move_to", "poll_seconds", "timeout_seconds",
                      "allow_plaintext", "ca_file", "language"}));
  SVAR_TRY(r.Str("language", m.language));
  SVAR_TRY(r.Str("name", m.name));
  SVAR_TRY(r.Str("address", m.address));
  SVAR_TRY(r.Str("imap_url", m.imap_url));
  SVAR_TRY(r.Str("username", m.username));
  SVAR_TRY(r.Str("password", m.password));
  SVAR_TRY(r.Str("password_file", m.password_file));
  SVAR_TRY(r.OneOf("after_fetch", m.after_fetch, {"seen", "move"}));
  SVAR_TRY(r.Str("move_to", m.move_to));
  SVAR_TRY(r.Int("poll_seconds", m.poll_seconds, 1, 86400));
  SVAR_TRY(r.Int("timeout_seconds", m.timeout_seconds, 1, 3600));
  SVAR_TRY(r.Bool("allow_plaintext", m.allow_plaintext));
  SVAR_TRY(r.Str("ca_file", m.ca_file));
  std::string key = "mailbox[" + std::to_string(index) + "]";
  if (m.name.empty()) {
    return Fail(ErrorCode::kInvalidArgument, source + ": " + key + ".name is missing; give each "
                                                                   "mailbox a unique name");
  }
  if (!m.imap_url.empty()) {
    bool tls = StartsWithIgnoreCase(m.imap_url, "imaps://");
    bool plain = StartsWithIgnoreCase(m.imap_url, "imap://");
    if (!tls && !plain) {
      return Fail(ErrorCode::kInvalidArgument,
                  source + ": " + key + ".imap_url = \"" + m.imap_url +
                      "\" must start with imaps:// (TLS) or imap://");
    }
    if (m.username.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  source + ": " + key + ".username is missing; IMAP needs a login name");
    }
    if (m.password.empty() && m.password_file.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  source + ": " + key + " needs password or password_file");
    }
  }
  return Ok();
}

}  // namespace

std::string Config::DatabasePath() const {
  if (!storage.path.empty()) return storage.path;
  return data_dir + "/svar.db";
}

std::string Config::KnowledgeIndexPath() const {
  if (!knowledge.index_path.empty()) return knowledge.index_path;
  return data_dir + "/kb-index";
}

Result<Config> ParseConfig(std::string_view text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << source << ":" << e.source().begin.line << ":" << e.source().begin.column
        << ": not valid TOML: " << e.description();
    return Fail(ErrorCode::kInvalidArgument, msg.str());
  }
  Config c;
  c.source = source;
  Reader top(root, "", source);
  SVAR_TRY(top.Unknown({"desk", "storage", "server", "intake", "mailbox", "knowledge", "triage",
                        "category", "rule", "routing", "agent", "calendar", "sla", "log",
                        "outbox", "acknowledgement"}));
  SVAR_TRY(config_internal::ReadTriage(root, source, c));
  SVAR_TRY(config_internal::ReadRouting(root, source, c));
  SVAR_TRY(config_internal::CheckReferences(c, source));
  SVAR_TRY(config_internal::ReadOutbox(root, source, c));
  SVAR_TRY(config_internal::ReadAcknowledgement(root, source, c));

  const toml::table* t = nullptr;
  SVAR_TRY(SectionTable(root, "desk", source, &t));
  if (t) {
    Reader r(*t, "desk.", source);
    SVAR_TRY(r.Unknown({"name", "addresses", "ref_prefix", "first_ticket_number", "public_url"}));
    SVAR_TRY(r.Str("public_url", c.desk.public_url));
    SVAR_TRY(r.Str("name", c.desk.name));
    SVAR_TRY(r.StrList("addresses", c.desk.addresses));
    SVAR_TRY(r.Str("ref_prefix", c.desk.ref_prefix));
    SVAR_TRY(r.Int("first_ticket_number", c.desk.first_ticket_number, 1, 1'000'000'000));
  }
  SVAR_TRY(SectionTable(root, "storage", source, &t));
  if (t) {
    Reader r(*t, "storage.", source);
    SVAR_TRY(r.Unknown({"backend", "path", "synchronous", "busy_timeout_ms"}));
    SVAR_TRY(r.OneOf("backend", c.storage.backend, {"sqlite"}));
    SVAR_TRY(r.Str("path", c.storage.path));
    SVAR_TRY(r.OneOf("synchronous", c.storage.synchronous, {"normal", "full"}));
    SVAR_TRY(r.Int("busy_timeout_ms", c.storage.busy_timeout_ms, 0, 600000));
  }
  SVAR_TRY(SectionTable(root, "server", source, &t));
  if (t) {
    Reader r(*t, "server.", source);
    SVAR_TRY(r.Unknown({"listen", "port", "threads", "max_body_bytes"}));
    SVAR_TRY(r.Str("listen", c.server.listen));
    SVAR_TRY(r.Int("port", c.server.port, 0, 65535));
    SVAR_TRY(r.Int("threads", c.server.threads, 1, 1024));
    SVAR_TRY(r.Int("max_body_bytes", c.server.max_body_bytes, 1024, int64_t{1} << 32));
  }
  SVAR_TRY(SectionTable(root, "intake", source, &t));
  if (t) {
    Reader r(*t, "intake.", source);
    SVAR_TRY(r.Unknown({"max_message_bytes", "time_limit_ms", "fallback_window_days", "workers"}));
    SVAR_TRY(r.Int("max_message_bytes", c.intake.max_message_bytes, 1024, int64_t{1} << 32));
    SVAR_TRY(r.Int("time_limit_ms", c.intake.time_limit_ms, 10, 3'600'000));
    SVAR_TRY(r.Int("fallback_window_days", c.intake.fallback_window_days, 0, 3650));
    SVAR_TRY(r.Int("workers", c.intake.workers, 0, 256));
  }
  SVAR_TRY(SectionTable(root, "knowledge", source, &t));
  if (t) {
    Reader r(*t, "knowledge.", source);
    SVAR_TRY(r.Unknown({"review_required", "review_exempt_categories", "index_path",
                        "needs_revision_helpful_ratio", "needs_revision_ticket_rate",
                        "default_locale"}));
    SVAR_TRY(r.Bool("review_required", c.knowledge.review_required));
    SVAR_TRY(r.StrList("review_exempt_categories", c.knowledge.review_exempt_categories));
    SVAR_TRY(r.Str("index_path", c.knowledge.index_path));
    SVAR_TRY(r.Real("needs_revision_helpful_ratio", c.knowledge.needs_revision_helpful_ratio, 0, 1));
    SVAR_TRY(r.Real("needs_revision_ticket_rate", c.knowledge.needs_revision_ticket_rate, 0, 1));
    SVAR_TRY(r.Str("default_locale", c.knowledge.default_locale));
  }
  SVAR_TRY(SectionTable(root, "log", source, &t));
  if (t) {
    Reader r(*t, "log.", source);
    SVAR_TRY(r.Unknown({"level"}));
    SVAR_TRY(r.OneOf("level", c.log.level,
                     {"trace", "debug", "info", "warn", "error", "off"}));
  }
  if (const toml::node* n = root.get("mailbox")) {
    const toml::array* arr = n->as_array();
    if (!arr) {
      return Fail(ErrorCode::kInvalidArgument,
                  Where(n->source(), source) + ": mailboxes are written as [[mailbox]] tables");
    }
    std::set<std::string> names;
    for (size_t i = 0; i < arr->size(); ++i) {
      const toml::table* mt = (*arr)[i].as_table();
      if (!mt) {
        return Fail(ErrorCode::kInvalidArgument,
                    source + ": mailboxes are written as [[mailbox]] tables");
      }
      MailboxConfig m;
      SVAR_TRY(ReadMailbox(*mt, i, source, m));
      if (!names.insert(m.name).second) {
        return Fail(ErrorCode::kInvalidArgument,
                    source + ": mailbox name \"" + m.name + "\" is used twice; names must be unique");
      }
      c.mailboxes.push_back(std::move(m));
    }
  }
  SVAR_TRY(ValidateConfig(c));
  return c;
}

Status ValidateConfig(const Config& c) {
  const auto& p = c.desk.ref_prefix;
  bool ok = !p.empty() && p.size() <= 10;
  for (char ch : p) ok = ok && ch >= 'A' && ch <= 'Z';
  if (!ok) {
    return Fail(ErrorCode::kInvalidArgument,
                c.source + ": desk.ref_prefix = \"" + p +
                    "\" must be 1 to 10 capital letters A-Z (for example \"SV\")");
  }
  for (const auto& a : c.desk.addresses) {
    if (a.find('@') == std::string::npos) {
      return Fail(ErrorCode::kInvalidArgument,
                  c.source + ": desk.addresses has \"" + a + "\", which is not an email address");
    }
  }
  return Ok();
}

Result<Config> LoadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(ErrorCode::kNotFound, "config file " + path +
                                          " cannot be read; check the path given to --config");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseConfig(ss.str(), path);
}

}  // namespace svar
