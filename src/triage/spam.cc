#include "triage/spam.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "core/text.h"
#include "triage/category/blob_io.h"
#include "triage/tokens.h"

namespace svar::triage {
namespace {

constexpr std::string_view kMagic = "SVSF";
constexpr uint32_t kFormatVersion = 1;
constexpr double kUpstreamProbability = 0.99;

// Probability that a chi-square variable with v (even) degrees of freedom exceeds x2.
double Chi2Q(double x2, int v) {
  double m = x2 / 2.0;
  double term = std::exp(-m);
  double sum = term;
  for (int i = 1; i < v / 2; ++i) {
    term *= m / i;
    sum += term;
  }
  return std::min(sum, 1.0);
}

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

std::string FirstWord(std::string_view s) {
  s = Trim(s);
  size_t end = 0;
  while (end < s.size() && s[end] != ' ' && s[end] != ';' && s[end] != '/' && s[end] != '(') ++end;
  return AsciiLower(s.substr(0, end));
}

// "multipart/alternative; boundary=..." -> type and charset.
void ContentTypeTokens(std::string_view v, std::vector<std::string>& out) {
  std::string lower = AsciiLower(v);
  size_t semi = lower.find(';');
  out.push_back("ct:" + std::string(Trim(std::string_view(lower).substr(0, semi))));
  size_t cs = lower.find("charset=");
  if (cs != std::string::npos) {
    std::string_view rest = std::string_view(lower).substr(cs + 8);
    size_t end = 0;
    while (end < rest.size() && rest[end] != ';' && rest[end] != ' ') ++end;
    std::string value(rest.substr(0, end));
    std::erase(value, '"');
    out.push_back("charset:" + value);
  }
}

}  // namespace

SpamFilter::SpamFilter(SpamOptions options) : options_(options) {}

std::string SpamFilter::UpstreamSpamHeader(const mail::ParsedMessage& m) {
  for (const auto& [name, value] : m.headers) {
    if (EqualsIgnoreCase(name, "X-Spam-Flag") && StartsWithIgnoreCase(Trim(value), "yes"))
      return name + ": " + std::string(Trim(value));
    if (EqualsIgnoreCase(name, "X-Spam-Status") && StartsWithIgnoreCase(Trim(value), "yes"))
      return name + ": " + std::string(TruncateUtf8(Trim(value), 40));
  }
  return {};
}

std::vector<std::string> SpamFilter::Tokens(const mail::ParsedMessage& m) const {
  std::vector<std::string> t;
  for (std::string& w : Tokenize(m.subject)) t.push_back("s:" + w);
  // The start of text + quoted + signature, copied only as far as it is read (a long mail's
  // whole body used to be copied first).
  const size_t limit = options_.max_text_bytes;
  std::string body;
  body.reserve(std::min(limit, m.text.size()) + 1);
  auto append = [&](std::string_view part, bool newline) {
    if (body.size() > limit) return;
    if (newline) body += '\n';
    body.append(part.substr(0, std::min(part.size(), limit + 1 - std::min(limit + 1, body.size()))));
  };
  append(m.text, false);
  if (!m.quoted.empty()) append(m.quoted, true);
  if (!m.signature.empty()) append(m.signature, true);
  std::string_view text = TruncateUtf8(body, limit);
  for (std::string& w : Tokenize(text)) t.push_back(std::move(w));
  for (std::string& host : UrlHosts(text)) {
    t.push_back("url:" + host);
    // The registrable part as well ("click.example.com" -> "example.com").
    size_t last = host.rfind('.');
    size_t prev = last == std::string::npos || last == 0 ? std::string::npos : host.rfind('.', last - 1);
    if (prev != std::string::npos) t.push_back("url:" + host.substr(prev + 1));
  }
  if (!m.html.empty()) t.push_back("has:html");
  if (m.text.empty()) t.push_back("has:no-text");
  const std::string& from = m.from.email;
  if (auto at = from.rfind('@'); at != std::string::npos) {
    std::string domain = AsciiLower(std::string_view(from).substr(at + 1));
    t.push_back("from:" + domain);
    if (auto dot = domain.rfind('.'); dot != std::string::npos) t.push_back("fromtld:" + domain.substr(dot + 1));
  } else {
    t.push_back("from:none");
  }
  if (m.from.name.empty()) t.push_back("fromname:none");
  for (const auto& [name, value] : m.headers) {
    if (EqualsIgnoreCase(name, "X-Mailer") || EqualsIgnoreCase(name, "User-Agent")) {
      t.push_back("mailer:" + FirstWord(value));
    } else if (EqualsIgnoreCase(name, "Content-Type")) {
      ContentTypeTokens(value, t);
    }
  }
  for (const auto& a : m.attachments) t.push_back("att:" + a.content_type);
  std::sort(t.begin(), t.end());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  return t;
}

void SpamFilter::Learn(const mail::ParsedMessage& m, bool spam) { LearnTokens(Tokens(m), spam); }
void SpamFilter::Unlearn(const mail::ParsedMessage& m, bool spam) { UnlearnTokens(Tokens(m), spam); }

uint64_t SpamFilter::TokenKey(std::string_view token) {
  uint64_t h = blob::Hash64(token);
  h ^= h >> 33;  // FNV's low bits are weak for short tokens: mix before using them
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

const SpamFilter::Slot& SpamFilter::Probe(uint64_t key) const {
  const size_t mask = index_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const Slot& s = index_[i];
    if (s.key == key || s.key == 0) return s;
  }
}

SpamFilter::Counts& SpamFilter::IndexSlot(uint64_t key) {
  if ((index_used_ + 1) * 2 > index_.size()) {
    std::vector<Slot> old = std::move(index_);
    index_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
    const size_t mask = index_.size() - 1;
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      size_t i = s.key & mask;
      while (index_[i].key != 0) i = (i + 1) & mask;
      index_[i] = s;
    }
  }
  Slot& s = const_cast<Slot&>(Probe(key));
  if (s.key == 0) {
    s.key = key;
    ++index_used_;
  }
  return s.counts;
}

