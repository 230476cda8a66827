#include "knowledge/search/kb_index.h"

#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "knowledge/search/analysis.h"
#include "knowledge/search/passages.h"
#include "knowledge/search/schema.h"

namespace svar::knowledge {
namespace {

// Within-document weight of the title's words: in the lead passage (title + first paragraph)
// and in every other passage, where it says what the passage is about. A heading counts for
// its section's passages.
constexpr Xapian::termcount kTitleWdfLead = 5;
constexpr Xapian::termcount kTitleWdfOther = 1;
constexpr Xapian::termcount kHeadingWdf = 2;
constexpr size_t kMaxLearnedQueries = 50;

Error XapianFailure(const Xapian::Error& e, std::string_view what) {
  ErrorCode code = ErrorCode::kInternal;
  std::string hint;
  const std::string type = e.get_type();
  if (type == "DatabaseLockError") {
    code = ErrorCode::kBusy;
    hint = " (another process writes this index: stop `svar serve` before `svar reindex`)";
  } else if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") {
    code = ErrorCode::kIo;
  }
  return Error{code, std::string(what) + ": " + e.get_description() + hint};
}

void AddText(Xapian::Document& doc, std::string_view text, std::string_view locale,
             Xapian::termcount wdf, const std::string& prefix, std::set<std::string>* spelling) {
  for (const Term& t : TermsOf(text, locale)) {
    doc.add_term(prefix + t.text, wdf);
    if (spelling != nullptr && !t.stem && prefix.empty() && !ContainsHan(t.text) &&
        t.text.size() > 2)
      spelling->insert(t.text);
  }
}

// Synonym keys are stemmed ("en:receipt" and "en:receipts" share "en:receipt" -> stem), so an
// inflected query word finds its group; values keep the folded words, analysed at query time.
std::string SynonymPhrase(std::string_view phrase, std::string_view locale, bool stemmed) {
  // Consecutive Han words are joined without a space: however ICU cuts "销户", the key is
  // "zh:销户", which is what the query side looks up for a Chinese word or bigram.
  std::string out = LanguageOf(locale) + ":";
  bool first = true;
  bool previous_han = false;
  for (const Word& w : SplitWords(phrase)) {
    if (!first && !(w.han && previous_han)) out += ' ';
    std::string stem = stemmed ? StemTerm(w, locale) : std::string();
    out += stem.empty() ? w.folded : stem.substr(stem.find(':') + 1);
    first = false;
    previous_han = w.han;
  }
  return out;
}

}  // namespace

double QualityOf(const ArticleStats& s) {
  return (static_cast<double>(s.helpful) + 2.0) /
         (static_cast<double>(s.helpful + s.not_helpful) + 4.0);
}

bool IsSearchable(const Article& a) { return a.published_version && a.state != kArchived; }

struct KbIndex::Impl {
  std::string dir;
  Xapian::WritableDatabase pub;
  Xapian::WritableDatabase internal;

  // Deletes the article's documents from one database, taking their words out of its
  // spelling dictionary too (so an article turned internal leaves no word behind).
  void RemoveFrom(Xapian::WritableDatabase& db, int64_t id) {
    std::string term = schema::ArticleTerm(id);
    std::vector<Xapian::docid> ids;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) ids.push_back(*p);
    std::set<std::string> words;  // Upsert adds each word once per article
    for (Xapian::docid did : ids) {
      Xapian::Document doc = db.get_document(did);
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& s = *t;
        if (s.empty() || (s[0] >= 'A' && s[0] <= 'Z') || ContainsHan(s) || s.size() <= 2) continue;
        words.insert(s);
      }
      db.delete_document(did);
    }
    for (const auto& w : words) db.remove_spelling(w);
  }
};

KbIndex::KbIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
KbIndex::~KbIndex() {
  if (!impl_) return;
  try {
    impl_->pub.close();
    impl_->internal.close();
  } catch (const Xapian::Error&) {
  }
}

const std::string& KbIndex::dir() const { return impl_->dir; }

Result<std::unique_ptr<KbIndex>> KbIndex::Open(const std::string& dir, bool overwrite) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    return Fail(ErrorCode::kIo,
                "cannot create the search index directory " + dir + ": " + ec.message());
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  int flags = overwrite ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
  try {
    impl->pub = Xapian::WritableDatabase(dir + "/" + schema::kPublicDir, flags);
    impl->internal = Xapian::WritableDatabase(dir + "/" + schema::kInternalDir, flags);
  } catch (const Xapian::Error& e) {
    return Fail(XapianFailure(e, "cannot open the search index " + dir));
  }
  return std::unique_ptr<KbIndex>(new KbIndex(std::move(impl)));
}

Status KbIndex::Remove(int64_t article_id) {
  try {
    impl_->RemoveFrom(impl_->pub, article_id);
    impl_->RemoveFrom(impl_->internal, article_id);
  } catch (const Xapian::Error& e) {
    return Fail(XapianFailure(e, "cannot remove article " + std::to_string(article_id)));
  }
  return Ok();
}

