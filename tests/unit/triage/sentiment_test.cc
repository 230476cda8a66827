#include "triage/sentiment.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "triage/lexicon/data.h"
#include "triage/lexicon/lexicon.h"

namespace svar::triage {
namespace {

double Score(std::string_view text, std::string_view lang) {
  return AnalyzeSentiment(text, lang).score;
}
std::string Label(std::string_view text, std::string_view lang) {
  return AnalyzeSentiment(text, lang).label;
}
bool HasReason(const SentimentResult& r, std::string_view part) {
  for (const std::string& s : r.reasons)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

TEST(SentimentLexicon, EveryListParsesAndHasAFewHundredScoredEntries) {
  std::pair<const char*, std::string_view> lists[] = {
      {"da", lexicon::kDanish},  {"sv", lexicon::kSwedish}, {"nb", lexicon::kNorwegian},
      {"ru", lexicon::kRussian}, {"zh", lexicon::kChinese}, {"en", lexicon::kEnglish}};
  for (auto [lang, text] : lists) {
    lexicon::Lexicon lex;
    std::string error;
    EXPECT_TRUE(lexicon::BuildLexicon(text, lang == std::string_view("zh"), &lex, &error))
        << lang << ": " << error;
    EXPECT_GE(lex.scored, 200) << lang;
  }
}

TEST(SentimentLexicon, FormatErrorsNameTheLine) {
  lexicon::Lexicon lex;
  std::string error;
  EXPECT_FALSE(lexicon::BuildLexicon("0.5 good\nhello world\n", false, &lex, &error));
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
  EXPECT_FALSE(lexicon::BuildLexicon("1.5 great\n", false, &lex, &error));
  EXPECT_FALSE(lexicon::BuildLexicon("0.5 {good,nice\n", false, &lex, &error));
}

TEST(SentimentLexicon, BracesStemsAndPhrases) {
  lexicon::Lexicon lex;
  std::string error;
  ASSERT_TRUE(lexicon::BuildLexicon("-0.5 skuffe*\n0.4 {god,{fin,flot}t}\n0.3 no problem\nneg no\n",
                                    false, &lex, &error))
      << error;
  lexicon::Scan scan;
  auto match = [&](std::string_view text) -> std::string {
    lexicon::ScanText(text, &scan);
    int covered = 0;
    int e = lex.sentiment.MatchWords(scan, 0, &covered);
    return e < 0 ? "" : lex.entries[e].term + "/" + std::to_string(covered);
  };
  EXPECT_EQ(match("Skuffende"), "skuffe*/1");
  EXPECT_EQ(match("skuffet"), "skuffe*/1");
  EXPECT_EQ(match("skuff"), "");
  EXPECT_EQ(match("fint"), "fint/1");
  EXPECT_EQ(match("flott"), "flott/1");
  EXPECT_EQ(match("flot"), "");  // no stem: exact only
  EXPECT_EQ(match("god"), "god/1");
  EXPECT_EQ(match("no problem"), "no problem/2");
  EXPECT_EQ(match("no way"), "no/1");
}

TEST(Sentiment, LabelsAndThresholds) {
  auto r = AnalyzeSentiment("I am very angry, this is unacceptable.", "en");
  EXPECT_EQ(r.label, "negative");
  EXPECT_LE(r.score, kNegativeThreshold);
  EXPECT_GE(r.score, -1.0);
  r = AnalyzeSentiment("Thank you so much, excellent help!", "en");
  EXPECT_EQ(r.label, "positive");
  EXPECT_GE(r.score, kPositiveThreshold);
  EXPECT_LE(r.score, 1.0);
  r = AnalyzeSentiment("Please send the invoice to accounts@example.com.", "en");
  EXPECT_EQ(r.label, "neutral");
  EXPECT_EQ(r.score, 0);
  EXPECT_TRUE(r.reasons.empty());
  EXPECT_EQ(Label("", "da"), "neutral");
}

TEST(Sentiment, NegationFlipsAndDampens) {
  double plain = Score("I am satisfied.", "en");
  double negated = Score("I am not satisfied.", "en");
  EXPECT_GT(plain, 0);
  EXPECT_LT(negated, 0);
  EXPECT_LT(-negated, plain);  // dampened, not a full flip
  auto r = AnalyzeSentiment("I am not satisfied.", "en");
  EXPECT_TRUE(HasReason(r, "negated")) << r.reasons[0];
  // Scope: a clause end stops it; a word far away is not negated.
  EXPECT_GT(Score("It did not arrive on time, but the staff was great.", "en"), 0);
  EXPECT_GT(Score("No, I am happy.", "en"), 0);
  // Danish, Swedish, Norwegian before the word and after the verb.
  EXPECT_LT(Score("Jeg er ikke tilfreds", "da"), 0);
  EXPECT_GT(Score("Jeg er tilfreds", "da"), 0);
  EXPECT_LT(Score("Jag är inte nöjd", "sv"), 0);
  EXPECT_GT(Score("Jag är nöjd", "sv"), 0);
  EXPECT_LT(Score("Eg er ikkje fornøyd", "nn"), 0);
  EXPECT_LT(Score("Det hjalp ikke", "nb"), Score("Det hjalp", "nb") + 1e-9);
  EXPECT_GT(Score("Det var ikke dårligt", "da"), 0);  // not bad
}

TEST(Sentiment, RussianNe) {
  EXPECT_GT(Score("Я доволен", "ru"), 0);
  EXPECT_LT(Score("Я не доволен", "ru"), 0);
  EXPECT_LT(Score("Я недоволен", "ru"), 0);
  EXPECT_GT(Score("Это неплохо", "ru"), 0);
  EXPECT_GT(Score("Это не плохо", "ru"), 0);
  EXPECT_LT(Score("Приложение не работает", "ru"), 0);
  // ё and е are the same letter here; capitals are folded.
  EXPECT_EQ(Score("ВСЁ РАБОТАЕТ, спасибо", "ru") > 0, true);
}

TEST(Sentiment, ChineseNegatorsAndSubstrings) {
  EXPECT_GT(Score("我很满意", "zh"), 0);
  EXPECT_LT(Score("我不满意", "zh"), 0);
  EXPECT_LT(Score("我不开心", "zh"), 0);
  EXPECT_GT(Score("我很开心", "zh"), 0);
  EXPECT_LT(Score("我没有很高兴", "zh"), 0);
  EXPECT_LT(Score("别高兴太早，东西坏了", "zh"), 0);
  EXPECT_GT(Score("还不错", "zh"), 0);                // 不错 is listed: longest first
  EXPECT_LT(Score("我無法接受", "zh-Hant"), 0);       // Traditional
  EXPECT_LT(Score("服務態度太差了", "zh-TW"), 0);
  EXPECT_EQ(Label("对不起，我想问一下快递的情况", "zh"), "neutral");
}

TEST(Sentiment, IntensifiersScale) {
  double plain = Score("I am disappointed.", "en");
  double very = Score("I am very disappointed.", "en");
  double extremely = Score("I am extremely disappointed.", "en");
  EXPECT_LT(very, plain);
  EXPECT_LT(extremely, very);
  EXPECT_LT(Score("Jeg er meget skuffet", "da"), Score("Jeg er skuffet", "da"));
  EXPECT_LT(Score("Jag är mycket besviken", "sv"), Score("Jag är besviken", "sv"));
  EXPECT_LT(Score("Jeg er veldig skuffet", "nb"), Score("Jeg er skuffet", "nb"));
  EXPECT_LT(Score("Я очень разочарован", "ru"), Score("Я разочарован", "ru"));
  EXPECT_GT(Score("我非常满意", "zh"), Score("我满意", "zh"));
  EXPECT_GT(Score("I am a bit disappointed.", "en"), plain);  // diminisher
  auto r = AnalyzeSentiment("I am very disappointed.", "en");
  EXPECT_TRUE(HasReason(r, "x1.5"));
  // Negated intensified words are flipped, not boosted.
  EXPECT_GT(Score("It is not very good.", "en"), Score("It is not good.", "en"));
}

TEST(Sentiment, ExclamationAndQuestionMarks) {
  EXPECT_LT(Score("This is bad!!!", "en"), Score("This is bad.", "en"));
  auto r = AnalyzeSentiment("This is bad!!!", "en");
  EXPECT_TRUE(HasReason(r, "x1.3"));
  EXPECT_EQ(Label("Why is my account blocked?!", "en"), "negative");
  EXPECT_EQ(Label("Why is my account blocked?", "en"), "neutral");
  EXPECT_EQ(Label("为什么我的账号被冻结了？！", "zh"), "negative");
}

TEST(Sentiment, Capitals) {
  EXPECT_LT(Score("This is TERRIBLE", "en"), Score("This is terrible", "en"));
  auto r = AnalyzeSentiment("This is TERRIBLE", "en");
  EXPECT_TRUE(HasReason(r, "CAPS"));
  // Shouting with no scored word is still a signal.
  EXPECT_LT(Score("WHERE IS MY PARCEL I ORDERED IT IN MAY", "en"), 0);
  // An acronym or two is no shouting.
  EXPECT_EQ(Score("Please send the PDF by DHL", "en"), 0);
  // Chinese has no case: nothing to count.
  EXPECT_EQ(Score("请发PDF", "zh"), 0);
}

TEST(Sentiment, EmojiAndEmoticons) {
  EXPECT_LT(Score("My order 😡", "en"), 0);
  EXPECT_GT(Score("My order 🙂", "en"), 0);
  EXPECT_GT(Score("Got it 👍🏽", "da"), 0);  // skin tone dropped
  EXPECT_LT(Score("Still nothing :(", "en"), Score("Still nothing", "en"));
  EXPECT_GT(Score("Fint :)", "da"), Score("Fint", "da"));
  EXPECT_EQ(Score("See https://example.com/a:b", "en"), 0);  // no emoticon in a URL
  auto r = AnalyzeSentiment("订单 😡", "zh");
  EXPECT_TRUE(HasReason(r, "😡"));
}

TEST(Sentiment, PoliteClosingDoesNotOutweighAnger) {
  EXPECT_EQ(Label("I am furious, the parcel never arrived. Thanks in advance, kind regards", "en"),
            "negative");
  EXPECT_EQ(Label("Jeg er rasende over jeres service. Tak, venlig hilsen Ole", "da"), "negative");
  EXPECT_EQ(Label("Я возмущен вашим сервисом. Спасибо, с уважением", "ru"), "negative");
  EXPECT_EQ(Label("你们的服务太差了。谢谢", "zh"), "negative");
  EXPECT_EQ(Label("Where is my order? Thanks in advance.", "en"), "neutral");
}

TEST(Sentiment, ButWeighsTheSecondClause) {
  EXPECT_LT(Score("The staff was nice but the product is broken.", "en"),
            Score("The staff was nice and the product is broken.", "en"));
}

TEST(Sentiment, LanguagesAndFallback) {
  EXPECT_LT(Score("Jeg er skuffet", "DA-dk"), 0);
  EXPECT_LT(Score("Jeg er skuffet", "no"), 0);
  EXPECT_LT(Score("Jeg er skuffet", "nb"), 0);
  EXPECT_LT(Score("我很失望", "zh-Hans"), 0);
  // Unknown language: English words and emoji only.
  EXPECT_LT(Score("Ich bin sehr enttäuscht 😡", "de"), 0);
  EXPECT_LT(Score("This is terrible", "xx"), 0);
  EXPECT_EQ(Score("Ich bin sehr enttäuscht", "de"), 0);
  // Russian and Chinese mail may quote English words.
  EXPECT_LT(Score("Ваш сервис просто terrible", "ru"), 0);
  // Invalid UTF-8 is skipped, not fatal.
  EXPECT_LT(Score(std::string("I am \xff\xfe angry"), "en"), 0);
}

TEST(Sentiment, ThreadSafe) {
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (Label("Jeg er meget skuffet!!!", "da") != "negative") ++wrong;
        if (Label("非常感谢，很满意", "zh") != "positive") ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong, 0);
}

// Accuracy on the labelled corpus (tests/corpora/sentiment/README.md): at least 90% per
// language and overall.
TEST(SentimentCorpus, AccuracyPerLanguage) {
  std::ifstream in(std::string(SVAR_SOURCE_DIR) + "/tests/corpora/sentiment/sentences.tsv");
  ASSERT_TRUE(in) << "tests/corpora/sentiment/sentences.tsv is missing";
  std::map<std::string, std::pair<int, int>> per_lang;
  std::map<std::string, std::map<std::string, int>> labels;
  std::string line, misses;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    ASSERT_NE(b, std::string::npos) << line;
    std::string lang = line.substr(0, a), want = line.substr(a + 1, b - a - 1);
    std::string text = line.substr(b + 1);
    auto r = AnalyzeSentiment(text, lang);
    per_lang[lang].second++;
    labels[lang][want]++;
    if (r.label == want) {
      per_lang[lang].first++;
    } else {
      misses += lang + " want " + want + " got " + r.label + ": " + text + "\n";
    }
  }
  ASSERT_EQ(per_lang.size(), 6u);
  int right = 0, total = 0;
  for (auto& [lang, c] : per_lang) {
    EXPECT_GE(c.second, 25) << lang;
    for (const char* l : {"negative", "neutral", "positive"}) EXPECT_GE(labels[lang][l], 5) << lang;
    EXPECT_GE(c.first * 100, c.second * 90) << lang << ": " << c.first << "/" << c.second;
    right += c.first;
    total += c.second;
  }
  EXPECT_GE(right * 100, total * 90) << misses;
}

}  // namespace
}  // namespace svar::triage
