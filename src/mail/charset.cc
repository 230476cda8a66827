#include "mail/charset.h"

#include <uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include <unordered_map>
#include <vector>

#include "core/text.h"
#include "mail/ascii.h"

namespace svar::mail {
namespace {

// ICU converters are not thread safe but are expensive to open: one cache per thread.
struct ConverterCache {
  std::unordered_map<std::string, UConverter*> converters;
  uchardet_t detector = nullptr;
  ~ConverterCache() {
    for (auto& [name, conv] : converters)
      if (conv) ucnv_close(conv);
    if (detector) uchardet_delete(detector);
  }
};

ConverterCache& Cache() {
  thread_local ConverterCache cache;
  return cache;
}

// A converter set to stop at the first invalid byte; nullptr for unknown names.
UConverter* StrictConverter(const std::string& name) {
  auto& map = Cache().converters;
  auto it = map.find(name);
  if (it != map.end()) return it->second;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) conv = nullptr;
  if (conv) {
    status = U_ZERO_ERROR;
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  }
  if (map.size() >= 64) {  // hostile input can name many charsets: start over, never leak
    for (auto& [n, c] : map)
      if (c) ucnv_close(c);
    map.clear();
  }
  map.emplace(name, conv);
  return conv;
}

bool HasHighBytes(std::string_view s) { return !internal::IsAscii(s); }

bool HasEscape(std::string_view s) { return s.find('\x1b') != std::string_view::npos; }

bool IsUtf8Name(std::string_view n) { return n == "utf-8" || n == "utf8"; }
bool IsAsciiName(std::string_view n) {
  return n == "us-ascii" || n == "ascii" || n == "ansi_x3.4-1968" || n == "us_ascii";
}

// Lenient conversion: invalid bytes become U+FFFD.
std::string ConvertLenient(std::string_view bytes, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || !conv) return SanitizeUtf8(bytes);
  std::vector<UChar> u(bytes.size() * 2 + 16);
  status = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv, u.data(), static_cast<int32_t>(u.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &status);
  ucnv_close(conv);
  if (U_FAILURE(status)) return SanitizeUtf8(bytes);
  std::string out;
  out.resize(static_cast<size_t>(n) * 3 + 4);
  int32_t len = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &len, u.data(), n, 0xFFFD,
                     nullptr, &status);
  if (U_FAILURE(status)) return SanitizeUtf8(bytes);
  out.resize(len);
  return out;
}

}  // namespace

std::string NormaliseCharset(std::string_view declared) {
  std::string n = AsciiLower(Trim(declared));
  if (n.size() >= 2 && n.front() == '"' && n.back() == '"') n = n.substr(1, n.size() - 2);
  if (n == "gb2312" || n == "gbk" || n == "x-gbk" || n == "cp936" || n == "euc-cn" ||
      n == "gb_2312-80" || n == "x-euc-cn" || n == "chinese" || n == "csgb2312")
    return "gb18030";
  if (n == "big5" || n == "x-x-big5" || n == "cn-big5" || n == "big-5" || n == "csbig5")
    return "big5";  // plain Big5 (ICU maps it to windows-950), not Big5-HKSCS
  if (n == "iso-8859-1" || n == "latin1" || n == "iso8859-1" || n == "iso_8859-1" ||
      n == "latin-1" || n == "l1")
    return "windows-1252";  // as every browser does: C1 bytes are cp1252 punctuation
  if (n == "ks_c_5601-1987" || n == "euc-kr" || n == "ks_c_5601") return "windows-949";
  if (n == "shift-jis" || n == "sjis" || n == "x-sjis" || n == "shift_jis") return "windows-31j";
  if (n == "utf8" || n == "x-unicode20utf8") return "utf-8";
  if (n == "cp1251" || n == "win-1251" || n == "x-cp1251") return "windows-1251";
  if (n == "cp1252" || n == "win-1252" || n == "x-cp1252") return "windows-1252";
  if (n == "koi8r") return "koi8-r";
  return n;
}

