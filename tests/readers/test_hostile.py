"""Hostile structure: every reader bounded in depth, size and count; one bad input never ends a run.

The hostile inputs are written here, in tmp_path: nothing in the repository holds them.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsgraph.model import Article, Skip
from newsgraph.readers import ReadOptions, read
from newsgraph.readers.jsonl import too_deep

GOOD = {"title": "Harbour bridge reopens", "text": "The harbour bridge reopened on Monday after repairs. Traffic was light."}
DEEP = '{"a":' * 50_000 + "1" + "}" * 50_000  # Python's json recurses once a level: RecursionError


def read_all(*paths: Path | str, **options: object) -> list[Article | Skip]:
    return list(read([str(p) for p in paths], options=ReadOptions(**options)))  # type: ignore[arg-type]


def codes(items: list[Article | Skip]) -> list[str]:
    return ["article" if isinstance(i, Article) else i.code for i in items]


def test_too_deep_scans_without_recursion() -> None:
    assert too_deep(DEEP)
    assert not too_deep(json.dumps(GOOD))
    assert not too_deep('{"text": "' + "[{" * 500 + '"}')  # brackets inside a string do not count
    assert too_deep("[" * 65) and not too_deep("[" * 64 + "]" * 64)


@pytest.mark.parametrize("fmt", ["auto", "jsonl"])
def test_read_deep_first_line_keeps_the_valid_lines(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(DEEP + "\n" + json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "title": "Second"}) + "\n")
    items = read_all(path, format=fmt)
    assert codes(items) == ["NG116", "article", "article"]
    assert items[0].source.endswith(":1") and "deeper than 64" in items[0].reason  # type: ignore[union-attr]


def test_read_deep_json_array_is_ng116(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" + DEEP + "]")
    assert codes(read_all(path)) == ["NG116"]


def test_read_deep_input_does_not_stop_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(DEEP + "\n")
    (tmp_path / "b.json").write_text("[" * 100_000)
    (tmp_path / "c.txt").write_text("The ferry service resumed on Tuesday after the storm.\n")
    items = read_all(tmp_path)
    assert codes(items) == ["NG116", "NG116", "article"]


def test_read_html_with_a_huge_tag_is_fast(tmp_path: Path) -> None:
    attributes = " ".join(f'a{i}="x"' for i in range(200_000))  # lxml: minutes, quadratic
    path = tmp_path / "attrs.html"
    path.write_text(f"<html><body><p {attributes}>The lighthouse keeper retired after forty years "
                    "on the rock, the council said.</p></body></html>")
    start = time.perf_counter()
    (article,) = read_all(path)
    assert time.perf_counter() - start < 20
    assert isinstance(article, Article) and article.text.startswith("The lighthouse keeper retired")


def test_read_deeply_nested_html_is_a_coded_skip(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 50_000 + "<p>Deep words of an article body here.</p>"
                    + "</div>" * 50_000 + "</body></html>")
    (tmp_path / "z.txt").write_text("The ferry service resumed on Tuesday after the storm.\n")
    items = read_all(tmp_path)
    assert codes(items)[-1] == "article" and all(isinstance(i, Article) or i.code == "NG107" for i in items)


def test_read_feed_entities_are_not_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{n} "{("&l%d;" % (n - 1)) * 10}">' for n in range(1, 10))
    path = tmp_path / "laughs.rss"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><rss version="2.0"><channel>'
                    "<title>T</title><item><title>x</title><description>&l9;</description></item>"
                    "<item><title>ok</title><description>The harbour reopened on Monday.</description></item>"
                    "</channel></rss>")
    start = time.perf_counter()
    items = read_all(path)
    assert time.perf_counter() - start < 20
    articles = [i for i in items if isinstance(i, Article)]
    assert any(a.text == "The harbour reopened on Monday." for a in articles)
    assert all(len(a.text) < 1000 for a in articles)  # 10^9 "lol"s were never built


def test_read_warc_with_a_huge_tag_is_fast(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    import io

    attributes = " ".join(f'a{i}="x"' for i in range(100_000))
    page = (f"<html><body><p {attributes}>The museum returned the statues on Friday, "
            "the ministry said.</p></body></html>").encode()
    path = tmp_path / "hostile.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/a", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    start = time.perf_counter()
    (article,) = read_all(path)
    assert time.perf_counter() - start < 20
    assert isinstance(article, Article) and "museum returned" in article.text


def test_ingest_cli_deep_jsonl_beside_good_files(tmp_path: Path, newsgraph) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(DEEP + "\n" + json.dumps(GOOD) + "\n")
    (folder / "b.txt").write_text("The ferry service resumed on Tuesday after the storm.\n")
    db = tmp_path / "kb.duckdb"
    proc = newsgraph("ingest", folder, "--db", db, "--no-nlp", "--json")
    assert "Traceback" not in proc.stderr and proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["stored"] == 2 and summary["skipped"] == {"NG116": 1}
    log = json.loads(newsgraph("log", "--db", db, "--json").stdout)
    assert [e["code"] for e in log] == ["NG116"]
