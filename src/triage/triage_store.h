// Triage in the database: the customer facts triage reads, the results it writes, the
// training data and the trained models (schema v3, storage/migrations.cc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"
#include "triage/category_model.h"
#include "triage/customer_facts.h"
#include "triage/spam.h"
#include "triage/triager.h"

namespace svar::triage {

// The customer's value and recent history, as of `now`, not counting `exclude_message_id`
// (the message being triaged, already stored).
Result<CustomerFacts> LoadCustomerFacts(storage::Database& db, int64_t customer_id, int64_t now,
                                        int64_t exclude_message_id = 0);

// Writes message_triage for an inbound message and updates its ticket: language, priority
// (never lowered by a later message), sentiment, churn risk, spam, and the category unless
// an agent set it. Also remembers the customer's language (written only when it differs from
// `known_language`, what the customer's record said). Call inside the intake transaction.
Status StoreTriage(storage::Database& db, int64_t message_id, int64_t ticket_id,
                   int64_t customer_id, const TriageResult& r, int64_t now,
                   std::string_view known_language = {});

// Training data of the category classifier.
enum class ExampleSource { kImport, kAgent };
Status AddCategoryExample(storage::Database& db, std::string_view text, std::string_view category,
                          ExampleSource source, std::optional<int64_t> ticket_id, int64_t now);
Result<std::vector<LabeledText>> CategoryExamples(storage::Database& db);
// Examples added since the model was last trained (to decide when to retrain): the examples
// now minus the `examples` the saved model was trained on.
Result<int64_t> ExamplesSinceTraining(storage::Database& db);

// Models as blobs in triage_models ("category", "spam").
Status SaveCategoryModel(storage::Database& db, const CategoryModel& model, int64_t examples,
                         int64_t now);
Result<std::optional<CategoryModel>> LoadCategoryModel(storage::Database& db);
Status SaveSpamFilter(storage::Database& db, const SpamFilter& filter, int64_t now);
Result<std::optional<SpamFilter>> LoadSpamFilter(storage::Database& db, SpamOptions options);

// The triage of a ticket as JSON text: {language, category, category_confidence,
// category_source, priority, priority_reasons, sentiment, churn_risk, spam, assignee_id,
// team, sla{policy, first_response_due, next_response_due, resolution_due},
// routing[{agent_id, team, kind, reason, actor, at}], messages{"<message id>": details}}
// where details is TriageResult::DetailsJson of each inbound message. Times are Unix seconds.
Result<std::string> TicketTriageJson(storage::Database& db, int64_t ticket_id);

// Loads both models (when stored) into the triager.
Status LoadModels(storage::Database& db, Triager& triager, double spam_threshold);

}  // namespace svar::triage
