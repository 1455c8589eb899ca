"""`newsgraph watch`: new and changed files are ingested as they appear; SIGTERM stops it cleanly."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import NewsgraphError
from newsgraph.watch import WatchBatch

DATA = Path(__file__).parent / "data"


def test_watch_ingests_new_and_changed_files_once(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "kb.duckdb"
    folder.mkdir()
    shutil.copy(DATA / "dumps" / "separators.txt", folder / "a.txt")
    (folder / ".hidden.txt").write_text("Not read: hidden files are left out.\n")
    kb = newsgraph.open(db)
    seen: list[WatchBatch] = []
    assert kb.watch(folder, interval=0.01, nlp=False, max_scans=3, on_batch=seen.append) == 1
    first = [b for b in seen if b.state == "done"]
    assert len(first) == 1 and first[0].files == (str((folder / "a.txt").resolve()),) and first[0].summary.stored > 0
    stored = len(kb.articles())
    # nothing new: no run; a new file and a changed one: one run with both
    assert kb.watch(folder, interval=0.01, nlp=False, max_scans=3) == 0
    shutil.copy(DATA / "dumps" / "headlines.txt", folder / "b.txt")
    with (folder / "a.txt").open("a", encoding="utf-8") as out:
        out.write("\n----\nA late report added to the file: the council met again on Friday and agreed the budget.\n")
    seen.clear()
    assert kb.watch(folder, interval=0.01, nlp=False, max_scans=3, on_batch=seen.append) == 1
    done = [b for b in seen if b.state == "done"][0]
    assert sorted(Path(p).name for p in done.files) == ["a.txt", "b.txt"]
    assert done.summary.unchanged > 0 and len(kb.articles()) > stored
    assert kb.verify().ok


def test_watch_refuses_a_missing_folder_and_a_read_only_base(tmp_path: Path, examples_kb: Path) -> None:
    with pytest.raises(NewsgraphError) as info:
        newsgraph.open(tmp_path / "kb.duckdb").watch(tmp_path / "nowhere", max_scans=1)
    assert info.value.code == "NG424"
    with pytest.raises(NewsgraphError) as info:
        newsgraph.open(examples_kb, read_only=True).watch(tmp_path, max_scans=1)
    assert info.value.code == "NG421"


def _inputs() -> list[Path]:
    return [DATA / "dumps" / name for name in ("separators.txt", "headlines.txt", "kickers.txt", "titled_blocks.txt")]


def test_watch_stops_on_sigterm_mid_run_and_a_rerun_completes(tmp_path: Path, newsgraph_env: dict, newsgraph,
                                                              verified) -> None:
    folder, db = tmp_path / "in", tmp_path / "kb.duckdb"
    folder.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "watch", str(folder), "--db", str(db), "--interval", "0.2",
         "--batch-size", "1", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=newsgraph_env)
    lines: list[dict] = []
    reader = threading.Thread(target=lambda: lines.extend(json.loads(line) for line in proc.stdout), daemon=True)
    reader.start()
    try:
        for path in _inputs():
            shutil.copy(path, folder / path.name)
        deadline = time.monotonic() + 240
        while not lines and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert lines, proc.stderr.read() if proc.poll() is not None else "no batch within 240 s"
        proc.send_signal(signal.SIGTERM)  # the first batch is committed; the run goes on with the next ones
        assert proc.wait(timeout=240) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    reader.join(timeout=10)
    err = proc.stderr.read()
    assert "Traceback" not in err and "stopped after 1 run(s)" in err
    assert lines[-1]["state"] == "stopped", lines
    stored = lines[-1]["stored"] + lines[-1]["duplicates"]
    verified(db)
    # a re-run completes the job: what the stopped run stored is unchanged, the rest is added
    again = newsgraph("ingest", folder, "--db", db, "--json", "--batch-size", "4")
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["unchanged"] == stored and summary["stored"] + summary["duplicates"] > 0
    verified(db)
    full = newsgraph("ingest", *_inputs(), "--db", tmp_path / "fresh.duckdb", "--json", "--no-nlp")
    assert summary["read"] == json.loads(full.stdout)["read"]
