#include "replies/sendmail_sender.h"

#include <sys/wait.h>

#include <csignal>
#include <cstdio>

namespace svar::replies {

SendmailSender::SendmailSender(std::string command) : command_(std::move(command)) {
  std::signal(SIGPIPE, SIG_IGN);  // a command that exits early must not kill the desk
}

DeliveryResult SendmailSender::Send(const Envelope& envelope, std::string_view mime) {
  FILE* pipe = ::popen(command_.c_str(), "w");
  if (!pipe) return {Delivery::kTransient, "cannot start \"" + command_ + "\""};
  std::string lf;
  lf.reserve(mime.size());
  for (size_t i = 0; i < mime.size(); ++i) {
    if (mime[i] == '\r' && i + 1 < mime.size() && mime[i + 1] == '\n') continue;
    lf += mime[i];
  }
  size_t written = std::fwrite(lf.data(), 1, lf.size(), pipe);
  int status = ::pclose(pipe);
  if (status == -1) return {Delivery::kTransient, "\"" + command_ + "\" could not be waited for"};
  if (WIFSIGNALED(status))
    return {Delivery::kTransient,
            "\"" + command_ + "\" was killed by signal " + std::to_string(WTERMSIG(status))};
  int code = WEXITSTATUS(status);
  if (code == 0 && written == lf.size()) return {Delivery::kSent, "sendmail exit 0"};
  std::string detail = "\"" + command_ + "\" exited with status " + std::to_string(code);
  if (code == 0) return {Delivery::kTransient, detail + " before reading the whole message"};
  if (code == 65 || code == 67 || code == 68 || code == 77) return {Delivery::kPermanent, detail};
  return {Delivery::kTransient, detail};
}

}  // namespace svar::replies
