// Knowledge capture: an agent's reply on a ticket becomes a draft article for an editor.
#pragma once

#include <string>

#include "core/result.h"
#include "knowledge/articles/article_store.h"

namespace svar::knowledge {

struct ReplyCapture {
  // The new text of the reply: the caller has already cut the quoted history and the
  // signature (messages.body_text / the quote split of src/mail). Used as the body as is,
  // with trailing white space trimmed to one final newline.
  std::string text;
  std::string ticket_ref;  // "SV-1042", goes into the version note
  std::string author;      // the agent who captures it
  std::string locale;      // the reply's language (normalised)
  std::string title;       // "" = the first non-empty line of the text (at most 120 bytes)
  std::string slug;        // "" = from the title, else "reply-<ticket ref>"; made unique
  std::string category;    // optional
};

// Creates a public draft (version 1, note "captured from ticket SV-1042"); an editor decides
// about visibility and publishing through the normal review workflow. kInvalidArgument for
// an empty text or a missing author/locale.
Result<Article> DraftFromReply(ArticleStore& store, const ReplyCapture& reply);

}  // namespace svar::knowledge
