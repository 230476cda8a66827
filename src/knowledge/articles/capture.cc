#include "knowledge/articles/capture.h"

#include "core/text.h"
#include "knowledge/articles/locale.h"

namespace svar::knowledge {
namespace {

constexpr size_t kMaxTitleBytes = 120;

std::string FirstLine(std::string_view text) {
  for (const auto& line : Split(text, '\n')) {
    std::string_view t = Trim(line);
    if (!t.empty()) return std::string(TruncateUtf8(t, kMaxTitleBytes));
  }
  return "";
}

std::string TrimEnd(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' ||
                     text[end - 1] == '\t')) {
    --end;
  }
  return std::string(text.substr(0, end)) + "\n";
}

}  // namespace

Result<Article> DraftFromReply(ArticleStore& store, const ReplyCapture& reply) {
  if (Trim(reply.text).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "the reply has no text to turn into an article");
  }
  SVAR_ASSIGN(auto locale, NormaliseLocale(reply.locale));
  NewArticle n;
  n.locale = locale;
  n.content.title =
      Trim(reply.title).empty() ? FirstLine(reply.text) : std::string(Trim(reply.title));
  n.content.body = TrimEnd(reply.text);
  n.content.category = reply.category;
  n.author = reply.author;
  n.note = reply.ticket_ref.empty() ? "captured from a ticket reply"
                                    : "captured from ticket " + reply.ticket_ref;
  std::string base = reply.slug;
  if (base.empty()) base = SlugFromTitle(n.content.title);
  if (base.empty()) base = SlugFromTitle("reply " + reply.ticket_ref);
  if (base.empty()) base = "reply";
  SVAR_TRY(ValidateSlug(base));

  storage::Transaction tx(store.db());
  SVAR_TRY(tx.begin_status());
  n.slug = base;
  for (int i = 2;; ++i) {
    SVAR_ASSIGN(auto existing, store.Find(locale, n.slug));
    if (!existing) break;
    n.slug = base + "-" + std::to_string(i);
  }
  SVAR_ASSIGN(auto a, store.Create(n));
  SVAR_TRY(tx.Commit());
  return a;
}

}  // namespace svar::knowledge
