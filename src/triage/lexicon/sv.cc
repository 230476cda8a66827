// Swedish sentiment and urgency lists (format: lexicon.h).
#include "triage/lexicon/data.h"

namespace svar::triage::lexicon {

extern const std::string_view kSwedish = R"LEX(
# --- modifiers
neg {inte,icke,ej,aldrig,ingen,inget,inga,varken,utan}
but {men,dock,ändå,fast}
x1.5 {mycket,väldigt,jätte,riktigt,verkligen,otroligt,helt,totalt,fullständigt,extremt,oerhört,så,alldeles,djupt}
x1.3 {ganska,rätt,rejält}
x0.6 {lite,något,en aning}
# --- closings and greetings
0 {tack på förhand,på förhand tack,tack i förväg,tack på förhand för hjälpen,med vänliga hälsningar,vänliga hälsningar,vänlig hälsning,mvh,hälsningar,ha en bra dag,ha en trevlig dag,god morgon,trevlig helg,hej}
0 {så snart,så fort,så länge,inte heller}
-0.5 {för dyrt,för långsamt,för dåligt}
# --- negative
-0.9 {rasande,bedrägeri*,bedragare,skandalös*,sämst,värst,värsta}
-0.8 {arg,arga,argt,förbannad*,ilsken,ilsket,ilskna,usel,uselt,usla,urdålig*,hemsk*,fruktansvärd*,förfärlig*,katastrof*,skandal*,oacceptabel,oacceptabelt,oacceptabla,inkompetent*,hatar,mardröm,aldrig mer,nu räcker det,skitdålig*,skit,skitföretag,bedrövlig*,vidrig*}
-0.7 {löjlig*,oseriös*,oprofessionell*,värdelös*,lurad*,lurat,lurade,oförskämd*,slöseri med tid,slöseri med pengar,less på,trött på,förbannat,kass,kasst,pinsam*,chockad,chockerande,frustrerad*,frustrerande,dålig service,usel service}
-0.6 {besviken,besvikna,besviket,besvikelse*,missnöjd*,frustr*,otrevlig*,vilseledande,ljug*,ljuger,ljög,orättvis*,kaos,aldrig fått,aldrig kommit,aldrig fick,inte acceptabelt,inte okej,inte ok,irriterande,stress*,ledsen,ledsna}
-0.6 {fungerar,funkar,fungerade,funkade,fungerar fortfarande,funkar fortfarande} {inte,ej,aldrig}
-0.5 {dålig,dåligt,dåliga,sämre,trasig*,sönder,gått sönder,defekt*,tråkig*,inget svar,inga svar,ingen återkoppling,ingen hjälp,inte svarat,ignorer*,irriter*,krångl*,krångel,omöjlig*,slarv*,olycklig*,klagomål,klaga,klagar,jobbig*,tyvärr,beklagligt,orolig*,rädd,felaktig*}
-0.4 {fel,felet,felen,försen*,för sent,långsam*,långsamt,seg,segt,sega,saknas,fattas,saknar,förlorat,försvunnit,inte fått,inte kommit,har inte fått,har ännu inte fått,fortfarande inte,dyrt,överpris*,orimlig*,oklar*,förvirr*,komplicerat,synd,tråkigt}
-0.3 {problem,problemet,problemen,kan inte,kunde inte,dyr,konstig*,märklig*,återbetalning,pengarna tillbaka}
-0.15 {väntar,väntat,fortfarande,igen}
# --- positive
0.2 {tack,fint,okej,ok,i sin ordning}
0.4 {tack så mycket,tack för hjälpen,tack för svaret,tack för snabbt svar,tack för det snabba svaret,bra,bättre,fin,fina,vänlig*,snabb*,effektiv*,professionell*,enkel,enkelt,enkla,smidig*,pålitlig*,trevlig*,nöjd*,inga problem,inget problem,löste,fixat,fixade,hjälpsam*,tålmodig*,problemfri*}
0.5 {stort tack,tusen tack,löst,fungerar nu,funkar nu,fungerar igen,funkar igen,glad,glada,gladare,rekommender*,uppskatta*,lyckligtvis,som tur är,bra jobbat,snyggt,snygg,grymt,grym,proffsig*,nöjda}
0.6 {härlig*,tacksam*,imponer*,toppen,jättebra,superbra,skitbra,kanonbra,kanon,perfekt*,suveränt,suverän}
0.7 {fantastisk*,utmärkt*,underbar*,älskar,lycklig*,strålande,enastående,över förväntan,jättenöjd*,supernöjd*,mycket nöjd}
0.3 {bäst,bästa,rimlig*,användbar*,tydlig*,tur}

# --- broken promises and devices that do not start
-0.5 {startar inte,startade inte,går inte att starta,går inte att öppna}
-0.5 ingen {ringde,kom,svarade,dök upp}
-0.2 {telefonkö,telefonkön}

# --- urgency
u.now 0.5 {omedelbart,omgående,genast,akut,akuta,brådskande,brådskar,det brådskar,snarast,snarast möjligt,så snart som möjligt,så fort som möjligt,med en gång,bråttom,det är bråttom,nödläge,kritiskt}
u.now 0.3 {direkt,skynda,fort,trustpilot,dålig recension,sociala medier}
u.due 0.45 {före,innan,senast,till} {måndag,tisdag,onsdag,torsdag,fredag,lördag,söndag,imorgon,i morgon,ikväll,i kväll,helgen,dagens slut,veckans slut,slutet av veckan,kl}
u.due 0.4 {senast,deadline,sista dag,sista dagen,tidsfrist,inom # timmar,inom # dagar,senast idag,senast i dag}
u.due 0.2 {idag,i dag,imorgon,i morgon,ikväll,i kväll}
u.again 0.45 {andra gången,tredje gången,fjärde gången,femte gången,flera gånger,många gånger,upprepade gånger,gång på gång,ännu en gång,återigen,fortfarande inte,fortfarande inget,fortfarande ingen,har redan skrivit,redan skrivit,skrivit flera gånger,skrivit tidigare,har skrivit,påminnelse,inget svar,inga svar}
u.again 0.35 {# veckor,# månader,i veckor,i månader,veckor sedan,månader sedan}
u.again 0.25 {# dagar,igen,dagar sedan,väntar fortfarande,har väntat}
u.again 0.1 {fortfarande,redan}
u.cancel 0.5 {säga upp,säger upp,sagt upp,uppsägning*,avsluta mitt konto,avslutar mitt konto,avsluta mitt abonnemang,avsluta mitt avtal,byta leverantör,byter leverantör,byta till en annan,byter till en annan,hitta en annan leverantör,aldrig handla,handlar aldrig,aldrig beställa,ta mina affärer,inte längre vara kund,före detta kund,lämna er,lämnar er}
u.cverb 0 {avsluta*,avbryt*,radera*,stäng,stänga,stänger,annullera*,avbeställ*,ta bort}
u.cobj 0 {abonnemang*,konto,kontot,medlemskap*,avtal*,prenumeration*,tjänsten}
u.legal 0.7 {advokat*,jurist*,rättsliga åtgärder,rättslig*,domstol*,tingsrätt*,stämma er,stämmer er,stämma företaget,stämning,arn,allmänna reklamationsnämnden,reklamationsnämnden,konsumentverket,konsumentombudsmannen,kronofogden,polisanmäl*,polisen,mina rättigheter,konsumentköplagen}
u.money 0.45 {dragits två gånger,dragit två gånger,dragna två gånger,dubbeldragning,dubbeldebiter*,debiterats två gånger,betalat två gånger,förlorat pengar,mina pengar,stulit,stulna}
u.money 0.45 {dragit,dragits,debiterat,debiterats,tagit,belastat} {pengarna,pengar,beloppet,mig} två gånger
u.money 0.3 {pengarna tillbaka,pengar tillbaka,återbetalning*}
u.money 0.15 {pengar}
u.calm 0 {ingen brådska,det är ingen brådska,inte bråttom,ingen stress,inte akut,inte brådskande,när ni har tid,när du har tid,när ni hinner,när du hinner,i lugn och ro,inte viktigt}
)LEX";

}  // namespace svar::triage::lexicon
