"""The ingest's hold on the knowledge base: kept between batches, let go for whoever waits.

A release is a checkpoint (DuckDB writes its log into the file when the last connection closes),
so a run keeps the file between its steps; a query or another writer waiting for the file leaves a
marker beside it (``store.connection``) and the lease's watcher lets the file go for it. Real
processes: the waiting query and writer are CLI subprocesses.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.store import open_store
from newsgraph.store.connection import someone_waiting, want_read_marker

SRC = Path(__file__).resolve().parents[1] / "src"


def _cli(*args: object, timeout: str = "20") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env["NEWSGRAPH_LOCK_TIMEOUT"] = timeout
    return subprocess.run([sys.executable, "-m", "newsgraph", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture()
def kb(tmp_path: Path) -> Path:
    db = tmp_path / "kb.duckdb"
    open_store(db).close()
    return db


def test_a_watched_lease_keeps_the_file_between_steps(kb: Path) -> None:
    lease = pipeline._Lease(kb)
    with lease.watch():
        for _ in range(4):
            with lease.held() as store:
                store.conn.execute("SELECT 1")
            assert lease.store is not None
        first = lease.store
        time.sleep(3 * lease.WATCH_STEP)
        assert lease.store is first  # nobody waits: the watcher keeps it
    lease.release()
    assert lease.store is None


def test_a_lease_lets_the_file_go_after_holding_it_long_enough(kb: Path) -> None:
    """For a reader that cannot leave a marker (a read-only folder): no hold lasts past HOLD_SECONDS."""
    lease = pipeline._Lease(kb)
    lease.HOLD_SECONDS = 0.3
    with lease.watch():
        with lease.held() as store:
            store.conn.execute("SELECT 1")
        assert lease.store is not None
        time.sleep(lease.HOLD_SECONDS + 3 * lease.WATCH_STEP)
        assert lease.store is None  # the watcher let it go between steps
        with lease.held() as store:  # the next step opens it again
            store.conn.execute("SELECT 1")
        assert lease.store is not None
    lease.release()


@pytest.mark.parametrize("command", ["articles", "ingest"])
def test_a_query_or_a_writer_waiting_gets_the_file_from_a_watched_lease(kb: Path, tmp_path: Path, command: str) -> None:
    lease = pipeline._Lease(kb)
    lease.HOLD_SECONDS = 600.0  # only the waiting process's marker can make the lease let go
    data = tmp_path / "one.jsonl"
    data.write_text(json.dumps({"title": "Harbour", "text": "The ferry left the harbour at dawn."}) + "\n", encoding="utf-8")
    args = ("articles", "--db", kb, "--json") if command == "articles" else ("ingest", data, "--db", kb, "--no-nlp", "--json")
    with lease.watch():
        with lease.held() as store:
            store.conn.execute("SELECT 1")
        assert lease.store is not None  # the file is held while the subprocess starts
        proc = _cli(*args)
        assert proc.returncode == 0, proc.stderr
        assert lease.store is None  # let go for it, without a timeout
    assert not someone_waiting(str(kb)) and not Path(want_read_marker(str(kb))).exists()

