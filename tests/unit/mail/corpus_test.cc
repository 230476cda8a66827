// Corpus tests: every tests/corpora/{charsets,html,mime,quotes}/*.eml is parsed and compared
// with <name>.expected.json beside it. SVAR_REGEN=1 rewrites the expected files instead
// (review the diff before committing). See tests/corpora/README.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
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

nlohmann::ordered_json Summarise(const ParsedMessage& m) {
  nlohmann::ordered_json j;
  j["subject"] = m.subject;
  j["from"] = m.from.name.empty() ? m.from.email : m.from.name + " <" + m.from.email + ">";
  j["message_id"] = m.message_id;
  j["text"] = m.text;
  j["quoted"] = m.quoted;
  j["signature"] = m.signature;
  j["has_html"] = !m.html.empty();
  if (!m.html.empty()) j["html"] = m.html;
  j["attachments"] = nlohmann::json::array();
  for (const auto& a : m.attachments) {
    j["attachments"].push_back({{"filename", a.filename}, {"content_type", a.content_type},
                                {"size", a.size}, {"disposition", a.disposition},
                                {"content_id", a.content_id}, {"part_path", a.part_path}});
  }
  j["warnings"] = m.warnings;
  if (m.bounce.is_report || !m.bounce.original_message_ids.empty()) {
    j["bounce"] = {{"is_report", m.bounce.is_report},
                   {"original_message_ids", m.bounce.original_message_ids},
                   {"failed_recipients", m.bounce.failed_recipients},
                   {"status", m.bounce.status},
                   {"action", m.bounce.action}};
  }
  return j;
}

std::vector<fs::path> CorpusFiles() {
  std::vector<fs::path> files;
  fs::path root = fs::path(SVAR_SOURCE_DIR) / "tests" / "corpora";
  for (const char* kind : {"charsets", "html", "mime", "quotes"}) {
    if (!fs::exists(root / kind)) continue;
    for (const auto& e : fs::directory_iterator(root / kind))
      if (e.path().extension() == ".eml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Corpus, MatchesExpectedJson) {
  const bool regen = std::getenv("SVAR_REGEN") != nullptr;
  auto files = CorpusFiles();
  ASSERT_GE(files.size(), 20u) << "corpus fixtures missing: run tests/corpora/make_fixtures.py";
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    auto parsed = ParseMessage(ReadFile(file));
    ASSERT_TRUE(parsed) << parsed.error().ToString();
    EXPECT_TRUE(IsValidUtf8(parsed->text));
    EXPECT_TRUE(IsValidUtf8(parsed->subject));
    nlohmann::ordered_json actual = Summarise(*parsed);
    fs::path expected_path = file;
    expected_path.replace_extension(".expected.json");
    if (regen) {
      std::ofstream(expected_path, std::ios::binary) << actual.dump(2) << "\n";
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path))
        << "no expected file; run with SVAR_REGEN=1 to create it";
    auto expected = nlohmann::ordered_json::parse(ReadFile(expected_path));
    EXPECT_EQ(expected.dump(2), actual.dump(2));
  }
}

}  // namespace
}  // namespace svar::mail
