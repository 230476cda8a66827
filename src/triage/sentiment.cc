#include "triage/sentiment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "triage/lexicon/lexicon.h"
#include "triage/lexicon/scan.h"

namespace svar::triage {
namespace {

using lexicon::EntryKind;
using lexicon::Lexicon;
using lexicon::Scan;
using lexicon::Token;
using lexicon::TokenKind;

constexpr double kNegationFactor = -0.75;
constexpr int kNegationScope = 3;
constexpr int kIntensifierScope = 2;
constexpr double kCapsWordFactor = 1.5;
constexpr double kShoutFactor = 1.3;

struct EmojiScore {
  char32_t code;
  float score;
};
constexpr EmojiScore kEmoji[] = {
    {0x1F621, -0.9f}, {0x1F92C, -1.0f}, {0x1F620, -0.8f}, {0x1F624, -0.6f}, {0x1F61E, -0.6f},
    {0x1F622, -0.6f}, {0x1F62D, -0.7f}, {0x1F44E, -0.6f}, {0x1F4A9, -0.6f}, {0x1F641, -0.4f},
    {0x2639, -0.5f},  {0x1F615, -0.3f}, {0x1F612, -0.5f}, {0x1F644, -0.5f}, {0x1F629, -0.6f},
    {0x1F62B, -0.6f}, {0x1F625, -0.4f}, {0x1F61F, -0.4f}, {0x1F616, -0.5f}, {0x1F623, -0.5f},
    {0x1F92F, -0.4f}, {0x1F494, -0.6f}, {0x274C, -0.3f},  {0x1F610, -0.1f}, {0x1F611, -0.2f},
    {0x1F642, 0.4f},  {0x1F60A, 0.6f},  {0x263A, 0.5f},   {0x1F600, 0.6f},  {0x1F603, 0.6f},
    {0x1F604, 0.6f},  {0x1F601, 0.6f},  {0x1F60D, 0.8f},  {0x1F970, 0.8f},  {0x2764, 0.7f},
    {0x1F44D, 0.5f},  {0x1F64F, 0.3f},  {0x1F389, 0.6f},  {0x1F44F, 0.5f},  {0x1F60E, 0.4f},
    {0x1F609, 0.3f},  {0x1F917, 0.5f},  {0x2705, 0.3f},   {0x1F4AF, 0.5f},  {0x2B50, 0.4f},
    {0x1F31F, 0.5f},  {0x1F602, 0.2f},  {0x1F923, 0.2f},  {0x1F60C, 0.3f},  {0x1F496, 0.7f},
};

struct EmoticonScore {
  std::string_view text;
  float score;
};
constexpr EmoticonScore kEmoticons[] = {
    {">:-(", -0.8f}, {">:(", -0.8f}, {":'-(", -0.6f}, {":'(", -0.6f}, {":-(", -0.5f},
    {":(", -0.5f},   {"=(", -0.5f},  {":-/", -0.3f},  {":/", -0.3f},  {":-|", -0.2f},
    {":|", -0.2f},   {":-)", 0.4f},  {":)", 0.4f},    {"=)", 0.4f},   {":-D", 0.6f},
    {":D", 0.6f},    {";-)", 0.3f},  {";)", 0.3f},    {":-P", 0.2f},  {":P", 0.2f},
    {"<3", 0.6f},
};

struct Hit {
  double value;
  std::string reason;  // built at the end (value may still change)
  std::string surface;
  double base = 0;
  double mult = 1;
  bool negated = false;
  bool caps = false;
  bool symbol = false;  // emoji, emoticon, punctuation: shown as is
};

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f", v);
  return buf;
}

std::string Mult(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "x%.1f", v);
  return buf;
}

bool PostNegation(std::string_view lang) {
  std::string p;
  for (char c : lang.substr(0, 2)) p.push_back(static_cast<char>(c | 0x20));
  return p == "da" || p == "sv" || p == "nb" || p == "no" || p == "nn";
}

