#include "cli/demo_desk.h"

namespace svar::cli {

void ApplyDemoDeskConfig(Config& c) {
  c.categories = {
      {"account", {{"accounts", 1}}, "", "", {}},
      {"billing", {{"billing", 2}}, "", "", {}},
      {"delivery", {{"logistics", 1}}, "", "", {}},
      {"privacy", {{"privacy", 3}}, "", "high", {}},
  };
  c.rules = {{"gdpr", "privacy", {"gdpr", "personal data", "persondata", "personuppgifter",
                                  "personopplysninger", "персональные данные", "个人数据"},
              {}, 10}};
  c.calendars = {{"office", "Europe/Copenhagen", {"mon-fri 08:00-17:00"},
                  {"12-24", "12-25", "12-26", "01-01"}}};
  auto agent = [](std::string email, std::string name, std::vector<std::string> languages) {
    AgentConfig a;
    a.email = std::move(email);
    a.name = std::move(name);
    a.languages = std::move(languages);
    a.skills = {{"accounts", 2}, {"billing", 3}, {"logistics", 2}, {"privacy", 1}};
    a.capacity = 8;
    return a;
  };
  c.agents = {agent("anna@demo.svar.example", "Anna", {"da", "nb", "en"}),
              agent("sven@demo.svar.example", "Sven", {"sv", "en"}),
              agent("olga@demo.svar.example", "Olga", {"ru", "en"}),
              agent("li@demo.svar.example", "Li", {"zh", "en"}),
              agent("maja@demo.svar.example", "Maja", {"en", "da"})};
  c.agents.back().skills["privacy"] = 4;
  SlaConfig urgent;
  urgent.name = "urgent";
  urgent.priorities = {"urgent", "high"};
  urgent.first_response = 60;
  urgent.next_response = 120;
  urgent.resolution = 8 * 60;
  urgent.calendar = "office";
  urgent.on_warning = {"notify"};
  urgent.on_breach = {"reassign"};
  SlaConfig standard;
  standard.name = "standard";
  standard.first_response = 4 * 60;
  standard.next_response = 8 * 60;
  standard.resolution = 3 * 8 * 60;
  standard.calendar = "office";
  standard.on_warning = {"notify"};
  standard.on_breach = {"raise_priority"};
  c.sla = {urgent, standard};
}

const std::vector<std::pair<std::string, std::string>>& DemoCategoryHistory() {
  static const std::vector<std::pair<std::string, std::string>> kHistory = {
      {"I cannot log in to my account", "account"},
      {"I forgot my password and the reset mail never comes", "account"},
      {"Jeg kan ikke logge ind på min konto", "account"},
      {"Jag kommer inte in på mitt konto", "account"},
      {"Jeg får ikke logget inn på kontoen min", "account"},
      {"Не могу войти в личный кабинет", "account"},
      {"无法登录账户", "account"},
      {"忘记密码了", "account"},
      {"You charged my card twice", "billing"},
      {"The amount on the invoice is wrong", "billing"},
      {"Der er trukket to gange på mit kort", "billing"},
      {"Fel belopp på fakturan", "billing"},
      {"Feil beløp på fakturaen", "billing"},
      {"Оплата картой не проходит", "billing"},
      {"退款什么时候到账", "billing"},
      {"I have not received my refund", "billing"},
      {"Where is my parcel", "delivery"},
      {"My package has not arrived", "delivery"},
      {"Hvor er min pakke", "delivery"},
      {"Paketet har inte kommit", "delivery"},
      {"Pakken har ikke kommet", "delivery"},
      {"Где моя посылка", "delivery"},
      {"我的包裹还没到", "delivery"},
      {"The delivery is a week late", "delivery"},
  };
  return kHistory;
}

std::vector<tickets::CustomerValue> DemoCustomers() {
  tickets::CustomerValue vip;
  vip.email = "mette@kunde.dk";
  vip.name = "Mette Hansen";
  vip.vip = true;
  vip.tier = "gold";
  vip.lifetime_value = 18500;
  vip.products = {"webshop", "app"};
  vip.country = "DK";
  return {vip};
}

}  // namespace svar::cli
