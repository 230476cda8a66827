#include "intake/sources/imap_client.h"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace svar::intake {
namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// curl percent-decodes CURLOPT_CUSTOMREQUEST: protect a literal '%'.
std::string EscapePercent(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t nl = s.find('\n');
    std::string_view line = s.substr(0, nl);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!line.empty()) out.emplace_back(line);
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace

Result<ImapUrl> ParseImapUrl(const std::string& url, const std::string& key) {
  auto bad = [&](const std::string& why) {
    return Fail(ErrorCode::kInvalidArgument,
                key + " \"" + url + "\" " + why +
                    "; write imaps://host[:port]/INBOX (or imap://127.0.0.1:PORT/INBOX with "
                    "allow_plaintext = true for a local test server)");
  };
  ImapUrl u;
  std::string_view rest(url);
  if (rest.starts_with("imaps://")) {
    u.scheme = "imaps";
    rest.remove_prefix(8);
  } else if (rest.starts_with("imap://")) {
    u.scheme = "imap";
    rest.remove_prefix(7);
  } else {
    return bad("is not an IMAP URL");
  }
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash + 1);
  if (authority.find('@') != std::string_view::npos) {
    return bad("contains credentials (put them in username and password instead)");
  }
  if (authority.empty()) return bad("has no host");
  std::string_view host = authority;
  std::string_view port;
  if (authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return bad("has a broken IPv6 address");
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (after.starts_with(':')) port = after.substr(1);
  } else if (size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  u.host = std::string(host);
  u.port = u.scheme == "imaps" ? 993 : 143;
  if (!port.empty()) {
    int p = 0;
    for (char c : port) {
      if (c < '0' || c > '9') return bad("has a bad port");
      p = p * 10 + (c - '0');
      if (p > 65535) return bad("has a bad port");
    }
    if (p == 0) return bad("has a bad port");
    u.port = p;
  }
  while (path.ends_with('/')) path.remove_suffix(1);
  if (path.find(';') != std::string_view::npos || path.find('?') != std::string_view::npos) {
    return bad("has parameters after the folder");
  }
  u.folder_path = path.empty() ? "INBOX" : std::string(path);
  int len = 0;
  char* decoded = curl_easy_unescape(nullptr, u.folder_path.c_str(),
                                     static_cast<int>(u.folder_path.size()), &len);
  if (!decoded) return bad("has a bad folder name");
  u.folder.assign(decoded, static_cast<size_t>(len));
  curl_free(decoded);
  u.base = u.scheme + "://" + std::string(authority);
  return u;
}

std::string ImapQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

ImapClient::ImapClient(ImapOptions options, ImapUrl url)
    : options_(std::move(options)), url_(std::move(url)) {}

ImapClient::~ImapClient() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

Result<std::unique_ptr<ImapClient>> ImapClient::Create(const ImapOptions& options) {
  SVAR_ASSIGN(ImapUrl url, ParseImapUrl(options.url, "mailbox " + options.name + ": imap_url"));
  GlobalInit();
  std::unique_ptr<ImapClient> client(new ImapClient(options, url));
  CURL* c = curl_easy_init();
  if (!c) return Fail(ErrorCode::kInternal, "mailbox " + options.name + ": curl_easy_init failed");
  client->curl_ = c;
  const long timeout = options.timeout_seconds > 0 ? options.timeout_seconds : 60;
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  curl_easy_setopt(c, CURLOPT_USERNAME, options.username.c_str());
  curl_easy_setopt(c, CURLOPT_PASSWORD, options.password.c_str());
  // imaps:// is TLS from the first byte. imap:// must upgrade with STARTTLS unless plain text
  // was allowed explicitly (a local test server): then no TLS at all.
  if (url.scheme == "imap") {
    curl_easy_setopt(c, CURLOPT_USE_SSL,
                     static_cast<long>(options.allow_plaintext ? CURLUSESSL_NONE : CURLUSESSL_ALL));
  }
  if (!options.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
  curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout);
  // A body download may take long; what must not happen is silence for `timeout` seconds.
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, timeout);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, client->error_buffer_);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &ImapClient::OnWrite);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, client.get());
  // The debug callback is how we see the server's tagged answers (NO/BAD texts) for error
  // messages; only incoming protocol lines are kept, never what we send (it has the password).
  curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, &ImapClient::OnDebug);
  curl_easy_setopt(c, CURLOPT_DEBUGDATA, client.get());
  curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
  return client;
}

size_t ImapClient::OnWrite(char* data, size_t size, size_t n, void* user) {
  auto* self = static_cast<ImapClient*>(user);
  if (self->sink_) self->sink_->append(data, size * n);
  return size * n;
}

