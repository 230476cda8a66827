#include "cli/ack_links.h"

#include <cctype>
#include <set>

#include "core/text.h"
#include "knowledge/articles/locale.h"

namespace svar::cli {
namespace {

constexpr size_t kQueryBytes = 1000;

// Anchors are heading slugs and may hold letters beyond ASCII ("spær-kortet"); in mail they
// are percent-encoded (browsers decode a fragment before matching an id).
std::string PercentEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x80 && (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string ArticleUrl(const std::string& base, const knowledge::SearchHit& h) {
  std::string b = base;
  while (!b.empty() && b.back() == '/') b.pop_back();
  b.append("/api/v1/kb/public/articles/").append(h.locale).append("/").append(h.slug);
  if (!h.anchor.empty()) b.append("#").append(PercentEncode(h.anchor));
  return b;
}

}  // namespace

replies::LinkFinder KnowledgeLinkFinder(const Config& config,
                                        std::shared_ptr<const knowledge::Searcher> searcher) {
  const std::string base = config.desk.public_url;
  const std::string fallback = config.knowledge.default_locale;
  const std::string index = config.KnowledgeIndexPath();
  return [base, fallback, index, searcher](
             const replies::LinkQuery& q) mutable -> Result<std::vector<replies::AnswerLink>> {
    std::vector<replies::AnswerLink> out;
    if (base.empty() || q.limit <= 0) return out;
    if (!searcher) {
      SVAR_ASSIGN(auto opened, knowledge::Searcher::Open(index));
      searcher = std::move(opened);
    }
    std::string text = q.subject + "\n" + std::string(TruncateUtf8(q.text, kQueryBytes));
    std::vector<std::string> locales = {q.locale};
    if (auto f = knowledge::NormaliseLocale(fallback); f && *f != q.locale) locales.push_back(*f);
    std::set<std::string> groups;  // one article per translation group
    for (const auto& locale : locales) {
      knowledge::SearchRequest r;
      r.query = text;
      r.locale = locale;
      r.limit = q.limit;
      r.audience = knowledge::Audience::kCustomer;
      r.only_locale = true;
      auto found = searcher->Search(r);
      if (!found) {
        if (found.error().code == ErrorCode::kUnavailable) return out;  // no index yet
        return Fail(found.error());
      }
      for (const auto& h : found->hits) {
        if (static_cast<int>(out.size()) >= q.limit) break;
        const std::string group = h.translation_group.empty() ? h.slug : h.translation_group;
        if (!groups.insert(group).second) continue;
        out.push_back({h.title, ArticleUrl(base, h), h.passage});
      }
      if (static_cast<int>(out.size()) >= q.limit) break;
    }
    return out;
  };
}

}  // namespace svar::cli
