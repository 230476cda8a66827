#include "mail/bounce_report.h"

#include "core/text.h"
#include "mail/headers.h"

namespace svar::mail {
namespace {

void AddUnique(std::vector<std::string>* list, std::string value) {
  if (value.empty()) return;
  for (const auto& v : *list)
    if (v == value) return;
  list->push_back(std::move(value));
}

}  // namespace

void ParseDeliveryStatus(std::string_view body, BounceInfo* bounce) {
  size_t pos = 0;
  std::string final_recipient, original_recipient;
  auto flush = [&] {
    std::string r = !final_recipient.empty() ? final_recipient : original_recipient;
    if (!r.empty()) AddUnique(&bounce->failed_recipients, AsciiLower(r));
    final_recipient.clear();
    original_recipient.clear();
  };
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    std::string_view line = body.substr(pos, nl == std::string_view::npos ? body.npos : nl - pos);
    pos = nl == std::string_view::npos ? body.size() + 1 : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      flush();
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = AsciiLower(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    auto address = [](std::string_view v) {  // "rfc822; user@example.com"
      size_t semi = v.find(';');
      std::string_view a = Trim(semi == std::string_view::npos ? v : v.substr(semi + 1));
      if (a.starts_with('<') && a.ends_with('>') && a.size() >= 2) a = a.substr(1, a.size() - 2);
      return SanitizeUtf8(a);
    };
    if (name == "final-recipient") {
      final_recipient = address(value);
    } else if (name == "original-recipient") {
      original_recipient = address(value);
    } else if (name == "action" && bounce->action.empty()) {
      bounce->action = AsciiLower(SanitizeUtf8(value));
    } else if (name == "status" && bounce->status.empty()) {
      std::string_view s = value.substr(0, value.find_first_of(" \t("));
      bounce->status = SanitizeUtf8(s);
    }
  }
  flush();
}

std::vector<std::string> FindMessageIdLines(std::string_view text) {
  std::vector<std::string> ids;
  size_t pos = 0;
  while (pos < text.size() && ids.size() < 10) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    while (!line.empty() && (line.front() == '>' || line.front() == ' ' || line.front() == '\t'))
      line.remove_prefix(1);
    if (StartsWithIgnoreCase(line, "message-id:")) {
      std::string id = ParseMessageId(line.substr(11));
      if (!id.empty()) AddUnique(&ids, std::move(id));
    }
  }
  return ids;
}

bool LooksLikeBounce(const ParsedMessage& m) {
  std::string local = m.from.email.substr(0, m.from.email.find('@'));
  if (local == "mailer-daemon" || local == "postmaster" || local == "mail-daemon") return true;
  std::string subject = AsciiLower(m.subject);
  static constexpr std::string_view kSubjects[] = {
      "undeliver", "delivery status notification", "failure notice", "returned mail",
      "delivery failure", "mail delivery failed", "non-delivery", "delivery has failed"};
  for (auto s : kSubjects)
    if (subject.find(s) != std::string::npos) return true;
  return false;
}

}  // namespace svar::mail
