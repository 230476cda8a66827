#include "web/web_context.h"

#include "routing/live_desk.h"

namespace svar::web {

std::shared_ptr<const Config> WebContext::Settings() const {
  if (live) return live->config();
  return std::shared_ptr<const Config>(&config, [](const Config*) {});  // not owned
}

std::shared_ptr<const routing::DeskRouting> WebContext::Routing() const {
  if (live) return live->routing();
  return std::shared_ptr<const routing::DeskRouting>(routing, [](const routing::DeskRouting*) {});
}

}  // namespace svar::web
