// The shortcuts that keep triage cheap give the same answers as the long way: character
// n-gram ids hashed incrementally, the spam filter's text cut before it is copied, URL hosts
// found without lower-casing copies, an untrained spam filter that reads no tokens, and the
// customer's contacts counted only up to the cap.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/memory_db.h"
#include "tickets/ticket_store.h"
#include "triage/category/blob_io.h"
#include "triage/category/features.h"
#include "triage/churn.h"
#include "triage/lexicon/scan.h"
#include "triage/spam.h"
#include "triage/tokens.h"
#include "triage/triage_store.h"

namespace svar::triage {
namespace {

// The character n-gram ids the long way: each n-gram of "<word>" hashed on its own.
std::vector<uint32_t> CharGramsOneByOne(const std::string& word, int min_n, int max_n,
                                        uint32_t bits) {
  constexpr uint64_t kCharSeed = 0x165667B19E3779F9ULL;  // features.cc
  const std::string marked = "<" + word + ">";
  std::vector<size_t> starts;
  for (size_t i = 0; i < marked.size(); ++i)
    if ((static_cast<unsigned char>(marked[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(marked.size());
  const size_t chars = starts.size() - 1;
  std::vector<uint32_t> out;
  for (size_t i = 0; i < chars; ++i)
    for (int n = min_n; n <= max_n && i + static_cast<size_t>(n) <= chars &&
                        n < static_cast<int>(chars);
         ++n) {
      std::string_view g(marked.data() + starts[i], starts[i + n] - starts[i]);
      out.push_back(static_cast<uint32_t>(blob::Hash64(g, kCharSeed) & ((1u << bits) - 1)));
    }
  return out;
}

TEST(TriageCost, IncrementalCharGramHashesAreTheSameIds) {
  const category::FeatureConfig fc{2, 4, 20};
  for (std::string word : {"refund", "ændre", "карта", "订单", "x"}) {
    std::vector<uint32_t> got;
    category::AppendFeatureBuckets({word}, fc, got);
    ASSERT_GE(got.size(), 2u) << word;
    got.erase(got.begin(), got.begin() + 2);  // the word and its bigram with "<s>"
    EXPECT_EQ(got, CharGramsOneByOne(word, 2, 4, 20)) << word;
  }
}

mail::ParsedMessage Body(std::string text, std::string quoted = "", std::string signature = "") {
  mail::ParsedMessage m;
  m.from.email = "a@example.com";
  m.text = std::move(text);
  m.quoted = std::move(quoted);
  m.signature = std::move(signature);
  return m;
}

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(TriageCost, SpamReadsTheFirstBytesOfTextQuoteAndSignature) {
  SpamOptions o;
  o.max_text_bytes = 64;
  SpamFilter f(o);
  // Short parts: all three are read.
  auto t = f.Tokens(Body("alpha", "bravo", "charlie"));
  EXPECT_TRUE(Has(t, "alpha") && Has(t, "bravo") && Has(t, "charlie"));
  // A long text: only its first 64 bytes; the quote after it is not reached.
  std::string text = "start " + std::string(100, 'x') + " late";
  t = f.Tokens(Body(text, "bravo"));
  EXPECT_TRUE(Has(t, "start"));
  EXPECT_FALSE(Has(t, "late"));
  EXPECT_FALSE(Has(t, "bravo"));
  // The cut falls inside the quote: its first word counts, a word past the limit does not.
  t = f.Tokens(Body(std::string(40, 'y'), "bravo " + std::string(40, 'z') + " zulu"));
  EXPECT_TRUE(Has(t, "bravo"));
  EXPECT_FALSE(Has(t, "zulu"));
  // A multi-byte character at the limit is not cut in half (no broken token).
  t = f.Tokens(Body(std::string(62, 'a') + " æble"));  // "æ" is bytes 63 and 64
  EXPECT_TRUE(Has(t, std::string(62, 'a')));
  for (const auto& tok : t) {
    EXPECT_EQ(tok.find('\xC3'), std::string::npos) << tok;
    EXPECT_EQ(tok.find("\xEF\xBF\xBD"), std::string::npos) << tok;  // U+FFFD
  }
}

TEST(TriageCost, UrlHostsIgnoreCaseWithoutChangingTheText) {
  EXPECT_EQ(UrlHosts("Go to HTTPS://Shop.Example.ORG/Cart now"),
            std::vector<std::string>{"shop.example.org"});
  EXPECT_EQ(UrlHosts("<a href=\"Http://A.b.C\">x</a> WWW.Foo.test"),
            (std::vector<std::string>{"a.b.c", "www.foo.test"}));
  EXPECT_TRUE(UrlHosts("HTTP:// nothing, wwwx, h t t p").empty());
}

TEST(TriageCost, SpamFilterIsReadyAfterEnoughOfEachKind) {
  SpamOptions o;
  o.min_messages_per_kind = 2;
  SpamFilter f(o);
  EXPECT_FALSE(f.ready());
  f.LearnTokens({"cheap"}, true);
  f.LearnTokens({"cheap"}, true);
  f.LearnTokens({"hello"}, false);
  EXPECT_FALSE(f.ready());
  auto v = f.Classify(Body("cheap cheap"));
  EXPECT_DOUBLE_EQ(v.probability, 0.5);
  EXPECT_NE(v.reason.find("still learning"), std::string::npos) << v.reason;
  EXPECT_TRUE(v.evidence.empty());
  f.LearnTokens({"hello"}, false);
  EXPECT_TRUE(f.ready());
  v = f.Classify(Body("cheap"));
  EXPECT_GT(v.probability, 0.5);
  EXPECT_FALSE(v.evidence.empty());
}

TEST(TriageCost, ContactsAreCountedUpToTheCap) {
  auto db = svar::testing::MigratedMemoryDb();
  ASSERT_TRUE(db);
  tickets::TicketStore store(*db, "SV", 1000);
  const int64_t now = 1795420800;
  auto customer = store.UpsertCustomer("robot@example.com", "", now);
  ASSERT_TRUE(customer);
  auto add = [&](int n) {
    for (int i = 0; i < n; ++i) {
      auto ticket = store.CreateTicket("note", customer->id, std::nullopt, std::nullopt, now);
      ASSERT_TRUE(ticket);
      tickets::Message msg;
      msg.ticket_id = ticket->id;
      msg.direction = "in";
      msg.from_email = "robot@example.com";
      msg.received_at = now;
      ASSERT_TRUE(store.InsertMessage(msg));
    }
  };
  add(kContactsCountCap - 1);
  auto facts = LoadCustomerFacts(*db, customer->id, now + 60);
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->contacts_30d, kContactsCountCap - 1);
  EXPECT_EQ(ScoreChurn({}, {}, *facts).signals,
            std::vector<std::string>{std::to_string(kContactsCountCap) +
                                     " contacts in 30 days (+0.30)"});
  add(10);
  facts = LoadCustomerFacts(*db, customer->id, now + 60);
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->contacts_30d, kContactsCountCap);
  EXPECT_EQ(ScoreChurn({}, {}, *facts).signals,
            std::vector<std::string>{"more than " + std::to_string(kContactsCountCap) +
                                     " contacts in 30 days (+0.30)"});
}

TEST(TriageCost, CachedScanFollowsTheText) {
  auto words = [](const lexicon::Scan& s) {
    std::vector<std::string> out;
    for (const auto& t : s.tokens) out.push_back(s.folded.substr(t.begin, t.size));
    return out;
  };
  lexicon::Scan fresh;
  for (std::string_view text : {"Det virker IKKE!", "Where is my parcel?", "Det virker IKKE!",
                                "", "Det virker ikke"}) {
    lexicon::ScanText(text, &fresh);
    const lexicon::Scan& cached = lexicon::ScanTextCached(text);
    EXPECT_EQ(words(cached), words(fresh)) << text;
    EXPECT_EQ(cached.words, fresh.words) << text;
  }
}

}  // namespace
}  // namespace svar::triage
