"""Under load: read slots (requests wait in line, NG320 past the queue limit) and several workers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.errors import QueryError
from newsgraph.web import create_app
from newsgraph.web.gate import Gate

SRC = Path(__file__).resolve().parents[2] / "src"


def test_reads_wait_for_a_slot_and_are_answered_ng320_past_the_queue_limit() -> None:
    gate = Gate(slots=1, queue=0.2)
    with gate.read(1):
        started = time.monotonic()
        with pytest.raises(QueryError) as err, gate.read(1):
            pass
        assert err.value.code == "NG320" and time.monotonic() - started >= 0.2
    done: list[float] = []

    def wait_then_read() -> None:
        with gate.read(5):
            done.append(time.monotonic())

    with gate.read(1):  # a second read waits in line and runs once the first is done
        waiter = threading.Thread(target=wait_then_read)
        waiter.start()
        time.sleep(0.05)
        assert not done
    waiter.join(5)
    assert done


def test_a_request_in_line_past_the_queue_limit_is_503_ng320(seed_kb: Path) -> None:
    app = create_app(seed_kb, read_slots=1, queue_timeout=0.1)
    client = TestClient(app, raise_server_exceptions=False)
    assert client.get("/api/articles", params={"size": 1}).status_code == 200
    with app.state.serve.gate.read(1):  # the one slot taken (a long request)
        answer = client.get("/api/articles", params={"size": 1})
        page = client.get("/articles")
    assert answer.status_code == 503 and answer.json()["error"]["code"] == "NG320"
    assert page.status_code == 503 and "NG320" in page.text
    assert client.get("/api/articles", params={"size": 1}).status_code == 200


def test_serve_with_two_workers_answers_from_both(examples_kb: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(examples_kb), "--port", str(port),
                             "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/api/summary", timeout=10).read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        statuses: list[int] = []

        def ask() -> None:
            for path in ("/", "/api/articles?size=5", "/entities", "/api/summary"):
                with urllib.request.urlopen(base + path, timeout=60) as answer:
                    statuses.append(answer.status)

        threads = [threading.Thread(target=ask) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert statuses == [200] * 24
    finally:
        proc.terminate()
        out = proc.communicate(timeout=60)[1]
    assert "2 workers" in out and "Traceback" not in out


@pytest.mark.parametrize(("cores", "workers", "threads"), [(2, 2, 1), (2, 1, 2), (4, 2, 2), (8, 4, 2), (1, 1, 1), (2, 4, 1)])
def test_each_worker_reads_with_its_share_of_the_cores(monkeypatch, seed_kb: Path, cores: int, workers: int,
                                                       threads: int) -> None:
    """DuckDB threads a worker: the cores shared among the workers, at least one, at most two."""
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert create_app(seed_kb, workers=workers).state.serve.reader.threads == threads


def test_the_workers_of_serve_learn_how_many_they_are(monkeypatch, seed_kb: Path) -> None:
    from newsgraph.web import app_from_settings

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv("NEWSGRAPH_DB", str(seed_kb))
    monkeypatch.setenv("NEWSGRAPH_SERVE_WORKERS", "2")  # what `newsgraph serve --workers 2` sets for them
    assert app_from_settings().state.serve.reader.threads == 1
    monkeypatch.setenv("NEWSGRAPH_SERVE_WORKERS", "1")
    assert app_from_settings().state.serve.reader.threads == 2
