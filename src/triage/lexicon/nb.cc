// Norwegian (bokmål and common nynorsk forms) sentiment and urgency lists (format: lexicon.h).
#include "triage/lexicon/data.h"

namespace svar::triage::lexicon {

extern const std::string_view kNorwegian = R"LEX(
# --- modifiers
neg {ikke,ikkje,aldri,ingen,intet,ingenting,inkje,verken,uten,utan,ei}
but {men,likevel,derimot}
x1.5 {veldig,svært,kjempe,virkelig,utrolig,utrolig,helt,totalt,fullstendig,ekstremt,altfor,skikkelig,særdeles,så,dypt,grusomt}
x1.3 {ganske,temmelig,rimelig}
x0.6 {litt,noe,en smule,lite}
# --- closings and greetings
0 {takk på forhånd,på forhånd takk,på forhånd tusen takk,med vennlig hilsen,vennlig hilsen,vennleg helsing,mvh,hilsen,helsing,ha en fin dag,ha en god dag,god morgen,god helg,hei,kjære}
0 {så snart,så fort,så lenge,rimelig fort,ikke noe,ikkje noko}
# --- negative
-0.9 {rasende,svindel*,svindl*,skandaløs*,verst,verste,dårligst}
-0.8 {sint,sinte,forbanna,forbannet,elendig*,forferdelig*,fryktelig*,katastrof*,skandal*,uakseptabel,uakseptabelt,uakseptable,inkompetent*,hater,mareritt,aldri igjen,nå får det være nok,nok er nok,drittlei,dritt,drittselskap,møkk*,grusom,grusomme,håpløs*,vanvittig dårlig}
-0.7 {latterlig*,useriøs*,uprofesjonell*,ubrukelig*,frekk*,bortkastet tid,bortkastet,kastet bort,lei av,dårlig service,elendig service,pinlig*,sjokkert,sjokkerende,frustrert,frustrerende,lurt meg,lurte meg}
-0.6 {skuffe*,misfornøyd*,frustr*,uhøflig*,villedende,løgn*,lyver,løy,urettferdig*,kaos,aldri fått,aldri mottatt,aldri kommet,ikke akseptabelt,ikke greit,ikkje greitt,irriterende,stress*,lei meg,verdiløs*,sur}
-0.6 {virker,fungerer,funker,virket,fungerte,funket,verkar} {ikke,ikkje,fortsatt ikke,fremdeles ikke,aldri}
-0.5 {dårlig,dårlige,dårleg,dårlegt,verre,ødelagt*,øydelagd*,defekt*,i stykker,gått i stykker,trist*,ingen svar,ikke svar,ikke fått svar,ingen tilbakemelding,ingen hjelp,ignorer*,irriter*,umulig*,slurv*,ulykkelig*,klage,klager,klagen,klaget,kjip*,uheldig*,bekymret,redd,tungvint}
-0.4 {feil,feilen,feila,forsink*,for sent,dessverre,bekymr*,treg,tregt,trege,treig,sakte,mangler,manglende,mistet,forsvunnet,ikke mottatt,ikke fått,ikke kommet,har ikke fått,har ennå ikke fått,fortsatt ikke,fremdeles ikke,dyrt,overpris*,urimelig*,uklar*,forvirr*,komplisert,surt}
-0.3 {problem,problemer,problemet,problema,kan ikke,kunne ikke,dyr,rar,rart,merkelig*,tilbakebetaling,pengene tilbake}
-0.15 {venter,ventet,fortsatt,igjen}
# --- positive
0.2 {takk,fint,greit,ok,okei,i orden}
0.4 {mange takk,takk for hjelpen,takk for svaret,takk for raskt svar,takk for rask hjelp,god,godt,gode,bra,bedre,fin,fine,vennlig*,rask,raskt,raske,effektiv*,profesjonell*,enkel,enkelt,enkle,pålitelig*,hyggelig*,trivelig*,fornøyd*,ingen problem*,ikke noe problem,løste,fikset,ordnet,hjelpsom*,tålmodig*,problemfri*,smidig*}
0.5 {tusen takk,løst,virker nå,virker igjen,fungerer nå,fungerer igjen,funker nå,glad,glade,anbefal*,setter pris på,setter stor pris på,heldigvis,godt jobbet,bra jobba,supert,super,kjekt,greie folk}
0.6 {flott*,nydelig*,herlig*,takknemlig*,imponer*,kjempebra,knallbra,topp,perfekt*,kjempegod*,kanon}
0.7 {fantastisk*,utmerket,strålende,elsker,lykkelig*,enestående,over forventning,kjempefornøyd*,superfornøyd*,veldig fornøyd}
0.3 {best,beste,rimelig pris,nyttig*,tydelig*}

# --- broken promises and devices that do not start
0.5 {satte pris på,satte stor pris på}
-0.5 {starter ikke,startet ikke,lar seg ikke starte}
-0.5 ingen {ringte,kom,svarte,dukket opp}
-0.2 {telefonkø,telefonkøen}

# --- urgency
u.now 0.5 {umiddelbart,øyeblikkelig,straks,omgående,akutt,haster,det haster,hastesak,snarest,snarest mulig,så fort som mulig,så snart som mulig,med en gang,nødsituasjon,kritisk}
u.now 0.3 {skynd dere,fort,trustpilot,dårlig anmeldelse,sosiale medier}
u.due 0.45 {innen,før,senest} {mandag,tirsdag,onsdag,torsdag,fredag,lørdag,søndag,i morgen,imorgen,i kveld,helgen,dagen,kl,utgangen av uken,slutten av uken}
u.due 0.4 {senest,frist,fristen,tidsfrist,deadline,innen # timer,innen # dager,senest i dag}
u.due 0.2 {i dag,idag,i morgen,imorgen,i kveld}
u.again 0.45 {andre gang,tredje gang,fjerde gang,femte gang,flere ganger,mange ganger,gang på gang,nok en gang,enda en gang,fortsatt ikke,fremdeles ikke,fortsatt ingen,har allerede skrevet,allerede skrevet,skrevet flere ganger,skrevet før,har skrevet,purring,purrer,påminnelse,ingen svar}
u.again 0.35 {# uker,# måneder,i ukevis,i månedsvis,uker siden,måneder siden}
u.again 0.25 {# dager,igjen,dager siden,venter fortsatt,har ventet}
u.again 0.1 {fortsatt,allerede}
u.cancel 0.5 {si opp,sier opp,sagt opp,seie opp,oppsigelse*,avslutte kundeforholdet,bytte leverandør,bytter leverandør,bytte til en annen,bytter til en annen,finne en annen leverandør,aldri handle,handler aldri,aldri bestille,{slett,slette,sletter} kontoen min,{avslutt,avslutte} kontoen min,{avslutt,avslutte} abonnementet,ikke lenger være kunde,tidligere kunde}
u.cverb 0 {avslutt*,kanseller*,avbestill*,slett,slette,stenge,steng,stopp,stoppe}
u.cobj 0 {abonnement*,konto,kontoen,medlemskap*,avtale*,kontrakt*,tjenesten}
u.legal 0.7 {advokat*,jurist*,rettslige skritt,rettssak*,retten,domstol*,forliksråd*,saksøke*,forbrukerrådet,forbrukertilsynet,forbrukerklageutvalget,forbrukerombudet,politianmeld*,politiet,mine rettigheter,forbrukerkjøpsloven}
u.money 0.45 {trukket to ganger,belastet to ganger,dobbelt trukket,trukket dobbelt,dobbeltbelast*,betalt to ganger,mistet penger,pengene mine,stjålet}
u.money 0.45 {trukket,belastet,tatt} {pengene,beløpet,penger} to ganger
u.money 0.3 {pengene tilbake,penger tilbake,tilbakebetaling*,refusjon*}
u.money 0.15 {penger}
u.calm 0 {ingen hast,haster ikke,det haster ikke,ikke akutt,når dere har tid,når du har tid,i ro og mak,ikke viktig,ingen stress}
)LEX";

}  // namespace svar::triage::lexicon
