// SendmailSender: a MailTransport that runs a sendmail-compatible command ([outbox].sendmail,
// e.g. "/usr/sbin/sendmail -t -i") through /bin/sh and writes the message on its standard
// input with LF line ends; recipients come from the headers (-t). Exit status 0 -> sent;
// EX_TEMPFAIL (75), a signal, or a command that cannot run (126, 127) or fails for a local
// reason -> transient; EX_DATAERR (65), EX_NOUSER (67), EX_NOHOST (68), EX_NOPERM (77) ->
// permanent. SIGPIPE is ignored process-wide once a SendmailSender exists.
#pragma once

#include <string>

#include "replies/mail_transport.h"

namespace svar::replies {

class SendmailSender final : public MailTransport {
 public:
  explicit SendmailSender(std::string command);
  DeliveryResult Send(const Envelope& envelope, std::string_view mime) override;
  std::string Describe() const override { return "sendmail " + command_; }

 private:
  std::string command_;
};

}  // namespace svar::replies
