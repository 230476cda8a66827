// The [outbox] section of the configuration: how outgoing mail leaves the desk (SMTP with
// libcurl, or a sendmail command) and how the outbox worker retries (replies/outbox_worker.h).
// Documented key by key in docs/configuration.md and docs/outbox.md.
#pragma once

#include <string>

namespace svar {

// [outbox]
struct OutboxConfig {
  // Transport: exactly one of smtp_url / sendmail is used; smtp_url wins when both are set.
  //   smtp://host:587   plain connection, upgraded with STARTTLS when the server offers it
  //                     (required when require_tls is set)
  //   smtps://host:465  TLS from the first byte
  std::string smtp_url;
  std::string username;  // SMTP AUTH login; empty = no AUTH
  std::string password;  // or password_file (first line of the file)
  std::string password_file;
  std::string ca_file;             // PEM file of CAs to trust instead of the system's
  bool require_tls = false;        // smtp://: refuse to send unless STARTTLS succeeds
  int timeout_seconds = 60;        // per message (connect + transfer)
  std::string sendmail;            // e.g. "/usr/sbin/sendmail -t -i": the message on stdin
  std::string from;                // envelope sender (MAIL FROM); "" = the desk's first address
  int max_attempts = 8;            // after this many failed attempts a message is failed
  int backoff_base_seconds = 60;   // first retry after about this long, doubling each time
  int backoff_max_seconds = 3600;  // ... but never longer than this
  int batch_size = 50;             // rows one worker pass claims at most
  int poll_seconds = 10;           // how often `svar serve` runs the worker
};

}  // namespace svar
