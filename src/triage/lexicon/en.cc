// English sentiment and urgency lists (format: lexicon.h).
#include "triage/lexicon/data.h"

namespace svar::triage::lexicon {

extern const std::string_view kEnglish = R"LEX(
# --- modifiers
neg {not,no,never,nothing,nobody,none,neither,nor,without,cannot,can't,cant,don't,dont,doesn't,doesnt,didn't,didnt,isn't,isnt,wasn't,wasnt,aren't,arent,weren't,won't,wont,wouldn't,wouldnt,couldn't,couldnt,shouldn't,haven't,havent,hasn't,hasnt,hadn't,ain't,hardly}
but {but,however,although,though,yet}
x1.5 {very,really,so,too,truly,highly,totally,completely,absolutely,deeply,seriously,incredibly,terribly,super,such,way too,so very}
x1.8 {extremely,utterly,insanely,beyond,unbelievably}
x1.3 {quite,pretty,particularly,especially,much}
x0.6 {a bit,a little,slightly,somewhat,kind of,sort of,rather,fairly,mildly}
# --- closings and greetings that carry no sentiment
0 {thanks,thank you} in advance
0 {kind,best,warm,warmest} regards
0 {best,good} wishes
0 good {morning,afternoon,evening,day}
0 {have a nice day,have a good day,have a great day,hope you are well,hope this finds you well,looking forward to}
0 please
0 {how much,so far,as well,as soon as}
# --- negative
-0.9 {furious,livid,outraged,enraged,worst,scam,scammed,scammers,horrendous,abysmal,fraudulent}
-0.8 {angry,angrier,outrageous,disgusted,disgusting,appalled,appalling,unacceptable,terrible,terribly bad,horrible,awful,incompetent,incompetence,hate,hated,hates,nightmare,disgrace,disgraceful,dreadful,disaster,disastrous,pissed,pissed off,shit,shitty,never again,fraud,catastrophe,catastrophic}
-0.7 {ridiculous,useless,worthless,pathetic,rude,rudeness,cheat,cheated,cheating,rip off,ripoff,ripped off,waste of time,waste of money,sucks,crap,crappy,wtf,fed up,sick of,unprofessional,shameful,furiously,screwed,lousy,misled,shocking,infuriating,infuriated,insulting,insult,enough is enough,bullshit}
-0.6 {disappoint*,frustrat*,upset,unhappy,dissatisf*,unsatisfied,defective,tired of,had enough,unfair,misleading,lie,lied,lies,lying,liar,liars,ignored,ignoring,unreliable,mad,regret,regrets,mess,messed up,annoyed,annoying,stopped working,shocked,joke,a joke,rubbish,garbage,junk,awful service,poor service,bad service,terrible service,not acceptable,overcharged,never arrived,never received,never got}
-0.6 {doesn't,does not,doesnt,didn't,did not,isn't,is not,not,still not,won't,will not,wont,can't,cannot,still doesn't} work*
-0.5 {bad,badly,poor,poorly,worse,broken,damaged,failure,sad,waste,wasted,shame,stressful,irritat*,annoy*,impossible,careless,sloppy,awkward,unfortunate,nonsense,stuck,mistreated,dishonest,no answer,no response,no reply,no one answers,nobody answers,can't believe,cannot believe,complain*,complaint,complaints,mediocre,broke}
-0.4 {fault,faulty,failed,fails,failing,wrong,slow,slowly,unfortunately,sadly,worried,worry,crash*,inconvenience,inconvenient,incorrect,unclear,disappeared,not received,haven't received,have not received,didn't receive,did not receive,hasn't arrived,has not arrived,not arrived,not delivered,still waiting,delayed,unable,confus*,stress,hassle,error,errors,bug,bugs,overpriced}
-0.35 {delay,delays,late,later than promised,missing,lost,expensive,doubt,afraid,concerned,concern,difficult,trouble,troubles,pain,annoyance}
-0.3 {problem,problems,issue,issues,glitch,hard to,strange,weird,odd,refund,sorry to say}
-0.15 {waiting,still,again}
# --- positive
0.2 {thanks,thank you,thx,cheers,ty,fine,okay}
0.4 {thanks a lot,many thanks,thank you very much,thanks very much,thanks for your help,thank you for your help,thanks for the help,thank you for the help,thanks for helping,much appreciated,no problem,no problems,no worries,not a problem,good,nice,kind,quick,quickly,fast,helpful,smooth,smoothly,easy,easily,fixed,better,professional,reliable,patient,patience,polite,clear,welcome,cool,worked,works fine,works great}
0.5 {thank you so much,thanks so much,appreciate*,solved,resolved,recommend*,best,enjoy*,pleasure,efficient,friendly,satisfied,glad,lovely,beautiful,congrat*,works now,working now,works again,working again,it works,exactly what,fortunately,luckily,relieved,prompt,promptly,sorted,sorted out,good job,nice job}
0.6 {great,happy,pleased,impressed,impressive,grateful,thankful,kudos,well done,great job,great service,good service,love it,perfectly,a lifesaver,lifesaver}
0.7 {perfect,awesome,love,loved,loving,brilliant,superb,amazing,excellent job,wonderful,fantastic,thrilled,delighted,excellent,outstanding,exceptional,marvellous,marvelous,first class,top notch,very happy,extremely happy,above and beyond}
0.3 {good morning to you,ok now,all good,all set,no complaints,fair,reasonable,fortunate,handy,useful,quality,support was helpful}

# --- broken promises and devices that do not start
-0.5 won't {turn on,start,open,load,charge,boot}
-0.5 {nobody,no one} {called,came,answered,replied,responded,got back,showed up}
-0.3 {on hold,went dead,cut off}

# --- urgency
u.now 0.5 {urgent,urgently,asap,immediately,immediate,emergency,critical}
u.now 0.45 {right away,right now,as soon as possible,at once,without delay,straight away,top priority,time sensitive,time-sensitive}
u.now 0.3 {hurry,promptly,quickly as possible,soonest,need it now}
u.due 0.45 {by,before,until,no later than} {monday,tuesday,wednesday,thursday,friday,saturday,sunday,tomorrow,tonight,noon,midnight,end of day,end of the day,end of the week,the weekend,the end of the week,the end of the day,eod}
u.due 0.4 {within # hours,within # hour,within # days,within 24h,within 48h,deadline,due date,no later than,by end of business,by close of business}
u.due 0.2 {today,tonight,this week,tomorrow}
u.again 0.45 {third time,fourth time,fifth time,3rd time,4th time,several times,many times,multiple times,numerous times,countless times,yet again,once again,still no answer,still no reply,still no response,still haven't,still have not,still not,no one has answered,nobody has answered,no one has replied,nobody has replied,already wrote,already written,have written,already contacted,already called,already emailed,already sent,keep writing,keep asking,reminder,follow up,following up,second reminder,final reminder,last reminder}
u.again 0.35 {# weeks,# months,weeks ago,months ago,for weeks,for months}
u.again 0.25 {# days,again,days ago,still waiting,no answer,no reply,no response}
u.again 0.1 {still,already}
u.cancel 0.5 {switch to another provider,switching to another provider,switch to a competitor,switching to a competitor,moving to a competitor,take my business elsewhere,taking my business elsewhere,go elsewhere,going elsewhere,leave you,leaving you,find another provider,find another company,never order again,never buy again,never shop,last time i order,no longer be a customer,no longer a customer,former customer,close my account,delete my account,cancel my account,cancel my subscription,cancel my membership,cancel my contract,terminate my contract,terminate my subscription,end my subscription,end my contract,unsubscribe me from your service,i want out,i'm done with you,i am done with you,done with your company}
u.cverb 0 {cancel*,terminate*,close,closing,delete,discontinue*,quit}
u.cobj 0 {subscription*,account*,membership*,contract*,plan,agreement,service,services}
u.legal 0.7 {lawyer*,attorney*,solicitor*,legal action,legal steps,legal proceedings,sue,suing,sue you,take you to court,court,courts,small claims,consumer protection,consumer ombudsman,ombudsman,trading standards,legal department,my rights,police,report you to the authorities,regulator,ftc,better business bureau,bbb,arbitration}
u.money 0.45 {charged twice,double charged,charged me twice,billed twice,double billed,charged two times,overcharged,lost money,stolen,took my money,stole my money,unauthorized charge,unauthorised charge,chargeback,dispute the charge}
u.money 0.3 {my money,money back,my money back,where is my refund,refund now}
u.money 0.15 {refund,charged}
u.now 0.3 {trustpilot,bad review,negative review,social media}
u.calm 0 {no rush,no hurry,not urgent,no urgency,not in a hurry,whenever you have time,whenever you can,when you have time,when you get a chance,when you have a moment,at your convenience,no need to hurry,take your time,low priority,not important,no pressure,at your leisure}
)LEX";

}  // namespace svar::triage::lexicon
