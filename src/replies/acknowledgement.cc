#include "replies/acknowledgement.h"

#include "core/text.h"
#include "tickets/records.h"

namespace svar::replies {
namespace {

std::string Reason(const AckFacts& f, const char* key, std::string_view fallback) {
  auto it = f.guard_reasons.find(key);
  return std::string(key) + ": " + (it != f.guard_reasons.end() ? it->second : std::string(fallback));
}

AckDecision Skip(AckSkip skip, std::string reason) { return {false, skip, std::move(reason)}; }

}  // namespace

std::string_view AckSkipName(AckSkip skip) {
  switch (skip) {
    case AckSkip::kNone: return "none";
    case AckSkip::kDisabled: return "disabled";
    case AckSkip::kNoTransport: return "no_transport";
    case AckSkip::kNoCustomerMail: return "no_customer_mail";
    case AckSkip::kOwnAddress: return "own_address";
    case AckSkip::kBounce: return "bounce";
    case AckSkip::kAutoReply: return "auto_reply";
    case AckSkip::kList: return "list";
    case AckSkip::kSpam: return "spam";
    case AckSkip::kNoReplySender: return "no_reply_sender";
    case AckSkip::kTooOld: return "too_old";
    case AckSkip::kAnswered: return "answered";
    case AckSkip::kRateLimit: return "rate_limit";
  }
  return "none";
}

bool IsDeskWide(AckSkip skip) { return skip == AckSkip::kDisabled || skip == AckSkip::kNoTransport; }

bool IsNoReplyAddress(std::string_view email, const std::vector<std::string>& extra) {
  const size_t at = email.rfind('@');
  std::string local = AsciiLower(Trim(at == std::string_view::npos ? email : email.substr(0, at)));
  // "noreply+tag" counts as "noreply".
  if (size_t plus = local.find('+'); plus != std::string::npos) local.resize(plus);
  for (const auto& e : extra)
    if (EqualsIgnoreCase(Trim(e), local)) return true;
  for (std::string_view exact : {"mailer-daemon", "postmaster", "bounce", "bounces", "daemon"})
    if (local == exact) return true;
  for (std::string_view prefix : {"noreply", "no-reply", "no_reply", "no.reply", "donotreply",
                                  "do-not-reply", "do_not_reply", "do.not.reply", "dontreply",
                                  "dont-reply"})
    if (local.starts_with(prefix)) return true;
  return false;
}

AckDecision DecideAcknowledgement(const AckFacts& f, const AcknowledgementConfig& c) {
  if (!c.enabled) return Skip(AckSkip::kDisabled, "acknowledgements are off ([acknowledgement] enabled = false)");
  if (!f.has_transport)
    return Skip(AckSkip::kNoTransport,
                "no way to send mail: set [outbox] smtp_url or sendmail to acknowledge new tickets");
  if (!f.has_customer_mail)
    return Skip(AckSkip::kNoCustomerMail, "no_customer_mail: the ticket was opened by the desk's own mail");
  for (const auto& a : f.desk_addresses)
    if (EqualsIgnoreCase(a, f.sender))
      return Skip(AckSkip::kOwnAddress, "own_address: " + f.sender + " is one of the desk's addresses");
  if (f.guard_flags & tickets::kGuardOwnAddress)
    return Skip(AckSkip::kOwnAddress, Reason(f, "own_address", "from the desk's own address"));
  if (f.guard_flags & tickets::kGuardBounce)
    return Skip(AckSkip::kBounce, Reason(f, "bounce", "delivery status notification"));
  if (f.guard_flags & tickets::kGuardAutoReply)
    return Skip(AckSkip::kAutoReply, Reason(f, "auto_reply", "automatic reply"));
  if (f.guard_flags & tickets::kGuardList)
    return Skip(AckSkip::kList, Reason(f, "list", "mailing list or bulk mail"));
  if (f.spam)
    return Skip(AckSkip::kSpam, "spam: the ticket is in the spam view" +
                                    (f.spam_reason.empty() ? std::string() : " (" + f.spam_reason + ")"));
  if (f.sender.empty() || IsNoReplyAddress(f.sender, c.never_to))
    return Skip(AckSkip::kNoReplySender,
                "no_reply_sender: " + (f.sender.empty() ? std::string("no address to answer") : f.sender +
                                       " does not read replies"));
  const int64_t max_age = int64_t{c.max_age_hours} * 3600;
  if (f.mail_date && *f.mail_date < f.now - max_age)
    return Skip(AckSkip::kTooOld, "too_old: the mail is dated " +
                                      std::to_string((f.now - *f.mail_date) / 3600) +
                                      " hours ago, more than [acknowledgement] max_age_hours = " +
                                      std::to_string(c.max_age_hours));
  if (f.answered) return Skip(AckSkip::kAnswered, "answered: an agent has already answered");
  if (f.acknowledgements_last_day >= c.max_per_sender_per_day)
    return Skip(AckSkip::kRateLimit,
                "rate_limit: " + std::to_string(f.acknowledgements_last_day) +
                    " acknowledgements to " + f.sender +
                    " in the last 24 hours ([acknowledgement] max_per_sender_per_day = " +
                    std::to_string(c.max_per_sender_per_day) + ")");
  return {true, AckSkip::kNone, ""};
}

int LoopBound(bool peer_honours_auto_submitted, const AcknowledgementConfig& c) {
  return peer_honours_auto_submitted ? 1 : 2 * c.max_per_sender_per_day;
}

}  // namespace svar::replies
