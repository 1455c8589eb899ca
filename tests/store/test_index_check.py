"""`verify` compares every index's lookups with a scan of its table (store.checks.index_failures)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsgraph.store import index_failures, open_store
from newsgraph.store.checks import index_drift, indexed_columns
from newsgraph.store.schema import INDEX_STATEMENTS


def test_every_index_and_primary_key_of_a_real_base_is_checked_and_agrees(examples_kb: Path) -> None:
    with open_store(examples_kb, read_only=True) as store:
        checked = indexed_columns(store)
        assert not list(index_failures(store))
    names = {name for name, _, _ in checked}
    for statement in INDEX_STATEMENTS:  # "CREATE INDEX IF NOT EXISTS idx_t_c ON t (c)"
        assert statement.split()[5] in names
    assert ("articles primary key", "articles", "id") in checked
    assert ("story_articles", "story_id") in {(t, c) for _, t, c in checked}


def test_the_first_count_goes_through_the_index_and_the_second_scans(examples_kb: Path) -> None:
    """What makes the check mean something: if DuckDB stopped using the index for an equality with a
    parameter, both counts would come from scans and could never disagree."""
    with duckdb.connect(str(examples_kb), read_only=True) as con:
        story = con.execute("SELECT story_id FROM story_articles LIMIT 1").fetchone()[0]
        by_key = con.execute("EXPLAIN ANALYZE SELECT count(*) FROM story_articles WHERE story_id = ?", [story]).fetchall()
        by_scan = con.execute("EXPLAIN ANALYZE SELECT story_id, count(*) FROM story_articles WHERE story_id || '' IN "
                              "(SELECT unnest(?)) GROUP BY 1", [[story]]).fetchall()
    assert "Index Scan" in by_key[0][1]
    assert "Index Scan" not in by_scan[0][1] and "Sequential Scan" in by_scan[0][1]


def test_keys_that_disagree_are_named_with_both_counts() -> None:
    assert index_drift({"s1": 10, "s2": 3}, {"s1": 10, "s2": 3}) == []
    assert index_drift({"s1": 7, "s2": 3}, {"s1": 10, "s2": 3, "s3": 2}) == [
        "'s1': 7 by the index, 10 by a scan", "'s3': 0 by the index, 2 by a scan"]


def test_an_index_that_lost_rows_is_reported_with_its_keys(tmp_path: Path) -> None:
    """A drift cannot be made on purpose with DuckDB's own writes, so the lookup is made to miss rows:
    the check must turn that into a failure naming the index and the keys."""
    db = tmp_path / "kb.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE story_articles (story_id VARCHAR, article_id VARCHAR)")
        con.execute("CREATE INDEX idx_story_articles_story_id ON story_articles (story_id)")
        con.execute("INSERT INTO story_articles SELECT 's' || (x % 3), 'a' || x FROM range(12) r(x)")

    class Missing:  # the store, but its lookups by key find one row fewer for story s1
        def __init__(self, store):
            self.store = store

        def rows(self, sql, params=()):
            return self.store.rows(sql, params)

        def scalar(self, sql, params=()):
            n = self.store.scalar(sql, params)
            return n - 1 if "story_id\" = ?" in sql and list(params) == ["s1"] else n

    con = duckdb.connect(str(db), read_only=True)
    try:
        failures = list(index_failures(Missing(_Rows(con))))
    finally:
        con.close()
    assert len(failures) == 1
    what, item = failures[0]
    assert "idx_story_articles_story_id" in what and "--reindex" in what
    assert item == "'s1': 3 by the index, 4 by a scan"


class _Rows:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def rows(self, sql, params=()):
        return self.con.execute(sql, list(params)).fetchall()

    def scalar(self, sql, params=()):
        return self.con.execute(sql, list(params)).fetchone()[0]
