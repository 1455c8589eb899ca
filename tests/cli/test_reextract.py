"""`newsgraph reextract [--stale]`: a base made by the previous schema, whose facts an older extractor
version made in part, is upgraded on open and re-extracted where stale only; a fact that did not
change keeps its id; entity edits survive a full re-extraction. Real spaCy, real DuckDB files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

import newsgraph
from newsgraph.nlp import extractor_versions
from newsgraph.store.schema import MIGRATIONS

DATA = Path(__file__).resolve().parents[1] / "data" / "curate"


def downgrade_newest_migration(db: Path) -> None:
    """Make ``db`` what the previous schema made: undo the newest migration, whose statements are
    additive (CREATE TABLE, ALTER TABLE ... ADD COLUMN, CREATE INDEX, INSERT INTO a table it
    creates, which leaves with the table, and UPDATE of a column it adds, which leaves with the
    column) as the house rules require."""
    con = duckdb.connect(str(db))
    for statement in reversed(MIGRATIONS[-1]):
        text = " ".join(statement.split())
        if m := re.match(r"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", text):
            con.execute(f"DROP TABLE {m[1]}")
        elif m := re.match(r"ALTER TABLE (\w+) ADD COLUMN (\"?\w+\"?)", text):
            drop_column(con, m[1], m[2])
        elif m := re.match(r"CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?(\w+)", text):
            con.execute(f"DROP INDEX {m[1]}")
        elif (m := re.match(r"INSERT INTO (\w+)", text)) and any(
                re.match(rf"CREATE TABLE (?:IF NOT EXISTS )?{m[1]}\b", " ".join(s.split())) for s in MIGRATIONS[-1]):
            continue  # seeds a table this migration creates: it goes with the table
        elif (m := re.match(r"UPDATE (\w+) SET (\w+) =", text)) and any(
                re.match(rf"ALTER TABLE {m[1]} ADD COLUMN {m[2]}\b", " ".join(s.split())) for s in MIGRATIONS[-1]):
            continue  # fills a column this migration adds: it goes with the column
        else:
            raise AssertionError(f"not an additive migration statement: {text}")
    con.execute("DELETE FROM schema_version WHERE version = ?", [len(MIGRATIONS)])
    con.close()


def drop_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> None:
    """ALTER TABLE ... DROP COLUMN, which DuckDB refuses on a table with an index: its indexes are
    dropped and made again around it."""
    indexes = con.execute("SELECT index_name, sql FROM duckdb_indexes() WHERE table_name = ?", [table]).fetchall()
    for name, _ in indexes:
        con.execute(f"DROP INDEX {name}")
    con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    for _, sql in indexes:
        con.execute(sql)


def facts_of(db: Path) -> dict[str, set]:
    records = newsgraph.open(db, read_only=True, keep_open=False).records()
    return {key: {json.dumps(r, sort_keys=True, default=str) for r in records[key]}
            for key in ("entities", "mentions", "quotes", "figures", "times", "events")}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reextract") / "made.duckdb"
    newsgraph.open(db).ingest(DATA / "first.jsonl", embed=False)
    return db


def test_reextract_stale_upgrades_an_old_base_and_reruns_only_older_versions(newsgraph, verified, ingested: Path,
                                                                              tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    db.write_bytes(ingested.read_bytes())
    original = facts_of(ingested)
    times = next(v for v in extractor_versions() if v.startswith("newsgraph.times."))
    downgrade_newest_migration(db)
    con = duckdb.connect(str(db))
    first_two = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY seq LIMIT 2").fetchall()]
    assert con.execute("SELECT count(*) FROM times WHERE article_id IN (?, ?)", first_two).fetchone()[0] > 0
    # an older times extractor made these two articles' facts, and found no time in them
    con.execute("UPDATE extracted SET extractors = replace(extractors, ?, 'newsgraph.times.v0') WHERE article_id IN (?, ?)",
                [times, *first_two])
    con.execute("DELETE FROM times WHERE article_id IN (?, ?)", first_two)
    old_version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    con.close()
    assert old_version == len(MIGRATIONS) - 1

    proc = newsgraph("reextract", "--stale", "--db", db, "--json")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    summary = json.loads(proc.stdout)
    assert (summary["considered"], summary["stale"], summary["reextracted"], summary["failed"]) == (3, 2, 2, 0)
    assert list(summary["by_version"]) == [", ".join(sorted(v if v != times else "newsgraph.times.v0"
                                                           for v in extractor_versions()))]
    assert summary["new_ids"] > 0 and summary["gone_ids"] == 0 and summary["kept_ids"] > 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
    con.close()
    assert facts_of(db) == original  # every fact as a fresh extraction makes it, under the same ids
    verified(db)
    again = json.loads(newsgraph("reextract", "--stale", "--db", db, "--json").stdout)
    assert (again["stale"], again["reextracted"]) == (0, 0)
    named = newsgraph("reextract", "--stale", first_two[0], "--db", db)
    assert named.returncode == 1 and named.stderr.startswith("error NG475: none of the 1 articles named is stale")
    unknown = newsgraph("reextract", "art_0000000000000000", "--db", db)
    assert unknown.returncode == 1 and unknown.stderr.startswith("error NG401: no stored (kept) article with id 'art_0000000000000000'")


def test_reextract_keeps_entity_edits(ingested: Path, tmp_path: Path) -> None:
    from newsgraph.reextract import reextract

    db = tmp_path / "edited.duckdb"
    db.write_bytes(ingested.read_bytes())
    kb = newsgraph.open(db)
    kennedy = kb.merge("Charles", "Charles Kennedy").entity
    kb.retype("Downing Street", "ORG")
    edited = facts_of(db)
    summary = reextract(db)
    assert (summary.reextracted, summary.new_ids, summary.gone_ids) == (3, 0, 0)
    assert facts_of(db) == edited
    assert len(kb.entity(kennedy.id).entity.article_ids) == 3 and str(kb.entity("Downing Street").entity.type) == "ORG"
