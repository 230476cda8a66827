// Content hashes: BLAKE2b-256 (libsodium), as lowercase hex. Used to address raw mail.
#pragma once

#include <string>
#include <string_view>

namespace svar {

// 64 hex characters.
std::string ContentHash(std::string_view data);

// Incremental hashing over several pieces.
class Hasher {
 public:
  Hasher();
  void Update(std::string_view data);
  std::string FinishHex();

 private:
  alignas(64) unsigned char state_[384];
};

// Random URL-safe token of `bytes` random bytes (hex encoded, 2*bytes characters).
std::string RandomToken(size_t bytes = 24);

}  // namespace svar
