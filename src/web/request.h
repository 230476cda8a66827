// Request: an HTTP request as the handlers see it, independent of the HTTP library, so the
// server adapter (http_server.cc) can be swapped and handlers can be tested without sockets.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace svar::web {

struct Request {
  std::string method;  // "GET", "POST", ... (upper case)
  std::string path;    // decoded path without the query string, e.g. "/api/v1/tickets/SV-1"
  // Filled by the Router from the matched pattern: "{ref}" -> path_params["ref"].
  std::map<std::string, std::string> path_params;
  // Decoded query parameters in the order they came; a name may repeat.
  std::vector<std::pair<std::string, std::string>> query;
  // Header names are stored lower case (HTTP header names are case-insensitive).
  std::multimap<std::string, std::string> headers;
  std::string body;
  std::string remote_addr;
  // Set by RequireToken for an authenticated request: the token's name and role.
  std::string actor;
  int actor_role = -1;  // a web::Role value; -1 when not authenticated

  // The first value of a header (name in any case); nullopt when absent.
  std::optional<std::string_view> Header(std::string_view name) const;
  // The first value of a query parameter; nullopt when absent.
  std::optional<std::string_view> Query(std::string_view name) const;
  // The value of a path parameter; "" when the pattern had no such parameter.
  const std::string& Param(const std::string& name) const;
  // Adds a header, lowering its name.
  void AddHeader(std::string_view name, std::string value);
};

}  // namespace svar::web
