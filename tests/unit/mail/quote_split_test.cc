#include "mail/quote_split.h"

#include <gtest/gtest.h>

namespace svar::mail {
namespace {

TEST(QuoteSplit, NoQuote) {
  auto s = SplitQuotes("Hello\n\nWorld\n");
  EXPECT_EQ(s.text, "Hello\n\nWorld\n");
  EXPECT_EQ(s.quoted, "");
  EXPECT_EQ(s.signature, "");
}

TEST(QuoteSplit, AttributionsInManyLanguages) {
  const char* attributions[] = {
      "On Tue, Mar 5, 2024 at 10:00 AM Bob <bob@x.org> wrote:",
      "Den 5. marts 2024 kl. 10.00 skrev Bob <bob@x.dk>:",
      "Den tis 5 mars 2024 kl 10:00 skrev Bob <bob@x.se>:",
      "tir. 5. mar. 2024 kl. 10:00 skrev Bob <bob@x.no>:",
      "Am Di., 5. März 2024 um 10:00 Uhr schrieb Bob <bob@x.de>:",
      "Le mar. 5 mars 2024 à 10:00, Bob <bob@x.fr> a écrit :",
      "El mar, 5 mar 2024 a las 10:00, Bob (<bob@x.es>) escribió:",
      "5 марта 2024 г., в 10:00, Боб <bob@x.ru> написал(а):",
      "Вторник, 5 марта 2024, 10:00 +03:00 от Боб <bob@x.ru> пишет:",
      "在 2024年3月5日 10:00，鲍勃 <bob@x.cn> 写道：",
  };
  for (const char* a : attributions) {
    auto s = SplitQuotes(std::string("Thanks!\n\n") + a + "\nold text\n");
    EXPECT_EQ(s.text, "Thanks!\n") << a;
    EXPECT_EQ(s.quoted, std::string(a) + "\nold text\n") << a;
  }
}

TEST(QuoteSplit, WrappedGmailAttribution) {
  auto s = SplitQuotes("Ok\n\nOn Tue, Mar 5, 2024 at 10:00 AM Bob Smith <bob@x.org>\nwrote:\n> hi\n");
  EXPECT_EQ(s.text, "Ok\n");
  EXPECT_EQ(s.quoted.substr(0, 3), "On ");
}

TEST(QuoteSplit, OutlookSeparatorsAndHeaderBlocks) {
  for (const char* sep : {"-----Original Message-----", "-----Ursprüngliche Nachricht-----",
                          "-----Oprindelig meddelelse-----", "________________________________"}) {
    auto s = SplitQuotes(std::string("New\n") + sep + "\nFrom: a\nSent: b\n\nold\n");
    EXPECT_EQ(s.text, "New\n") << sep;
    EXPECT_EQ(s.quoted.substr(0, std::string(sep).size()), sep);
  }
  auto s = SplitQuotes("New\n\nFra: Support <s@x.dk>\nSendt: 5. marts 2024\nTil: a\n\nold\n");
  EXPECT_EQ(s.text, "New\n");
  EXPECT_EQ(s.quoted.substr(0, 4), "Fra:");
}

TEST(QuoteSplit, PlainFromLineIsNotAQuote) {
  auto s = SplitQuotes("From: the manual, chapter 2.\nIt says restart.\n");
  EXPECT_EQ(s.quoted, "");
  auto t = SplitQuotes("Here is what I wrote:\nsomething\n");
  EXPECT_EQ(t.quoted, "");
}

TEST(QuoteSplit, SignatureDelimiter) {
  auto s = SplitQuotes("Hi\n\n-- \nJane Doe\nACME\n\n> old\n");
  EXPECT_EQ(s.text, "Hi\n");
  EXPECT_EQ(s.signature, "-- \nJane Doe\nACME\n");
  EXPECT_EQ(s.quoted, "> old\n");
}

TEST(QuoteSplit, MobileFooters) {
  for (const char* f : {"Sent from my iPhone", "Sendt fra min iPhone", "Skickat från min iPhone"}) {
    auto s = SplitQuotes(std::string("Yes.\n\n") + f + "\n");
    EXPECT_EQ(s.text, "Yes.\n") << f;
    EXPECT_EQ(s.signature, std::string(f) + "\n");
  }
  // A footer phrase followed by a long text is not a signature.
  auto s = SplitQuotes("Sent from my iPhone\nline\nline\nline\nline\n");
  EXPECT_EQ(s.signature, "");
}

TEST(QuoteSplit, BottomPosting) {
  auto s = SplitQuotes("> question?\n> more\n\nAnswer.\n");
  EXPECT_EQ(s.text, "Answer.\n");
  EXPECT_EQ(s.quoted, "> question?\n> more\n");
}

TEST(QuoteSplit, CrLfAndNothingLost) {
  auto s = SplitQuotes("a\r\nb\r\n\r\n-- \r\nsig\r\n> q\r\n");
  EXPECT_EQ(s.text, "a\nb\n");
  EXPECT_EQ(s.signature, "-- \nsig\n");
  EXPECT_EQ(s.quoted, "> q\n");
}

}  // namespace
}  // namespace svar::mail
