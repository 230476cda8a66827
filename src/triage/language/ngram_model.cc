#include "triage/language/ngram_model.h"

#include <cstring>

#include "core/compress.h"
#include "triage/language/ngram_model_data.h"

namespace svar::triage::language {
namespace {

// FNV-1a, 32 bit; must match scripts/gen-langid-model.py.
inline uint32_t Fnv1a(const char* p, size_t n, uint32_t h = 2166136261u) {
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<uint8_t>(p[i]);
    h *= 16777619u;
  }
  return h;
}

Result<std::string> Base64Decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(in.size() / 4 * 3);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    int v = value(c);
    if (v < 0) return std::unexpected(Error{ErrorCode::kInternal, "language model: bad base64"});
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

Result<NgramModel> Load() {
  auto packed = Base64Decode(kNgramModelBase64);
  if (!packed) return std::unexpected(packed.error());
  auto raw = Decompress(*packed);
  if (!raw) return std::unexpected(raw.error());
  if (raw->size() != kNgramModelRawSize) {
    return std::unexpected(Error{ErrorCode::kInternal,
                                 "language model: size mismatch; "
                                 "regenerate ngram_model_data.cc"});
  }
  return NgramModel::Parse(*raw);
}

}  // namespace

Result<const NgramModel*> NgramModel::Get() {
  static const Result<NgramModel> model = Load();
  if (!model) return std::unexpected(model.error());
  return &*model;
}

Result<NgramModel> NgramModel::Parse(std::string_view blob) {
  auto fail = [] {
    return std::unexpected(Error{ErrorCode::kInternal,
                                 "language model data is damaged; regenerate it with "
                                 "scripts/gen-langid-model.py"});
  };
  const size_t header = 5 + 5 + 4;
  if (blob.size() < header || blob.substr(0, 5) != "SVLM1") return fail();
  NgramModel m;
  const auto* p = reinterpret_cast<const uint8_t*>(blob.data()) + 5;
  int n_langs = p[0];
  m.max_order_ = p[1];
  int ngram_bits = p[2], word_bits = p[3];
  m.max_word_len_ = p[4];
  float scale = 0;
  std::memcpy(&scale, p + 5, 4);
  if (n_langs < 1 || n_langs > kMaxModelLanguages || m.max_order_ < 1 || ngram_bits > 24 ||
      word_bits > 26 || scale <= 0) {
    return fail();
  }
  m.inv_scale_ = 1.0 / scale;
  m.ngram_mask_ = (1u << ngram_bits) - 1;
  m.word_mask_ = (1u << word_bits) - 1;
  size_t need = header + 4u * n_langs + 2u * n_langs * m.max_order_ +
                (size_t{1} << ngram_bits) * n_langs + (size_t{1} << word_bits);
  if (blob.size() != need) return fail();
  size_t off = header;
  for (int i = 0; i < n_langs; ++i, off += 4) {
    m.languages_.emplace_back(blob.data() + off, strnlen(blob.data() + off, 4));
  }
  m.floor_.assign(m.max_order_, std::vector<double>(n_langs));
  for (int l = 0; l < n_langs; ++l) {
    for (int n = 0; n < m.max_order_; ++n, off += 2) {
      uint16_t v = 0;
      std::memcpy(&v, blob.data() + off, 2);
      m.floor_[n][l] = v * m.inv_scale_;
    }
  }
  size_t ngram_bytes = (size_t{1} << ngram_bits) * n_langs;
  m.ngrams_.assign(blob.data() + off, blob.data() + off + ngram_bytes);
  off += ngram_bytes;
  m.words_.assign(blob.data() + off, blob.data() + blob.size());
  return m;
}

void NgramModel::ScoreWord(std::string_view w, std::array<double, kMaxModelLanguages>& costs,
                           uint32_t* member) const {
  // The word framed as ^word$, and the byte offset of each code point in it.
  char buf[256];
  if (w.size() + 2 > sizeof buf) w = w.substr(0, sizeof buf - 2);
  size_t len = 0;
  buf[len++] = '^';
  std::memcpy(buf + len, w.data(), w.size());
  len += w.size();
  buf[len++] = '$';
  size_t starts[258];
  size_t n_cp = 0;
  for (size_t i = 0; i < len; ++i) {
    if ((static_cast<uint8_t>(buf[i]) & 0xC0) != 0x80) starts[n_cp++] = i;
  }
  starts[n_cp] = len;
  const size_t n_langs = languages_.size();
  // First every n-gram's row (and a prefetch of it: the table is megabytes, read at random),
  // then the sums, in the same order as before.
  constexpr size_t kMaxGrams = 512;
  uint32_t rows[kMaxGrams];
  int orders[kMaxGrams];
  size_t grams = 0;
  auto sum = [&] {
    for (size_t g = 0; g < grams; ++g) {
      const uint8_t* row = &ngrams_[static_cast<size_t>(rows[g]) * n_langs];
      const std::vector<double>& floor = floor_[orders[g] - 1];
      for (size_t l = 0; l < n_langs; ++l) {
        costs[l] += row[l] == 255 ? floor[l] : row[l] * inv_scale_;
      }
    }
    grams = 0;
  };
  for (int n = 1; n <= max_order_; ++n) {
    if (static_cast<size_t>(n) > n_cp) break;
    for (size_t i = 0; i + n <= n_cp; ++i) {
      if (n == 1 && (i == 0 || i + 1 == n_cp)) continue;  // "^" and "$" alone
      uint32_t h = Fnv1a(buf + starts[i], starts[i + n] - starts[i]) & ngram_mask_;
      __builtin_prefetch(&ngrams_[static_cast<size_t>(h) * n_langs]);
      if (grams == kMaxGrams) sum();  // a very long word: sum in parts (same order)
      rows[grams] = h;
      orders[grams++] = n;
    }
  }
  sum();
  if (member != nullptr) {
    *member = 0;
    if (static_cast<int>(n_cp) - 2 <= max_word_len_) {
      uint32_t h1 = Fnv1a(buf, len);
      *member = words_[h1 & word_mask_] & words_[Fnv1a(buf, len, h1) & word_mask_];
    }
  }
}

}  // namespace svar::triage::language
