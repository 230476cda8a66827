#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "intake/sources/file_inputs.h"
#include "intake/sources/mbox_reader.h"

namespace svar::intake {
namespace {

namespace fs = std::filesystem;

class MboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("svar-mbox-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  std::vector<std::string> Split(const std::string& content) {
    std::string path = Write("box.mbox", content);
    MboxReader r;
    EXPECT_TRUE(r.Open(path));
    std::vector<std::string> out;
    int64_t last_index = 0;
    for (;;) {
      auto m = r.Next();
      EXPECT_TRUE(m.has_value()) << m.error().ToString();
      if (!m || !*m) break;
      EXPECT_EQ((*m)->index, last_index + 1);
      last_index = (*m)->index;
      EXPECT_LE((*m)->end_offset, content.size());
      out.push_back((*m)->bytes);
    }
    EXPECT_EQ(r.offset(), content.size());
    return out;
  }

  fs::path dir_;
};

TEST_F(MboxTest, SplitsTwoMessagesAndDropsSeparators) {
  auto msgs = Split(
      "From alice@example.com Mon Jan  1 00:00:00 2024\n"
      "From: alice@example.com\nSubject: one\n\nbody one\n\n"
      "From bob@example.com Mon Jan  1 00:00:01 2024\n"
      "From: bob@example.com\nSubject: two\n\nbody two\n\n");
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0], "From: alice@example.com\nSubject: one\n\nbody one\n");
  EXPECT_EQ(msgs[1], "From: bob@example.com\nSubject: two\n\nbody two\n");
}

TEST_F(MboxTest, UnquotesMboxrdFromLines) {
  auto msgs = Split(
      "From a@example.com Mon Jan  1 00:00:00 2024\n"
      "Subject: q\n\n"
      ">From the start\n"
      ">>From twice quoted\n"
      "> From not a quote of From_\n"
      ">>>From three\n\n");
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0],
            "Subject: q\n\nFrom the start\n>From twice quoted\n> From not a quote of From_\n"
            ">>From three\n");
}

TEST_F(MboxTest, FromInsideBodyWithoutBlankLineBeforeIsNotASeparator) {
  auto msgs = Split(
      "From a@example.com Mon Jan  1 00:00:00 2024\n"
      "Subject: one\n\n"
      "line one\n"
      "From here on we talk about it\n"
      "Subject: looks like a header but no blank line before\n"
      "\n"
      "From a paragraph start, not followed by headers\n"
      "more text\n");
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_NE(msgs[0].find("From here on we talk"), std::string::npos);
  EXPECT_NE(msgs[0].find("\nFrom a paragraph start"), std::string::npos);
}

TEST_F(MboxTest, CrlfFile) {
  auto msgs = Split(
      "From a@example.com Mon Jan  1 00:00:00 2024\r\n"
      "Subject: one\r\n\r\nbody one\r\n\r\n"
      "From b@example.com Mon Jan  1 00:00:00 2024\r\n"
      "Subject: two\r\n\r\n>From quoted\r\n");
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0], "Subject: one\r\n\r\nbody one\r\n");
  EXPECT_EQ(msgs[1], "Subject: two\r\n\r\nFrom quoted\r\n");
}

TEST_F(MboxTest, EmptyFileHasNoMessages) { EXPECT_TRUE(Split("").empty()); }

TEST_F(MboxTest, OneMessageWithoutTrailingNewline) {
  auto msgs = Split("From a@example.com Mon Jan  1 00:00:00 2024\nSubject: x\n\nlast");
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0], "Subject: x\n\nlast");
}

TEST_F(MboxTest, ManyMessagesStreamWithOffsets) {
  std::string content;
  for (int i = 0; i < 500; ++i) {
    content += "From x@example.com Mon Jan  1 00:00:00 2024\nSubject: m" + std::to_string(i) +
               "\n\n" + std::string(1000, 'a') + "\n\n";
  }
  auto msgs = Split(content);
  ASSERT_EQ(msgs.size(), 500u);
  EXPECT_EQ(msgs[499].substr(0, 13), "Subject: m499");
}

TEST_F(MboxTest, ReadInputStreamsIntoSinkAndCountsFailures) {
  std::string path = Write("in.mbox",
                           "From a Mon Jan  1 00:00:00 2024\nSubject: 1\n\nx\n\n"
                           "From a Mon Jan  1 00:00:00 2024\nSubject: bad\n\nx\n\n"
                           "From a Mon Jan  1 00:00:00 2024\nSubject: 3\n\nx\n");
  auto inputs = CollectInputs({path});
  ASSERT_TRUE(inputs) << inputs.error().ToString();
  ASSERT_EQ(inputs->size(), 1u);
  ASSERT_EQ((*inputs)[0].kind, InputKind::kMbox);
  std::vector<RawMail> got;
  ReadStats stats;
  int progress_calls = 0;
  auto s = ReadInput(
      (*inputs)[0],
      [&](RawMail&& m) -> Status {
        if (m.bytes.find("bad") != std::string::npos) return Fail(ErrorCode::kParse, "broken");
        got.push_back(std::move(m));
        return Ok();
      },
      &stats, [&](const ReadStats&) { ++progress_calls; });
  ASSERT_TRUE(s) << s.error().ToString();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].source, "mbox:" + path + "#1");
  EXPECT_EQ(got[1].source, "mbox:" + path + "#3");
  EXPECT_EQ(stats.messages, 3);
  EXPECT_EQ(stats.committed, 2);
  EXPECT_EQ(stats.sink_failures, 1);
  ASSERT_EQ(stats.failures.size(), 1u);
  EXPECT_EQ(stats.failures[0].source, "mbox:" + path + "#2");
  EXPECT_EQ(stats.bytes, (*inputs)[0].size);
  EXPECT_EQ(progress_calls, 3);
}

TEST_F(MboxTest, TemporarySinkErrorStopsReading) {
  std::string path = Write("in.mbox",
                           "From a Mon Jan  1 00:00:00 2024\nSubject: 1\n\nx\n\n"
                           "From a Mon Jan  1 00:00:00 2024\nSubject: 2\n\nx\n");
  auto inputs = CollectInputs({path});
  ASSERT_TRUE(inputs);
  int calls = 0;
  ReadStats stats;
  auto s = ReadInput((*inputs)[0],
                     [&](RawMail&&) -> Status {
                       ++calls;
                       return Fail(ErrorCode::kBusy, "database is locked");
                     },
                     &stats);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kBusy);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace svar::intake
