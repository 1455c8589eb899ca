"""The shared read-only reader of a server: cursors on one instance, let go when a writer waits."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import SharedReader, open_store
from newsgraph.store.connection import want_write_marker

SRC = Path(__file__).resolve().parents[2] / "src"

WRITE = """
import sys, time
sys.path.insert(0, {src!r})
from newsgraph.store import open_store
t0 = time.monotonic()
with open_store({db!r}, lock_timeout=20) as store:
    store.conn.execute("INSERT INTO entities (id, name, type) VALUES ('ent_written', 'Written', 'PERSON')")
print(round(time.monotonic() - t0, 3))
"""


@pytest.fixture()
def kb(tmp_path: Path) -> Path:
    db = tmp_path / "kb.duckdb"
    with open_store(db) as store:
        store.conn.execute("INSERT INTO entities (id, name, type) VALUES ('ent_a', 'A', 'PERSON')")
    return db


def test_cursors_share_one_instance_and_the_schema_has_the_page_indexes(kb: Path) -> None:
    reader = SharedReader(kb, linger=60)
    with reader.borrow(5) as one, reader.borrow(5) as two:
        assert one.conn is not two.conn
        assert one.scalar("SELECT count(*) FROM entities") == two.scalar("SELECT count(*) FROM entities") == 1
        names = {r[0] for r in one.rows("SELECT index_name FROM duckdb_indexes()")}
    assert {"idx_mentions_article_id", "idx_event_arguments_entity_id", "idx_quote_content_quote_id"} <= names
    assert reader.opens == 1
    reader.close()


def test_a_writer_in_another_process_gets_the_file_while_requests_keep_coming(kb: Path) -> None:
    reader = SharedReader(kb, linger=60)
    stop = threading.Event()
    answered: list[int] = []
    failures: list[str] = []

    def requests() -> None:  # a busy server: a read every few milliseconds, never idle for the linger
        while not stop.is_set():
            try:
                with reader.borrow(10) as store:
                    answered.append(int(store.scalar("SELECT count(*) FROM entities")))
            except StoreError as exc:
                failures.append(exc.code)
            time.sleep(0.005)

    thread = threading.Thread(target=requests)
    thread.start()
    try:
        time.sleep(0.3)
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        proc = subprocess.run([sys.executable, "-c", WRITE.format(src=str(SRC), db=str(kb))], env=env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        waited = float(proc.stdout.strip())
        time.sleep(0.3)
    finally:
        stop.set()
        thread.join()
    assert waited < 10, f"the writer waited {waited} s"  # not the lock timeout (20 s): the reader let go
    assert not failures and answered[0] == 1 and answered[-1] == 2  # reads went on, and see the write
    assert reader.opens >= 2 and not Path(want_write_marker(str(kb))).exists()
    reader.close()


def test_memo_is_kept_until_the_file_changes(kb: Path) -> None:
    reader = SharedReader(kb, linger=0.05)
    calls: list[int] = []

    def count() -> int:
        with reader.borrow(5) as store:
            return reader.memo(("n",), lambda: calls.append(1) or int(store.scalar("SELECT count(*) FROM entities")))

    assert count() == 1 and count() == 1 and len(calls) == 1
    time.sleep(0.3)  # idle past the linger: the reader let the file go
    with open_store(kb) as store:
        store.conn.execute("INSERT INTO entities (id, name, type) VALUES ('ent_b', 'B', 'ORG')")
    assert count() == 2 and len(calls) == 2
    reader.close()


def test_keyed_rows_are_read_once_until_the_file_changes_and_stay_bounded(kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.store import entity_heads, reader as reader_module

    reader = SharedReader(kb, linger=0.05)
    asked: list[list[str]] = []

    def heads(ids: list[str]) -> dict[str, dict[str, object]]:
        with reader.borrow(5) as store:
            return reader.keyed("head", ids, lambda missing: asked.append(missing) or entity_heads(store, missing))

    assert heads(["ent_a", "ent_none"]) == {"ent_a": {"id": "ent_a", "name": "A", "type": "PERSON"}}
    assert heads(["ent_a"])["ent_a"]["name"] == "A"
    assert asked == [["ent_a", "ent_none"]]  # the known one from memory; an unknown one is not kept
    heads(["ent_none"])
    assert asked[-1] == ["ent_none"]
    time.sleep(0.3)  # idle past the linger: the reader let the file go
    with open_store(kb) as store:
        store.conn.execute("UPDATE entities SET name = 'A renamed' WHERE id = 'ent_a'")
    assert heads(["ent_a"])["ent_a"]["name"] == "A renamed" and asked[-1] == ["ent_a"]
    monkeypatch.setattr(reader_module, "KEYED_SIZE", 1)
    with open_store(kb) as store:
        store.conn.execute("INSERT INTO entities (id, name, type) VALUES ('ent_b', 'B', 'ORG')")
    time.sleep(0.3)
    heads(["ent_a", "ent_b"])
    assert len(reader._keyed) == 1  # the least recently used was let go
    reader.close()
