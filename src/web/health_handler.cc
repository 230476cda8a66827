#include "web/health_handler.h"

#include "web/errors.h"

namespace svar::web {

Response HandleHealth(WebContext& context, const Request&) {
  auto row = context.db.QueryOne("SELECT 1");
  if (!row || !*row) {
    std::string why = row ? "no row" : row.error().message;
    return ErrorResponse(Error{ErrorCode::kUnavailable, "the database does not answer: " + why});
  }
  return JsonResponse(200, R"({"status":"ok"})");
}

}  // namespace svar::web
