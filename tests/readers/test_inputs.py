"""Inputs: folders, globs, stdin, gzip, the registry and format choice; every bad input a Skip."""

from __future__ import annotations

import gzip
import io
import os
import random
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.model import Article, SourceFormat, Skip
from newsgraph.readers import ReadOptions, read, readers, register

REPO = Path(__file__).resolve().parents[2]


def read_all(*paths: Path | str, **options: object) -> list[Article | Skip]:
    return list(read([str(p) for p in paths], options=ReadOptions(**options)))  # type: ignore[arg-type]


def codes(items: list[Article | Skip]) -> list[str]:
    return ["article" if isinstance(i, Article) else i.code for i in items]


def test_read_folder_is_recursive_and_sorted(test_data: Path, tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second file body sentence here.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First file body sentence here.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden file is not read.\n", encoding="utf-8")
    items = read_all(tmp_path)
    assert [i.source.path for i in items if isinstance(i, Article)] == [
        str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]


def test_read_glob_expands_sorted(test_data: Path) -> None:
    items = read_all(test_data / "dumps" / "[fh]*.txt")
    paths = sorted({i.source.path for i in items if isinstance(i, Article)})
    assert [Path(p).name for p in paths] == ["formfeed.txt", "headlines.txt"]


def test_read_stdin_dash(test_data: Path) -> None:
    data = (test_data / "dumps" / "headlines.txt").read_bytes()
    script = ("from newsgraph.readers import read\n"
              "for a in read(['-']): print(a.source.describe(), a.title)")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run([sys.executable, "-c", script], input=data, capture_output=True, env=env, check=True)
    assert done.stdout.decode().splitlines() == [
        "-:1-4 Harbour bridge reopens after repairs", "-:5-8 Museum returns looted statues",
        "-:9-12 Chess prodigy wins national title"]


def test_read_gzip_by_magic_bytes(test_data: Path, tmp_path: Path) -> None:
    raw = (test_data / "jsonl" / "mixed.jsonl").read_bytes()
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(raw))
    (tmp_path / "noname").write_bytes(gzip.compress(raw))
    assert codes(read_all(tmp_path / "feed.jsonl.gz")) == codes(read_all(test_data / "jsonl" / "mixed.jsonl"))
    assert codes(read_all(tmp_path / "noname")) == codes(read_all(test_data / "jsonl" / "mixed.jsonl"))


@pytest.mark.parametrize(("name", "expected"), [
    ("dumps/kickers.txt", SourceFormat.TEXT), ("jsonl/mixed.jsonl", SourceFormat.JSONL),
    ("html/lighthouse.html", SourceFormat.HTML), ("feeds/valley.atom", SourceFormat.FEED),
])
def test_read_auto_sniffs_content_not_only_names(test_data: Path, tmp_path: Path, name: str,
                                                 expected: SourceFormat) -> None:
    renamed = tmp_path / "input.dat"
    renamed.write_bytes((test_data / name).read_bytes())
    found = [i for i in read_all(renamed) if isinstance(i, Article)]
    assert found and {a.source.format for a in found} == {expected}


def test_read_explicit_format_overrides_sniffing(test_data: Path) -> None:
    items = read_all(test_data / "html" / "lighthouse.html", format="text")
    assert {i.source.format for i in items if isinstance(i, Article)} == {SourceFormat.TEXT}


def test_registry_takes_a_plugin_reader(tmp_path: Path) -> None:
    from newsgraph.model import SourcePointer, article_id

    @register("shout", extensions=("shout",))
    def read_shout(source, options):  # type: ignore[no-untyped-def]
        text = source.stream.read().decode().strip().upper()
        pointer = SourcePointer(path=source.path, format=SourceFormat.TEXT)
        yield Article(id=article_id(source.path, text), source=pointer, text=text)

    assert {"text", "jsonl", "html", "feed", "warc", "shout"} <= set(readers())
    path = tmp_path / "a.shout"
    path.write_text("quiet words.", encoding="utf-8")
    (article,) = read_all(path)
    assert isinstance(article, Article) and article.text == "QUIET WORDS."


# ---------------------------------------------------------------- bad input, one test each


def _binary(tmp: Path) -> list[str]:
    (tmp / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp / "blob.txt").write_bytes(b"text\x00with\x00nuls" * 50)
    return [str(tmp / "image.png"), str(tmp / "blob.txt")]


def _undecodable(tmp: Path) -> list[str]:
    noise = random.Random(7)
    (tmp / "noise.txt").write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(4000)))
    return [str(tmp / "noise.txt")]


