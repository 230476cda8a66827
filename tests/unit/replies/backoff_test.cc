#include "replies/backoff.h"

#include <gtest/gtest.h>

namespace svar::replies {
namespace {

TEST(Backoff, DoublesUpToTheMaximum) {
  BackoffPolicy p{60, 3600};
  EXPECT_EQ(NominalBackoff(p, 1), 60);
  EXPECT_EQ(NominalBackoff(p, 2), 120);
  EXPECT_EQ(NominalBackoff(p, 3), 240);
  EXPECT_EQ(NominalBackoff(p, 6), 1920);
  EXPECT_EQ(NominalBackoff(p, 7), 3600);
  EXPECT_EQ(NominalBackoff(p, 500), 3600);  // no overflow
}

TEST(Backoff, JitterStaysBetweenHalfAndFull) {
  BackoffPolicy p{60, 3600};
  EXPECT_EQ(BackoffSeconds(p, 1, 0.0), 30);
  EXPECT_EQ(BackoffSeconds(p, 1, 0.5), 45);
  EXPECT_EQ(BackoffSeconds(p, 1, 0.999), 59);
  for (int n = 1; n < 12; ++n)
    for (double u : {0.0, 0.3, 0.7, 0.99}) {
      int64_t w = BackoffSeconds(p, n, u);
      EXPECT_GE(w, NominalBackoff(p, n) / 2);
      EXPECT_LE(w, NominalBackoff(p, n));
    }
  EXPECT_EQ(BackoffSeconds({1, 1}, 1, 0.0), 1);  // never zero
}

}  // namespace
}  // namespace svar::replies
