// Reading [outbox] (see config_outbox.h): types, ranges, and a transport URL that libcurl
// can use. Whether the server answers is found out when the worker sends.
#include "core/config.h"
#include "core/config_reader.h"
#include "core/text.h"

namespace svar::config_internal {

Status ReadOutbox(const toml::table& root, const std::string& source, Config& c) {
  const toml::table* t = nullptr;
  SVAR_TRY(SectionTable(root, "outbox", source, &t));
  if (!t) return Ok();
  OutboxConfig& o = c.outbox;
  Reader r(*t, "outbox.", source);
  SVAR_TRY(r.Unknown({"smtp_url", "username", "password", "password_file", "ca_file", "require_tls",
                      "timeout_seconds", "sendmail", "from", "max_attempts", "backoff_base_seconds",
                      "backoff_max_seconds", "batch_size", "poll_seconds"}));
  SVAR_TRY(r.Str("smtp_url", o.smtp_url));
  SVAR_TRY(r.Str("username", o.username));
  SVAR_TRY(r.Str("password", o.password));
  SVAR_TRY(r.Str("password_file", o.password_file));
  SVAR_TRY(r.Str("ca_file", o.ca_file));
  SVAR_TRY(r.Bool("require_tls", o.require_tls));
  SVAR_TRY(r.Int("timeout_seconds", o.timeout_seconds, 1, 3600));
  SVAR_TRY(r.Str("sendmail", o.sendmail));
  SVAR_TRY(r.Str("from", o.from));
  SVAR_TRY(r.Int("max_attempts", o.max_attempts, 1, 1000));
  SVAR_TRY(r.Int("backoff_base_seconds", o.backoff_base_seconds, 1, 86400));
  SVAR_TRY(r.Int("backoff_max_seconds", o.backoff_max_seconds, 1, 7 * 86400));
  SVAR_TRY(r.Int("batch_size", o.batch_size, 1, 10000));
  SVAR_TRY(r.Int("poll_seconds", o.poll_seconds, 1, 3600));
  if (!o.smtp_url.empty() && !StartsWithIgnoreCase(o.smtp_url, "smtp://") &&
      !StartsWithIgnoreCase(o.smtp_url, "smtps://")) {
    return Fail(ErrorCode::kInvalidArgument,
                source + ": outbox.smtp_url = \"" + o.smtp_url +
                    "\" must start with smtp:// (STARTTLS when offered) or smtps:// (TLS)");
  }
  if (o.backoff_max_seconds < o.backoff_base_seconds) {
    return Fail(ErrorCode::kInvalidArgument,
                source +
                    ": outbox.backoff_max_seconds must not be smaller than "
                    "outbox.backoff_base_seconds");
  }
  if (!o.from.empty() && o.from.find('@') == std::string::npos) {
    return Fail(ErrorCode::kInvalidArgument,
                source + ": outbox.from = \"" + o.from + "\" is not an email address");
  }
  if (!o.username.empty() && o.password.empty() && o.password_file.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                source +
                    ": outbox.username is set but neither outbox.password nor "
                    "outbox.password_file");
  }
  return Ok();
}

}  // namespace svar::config_internal
