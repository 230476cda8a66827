// ImapClient: a thin wrapper around one libcurl easy handle speaking IMAP to one mailbox.
// One handle per poll: curl keeps the connection (and its login and selected folder) between
// the commands sent through the same handle.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace svar::intake {

struct ImapUrl {
  std::string scheme;   // "imap" or "imaps"
  std::string host;     // without brackets for IPv6
  int port = 0;         // 143 / 993 when the URL has none
  std::string base;     // "imap://host:port" as written (for curl)
  std::string folder_path;  // the folder part of the URL as written (percent-encoded), "INBOX"
  std::string folder;       // ... decoded, for commands: "INBOX"
  std::string HostPort() const { return host + ":" + std::to_string(port); }
};

// Parses imaps://host[:port][/FOLDER] or imap://... (folder defaults to INBOX). kInvalidArgument
// naming `key` (e.g. "mailbox.imap_url") for anything else.
Result<ImapUrl> ParseImapUrl(const std::string& url, const std::string& key = "imap_url");

struct ImapOptions {
  std::string name;      // mailbox name, the prefix of every error message ("mailbox support: ...")
  std::string url;       // imaps://host/INBOX or imap://127.0.0.1:10143/INBOX
  std::string username;
  std::string password;
  bool allow_plaintext = false;  // imap:// without STARTTLS; otherwise TLS is required
  std::string ca_file;           // PEM CAs to trust instead of the system store ("" = system)
  int timeout_seconds = 60;      // connect timeout and the longest silence within a command
};

// Quotes a folder name or string for an IMAP command: "Archive" -> "\"Archive\"".
std::string ImapQuote(std::string_view s);

class ImapClient {
 public:
  // Validates the options and prepares the handle; no network traffic yet.
  static Result<std::unique_ptr<ImapClient>> Create(const ImapOptions& options);
  ~ImapClient();
  ImapClient(const ImapClient&) = delete;
  ImapClient& operator=(const ImapClient&) = delete;

  // Sends `command` (e.g. "UID SEARCH UNSEEN") and returns its untagged response lines
  // ("* SEARCH 1 2 3") without line endings. With in_folder, the URL names the folder: on a
  // fresh connection curl logs in and SELECTs it (read-write) first; on a reused one it trusts
  // that the folder is still selected. Without, the command runs with no folder in the URL.
  // Errors are mapped to clear messages (see MapCurlError in the .cc): kUnavailable (cannot
  // connect, connection lost), kUnauthenticated (login failed), kTimeout, kNotFound (folder
  // missing), kInvalidArgument (TLS required but not offered, command refused).
  Result<std::vector<std::string>> Command(const std::string& command, bool in_folder = true);

  // Fetches the whole message with this UID from the folder (curl sends UID FETCH n BODY[]).
  // std::nullopt when the server has no message with that UID (expunged meanwhile).
  Result<std::optional<std::string>> FetchBody(uint32_t uid);

  // True when the last command or fetch had to open a new connection (a reconnect: curl then
  // logged in and, for a call in the folder, SELECTed it again, read-write).
  bool last_call_reconnected() const { return reconnected_; }
  // Connections opened so far by this client. A change between two calls means the folder
  // state of the earlier connection (e.g. read-only after EXAMINE) is gone.
  int64_t connections() const { return connections_; }
  // The first tagged NO/BAD line of the last call ("A005 NO [TRYCREATE] Mailbox doesn't
  // exist"), for error messages; empty when there was none.
  const std::string& last_server_line() const { return last_tagged_; }
  const ImapUrl& url() const { return url_; }

 private:
  ImapClient(ImapOptions options, ImapUrl url);
  Status Perform(const std::string& url, const std::string* custom, std::string* out,
                 const std::string& what);
  Error MapCurlError(int code, const std::string& what) const;

  static size_t OnWrite(char* data, size_t size, size_t n, void* user);
  static int OnDebug(void* handle, int type, char* data, size_t size, void* user);

  ImapOptions options_;
  ImapUrl url_;
  void* curl_ = nullptr;  // CURL*
  char error_buffer_[256] = {};
  std::string* sink_ = nullptr;
  std::string last_tagged_;
  std::string partial_in_;  // incoming protocol line not yet complete
  bool reconnected_ = false;
  int64_t connections_ = 0;
};

}  // namespace svar::intake
