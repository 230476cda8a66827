#include "mail/parsed_message.h"

#include "core/text.h"

namespace svar::mail {

const std::string* ParsedMessage::Header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (EqualsIgnoreCase(key, name)) return &value;
  return nullptr;
}

}  // namespace svar::mail
