#include "triage/urgency.h"

#include <algorithm>

#include "triage/lexicon/lexicon.h"
#include "triage/lexicon/scan.h"

namespace svar::triage {
namespace {

using lexicon::EntryKind;
using lexicon::Lexicon;
using lexicon::Scan;
using lexicon::Token;
using lexicon::TokenKind;

constexpr int kNegationScope = 3;
constexpr double kCancelWeight = 0.5;
constexpr double kEmphasisWeight = 0.1;
constexpr double kCalmFactor = 0.4;

class Walker {
 public:
  Walker(std::string_view text, const Scan& scan, const Lexicon& lex)
      : text_(text), scan_(scan), lex_(lex) {}
  UrgencyResult Run();

 private:
  void Entry(const lexicon::Entry& e, std::string_view surface);
  void Cue(EntryKind kind, double weight, std::string text);
  void Unit() {
    if (neg_left_ > 0) --neg_left_;
  }
  void EndSentence() {
    neg_left_ = 0;
    verb_.clear();
    object_ = false;
  }

  std::string_view text_;
  const Scan& scan_;
  const Lexicon& lex_;
  UrgencyResult r_;
  int neg_left_ = 0;
  std::string verb_;  // a cancel verb seen in this sentence
  bool object_ = false;
  std::vector<std::pair<EntryKind, double>> weights_;
  bool calm_ = false;
};

void Walker::Cue(EntryKind kind, double weight, std::string text) {
  // The same words twice (a mail whose text and HTML parts both came through, a signature
  // line repeated) are one cue.
  for (const auto& c : r_.cues)
    if (c == text) return;
  weights_.emplace_back(kind, weight);
  r_.cues.push_back(std::move(text));
}

void Walker::Entry(const lexicon::Entry& e, std::string_view surface) {
  std::string quoted;  // built by append: g++ 12 warns falsely on "'" + std::string
  quoted.reserve(surface.size() + 2);
  quoted.append(1, '\'').append(surface).append(1, '\'');
  if (e.kind == EntryKind::kNegator) {
    neg_left_ = kNegationScope;
    return;
  }
  if (e.kind == EntryKind::kBut) {
    neg_left_ = 0;
    return;
  }
  bool negated = neg_left_ > 0;
  neg_left_ = 0;
  if (e.kind == EntryKind::kCalm) {
    calm_ = true;
    r_.cues.push_back("calm " + quoted);
    return;
  }
  if (negated) return;  // "not urgent" is listed as calm; "I don't want to cancel" is no cue
  switch (e.kind) {
    case EntryKind::kNow:
      Cue(e.kind, e.value, quoted);
      break;
    case EntryKind::kDue:
      Cue(e.kind, e.value, "deadline " + quoted);
      break;
    case EntryKind::kAgain:
      Cue(e.kind, e.value, "repeat " + quoted);
      break;
    case EntryKind::kMoney:
      Cue(e.kind, e.value, "money " + quoted);
      break;
    case EntryKind::kLegal:
      if (!r_.legal_threat) Cue(e.kind, e.value, "threat: " + quoted);
      r_.legal_threat = true;
      break;
    case EntryKind::kCancel:
      if (!r_.cancel_intent) Cue(e.kind, e.value, "cancel intent " + quoted);
      r_.cancel_intent = true;
      break;
    case EntryKind::kCancelVerb:
      verb_ = std::string(surface);
      [[fallthrough]];
    case EntryKind::kCancelObject:
      if (e.kind == EntryKind::kCancelObject) object_ = true;
      if (!verb_.empty() && object_ && !r_.cancel_intent) {
        r_.cancel_intent = true;
        Cue(EntryKind::kCancel, kCancelWeight, "cancel intent '" + verb_ + "'");
      }
      break;
    default:
      break;
  }
}

UrgencyResult Walker::Run() {
  const auto& tokens = scan_.tokens;
  int bangs = 0;
  for (size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    switch (t.kind) {
      case TokenKind::kWord: {
        const Lexicon& lex = (t.latin && lex_.latin_fallback) ? *lex_.latin_fallback : lex_;
        int covered = 0;
        int index = lex.urgency.MatchWords(scan_, i, &covered);
        if (index < 0) {
          Unit();
          ++i;
          break;
        }
        const Token& last = tokens[i + covered - 1];
        Entry(lex.entries[index],
              text_.substr(t.raw_begin, last.raw_begin + last.raw_size - t.raw_begin));
        i += covered;
        break;
      }
      case TokenKind::kHan: {
        std::string_view run = scan_.Text(t);
        for (size_t pos = 0; pos < run.size();) {
          size_t bytes = 0;
          int index = lex_.urgency.MatchHan(run, pos, &bytes);
          if (index < 0) {
            lexicon::DecodeUtf8(run, &pos);
            Unit();
            continue;
          }
          Entry(lex_.entries[index], run.substr(pos, bytes));
          pos += bytes;
        }
        ++i;
        break;
      }
      case TokenKind::kClause:
        neg_left_ = 0;
        ++i;
        break;
      case TokenKind::kBang:
        bangs += t.bangs;
        EndSentence();
        ++i;
        break;
      case TokenKind::kSentence:
        EndSentence();
        ++i;
        break;
      default:
        ++i;
        break;
    }
  }
  if (bangs >= 3) Cue(EntryKind::kNow, kEmphasisWeight, "!!!");
  if (scan_.caps_words >= 3 && scan_.caps_words * 10 >= scan_.words * 3)
    Cue(EntryKind::kNow, kEmphasisWeight, "CAPS");
  // The strongest cue of each kind counts fully, further ones of that kind half.
  std::sort(weights_.begin(), weights_.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first
                                                                         : a.second > b.second; });
  double keep = 1;
  for (size_t k = 0; k < weights_.size(); ++k) {
    double w = weights_[k].second;
    if (k > 0 && weights_[k - 1].first == weights_[k].first) w *= 0.5;
    keep *= 1 - std::clamp(w, 0.0, 1.0);
  }
  r_.score = kUrgencyBase + (1 - kUrgencyBase) * (1 - keep);
  if (calm_) r_.score *= kCalmFactor;
  r_.label = r_.score < 0.15 ? "low" : r_.score < 0.45 ? "normal" : r_.score < 0.75 ? "high" : "critical";
  return std::move(r_);
}

}  // namespace

UrgencyResult AnalyzeUrgency(std::string_view text, std::string_view lang) {
  const Scan& scan = lexicon::ScanTextCached(text);  // urgency and sentiment share it
  const Lexicon* lex = lexicon::LexiconFor(lang);
  if (lex == nullptr) lex = &lexicon::EnglishLexicon();
  Walker walker(text, scan, *lex);
  return walker.Run();
}

}  // namespace svar::triage
