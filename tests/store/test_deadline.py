"""The query time limit: DuckDB's interrupt stops a long query, even one started after the limit passed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsgraph.errors import QueryError
from newsgraph.store import open_store, time_limit

LONG = "SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3"


@pytest.fixture()
def store(tmp_path: Path):
    open_store(tmp_path / "kb.duckdb").close()
    with open_store(tmp_path / "kb.duckdb", read_only=True) as s:
        yield s


def test_time_limit_stops_a_long_query(store) -> None:
    t0 = time.perf_counter()
    with pytest.raises(QueryError) as info, time_limit(store, 0.2):
        store.rows(LONG)
    assert info.value.code == "NG431" and "0.2 s" in info.value.message
    assert time.perf_counter() - t0 < 30
    assert store.scalar("SELECT 41 + 1") == 42  # the connection is usable afterwards


def test_time_limit_stops_a_query_started_after_the_limit(store) -> None:
    with pytest.raises(QueryError) as info, time_limit(store, 0.05):
        store.scalar("SELECT 1")
        time.sleep(0.3)  # the limit passes between two queries
        store.rows(LONG)
    assert info.value.code == "NG431"


def test_time_limit_leaves_quick_queries_alone(store) -> None:
    with time_limit(store, 5):
        assert store.scalar("SELECT 2") == 2
    time.sleep(0.05)
    assert store.scalar("SELECT 3") == 3