void SpamFilter::LearnTokens(const std::vector<std::string>& tokens, bool spam) {
  (spam ? spam_messages_ : ham_messages_)++;
  for (const auto& tok : tokens) {
    Counts& c = counts_[tok];
    (spam ? c.spam : c.ham)++;
    IndexSlot(TokenKey(tok)) = c;
  }
}

void SpamFilter::UnlearnTokens(const std::vector<std::string>& tokens, bool spam) {
  uint32_t& n = spam ? spam_messages_ : ham_messages_;
  if (n > 0) --n;
  for (const auto& tok : tokens) {
    auto it = counts_.find(tok);
    if (it == counts_.end()) continue;
    uint32_t& c = spam ? it->second.spam : it->second.ham;
    if (c > 0) --c;
    IndexSlot(TokenKey(tok)) = it->second;  // 0/0 reads as absent
    if (it->second.spam == 0 && it->second.ham == 0) counts_.erase(it);
  }
}

double SpamFilter::TokenProbability(const Counts& c) const {
  double spam_ratio = std::min(1.0, static_cast<double>(c.spam) / spam_messages_);
  double ham_ratio = std::min(1.0, static_cast<double>(c.ham) / ham_messages_);
  double p = spam_ratio + ham_ratio > 0 ? spam_ratio / (spam_ratio + ham_ratio) : 0.5;
  double n = static_cast<double>(c.spam) + c.ham;
  double s = options_.unknown_strength;
  return (s * 0.5 + n * p) / (s + n);
}

