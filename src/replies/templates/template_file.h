// A template as a file, for `svar templates import DIR` (a desk's start): front matter with
// the name, category and language, then the body in the markup of template_markup.h.
//
//   ---
//   name: refund
//   category: billing
//   language: da
//   comment: approved by legal 2025-03   (optional: the version's comment)
//   ---
//   Kære {{customer.first_name}}, ...
//
// name and language are required; category may be left out ("" = any category). Unknown
// keys are errors (a typo would otherwise be lost). Body errors name the line of the FILE.
#pragma once

#include <string_view>

#include "core/result.h"
#include "replies/templates/template_store.h"

namespace svar::replies {

// kInvalidArgument naming the line and the fix.
Result<NewTemplate> ParseTemplateFile(std::string_view text);

}  // namespace svar::replies
