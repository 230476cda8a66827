#include "web/api.h"

#include <memory>

#include "web/acknowledgement_texts_handler.h"
#include "web/agents_handler.h"
#include "web/api_tokens.h"
#include "web/attachments_handler.h"
#include "web/auth.h"
#include "web/customers_handler.h"
#include "web/health_handler.h"
#include "web/kb_articles_handler.h"
#include "web/kb_feedback_handler.h"
#include "web/kb_public_handler.h"
#include "web/kb_search_handler.h"
#include "web/root_handler.h"
#include "web/template_policy_handler.h"
#include "web/template_ratings_handler.h"
#include "web/templates_handler.h"
#include "web/ticket_replies_handler.h"
#include "web/ticket_spam_handler.h"
#include "web/ticket_status_handler.h"
#include "web/ticket_templates_handler.h"
#include "web/ticket_triage_handler.h"
#include "web/tickets_handler.h"
#include "web/triage_config_handler.h"

namespace svar::web {

void RegisterApi(Router& router, WebContext& context) {
  auto tokens = std::make_shared<ApiTokens>(context.db, context.Now());
  auto bind = [&context](Response (*fn)(WebContext&, const Request&)) {
    return [&context, fn](const Request& request) { return fn(context, request); };
  };
  auto authed = [&](Response (*fn)(WebContext&, const Request&), Role need = Role::kAgent) {
    return RequireToken(tokens, bind(fn), need);
  };

  router.Add("GET", "/", bind(HandleRoot));
  router.Add("GET", "/healthz", bind(HandleHealth));
  router.Add("GET", "/api/v1/tickets", authed(HandleListTickets));
  router.Add("GET", "/api/v1/tickets/{ref}", authed(HandleGetTicket));
  router.Add("GET", "/api/v1/attachments/{id}", authed(HandleGetAttachment));

  // Triage and routing: an agent's corrections, spam clicks, assignments and status changes;
  // agents, customers' value and the configuration (PUT of agents, customers and configuration
  // sections: admin).
  router.Add("PATCH", "/api/v1/tickets/{ref}", authed(HandlePatchTicket));
  router.Add("PATCH", "/api/v1/tickets/{ref}/triage", authed(HandlePatchTicketTriage));
  router.Add("POST", "/api/v1/tickets/{ref}/spam", authed(HandleTicketSpam));
  router.Add("POST", "/api/v1/tickets/{ref}/assign", authed(HandleAssignTicket));
  // Answering: replies and forwards through the outbox, internal notes.
  router.Add("POST", "/api/v1/tickets/{ref}/replies", authed(HandleReply));
  router.Add("POST", "/api/v1/tickets/{ref}/forward", authed(HandleForward));
  router.Add("POST", "/api/v1/tickets/{ref}/notes", authed(HandleAddNote));
  router.Add("GET", "/api/v1/agents", authed(HandleListAgents));
  router.Add("GET", "/api/v1/agents/{email}", authed(HandleGetAgent));
  router.Add("PUT", "/api/v1/agents/{email}", authed(HandlePutAgent, Role::kAdmin));
  router.Add("PATCH", "/api/v1/agents/{email}", authed(HandlePatchAgent));
  router.Add("GET", "/api/v1/customers/{email}", authed(HandleGetCustomer));
  router.Add("PUT", "/api/v1/customers/{email}", authed(HandlePutCustomer, Role::kAdmin));
  router.Add("GET", "/api/v1/acknowledgement/texts/{lang}", authed(HandleGetAckText, Role::kAdmin));
  router.Add("PUT", "/api/v1/acknowledgement/texts/{lang}", authed(HandlePutAckText, Role::kAdmin));
  router.Add("DELETE", "/api/v1/acknowledgement/texts/{lang}",
             authed(HandleDeleteAckText, Role::kAdmin));
  router.Add("GET", "/api/v1/triage/config", authed(HandleTriageConfig));
  router.Add("GET", "/api/v1/triage/config/{section}", authed(HandleGetConfigSection));
  router.Add("PUT", "/api/v1/triage/config/{section}",
             authed(HandlePutConfigSection, Role::kAdmin));
  router.Add("DELETE", "/api/v1/triage/config/{section}",
             authed(HandleDeleteConfigSection, Role::kAdmin));

  // Knowledge base: search for everyone (customers without a token), articles by role.
  router.Add("GET", "/api/v1/kb/search", [&context, tokens](const Request& r) {
    return HandleKbSearch(context, *tokens, r);
  });
  router.Add("GET", "/api/v1/kb/suggest", [&context, tokens](const Request& r) {
    return HandleKbSuggest(context, *tokens, r);
  });
  router.Add("POST", "/api/v1/kb/feedback", [&context, tokens](const Request& r) {
    return HandleKbFeedback(context, *tokens, r);
  });
  router.Add("POST", "/api/v1/kb/events", bind(HandleKbEvent));
  router.Add("GET", "/api/v1/kb/public/articles/{locale}/{slug}", bind(HandlePublicArticle));
  router.Add("GET", "/api/v1/kb/effectiveness", authed(HandleKbEffectiveness));
  router.Add("GET", "/api/v1/kb/flagged", authed(HandleKbFlagged));
  router.Add("GET", "/api/v1/kb/gaps", authed(HandleKbGaps));
  router.Add("GET", "/api/v1/kb/synonyms/{locale}", authed(HandleGetSynonyms));
  router.Add("PUT", "/api/v1/kb/synonyms/{locale}", authed(HandlePutSynonyms, Role::kAdmin));
  router.Add("POST", "/api/v1/tickets/{ref}/messages/{id}/capture", authed(HandleCaptureReply));
  router.Add("GET", "/api/v1/kb/articles", authed(HandleListArticles));
  router.Add("POST", "/api/v1/kb/articles", authed(HandleCreateArticle, Role::kEditor));
  router.Add("GET", "/api/v1/kb/articles/{id}", authed(HandleGetArticle));
  router.Add("PUT", "/api/v1/kb/articles/{id}", authed(HandleUpdateArticle, Role::kEditor));
  router.Add("GET", "/api/v1/kb/articles/{id}/versions", authed(HandleArticleVersions));
  router.Add("GET", "/api/v1/kb/articles/{id}/versions/{version}", authed(HandleArticleVersion));
  router.Add("GET", "/api/v1/kb/articles/{id}/compare", authed(HandleCompareVersions));
  router.Add("POST", "/api/v1/kb/articles/{id}/submit", authed(HandleSubmitArticle, Role::kEditor));
  router.Add("POST", "/api/v1/kb/articles/{id}/approve",
             authed(HandleApproveArticle, Role::kReviewer));
  router.Add("POST", "/api/v1/kb/articles/{id}/request-changes",
             authed(HandleRequestChanges, Role::kReviewer));
  router.Add("POST", "/api/v1/kb/articles/{id}/publish",
             authed(HandlePublishArticle, Role::kReviewer));
  router.Add("POST", "/api/v1/kb/articles/{id}/archive", authed(HandleArchiveArticle, Role::kEditor));
  router.Add("POST", "/api/v1/kb/articles/{id}/unarchive",
             authed(HandleUnarchiveArticle, Role::kEditor));

  // Answer templates: any token reads and gets suggestions; creating, editing and archiving
  // check the template policy's "manage" in the handler; the policy itself is admin's.
  router.Add("GET", "/api/v1/templates", authed(HandleListTemplates));
  router.Add("POST", "/api/v1/templates", authed(HandleCreateTemplate));
  router.Add("GET", "/api/v1/templates/policy", authed(HandleGetTemplatePolicy));
  router.Add("PUT", "/api/v1/templates/policy", authed(HandlePutTemplatePolicy, Role::kAdmin));
  router.Add("GET", "/api/v1/templates/{id}", authed(HandleGetTemplate));
  router.Add("PUT", "/api/v1/templates/{id}", authed(HandleUpdateTemplate));
  router.Add("GET", "/api/v1/templates/{id}/versions", authed(HandleTemplateVersions));
  router.Add("GET", "/api/v1/templates/{id}/versions/{version}", authed(HandleTemplateVersion));
  router.Add("POST", "/api/v1/templates/{id}/archive", authed(HandleArchiveTemplate));
  router.Add("POST", "/api/v1/templates/{id}/unarchive", authed(HandleUnarchiveTemplate));
  router.Add("POST", "/api/v1/templates/{id}/ratings", authed(HandleRateTemplate));
  router.Add("GET", "/api/v1/templates/{id}/stats", authed(HandleTemplateStats));
  router.Add("GET", "/api/v1/tickets/{ref}/templates", authed(HandleTicketTemplates));
  router.Add("POST", "/api/v1/tickets/{ref}/templates/{id}/check",
             authed(HandleCheckTemplatedReply));
}

}  // namespace svar::web
