#include "replies/mail_transport.h"

#include <fstream>

#include "core/text.h"
#include "replies/sendmail_sender.h"
#include "replies/smtp_sender.h"

namespace svar::replies {

std::string_view DeliveryName(Delivery d) {
  switch (d) {
    case Delivery::kSent:
      return "sent";
    case Delivery::kTransient:
      return "transient";
    case Delivery::kPermanent:
      return "permanent";
  }
  return "transient";
}

Result<std::unique_ptr<MailTransport>> MakeTransport(const OutboxConfig& config) {
  if (!config.smtp_url.empty()) {
    std::string password = config.password;
    if (password.empty() && !config.password_file.empty()) {
      std::ifstream in(config.password_file);
      if (!in || !std::getline(in, password))
        return Fail(ErrorCode::kInvalidArgument,
                    "outbox.password_file " + config.password_file +
                        " cannot be read; check the path and its permissions");
      password = std::string(Trim(password));
    }
    return std::unique_ptr<MailTransport>(new SmtpSender(config, std::move(password)));
  }
  if (!config.sendmail.empty())
    return std::unique_ptr<MailTransport>(new SendmailSender(config.sendmail));
  return Fail(ErrorCode::kInvalidArgument,
              "no way to send mail: set [outbox] smtp_url = \"smtp://host:587\" or sendmail = "
              "\"/usr/sbin/sendmail -t -i\" in the config file");
}

}  // namespace svar::replies
