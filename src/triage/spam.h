// The spam filter: a trained Bayesian filter (Robinson's token probabilities combined by
// Fisher's chi-square method, as SpamBayes and bogofilter do) over tokens of the subject,
// the body text (HTML mail included, as converted by the parser), selected headers (From
// domain, mailer, content type, charset, attachment types) and the host names of URLs.
// Spam goes to the spam view and is never acknowledged or routed; an agent's "spam" /
// "not spam" click is an incremental Learn (and Unlearn of the earlier, wrong lesson).
//
// Upstream verdicts: when honour_upstream is set, "X-Spam-Flag: YES" or "X-Spam-Status: Yes"
// (written by the desk's own MTA, e.g. SpamAssassin or rspamd) makes the message spam
// whatever the model says: probability = max(model, 0.99), reason "upstream ...". An
// upstream "No" is not used: a spammer can write that header, while a forged "Yes" only
// hurts its sender. X-Spam-* headers are never tokens for the model itself.
//
// Thread safety: Classify is const and may run on many threads; Learn/Unlearn mutate, so
// the caller serialises them against Classify (or trains a copy and swaps it in).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.h"
#include "mail/parsed_message.h"

namespace svar::triage {

struct SpamOptions {
  // Spam when the combined probability reaches this. High on purpose: a customer's mail lost
  // in the spam view costs more than a spam in the queue (see bench/triage_accuracy.cc).
  double spam_threshold = 0.9;
  bool honour_upstream = true;    // X-Spam-Flag: YES / X-Spam-Status: Yes from the desk's MTA
  int max_clues = 150;            // strongest tokens combined
  double min_deviation = 0.1;     // tokens with |p - 0.5| below this are ignored
  double unknown_strength = 0.45; // Robinson's s: weight of the 0.5 prior for rare tokens
  size_t max_text_bytes = 2048;   // body text looked at (long mail: its start decides)
  // The model decides only after learning this many messages of each kind; before that only
  // upstream headers do (one agent's first click must not send customers' mail to spam).
  int min_messages_per_kind = 20;
};

struct SpamVerdict {
  double probability = 0;  // 0..1; 0.5 when the filter has not learnt both kinds yet
  bool is_spam = false;
  std::string reason;      // "model 0.99", "upstream X-Spam-Flag: YES (model 0.12)",
                           // "model still learning (3 ham and 1 spam so far; ...)"
  std::vector<std::pair<std::string, double>> evidence;  // strongest tokens, token -> p(spam)
};

class SpamFilter {
 public:
  explicit SpamFilter(SpamOptions options = {});

  void Learn(const mail::ParsedMessage& m, bool spam);    // an agent's "spam" click, training
  void Unlearn(const mail::ParsedMessage& m, bool spam);  // undo an earlier Learn(m, spam)
  SpamVerdict Classify(const mail::ParsedMessage& m) const;

  // The same on a token set (tests, and the bench to avoid parsing twice).
  void LearnTokens(const std::vector<std::string>& unique_tokens, bool spam);
  void UnlearnTokens(const std::vector<std::string>& unique_tokens, bool spam);
  SpamVerdict ClassifyTokens(const std::vector<std::string>& unique_tokens) const;

  // The filter's tokens of a message, without duplicates: words of subject ("s:" prefix)
  // and body, "from:domain", "mailer:...", "ct:type", "charset:...", "att:type",
  // "url:host", "has:html". X-Spam-* headers are not read.
  std::vector<std::string> Tokens(const mail::ParsedMessage& m) const;
  // The upstream verdict header that says spam, e.g. "X-Spam-Flag: YES", or "".
  static std::string UpstreamSpamHeader(const mail::ParsedMessage& m);

  // True once the filter has learnt min_messages_per_kind of each kind: before that the model
  // does not decide (Classify then reads no tokens; only upstream headers count).
  bool ready() const;
  uint32_t spam_messages() const { return spam_messages_; }
  uint32_t ham_messages() const { return ham_messages_; }
  const SpamOptions& options() const { return options_; }
  void set_options(const SpamOptions& options) { options_ = options; }

  // Versioned binary blob of the token counts (options are the caller's config and are not
  // stored). Deserialize fails with kParse naming the problem (not a filter, old version,
  // corrupt, truncated).
  std::string Serialize() const;
  static Result<SpamFilter> Deserialize(std::string_view blob, SpamOptions options = {});

 private:
  struct Counts {
    uint32_t spam = 0;
    uint32_t ham = 0;
  };
  double TokenProbability(const Counts& c) const;
  // The counts as Classify reads them: an open-addressing table of 64-bit token hashes
  // (one cache line a token, where the string map took two or three misses and a string
  // compare). Kept in step with counts_ by Learn/Unlearn/Deserialize; 0/0 counts = absent.
  struct Slot {
    uint64_t key = 0;  // 0 = empty
    Counts counts;
  };
  static uint64_t TokenKey(std::string_view token);
  Counts& IndexSlot(uint64_t key);  // inserts (with 0/0 counts) when absent
  const Slot& Probe(uint64_t key) const;  // the key's slot or the empty slot ending its run

  SpamOptions options_;
  uint32_t spam_messages_ = 0;
  uint32_t ham_messages_ = 0;
  std::unordered_map<std::string, Counts> counts_;  // the source of truth (Serialize)
  std::vector<Slot> index_;                          // power-of-two size, at most half full
  size_t index_used_ = 0;
};

}  // namespace svar::triage
