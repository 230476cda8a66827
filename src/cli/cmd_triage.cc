// `svar triage [--json] FILE|-`: the triage of one message, without storing it.
// `svar triage --text --jsonl [FILE|-]`: one text per line in, one JSON object per line out
// (language, category, confidence, sentiment, urgency, spam, priority), for evaluation.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/read_input.h"
#include "core/clock.h"
#include "mail/parse.h"
#include "triage/triage_store.h"
#include "triage/triager.h"

namespace svar::cli {
namespace {

nlohmann::json LineJson(const triage::TriageResult& r) {
  const triage::ContentTriage& c = r.content;
  return {{"language", c.language.code},
          {"script", c.language.script},
          {"language_confidence", c.language.confidence},
          {"category", c.category.category},
          {"confidence", c.category.confidence},
          {"sentiment", c.sentiment.score},
          {"sentiment_label", c.sentiment.label},
          {"urgency", c.urgency.score},
          {"urgency_label", c.urgency.label},
          {"spam", c.spam.probability},
          {"priority", r.priority.label}};
}

void PrintHuman(const triage::TriageResult& r) {
  const triage::ContentTriage& c = r.content;
  std::printf("Language:  %s%s%s  %.2f  %s\n", c.language.code.c_str(),
              c.language.script.empty() ? "" : "-", c.language.script.c_str(),
              c.language.confidence, c.language.reason.c_str());
  std::printf("Category:  %s  %.2f  %s\n",
              c.category.category.empty() ? "(uncategorised)" : c.category.category.c_str(),
              c.category.confidence, c.category.reason.c_str());
  std::printf("Sentiment: %s %.2f", c.sentiment.label.c_str(), c.sentiment.score);
  for (const auto& s : c.sentiment.reasons) std::printf("  %s", s.c_str());
  std::printf("\nUrgency:   %s %.2f", c.urgency.label.c_str(), c.urgency.score);
  for (const auto& s : c.urgency.cues) std::printf("  %s", s.c_str());
  std::printf("\nSpam:      %s %.3f  %s\n", r.spam ? "yes" : "no", c.spam.probability,
              c.spam.reason.c_str());
  std::printf("Churn:     %.2f", r.churn.risk);
  for (const auto& s : r.churn.signals) std::printf("  %s", s.c_str());
  std::printf("\nPriority:  %s", r.priority.label.c_str());
  for (const auto& s : r.priority.reasons) std::printf("  %s", s.c_str());
  std::printf("\nTime:      %lld µs\n", static_cast<long long>(r.micros));
}

}  // namespace

int RunTriage(const GlobalOptions& g, const TriageOptions& o) {
  auto ctx = OpenContext(g);
  if (!ctx) return Report(ctx.error());
  triage::Triager triager(ctx->config);
  if (auto st = triage::LoadModels(*ctx->db, triager, ctx->config.triage.spam_threshold); !st)
    return Report(st.error());
  auto input = ReadInput(o.input);
  if (!input) return Report(input.error());

  if (o.text) {
    std::istringstream lines(*input);
    std::string line;
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      mail::ParsedMessage m;
      m.text = line;
      auto r = triager.Analyze(m, triage::CustomerFacts{});
      if (o.jsonl) {
        std::printf("%s\n", LineJson(r).dump(-1, ' ', false,
                                             nlohmann::json::error_handler_t::replace).c_str());
      } else {
        std::printf("%s\t%s\t%.2f\t%s\t%s\t%s\n", r.content.language.code.c_str(),
                    r.content.category.category.c_str(), r.content.category.confidence,
                    r.content.sentiment.label.c_str(), r.content.urgency.label.c_str(),
                    r.priority.label.c_str());
      }
    }
    return kExitOk;
  }

  if (input->empty())
    return Report(Error{ErrorCode::kInvalidArgument,
                        "the input is empty; give a message file (.eml) or pipe one in"});
  auto m = mail::ParseMessage(*input, {});
  if (!m) return Report(m.error());
  // The sender's record, when the desk knows them (read only).
  triage::CustomerFacts facts;
  auto row = ctx->db->QueryOne("SELECT id FROM customers WHERE email = ?", {m->from.email});
  if (!row) return Report(row.error());
  if (*row) {
    auto loaded = triage::LoadCustomerFacts(*ctx->db, (*row)->Int(0), SystemClock::Instance().NowSeconds());
    if (!loaded) return Report(loaded.error());
    facts = std::move(*loaded);
  }
  auto r = triager.Analyze(*m, facts);
  if (o.json) {
    std::printf("%s\n", r.DetailsJson().c_str());
  } else {
    PrintHuman(r);
  }
  return kExitOk;
}

}  // namespace svar::cli
