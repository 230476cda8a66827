#include "knowledge/search/bm25_baseline.h"

#include <xapian.h>

namespace svar::knowledge {

struct Bm25Baseline::Impl {
  Xapian::WritableDatabase db;
  Xapian::Stem stem;
};

Bm25Baseline::Bm25Baseline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Bm25Baseline::~Bm25Baseline() = default;

Result<std::unique_ptr<Bm25Baseline>> Bm25Baseline::Build(const std::vector<Doc>& docs,
                                                          const std::string& stemmer) {
  try {
    auto impl = std::make_unique<Impl>();
    impl->db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    impl->stem = Xapian::Stem(stemmer);
    Xapian::TermGenerator tg;
    tg.set_stemmer(impl->stem);
    for (const auto& d : docs) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(d.text);
      doc.set_data(d.id);
      impl->db.add_document(doc);
    }
    impl->db.commit();
    return std::unique_ptr<Bm25Baseline>(new Bm25Baseline(std::move(impl)));
  } catch (const Xapian::Error& e) {
    return Fail(ErrorCode::kInternal, "baseline index: " + e.get_description());
  }
}

Result<std::vector<std::string>> Bm25Baseline::Rank(const std::string& query, int n) const {
  try {
    Xapian::QueryParser qp;
    qp.set_stemmer(impl_->stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_database(impl_->db);
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(qp.parse_query(query));
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(n));
    std::vector<std::string> out;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      out.push_back(it.get_document().get_data());
    return out;
  } catch (const Xapian::Error& e) {
    return Fail(ErrorCode::kInvalidArgument, "baseline query: " + e.get_description());
  }
}

}  // namespace svar::knowledge
