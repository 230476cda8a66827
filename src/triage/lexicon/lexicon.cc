#include "triage/lexicon/lexicon.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <charconv>
#include <memory>

#include "triage/lexicon/data.h"

namespace svar::triage::lexicon {
namespace {

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view NextField(std::string_view* s) {
  *s = TrimView(*s);
  size_t sp = s->find_first_of(" \t");
  std::string_view f = s->substr(0, sp);
  s->remove_prefix(sp == std::string_view::npos ? s->size() : sp);
  *s = TrimView(*s);
  return f;
}

bool ParseFloat(std::string_view s, float* v) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

// "{a,b} c{d,e}" -> "a cd", "a ce", "b cd", "b ce"; braces nest ("{x{1,2},y}").
void Expand(std::string_view s, const std::string& prefix, std::vector<std::string>* out) {
  size_t open = s.find('{');
  size_t close = std::string_view::npos;
  std::vector<std::string_view> alts;
  if (open != std::string_view::npos) {
    int depth = 0;
    size_t from = open + 1;
    for (size_t k = open; k < s.size(); ++k) {
      if (s[k] == '{') {
        ++depth;
      } else if (s[k] == '}' && --depth == 0) {
        alts.push_back(s.substr(from, k - from));
        close = k;
        break;
      } else if (s[k] == ',' && depth == 1) {
        alts.push_back(s.substr(from, k - from));
        from = k + 1;
      }
    }
  }
  if (close == std::string_view::npos) {
    out->push_back(prefix + std::string(s));
    return;
  }
  std::string head = prefix + std::string(s.substr(0, open));
  std::string_view tail = s.substr(close + 1);
  for (std::string_view alt : alts) {
    std::vector<std::string> inner;
    Expand(alt, head, &inner);
    for (const std::string& i : inner) Expand(tail, i, out);
  }
}

bool UrgencyKind(std::string_view name, EntryKind* kind) {
  static constexpr std::pair<std::string_view, EntryKind> kNames[] = {
      {"now", EntryKind::kNow},       {"due", EntryKind::kDue},
      {"again", EntryKind::kAgain},   {"cancel", EntryKind::kCancel},
      {"cverb", EntryKind::kCancelVerb}, {"cobj", EntryKind::kCancelObject},
      {"legal", EntryKind::kLegal},   {"money", EntryKind::kMoney},
      {"calm", EntryKind::kCalm},
  };
  for (auto [n, k] : kNames) {
    if (n == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

bool HasHan(std::string_view s) {
  size_t i = 0;
  while (i < s.size())
    if (IsHan(DecodeUtf8(s, &i))) return true;
  return false;
}

}  // namespace

int32_t Trie::BuildChild(int32_t node, uint8_t b) const {
  for (auto [k, n] : nodes_[node].kids)
    if (k == b) return n;
  return -1;
}

int32_t Trie::Child(int32_t node, uint8_t b) const {
  if (node == 0) return root_[b];
  const Node& n = nodes_[node];
  for (uint32_t k = n.kid_begin; k < n.kid_end; ++k)
    if (kid_byte_[k] == b) return kid_node_[k];
  return -1;
}

void Trie::Freeze() {
  kid_byte_.clear();
  kid_node_.clear();
  root_.fill(-1);
  for (auto [b, n] : nodes_[0].kids) root_[b] = n;
  for (Node& n : nodes_) {
    n.kid_begin = static_cast<uint32_t>(kid_byte_.size());
    for (auto [b, k] : n.kids) {
      kid_byte_.push_back(b);
      kid_node_.push_back(k);
    }
    n.kid_end = static_cast<uint32_t>(kid_byte_.size());
    n.kids.clear();
    n.kids.shrink_to_fit();
  }
}

void Trie::Add(std::string_view term, bool prefix, int entry) {
  int32_t node = 0;
  for (char ch : term) {
    uint8_t b = static_cast<uint8_t>(ch);
    int32_t next = BuildChild(node, b);
    if (next < 0) {
      next = static_cast<int32_t>(nodes_.size());
      nodes_[node].kids.emplace_back(b, next);
      nodes_.emplace_back();
    }
    node = next;
  }
  (prefix ? nodes_[node].prefix : nodes_[node].exact) = entry;
}

int Trie::MatchWords(const Scan& scan, size_t at, int* tokens) const {
  int best = -1;
  *tokens = 0;
  int32_t node = 0;
  for (size_t j = at; j < scan.tokens.size(); ++j) {
    const Token& t = scan.tokens[j];
    if (t.kind != TokenKind::kWord) break;
    if (j > at && (node = Child(node, ' ')) < 0) break;
    std::string_view w = scan.Text(t);
    int covered = static_cast<int>(j - at + 1);
    for (size_t k = 0; k < w.size() && node >= 0; ++k) {
      if (k > 0 && nodes_[node].prefix >= 0) {
        best = nodes_[node].prefix;
        *tokens = covered;
      }
      node = Child(node, static_cast<uint8_t>(w[k]));
    }
    if (node < 0) break;
    const Node& n = nodes_[node];
    if (n.exact >= 0 || n.prefix >= 0) {
      best = n.exact >= 0 ? n.exact : n.prefix;
      *tokens = covered;
    }
  }
  return best;
}

int Trie::MatchHan(std::string_view run, size_t pos, size_t* bytes) const {
  int best = -1;
  *bytes = 0;
  int32_t node = 0;
  for (size_t k = pos; k < run.size(); ++k) {
    node = Child(node, static_cast<uint8_t>(run[k]));
    if (node < 0) break;
    bool boundary = k + 1 == run.size() || (static_cast<uint8_t>(run[k + 1]) & 0xC0) != 0x80;
    if (!boundary) continue;
    const Node& n = nodes_[node];
    if (n.exact >= 0 || n.prefix >= 0) {
      best = n.exact >= 0 ? n.exact : n.prefix;
      *bytes = k + 1 - pos;
    }
  }
  return best;
}

bool BuildLexicon(std::string_view text, bool han_variants, Lexicon* out, std::string* error) {
  std::unique_ptr<icu::Transliterator> to_traditional;
  if (han_variants) {
    UErrorCode status = U_ZERO_ERROR;
    to_traditional.reset(icu::Transliterator::createInstance("Simplified-Traditional",
                                                             UTRANS_FORWARD, status));
    if (U_FAILURE(status)) to_traditional.reset();
  }
  int line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = TrimView(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    auto fail = [&](std::string_view why) {
      *error = "lexicon line " + std::to_string(line_no) + ": " + std::string(why) + ": " +
               std::string(line);
      out->sentiment.Freeze();
      out->urgency.Freeze();
      return false;
    };
    std::string_view rest = line;
    std::string_view kind_field = NextField(&rest);
    Entry entry;
    bool to_sentiment = true, to_urgency = false;
    if (kind_field == "neg") {
      entry.kind = EntryKind::kNegator;
      to_urgency = true;
    } else if (kind_field == "but") {
      entry.kind = EntryKind::kBut;
      to_urgency = true;
    } else if (kind_field.size() > 1 && kind_field.front() == 'x') {
      entry.kind = EntryKind::kIntensifier;
      if (!ParseFloat(kind_field.substr(1), &entry.value)) return fail("bad multiplier");
    } else if (kind_field.starts_with("u.")) {
      if (!UrgencyKind(kind_field.substr(2), &entry.kind)) return fail("unknown urgency kind");
      if (!ParseFloat(NextField(&rest), &entry.value)) return fail("bad urgency weight");
      to_sentiment = false;
      to_urgency = true;
    } else {
      if (!ParseFloat(kind_field, &entry.value)) return fail("bad score");
      if (entry.value < -1 || entry.value > 1) return fail("score outside -1..1");
      entry.kind = entry.value == 0 ? EntryKind::kIgnore : EntryKind::kScore;
    }
    if (rest.empty()) return fail("no term");
    std::vector<std::string> terms;
    Expand(rest, "", &terms);
    for (std::string& raw : terms) {
      if (raw.find_first_of("{}") != std::string::npos) return fail("unbalanced braces");
      std::string term = FoldTerm(raw);
      bool prefix = !term.empty() && term.back() == '*';
      if (prefix) term.pop_back();
      if (term.empty()) return fail("empty term");
      std::vector<std::string> spellings = {term};
      if (to_traditional && HasHan(term)) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(term);
        to_traditional->transliterate(u);
        std::string trad;
        u.toUTF8String(trad);
        if (trad != term) spellings.push_back(trad);
      }
      for (const std::string& s : spellings) {
        int index = static_cast<int>(out->entries.size());
        Entry e = entry;
        e.term = s + (prefix ? "*" : "");
        out->entries.push_back(std::move(e));
        if (entry.kind == EntryKind::kScore) ++out->scored;
        if (to_sentiment) out->sentiment.Add(s, prefix, index);
        if (to_urgency) out->urgency.Add(s, prefix, index);
      }
    }
  }
  out->sentiment.Freeze();
  out->urgency.Freeze();
  return true;
}

namespace {

struct AllLexicons {
  Lexicon da, sv, nb, ru, zh, en;
  AllLexicons() {
    std::string error;
    // The lists are compiled in and covered by unit tests: a bad line is a programmer error,
    // and the rest of the list still loads.
    BuildLexicon(kDanish, false, &da, &error);
    BuildLexicon(kSwedish, false, &sv, &error);
    BuildLexicon(kNorwegian, false, &nb, &error);
    BuildLexicon(kRussian, false, &ru, &error);
    BuildLexicon(kChinese, true, &zh, &error);
    BuildLexicon(kEnglish, false, &en, &error);
    ru.latin_fallback = &en;
    zh.latin_fallback = &en;
  }
};

const AllLexicons& All() {
  static const AllLexicons all;
  return all;
}

}  // namespace

const Lexicon& EnglishLexicon() { return All().en; }

const Lexicon* LexiconFor(std::string_view lang) {
  std::string primary;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    primary.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  const AllLexicons& all = All();
  if (primary == "da") return &all.da;
  if (primary == "sv") return &all.sv;
  if (primary == "nb" || primary == "no" || primary == "nn") return &all.nb;
  if (primary == "ru") return &all.ru;
  if (primary == "zh") return &all.zh;
  if (primary == "en") return &all.en;
  return nullptr;
}

}  // namespace svar::triage::lexicon
