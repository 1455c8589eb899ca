"""Opening a store: creation, migration, refusal of newer and non-DuckDB files."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import StoreError
from newsgraph.store import SCHEMA_VERSION, counts, open_store


def test_open_store_creates_every_table_at_current_version(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    with open_store(db) as store:
        assert store.scalar("SELECT max(version) FROM schema_version") == SCHEMA_VERSION
        assert set(counts(store).values()) == {0}
        tables = {r[0] for r in store.rows("SELECT table_name FROM information_schema.tables")}
    assert {"articles", "boilerplate", "ingest_log", "duplicates", "signatures", "mentions", "entities",
            "entity_aliases", "roles", "quotes", "quote_content", "figures", "times", "events",
            "event_arguments", "main_events", "stories", "story_articles", "runs"} <= tables


def test_open_store_twice_keeps_one_version_row(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    with open_store(db) as store:
        first = store.rows("SELECT version FROM schema_version ORDER BY version")
    with open_store(db) as store:  # one row a migration applied, none added by opening again
        assert store.rows("SELECT version FROM schema_version ORDER BY version") == first
    assert first == [(v,) for v in range(1, SCHEMA_VERSION + 1)]


def test_open_store_refuses_a_newer_schema_with_ng302(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    open_store(db).close()
    conn = duckdb.connect(str(db))
    conn.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION + 1])
    conn.close()
    for read_only in (False, True):
        with pytest.raises(StoreError) as info:
            open_store(db, read_only=read_only)
        assert info.value.code == "NG302"
        assert f"schema version {SCHEMA_VERSION + 1}" in info.value.message


def test_open_store_refuses_a_file_that_is_not_duckdb_with_ng301(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("this is a text file, not a database\n" * 100)
    with pytest.raises(StoreError) as info:
        open_store(db)
    assert info.value.code == "NG301"
    assert info.value.render().startswith(f"error NG301: cannot open {db}")


def test_open_store_read_only_refuses_a_missing_file_with_ng301(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        open_store(tmp_path / "absent.duckdb", read_only=True)
    assert info.value.code == "NG301"
    assert not (tmp_path / "absent.duckdb").exists()
