#include "replies/smtp_sender.h"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace svar::replies {
namespace {

struct Upload {
  std::string_view data;
  size_t pos = 0;
};

size_t ReadChunk(char* buffer, size_t size, size_t nitems, void* userp) {
  auto* u = static_cast<Upload*>(userp);
  size_t n = std::min(size * nitems, u->data.size() - u->pos);
  std::memcpy(buffer, u->data.data() + u->pos, n);
  u->pos += n;
  return n;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

SmtpSender::SmtpSender(const OutboxConfig& config, std::string password)
    : config_(config), password_(std::move(password)) {
  GlobalInit();
}

SmtpSender::~SmtpSender() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

std::string SmtpSender::Describe() const { return config_.smtp_url; }

DeliveryResult SmtpSender::Send(const Envelope& envelope, std::string_view mime) {
  if (!curl_) curl_ = curl_easy_init();
  CURL* c = static_cast<CURL*>(curl_);
  if (!c) return {Delivery::kTransient, "libcurl could not start (out of memory?)"};
  curl_easy_reset(c);  // keeps the open connection, clears the options
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_URL, config_.smtp_url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(config_.timeout_seconds));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
                   static_cast<long>(std::min(config_.timeout_seconds, 30)));
  if (config_.smtp_url.rfind("smtp://", 0) == 0 || config_.smtp_url.rfind("SMTP://", 0) == 0)
    curl_easy_setopt(c, CURLOPT_USE_SSL, config_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  if (!config_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config_.ca_file.c_str());
  if (!config_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, password_.c_str());
  }
  std::string from = "<" + envelope.from + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_slist* rcpt = nullptr;
  for (const auto& r : envelope.recipients) rcpt = curl_slist_append(rcpt, ("<" + r + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
  Upload upload{mime};
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadChunk);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));

  CURLcode rc = curl_easy_perform(c);
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  curl_slist_free_all(rcpt);
  if (rc == CURLE_OK) return {Delivery::kSent, "250"};
  std::string detail = std::string(curl_easy_strerror(rc));
  if (errbuf[0]) detail += ": " + std::string(errbuf);
  if (code > 0) detail += " (SMTP " + std::to_string(code) + ")";
  detail = config_.smtp_url + ": " + detail;
  // A failed transfer may leave the connection in an unknown state: start afresh next time.
  curl_easy_cleanup(c);
  curl_ = nullptr;
  // Login, TLS and connection trouble is the desk's own (or the network's), whatever the
  // reply code: retried, so that a fixed configuration lets the queue drain.
  switch (rc) {
    case CURLE_LOGIN_DENIED:
    case CURLE_AUTH_ERROR:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
      return {Delivery::kTransient, detail};
    default:
      break;
  }
  if (code >= 500 && code < 600) return {Delivery::kPermanent, detail};
  return {Delivery::kTransient, detail};
}

}  // namespace svar::replies