int ImapClient::OnDebug(void*, int type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  auto* self = static_cast<ImapClient*>(user);
  self->partial_in_.append(data, size);
  size_t nl;
  while ((nl = self->partial_in_.find('\n')) != std::string::npos) {
    std::string line = self->partial_in_.substr(0, nl);
    self->partial_in_.erase(0, nl + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // The first tagged NO/BAD explains a failure; curl's LOGOUT answer that follows does not.
    if (line.size() > 2 && line[0] != '*' && line[0] != '+' && self->last_tagged_.empty()) {
      size_t sp = line.find(' ');
      std::string_view status = sp == std::string::npos ? "" : std::string_view(line).substr(sp + 1);
      if (status.starts_with("NO") || status.starts_with("BAD")) self->last_tagged_ = line;
    }
  }
  return 0;
}

Status ImapClient::Perform(const std::string& url, const std::string* custom, std::string* out,
                           const std::string& what) {
  CURL* c = static_cast<CURL*>(curl_);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  std::string escaped = custom ? EscapePercent(*custom) : std::string();
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, custom ? escaped.c_str() : nullptr);
  out->clear();
  sink_ = out;
  error_buffer_[0] = '\0';
  last_tagged_.clear();
  partial_in_.clear();
  CURLcode rc = curl_easy_perform(c);
  sink_ = nullptr;
  long connects = 0;
  curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &connects);
  reconnected_ = connects > 0;
  connections_ += connects;
  if (rc != CURLE_OK) return Fail(MapCurlError(rc, what));
  return Ok();
}

Result<std::vector<std::string>> ImapClient::Command(const std::string& command,
                                                     bool in_folder) {
  std::string url = url_.base + "/" + (in_folder ? url_.folder_path : "");
  std::string out;
  SVAR_TRY(Perform(url, &command, &out, command));
  return SplitLines(out);
}

Result<std::optional<std::string>> ImapClient::FetchBody(uint32_t uid) {
  std::string url = url_.base + "/" + url_.folder_path + ";UID=" + std::to_string(uid);
  std::string out;
  auto s = Perform(url, nullptr, &out, "UID FETCH " + std::to_string(uid));
  if (!s) {
    if (s.error().code == ErrorCode::kNotFound) return std::optional<std::string>();
    return Fail(std::move(s.error()));
  }
  return std::optional<std::string>(std::move(out));
}

Error ImapClient::MapCurlError(int code, const std::string& what) const {
  const std::string prefix = "mailbox " + options_.name + ": ";
  const std::string detail =
      error_buffer_[0] ? std::string(error_buffer_) : curl_easy_strerror(CURLcode(code));
  std::string server = last_tagged_;
  if (size_t sp = server.find(' '); sp != std::string::npos) server = server.substr(sp + 1);
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return {ErrorCode::kUnavailable, prefix + "cannot resolve host " + url_.host + " (" +
                                           detail + "); check mailbox.imap_url"};
    case CURLE_COULDNT_CONNECT: {
      long os_errno = 0;
      curl_easy_getinfo(static_cast<CURL*>(curl_), CURLINFO_OS_ERRNO, &os_errno);
      std::string reason = os_errno ? std::strerror(static_cast<int>(os_errno)) : detail;
      return {ErrorCode::kUnavailable,
              prefix + "cannot connect to " + url_.HostPort() + " (" + reason +
                  "); check mailbox.imap_url and that the server is running"};
    }
    case CURLE_LOGIN_DENIED:
      return {ErrorCode::kUnauthenticated, prefix + "login failed for user " + options_.username +
                                               "; check username and password"};
    case CURLE_OPERATION_TIMEDOUT:
      return {ErrorCode::kTimeout,
              prefix + "no answer from " + url_.HostPort() + " within " +
                  std::to_string(options_.timeout_seconds) + " s during " + what +
                  "; check the server or raise timeout_seconds"};
    case CURLE_USE_SSL_FAILED:
      return {ErrorCode::kInvalidArgument,
              prefix + "the server at " + url_.HostPort() +
                  " does not offer STARTTLS; use imaps:// or, for a local test server only, set "
                  "allow_plaintext = true"};
    case CURLE_PEER_FAILED_VERIFICATION:
      return {ErrorCode::kUnavailable,
              prefix + "the TLS certificate of " + url_.HostPort() + " is not trusted (" + detail +
                  "); if the server uses a private CA, set ca_file to its PEM file"};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
      return {ErrorCode::kUnavailable, prefix + "TLS with " + url_.HostPort() + " failed (" +
                                           detail +
                                           "); check the server's certificate and that the port "
                                           "speaks TLS"};
    case CURLE_REMOTE_FILE_NOT_FOUND:
      return {ErrorCode::kNotFound, prefix + "folder \"" + url_.folder + "\" or message not found (" +
                                        what + "); check the folder in mailbox.imap_url"};
    case CURLE_QUOTE_ERROR: {
      const bool missing = server.find("TRYCREATE") != std::string::npos ||
                           server.find("NONEXISTENT") != std::string::npos ||
                           server.find("doesn't exist") != std::string::npos ||
                           server.find("does not exist") != std::string::npos;
      return {missing ? ErrorCode::kNotFound : ErrorCode::kUnavailable,
              prefix + "the server refused " + what + ": " +
                  (server.empty() ? detail : server)};
    }
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_WEIRD_SERVER_REPLY:
      return {ErrorCode::kUnavailable, prefix + "connection to " + url_.HostPort() +
                                           " lost during " + what + " (" + detail +
                                           "); the next poll retries"};
    default:
      return {ErrorCode::kUnavailable, prefix + what + " failed: " + detail + " (curl error " +
                                           std::to_string(code) + ")"};
  }
}

}  // namespace svar::intake
