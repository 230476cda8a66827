// Versioned binary blobs for the triage models (category model, spam filter): a magic tag,
// a format version, the payload and a checksum, so that a truncated, corrupt or old blob is
// refused with a clear error instead of being half-read. Little-endian, fixed-size ints.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/result.h"

namespace svar::triage::blob {

// 64-bit FNV-1a; also the feature hash of the category model.
inline uint64_t Hash64(std::string_view s, uint64_t seed = 1469598103934665603ULL) {
  uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

class Writer {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof(v));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void PutVector(const std::vector<T>& v) {
    Put<uint64_t>(v.size());
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  // magic (4 bytes) + version + payload + checksum of everything before it.
  std::string Finish(std::string_view magic, uint32_t version) const {
    std::string blob(magic);
    blob.append(reinterpret_cast<const char*>(&version), sizeof(version));
    blob += out_;
    uint64_t sum = Hash64(blob);
    blob.append(reinterpret_cast<const char*>(&sum), sizeof(sum));
    return blob;
  }

 private:
  std::string out_;
};

class Reader {
 public:
  // Checks magic, version and checksum; what names the model in error messages ("category model").
  static Result<Reader> Open(std::string_view blob, std::string_view magic, uint32_t version,
                             std::string_view what) {
    if (blob.size() < magic.size() + 4 + 8 || blob.substr(0, magic.size()) != magic)
      return Fail(ErrorCode::kParse, std::string(what) +
                                         " blob is not a Svar " + std::string(what) +
                                         " (wrong header): retrain the model");
    uint32_t v = 0;
    std::memcpy(&v, blob.data() + magic.size(), 4);
    if (v != version)
      return Fail(ErrorCode::kParse, std::string(what) + " blob has format version " +
                                         std::to_string(v) + ", this build reads version " +
                                         std::to_string(version) + ": retrain the model");
    uint64_t stored = 0;
    std::memcpy(&stored, blob.data() + blob.size() - 8, 8);
    if (stored != Hash64(blob.substr(0, blob.size() - 8)))
      return Fail(ErrorCode::kParse, std::string(what) +
                                         " blob is corrupt (checksum mismatch): retrain the model");
    return Reader(blob.substr(magic.size() + 4, blob.size() - magic.size() - 4 - 8), what);
  }

  template <typename T>
  Result<T> Get() {
    if (rest_.size() < sizeof(T)) return Truncated();
    T v;
    std::memcpy(&v, rest_.data(), sizeof(T));
    rest_.remove_prefix(sizeof(T));
    return v;
  }
  Result<std::string> GetString() {
    SVAR_ASSIGN(uint32_t n, Get<uint32_t>());
    if (rest_.size() < n) return Truncated();
    std::string s(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return s;
  }
  template <typename T>
  Result<std::vector<T>> GetVector() {
    SVAR_ASSIGN(uint64_t n, Get<uint64_t>());
    if (n > rest_.size() / sizeof(T)) return Truncated();
    std::vector<T> v(n);
    std::memcpy(v.data(), rest_.data(), n * sizeof(T));
    rest_.remove_prefix(n * sizeof(T));
    return v;
  }
  bool AtEnd() const { return rest_.empty(); }
  std::unexpected<Error> Truncated() const {
    return Fail(ErrorCode::kParse, what_ + " blob is truncated or inconsistent: retrain the model");
  }

 private:
  Reader(std::string_view rest, std::string_view what) : rest_(rest), what_(what) {}
  std::string_view rest_;
  std::string what_;
};

}  // namespace svar::triage::blob
