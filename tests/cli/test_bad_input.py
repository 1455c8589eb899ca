"""Bad input through the real CLI: a logged skip with its code, no traceback, the rest still ingested,
and nothing stored before ever lost."""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

GOOD = "The council approved the new budget on Tuesday after a long debate.\n"


def binary(p: Path) -> Path:
    p = p / "photo.dat"
    p.write_bytes(bytes(range(256)) * 40)
    return p


def undecodable(p: Path) -> Path:
    # no encoding reads this; a text with a few bad bytes is read instead (tests/readers/test_decoding.py)
    noise = random.Random(7)
    p = p / "noise.txt"
    p.write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(4000)))
    return p


def empty(p: Path) -> Path:
    p = p / "empty.txt"
    p.write_bytes(b"")
    return p


def malformed_jsonl(p: Path) -> Path:
    p = p / "records.jsonl"
    p.write_text(json.dumps({"title": "First", "text": "The first record is fine."}) + "\n"
                 + '{"title": "Broken", "text": \n'
                 + json.dumps({"title": "Third", "text": "The third record is fine too."}) + "\n")
    return p


def broken_html(p: Path) -> Path:
    p = p / "page.html"
    p.write_text("<html><head><title>x</title></head><body><div><script>var a = 1;</script>")
    return p


def truncated_gz(p: Path) -> Path:
    whole = gzip.compress(("A sentence inside a compressed file that is long enough. " * 400).encode())
    p = p / "cut.txt.gz"
    p.write_bytes(whole[: len(whole) // 2])
    return p


def missing(p: Path) -> Path:
    return p / "no-such-file.txt"


def unreadable_folder(p: Path) -> Path:
    folder = p / "nothing-here"
    folder.mkdir()
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 8)
    return folder


CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("binary", binary, "NG104"),
    ("undecodable", undecodable, "NG103"),
    ("empty", empty, "NG105"),
    ("malformed_jsonl", malformed_jsonl, "NG106"),
    ("broken_html", broken_html, "NG107"),
    ("truncated_gz", truncated_gz, "NG108"),
    ("missing", missing, "NG101"),
    ("unreadable_folder", unreadable_folder, "NG102"),
]


def article_count(newsgraph, db: Path) -> int:
    proc = newsgraph("articles", "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    return len(json.loads(proc.stdout))


@pytest.fixture(scope="module")
def stored_before(tmp_path_factory: pytest.TempPathFactory, newsgraph) -> Path:
    """A knowledge base holding one article from an earlier run (built once, copied by each case)."""
    folder = tmp_path_factory.mktemp("before")
    before = folder / "before.txt"
    before.write_text("An earlier article that was stored in a previous run of the tool.\n")
    assert newsgraph("ingest", before, "--db", folder / "kb.duckdb").returncode == 0
    return folder / "kb.duckdb"


@pytest.mark.parametrize(("name", "make", "code"), CASES, ids=[c[0] for c in CASES])
def test_ingest_logs_bad_input_and_keeps_everything_else(tmp_path: Path, newsgraph, verified, stored_before: Path, name: str,
                                                          make: Callable[[Path], Path], code: str) -> None:
    import shutil

    db = tmp_path / "kb.duckdb"
    shutil.copy(stored_before, db)  # stored by an earlier run: nothing of it may be lost
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    bad = make(tmp_path)

    proc = newsgraph("ingest", bad, good, "--db", db, "--json")
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["skipped"].get(code, 0) >= 1, summary
    assert summary["stored"] >= 1

    log = json.loads(newsgraph("log", "--db", db, "--code", code, "--json").stdout)
    assert log and all(e["code"] == code for e in log)
    assert any(str(bad) in e["source"] for e in log), log
    texts = [a["text"] for a in json.loads(newsgraph("articles", "--db", db, "--json").stdout)]
    assert GOOD.strip() in texts
    assert any("earlier article" in t for t in texts)
    if name == "malformed_jsonl":
        assert {"The first record is fine.", "The third record is fine too."} <= set(texts)
    verified(db)


@pytest.mark.parametrize(("name", "make", "code"), [c for c in CASES if c[0] != "malformed_jsonl"],
                         ids=[c[0] for c in CASES if c[0] != "malformed_jsonl"])
def test_ingest_of_only_bad_input_exits_1_with_its_code(tmp_path: Path, newsgraph, verified, name: str,
                                                        make: Callable[[Path], Path], code: str) -> None:
    db = tmp_path / "kb.duckdb"
    proc = newsgraph("ingest", make(tmp_path), "--db", db)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"error {code}: nothing ingested: ")
    assert " — " in proc.stderr
    log = json.loads(newsgraph("log", "--db", db, "--json").stdout)
    assert code in {e["code"] for e in log}
    verified(db)