SpamVerdict SpamFilter::ClassifyTokens(const std::vector<std::string>& tokens) const {
  SpamVerdict v;
  const int64_t need = std::max(1, options_.min_messages_per_kind);
  if (spam_messages_ < need || ham_messages_ < need) {
    v.probability = 0.5;
    v.reason = "model still learning (" + std::to_string(ham_messages_) + " ham and " +
               std::to_string(spam_messages_) + " spam so far; it decides from " +
               std::to_string(need) + " of each)";
    return v;
  }
  std::vector<std::pair<double, const std::string*>> clues;  // (|p-0.5|, token) -> p below
  // Keys first, with a prefetch of each slot (the table is megabytes), then the lookups.
  thread_local std::vector<uint64_t> keys;
  keys.resize(tokens.size());
  const size_t mask = index_.empty() ? 0 : index_.size() - 1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    keys[i] = TokenKey(tokens[i]);
    if (!index_.empty()) __builtin_prefetch(&index_[keys[i] & mask]);
  }
  for (size_t i = 0; i < tokens.size() && !index_.empty(); ++i) {
    const std::string& tok = tokens[i];
    const Slot& slot = Probe(keys[i]);
    if (slot.key == 0 || (slot.counts.spam == 0 && slot.counts.ham == 0)) continue;
    double p = TokenProbability(slot.counts);
    if (std::abs(p - 0.5) < options_.min_deviation) continue;
    clues.emplace_back(p, &tok);
  }
  auto strength = [](const std::pair<double, const std::string*>& c) { return std::abs(c.first - 0.5); };
  size_t k = std::min(clues.size(), static_cast<size_t>(std::max(1, options_.max_clues)));
  std::partial_sort(clues.begin(), clues.begin() + static_cast<std::ptrdiff_t>(k), clues.end(),
                    [&](const auto& a, const auto& b) { return strength(a) > strength(b); });
  clues.resize(k);
  if (clues.empty()) {
    v.probability = 0.5;
  } else {
    double ln_p = 0, ln_q = 0;
    for (const auto& [p, tok] : clues) {
      double q = std::clamp(p, 1e-6, 1 - 1e-6);
      ln_p += std::log(q);
      ln_q += std::log(1 - q);
    }
    int dof = 2 * static_cast<int>(clues.size());
    double s = 1.0 - Chi2Q(-2.0 * ln_q, dof);  // evidence for spam
    double h = 1.0 - Chi2Q(-2.0 * ln_p, dof);  // evidence for ham
    v.probability = (s - h + 1.0) / 2.0;
  }
  for (size_t i = 0; i < std::min<size_t>(8, clues.size()); ++i)
    v.evidence.emplace_back(*clues[i].second, clues[i].first);
  v.is_spam = v.probability >= options_.spam_threshold;
  v.reason = "model " + Fixed2(v.probability);
  return v;
}

bool SpamFilter::ready() const {
  const uint32_t need = static_cast<uint32_t>(std::max(1, options_.min_messages_per_kind));
  return spam_messages_ >= need && ham_messages_ >= need;
}

SpamVerdict SpamFilter::Classify(const mail::ParsedMessage& m) const {
  // A filter that is still learning does not read tokens: do not make them.
  SpamVerdict v = ClassifyTokens(ready() ? Tokens(m) : std::vector<std::string>());
  if (options_.honour_upstream) {
    std::string upstream = UpstreamSpamHeader(m);
    if (!upstream.empty()) {
      v.reason = "upstream " + upstream + " (" + v.reason + ")";
      v.probability = std::max(v.probability, kUpstreamProbability);
      v.is_spam = true;
    }
  }
  return v;
}

std::string SpamFilter::Serialize() const {
  blob::Writer w;
  w.Put<uint32_t>(spam_messages_);
  w.Put<uint32_t>(ham_messages_);
  std::vector<const std::pair<const std::string, Counts>*> entries;
  for (const auto& e : counts_) entries.push_back(&e);
  std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
  w.Put<uint64_t>(entries.size());
  for (const auto* e : entries) {
    w.PutString(e->first);
    w.Put<uint32_t>(e->second.spam);
    w.Put<uint32_t>(e->second.ham);
  }
  return w.Finish(kMagic, kFormatVersion);
}

Result<SpamFilter> SpamFilter::Deserialize(std::string_view blob, SpamOptions options) {
  SVAR_ASSIGN(blob::Reader r, blob::Reader::Open(blob, kMagic, kFormatVersion, "spam filter"));
  SpamFilter f(options);
  SVAR_ASSIGN(f.spam_messages_, r.Get<uint32_t>());
  SVAR_ASSIGN(f.ham_messages_, r.Get<uint32_t>());
  SVAR_ASSIGN(uint64_t n, r.Get<uint64_t>());
  if (n > blob.size()) return r.Truncated();
  f.counts_.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    SVAR_ASSIGN(std::string tok, r.GetString());
    Counts c;
    SVAR_ASSIGN(c.spam, r.Get<uint32_t>());
    SVAR_ASSIGN(c.ham, r.Get<uint32_t>());
    f.IndexSlot(TokenKey(tok)) = c;
    f.counts_.emplace(std::move(tok), c);
  }
  if (!r.AtEnd()) return r.Truncated();
  return f;
}

}  // namespace svar::triage
