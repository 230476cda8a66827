#include "web/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>

#include "core/log.h"
#include "web/errors.h"
#include "web/security_headers.h"

namespace svar::web {
namespace {

constexpr size_t kKeepAliveMaxCount = 10000;
constexpr time_t kKeepAliveTimeoutSeconds = 30;

Request ToRequest(const httplib::Request& in) {
  Request out;
  out.method = in.method;
  out.path = in.path;
  out.body = in.body;
  out.remote_addr = in.remote_addr;
  for (const auto& [k, v] : in.params) out.query.emplace_back(k, v);
  for (const auto& [k, v] : in.headers) out.AddHeader(k, v);
  return out;
}

void WriteResponse(const Response& in, httplib::Response& out) {
  out.status = in.status;
  for (const auto& [k, v] : in.headers) out.set_header(k, v);
  out.set_content(in.body, in.content_type);
}

}  // namespace

struct HttpServer::Impl {
  httplib::Server server;
  std::thread thread;
  std::mutex mutex;  // guards thread joins
  int port = 0;
  bool started = false;
  std::atomic<bool> finished{false};  // the listen thread has returned
};

HttpServer::HttpServer() : impl_(std::make_unique<Impl>()) {}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Start(const ServerConfig& config, Router& router) {
  if (impl_->started) return Fail(ErrorCode::kInternal, "HttpServer::Start called twice");
  if (config.threads < 1) {
    return Fail(ErrorCode::kInvalidArgument,
                "server.threads must be at least 1 (got " + std::to_string(config.threads) + ")");
  }
  if (config.max_body_bytes < 1) {
    return Fail(ErrorCode::kInvalidArgument, "server.max_body_bytes must be positive");
  }
  if (config.port < 0 || config.port > 65535) {
    return Fail(ErrorCode::kInvalidArgument, "server.port must be between 0 and 65535 (got " +
                                                 std::to_string(config.port) + ")");
  }
  auto& server = impl_->server;
  server.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which lets a second svar bind the same port
  // and silently share its connections; keep only SO_REUSEADDR (restart without TIME_WAIT).
  server.set_socket_options([](auto sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_keep_alive_max_count(kKeepAliveMaxCount);
  server.set_keep_alive_timeout(kKeepAliveTimeoutSeconds);
  server.set_payload_max_length(static_cast<size_t>(config.max_body_bytes));
  size_t threads = static_cast<size_t>(config.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

  auto dispatch = [&router](const httplib::Request& in, httplib::Response& out) {
    Request request = ToRequest(in);
    WriteResponse(router.Handle(request), out);
  };
  // Bodyless GET/HEAD/OPTIONS requests (nearly all of them) are dispatched before httplib's
  // regex routing, which is cheaper. Anything with a body goes through the ".*" routes below,
  // after httplib has read the body (subject to the payload limit), so that no unread body
  // is left on a keep-alive connection.
  server.set_pre_routing_handler([dispatch](const httplib::Request& in, httplib::Response& out) {
    bool bodyless_method = in.method == "GET" || in.method == "HEAD" || in.method == "OPTIONS";
    bool has_body =
        in.has_header("Transfer-Encoding") ||
        (in.has_header("Content-Length") && in.get_header_value("Content-Length") != "0");
    if (bodyless_method && !has_body) {
      dispatch(in, out);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.Get(".*", dispatch);  // also HEAD
  server.Options(".*", dispatch);
  server.Post(".*", dispatch);
  server.Put(".*", dispatch);
  server.Patch(".*", dispatch);
  server.Delete(".*", dispatch);
  // Errors httplib produces itself (400 bad request line, 413 payload too large, ...) get
  // the same JSON body and security headers as ours; our own error responses pass through.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& out) {
        if (!out.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string code = out.status == 413 ? "payload_too_large" : "bad_request";
        std::string message =
            out.status == 413
                ? "the request body is larger than server.max_body_bytes"
                : "the request could not be handled (HTTP " + std::to_string(out.status) + ")";
        Response r = HttpErrorResponse(out.status, code, message);
        AddSecurityHeaders(r);
        WriteResponse(r, out);
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler([](const httplib::Request& in, httplib::Response& out,
                                  std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    Response r = ErrorResponse(Error{
        ErrorCode::kInternal, "unexpected failure in " + in.method + " " + in.path + ": " + what});
    AddSecurityHeaders(r);
    WriteResponse(r, out);
  });

  std::string where = config.listen + ":" + std::to_string(config.port);
  errno = 0;
  int port = config.port;
  bool bound;
  if (config.port == 0) {
    port = server.bind_to_any_port(config.listen);
    bound = port > 0;
  } else {
    bound = server.bind_to_port(config.listen, config.port);
  }
  int err = errno;
  if (!bound) {
    if (err == EADDRINUSE) {
      return Fail(ErrorCode::kUnavailable, "cannot listen on " + where +
                                               ": address in use; set server.port or stop "
                                               "the other process");
    }
    if (err == EACCES) {
      return Fail(
          ErrorCode::kUnavailable,
          "cannot listen on " + where + ": permission denied; use a port above 1023 (server.port)");
    }
    return Fail(ErrorCode::kUnavailable,
                "cannot listen on " + where + ": " +
                    (err ? std::string(std::strerror(err)) : std::string("bind failed")) +
                    "; check server.listen and server.port");
  }
  impl_->port = port;
  impl_->started = true;
  impl_->thread = std::thread([this] {
    try {
      if (!impl_->server.listen_after_bind()) {
        LogError("web: the HTTP server stopped accepting connections unexpectedly");
      }
    } catch (const std::exception& e) {
      LogError(std::string("web: the HTTP server failed: ") + e.what());
    }
    impl_->finished = true;
  });
  LogInfo("web: listening on http://" + config.listen + ":" + std::to_string(port));
  return Ok();
}

int HttpServer::port() const { return impl_->port; }

void HttpServer::Stop() {
  if (!impl_->started) return;
  // httplib's stop() is a no-op until the listen thread has marked itself running.
  while (!impl_->server.is_running() && !impl_->finished.load()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->server.stop();
  Wait();
}

void HttpServer::Wait() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace svar::web
