#include "triage/triager.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace svar::triage {
namespace {

using Clock = std::chrono::steady_clock;

// Language and category are decided on the start of the text: what a customer asks is in the
// subject and the first lines, and both filters cost time in proportion to the text they read
// (a long mail took 0.2-0.5 ms each on its whole text).
constexpr size_t kDecideOnBytes = 512;
constexpr size_t kLanguageOnBytes = 256;  // a language shows within a few sentences

int64_t MicrosSince(Clock::time_point t0) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
}

nlohmann::json Pairs(const std::vector<std::pair<std::string, double>>& v) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [k, x] : v) out.push_back({k, x});
  return out;
}

}  // namespace

std::string TriageText(const mail::ParsedMessage& m) {
  std::string text = m.subject;
  if (!m.text.empty()) {
    if (!text.empty()) text += "\n\n";
    text += m.text;
  }
  return text;
}

Triager::Triager(const Config& config)
    : language_(config.triage.languages), options_(config.triage) {
  SetRules(config);
  SpamOptions spam;
  spam.spam_threshold = config.triage.spam_threshold;
  spam_ = std::make_shared<const SpamFilter>(spam);  // untrained: honours X-Spam-* headers only
}

void Triager::SetRules(const Config& config) {
  auto set = std::make_shared<RuleSet>();
  for (const RuleConfig& r : config.rules) {
    CategoryRule rule;
    rule.name = r.name;
    rule.category = r.category;
    rule.any_of = r.any_of;
    rule.none_of = r.none_of;
    rule.priority = r.priority;
    set->rules.push_back(std::move(rule));
  }
  for (const CategoryConfig& c : config.categories) set->floors[c.name] = c.priority;
  std::lock_guard lock(models_mu_);
  rules_ = std::move(set);
}

std::shared_ptr<const Triager::RuleSet> Triager::rule_set() const {
  std::lock_guard lock(models_mu_);
  return rules_;
}

std::string Triager::CategoryFloor(std::string_view category) const {
  auto set = rule_set();
  auto it = set->floors.find(category);
  return it == set->floors.end() ? std::string() : it->second;
}

void Triager::SetCategoryModel(std::shared_ptr<const CategoryModel> model) {
  std::lock_guard lock(models_mu_);
  category_ = std::move(model);
}

std::shared_ptr<const CategoryModel> Triager::category_model() const {
  std::lock_guard lock(models_mu_);
  return category_;
}

void Triager::SetSpamFilter(std::shared_ptr<const SpamFilter> filter) {
  std::lock_guard lock(models_mu_);
  spam_ = std::move(filter);
}

std::shared_ptr<const SpamFilter> Triager::spam_filter() const {
  std::lock_guard lock(models_mu_);
  return spam_;
}

LanguageHints Triager::HintsFor(const mail::ParsedMessage& m,
                                std::string_view mailbox_language) const {
  LanguageHints h;
  h.content_language = m.content_language;
  h.sender_email = m.from.email;
  h.mailbox_default = std::string(mailbox_language);
  return h;
}

ContentTriage Triager::AnalyzeContent(const mail::ParsedMessage& m,
                                      std::string_view mailbox_language) const {
  ContentTriage out;
  const std::string text = TriageText(m);
  const std::string_view head = TruncateUtf8(text, kDecideOnBytes);
  auto t0 = Clock::now();
  out.language =
      language_.Detect(TruncateUtf8(text, kLanguageOnBytes), HintsFor(m, mailbox_language));
  out.times.language = MicrosSince(t0);
  const std::string& lang = out.language.code;

  t0 = Clock::now();
  out.sentiment = AnalyzeSentiment(text, lang);
  out.times.sentiment = MicrosSince(t0);
  t0 = Clock::now();
  out.urgency = AnalyzeUrgency(text, lang);
  out.times.urgency = MicrosSince(t0);

  t0 = Clock::now();
  if (auto rule = ApplyRules(rule_set()->rules, text)) {  // rules look at the whole text
    out.category = std::move(*rule);
    out.category_source = "rule";
  } else if (auto model = category_model(); model && !model->empty()) {
    out.category = model->Predict(head, options_.category_threshold);
    if (!out.category.category.empty()) out.category_source = "model";
  } else {
    out.category.reason = "no classifier trained yet (svar train categories) and no rule matched";
  }
  out.times.category = MicrosSince(t0);

  t0 = Clock::now();
  out.spam = spam_filter()->Classify(m);
  out.times.spam = MicrosSince(t0);
  return out;
}

