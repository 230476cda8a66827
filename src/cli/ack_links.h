// The acknowledgement's knowledge-base links (replies/acknowledger.h LinkFinder) from the
// help centre's search: public articles only (Audience::kCustomer opens only the public index),
// in the acknowledgement's locale, topped up from [knowledge].default_locale when that finds
// fewer than asked; each with the passage the searcher chose for the question. URLs are the
// public article page, <[desk].public_url>/api/v1/kb/public/articles/<locale>/<slug>#<anchor>
// (web/kb_public_handler.h). No [desk].public_url: no links (a relative URL is useless in mail).
#pragma once

#include <memory>

#include "core/config.h"
#include "knowledge/search/searcher.h"
#include "replies/acknowledger.h"

namespace svar::cli {

// `searcher` must outlive the finder. Null: opens its own searcher on the desk's index (which
// may not exist yet: then there are no links).
replies::LinkFinder KnowledgeLinkFinder(const Config& config,
                                        std::shared_ptr<const knowledge::Searcher> searcher = {});

}  // namespace svar::cli
