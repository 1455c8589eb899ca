"""JSONL/JSON, HTML, RSS/Atom and WARC readers on the team's own fixtures."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsgraph.model import Article, BoilerplateKind, SourceFormat, Skip
from newsgraph.readers import ReadOptions, read


def read_all(*paths: Path | str, **options: object) -> list[Article | Skip]:
    return list(read([str(p) for p in paths], options=ReadOptions(**options)))  # type: ignore[arg-type]


def summary(items: list[Article | Skip]) -> list[tuple[str, str]]:
    return [("article", i.source.describe()) if isinstance(i, Article) else (i.code, i.source) for i in items]


def test_jsonl_reads_good_lines_and_skips_bad_ones(test_data: Path) -> None:
    path = test_data / "jsonl" / "mixed.jsonl"
    items = read_all(path)
    assert summary(items) == [
        ("article", f"{path}:1"), ("NG106", f"{path}:2"), ("article", f"{path}:3"),
        ("NG113", f"{path}:5"), ("NG106", f"{path}:6"), ("article", f"{path}:7"),
    ]
    dam, orchard, bakers = (i for i in items if isinstance(i, Article))
    assert dam.text == "The new dam on the Ostra river opened on Monday.\nIt will supply power to 40,000 homes."
    assert (dam.title, dam.url, dam.published) == (
        "Dam opens", "https://news.example.org/dam", datetime(2024, 5, 2, 10, 0, tzinfo=UTC))
    assert dam.source.format is SourceFormat.JSONL and dam.source.record == 0 and dam.source.byte_offset == 0
    assert orchard.source.byte_offset == len(path.read_bytes().split(b"\n", 2)[0]) + 1 + len(
        path.read_bytes().split(b"\n", 2)[1]) + 1
    assert (orchard.title, orchard.byline, orchard.published) == (
        "Orchard harvest", "Rosa Lind", datetime(2024, 5, 3, 5, 0, tzinfo=UTC))
    assert bakers.published == datetime(2024, 5, 4, 6, 30, tzinfo=UTC)
    reasons = [i.reason for i in items if isinstance(i, Skip)]
    assert reasons[0].startswith("line 2 is not valid JSON")


def test_jsonl_field_mapping_reads_a_json_array(test_data: Path) -> None:
    path = test_data / "jsonl" / "mapped.json"
    assert [i.code for i in read_all(path) if isinstance(i, Skip)] == ["NG113", "NG113"]
    items = read_all(path, text_field="story", title_field="heading", url_field="link", date_field="when")
    lake, skaters = items
    assert isinstance(lake, Article) and isinstance(skaters, Article)
    assert (lake.title, lake.url, lake.published) == (
        "Lake freezes", "https://news.example.org/lake", datetime(2024, 1, 10, tzinfo=UTC))
    assert lake.source.describe() == f"{path}#0" and skaters.text.startswith("Skaters were warned")


def test_html_extracts_body_and_metadata(test_data: Path) -> None:
    (article,) = read_all(test_data / "html" / "lighthouse.html")
    assert isinstance(article, Article)
    assert article.title == "Lighthouse keeper retires after forty years"
    paragraphs = article.text.split("\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The last keeper of the Skerry Point lighthouse")
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.byline == "Maren Holt"
    assert article.url == "https://courier.example.org/news/lighthouse-keeper-retires"
    assert article.published is not None and article.published.date().isoformat() == "2024-03-14"
    assert article.source.format is SourceFormat.HTML


@pytest.mark.parametrize(("name", "code"), [("no_body.html", "NG107")])
def test_html_without_body_is_skipped(test_data: Path, name: str, code: str) -> None:
    (skip,) = read_all(test_data / "html" / name)
    assert isinstance(skip, Skip) and skip.code == code


def test_html_broken_markup_does_not_raise(test_data: Path) -> None:
    items = read_all(test_data / "html" / "broken.html", test_data / "html" / "lighthouse.html")
    assert len(items) == 2
    assert isinstance(items[1], Article)
    assert isinstance(items[0], Article | Skip)


def test_feed_rss_entries_become_articles(test_data: Path) -> None:
    path = test_data / "feeds" / "harbour.rss"
    items = read_all(path)
    assert summary(items) == [("article", f"{path}#0"), ("article", f"{path}#1"), ("NG113", f"{path}#2")]
    ferry = items[0]
    assert isinstance(ferry, Article)
    assert ferry.text == "The electric ferry Solvind made its first crossing on Monday.\nIt carries up to 300 passengers and 40 cars."
    assert (ferry.title, ferry.url, ferry.byline, ferry.publisher) == (
        "New ferry enters service", "https://gazette.example.org/ferry", "Nils Berg", "Harbour Gazette")
    assert ferry.published == datetime(2024, 3, 5, 7, 0, tzinfo=UTC)
    assert ferry.source.format is SourceFormat.FEED and ferry.source.url == ferry.url


def test_feed_atom_prefers_content_and_strips_html(test_data: Path) -> None:
    (entry,) = read_all(test_data / "feeds" / "valley.atom")
    assert isinstance(entry, Article)
    assert entry.text == (
        "Builders finished repairs to the roof of Millbrook primary school on Sunday.\n"
        "Classes will resume on Tuesday as planned."
    )
    assert [(b.kind, b.text, b.offset) for b in entry.boilerplate] == [
        (BoilerplateKind.PHOTO_CREDIT, "Photo: Valley News", entry.text.index("Classes"))]
    assert entry.published == datetime(2024, 4, 1, 22, 45, tzinfo=UTC)


def test_feed_malformed_is_skipped_with_ng109(test_data: Path) -> None:
    (skip,) = read_all(test_data / "feeds" / "broken.rss")
    assert isinstance(skip, Skip) and skip.code == "NG109"


def _warc(path: Path, *, pages: list[tuple[str, bytes, str]], gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, body, kind in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_response_records_become_articles(test_data: Path, tmp_path: Path, gz: bool) -> None:
    page = (test_data / "html" / "lighthouse.html").read_bytes()
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, pages=[("https://a.example/one", page, "text/html; charset=utf-8"),
                       ("https://a.example/logo.png", b"\x89PNG....", "image/png"),
                       ("https://a.example/two", page, "text/html")], gz=gz)
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "Skip", "Article"]
    first, skipped, second = items
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(skipped, Skip)
    assert first.source.url == "https://a.example/one" and first.source.format is SourceFormat.WARC
    assert first.source.byte_offset == 0 and second.source.byte_offset > first.source.byte_offset
    assert (first.source.record, second.source.record) == (0, 2)
    assert first.text == second.text and first.id != second.id
    assert skipped.code == "NG107"


def test_warc_corrupt_keeps_records_before_it(test_data: Path, tmp_path: Path) -> None:
    page = (test_data / "html" / "lighthouse.html").read_bytes()
    path = tmp_path / "crawl.warc"
    _warc(path, pages=[("https://a.example/one", page, "text/html")], gz=False)
    with path.open("ab") as handle:
        handle.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ngarbage")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "Skip"]
    assert isinstance(items[1], Skip) and items[1].code == "NG110"