class Walker {
 public:
  Walker(std::string_view text, const Scan& scan, const Lexicon& lex, bool post_negation)
      : text_(text), scan_(scan), lex_(lex), post_negation_(post_negation) {}

  SentimentResult Run();

 private:
  void Entry(const lexicon::Entry& e, std::string_view surface, bool caps, size_t token);
  void Unit() {
    if (neg_left_ > 0) --neg_left_;
    if (int_left_ > 0) --int_left_;
  }
  void EndClause() { neg_left_ = int_left_ = 0; }
  void EndSentence() {
    EndClause();
    sentence_start_ = hits_.size();
  }

  std::string_view text_;
  const Scan& scan_;
  const Lexicon& lex_;
  bool post_negation_;
  std::vector<Hit> hits_;
  std::vector<std::string> notes_;  // punctuation/caps notes, in order
  size_t sentence_start_ = 0;
  int neg_left_ = 0;
  int int_left_ = 0;
  double int_mult_ = 1;
  size_t last_hit_token_ = static_cast<size_t>(-1);
  std::string neg_surface_;
};

void Walker::Entry(const lexicon::Entry& e, std::string_view surface, bool caps, size_t token) {
  switch (e.kind) {
    case EntryKind::kIgnore:
      return;
    case EntryKind::kIntensifier:
      int_mult_ = e.value;
      int_left_ = kIntensifierScope;
      return;
    case EntryKind::kBut:
      for (size_t k = sentence_start_; k < hits_.size(); ++k) hits_[k].value *= 0.5;
      EndClause();
      return;
    case EntryKind::kNegator:
      if (post_negation_ && last_hit_token_ + 1 == token && !hits_.empty() &&
          !hits_.back().negated && !hits_.back().symbol) {
        Hit& h = hits_.back();
        h.value *= kNegationFactor;
        h.negated = true;
        h.surface = std::string(h.surface) + " " + std::string(surface);
        return;
      }
      neg_left_ = kNegationScope;
      neg_surface_ = std::string(surface);
      return;
    case EntryKind::kScore: {
      Hit h;
      h.surface = std::string(surface);
      h.base = e.value;
      double v = e.value;
      bool negated = neg_left_ > 0;
      if (int_left_ > 0) h.mult = int_mult_;
      v *= h.mult;
      if (negated) {
        // "not very good" is milder than "not good": divide the boost out twice.
        v *= kNegationFactor / (h.mult > 1 ? h.mult * h.mult : 1);
        h.negated = true;
        h.surface = neg_surface_ + " '" + h.surface + "'";
      }
      if (caps) {
        v *= kCapsWordFactor;
        h.caps = true;
      }
      h.value = v;
      hits_.push_back(std::move(h));
      last_hit_token_ = token;
      neg_left_ = int_left_ = 0;
      return;
    }
    default:
      return;
  }
}

