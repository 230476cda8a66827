#include "web/router.h"

#include <cassert>
#include <chrono>
#include <exception>
#include <string>

#include "core/log.h"
#include "web/errors.h"
#include "web/security_headers.h"

namespace svar::web {
namespace {

// "/a/b/" -> {"a", "b"}; "/" -> {}. A single trailing slash is ignored; empty inner segments
// ("/a//b") are kept so that they match nothing.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return parts;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      parts.push_back(path.substr(start));
      break;
    }
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

void Router::Add(std::string_view method, std::string_view pattern, Handler handler) {
  assert(!pattern.empty() && pattern.front() == '/');
  Route route;
  route.method = std::string(method);
  route.pattern = std::string(pattern);
  for (auto part : SplitPath(pattern)) {
    Segment s;
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      s.is_param = true;
      s.text = std::string(part.substr(1, part.size() - 2));
    } else {
      s.text = std::string(part);
    }
    route.segments.push_back(std::move(s));
  }
  for ([[maybe_unused]] const auto& r : routes_) {
    assert(!(r.method == route.method && r.pattern == route.pattern) && "duplicate route");
  }
  route.handler = std::move(handler);
  routes_.push_back(std::move(route));
}

int Router::Match(const Route& route, const std::vector<std::string_view>& parts) {
  if (route.segments.size() != parts.size()) return -1;
  int literals = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const Segment& s = route.segments[i];
    if (s.is_param) {
      if (parts[i].empty()) return -1;
    } else {
      if (s.text != parts[i]) return -1;
      ++literals;
    }
  }
  return literals;
}

Response Router::Dispatch(Request& request) const {
  auto parts = SplitPath(request.path);
  const Route* best = nullptr;
  const Route* best_get = nullptr;  // for HEAD
  int best_score = -1;
  int best_get_score = -1;
  std::vector<std::string> allowed;
  for (const auto& route : routes_) {
    int score = Match(route, parts);
    if (score < 0) continue;
    bool seen = false;
    for (const auto& m : allowed) seen = seen || m == route.method;
    if (!seen) allowed.push_back(route.method);
    if (route.method == request.method && score > best_score) {
      best = &route;
      best_score = score;
    }
    if (route.method == "GET" && score > best_get_score) {
      best_get = &route;
      best_get_score = score;
    }
  }
  if (!best && request.method == "HEAD") best = best_get;
  if (!best) {
    if (allowed.empty()) {
      return HttpErrorResponse(
          404, "not_found",
          "no such endpoint: " + request.path + " (the API is described in docs/api/openapi.yaml)");
    }
    std::string allow;
    for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
    Response r = HttpErrorResponse(
        405, "method_not_allowed",
        request.method + " is not allowed on " + request.path + "; allowed: " + allow);
    r.SetHeader("Allow", allow);
    return r;
  }
  request.path_params.clear();
  for (size_t i = 0; i < parts.size(); ++i) {
    if (best->segments[i].is_param) {
      request.path_params[best->segments[i].text] = std::string(parts[i]);
    }
  }
  try {
    return best->handler(request);
  } catch (const std::exception& e) {
    return ErrorResponse(
        Error{ErrorCode::kInternal, std::string("unexpected failure while handling ") +
                                        request.method + " " + request.path + ": " + e.what()});
  } catch (...) {
    return ErrorResponse(Error{ErrorCode::kInternal, "unexpected failure while handling " +
                                                         request.method + " " + request.path});
  }
}

Response Router::Handle(Request& request) const {
  auto start = std::chrono::steady_clock::now();
  Response response = Dispatch(request);
  AddSecurityHeaders(response);
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::steady_clock::now() - start)
                    .count();
  LogDebug("http " + request.method + " " + request.path + " -> " +
           std::to_string(response.status) + " (" + std::to_string(response.body.size()) +
           " bytes, " + std::to_string(micros) + " us)");
  return response;
}

}  // namespace svar::web
