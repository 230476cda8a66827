// HttpServer: the adapter between a socket and the Router. The only file that includes
// <httplib.h>; handlers never see httplib types. Settings come from ServerConfig:
// listen address and port (0 = any free port, see port()), `threads` worker threads (one per
// open connection, so size it for the expected keep-alive clients), `max_body_bytes` request
// bodies (larger ones get 413). TCP_NODELAY is on and keep-alive connections serve up to
// 10000 requests, which is what makes httplib fast.
#pragma once

#include <memory>
#include <string>

#include "core/config.h"
#include "core/result.h"
#include "web/router.h"

namespace svar::web {

class HttpServer {
 public:
  HttpServer();
  ~HttpServer();  // stops the server
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket and starts serving on a background thread; returns once the socket is
  // bound, so a client may connect immediately. The router must outlive the server.
  // Fails with kUnavailable and a message naming the address and the fix when the port is in
  // use ("cannot listen on 127.0.0.1:8025: address in use; set server.port or stop the other
  // process"), with kInvalidArgument for a bad setting, kInternal if already started.
  Status Start(const ServerConfig& config, Router& router);
  // The bound port (the real one when config.port was 0); 0 before Start.
  int port() const;
  // Stops accepting, finishes requests in flight, joins the threads. Idempotent; safe to call
  // from another thread (e.g. a signal watcher) while Wait() blocks.
  void Stop();
  // Blocks until the server stopped (after Stop() or a fatal listen error).
  void Wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace svar::web
