#include "triage/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "triage/language/cld2_adapter.h"
#include "triage/language/function_words.h"
#include "triage/language/han_script.h"
#include "triage/language/ngram_model.h"

namespace svar::triage {
namespace {

using language::kMaxModelLanguages;
using language::NgramModel;

constexpr size_t kMaxTextBytes = 4096;
constexpr size_t kMaxWords = 200;

enum class Group { kLatin, kCyrillic, kHan, kOther };

std::string Canonical(std::string_view code) {
  std::string c;
  for (char ch : code) {
    if (ch == '-' || ch == '_' || ch == ',' || ch == ';' || ch == ' ') break;
    c.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  if (c == "no" || c == "nob") return "nb";
  if (c == "nno") return "nn";
  return c;
}

Group GroupOf(std::string_view canon) {
  if (canon == "zh" || canon == "ja") return Group::kHan;
  if (canon == "ru" || canon == "uk" || canon == "bg" || canon == "sr" || canon == "mk" ||
      canon == "be" || canon == "kk") {
    return Group::kCyrillic;
  }
  if (canon == "el" || canon == "ar" || canon == "he" || canon == "fa" || canon == "th" ||
      canon == "ko" || canon == "hi") {
    return Group::kOther;
  }
  return Group::kLatin;
}

// The language a sender's country domain suggests, "" if none.
std::string_view TldLanguage(std::string_view email, std::string_view* tld_out) {
  size_t at = email.rfind('@');
  if (at == std::string_view::npos) return "";
  std::string_view domain = email.substr(at + 1);
  while (!domain.empty() &&
         (domain.back() == '>' || domain.back() == ' ' || domain.back() == '.')) {
    domain.remove_suffix(1);
  }
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string tld;
  for (char ch : domain.substr(dot + 1)) {
    tld.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  static constexpr std::pair<std::string_view, std::string_view> kTlds[] = {
      {"dk", "da"}, {"se", "sv"}, {"no", "nb"}, {"ru", "ru"}, {"cn", "zh"}, {"tw", "zh"},
      {"hk", "zh"}, {"mo", "zh"}, {"uk", "en"}, {"ie", "en"}, {"au", "en"}, {"nz", "en"},
      {"us", "en"}, {"de", "de"}, {"at", "de"}, {"fr", "fr"}, {"es", "es"}, {"it", "it"},
      {"nl", "nl"}, {"fi", "fi"}, {"pl", "pl"}, {"ua", "uk"}, {"jp", "ja"}};
  for (const auto& [t, lang] : kTlds) {
    if (tld == t) {
      *tld_out = domain.substr(dot + 1);
      return lang;
    }
  }
  return "";
}

struct Scan {
  std::vector<std::string> latin_words;                // lower-cased
  double latin = 0, cyrillic = 0, han = 0, other = 0;  // letters (Han weighted 2)
  int trad_only = 0, simp_only = 0;
};

bool SkipChunk(std::string_view chunk) {
  return chunk.find('@') != std::string_view::npos || chunk.find("://") != std::string_view::npos ||
         chunk.starts_with("www.");
}

Scan ScanText(std::string_view text) {
  Scan s;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && s.latin_words.size() < kMaxWords) s.latin_words.push_back(word);
    word.clear();
  };
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t pos = 0;
  while (pos < n) {
    // One whitespace-separated chunk at a time, so URLs and addresses can be skipped whole.
    int32_t end = pos;
    while (end < n && p[end] != ' ' && p[end] != '\n' && p[end] != '\t' && p[end] != '\r') ++end;
    if (end == pos) {
      ++pos;
      continue;
    }
    if (SkipChunk(text.substr(pos, end - pos))) {
      pos = end;
      continue;
    }
    int32_t k = pos;
    while (k < end) {
      if (p[k] < 0x80) {  // ASCII: what the ICU calls below answer, without them
        const char a = static_cast<char>(p[k++]);
        if ((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z')) {
          word.push_back(a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a);
          s.latin += 1;
        } else {
          flush();
        }
        continue;
      }
      UChar32 c;
      U8_NEXT(p, k, end, c);
      if (c < 0 || !u_isalpha(c)) {
        flush();
        continue;
      }
      UErrorCode status = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript(c, &status);
      if (script == USCRIPT_LATIN) {
        UChar32 lc = u_tolower(c);
        char buf[4];
        int32_t len = 0;
        UBool err = false;
        U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, lc, err);
        if (!err) word.append(buf, len);
        s.latin += 1;
        continue;
      }
      flush();
      if (script == USCRIPT_HAN) {
        s.han += 2;
        auto kind = language::ClassifyHan(static_cast<uint32_t>(c));
        if (kind == language::HanScript::kTraditionalOnly) ++s.trad_only;
        if (kind == language::HanScript::kSimplifiedOnly) ++s.simp_only;
      } else if (script == USCRIPT_CYRILLIC) {
        s.cyrillic += 1;
      } else {
        s.other += 1;
      }
    }
    flush();
    pos = end;
  }
  return s;
}

std::string Fixed(double v, int digits = 2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

LanguageDetector::LanguageDetector(std::vector<std::string> desk_languages)
    : LanguageDetector(std::move(desk_languages), language::Tuning{}) {}

LanguageDetector::LanguageDetector(std::vector<std::string> desk_languages,
                                   const language::Tuning& tuning)
    : desk_(std::move(desk_languages)), tuning_(tuning) {
  auto model = NgramModel::Get();
  for (const auto& code : desk_) {
    canon_.push_back(Canonical(code));
    int idx = -1;
    if (model) {
      const auto& langs = (*model)->languages();
      auto it = std::find(langs.begin(), langs.end(), canon_.back());
      if (it != langs.end()) idx = static_cast<int>(it - langs.begin());
    }
    model_index_.push_back(idx);
  }
}

LanguageResult LanguageDetector::Detect(std::string_view text, const LanguageHints& hints) const {
  LanguageResult result;
  const size_t n = desk_.size();
  if (n == 0) return result;
  if (text.size() > kMaxTextBytes) {
    size_t cut = kMaxTextBytes;
    while (cut > 0 && (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  const Scan scan = ScanText(text);
  const double letters = scan.latin + scan.cyrillic + scan.han + scan.other;

  std::vector<double> logit(n, 0.0);
  std::string text_reason;
  std::vector<std::string> evidence;
  bool have_text = letters > 0;

  if (have_text) {
    // 1. Share of the text in each script group.
    auto share = [&](Group g) {
      double v = g == Group::kLatin      ? scan.latin
                 : g == Group::kCyrillic ? scan.cyrillic
                 : g == Group::kHan      ? scan.han
                                         : scan.other;
      return v / letters;
    };
    // 2. Within the Latin group: model + frequent words + CLD2.
    std::vector<double> in_group(n, 0.0);  // log-probability within its own group
    language::Cld2Guess cld = language::Cld2Detect(text);
    auto cld_share = [&](std::string_view canon) {
      for (const auto& [code, pct] : cld.languages) {
        if (code == canon) return pct / 100.0;
      }
      return 0.0;
    };
    // CLD2 cannot tell the Scandinavian languages apart on short text (it calls short Danish
    // and Swedish "Norwegian"), so for them it only votes for the family.
    auto scandinavian = [](std::string_view c) {
      return c == "da" || c == "nb" || c == "nn" || c == "sv";
    };
    auto cld_family_share = [&](std::string_view canon) {
      if (!scandinavian(canon)) return cld_share(canon);
      double sum = 0;
      for (const auto& [code, pct] : cld.languages) {
        if (scandinavian(code)) sum += pct / 100.0;
      }
      return sum;
    };
    // Per word: a word in a language's word list costs that language nothing; otherwise the
    // language pays member_bonus plus how much less likely the word's n-grams are in it than in
    // the likeliest language. So words the languages share are neutral, and the n-gram model
    // decides only for words that no list, or only some lists, contain.
    std::array<double, kMaxModelLanguages> text_score{};
    auto model = NgramModel::Get();
    int n_model_langs = 0;
    std::array<std::string_view, kMaxModelLanguages> model_codes{};
    if (model) {
      n_model_langs = static_cast<int>((*model)->languages().size());
      for (int l = 0; l < n_model_langs; ++l) model_codes[l] = (*model)->languages()[l];
      for (const auto& w : scan.latin_words) {
        std::array<double, kMaxModelLanguages> costs{};
        uint32_t member = 0;
        (*model)->ScoreWord(w, costs, &member);
        double base = *std::min_element(costs.begin(), costs.begin() + n_model_langs);
        unsigned fw = language::FrequentWordMask(w, model_codes.data(), n_model_langs);
        for (int l = 0; l < n_model_langs; ++l) {
          double ngram = tuning_.ngram_weight * (costs[l] - base);
          if (member & (1u << l)) {
            text_score[l] -= tuning_.member_ngram_share * ngram;
          } else {
            text_score[l] -= tuning_.member_bonus + ngram;
          }
          if (fw & (1u << l)) text_score[l] += tuning_.frequent_bonus;
        }
      }
    }
    double best_model_score = -1e300;
    for (size_t i = 0; i < n; ++i) {
      if (model_index_[i] >= 0)
        best_model_score = std::max(best_model_score, text_score[model_index_[i]]);
    }
    std::vector<double> latin_score(n, -1e300);
    double latin_max = -1e300;
    for (size_t i = 0; i < n; ++i) {
      if (GroupOf(canon_[i]) != Group::kLatin) continue;
      double s = 0;
      const int m = model_index_[i];
      if (m >= 0) {
        s = text_score[m];
      } else {
        // Outside the model: as good as the best model language if CLD2 agrees.
        s = (best_model_score > -1e299 ? best_model_score : 0) -
            3.0 * static_cast<double>(scan.latin_words.size());
      }
      s += tuning_.cld2_weight * std::log((tuning_.cld2_family_only ? cld_family_share(canon_[i])
                                                                    : cld_share(canon_[i])) +
                                          0.05);
      if (m < 0) s += 4.0 * tuning_.cld2_weight * cld_share(canon_[i]);
      latin_score[i] = s / tuning_.temperature;
      latin_max = std::max(latin_max, latin_score[i]);
    }
    double z = 0;
    for (size_t i = 0; i < n; ++i) {
      if (latin_score[i] > -1e299) z += std::exp(latin_score[i] - latin_max);
    }
    for (size_t i = 0; i < n; ++i) {
      Group g = GroupOf(canon_[i]);
      if (g == Group::kLatin) {
        in_group[i] = latin_score[i] - latin_max - std::log(z);
      } else {
        // Cyrillic, Han, other scripts: one configured language per script is the usual
        // case; several (ru and uk) are told apart by CLD2.
        int same = 0;
        for (size_t j = 0; j < n; ++j) same += GroupOf(canon_[j]) == g;
        in_group[i] = same == 1 ? 0.0 : std::log(cld_share(canon_[i]) + 0.05);
      }
      double sh = share(g);
      logit[i] = std::log(sh + 1e-3) + std::max(in_group[i], std::log(1e-4));
    }
    if (!cld.languages.empty()) {
      text_reason =
          "CLD2 " + cld.languages[0].first + " " + std::to_string(cld.languages[0].second) + "%";
    }
    // Evidence words for the reason: frequent words of the best Latin language.
    size_t best_latin = n;
    for (size_t i = 0; i < n; ++i) {
      if (latin_score[i] > -1e299 &&
          (best_latin == n || latin_score[i] > latin_score[best_latin])) {
        best_latin = i;
      }
    }
    if (model && best_latin < n && model_index_[best_latin] >= 0) {
      for (const auto& w : scan.latin_words) {
        if (evidence.size() >= 3) break;
        unsigned fw = language::FrequentWordMask(w, model_codes.data(), n_model_langs);
        if ((fw & (1u << model_index_[best_latin])) &&
            std::find(evidence.begin(), evidence.end(), w) == evidence.end()) {
          evidence.push_back(w);
        }
      }
    }
  }

  // 3. Hints.
  std::string hint_reason;
  auto add_hint = [&](std::string_view code, double weight, std::string_view label) {
    std::string c = Canonical(code);
    if (c.empty()) return;
    bool matched = false;
    for (size_t i = 0; i < n; ++i) {
      if (canon_[i] == c) {
        logit[i] += weight;
        matched = true;
      }
    }
    if (matched) {
      hint_reason += hint_reason.empty() ? "; hint " : ", ";
      hint_reason += label;
    }
  };
  if (!hints.content_language.empty()) {
    add_hint(Trim(hints.content_language), tuning_.content_language,
             "Content-Language " + Canonical(Trim(hints.content_language)));
  }
  std::string_view tld;
  std::string_view tld_lang = TldLanguage(hints.sender_email, &tld);
  if (!tld_lang.empty()) add_hint(tld_lang, tuning_.tld, "." + std::string(tld));
  if (!hints.customer_language.empty()) {
    add_hint(hints.customer_language, tuning_.customer,
             "customer " + Canonical(hints.customer_language));
  }
  if (!hints.mailbox_default.empty()) {
    add_hint(hints.mailbox_default, tuning_.mailbox_default,
             "mailbox " + Canonical(hints.mailbox_default));
  }

  if (!have_text && hint_reason.empty()) {
    result.reason = "no letters and no hint";
    return result;
  }

  // 4. Softmax over the configured languages; ties go to the earlier configured language.
  double mx = *std::max_element(logit.begin(), logit.end());
  double z = 0;
  for (double v : logit) z += std::exp(v - mx);
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return logit[a] > logit[b]; });
  for (size_t i : order) result.scores.emplace_back(desk_[i], std::exp(logit[i] - mx) / z);
  const size_t best = order[0];
  result.code = desk_[best];
  result.confidence = result.scores[0].second;
  if (canon_[best] == "zh") {
    bool hant = scan.trad_only > scan.simp_only;
    if (scan.trad_only == scan.simp_only) {
      hant = tld == "tw" || tld == "hk" || tld == "mo" ||
             hints.content_language.find("Hant") != std::string::npos ||
             hints.content_language.find("TW") != std::string::npos ||
             hints.content_language.find("HK") != std::string::npos;
    }
    result.script = hant ? "Hant" : "Hans";
  }
  std::string r = have_text ? "text: " : "no letters: ";
  r += canon_[best] + " " + Fixed(result.confidence);
  std::string detail = text_reason;
  if (!evidence.empty()) {
    detail += detail.empty() ? "words " : ", words ";
    for (size_t i = 0; i < evidence.size(); ++i) {
      detail += (i ? ",'" : "'") + evidence[i] + "'";
    }
  }
  if (!result.script.empty()) {
    detail += (detail.empty() ? "" : ", ") + result.script + " " + std::to_string(scan.simp_only) +
              "/" + std::to_string(scan.trad_only) + " simplified/traditional-only";
  }
  if (!detail.empty()) r += " (" + detail + ")";
  r += hint_reason;
  result.reason = std::move(r);
  return result;
}

}  // namespace svar::triage
