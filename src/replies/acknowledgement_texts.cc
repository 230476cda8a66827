#include "replies/acknowledgement_texts.h"

#include <array>
#include <cstdio>
#include <set>

#include "core/text.h"
#include "routing/civil_date.h"

namespace svar::replies {
namespace {

constexpr size_t kMaxTextBytes = 20000;
constexpr size_t kPassageBytes = 300;

struct Words {
  const char* lang;
  AckText text;
  const char* links_heading;
  // Promise phrases; %s is a number, a clock time or a date.
  const char* minutes;        // "within about %s minutes"
  const char* one_hour;       // "within about an hour"
  const char* hours;          // "within about %s hours"
  const char* hours_minutes;  // "within about %s" with "1 hour and 15 minutes" filled in
  const char* hour_word;      // "hour" in "1 hour and 15 minutes"
  const char* and_minutes;    // " and %s minutes"
  const char* today;          // "today before %s"
  const char* tomorrow;       // "tomorrow before %s"
  const char* weekday;        // "on %s before %s" (weekday, time)
  const char* date;           // "by %s at %s" (date, time)
  std::array<const char*, 7> weekdays;
  std::array<const char*, 12> months;
  bool day_dot;  // "4. december" (da, nb)
  bool dot_time; // 17.00 instead of 17:00
};

const std::array<Words, 7>& AllWords() {
  static const std::array<Words, 7> kWords = {{
      {"da",
       {"Vi har modtaget din henvendelse: {subject}",
        "Hej {name}\n\n"
        "Tak for din henvendelse. Vi har modtaget den og givet den sagsnummeret {ref}.\n\n"
        "Du kan forvente et svar fra os {promise}.\n"
        "{links}\n"
        "Skriver du til os igen om samme sag, så behold gerne {ref} i emnefeltet, så havner "
        "din mail det rigtige sted.\n\n"
        "Venlig hilsen\n{desk}\n"},
       "Mens du venter, kan disse artikler måske allerede besvare dit spørgsmål:",
       "inden for cirka %s minutter", "inden for cirka en time", "inden for cirka %s timer",
       "inden for cirka %s", "time", " og %s minutter", "i dag inden kl. %s",
       "i morgen inden kl. %s", "på %s inden kl. %s", "senest den %s kl. %s",
       {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"},
       {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
        "oktober", "november", "december"},
       true, true},
      {"sv",
       {"Vi har tagit emot ditt meddelande: {subject}",
        "Hej {name},\n\n"
        "Tack för att du hörde av dig. Vi har tagit emot ditt meddelande och gett det "
        "ärendenummer {ref}.\n\n"
        "Du kan räkna med ett svar från oss {promise}.\n"
        "{links}\n"
        "Om du skriver till oss igen i samma ärende, behåll gärna {ref} i ämnesraden så hamnar "
        "ditt mejl rätt.\n\n"
        "Vänliga hälsningar\n{desk}\n"},
       "Medan du väntar kan de här artiklarna kanske redan besvara din fråga:",
       "inom ungefär %s minuter", "inom ungefär en timme", "inom ungefär %s timmar",
       "inom ungefär %s", "timme", " och %s minuter", "i dag före kl. %s",
       "i morgon före kl. %s", "på %s före kl. %s", "senast den %s kl. %s",
       {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"},
       {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
        "oktober", "november", "december"},
       false, true},
      {"nb",
       {"Vi har mottatt henvendelsen din: {subject}",
        "Hei {name},\n\n"
        "Takk for at du tok kontakt. Vi har mottatt henvendelsen din og gitt den saksnummer "
        "{ref}.\n\n"
        "Du kan regne med svar fra oss {promise}.\n"
        "{links}\n"
        "Hvis du skriver til oss igjen om samme sak, ber vi deg beholde {ref} i emnefeltet, så "
        "havner e-posten din riktig.\n\n"
        "Vennlig hilsen\n{desk}\n"},
       "Mens du venter, kan disse artiklene kanskje allerede svare på spørsmålet ditt:",
       "innen omtrent %s minutter", "innen omtrent en time", "innen omtrent %s timer",
       "innen omtrent %s", "time", " og %s minutter", "i dag innen kl. %s",
       "i morgen innen kl. %s", "på %s innen kl. %s", "innen %s kl. %s",
       {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"},
       {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "desember"},
       true, true},
      {"ru",
       {"Мы получили ваше обращение: {subject}",
        "Здравствуйте, {name}!\n\n"
        "Спасибо за обращение. Мы получили ваше письмо и присвоили ему номер {ref}.\n\n"
        "Мы ответим вам {promise}.\n"
        "{links}\n"
        "Если будете писать нам по этому вопросу, пожалуйста, сохраните {ref} в теме письма — "
        "так ваше сообщение попадёт в то же обращение.\n\n"
        "С уважением,\n{desk}\n"},
       "Пока вы ждёте: возможно, ответ на ваш вопрос уже есть в этих статьях:",
       nullptr /* plural forms in code */, "примерно в течение часа", nullptr, nullptr, nullptr,
       nullptr, "сегодня до %s", "завтра до %s", "%s до %s", "до %s %s",
       {"в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу",
        "в воскресенье"},
       {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря"},
       false, false},
      {"zh",
       {"我们已收到您的来信：{subject}",
        "{name}，您好！\n\n"
        "感谢您的来信。我们已收到您的邮件，工单编号为 {ref}。\n\n"
        "我们会在{promise}答复您。\n"
        "{links}\n"
        "如果您就此事再次来信，请在邮件主题中保留 {ref}，以便我们将其归入同一工单。\n\n"
        "此致\n{desk}\n"},
       "在等待期间，以下文章或许已经能解答您的问题：", "大约%s分钟内", "大约1小时内",
       "大约%s小时内", "大约%s内", "小时", "%s分钟", "今天%s前", "明天%s前", "%s%s前",
       "%s%s前",
       {"周一", "周二", "周三", "周四", "周五", "周六", "周日"},
       {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
       false, false},
      {"zh-Hant",
       {"我們已收到您的來信：{subject}",
        "{name}，您好！\n\n"
        "感謝您的來信。我們已收到您的郵件，案件編號為 {ref}。\n\n"
        "我們會在{promise}回覆您。\n"
        "{links}\n"
        "如果您就此事再次來信，請在郵件主旨中保留 {ref}，以便我們將其歸入同一案件。\n\n"
        "敬祝 順心\n{desk}\n"},
       "在等待期間，以下文章或許已經能解答您的問題：", "大約%s分鐘內", "大約1小時內",
       "大約%s小時內", "大約%s內", "小時", "%s分鐘", "今天%s前", "明天%s前", "%s%s前",
       "%s%s前",
       {"週一", "週二", "週三", "週四", "週五", "週六", "週日"},
       {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
       false, false},
      {"en",
       {"We have received your message: {subject}",
        "Hello {name},\n\n"
        "Thank you for writing to us. We have received your message and registered it as "
        "{ref}.\n\n"
        "One of our team will answer you {promise}.\n"
        "{links}\n"
        "If you write to us again about this, please keep {ref} in the subject line so that "
        "your message joins the same case.\n\n"
        "Best regards\n{desk}\n"},
       "While you wait, these articles may already answer your question:",
       "within about %s minutes", "within about an hour", "within about %s hours",
       "within about %s", "hour", " and %s minutes", "today before %s", "tomorrow before %s",
       "on %s before %s", "by %s at %s",
       {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
       {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"},
       false, false},
  }};
  return kWords;
}

const Words& WordsOf(std::string_view language) {
  for (const auto& w : AllWords())
    if (language == w.lang) return w;
  return AllWords().back();  // en
}

// printf with %s arguments into a std::string.
std::string Fill(const char* pattern, std::initializer_list<std::string> args) {
  std::string out;
  auto it = args.begin();
  for (const char* p = pattern; *p; ++p) {
    if (p[0] == '%' && p[1] == 's') {
      if (it != args.end()) out += *it++;
      ++p;
    } else {
      out += *p;
    }
  }
  return out;
}

std::string RuCount(int64_t n, const char* one, const char* many) {
  const bool singular = n % 10 == 1 && n % 100 != 11;
  return std::to_string(n) + " " + (singular ? one : many);
}

const std::set<std::string>& KnownPlaceholders() {
  static const std::set<std::string> k = {"ref", "promise", "links", "name", "subject", "desk"};
  return k;
}

// Calls `f(name)` for every {name}; returns the first problem, or "".
template <typename F>
std::string ScanPlaceholders(std::string_view text, F&& f) {
  size_t i = 0;
  while ((i = text.find('{', i)) != std::string_view::npos) {
    size_t end = text.find('}', i);
    size_t next_open = text.find('{', i + 1);
    if (end == std::string_view::npos || (next_open != std::string_view::npos && next_open < end))
      return "an opening brace without its closing one near \"" +
             std::string(TruncateUtf8(text.substr(i), 30)) + "\"";
    f(std::string(text.substr(i + 1, end - i - 1)));
    i = end + 1;
  }
  return "";
}

std::string Replace(std::string_view text, const AckValues& v, const std::string& links) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, open - i));
    std::string_view key = text.substr(open + 1, close - open - 1);
    if (key == "ref") out += v.ref;
    else if (key == "promise") out += v.promise;
    else if (key == "links") out += links;
    else if (key == "name") out += v.name;
    else if (key == "subject") out += v.subject;
    else if (key == "desk") out += v.desk;
    else out.append(text.substr(open, close - open + 1));  // validated texts have none
    i = close + 1;
  }
  return out;
}

// Builds a new string (in-place std::string::replace trips g++ 12's -Wrestrict).
void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  std::string out;
  size_t i = 0;
  for (size_t hit; (hit = s.find(from, i)) != std::string::npos; i = hit + from.size()) {
    out.append(s, i, hit - i);
    out.append(to);
  }
  out.append(s, i, std::string::npos);
  s = std::move(out);
}

// A text rendered with an empty {name}: "Hello ," -> "Hello,", "Здравствуйте, !" ->
// "Здравствуйте!", a line starting with "，" (Chinese) loses it, "Hej \n" -> "Hej\n".
void DropEmptyName(std::string& s) {
  ReplaceAll(s, ", !", "!");
  ReplaceAll(s, " ,", ",");
  ReplaceAll(s, " \n", "\n");
  if (s.starts_with("，")) s = s.substr(std::string_view("，").size());
  ReplaceAll(s, "\n，", "\n");
}

std::string ShortPassage(std::string_view text) {
  std::string flat = CollapseSpace(text);
  if (flat.size() <= kPassageBytes) return flat;
  std::string_view cut = TruncateUtf8(flat, kPassageBytes);
  size_t space = cut.rfind(' ');
  if (space != std::string_view::npos && space > kPassageBytes / 2) cut = cut.substr(0, space);
  return std::string(cut) + " …";
}

std::string Clock(const Words& w, int64_t local) {
  const int64_t in_day = routing::FloorMod(local, routing::kSecondsPerDay);
  char buf[16];
  std::snprintf(buf, sizeof buf, w.dot_time ? "%02d.%02d" : "%02d:%02d",
                static_cast<int>(in_day / 3600), static_cast<int>(in_day % 3600 / 60));
  return buf;
}

}  // namespace

const std::vector<std::string>& AckLanguages() {
  static const std::vector<std::string> k = {"da", "sv", "nb", "ru", "zh", "zh-Hant", "en"};
  return k;
}

std::string AckLanguageFor(std::string_view language, std::string_view script,
                           std::string_view fallback) {
  std::string l = AsciiLower(Trim(language));
  if (size_t dash = l.find_first_of("-_"); dash != std::string::npos) {
    std::string rest = l.substr(dash + 1);
    l.resize(dash);
    if (l == "zh" && (rest == "hant" || rest == "tw" || rest == "hk" || rest == "mo") &&
        script.empty())
      script = "Hant";
  }
  if (l == "no" || l == "nn") l = "nb";
  if (l == "zh") return EqualsIgnoreCase(script, "Hant") ? "zh-Hant" : "zh";
  for (const auto& a : AckLanguages())
    if (a == l) return l;
  if (!fallback.empty() && fallback != language) return AckLanguageFor(fallback, "", "");
  return "en";
}

AckText DefaultAckText(std::string_view language) { return WordsOf(language).text; }

Status ValidateAckText(const AckText& t) {
  for (const auto* part : {&t.subject, &t.body}) {
    const char* what = part == &t.subject ? "subject" : "body";
    if (Trim(*part).empty())
      return Fail(ErrorCode::kInvalidArgument, std::string("the ") + what + " is empty; write one");
    if (!IsValidUtf8(*part))
      return Fail(ErrorCode::kInvalidArgument, std::string("the ") + what + " is not UTF-8");
    if (part->size() > kMaxTextBytes)
      return Fail(ErrorCode::kInvalidArgument, std::string("the ") + what + " is longer than " +
                                                   std::to_string(kMaxTextBytes) + " bytes");
    std::string unknown;
    std::set<std::string> seen;
    std::string problem = ScanPlaceholders(*part, [&](const std::string& name) {
      seen.insert(name);
      if (!KnownPlaceholders().count(name) && unknown.empty()) unknown = name;
    });
    if (!problem.empty())
      return Fail(ErrorCode::kInvalidArgument, std::string("the ") + what + " has " + problem +
                                                   "; placeholders look like {ref}");
    if (!unknown.empty())
      return Fail(ErrorCode::kInvalidArgument,
                  std::string("the ") + what + " has the unknown placeholder {" + unknown +
                      "}; allowed: {ref}, {promise}, {links}, {name}, {subject}, {desk}");
    if (part == &t.subject && part->find('\n') != std::string::npos)
      return Fail(ErrorCode::kInvalidArgument, "the subject must be one line");
    if (part == &t.body)
      for (const char* required : {"ref", "promise"})
        if (!seen.count(required))
          return Fail(ErrorCode::kInvalidArgument,
                      std::string("the body must contain {") + required +
                          "}: the customer needs the reference and the promised time");
  }
  return Ok();
}

std::string FormatLinks(const std::vector<AnswerLink>& links, std::string_view language) {
  if (links.empty()) return "";
  std::string out = "\n";
  out += WordsOf(language).links_heading;
  out += "\n";
  int i = 0;
  for (const auto& l : links) {
    out.append("\n").append(std::to_string(++i)).append(". ").append(l.title).append("\n");
    if (!Trim(l.passage).empty())
      out.append("   \"").append(ShortPassage(l.passage)).append("\"\n");
    out.append("   ").append(l.url).append("\n");
  }
  return out;
}

AckText RenderAckText(const AckText& text, const AckValues& values, std::string_view language) {
  const std::string links = FormatLinks(values.links, language);
  AckText out{Replace(text.subject, values, ""), Replace(text.body, values, links)};
  // A subject is one line whatever the customer's subject held.
  for (char& c : out.subject)
    if (c == '\r' || c == '\n') c = ' ';
  if (Trim(values.name).empty()) DropEmptyName(out.body);
  return out;
}

std::string PhrasePromise(std::string_view language, int64_t now, int64_t promise_at,
                          routing::PromiseUnit unit, const routing::ZoneOffsets& zone) {
  const Words& w = WordsOf(language);
  const bool ru = std::string_view(w.lang) == "ru";
  const int64_t minutes = std::max<int64_t>(15, (promise_at - now + 59) / 60);
  auto hours_phrase = [&](int64_t hours) -> std::string {
    if (hours <= 1) return w.one_hour;
    if (ru) return "примерно в течение " + RuCount(hours, "часа", "часов");
    return Fill(w.hours, {std::to_string(hours)});
  };
  if (minutes <= 4 * 60) {
    if (unit == routing::PromiseUnit::kQuarterHour || minutes < 60) {
      const int64_t rounded = (minutes + 14) / 15 * 15;
      if (rounded < 60) {
        if (ru) return "примерно в течение " + RuCount(rounded, "минуты", "минут");
        return Fill(w.minutes, {std::to_string(rounded)});
      }
      const int64_t h = rounded / 60, m = rounded % 60;
      if (m == 0) return hours_phrase(h);
      if (ru)
        return "примерно в течение " + RuCount(h, "часа", "часов") + " " +
               RuCount(m, "минуты", "минут");
      std::string hm = std::to_string(h) + " " + w.hour_word;
      if (std::string_view(w.lang) == "en" && h > 1) hm += "s";
      return Fill(w.hours_minutes, {hm + Fill(w.and_minutes, {std::to_string(m)})});
    }
    return hours_phrase((minutes + 59) / 60);
  }
  const int64_t local_now = zone.UtcToLocal(now);
  // By the clock, a promise is a full hour: "before 10:00", never "before 09:37".
  const int64_t local_at =
      routing::FloorDiv(zone.UtcToLocal(promise_at) + 3599, int64_t{3600}) * 3600;
  const int64_t day_now = routing::FloorDiv(local_now, routing::kSecondsPerDay);
  const int64_t day_at = routing::FloorDiv(local_at, routing::kSecondsPerDay);
  const std::string clock = Clock(w, local_at);
  const int64_t days = day_at - day_now;
  if (days <= 0) return Fill(w.today, {clock});
  if (days == 1) return Fill(w.tomorrow, {clock});
  if (days < 7) return Fill(w.weekday, {w.weekdays[routing::WeekdayOfDay(day_at)], clock});
  const routing::CivilDate d = routing::CivilFromDays(day_at);
  const std::string month = w.months[d.month - 1];
  std::string date;
  const std::string_view lang = w.lang;
  if (lang == "zh" || lang == "zh-Hant") date = month + std::to_string(d.day) + "日";
  else if (w.day_dot) date = std::to_string(d.day) + ". " + month;
  else date = std::to_string(d.day) + " " + month;
  if (ru) return Fill(w.date, {clock, date});
  if (lang == "zh" || lang == "zh-Hant") return Fill(w.date, {date, clock});
  return Fill(w.date, {date, clock});
}

Result<AckText> AckTextStore::Get(std::string_view language, bool* custom) {
  std::lock_guard lock(db_.mutex());
  SVAR_ASSIGN(auto row, db_.QueryOne("SELECT subject, body FROM ack_texts WHERE language = ?",
                                     {std::string(language)}));
  if (custom) *custom = row.has_value();
  if (row) return AckText{row->Text(0), row->Text(1)};
  return DefaultAckText(language);
}

Status AckTextStore::Put(std::string_view language, const AckText& text, std::string_view actor,
                         int64_t now) {
  bool known = false;
  for (const auto& l : AckLanguages()) known = known || l == language;
  if (!known)
    return Fail(ErrorCode::kInvalidArgument,
                "no acknowledgement texts for \"" + std::string(language) +
                    "\"; languages: da, sv, nb, ru, zh, zh-Hant, en");
  SVAR_TRY(ValidateAckText(text));
  std::lock_guard lock(db_.mutex());
  return db_.Exec(
      "INSERT INTO ack_texts(language, subject, body, actor, updated_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT(language) DO UPDATE SET subject = excluded.subject, body = excluded.body, "
      "actor = excluded.actor, updated_at = excluded.updated_at",
      {std::string(language), text.subject, text.body, std::string(actor), now});
}

Status AckTextStore::Reset(std::string_view language) {
  std::lock_guard lock(db_.mutex());
  return db_.Exec("DELETE FROM ack_texts WHERE language = ?", {std::string(language)});
}

}  // namespace svar::replies
