#include "tickets/ticket_ref.h"

#include <gtest/gtest.h>

namespace svar::tickets {
namespace {

TEST(TicketRef, FormatAndParse) {
  EXPECT_EQ(FormatRef("SV", 1042), "SV-1042");
  EXPECT_EQ(SubjectTag("SV", 1042), "[#SV-1042]");
  EXPECT_EQ(ParseRef("SV", "SV-1042"), 1042);
  EXPECT_EQ(ParseRef("SV", "#sv-7"), 7);
  EXPECT_FALSE(ParseRef("SV", "SV-"));
  EXPECT_FALSE(ParseRef("SV", "SV-12a"));
  EXPECT_FALSE(ParseRef("SV", "XX-12"));
}

TEST(TicketRef, FindsReferenceInSubjects) {
  EXPECT_EQ(FindRefInSubject("SV", "Re: [#SV-1042] Refund"), 1042);
  EXPECT_EQ(FindRefInSubject("SV", "SV-77: still broken"), 77);
  EXPECT_EQ(FindRefInSubject("SV", "Fwd: (sv-5)"), 5);
  EXPECT_FALSE(FindRefInSubject("SV", "CSV-1042 export"));     // glued to letters
  EXPECT_FALSE(FindRefInSubject("SV", "SV-1042x"));            // glued after
  EXPECT_FALSE(FindRefInSubject("SV", "Sv: hello"));           // Norwegian reply prefix
}

TEST(TicketRef, SubjectKeyStripsPrefixesInManyLanguages) {
  const std::string base = SubjectKey("SV", "Faktura mangler");
  EXPECT_EQ(base, "faktura mangler");
  EXPECT_EQ(SubjectKey("SV", "SV: Faktura mangler"), base);
  EXPECT_EQ(SubjectKey("SV", "Re: AW: VS: Faktura  mangler"), base);
  EXPECT_EQ(SubjectKey("SV", "Re[2]: Faktura mangler"), base);
  EXPECT_EQ(SubjectKey("SV", "Re: [#SV-1042] Faktura mangler"), base);
  EXPECT_EQ(SubjectKey("SV", "Ответ: Счёт"), SubjectKey("SV", "Счёт"));
  EXPECT_EQ(SubjectKey("SV", "回复：发票"), SubjectKey("SV", "发票"));
  EXPECT_EQ(SubjectKey("SV", "Fwd: FAKTURA MANGLER"), base);
}

}  // namespace
}  // namespace svar::tickets
