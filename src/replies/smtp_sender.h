// SmtpSender: a MailTransport over SMTP with libcurl. smtp://host[:port] upgrades with
// STARTTLS when the server offers it (and refuses to send without it when require_tls is
// set); smtps://host[:port] is TLS from the start. AUTH with username/password when given;
// ca_file replaces the system's CAs. The connection is kept open between messages (libcurl
// reuses it), so one sender should be used for a whole worker pass. Not thread-safe.
// Classification: curl OK -> sent; an SMTP reply 5xx -> permanent; 4xx, refused or lost
// connections, time-outs, TLS and login failures -> transient (a fixed config lets the queue
// drain by itself).
#pragma once

#include <memory>
#include <string>

#include "core/config.h"
#include "replies/mail_transport.h"

namespace svar::replies {

class SmtpSender final : public MailTransport {
 public:
  // `password` is the resolved secret (password or the first line of password_file).
  SmtpSender(const OutboxConfig& config, std::string password);
  ~SmtpSender() override;
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;

  DeliveryResult Send(const Envelope& envelope, std::string_view mime) override;
  std::string Describe() const override;

 private:
  OutboxConfig config_;
  std::string password_;
  void* curl_ = nullptr;  // CURL*, kept for connection reuse
};

}  // namespace svar::replies
