// MailTransport: how the outbox worker hands one message to the world. Implementations:
// SmtpSender (smtp_sender.h, libcurl) and SendmailSender (sendmail_sender.h). Unit tests use
// a fake. A transport says whether a failure is worth retrying:
//   kTransient  connection refused or lost, time-out, SMTP 4xx, sendmail EX_TEMPFAIL (75):
//               the worker retries later with back-off
//   kPermanent  SMTP 5xx (a recipient or the message refused), sendmail's other failures:
//               the message is failed at once and the ticket gets a note
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/result.h"

namespace svar::replies {

struct Envelope {
  std::string from;                     // MAIL FROM (may be empty for a null sender)
  std::vector<std::string> recipients;  // RCPT TO, at least one
};

enum class Delivery { kSent, kTransient, kPermanent };
std::string_view DeliveryName(Delivery d);

struct DeliveryResult {
  Delivery delivery = Delivery::kSent;
  std::string detail;  // the server's answer or the error, one line
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Sends one message (CRLF line ends). Must be safe to call again for the same message.
  virtual DeliveryResult Send(const Envelope& envelope, std::string_view mime) = 0;
  // For logs: "smtp://127.0.0.1:2525" or "sendmail /usr/sbin/sendmail -t -i".
  virtual std::string Describe() const = 0;
};

// The transport of [outbox]: SMTP when smtp_url is set, else the sendmail command. Fails
// with a clear message when neither is configured or the password file cannot be read.
Result<std::unique_ptr<MailTransport>> MakeTransport(const OutboxConfig& config);

}  // namespace svar::replies
