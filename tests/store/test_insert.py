"""The store's bulk insert: through Arrow (pyarrow installed) and through SQL text, the same rows."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsgraph.store import connection, open_store

pytest.importorskip("pyarrow", reason="pyarrow is not installed: only the SQL-text path exists")

COLUMNS = ("id", "n", "x", "flag", "seen", "blob", "note")
CREATE = ("CREATE TABLE t (id VARCHAR PRIMARY KEY, n BIGINT, x DOUBLE, flag BOOLEAN, seen TIMESTAMPTZ, blob BLOB, "
          "note VARCHAR)")


def rows(count: int) -> list[tuple]:
    when = datetime(2026, 3, 1, 12, 30, tzinfo=timezone.utc)
    return [(f"r{i:04d}", i * 7 - 2**62 if i % 5 == 0 else i, i / 3 if i % 2 else None, i % 3 == 0,
             when if i % 4 else None, bytes([i % 256]) * 3, None if i % 7 == 0 else f"é{i}\x1f")
            for i in range(count)]


@pytest.mark.parametrize("count", [3, 40, 600])
def test_insert_through_arrow_stores_the_same_rows_as_sql_text(tmp_path: Path, monkeypatch, count: int) -> None:
    stored = []
    for arrow in (True, False):
        if not arrow:
            monkeypatch.setattr(connection, "_arrow", False)
        with open_store(tmp_path / f"{arrow}.duckdb") as store:
            store.conn.execute(CREATE)
            with store.transaction() as conn:
                connection.insert(conn, "t", COLUMNS, rows(count))
                connection.insert(conn, "t", COLUMNS, rows(count)[:20], ignore=True)  # present already: ignored
            stored.append(store.rows("SELECT * FROM t ORDER BY id"))
        if arrow and count >= connection._ARROW_MIN:
            assert connection._arrow, "the Arrow path was not taken"
    assert stored[0] == stored[1] and len(stored[0]) == count
    assert stored[0][1][4] == datetime(2026, 3, 1, 12, 30, tzinfo=timezone.utc)


def test_insert_falls_back_to_sql_text_when_a_column_mixes_types(tmp_path: Path) -> None:
    mixed = [(f"r{i}", i if i % 2 else "text") for i in range(30)]
    with open_store(tmp_path / "kb.duckdb") as store:
        store.conn.execute("CREATE TABLE m (id VARCHAR, v VARCHAR)")
        assert connection._arrow_table(("id", "v"), mixed) is None
        connection.insert(store.conn, "m", ("id", "v"), mixed)
        assert store.scalar("SELECT count(*) FROM m") == 30
