// Danish sentiment and urgency lists (format: lexicon.h).
#include "triage/lexicon/data.h"

namespace svar::triage::lexicon {

extern const std::string_view kDanish = R"LEX(
# --- modifiers
neg {ikke,ik,aldrig,ingen,intet,hverken,uden,ej}
but {men,dog,alligevel,selvom}
x1.5 {meget,rigtig,virkelig,enormt,utrolig,utroligt,helt,totalt,fuldstændig,fuldstændigt,ekstremt,vildt,særdeles,alt for,aldeles,dybt}
x1.3 {ret,temmelig,ganske,så}
x0.6 {lidt,en smule,noget,lettere}
# --- closings and greetings
0 {på forhånd tak,tak på forhånd,på forhånd mange tak,på forhånd tusind tak,venlig hilsen,venlige hilsner,med venlig hilsen,mvh,hilsen,god dag,goddag,god weekend,hav en god dag,god morgen,godt nytår,glædelig jul,kære}
0 {så snart,så hurtigt,godt nok,ikke noget,fejlfinding,ringe til,ringe op,må gerne}
# --- negative
-0.9 {rasende,svindel*,svindl*,fup,fupfirma,skandaløs*,elendigst,værst,værste}
-0.8 {vred,vrede,vredt,elendig,elendigt,elendige,forfærdelig*,frygtelig*,katastrof*,skandale*,uacceptabel,uacceptabelt,uacceptable,uhørt*,inkompetent*,hader,hadet,lort,lorte*,mareridt,aldrig igen,nok er nok,møgfirma,uanstændig*,hjerteløs*}
-0.7 {latterlig*,useriøs*,uprofessionel*,ubrugelig*,snyd*,snydt,uforskammet*,spild af tid,spild af penge,pis,møg,for dårligt,ringe service,dårlig service,elendig service,skuffende,kan ikke lide,dybt skuffet,træt af,trætte af,godt træt,pinlig*,chokeret,chokerende,frustreret,frustrerende,uartig*}
-0.6 {skuffe*,utilfreds*,frustr*,sur,sure,surt,ked af det,værdiløs*,uhøflig*,vildledende,løgn*,lyver,løj,uretfærdig*,kaos,rod i,aldrig modtaget,aldrig fået,aldrig kommet,ikke acceptabelt,ikke i orden,stress*,irriterende}
-0.6 {virker,fungerer,duer,kører,virkede,fungerede} {ikke,stadig ikke,fortsat ikke,aldrig}
-0.5 {dårlig,dårligt,dårlige,dårligere,dårligst,ringere,ødelagt*,defekt*,i stykker,gået i stykker,trist*,intet svar,ingen svar,ingen reaktion,ingen respons,ingen hjælp,ikke svaret,ignorer*,irriter*,bøvl*,umulig*,sjusk*,ked af,ulykkelig*,besvær*,uheldig*,klage,klager,klagen,klaget,beklagelig*,træls,ærgerlig*,bekymret,bange,forkert*}
-0.4 {fejl,fejlen,fejlene,fejlede,fejler,forsinke*,for sent,desværre,bekymr*,langsom*,langsomt,mangler,manglende,mistet,tabt,forsvundet,ikke modtaget,ikke fået,ikke kommet,har ikke modtaget,endnu ikke modtaget,stadig ikke,dyrt,overpris*,urimelig*,uklar*,forvirr*,kompliceret,besværlig*,virker ikke rigtigt}
-0.3 {problem,problemer,problemet,problemerne,kan ikke,kunne ikke,dyr,mærkelig*,underlig*,tilbagebetaling,refusion,pengene tilbage}
-0.15 {venter,ventet,stadig,igen}
# --- positive
0.2 {tak,tak skal du have,fint,i orden,okay,ok}
0.4 {mange tak,tak for hjælpen,tak for svaret,tak for den hurtige hjælp,tak for hurtigt svar,god,godt,gode,bedre,fin,fine,venlig*,hurtig*,effektiv*,professionel*,nem,nemt,nemme,let,pålidelig*,sød,søde,rar,rare,tilfreds*,udmærket,ingen problemer,intet problem,ikke noget problem,i orden nu,problemfri*,klaret,løste,rettet,hjulpet,hjælpsom*,tålmodig*,smidig*}
0.5 {tusind tak,tusinde tak,1000 tak,løst,løsningen virker,virker nu,virker igen,fungerer nu,fungerer igen,glad,glade,anbefale*,anbefaler,sætter pris på,sætter stor pris på,værdsætte*,heldigvis,fedt,fed,sejt,godt gået,godt arbejde,stor ros,ros,kanon,top}
0.6 {flot*,dejlig*,skøn*,herlig*,glimrende,taknemmelig*,imponere*,begejstre*,super,supergod*,superglad,topklasse,tip top,meget tilfreds,perfekt*}
0.7 {fantastisk*,fremragende,elsker,lykkelig*,genial*,fornem*,enestående,over al forventning,helt perfekt}

# --- broken promises and devices that do not start
0.5 {satte pris på,satte stor pris på}
-0.5 kan ikke {tænde,starte,åbne,oplade}
-0.6 til grin
-0.5 ingen {ringede,kom,svarede,dukkede op}
-0.2 {telefonkø,telefonkøen}

# --- urgency
u.now 0.5 {straks,omgående,øjeblikkelig*,akut,akutte,haster,hastesag,det haster,hurtigst muligt,snarest,snarest muligt,med det samme,så hurtigt som muligt,så hurtigt som overhovedet muligt,nødsituation,kritisk}
u.now 0.3 {hurtigt svar,skynd jer,hurtigst,trustpilot,dårlig anmeldelse,sociale medier}
u.due 0.45 {inden,før,senest} {mandag,tirsdag,onsdag,torsdag,fredag,lørdag,søndag,i morgen,imorgen,i aften,weekenden,dagen,kl,ugens udgang,udgangen af ugen}
u.due 0.4 {senest,deadline,frist,fristen,tidsfrist,inden for # timer,inden for # dage,inden # timer,inden # dage,i dag inden,senest i dag}
u.due 0.2 {i dag,idag,i morgen,imorgen,i aften}
u.again 0.45 {tredje gang,fjerde gang,femte gang,3. gang,flere gange,mange gange,adskillige gange,gang på gang,endnu engang,endnu en gang,stadig ikke,stadig intet,stadig ingen,endnu ikke,har allerede skrevet,allerede skrevet,skrevet flere gange,skrevet før,har skrevet,rykker,rykke for,rykkede,påmindelse,igen og igen,intet svar,ingen svar}
u.again 0.35 {# uger,# måneder,i ugevis,i månedsvis,uger siden,måneder siden}
u.again 0.25 {# dage,igen,dage siden,venter stadig,har ventet}
u.again 0.1 {stadig,allerede}
u.cancel 0.5 {opsig*,udmeld*,{meld,melder,melde} mig ud,skifte til en anden,skifter til en anden,finde en anden udbyder,finder en anden udbyder,skifte udbyder,skifter udbyder,aldrig handle,handler aldrig,aldrig bestille,{luk,lukke,lukker} min konto,{slet,slette,sletter} min konto,{luk,lukke} mit abonnement,ophæve*,ophæver,ikke længere være kunde,tidligere kunde,finder et andet sted,gå et andet sted hen}
u.cverb 0 {annuller*,afmeld*,stop,stoppe,lukke,luk,slette,slet,afslutte,afslut}
u.cobj 0 {abonnement*,konto,kontoen,medlemskab*,aftale*,kontrakt*,tjenesten}
u.legal 0.7 {advokat*,retssag*,retten,domstol*,sagsanlæg*,sagsøge*,stævne*,forbrugerombudsmand*,forbrugerklagenævn*,ankenævn*,forbrugerrådet,forbruger europa,forbrugerstyrelsen,politi*,politianmeld*,juridisk*,mine rettigheder,købeloven,retshjælp}
u.money 0.45 {trukket to gange,dobbelt trukket,trukket dobbelt,hævet to gange,trukket for meget,opkrævet to gange,dobbeltbetaling,dobbelt betaling,betalt to gange,mistet penge,mine penge,stjålet}
u.money 0.45 {trukket,hævet,opkrævet,taget} {pengene,beløbet,penge} to gange
u.money 0.3 {pengene tilbage,penge tilbage,tilbagebetaling,refusion}
u.money 0.15 {refundering,penge}
u.calm 0 {ingen hast,ingen hastværk,haster ikke,det haster ikke,når i har tid,når du har tid,når i får tid,i ro og mag,ikke vigtigt,ikke akut,intet hastværk,i har god tid,ingen stress}
)LEX";

}  // namespace svar::triage::lexicon
