// Robustness over public corpora in ../shared/data (skipped when absent): every message
// parses, text is valid UTF-8, and legacy-charset spam comes out readable.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.h"
#include "mail/parse.h"

namespace svar::mail {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Tally {
  int files = 0, parsed = 0, with_warnings = 0, rejected = 0;
};

void CheckAll(const std::vector<fs::path>& files, Tally* tally) {
  for (const auto& f : files) {
    ++tally->files;
    std::string raw = ReadFile(f);
    auto m = ParseMessage(raw);
    if (!m && m.error().code == ErrorCode::kParse && !LooksLikeMail(raw)) {
      ++tally->rejected;  // e.g. enmime's erroneous.raw, which is not mail at all
      continue;
    }
    if (!m) {
      ADD_FAILURE() << f << ": " << m.error().ToString();
      continue;
    }
    ++tally->parsed;
    if (!m->warnings.empty()) ++tally->with_warnings;
    EXPECT_TRUE(IsValidUtf8(m->text)) << f;
    EXPECT_TRUE(IsValidUtf8(m->quoted)) << f;
    EXPECT_TRUE(IsValidUtf8(m->subject)) << f;
    EXPECT_TRUE(IsValidUtf8(m->html)) << f;
    for (const auto& [k, v] : m->headers) EXPECT_TRUE(IsValidUtf8(v)) << f << " " << k;
    for (const auto& a : m->attachments) {
      auto part = ExtractPart(raw, a.part_path);
      EXPECT_TRUE(part) << f << " part " << a.part_path;
    }
  }
}

std::vector<fs::path> Collect(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> files;
  if (!fs::exists(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && (ext.empty() || e.path().extension() == ext))
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Robustness, MimeTortureEnmime) {
  fs::path dir = fs::path(SVAR_SHARED_DATA) / "mime-torture" / "enmime";
  auto files = Collect(dir, ".raw");
  if (files.empty()) GTEST_SKIP() << dir << " not present (public data set, optional)";
  Tally t;
  CheckAll(files, &t);
  std::printf("enmime: %d files, %d parsed, %d with warnings, %d rejected as not mail\n",
              t.files, t.parsed, t.with_warnings, t.rejected);
  EXPECT_LE(t.rejected, 1);
}

TEST(Robustness, SpamAssassin) {
  fs::path dir = fs::path(SVAR_SHARED_DATA) / "spamassassin";
  auto files = Collect(dir, "");
  std::erase_if(files, [](const fs::path& p) { return p.filename() == "cmds"; });
  if (files.empty()) GTEST_SKIP() << dir << " not present (public data set, optional)";
  Tally t;
  CheckAll(files, &t);
  std::printf("spamassassin: %d files, %d parsed, %d with warnings\n", t.files, t.parsed,
              t.with_warnings);
}

// Messages declared (or detected) in legacy CJK/Cyrillic charsets come out as readable text:
// mostly letters of the expected script, few U+FFFD.
TEST(Robustness, SpamAssassinLegacyCharsetsReadable) {
  fs::path dir = fs::path(SVAR_SHARED_DATA) / "spamassassin";
  auto files = Collect(dir, "");
  if (files.empty()) GTEST_SKIP() << dir << " not present (public data set, optional)";
  int checked = 0;
  for (const auto& f : files) {
    std::string raw = ReadFile(f);
    std::string lower = AsciiLower(raw.substr(0, 20000));
    bool legacy = false;
    for (const char* cs : {"charset=big5", "charset=\"big5", "charset=gb2312", "charset=\"gb2312",
                           "charset=koi8-r", "charset=\"koi8-r", "charset=iso-2022-jp",
                           "charset=\"iso-2022-jp"})
      legacy = legacy || lower.find(cs) != std::string::npos;
    if (!legacy) continue;
    auto m = ParseMessage(raw);
    ASSERT_TRUE(m) << f;
    std::string all = m->text + m->quoted + m->signature;
    size_t replacement = 0, multibyte = 0;
    for (size_t i = 0; i + 2 < all.size(); ++i) {
      if (all.compare(i, 3, "\xEF\xBF\xBD") == 0) ++replacement;
      if (static_cast<unsigned char>(all[i]) >= 0xC0) ++multibyte;
    }
    EXPECT_LE(replacement * 20, multibyte + 20) << f << " has many U+FFFD";
    ++checked;
  }
  std::printf("legacy-charset spamassassin messages checked: %d\n", checked);
}

}  // namespace
}  // namespace svar::mail
