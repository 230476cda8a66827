#include "storage/database.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"

namespace svar::storage {
namespace {

TEST(Sqlite, MigratesAndRoundTrips) {
  auto db = OpenSqlite({":memory:"});
  ASSERT_TRUE(db) << db.error().message;
  ASSERT_TRUE(Migrate(**db));
  auto v = SchemaVersion(**db);
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, AllMigrations().back().version);
  ASSERT_TRUE(Migrate(**db));  // idempotent
  ASSERT_TRUE((*db)->Exec("INSERT INTO counters(name, value) VALUES (?, ?)",
                          {std::string("x"), int64_t{7}}));
  auto row = (*db)->QueryOne("SELECT value FROM counters WHERE name = ?", {std::string("x")});
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*row)->Int(0), 7);
}

TEST(Sqlite, TransactionRollsBackWhenNotCommitted) {
  auto db = OpenSqlite({":memory:"});
  ASSERT_TRUE(db);
  ASSERT_TRUE(Migrate(**db));
  {
    Transaction tx(**db);
    ASSERT_TRUE(tx.begin_status());
    ASSERT_TRUE((*db)->Exec("INSERT INTO counters(name, value) VALUES ('a', 1)"));
  }
  auto rows = (*db)->Query("SELECT * FROM counters");
  ASSERT_TRUE(rows);
  EXPECT_TRUE(rows->empty());
}

TEST(Sqlite, ConstraintIsConflict) {
  auto db = OpenSqlite({":memory:"});
  ASSERT_TRUE(db);
  ASSERT_TRUE(Migrate(**db));
  ASSERT_TRUE((*db)->Exec("INSERT INTO counters(name, value) VALUES ('a', 1)"));
  auto s = (*db)->Exec("INSERT INTO counters(name, value) VALUES ('a', 2)");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
}

TEST(Sqlite, BlobsKeepBytes) {
  auto db = OpenSqlite({":memory:"});
  ASSERT_TRUE(db);
  std::string bytes("a\0b\xff", 4);
  ASSERT_TRUE((*db)->Exec("CREATE TABLE b(x BLOB)"));
  ASSERT_TRUE((*db)->Exec("INSERT INTO b VALUES (?)", {Blob{bytes}}));
  auto row = (*db)->QueryOne("SELECT x FROM b");
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*row)->Text(0), bytes);
}

TEST(Sqlite, UnwritablePathIsClearError) {
  auto db = OpenSqlite({"/nonexistent-dir/x/svar.db"});
  ASSERT_FALSE(db);
  EXPECT_NE(db.error().message.find("/nonexistent-dir/x/svar.db"), std::string::npos);
}

}  // namespace
}  // namespace svar::storage

namespace svar::storage {
namespace {

TEST(Sqlite, NestedTransactionFailsAloneInsideBatch) {
  auto db = OpenSqlite({":memory:"});
  ASSERT_TRUE(db);
  ASSERT_TRUE(Migrate(**db));
  {
    Transaction outer(**db);
    ASSERT_TRUE(outer.begin_status());
    {
      Transaction a(**db);
      ASSERT_TRUE((*db)->Exec("INSERT INTO counters(name, value) VALUES ('a', 1)"));
      ASSERT_TRUE(a.Commit());
    }
    {
      Transaction b(**db);  // rolled back: not committed
      ASSERT_TRUE((*db)->Exec("INSERT INTO counters(name, value) VALUES ('b', 1)"));
    }
    ASSERT_TRUE(outer.Commit());
  }
  auto rows = (*db)->Query("SELECT name FROM counters ORDER BY name");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Text(0), "a");
}

TEST(Sqlite, OuterRollbackUndoesCommittedInner) {
  auto db = OpenSqlite({":memory:"});
  ASSERT_TRUE(db);
  ASSERT_TRUE(Migrate(**db));
  {
    Transaction outer(**db);
    Transaction inner(**db);
    ASSERT_TRUE((*db)->Exec("INSERT INTO counters(name, value) VALUES ('a', 1)"));
    ASSERT_TRUE(inner.Commit());
  }
  auto rows = (*db)->Query("SELECT name FROM counters");
  ASSERT_TRUE(rows);
  EXPECT_TRUE(rows->empty());
}

}  // namespace
}  // namespace svar::storage
