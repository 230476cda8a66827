#include "knowledge/search/stop_words.h"

#include <string>
#include <unordered_set>

namespace svar::knowledge {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& English() {
  static const WordSet s = {
      "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "i", "me",
      "my", "mine", "we", "us", "our", "you", "your", "yours", "he", "him", "his", "she",
      "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "of",
      "in", "on", "at", "to", "for", "from", "with", "by", "about", "as", "and", "or", "but",
      "if", "so", "do", "does", "did", "doing", "have", "has", "had", "having", "can",
      "could", "will", "would", "shall", "should", "may", "might", "must", "there", "here",
      "what", "which", "who", "whom", "whose", "where", "when", "why", "how", "some", "any",
      "all", "into", "out", "up", "than", "then", "too", "very", "just", "also", "please",
      "i'm", "i've", "it's", "get", "got"};
  return s;
}

const WordSet& Danish() {
  static const WordSet s = {
      "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med",
      "han", "af", "for", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min",
      "mit", "mine", "havde", "ham", "hun", "nu", "over", "da", "fra", "du", "ud", "sin",
      "sit", "sine", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad", "hvordan",
      "hvorfor", "hvornår", "skal", "selv", "her", "alle", "vil", "blev", "kunne", "kan",
      "ind", "når", "være", "været", "dog", "noget", "nogen", "ville", "jo", "deres", "efter",
      "skulle", "denne", "dette", "disse", "end", "også", "have", "dig", "din", "dit",
      "dine", "hende", "hendes", "meget", "hvis", "nogle", "hos", "blive", "bliver", "jer",
      "jeres", "vores", "sådan", "så", "får", "få", "gør", "gøre"};
  return s;
}

const WordSet& Swedish() {
  static const WordSet s = {
      "och", "det", "att", "i", "en", "ett", "jag", "hon", "som", "han", "på", "den", "med",
      "var", "sig", "för", "så", "till", "är", "men", "om", "hade", "de", "av", "mig", "du",
      "dig", "henne", "då", "sin", "sitt", "sina", "nu", "har", "hans", "honom", "skulle",
      "hennes", "där", "min", "mitt", "mina", "man", "vid", "kunde", "något", "någon",
      "några", "från", "ut", "när", "efter", "upp", "vi", "oss", "dem", "vara", "varit",
      "vad", "över", "än", "kan", "här", "ha", "mot", "alla", "allt", "eller", "mycket",
      "sedan", "ju", "denna", "detta", "dessa", "åt", "hur", "varför", "var", "ni", "er",
      "bli", "blev", "blir", "din", "ditt", "dina", "deras", "vår", "vårt", "våra", "vilken",
      "vilket", "vilka", "vem", "får", "få", "gör", "göra", "också"};
  return s;
}

// Bokmål and Nynorsk share the stemmer and the list.
const WordSet& Norwegian() {
  static const WordSet s = {
      "og", "i", "jeg", "eg", "det", "at", "en", "ei", "et", "den", "til", "er", "som",
      "på", "de", "dei", "med", "han", "av", "der", "så", "var", "meg", "seg", "men", "har",
      "om", "vi", "me", "min", "mi", "mitt", "mine", "ha", "hadde", "hun", "ho", "nå", "no",
      "over", "da", "då", "ved", "fra", "frå", "du", "ut", "sin", "si", "sitt", "sine",
      "dem", "oss", "opp", "man", "kan", "hans", "hennes", "hvor", "kvar", "eller", "hva",
      "kva", "hvordan", "korleis", "hvorfor", "kvifor", "når", "skal", "selv", "her", "alle",
      "vil", "bli", "ble", "blir", "blitt", "kunne", "være", "vere", "vært", "noen", "noe",
      "nokon", "noko", "ville", "dere", "deres", "etter", "skulle", "denne", "dette",
      "disse", "for", "deg", "dykk", "din", "di", "ditt", "dine", "vår", "vårt", "våre",
      "hvis", "også", "får", "få", "gjør", "gjøre"};
  return s;
}

const WordSet& Russian() {
  static const WordSet s = {
      "и", "в", "во", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "всё",
      "она", "так", "его", "но", "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", "ее",
      "её", "мне", "меня", "было", "вот", "от", "еще", "ещё", "о", "об", "из", "ему",
      "когда", "ли", "если", "уже", "или", "быть", "был", "была", "были", "до", "вас",
      "вам", "там", "себя", "ей", "может", "они", "тут", "где", "есть", "для", "мы",
      "тебя", "их", "чем", "сам", "чтобы", "чтоб", "чего", "тоже", "себе", "под", "будет",
      "тогда", "кто", "этот", "эта", "это", "эти", "этого", "этой", "того", "какой",
      "какая", "какие", "мой", "моя", "моё", "мое", "мои", "мою", "моего", "моей",
      "ваш", "ваша", "ваше", "ваши", "свой", "свою", "при", "про", "через", "нас", "них",
      "почему", "зачем", "куда", "можно", "пожалуйста"};
  return s;
}

const WordSet& QuestionWords() {
  static const WordSet s = {
      // en
      "when", "where", "how", "why", "what", "which", "who",
      // da
      "hvornår", "hvor", "hvordan", "hvorfor", "hvad", "hvilken", "hvilke", "hvem",
      // sv
      "när", "var", "hur", "varför", "vad", "vilken", "vilka", "vem",
      // no (bokmål and nynorsk)
      "når", "hva", "kor", "korleis", "kvifor", "kva", "kven",
      // ru
      "когда", "где", "как", "почему", "зачем", "что", "какой", "какая", "какие", "кто",
      "куда", "сколько"};
  return s;
}

}  // namespace

bool IsQuestionWord(std::string_view lang, std::string_view folded) {
  return IsStopWord(lang, folded) && QuestionWords().count(folded) > 0;
}

bool IsStopWord(std::string_view lang, std::string_view folded) {
  if (lang == "en") return English().count(folded) > 0;
  if (lang == "da") return Danish().count(folded) > 0;
  if (lang == "sv") return Swedish().count(folded) > 0;
  if (lang == "no") return Norwegian().count(folded) > 0;
  if (lang == "ru") return Russian().count(folded) > 0;
  return false;
}

}  // namespace svar::knowledge
