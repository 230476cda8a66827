#include "core/hash.h"

#include <sodium.h>

#include <cassert>
#include <cstring>

namespace svar {
namespace {

void EnsureSodium() {
  static const bool ok = sodium_init() >= 0;
  assert(ok);
  (void)ok;
}


}  // namespace

Hasher::Hasher() {
  static_assert(sizeof(crypto_generichash_state) <= sizeof(state_));
  EnsureSodium();
  crypto_generichash_init(reinterpret_cast<crypto_generichash_state*>(state_), nullptr, 0, 32);
}

void Hasher::Update(std::string_view data) {
  crypto_generichash_update(reinterpret_cast<crypto_generichash_state*>(state_),
                            reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

std::string Hasher::FinishHex() {
  unsigned char out[32];
  crypto_generichash_final(reinterpret_cast<crypto_generichash_state*>(state_), out, sizeof out);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return std::string(hex, 64);
}

std::string ContentHash(std::string_view data) {
  Hasher h;
  h.Update(data);
  return h.FinishHex();
}

std::string RandomToken(size_t bytes) {
  EnsureSodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.resize(bytes * 2);
  return hex;
}

}  // namespace svar