bool ConvertStrict(std::string_view bytes, std::string_view charset, std::string* out) {
  std::string name(charset);
  if (IsUtf8Name(name)) {
    if (!internal::IsValidUtf8Fast(bytes)) return false;
    out->assign(bytes);
    return true;
  }
  UConverter* conv = StrictConverter(name);
  if (!conv) return false;
  ucnv_reset(conv);
  thread_local std::vector<UChar> u;
  if (u.size() < bytes.size() * 2 + 16) u.resize(bytes.size() * 2 + 16);
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv, u.data(), static_cast<int32_t>(u.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<size_t>(n) * 3 + 4);
  int32_t len = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out->data(), static_cast<int32_t>(out->size()), &len, u.data(), n, 0xFFFD,
                     nullptr, &status);
  if (U_FAILURE(status)) return false;
  out->resize(len);
  if (u.size() > (1u << 20)) std::vector<UChar>().swap(u);  // don't keep huge buffers
  return true;
}

std::string DetectCharset(std::string_view bytes) {
  auto& cache = Cache();
  if (!cache.detector) cache.detector = uchardet_new();
  uchardet_reset(cache.detector);
  // A detector learns nothing more after a few KB; keep it cheap.
  std::string_view sample = bytes.substr(0, 64 * 1024);
  if (uchardet_handle_data(cache.detector, sample.data(), sample.size()) != 0) return {};
  uchardet_data_end(cache.detector);
  const char* guess = uchardet_get_charset(cache.detector);
  return guess ? NormaliseCharset(guess) : std::string();
}

Converted ConvertToUtf8(std::string_view bytes, std::string_view declared) {
  Converted result;
  std::string name = NormaliseCharset(declared);
  const bool none = name.empty() || name == "unknown-8bit" || name == "x-unknown" ||
                    name == "unknown" || name == "x-user-defined" || name == "default";
  const bool plain = !HasHighBytes(bytes) && !HasEscape(bytes);

  if (plain && (none || IsAsciiName(name) || IsUtf8Name(name) || name == "windows-1252")) {
    result.utf8.assign(bytes);
    result.charset = none ? "us-ascii" : name;
    return result;
  }
  if (!none && !IsAsciiName(name)) {
    // Declared: trust it when the bytes are valid in it. Single-byte charsets accept almost
    // anything, so a declared 8-bit charset on valid UTF-8 text with multibyte sequences is
    // taken as UTF-8 only when the declaration itself is utf-8.
    if (ConvertStrict(bytes, name, &result.utf8)) {
      result.charset = name;
      return result;
    }
  }
  // Missing, us-ascii with 8-bit bytes, or invalid in the declared charset: guess.
  std::string why = none ? "declared none"
                         : "declared " + AsciiLower(Trim(declared)) + ", bytes invalid in it";
  if (internal::IsValidUtf8Fast(bytes) && !HasEscape(bytes)) {
    result.utf8.assign(bytes);
    result.charset = "utf-8";
    if (!none) result.warning = "charset utf-8 detected (" + why + ")";
    return result;
  }
  std::string guess = DetectCharset(bytes);
  if (!guess.empty() && guess != "ascii" && guess != "us-ascii" &&
      ConvertStrict(bytes, guess, &result.utf8)) {
    result.charset = guess;
  } else if (ConvertStrict(bytes, "windows-1252", &result.utf8)) {
    result.charset = "windows-1252";
  } else {
    result.utf8 = ConvertLenient(bytes, guess.empty() ? "windows-1252" : guess);
    result.charset = guess.empty() ? "windows-1252" : guess;
  }
  if (!internal::IsValidUtf8Fast(result.utf8)) result.utf8 = SanitizeUtf8(result.utf8);
  result.warning = "charset " + result.charset + " detected (" + why + ")";
  return result;
}

}  // namespace svar::mail