Status KbIndex::Upsert(const IndexedArticle& ia) {
  const Article& a = ia.article;
  SVAR_TRY(Remove(a.id));
  if (!IsSearchable(a)) return Ok();
  const bool is_public = a.visibility == kPublic;
  std::string locale = CanonicalLocale(a.locale);
  std::vector<Passage> passages = SplitPassages(a.body);
  double quality = QualityOf(ia.stats);
  std::string tags;
  for (const auto& t : a.tags) tags += t + " ";
  std::vector<std::string> products;
  for (const auto& p : a.products) products.push_back(FoldText(p));

  try {
    Xapian::WritableDatabase& db = is_public ? impl_->pub : impl_->internal;
    std::set<std::string> spelling;
    for (const Passage& p : passages) {
      if (p.ordinal > 0 && p.text.empty() && p.heading.empty()) continue;
      Xapian::Document doc;
      AddText(doc, a.title, locale, p.ordinal == 0 ? kTitleWdfLead : kTitleWdfOther, "", &spelling);
      if (p.ordinal == 0) {
        AddText(doc, tags, locale, 1, "", &spelling);
        for (const Term& t : TermsOf(a.title, locale))
          if (!t.stem) doc.add_term(schema::kTitle + t.text);
      }
      AddText(doc, p.heading, locale, kHeadingWdf, "", &spelling);
      AddText(doc, p.text, locale, 1, "", &spelling);
      size_t learned = 0;
      for (auto it = ia.learned_queries.rbegin();
           it != ia.learned_queries.rend() && learned < kMaxLearnedQueries; ++it, ++learned)
        AddText(doc, *it, locale, 1, schema::kLearned, nullptr);

      doc.add_boolean_term(schema::ArticleTerm(a.id));
      doc.add_boolean_term(schema::kLocale + locale);
      doc.add_boolean_term(schema::kVisibility + a.visibility);
      doc.add_boolean_term(std::string(schema::kState) + kPublished);
      if (!a.category.empty()) doc.add_boolean_term(schema::kCategory + FoldText(a.category));
      for (const auto& prod : products) doc.add_boolean_term(schema::kProduct + prod);
      if (!a.translation_group.empty()) doc.add_boolean_term(schema::kGroup + a.translation_group);
      std::string unique = schema::kUnique + std::to_string(a.id) + "#" + std::to_string(p.ordinal);
      doc.add_boolean_term(unique);

      doc.add_value(schema::kSlotArticle, std::to_string(a.id));
      doc.add_value(schema::kSlotQuality, Xapian::sortable_serialise(quality));
      doc.add_value(schema::kSlotPopularity,
                    Xapian::sortable_serialise(static_cast<double>(ia.stats.views)));
      doc.add_value(schema::kSlotOrdinal, Xapian::sortable_serialise(p.ordinal));

      nlohmann::json data = {
          {"id", a.id},
          {"slug", a.slug},
          {"locale", locale},
          {"title", a.title},
          {"group", a.translation_group},
          {"category", a.category},
          {"products", products},
          {"anchor", p.anchor},
          {"heading", p.heading},
          {"text", p.text},
          {"ordinal", p.ordinal},
          {"visibility", a.visibility},
      };
      doc.set_data(data.dump());
      db.replace_document(unique, doc);
    }
    for (const auto& w : spelling) db.add_spelling(w);
  } catch (const Xapian::Error& e) {
    return Fail(XapianFailure(e, "cannot index article " + std::to_string(a.id)));
  }
  return Ok();
}

Status KbIndex::SetSynonyms(const std::vector<IndexSynonyms>& groups) {
  try {
    for (Xapian::WritableDatabase* db : {&impl_->pub, &impl_->internal}) {
      std::vector<std::string> keys;
      for (auto k = db->synonym_keys_begin(); k != db->synonym_keys_end(); ++k) keys.push_back(*k);
      for (const auto& k : keys) db->clear_synonyms(k);
      for (const auto& g : groups) {
        std::vector<std::pair<std::string, std::string>> members;  // key, value
        for (const auto& t : g.terms) {
          std::string value = SynonymPhrase(t, g.locale, false);
          if (value.size() > LanguageOf(g.locale).size() + 1)
            members.emplace_back(SynonymPhrase(t, g.locale, true), value);
        }
        for (const auto& m : members)
          for (const auto& o : members)
            if (m.first != o.first) db->add_synonym(m.first, o.second);
      }
    }
  } catch (const Xapian::Error& e) {
    return Fail(XapianFailure(e, "cannot store the synonyms"));
  }
  return Ok();
}

Status KbIndex::Commit() {
  try {
    impl_->pub.commit();
    impl_->internal.commit();
  } catch (const Xapian::Error& e) {
    return Fail(XapianFailure(e, "cannot commit the search index"));
  }
  return Ok();
}

}  // namespace svar::knowledge

namespace svar::knowledge {

Result<std::string> KbIndex::GetMetadata(const std::string& key) {
  try {
    return impl_->internal.get_metadata(key);
  } catch (const Xapian::Error& e) {
    return Fail(XapianFailure(e, "cannot read the search index's metadata"));
  }
}

Status KbIndex::SetMetadata(const std::string& key, const std::string& value) {
  try {
    impl_->internal.set_metadata(key, value);
  } catch (const Xapian::Error& e) {
    return Fail(XapianFailure(e, "cannot write the search index's metadata"));
  }
  return Ok();
}

}  // namespace svar::knowledge
