#include "knowledge/search/stop_words.h"

#include <gtest/gtest.h>

namespace svar::knowledge {
namespace {

TEST(KnowledgeStopWords, FunctionWordsPerLanguage) {
  EXPECT_TRUE(IsStopWord("en", "is"));
  EXPECT_TRUE(IsStopWord("da", "hvor"));
  EXPECT_TRUE(IsStopWord("sv", "är"));
  EXPECT_TRUE(IsStopWord("no", "ikkje") == false);
  EXPECT_TRUE(IsStopWord("no", "eg"));
  EXPECT_TRUE(IsStopWord("ru", "мой"));
  EXPECT_FALSE(IsStopWord("en", "package"));
  EXPECT_FALSE(IsStopWord("zh", "的"));  // Chinese has no list
  // A word is a stop word only in its own language: Danish "min" is, English "min" is not.
  EXPECT_FALSE(IsStopWord("en", "min"));
}

TEST(KnowledgeStopWords, NegationsAreNotStopWords) {
  for (auto [lang, word] : {std::pair{"en", "not"}, {"da", "ikke"}, {"sv", "inte"},
                            {"no", "ikke"}, {"ru", "не"}, {"ru", "нет"}})
    EXPECT_FALSE(IsStopWord(lang, word)) << lang << " " << word;
}

TEST(KnowledgeStopWords, QuestionWordsAreStopWordsThatPointAtHeadings) {
  EXPECT_TRUE(IsQuestionWord("en", "when"));
  EXPECT_TRUE(IsQuestionWord("da", "hvornår"));
  EXPECT_TRUE(IsQuestionWord("sv", "när"));
  EXPECT_TRUE(IsQuestionWord("ru", "когда"));
  EXPECT_FALSE(IsQuestionWord("en", "is"));
  EXPECT_FALSE(IsQuestionWord("en", "hvornår"));  // not English
}

}  // namespace
}  // namespace svar::knowledge

#include "knowledge/search/passage_choice.h"

namespace svar::knowledge {
namespace {

TEST(KnowledgePassagePrefix, FamilyOfAWordMeetsAtItsFirstFiveCharacters) {
  EXPECT_EQ(WordPrefixTerm("faulty"), "P:fault");
  EXPECT_EQ(WordPrefixTerm("reklamation"), WordPrefixTerm("reklamerer"));
  EXPECT_EQ(WordPrefixTerm("оплата"), "P:оплат");  // characters, not bytes
  EXPECT_EQ(WordPrefixTerm("fault"), "");  // 5 characters: the word itself is the term
  EXPECT_EQ(WordPrefixTerm("礼品卡余额查询"), "");  // Han words have bigrams instead
  EXPECT_EQ(WordPrefixTerm("Zen:fault"), "");       // stems are not words
}

}  // namespace
}  // namespace svar::knowledge
