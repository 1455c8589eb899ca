"""Decoding per the evidence: UTF-8 with a few bad bytes replaced, cp1252 for lone high bytes, charset
detection only for the rest; a few NUL or control bytes stripped and logged, never a whole file refused.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newsgraph.model import Article, Skip
from newsgraph.readers import ReadOptions, read

MOJIBAKE = ("\uff63", "Ã", "Â", "\ufffd")
ARTICLE = ("André Müller, the club's chairman, said the £15m deal was agreed on Friday. "
           "Fans in Zürich welcomed the news.\n")


def read_all(*paths: Path | str, **options: object) -> list[Article | Skip]:
    return list(read([str(p) for p in paths], options=ReadOptions(**options)))  # type: ignore[arg-type]


def articles(items: list[Article | Skip]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def skips(items: list[Article | Skip]) -> list[Skip]:
    return [i for i in items if isinstance(i, Skip)]


def test_read_utf8_with_one_stray_byte_keeps_every_accent(tmp_path: Path) -> None:
    data = ARTICLE.encode() + b"The stadium \xff was full.\n"
    path = tmp_path / "stray.txt"
    path.write_bytes(data)
    items = read_all(path)
    (article,) = articles(items)
    assert article.text.startswith("André Müller, the club's chairman, said the £15m deal")
    assert "Zürich" in article.text and "The stadium \ufffd was full." in article.text
    (note,) = skips(items)
    assert note.code == "NG117" and note.level == "warning"
    first = data.index(b"\xff")
    assert f"1 byte(s) that are not utf-8 replaced by U+FFFD, the first at byte {first}" in note.reason


def test_read_stray_byte_does_not_reject_a_dump(tmp_path: Path) -> None:
    blocks = [f"Story {n} headline here\n\nThe council met on day {n} and approved the plan for the "
              f"harbour, André Müller said. It costs £{n}m.\n" for n in range(1, 6)]
    data = "\n----\n".join(blocks).encode().replace(b"day 3", b"day \xfe3")
    path = tmp_path / "dump.txt"
    path.write_bytes(data)
    items = read_all(path)
    texts = [a.text for a in articles(items)]
    assert len(texts) == 5 and all("André Müller" in t and "£" in t for t in texts)
    assert [s.code for s in skips(items)] == ["NG117"]


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_read_legacy_pound_is_a_pound(tmp_path: Path, codec: str) -> None:
    text = ("Chelsea have decided to write off a possible transfer fee for the striker, a £15.8m signing "
            "from Parma last season, the club said on Friday.\n") + "The statement added nothing more.\n" * 30
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(codec))
    (article,) = articles(read_all(path))
    assert "a £15.8m signing" in article.text
    assert not any(bad in article.text for bad in MOJIBAKE)


def test_read_latin1_line_in_an_ascii_dump(tmp_path: Path) -> None:
    head = "".join(f"Plain ascii article number {n} says the council met today.\n\n" for n in range(2000))
    path = tmp_path / "late.txt"
    path.write_bytes(head.encode() + "The café raised £2m for the harbour, the mayor said.\n".encode("cp1252"))
    items = read_all(path)
    assert articles(items)[-1].text.endswith("\nThe café raised £2m for the harbour, the mayor said.")
    assert [(s.code, s.level) for s in skips(items)] == [("NG117", "info")]


def test_read_jsonl_with_a_bad_byte_keeps_every_line(tmp_path: Path) -> None:
    lines = [json.dumps({"title": f"T{n}", "text": f"Record {n}: André paid £{n}m."}, ensure_ascii=False)
             for n in range(3)]
    data = "\n".join(lines).encode().replace(b"Record 1", b"Record \x811")
    path = tmp_path / "bad.jsonl"
    path.write_bytes(data)
    items = read_all(path)
    assert [a.title for a in articles(items)] == ["T0", "T1", "T2"]
    assert [s.code for s in skips(items)] == ["NG117"]


def test_read_json_array_with_a_bad_byte_keeps_every_record(tmp_path: Path) -> None:
    records = [{"title": f"T{n}", "text": f"Record {n}: André paid £{n}m."} for n in range(3)]
    data = json.dumps(records, ensure_ascii=False).encode().replace(b"Record 2", b"Record \xff2")
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    items = read_all(path)
    assert [a.title for a in articles(items)] == ["T0", "T1", "T2"]
    assert [s.code for s in skips(items)] == ["NG117"]


def test_read_a_few_nul_bytes_are_stripped_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "nuls.txt"
    path.write_bytes(ARTICLE.encode().replace(b"chairman", b"chair\x00\x00man").replace(b"deal", b"de\x00al\x00"))
    items = read_all(path)
    (article,) = articles(items)
    assert article.text == ARTICLE.strip()
    (note,) = skips(items)
    assert (note.code, note.level) == ("NG118", "info") and "4 control character(s) removed" in note.reason


def test_read_nul_bytes_in_a_jsonl_line_keep_the_record(tmp_path: Path) -> None:
    path = tmp_path / "nuls.jsonl"
    path.write_bytes(b'{"title": "Fine", "text": "The ferry\x00 resumed on Tuesday."}\n')
    items = read_all(path)
    assert [a.text for a in articles(items)] == ["The ferry resumed on Tuesday."]
    assert [s.code for s in skips(items)] == ["NG118"]


def _elf(size: int) -> bytes:
    return b"\x7fELF" + bytes(size)


def _nul_heavy(size: int) -> bytes:
    noise = random.Random(3)
    return bytes(noise.choice(b"\x00\x00\x01abc") for _ in range(size))


def _random(size: int) -> bytes:
    noise = random.Random(5)
    return bytes(noise.randrange(256) for _ in range(size))


@pytest.mark.parametrize("make", [_elf, _nul_heavy, _random])
def test_read_real_binary_is_still_ng104(tmp_path: Path, make) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(make(6000))
    assert [s.code for s in skips(read_all(path))] == ["NG104"]


def test_read_bbc_pounds_are_pounds(shared_data: Path) -> None:
    corpus = shared_data / "bbc-news"
    if not corpus.is_dir():
        pytest.skip(f"BBC News corpus not found at {corpus}")
    files = sorted(p for p in corpus.rglob("*.txt") if b"\xa3" in p.read_bytes())
    assert len(files) > 600
    for path in files:
        raw = path.read_bytes()
        items = read_all(path)
        stored = "".join((a.title or "") + (a.kicker or "") + (a.deck or "") + a.text
                         + "".join(b.text for b in a.boilerplate) for a in articles(items))
        assert stored.count("£") == raw.count(b"\xa3"), path
        assert not any(bad in stored for bad in MOJIBAKE), path
