#include "triage/language/function_words.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace svar::triage::language {
namespace {

struct Lists {
  std::unordered_map<std::string_view, std::unordered_set<std::string_view>> by_lang;
  // The same, word -> bit per language of `langs` (one lookup per word, not one per language).
  std::vector<std::string_view> langs;
  std::unordered_map<std::string_view, uint32_t> mask_of_word;
};

std::unordered_set<std::string_view> Words(std::string_view text) {
  std::unordered_set<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) out.insert(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

const Lists& GetLists() {
  static const Lists lists = [] {
    Lists l;
    l.by_lang["da"] = Words(
        "ikke jeg hvad hvordan hvorfor hvornår hvem hvilken hvilke også meget nogen noget nogle "
        "mig "
        "dig sig jer af efter være været blev bliver kan skal vil ville havde har med til fra på "
        "og "
        "det den de er en et at som men for så når her der hvis eller kun bare tak venlig venlige "
        "hilsen hilsner mvh venligst desværre køb købt købte bestilling bestilt ordre ordren pakke "
        "pakken modtaget modtog faktura fakturaen beløb beløbet penge pengene tilbage stadig endnu "
        "aldrig altid hjælp hjælpe spørgsmål svar uge ugen dag måned nu sådan selv hver alle andre "
        "mere mest nej ja godt god gerne igen mange lidt ud op ind hjem derfor fordi mellem under "
        "over ved mod uden hos jo vel nok heller dog hej kære min mit mine din dit dine vores "
        "jeres "
        "deres hun han os dem hende ham hendes hans blive gøre gjort kommer kom får fik fået sendt "
        "sende skrive skrev tilbagebetaling refusion konto adgangskode levering leveret vare varen "
        "varer hurtigt snart allerede stadigvæk forstår ønsker ønske behov bedes åbne åbner åbnede "
        "åbnet købe bog bøger sige siger sagde spørge spurgte uden lave laver lavede nummer kasse "
        "brug bruge bruger brugt "
        "behøver skal skulle tilbud");
    l.by_lang["nb"] = Words(
        "ikke jeg hva hvordan hvorfor når hvem hvilken hvilke også mye meget noen noe meg deg seg "
        "dere av etter være vært ble blir kan skal vil ville hadde har med til fra på og det den "
        "de "
        "er en et ei at som men for så her der hvis eller bare kun takk vennlig vennlige hilsen "
        "mvh "
        "dessverre kjøp kjøpt kjøpte bestilling bestilt ordre ordren pakke pakken mottatt mottok "
        "faktura fakturaen beløp beløpet penger pengene tilbake fortsatt ennå aldri alltid hjelp "
        "hjelpe spørsmål svar uke uken dag måned nå slik sånn selv hver alle andre mer mest nei ja "
        "godt god gjerne igjen mange litt ut opp inn hjem derfor fordi mellom under over ved mot "
        "uten hos jo vel nok heller likevel hei kjære min mitt mine din ditt dine vår vårt våre "
        "deres hun han oss dem henne ham hennes hans bli gjøre gjort kommer kom får fikk fått "
        "sendt "
        "sende skrive skrev tilbakebetaling refusjon konto passord levering levert vare varen "
        "varer "
        "raskt snart allerede forstår ønsker ønske behov vennligst åpne åpner åpnet "
        "kjøpe bok bøker si sier sa spørre spurte lage lager laget nummer størrelse bruk bruke "
        "bruker brukt "
        "trenger trengte tilbud");
    l.by_lang["nn"] = Words(
        "ikkje eg kva korleis kvifor når kven kva for også òg mykje noko nokon nokre meg deg seg "
        "dykk av etter vere vore vart blei blir kan skal vil ville hadde har med til frå på og det "
        "den dei er ein eit ei at som men for så her der viss om eller berre takk venleg venlege "
        "helsing dessverre kjøp kjøpt kjøpte bestilling bestilt ordre pakke pakken motteke fekk "
        "faktura fakturaen beløp pengar pengane tilbake framleis enno aldri alltid hjelp hjelpe "
        "spørsmål svar veke veka dag månad no slik sjølv kvar alle andre meir mest nei ja godt god "
        "gjerne igjen mange litt ut opp inn heim difor fordi mellom under over ved mot utan hjå jo "
        "vel nok heller likevel hei kjære min mi mitt mine din di ditt vår vårt våre dykkar hennar "
        "ho han oss dei henne honom hans bli gjere gjort kjem kom får fått sendt sende skrive "
        "skreiv "
        "konto passord levering levert vare vara varer raskt snart allereie forstår ønskjer behov");
    l.by_lang["sv"] = Words(
        "inte jag vad hur varför när vem vilken vilka också mycket någon något några mig dig sig "
        "er av efter vara varit blev blir kan ska skall vill skulle hade har med till från på och "
        "det den de är en ett att som men för så här där om eller bara endast tack vänlig vänliga "
        "hälsningar hälsning mvh vänligen tyvärr köp köpt köpte beställning beställt order ordern "
        "paket paketet mottagit fick fått faktura fakturan belopp beloppet pengar pengarna "
        "tillbaka fortfarande ännu aldrig alltid hjälp hjälpa fråga frågor svar vecka veckan dag "
        "månad nu sådan själv varje alla andra mer mest nej ja bra dålig gärna igen många lite ut "
        "upp in hem därför eftersom mellan under över vid mot utan hos ju väl nog heller dock hej "
        "hallå kära min mitt mina din ditt dina vår vårt våra ni oss dem honom henne hennes hans "
        "hon han bli göra gjort kommer kom får skickat skicka skriva skrev återbetalning konto "
        "lösenord leverans levererad vara varan varor snabbt snart redan förstår önskar behöver "
        "öppna öppnar öppnade köpa bok böcker säga säger sa fråga frågade göra gör gjorde storlek "
        "använda "
        "använder använt behövde erbjudande");
    l.by_lang["en"] = Words(
        "the and is are was were be been being have has had not no yes i you he she it we they me "
        "him her us them my your his its our their this that these those with from for of to in "
        "on at by what how why when who which would could should can will shall may might must do "
        "does did please thanks thank order ordered received still yet never always help question "
        "week day month now just only also very some any there here if or but so because about "
        "after before again back out up an a hello hi dear regards best sincerely refund account "
        "password delivery delivered item items soon already understand want need sent send");
    l.by_lang["de"] = Words(
        "und ist sind nicht ich sie es wir ihr das der die den dem des ein eine einen einem mit "
        "von zu für auf bei aus nach wie was warum wann wer bitte danke bestellung noch schon "
        "immer nie auch sehr aber oder wenn weil dass hallo grüße gruß freundlichen mein meine "
        "ihre ihnen haben hat habe sein war wurde werden kann können muss soll will möchte "
        "geehrte geehrter damen herren lieferung konto passwort erhalten zurück");
    for (const auto& [lang, words] : l.by_lang) {
      const uint32_t bit = 1u << l.langs.size();
      l.langs.push_back(lang);
      for (std::string_view w : words) l.mask_of_word[w] |= bit;
    }
    return l;
  }();
  return lists;
}

}  // namespace

unsigned FrequentWordMask(std::string_view w, const std::string_view* codes, int n) {
  const Lists& lists = GetLists();
  auto it = lists.mask_of_word.find(w);
  if (it == lists.mask_of_word.end()) return 0;
  unsigned mask = 0;
  for (int i = 0; i < n; ++i) {
    for (size_t k = 0; k < lists.langs.size(); ++k)
      if (lists.langs[k] == codes[i] && (it->second & (1u << k))) mask |= 1u << i;
  }
  return mask;
}

}  // namespace svar::triage::language
