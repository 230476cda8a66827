// Bounces: delivery status notifications (RFC 3464 multipart/report), mail from
// MAILER-DAEMON or postmaster, and mail with a null return path (<>), which RFC 5321 reserves
// for notifications that must not be answered.
#include "core/text.h"
#include "triage/guards.h"

namespace svar::triage {
namespace {

bool IsDaemonLocalPart(std::string_view email) {
  std::string lower = AsciiLower(email.substr(0, email.find('@')));
  return lower == "mailer-daemon" || lower == "postmaster" || lower == "mail-daemon" ||
         lower == "mailerdaemon";
}

}  // namespace

std::optional<std::string> CheckBounce(const mail::ParsedMessage& m) {
  if (m.bounce.is_report) return "multipart/report delivery-status";
  if (IsDaemonLocalPart(m.from.email)) return "sent by " + m.from.email;
  if (m.has_return_path && m.return_path.empty()) {
    // Auto-replies also use a null return path (RFC 3834); those are reported as such.
    if (CheckAutoReply(m)) return std::nullopt;
    return "null return path (Return-Path: <>)";
  }
  return std::nullopt;
}

}  // namespace svar::triage
