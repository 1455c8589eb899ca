"""Fuzz: a seeded random mutator over the team's example files of every format (examples/, tests/data/).

Every mutated input must read without an exception (each problem a coded Skip), the good inputs
beside mutated ones must all still be stored, and `verify` must pass on the result. CI runs a
bounded number of cases; NEWSGRAPH_FUZZ_CASES=5000 runs more (the store check grows with it).
A failing case prints its number: rerun it alone with NEWSGRAPH_FUZZ_FIRST=N NEWSGRAPH_FUZZ_CASES=1.
"""

from __future__ import annotations

import gzip
import os
import random
import unicodedata
from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.model import Article, Skip
from newsgraph.query import find_articles
from newsgraph.readers import ReadOptions, read

REPO = Path(__file__).resolve().parents[2]
CASES = int(os.environ.get("NEWSGRAPH_FUZZ_CASES", "60"))
FIRST = int(os.environ.get("NEWSGRAPH_FUZZ_FIRST", "0"))
STORE_CASES = max(4, min(CASES // 4, 400))
CONTROL_CHARS = {chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0))} | {
    "\x0b", "\x0c", "\r", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}
HOSTILE = [b"\x00", b"\xff", b"\xfe\xff", b"\xc3", b"\xa3", b"\x1b[31m", b"\x1b]0;t\x07", "\u202e".encode(),
           b"\r", b"\x0c", b"\n\n", b"----\n", b'"', b"{", b"}", b"[", b"<", b">", b"&lol;", b"<![CDATA[",
           b"<!DOCTYPE x [<!ENTITY a 'aa'>]>", b"WARC/1.0\r\n", b"\x1f\x8b", b"\\u0000", b"\\ud800"]


def seeds() -> list[Path]:
    folders = [REPO / "examples", *(REPO / "tests" / "data" / d for d in ("dumps", "feeds", "html", "jsonl"))]
    return sorted(p for folder in folders for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _mutate_bytes(data: bytearray, rng: random.Random) -> bytearray:
    kind = rng.randrange(9)
    at = rng.randrange(len(data) + 1)
    if kind == 0:  # flip bytes
        for _ in range(rng.randint(1, 8)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:  # insert hostile tokens
        for _ in range(rng.randint(1, 6)):
            where = rng.randrange(len(data) + 1)
            data[where:where] = rng.choice(HOSTILE)
    elif kind == 2:  # delete a slice
        del data[at:at + rng.randint(1, 400)]
    elif kind == 3:  # duplicate a slice
        piece = data[at:at + rng.randint(1, 2000)]
        data[at:at] = piece * rng.randint(1, 5)
    elif kind == 4:  # truncate
        del data[at:]
    elif kind == 5:  # deep structure
        opener, closer = rng.choice([(b"[", b"]"), (b'{"a":', b"}"), (b"<div>", b"</div>"), (b"<b><i>", b"</i></b>")])
        depth = rng.choice([100, 5000, 60000])
        data[at:at] = opener * depth + (closer * depth if rng.random() < 0.5 else b"")
    elif kind == 6:  # a very long line or attribute list
        data[at:at] = rng.choice([b"x" * 300_000, b" ".join(b'a%d="v"' % i for i in range(20000))])
    elif kind == 7:  # splice in part of another format
        other = rng.choice(seeds()).read_bytes()
        start = rng.randrange(len(other) + 1)
        data[at:at] = other[start:start + rng.randint(1, 3000)]
    else:  # re-encode a stretch as a legacy code page
        text = bytes(data).decode("utf-8", errors="ignore")
        data = bytearray(text.encode(rng.choice(["cp1252", "latin-1", "utf-16"]), errors="replace"))
    return data


def mutate(path: Path, case: int) -> tuple[str, bytes]:
    """A mutated copy of ``path`` (name, bytes), the same for the same case number."""
    rng = random.Random(case)
    raw = path.read_bytes()
    inner = raw[:2] == b"\x1f\x8b" and rng.random() < 0.7
    data = bytearray(gzip.decompress(raw) if inner else raw)
    for _ in range(rng.randint(1, 3)):
        data = _mutate_bytes(data, rng)
    out = gzip.compress(bytes(data)) if inner else bytes(data)
    return f"z{case:05d}_{path.name}", out


def _check(item: Article | Skip) -> None:
    if isinstance(item, Skip):
        assert item.code.startswith("NG1"), item
        return
    assert item.text and item.text == unicodedata.normalize("NFC", item.text)
    assert not CONTROL_CHARS & set(item.text), repr(item.text[:200])
    for b in item.boilerplate:
        assert 0 <= b.offset <= len(item.text)


def test_fuzz_readers_never_raise(tmp_path: Path) -> None:
    files = seeds()
    assert {p.suffix for p in files} >= {".txt", ".jsonl", ".json", ".html", ".rss", ".atom", ".xml", ".gz"}
    for case in range(FIRST, FIRST + CASES):
        name, data = mutate(files[case % len(files)], case)
        path = tmp_path / name
        path.write_bytes(data)
        try:
            for item in read([str(path)], options=ReadOptions()):
                _check(item)
        except Exception as error:  # noqa: BLE001 - report which case broke
            pytest.fail(f"fuzz case {case} ({name}): {error!r}")
        path.unlink()


def test_fuzz_good_inputs_beside_bad_ones_are_stored(tmp_path: Path, verified) -> None:
    files = seeds()
    good, mixed = tmp_path / "good", tmp_path / "mixed"
    good.mkdir()
    mixed.mkdir()
    for path in files:
        (good / f"a_{path.name}").write_bytes(path.read_bytes())
        (mixed / f"a_{path.name}").write_bytes(path.read_bytes())
    for case in range(FIRST, FIRST + STORE_CASES):
        name, data = mutate(files[case % len(files)], case)
        (mixed / name).write_bytes(data)
    pipeline.ingest([str(good)], db=str(tmp_path / "good.duckdb"), extract=False)
    summary = pipeline.ingest([str(mixed)], db=str(tmp_path / "mixed.duckdb"), extract=False)
    assert summary.read >= 1

    def stored(db: Path, folder: Path) -> set[tuple[str, str]]:
        return {(Path(a.source.path).name, a.text) for a in find_articles(str(db), duplicates=True)
                if Path(a.source.path).name.startswith("a_")}

    baseline = stored(tmp_path / "good.duckdb", good)
    assert baseline and stored(tmp_path / "mixed.duckdb", mixed) >= baseline
    verified(tmp_path / "mixed.duckdb")
