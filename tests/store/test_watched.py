"""The watch state table: recorded and read back; a base from before it is upgraded in place."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import StoreError
from newsgraph.store import SCHEMA_VERSION, open_store, record_watched, watched_files
from newsgraph.store.schema import _V_KB, MIGRATIONS


def test_watched_files_round_trip_and_replace(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    with open_store(db) as store:
        record_watched(store, [("/in/a.txt", 10, 100), ("/in/b.txt", 20, 200)], "run_1")
        record_watched(store, [("/in/a.txt", 11, 101)], "run_2")
        assert watched_files(store, ["/in/a.txt", "/in/b.txt", "/in/c.txt"]) == {"/in/a.txt": (11, 101),
                                                                                "/in/b.txt": (20, 200)}


def test_a_base_without_the_watch_table_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    before = MIGRATIONS.index(_V_KB)  # the knowledge base as the schema was before `watch`
    conn = duckdb.connect(str(db))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, statements in enumerate(MIGRATIONS[:before], start=1):
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", [number])
    conn.close()
    with pytest.raises(StoreError) as refused:  # read-only cannot upgrade it: refused, with what to run
        open_store(db, read_only=True)
    assert refused.value.code == "NG450" and "newsgraph index --db" in refused.value.render()
    with open_store(db) as store:  # upgraded when opened for writing
        assert store.scalar("SELECT max(version) FROM schema_version") == SCHEMA_VERSION
        assert watched_files(store, ["/x"]) == {}
