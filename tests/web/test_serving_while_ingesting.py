"""The server keeps answering while an ingest in another process writes the same file.

The ingest holds DuckDB's write lock only while it prepares and writes a batch; a request that
meets the lock waits for it (bounded by the query time limit), so reads succeed and see the
ingest's progress.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.web import create_app

SRC = Path(__file__).resolve().parents[2] / "src"
WORDS = [f"word{i}" for i in range(5000)]


def test_serving_reads_succeed_and_see_progress_while_an_ingest_runs(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = tmp_path / "few.jsonl"
    with data.open("w", encoding="utf-8") as out:
        for i in range(20):
            out.write(json.dumps({"title": f"Item {i}", "text": " ".join(rng.choice(WORDS) for _ in range(60)) + "."}) + "\n")
    data2 = tmp_path / "more.jsonl"
    with data2.open("w", encoding="utf-8") as out:
        for i in range(3000):
            out.write(json.dumps({"title": f"Another {i}", "text": " ".join(rng.choice(WORDS) for _ in range(60)) + "."}) + "\n")
    db = tmp_path / "kb.duckdb"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    first = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", str(data), "--db", str(db), "--no-nlp",
                            "--no-embed", "--batch-size", "8"], env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    ingest = subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(data2), "--db", str(db), "--no-nlp",
                               "--no-embed", "--batch-size", "4"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    client = TestClient(create_app(db), raise_server_exceptions=False)
    try:
        statuses, totals = [], []
        deadline = time.monotonic() + 120
        while ingest.poll() is None and time.monotonic() < deadline and len(statuses) < 40:
            answer = client.get("/api/articles", params={"size": 1})
            statuses.append(answer.status_code)
            if answer.status_code == 200:
                totals.append(client.get("/").status_code)
        assert statuses, "the ingest ended before the server was asked anything"
        assert set(statuses) == {200}, statuses
        assert set(totals) == {200}
    finally:
        ingest.terminate()
        ingest.wait(timeout=60)