SentimentResult Walker::Run() {
  const auto& tokens = scan_.tokens;
  for (size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    switch (t.kind) {
      case TokenKind::kWord: {
        const Lexicon& lex = (t.latin && lex_.latin_fallback) ? *lex_.latin_fallback : lex_;
        int covered = 0;
        int index = lex.sentiment.MatchWords(scan_, i, &covered);
        if (index < 0) {
          Unit();
          ++i;
          break;
        }
        const Token& last = tokens[i + covered - 1];
        std::string_view surface =
            text_.substr(t.raw_begin, last.raw_begin + last.raw_size - t.raw_begin);
        bool caps = false;
        for (int k = 0; k < covered; ++k) caps = caps || tokens[i + k].caps;
        Entry(lex.entries[index], surface, caps, i + covered - 1);
        i += covered;
        break;
      }
      case TokenKind::kHan: {
        std::string_view run = scan_.Text(t);
        for (size_t pos = 0; pos < run.size();) {
          size_t bytes = 0;
          int index = lex_.sentiment.MatchHan(run, pos, &bytes);
          if (index < 0) {
            size_t next = pos;
            lexicon::DecodeUtf8(run, &next);
            pos = next;
            Unit();
            continue;
          }
          Entry(lex_.entries[index], run.substr(pos, bytes), false, i);
          pos += bytes;
        }
        ++i;
        break;
      }
      case TokenKind::kEmoji:
      case TokenKind::kEmoticon: {
        double score = 0;
        if (t.kind == TokenKind::kEmoji) {
          for (const EmojiScore& e : kEmoji)
            if (e.code == t.code) score = e.score;
        } else {
          for (const EmoticonScore& e : kEmoticons)
            if (e.text == scan_.Text(t)) score = e.score;
        }
        if (score != 0) {
          Hit h;
          h.value = h.base = score;
          h.surface = std::string(text_.substr(t.raw_begin, t.raw_size));
          h.symbol = true;
          hits_.push_back(std::move(h));
        }
        ++i;
        break;
      }
      case TokenKind::kClause:
        EndClause();
        ++i;
        break;
      case TokenKind::kSentence:
        EndSentence();
        ++i;
        break;
      case TokenKind::kBang: {
        double factor = 1;
        std::string note = std::string(text_.substr(t.raw_begin, std::min<uint32_t>(t.raw_size, 6)));
        if (t.bangs > 0) factor = 1 + 0.1 * std::min<int>(t.bangs, 3);
        bool exasperated = (t.questions > 0 && t.bangs > 0) || t.questions >= 3;
        if (exasperated) factor = std::max(factor, 1.2);
        if (exasperated && sentence_start_ == hits_.size()) {
          Hit h;
          h.value = h.base = -0.3;
          h.surface = note;
          h.symbol = true;
          hits_.push_back(std::move(h));
        } else if (factor > 1 && sentence_start_ < hits_.size()) {
          for (size_t k = sentence_start_; k < hits_.size(); ++k) hits_[k].value *= factor;
          notes_.push_back(note + " " + Mult(factor));
        }
        EndSentence();
        ++i;
        break;
      }
    }
  }

  bool shouting = scan_.caps_words >= 3 && scan_.caps_words * 10 >= scan_.words * 3;
  if (shouting) {
    for (Hit& h : hits_) h.value *= kShoutFactor;
    Hit h;
    h.value = h.base = -0.2;
    h.surface = "CAPS";
    h.symbol = true;
    hits_.push_back(std::move(h));
  }

  SentimentResult r;
  double strongest = 0;
  for (const Hit& h : hits_) strongest = std::max(strongest, std::abs(h.value));
  double sum = 0;
  if (strongest > 0)
    for (const Hit& h : hits_) sum += h.value * std::abs(h.value) / strongest;
  r.score = sum / std::sqrt(sum * sum + 1);
  r.label = r.score <= kNegativeThreshold  ? "negative"
            : r.score >= kPositiveThreshold ? "positive"
                                            : "neutral";
  for (const Hit& h : hits_) {
    if (r.reasons.size() >= kMaxSentimentReasons) break;
    std::string s;
    if (h.symbol) {
      s = h.surface + " (" + Fixed(h.value) + ")";
    } else if (h.negated) {
      s = h.surface + " (negated, " + Fixed(h.value) + ")";
    } else if (h.mult != 1) {
      s = "'" + h.surface + "' (" + Mult(h.mult) + ", " + Fixed(h.value) + ")";
    } else {
      s = h.surface + " (" + Fixed(h.value) + ")";
    }
    if (h.caps) s = "CAPS " + s;
    r.reasons.push_back(std::move(s));
  }
  for (std::string& n : notes_) {
    if (r.reasons.size() >= kMaxSentimentReasons) break;
    r.reasons.push_back(std::move(n));
  }
  return r;
}

}  // namespace

SentimentResult AnalyzeSentiment(std::string_view text, std::string_view lang) {
  const Scan& scan = lexicon::ScanTextCached(text);  // urgency and sentiment share it
  const Lexicon* lex = lexicon::LexiconFor(lang);
  bool known = lex != nullptr;
  if (!known) lex = &lexicon::EnglishLexicon();
  Walker walker(text, scan, *lex, known && PostNegation(lang));
  return walker.Run();
}

}  // namespace svar::triage
