// Fuzz target for the mail parser: ParseMessage, ExtractPart of every listed part and
// LooksLikeMail on arbitrary bytes. Must never crash, and text must stay valid UTF-8.
//
// With a compiler whose standard library <expected> works (g++ 12; clang >= 16) and libFuzzer
// (clang), this is a libFuzzer target. Debian 12's clang 14 cannot compile libstdc++ 12's
// <expected> (it needs __cpp_concepts >= 202002), so fuzz/CMakeLists.txt builds it with g++
// and SVAR_FUZZ_STANDALONE: a small driver that replays files and then mutates them (byte
// flips, inserts, splices) for a given number of seconds under ASan/UBSan.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/text.h"
#include "mail/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  svar::mail::ParseOptions options;
  options.deadline = svar::Deadline(2000);
  auto parsed = svar::mail::ParseMessage(raw, options);
  (void)svar::mail::LooksLikeMail(raw);
  if (parsed) {
    if (!svar::IsValidUtf8(parsed->text) || !svar::IsValidUtf8(parsed->subject) ||
        !svar::IsValidUtf8(parsed->html) || !svar::IsValidUtf8(parsed->quoted))
      std::abort();
    for (const auto& a : parsed->attachments) (void)svar::mail::ExtractPart(raw, a.part_path);
  }
  return 0;
}

#ifdef SVAR_FUZZ_STANDALONE
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  // fuzz_parse [-seconds=N] DIR_OR_FILE...
  int seconds = 0;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("-seconds=", 0) == 0) { seconds = std::atoi(a.c_str() + 9); continue; }
    std::filesystem::path p(a);
    auto add = [&](const std::filesystem::path& f) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      inputs.push_back(ss.str());
    };
    if (std::filesystem::is_directory(p)) {
      for (auto& e : std::filesystem::recursive_directory_iterator(p))
        if (e.is_regular_file()) add(e.path());
    } else {
      add(p);
    }
  }
  svar::mail::InitMail();
  for (auto& s : inputs)
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  std::printf("replayed %zu inputs\n", inputs.size());
  if (seconds <= 0 || inputs.empty()) return 0;
  std::mt19937_64 rng(12345);
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  static const char* kTokens[] = {"\n--", "boundary=", "Content-Type: multipart/mixed; boundary=b\n",
                                  "=?utf-8?B?", "?=", "\n\n", "<blockquote>", "<div>", "charset=",
                                  "Content-Transfer-Encoding: base64\n", "message/rfc822",
                                  "filename*0*=", "\r\n", "\xff\xfe", "<script>", "&#x"};
  long runs = 0;
  while (std::chrono::steady_clock::now() < end) {
    std::string s = inputs[rng() % inputs.size()];
    int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      size_t pos = rng() % s.size();
      switch (rng() % 5) {
        case 0: s[pos] = static_cast<char>(rng()); break;
        case 1: s.erase(pos, rng() % 64); break;
        case 2: s.insert(pos, kTokens[rng() % (sizeof(kTokens) / sizeof(*kTokens))]); break;
        case 3: { const std::string& o = inputs[rng() % inputs.size()];
                  size_t from = rng() % (o.size() + 1);
                  s.insert(pos, o.substr(from, rng() % 256)); break; }
        case 4: s.insert(pos, s.substr(pos, rng() % 128)); break;
      }
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    ++runs;
  }
  std::printf("mutated runs: %ld in %d s, no crash\n", runs, seconds);
  return 0;
}
#endif
