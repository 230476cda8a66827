#include <gtest/gtest.h>

#include "intake/sources/progress.h"

namespace svar::intake {
namespace {

TEST(ProgressTest, FormatBytes) {
  EXPECT_EQ(FormatBytes(0), "0 B");
  EXPECT_EQ(FormatBytes(1023), "1023 B");
  EXPECT_EQ(FormatBytes(1536), "1.5 KB");
  EXPECT_EQ(FormatBytes(3ull << 30), "3.0 GB");
}

TEST(ProgressTest, LineShowsBarRateAndEta) {
  std::string line = FormatProgressLine(512ull << 20, 1ull << 30, 1000, 10.0, 10);
  EXPECT_EQ(line, "[#####-----]  50%  512.0 MB/1.0 GB  1000 msgs  100 msg/s  ETA 0:10");
  // Unknown total: no bar, no ETA.
  EXPECT_EQ(FormatProgressLine(2048, 0, 3, 1.0), "2.0 KB  3 msgs  3 msg/s");
}

TEST(ProgressTest, SummaryLine) {
  EXPECT_EQ(SummaryLine(1, 100, 0.5), "imported 1 message (100 B) in 0.5 s, 2 msg/s");
  EXPECT_EQ(SummaryLine(10, 2048, 2.0, 1, 2),
            "imported 10 messages (2.0 KB) in 2.0 s, 5 msg/s; 1 failed; 2 files skipped");
}

TEST(ProgressTest, BarIsSilentWhenNotATerminal) {
  ProgressBar bar(100);  // stderr of a test run is normally not a terminal
  if (bar.enabled()) GTEST_SKIP() << "stderr is a terminal";
  bar.Update(50, 1);
  bar.Finish();
  bar.Finish();
}

}  // namespace
}  // namespace svar::intake
