"""How a writer stores what it checkpoints: no FSST or RLE segments, which DuckDB decodes from
their start to fetch one row by key (the pages' reads)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsgraph.store import open_store
from newsgraph.store.connection import SLOW_TO_FETCH

ROWS = [(f"art_{i:06d}", f"The council said on day {i} that the {('bridge', 'school', 'road')[i % 3]} would "
         f"reopen after repairs costing {i * 13} pounds", 10**9 + i // 5000) for i in range(30_000)]


def _compressions(path: Path) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as conn:
        return {r[0] for r in conn.execute("SELECT DISTINCT compression FROM pragma_storage_info('t')").fetchall()}


def _fill(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("CREATE TABLE t (id VARCHAR, sentence VARCHAR, batch BIGINT)")
    conn.execute("INSERT INTO t SELECT * FROM (SELECT unnest(?) AS id, unnest(?) AS sentence, unnest(?) AS batch)",
                 [[r[0] for r in ROWS], [r[1] for r in ROWS], [r[2] for r in ROWS]])
    conn.execute("CHECKPOINT")


def test_a_writer_stores_no_segment_that_is_slow_to_fetch_by_key(tmp_path: Path) -> None:
    plain = tmp_path / "plain.duckdb"  # the same rows through DuckDB's defaults: they are compressed so
    with duckdb.connect(str(plain)) as conn:
        _fill(conn)
    slow = {m.upper() for m in SLOW_TO_FETCH.split(",")}
    assert slow <= {c.upper() for c in _compressions(plain)}, "the control lost its point: DuckDB chose neither"
    ours = tmp_path / "kb.duckdb"
    with open_store(ours) as store:
        _fill(store.conn)
    stored = {c.upper() for c in _compressions(ours)}
    assert not stored & slow, stored
    with open_store(ours, read_only=True) as store:  # the rows themselves are unchanged
        assert store.rows("SELECT * FROM t ORDER BY id") == sorted(ROWS)
