"""`newsgraph index --reindex`: every secondary index dropped and re-created, the base read the same."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb

from newsgraph.query import export_records
from newsgraph.store.schema import INDEX_STATEMENTS

INDEXES = """SELECT index_name, sql FROM duckdb_indexes() WHERE schema_name = 'main' AND NOT is_unique
             AND NOT is_primary ORDER BY index_name"""


def _indexes(db: Path) -> list[tuple[str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(INDEXES).fetchall()


def test_reindex_recreates_every_index_and_restores_one_a_cut_off_rebuild_dropped(
        tmp_path: Path, examples_kb: Path, newsgraph, verified) -> None:
    db = tmp_path / "kb.duckdb"
    shutil.copy(examples_kb, db)
    before, exported = _indexes(db), export_records(db)
    assert len(before) >= len(INDEX_STATEMENTS) > 20
    with duckdb.connect(str(db)) as con:  # a rebuild killed between a DROP and its CREATE
        con.execute("DROP INDEX idx_story_articles_story_id")
    assert len(_indexes(db)) == len(before) - 1

    proc = newsgraph("index", "--db", db, "--reindex", "--no-embed", "--no-stories", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["reindexed"] == len(before) - 1
    assert _indexes(db) == before
    assert export_records(db) == exported
    with duckdb.connect(str(db), read_only=True) as con:  # reads by key find what a scan finds
        for (story,) in con.execute("SELECT DISTINCT story_id FROM story_articles").fetchall():
            assert (con.execute("SELECT count(*) FROM story_articles WHERE story_id = ?", [story]).fetchone()
                    == con.execute("SELECT count(*) FROM story_articles WHERE story_id || '' = ?", [story]).fetchone())
    verified(db)

    plain = newsgraph("index", "--db", db, "--no-embed", "--no-stories", "--json")
    assert json.loads(plain.stdout)["reindexed"] == 0  # only when asked
