"""DuckDB's one-writer rule made explicit: readers and a second writer wait for the lock, bounded.

Real processes: an ingest in a subprocess while the test queries the same file through the CLI,
and a lock held by this process while a CLI subprocess waits for it.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import os
import threading
import time
from pathlib import Path

from newsgraph.store import open_store

SRC = Path(__file__).resolve().parents[2] / "src"


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env

WORDS = [f"word{i}" for i in range(5000)]


def _jsonl(path: Path, count: int, seed: int = 0) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            text = " ".join(rng.choice(WORDS) for _ in range(60)) + "."
            out.write(json.dumps({"title": f"Article {i}", "text": text}) + "\n")
    return path


def _cli(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsgraph", *map(str, args)], capture_output=True, text=True,
                          env=env or cli_env(), timeout=120)


def _stored(db: Path) -> int:
    proc = _cli("articles", "--db", db, "--json", "--limit", "1000000")
    assert proc.returncode == 0, proc.stderr
    return len(json.loads(proc.stdout))


def test_queries_succeed_while_an_ingest_runs(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "many.jsonl", 3000)
    db = tmp_path / "kb.duckdb"
    ingest = subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(data), "--db", str(db), "--no-nlp",
                               "--batch-size", "4", "--json"], env=cli_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        seen: list[int] = []
        deadline = time.monotonic() + 90
        while (len(seen) < 3 or seen[-1] == 0) and time.monotonic() < deadline:
            seen.append(_stored(db))  # waits for the lock between two batches; never NG301
            assert ingest.poll() is None, "the ingest ended before the queries ran: make the input longer"
        log = _cli("log", "--db", db, "--json")
        assert log.returncode == 0, log.stderr
        assert ingest.poll() is None
        assert seen == sorted(seen) and seen[-1] > 0  # the queries saw the ingest's progress
    finally:
        ingest.terminate()
        ingest.wait(timeout=60)


def test_a_second_writer_fails_with_ng307_when_the_lock_is_held_past_lock_timeout(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "few.jsonl", 3)
    db = tmp_path / "kb.duckdb"
    with open_store(db):  # this process holds the write lock
        started = time.monotonic()
        proc = _cli("ingest", data, "--db", db, "--no-nlp", env=cli_env(NEWSGRAPH_LOCK_TIMEOUT="1"))
        waited = time.monotonic() - started
        reader = _cli("articles", "--db", db, env=cli_env(NEWSGRAPH_LOCK_TIMEOUT="0.5"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"error NG307: {db} is held by process ")
    assert "(an ingest writing to it, or a reader) and stayed locked for 1 s — " in proc.stderr
    assert waited >= 1.0
    assert reader.returncode == 1 and reader.stderr.startswith("error NG307: ")


def test_a_second_writer_waits_for_the_lock_and_then_succeeds(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "few.jsonl", 3)
    db = tmp_path / "kb.duckdb"
    store = open_store(db)
    release = threading.Timer(2.0, store.close)  # this process holds the file for 2 s
    release.start()
    try:
        started = time.monotonic()
        proc = _cli("ingest", data, "--db", db, "--no-nlp", "--json", env=cli_env(NEWSGRAPH_LOCK_TIMEOUT="30"))
        waited = time.monotonic() - started
    finally:
        release.join()
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["stored"] == 3
    assert waited >= 1.5
    assert _stored(db) == 3
