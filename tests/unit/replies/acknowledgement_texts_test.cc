// The acknowledgement's words (replies/acknowledgement_texts.h): every built-in language
// renders with no placeholder left and with the reference, promise and links; an unknown
// customer name leaves no stray punctuation; saved texts are validated; the promised time is
// phrased per language in the calendar's time zone (DST included); the admin's texts in the
// database replace the built-in ones.
#include "replies/acknowledgement_texts.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"

namespace svar::replies {
namespace {

using routing::PromiseUnit;

constexpr int64_t kMon0800Utc = 1795420800;    // Monday 2026-11-23 08:00 UTC (09:00 CET)
constexpr int64_t kSummerMon0800 = 1780300800;  // Monday 2026-06-01 08:00 UTC (10:00 CEST)

routing::ZoneOffsets Copenhagen() {
  auto z = routing::ZoneOffsets::Create("Europe/Copenhagen");
  EXPECT_TRUE(z);
  return z ? *z : routing::ZoneOffsets();
}

AckValues Values(std::string name = "Søren") {
  return {"SV-1042", "PROMISE", std::move(name), "Mit kort er væk", "Svar Kundeservice",
          {{"Spærret kort", "https://help.example/api/v1/kb/public/articles/da/kort#spaer",
            "Ring til os, så spærrer vi kortet med det samme."}}};
}

TEST(AckTexts, EveryLanguageRendersCompletely) {
  ASSERT_EQ(AckLanguages().size(), 7u);
  for (const auto& lang : AckLanguages()) {
    AckText t = DefaultAckText(lang);
    ASSERT_TRUE(ValidateAckText(t)) << lang;
    AckText r = RenderAckText(t, Values(), lang);
    EXPECT_EQ(r.body.find('{'), std::string::npos) << lang << "\n" << r.body;
    EXPECT_EQ(r.body.find('}'), std::string::npos) << lang;
    EXPECT_EQ(r.subject.find('{'), std::string::npos) << lang;
    EXPECT_NE(r.body.find("SV-1042"), std::string::npos) << lang;
    EXPECT_NE(r.body.find("PROMISE"), std::string::npos) << lang;
    EXPECT_NE(r.body.find("Søren"), std::string::npos) << lang;
    EXPECT_NE(r.body.find("Svar Kundeservice"), std::string::npos) << lang;
    EXPECT_NE(r.body.find("https://help.example/api/v1/kb/public/articles/da/kort#spaer"),
              std::string::npos)
        << lang;
    EXPECT_NE(r.body.find("\"Ring til os, så spærrer vi kortet med det samme.\""),
              std::string::npos)
        << lang;
    EXPECT_NE(r.subject.find("Mit kort er væk"), std::string::npos) << lang;
  }
  // The texts differ per language (none is a copy of English).
  for (const auto& lang : AckLanguages())
    if (lang != "en") EXPECT_NE(DefaultAckText(lang).body, DefaultAckText("en").body) << lang;
  EXPECT_NE(DefaultAckText("zh").body, DefaultAckText("zh-Hant").body);
  EXPECT_NE(DefaultAckText("zh-Hant").body.find("來信"), std::string::npos);
  EXPECT_NE(DefaultAckText("zh").body.find("来信"), std::string::npos);
}

TEST(AckTexts, NoLinksNoLinksBlock) {
  AckValues v = Values();
  v.links.clear();
  AckText r = RenderAckText(DefaultAckText("en"), v, "en");
  EXPECT_EQ(r.body.find("articles"), std::string::npos);
  EXPECT_EQ(r.body.find("\n\n\n"), std::string::npos) << r.body;
}

TEST(AckTexts, UnknownNameLeavesNoStrayPunctuation) {
  EXPECT_TRUE(RenderAckText(DefaultAckText("en"), Values(""), "en").body.starts_with("Hello,\n"));
  EXPECT_TRUE(RenderAckText(DefaultAckText("da"), Values(""), "da").body.starts_with("Hej\n"));
  EXPECT_TRUE(
      RenderAckText(DefaultAckText("ru"), Values(""), "ru").body.starts_with("Здравствуйте!\n"));
  EXPECT_TRUE(RenderAckText(DefaultAckText("zh"), Values(""), "zh").body.starts_with("您好！\n"));
  EXPECT_TRUE(
      RenderAckText(DefaultAckText("ru"), Values("Иван"), "ru").body.starts_with(
          "Здравствуйте, Иван!\n"));
}

TEST(AckTexts, LongPassagesAreShortened) {
  AckValues v = Values();
  v.links[0].passage = std::string(2000, 'x') + " end";
  AckText r = RenderAckText(DefaultAckText("en"), v, "en");
  EXPECT_EQ(r.body.find(" end"), std::string::npos);
  EXPECT_NE(r.body.find("…"), std::string::npos);
}

TEST(AckTexts, ValidationNamesTheProblem) {
  AckText ok{"Modtaget: {subject}", "Sag {ref}, svar {promise}."};
  EXPECT_TRUE(ValidateAckText(ok));
  auto bad = [](AckText t) {
    Status s = ValidateAckText(t);
    return s ? std::string() : s.error().message;
  };
  EXPECT_NE(bad({"x", "{ref} {promise} {agent}"}).find("{agent}"), std::string::npos);
  EXPECT_NE(bad({"x", "{ref} only"}).find("{promise}"), std::string::npos);
  EXPECT_NE(bad({"x", "{promise} only"}).find("{ref}"), std::string::npos);
  EXPECT_NE(bad({"x", "{ref} {promise"}).find("brace"), std::string::npos);
  EXPECT_NE(bad({"two\nlines", "{ref} {promise}"}).find("one line"), std::string::npos);
  EXPECT_NE(bad({"", "{ref} {promise}"}).find("empty"), std::string::npos);
  EXPECT_NE(bad({"x", "{ref} {promise} \xff"}).find("UTF-8"), std::string::npos);
}

TEST(AckTexts, LanguageOfTheTicket) {
  EXPECT_EQ(AckLanguageFor("zh", "Hant", "en"), "zh-Hant");
  EXPECT_EQ(AckLanguageFor("zh", "Hans", "en"), "zh");
  EXPECT_EQ(AckLanguageFor("zh-TW", "", "en"), "zh-Hant");
  EXPECT_EQ(AckLanguageFor("no", "", "en"), "nb");
  EXPECT_EQ(AckLanguageFor("nn", "", "en"), "nb");
  EXPECT_EQ(AckLanguageFor("sv", "", "en"), "sv");
  EXPECT_EQ(AckLanguageFor("de", "", "da"), "da");
  EXPECT_EQ(AckLanguageFor("", "", "da"), "da");
  EXPECT_EQ(AckLanguageFor("de", "", "fr"), "en");
}

TEST(PromisePhrase, ShortWaitsInEveryLanguage) {
  const auto zone = Copenhagen();
  const int64_t now = kMon0800Utc;
  struct Case {
    const char* lang;
    int64_t seconds;
    PromiseUnit unit;
    const char* want;
  } cases[] = {
      {"en", 45 * 60, PromiseUnit::kQuarterHour, "within about 45 minutes"},
      {"en", 60 * 60, PromiseUnit::kQuarterHour, "within about an hour"},
      {"en", 75 * 60, PromiseUnit::kQuarterHour, "within about 1 hour and 15 minutes"},
      {"en", 3 * 3600, PromiseUnit::kHour, "within about 3 hours"},
      {"da", 30 * 60, PromiseUnit::kQuarterHour, "inden for cirka 30 minutter"},
      {"da", 90 * 60, PromiseUnit::kQuarterHour, "inden for cirka 1 time og 30 minutter"},
      {"da", 2 * 3600, PromiseUnit::kHour, "inden for cirka 2 timer"},
      {"sv", 15 * 60, PromiseUnit::kQuarterHour, "inom ungefär 15 minuter"},
      {"sv", 4 * 3600, PromiseUnit::kHour, "inom ungefär 4 timmar"},
      {"nb", 3 * 3600, PromiseUnit::kHour, "innen omtrent 3 timer"},
      {"ru", 45 * 60, PromiseUnit::kQuarterHour, "примерно в течение 45 минут"},
      {"ru", 60 * 60, PromiseUnit::kQuarterHour, "примерно в течение часа"},
      {"ru", 75 * 60, PromiseUnit::kQuarterHour, "примерно в течение 1 часа 15 минут"},
      {"ru", 2 * 3600, PromiseUnit::kHour, "примерно в течение 2 часов"},
      {"zh", 45 * 60, PromiseUnit::kQuarterHour, "大约45分钟内"},
      {"zh", 3 * 3600, PromiseUnit::kHour, "大约3小时内"},
      {"zh-Hant", 45 * 60, PromiseUnit::kQuarterHour, "大約45分鐘內"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(PhrasePromise(c.lang, now, now + c.seconds, c.unit, zone), c.want)
        << c.lang << " " << c.seconds;
}

TEST(PromisePhrase, LaterWaitsByTheLocalClock) {
  const auto zone = Copenhagen();
  const int64_t now = kMon0800Utc;  // 09:00 in Copenhagen
  // Today 16:00 UTC = 17:00 local; tomorrow 09:00 UTC = 10:00 local; Thursday; 4 December.
  const int64_t today = now + 8 * 3600, tomorrow = now + 25 * 3600, thursday = now + 73 * 3600,
                later = now + 11 * 86400 + 3600;
  EXPECT_EQ(PhrasePromise("en", now, today, PromiseUnit::kHour, zone), "today before 17:00");
  EXPECT_EQ(PhrasePromise("en", now, tomorrow, PromiseUnit::kTimeOfDay, zone),
            "tomorrow before 10:00");
  EXPECT_EQ(PhrasePromise("en", now, thursday, PromiseUnit::kTimeOfDay, zone),
            "on Thursday before 10:00");
  EXPECT_EQ(PhrasePromise("en", now, later, PromiseUnit::kTimeOfDay, zone),
            "by 4 December at 10:00");
  EXPECT_EQ(PhrasePromise("da", now, tomorrow, PromiseUnit::kTimeOfDay, zone),
            "i morgen inden kl. 10.00");
  EXPECT_EQ(PhrasePromise("da", now, later, PromiseUnit::kTimeOfDay, zone),
            "senest den 4. december kl. 10.00");
  EXPECT_EQ(PhrasePromise("sv", now, thursday, PromiseUnit::kTimeOfDay, zone),
            "på torsdag före kl. 10.00");
  EXPECT_EQ(PhrasePromise("nb", now, today, PromiseUnit::kHour, zone), "i dag innen kl. 17.00");
  EXPECT_EQ(PhrasePromise("ru", now, now + 97 * 3600, PromiseUnit::kTimeOfDay, zone),
            "в пятницу до 10:00");
  EXPECT_EQ(PhrasePromise("ru", now, now + 49 * 3600, PromiseUnit::kTimeOfDay, zone),
            "в среду до 10:00");
  EXPECT_EQ(PhrasePromise("ru", now, later, PromiseUnit::kTimeOfDay, zone),
            "до 10:00 4 декабря");
  EXPECT_EQ(PhrasePromise("zh", now, tomorrow, PromiseUnit::kTimeOfDay, zone), "明天10:00前");
  EXPECT_EQ(PhrasePromise("zh-Hant", now, thursday, PromiseUnit::kTimeOfDay, zone),
            "週四10:00前");
  EXPECT_EQ(PhrasePromise("zh", now, later, PromiseUnit::kTimeOfDay, zone), "12月4日10:00前");
  // A clock time is rounded up to the full hour.
  EXPECT_EQ(PhrasePromise("en", now, tomorrow - 23 * 60, PromiseUnit::kHour, zone),
            "tomorrow before 10:00");
  // In UTC the same instant is an hour earlier.
  EXPECT_EQ(PhrasePromise("en", now, tomorrow, PromiseUnit::kTimeOfDay, routing::ZoneOffsets()),
            "tomorrow before 09:00");
  // Summer time: 08:00 UTC is 10:00 in Copenhagen.
  EXPECT_EQ(PhrasePromise("en", kSummerMon0800, kSummerMon0800 + 86400, PromiseUnit::kTimeOfDay,
                          zone),
            "tomorrow before 10:00");
}

TEST(AckTextStore, AdminTextsReplaceTheBuiltInOnes) {
  auto db = storage::OpenSqlite({":memory:"});
  ASSERT_TRUE(db);
  ASSERT_TRUE(storage::Migrate(**db));
  AckTextStore store(**db);
  bool custom = true;
  auto t = store.Get("da", &custom);
  ASSERT_TRUE(t);
  EXPECT_FALSE(custom);
  EXPECT_EQ(t->body, DefaultAckText("da").body);

  AckText mine{"Tak: {subject}", "Hej {name}. Sag {ref}. Svar {promise}."};
  ASSERT_TRUE(store.Put("da", mine, "admin@desk.example", 100));
  t = store.Get("da", &custom);
  ASSERT_TRUE(t);
  EXPECT_TRUE(custom);
  EXPECT_EQ(t->body, mine.body);
  EXPECT_EQ(store.Get("sv")->body, DefaultAckText("sv").body);

  auto refused = store.Put("da", {"x", "no placeholders"}, "admin", 101);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store.Get("da")->body, mine.body);  // unchanged
  EXPECT_FALSE(store.Put("de", mine, "admin", 102));

  ASSERT_TRUE(store.Reset("da"));
  EXPECT_EQ(store.Get("da")->body, DefaultAckText("da").body);
}

}  // namespace
}  // namespace svar::replies
