#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "intake/sources/file_inputs.h"

namespace svar::intake {
namespace {

namespace fs = std::filesystem;

constexpr char kMail[] = "From: c@example.com\nTo: s@example.com\nSubject: hi\n\nhello\n";

class FileInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("svar-inputs-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& rel, const std::string& content) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string Rel(const Input& in) { return fs::relative(in.path, dir_).string(); }

  fs::path dir_;
};

TEST_F(FileInputsTest, SingleEmlFile) {
  std::string p = Write("a.eml", kMail);
  auto r = CollectInputs({p});
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].kind, InputKind::kMessage);
  EXPECT_EQ((*r)[0].source, "file:" + p);
  EXPECT_EQ((*r)[0].size, sizeof(kMail) - 1);
  std::vector<RawMail> got;
  ReadStats stats;
  ASSERT_TRUE(ReadInput((*r)[0], [&](RawMail&& m) { got.push_back(m); return Ok(); }, &stats));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].bytes, kMail);
  EXPECT_EQ(got[0].source, "file:" + p);
  EXPECT_EQ(stats.bytes, sizeof(kMail) - 1);
}

TEST_F(FileInputsTest, MboxDetectedByContentNotName) {
  std::string p = Write("archive.txt", std::string("From x@y Mon Jan  1 00:00:00 2024\n") + kMail);
  auto r = CollectInputs({p});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].kind, InputKind::kMbox);
  EXPECT_EQ((*r)[0].source, "mbox:" + p);
}

TEST_F(FileInputsTest, MaildirTakesCurAndNewSkipsTmp) {
  Write("md/cur/1700000000.1.host:2,S", kMail);
  Write("md/new/1700000001.2.host", kMail);
  Write("md/tmp/1700000002.3.host", kMail);
  Write("md/dovecot-uidlist", "3 V1 N4\n");
  Write("md/dovecot.index.log", std::string("\0\1\2", 3));
  Write("md/.Sent/cur/1700000003.4.host:2,S", kMail);
  Write("md/.Sent/new/.hidden", kMail);
  auto r = CollectInputs({(dir_ / "md").string()});
  ASSERT_TRUE(r) << r.error().ToString();
  std::vector<std::string> rel;
  for (const auto& in : *r) {
    EXPECT_EQ(in.kind, InputKind::kMessage) << in.path;
    EXPECT_EQ(in.source, "maildir:" + in.path);
    rel.push_back(Rel(in));
  }
  EXPECT_EQ(rel, (std::vector<std::string>{"md/cur/1700000000.1.host:2,S",
                                           "md/new/1700000001.2.host",
                                           "md/.Sent/cur/1700000003.4.host:2,S"}));
}

TEST_F(FileInputsTest, DirectoryWalkReportsNonMailAndFindsMaildirs) {
  Write("import/a.eml", kMail);
  Write("import/b/box.mbox",
        std::string("From x Mon Jan  1 00:00:00 2024\n") + kMail + "\nFrom x Mon Jan  1 00:00:00 2024\n" + kMail);
  Write("import/b/md/cur/1.x:2,", kMail);
  Write("import/b/md/new/2.x", kMail);
  Write("import/logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Write("import/notes.txt", "Remember to call Alice on Monday.\nShe asked about the refund.\n");
  Write("import/empty.eml", "");
  Write("import/.hidden.eml", kMail);
  Write("import/dovecot.index.cache", kMail);
  auto r = CollectInputs({(dir_ / "import").string()});
  ASSERT_TRUE(r) << r.error().ToString();
  std::vector<std::pair<std::string, InputKind>> got;
  for (const auto& in : *r) got.emplace_back(Rel(in), in.kind);
  std::vector<std::pair<std::string, InputKind>> want = {
      {"import/a.eml", InputKind::kMessage},
      {"import/b/box.mbox", InputKind::kMbox},
      {"import/b/md/cur/1.x:2,", InputKind::kMessage},
      {"import/b/md/new/2.x", InputKind::kMessage},
      {"import/empty.eml", InputKind::kNotMail},
      {"import/logo.png", InputKind::kNotMail},
      {"import/notes.txt", InputKind::kNotMail},
  };
  EXPECT_EQ(got, want);
  for (const auto& in : *r) {
    if (in.path.ends_with("logo.png")) {
      EXPECT_EQ(in.reason, "binary data");
    }
    if (in.path.ends_with("empty.eml")) {
      EXPECT_EQ(in.reason, "empty file");
    }
    if (in.kind == InputKind::kNotMail) {
      EXPECT_FALSE(in.reason.empty());
    }
  }
  // TotalBytes counts only what will be read.
  uint64_t want_total = 0;
  for (const auto& in : *r) {
    if (in.kind == InputKind::kMessage || in.kind == InputKind::kMbox) want_total += in.size;
  }
  EXPECT_EQ(TotalBytes(*r), want_total);
  // All messages stream out: 1 + 2 + 2.
  ReadStats stats;
  int n = 0;
  for (const auto& in : *r) {
    ASSERT_TRUE(ReadInput(in, [&](RawMail&&) { ++n; return Ok(); }, &stats));
  }
  EXPECT_EQ(n, 5);
  EXPECT_EQ(stats.bytes, want_total);
}

TEST_F(FileInputsTest, NonexistentPathIsAClearError) {
  std::string p = (dir_ / "nope.mbox").string();
  auto r = CollectInputs({Write("a.eml", kMail), p});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().message,
            p + ": no such file or directory; check the path (a file, an mbox, a Maildir "
                "folder or a directory of them)");
}

TEST_F(FileInputsTest, SniffContent) {
  EXPECT_EQ(SniffContent(kMail).kind, InputKind::kMessage);
  EXPECT_EQ(SniffContent("Received: from x\n\tby y\nFrom: a@b\n\nbody").kind,
            InputKind::kMessage);
  EXPECT_EQ(SniffContent("Return-Path: <a@b>\r\nSubject: x\r\n\r\n").kind, InputKind::kMessage);
  EXPECT_EQ(SniffContent("From the desk of the CEO\nDear all,\n").kind, InputKind::kNotMail);
  EXPECT_EQ(SniffContent("Note: remember\nthe milk\n").kind, InputKind::kNotMail);
  EXPECT_EQ(SniffContent("").reason, "empty file");
  EXPECT_EQ(SniffContent("", "x.mbox").kind, InputKind::kMbox);
  EXPECT_EQ(SniffContent(std::string("PK\3\4\0\0", 6)).reason, "binary data");
}

}  // namespace
}  // namespace svar::intake