TriageResult Triager::Finish(ContentTriage content, const mail::ParsedMessage& m,
                             const CustomerFacts& customer,
                             std::string_view mailbox_language) const {
  auto t0 = Clock::now();
  TriageResult out;
  // The customer's earlier language can decide a close call the text alone left open.
  const std::string& code = content.language.code;
  if (((!customer.language.empty() && customer.language != code) ||
       (!mailbox_language.empty() && mailbox_language != code)) &&
      content.language.confidence < 0.9) {
    LanguageHints h = HintsFor(m, mailbox_language);
    h.customer_language = customer.language;
    const std::string text = TriageText(m);
    LanguageResult again = language_.Detect(TruncateUtf8(text, kLanguageOnBytes), h);
    if (again.code != content.language.code) {
      content.sentiment = AnalyzeSentiment(text, again.code);
      content.urgency = AnalyzeUrgency(text, again.code);
    }
    content.language = std::move(again);
  }
  out.churn = ScoreChurn(content.sentiment, content.urgency, customer);
  PriorityInput p;
  p.customer = &customer;
  p.churn = &out.churn;
  p.sentiment = &content.sentiment;
  p.urgency = &content.urgency;
  const std::string floor = CategoryFloor(content.category.category);
  p.category_floor = floor;
  p.high_churn = options_.high_churn;
  p.valuable_customer = options_.valuable_customer;
  out.priority = DecidePriority(p);
  out.spam = content.spam.is_spam || content.spam.probability >= options_.spam_threshold;
  content.times.finish = MicrosSince(t0);
  const FilterTimes& t = content.times;
  out.micros = t.language + t.sentiment + t.urgency + t.category + t.spam + t.finish;
  out.content = std::move(content);
  return out;
}

TriageResult Triager::Analyze(const mail::ParsedMessage& m, const CustomerFacts& customer,
                              std::string_view mailbox_language) const {
  return Finish(AnalyzeContent(m, mailbox_language), m, customer, mailbox_language);
}

std::string TriageResult::DetailsJson() const {
  const ContentTriage& c = content;
  nlohmann::json j;
  j["language"] = {{"code", c.language.code},
                   {"script", c.language.script},
                   {"confidence", c.language.confidence},
                   {"reason", c.language.reason},
                   {"scores", Pairs(c.language.scores)}};
  j["category"] = {{"name", c.category.category},
                   {"confidence", c.category.confidence},
                   {"source", c.category_source},
                   {"reason", c.category.reason},
                   {"top", Pairs(c.category.top)}};
  j["sentiment"] = {{"score", c.sentiment.score},
                    {"label", c.sentiment.label},
                    {"reasons", c.sentiment.reasons}};
  j["urgency"] = {{"score", c.urgency.score},
                  {"label", c.urgency.label},
                  {"cancel_intent", c.urgency.cancel_intent},
                  {"legal_threat", c.urgency.legal_threat},
                  {"cues", c.urgency.cues}};
  j["spam"] = {{"probability", c.spam.probability},
               {"spam", spam},
               {"reason", c.spam.reason},
               {"evidence", Pairs(c.spam.evidence)}};
  j["churn"] = {{"risk", churn.risk}, {"signals", churn.signals}};
  j["priority"] = {{"label", priority.label},
                   {"points", priority.points},
                   {"reasons", priority.reasons}};
  j["micros"] = micros;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace svar::triage