def _empty(tmp: Path) -> list[str]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "empty.txt.gz").write_bytes(gzip.compress(b""))
    return [str(tmp / "empty.txt"), str(tmp / "empty.txt.gz")]


def _missing(tmp: Path) -> list[str]:
    return [str(tmp / "nowhere.txt"), str(tmp / "no-match-*.txt")]


def _empty_folder(tmp: Path) -> list[str]:
    (tmp / "nothing").mkdir()
    return [str(tmp / "nothing")]


def _unreadable_folder(tmp: Path) -> list[str]:
    (tmp / "junk").mkdir()
    (tmp / "junk" / "a.bin").write_bytes(b"\x00\x01\x02" * 100)
    return [str(tmp / "junk")]


@pytest.mark.parametrize(("make", "expected"), [
    (_binary, ["NG104", "NG104"]),
    (_undecodable, ["NG103"]),
    (_empty, ["NG105", "NG105"]),
    (_missing, ["NG101", "NG101"]),
    (_empty_folder, ["NG102"]),
    (_unreadable_folder, ["NG104", "NG102"]),
], ids=["binary", "undecodable", "empty", "missing", "empty-folder", "unreadable-folder"])
def test_read_bad_input_is_a_coded_skip(tmp_path: Path, make: Callable[[Path], list[str]],
                                        expected: list[str]) -> None:
    items = read_all(*make(tmp_path))
    assert codes(items) == expected
    assert all(isinstance(i, Skip) and i.reason for i in items)


def test_read_bad_input_does_not_stop_the_run(test_data: Path, tmp_path: Path) -> None:
    items = read_all(*_binary(tmp_path), test_data / "dumps" / "formfeed.txt", tmp_path / "gone.txt")
    assert codes(items) == ["NG104", "NG104", "article", "article", "article", "NG101"]


def test_read_unknown_format_is_ng111(test_data: Path) -> None:
    (skip,) = read_all(test_data / "dumps" / "formfeed.txt", format="docx")
    assert isinstance(skip, Skip) and skip.code == "NG111" and "docx" in skip.reason


def test_read_truncated_gzip_keeps_what_was_read(test_data: Path, tmp_path: Path) -> None:
    lines = [f'{{"title": "Item {n}", "text": "Report number {n} says the harbour is calm today."}}'
             for n in range(2000)]
    packed = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    items = read_all(path)
    assert codes(items)[-1] == "NG108"
    assert 0 < sum(isinstance(i, Article) for i in items) < 2000
    assert isinstance(items[0], Article) and items[0].title == "Item 0"


def test_read_huge_line_without_newline_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    chunk = b"word " * (1024 * 1024 // 5)
    with path.open("wb") as handle:
        for _ in range(200):
            handle.write(chunk)
    assert path.stat().st_size > 200_000_000
    tracemalloc.start()
    items = read_all(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert codes(items) == ["NG112"]
    assert "longer than" in items[0].reason  # type: ignore[union-attr]
    assert peak < 120 * 1024 * 1024


def test_read_max_bytes_caps_an_input(test_data: Path) -> None:
    items = read_all(test_data / "jsonl" / "mixed.jsonl", max_bytes=300)
    assert codes(items)[-1] == "NG112" and codes(items)[0] == "article"


def test_read_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = ("Le café du port rouvre après trois années de travaux, a annoncé la mairie jeudi. "
            "Les habitants étaient nombreux à fêter l'événement sur les quais.\n") * 3
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    (article,) = read_all(path)
    assert isinstance(article, Article) and article.text.startswith("Le café du port rouvre après")


def test_read_bad_bytes_after_a_good_start_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    path.write_bytes(b"A good first line that decodes.\n" * 4000 + b"then \xff\xfe broken bytes\n")
    items = read_all(path)
    assert codes(items)[-1] == "NG117" and "2 byte(s)" in items[-1].reason  # type: ignore[union-attr]
    assert any(isinstance(i, Article) and "then \ufffd\ufffd broken bytes" in i.text for i in items)


def test_read_truncated_warc_gz_is_ng108(test_data: Path, tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (test_data / "html" / "lighthouse.html").read_bytes()
    whole = tmp_path / "whole.warc.gz"
    with whole.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n in range(3):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response",
                                                          payload=io.BytesIO(page), http_headers=headers))
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 400])
    assert codes(read_all(cut)) == ["article", "article", "NG108"]
