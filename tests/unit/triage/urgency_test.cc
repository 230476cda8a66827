#include "triage/urgency.h"

#include <gtest/gtest.h>

#include <string>

namespace svar::triage {
namespace {

bool HasCue(const UrgencyResult& r, std::string_view part) {
  for (const std::string& c : r.cues)
    if (c.find(part) != std::string::npos) return true;
  return false;
}
std::string Cues(const UrgencyResult& r) {
  std::string s;
  for (const std::string& c : r.cues) s += "[" + c + "]";
  return s;
}

struct Case {
  const char* lang;
  const char* text;
};

TEST(Urgency, CalmMailIsLowOrNormal) {
  for (Case c : {Case{"en", "Hi, could you send me a copy of the invoice? Kind regards"},
                 Case{"da", "Hej, kan I sende mig en kopi af fakturaen? Venlig hilsen"},
                 Case{"sv", "Hej, kan ni skicka en kopia av fakturan? Vänliga hälsningar"},
                 Case{"nb", "Hei, kan dere sende meg en kopi av fakturaen? Vennlig hilsen"},
                 Case{"ru", "Здравствуйте, пришлите, пожалуйста, копию счета. С уважением"},
                 Case{"zh", "你好，能把发票的副本发给我吗？谢谢"}}) {
    auto r = AnalyzeUrgency(c.text, c.lang);
    EXPECT_TRUE(r.label == "normal" || r.label == "low") << c.lang << " " << r.label << Cues(r);
    EXPECT_DOUBLE_EQ(r.score, kUrgencyBase) << c.lang << Cues(r);
    EXPECT_FALSE(r.cancel_intent) << c.lang;
    EXPECT_FALSE(r.legal_threat) << c.lang;
  }
}

TEST(Urgency, ExplicitlyCalmIsLow) {
  for (Case c : {Case{"en", "No rush, whenever you have time."},
                 Case{"da", "Det haster ikke, svar når I har tid."},
                 Case{"sv", "Ingen brådska, svara när ni har tid."},
                 Case{"nb", "Det haster ikke."},
                 Case{"ru", "Это не срочно, ответьте когда будет время."},
                 Case{"zh", "不急，有空的时候回复就行。"}}) {
    auto r = AnalyzeUrgency(c.text, c.lang);
    EXPECT_EQ(r.label, "low") << c.lang << Cues(r);
    EXPECT_TRUE(HasCue(r, "calm")) << c.lang << Cues(r);
  }
}

TEST(Urgency, ImmediatelyWords) {
  for (Case c : {Case{"en", "Please fix this immediately."},
                 Case{"da", "Det skal rettes straks."},
                 Case{"da", "Svar venligst omgående."},
                 Case{"sv", "Åtgärda detta omedelbart."},
                 Case{"nb", "Svar snarest."},
                 Case{"ru", "Срочно исправьте это."},
                 Case{"zh", "紧急，请处理。"},
                 Case{"zh", "我很急"}}) {
    auto r = AnalyzeUrgency(c.text, c.lang);
    EXPECT_GE(r.score, 0.45) << c.lang << " " << c.text << Cues(r);
    EXPECT_TRUE(r.label == "high" || r.label == "critical") << c.text;
    EXPECT_FALSE(r.cues.empty());
  }
}

TEST(Urgency, Deadlines) {
  for (Case c : {Case{"en", "I need the replacement by Friday."},
                 Case{"da", "Jeg skal have varen senest i morgen."},
                 Case{"da", "Pakken skal være her inden fredag."},
                 Case{"sv", "Jag behöver svar senast imorgon."},
                 Case{"nb", "Jeg trenger svar innen fredag."},
                 Case{"ru", "Мне нужно получить заказ до завтра."},
                 Case{"ru", "Ответьте до пятницы."},
                 Case{"zh", "请今天之内给我答复。"},
                 Case{"zh", "周五前必须送到"}}) {
    auto r = AnalyzeUrgency(c.text, c.lang);
    EXPECT_TRUE(HasCue(r, "deadline")) << c.lang << " " << c.text << Cues(r);
    EXPECT_GT(r.score, kUrgencyBase) << c.text;
  }
  EXPECT_GT(AnalyzeUrgency("Svar venligst senest i dag", "da").score,
            AnalyzeUrgency("Jeg har i dag modtaget pakken", "da").score);
}

TEST(Urgency, RepeatedContacts) {
  for (Case c : {Case{"en", "This is the third time I write to you."},
                 Case{"da", "Det er tredje gang jeg skriver."},
                 Case{"sv", "Det är tredje gången jag skriver."},
                 Case{"nb", "Jeg har allerede skrevet flere ganger."},
                 Case{"ru", "Пишу уже в третий раз."},
                 Case{"zh", "这是我第三次联系你们。"}}) {
    auto r = AnalyzeUrgency(c.text, c.lang);
    EXPECT_TRUE(HasCue(r, "repeat")) << c.lang << Cues(r);
    EXPECT_NE(r.label, "low");
    EXPECT_NE(r.label, "normal") << c.lang << " " << r.score << Cues(r);
  }
}

TEST(Urgency, CancelIntent) {
  for (Case c : {Case{"en", "I want to cancel my subscription."},
                 Case{"en", "I will take my business elsewhere."},
                 Case{"da", "Jeg vil opsige mit abonnement."},
                 Case{"da", "Jeg vil gerne annullere min konto."},
                 Case{"sv", "Jag vill säga upp mitt avtal."},
                 Case{"nb", "Jeg vil si opp abonnementet."},
                 Case{"ru", "Я хочу расторгнуть договор."},
                 Case{"ru", "Отключите мою подписку."},
                 Case{"zh", "我要退订。"},
                 Case{"zh", "请帮我取消会员账户"}}) {
    auto r = AnalyzeUrgency(c.text, c.lang);
    EXPECT_TRUE(r.cancel_intent) << c.lang << " " << c.text << Cues(r);
    EXPECT_TRUE(HasCue(r, "cancel intent")) << c.text;
    EXPECT_FALSE(r.legal_threat);
  }
  // Cancelling an order is not leaving; not wanting to cancel is not either.
  for (Case c : {Case{"en", "Please cancel my order, I ordered the wrong size."},
                 Case{"en", "I do not want to cancel my subscription, just change the plan date."},
                 Case{"da", "Jeg vil gerne annullere min ordre."},
                 Case{"ru", "Я не хочу расторгать договор."},
                 Case{"zh", "请取消这个订单"}}) {
    auto r = AnalyzeUrgency(c.text, c.lang);
    EXPECT_FALSE(r.cancel_intent) << c.lang << " " << c.text << Cues(r);
  }
}

TEST(Urgency, LegalThreats) {
  for (Case c : {Case{"en", "If this is not solved I will contact my lawyer."},
                 Case{"en", "I will take you to court."},
                 Case{"da", "Jeg går videre til Forbrugerombudsmanden."},
                 Case{"da", "Jeg har kontaktet en advokat."},
                 Case{"sv", "Jag kommer att anmäla er till ARN."},
                 Case{"nb", "Jeg tar saken til Forbrukerrådet."},
                 Case{"ru", "Я подам в суд."},
                 Case{"ru", "Обращусь в Роспотребнадзор."},
                 Case{"zh", "我会找律师。"},
                 Case{"zh-Hant", "我要去法院起訴你們"}}) {
    auto r = AnalyzeUrgency(c.text, c.lang);
    EXPECT_TRUE(r.legal_threat) << c.lang << " " << c.text << Cues(r);
    EXPECT_TRUE(HasCue(r, "threat")) << c.text;
    EXPECT_EQ(r.label, "critical") << c.text << " " << r.score;
  }
  EXPECT_FALSE(AnalyzeUrgency("Det stämmer, tack.", "sv").legal_threat);
}

TEST(Urgency, MoneyLost) {
  for (Case c : {Case{"en", "You charged me twice for the same order."},
                 Case{"da", "I har trukket to gange på mit kort."},
                 Case{"sv", "Ni har dragit pengarna två gånger."},
                 Case{"nb", "Dere har trukket to ganger."},
                 Case{"ru", "Вы списали дважды за один заказ."},
                 Case{"zh", "你们扣了两次钱"}}) {
    auto r = AnalyzeUrgency(c.text, c.lang);
    EXPECT_TRUE(HasCue(r, "money")) << c.lang << " " << c.text << Cues(r);
    EXPECT_GE(r.score, 0.45) << c.text;
  }
}

TEST(Urgency, CuesCombineAndStayBelowOne) {
  auto one = AnalyzeUrgency("Please answer immediately.", "en");
  auto many = AnalyzeUrgency(
      "This is the third time I write! Answer immediately, by Friday, or I will cancel my "
      "subscription and contact my lawyer!!!",
      "en");
  EXPECT_GT(many.score, one.score);
  EXPECT_LE(many.score, 1.0);
  EXPECT_EQ(many.label, "critical");
  EXPECT_TRUE(many.cancel_intent);
  EXPECT_TRUE(many.legal_threat);
  EXPECT_TRUE(HasCue(many, "!!!"));
  // The same cue twice counts less than two different cues.
  double twice = AnalyzeUrgency("Urgent. Urgent.", "en").score;
  double two = AnalyzeUrgency("Urgent. I need it by Friday.", "en").score;
  EXPECT_LT(twice, two);
}

TEST(Urgency, UnknownLanguageUsesEnglishCues) {
  EXPECT_TRUE(AnalyzeUrgency("Bitte sofort, ASAP!", "de").score > kUrgencyBase);
  EXPECT_DOUBLE_EQ(AnalyzeUrgency("Bitte senden Sie die Rechnung.", "de").score, kUrgencyBase);
}

}  // namespace
}  // namespace svar::triage

namespace svar::triage {
namespace {

TEST(UrgencyRepeats, TheSameWordsTwiceAreOneCue) {
  // A mail whose text came through twice (text and HTML parts) is not twice as urgent.
  const std::string once = "Мой заказ до сих пор не пришёл. Когда его отправят?";
  UrgencyResult a = AnalyzeUrgency(once, "ru");
  UrgencyResult b = AnalyzeUrgency(once + "\n\n" + once, "ru");
  EXPECT_EQ(a.cues.size(), b.cues.size());
  EXPECT_DOUBLE_EQ(a.score, b.score);
}

}  // namespace
}  // namespace svar::triage
