"""HTML reader: one page, one article, through trafilatura (body text and metadata)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from newsgraph.model import Article, SourceFormat, SourcePointer, Skip, article_id
from newsgraph.readers.clean import clean, is_truncated, normalize, split_paragraphs, strip_controls
from newsgraph.readers.dates import parse_date
from newsgraph.readers.options import ReadOptions
from newsgraph.readers.registry import register
from newsgraph.readers.source import Source, check_binary

MIN_BODY_WORDS = 5
MAX_TAG_BYTES = 4096  # a start tag longer than this keeps its name only (lxml is quadratic in attributes)
_LONG_TAG = re.compile(rb"<([A-Za-z][A-Za-z0-9:_.-]{0,40})[\s/][^<>]{%d,}+>" % MAX_TAG_BYTES)
_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<article", b"<div", b"<p>")


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """What trafilatura found in a page.

    Attributes:
        text: body text, ``\\n`` between paragraphs.
        title, url, author, sitename, language: metadata when found.
        published: publication date when found, aware UTC.
    """

    text: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    sitename: str | None = None
    language: str | None = None
    published: datetime | None = None


def sniff_html(head: bytes) -> bool:
    """An HTML page: a doctype or an html/head/body tag near the start."""
    start = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(_MARKERS) or (start.startswith(b"<") and b"<html" in head[:4096].lower())


def bound_markup(data: bytes | str) -> bytes:
    """The page with every start tag longer than ``MAX_TAG_BYTES`` cut to its bare name.

    No real page has a tag that long; a hostile one with 100,000 attributes would take lxml
    minutes (its duplicate-attribute check is quadratic). Linear: the pattern never backtracks.
    """
    raw = data.encode("utf-8", errors="replace") if isinstance(data, str) else data
    if len(raw) <= MAX_TAG_BYTES:
        return raw
    return _LONG_TAG.sub(rb"<\1>", raw)


def extract_page(data: bytes | str, *, url: str | None = None) -> Page | None:
    """Body text and metadata of an HTML page, or None when it holds no article body."""
    import trafilatura

    data = bound_markup(data)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(data, url=url, include_comments=False, with_metadata=True)
    except Exception:  # noqa: BLE001 - broken HTML must never end a run; the caller records NG107
        return None
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.split()) < MIN_BODY_WORDS:
        return None

    def meta(name: str) -> str | None:
        value = getattr(document, name, None)
        return normalize(value) if isinstance(value, str) and value.strip() else None

    return Page(
        text=text, title=meta("title"), url=meta("url") or url, author=meta("author"),
        sitename=meta("sitename"), language=meta("language"), published=parse_date(meta("date")),
    )


def article_from_page(page: Page, pointer: SourcePointer, options: ReadOptions) -> Article | Skip:
    """Build the article for an extracted page (HTML file, WARC record)."""
    body, controls = strip_controls(page.text)
    paragraphs = split_paragraphs(body)
    if page.title and paragraphs and paragraphs[0].casefold() == page.title.casefold() and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]  # the headline repeated as the first block is the title, not text
    cleaned = clean(paragraphs, controls=controls)
    if not cleaned.text:
        return Skip(source=pointer.describe(), code="NG107", reason="no article body left once cleaned")
    return Article(
        id=article_id(pointer.describe(), cleaned.text),
        source=pointer,
        text=cleaned.text,
        title=page.title,
        byline=page.author or cleaned.byline,
        publisher=page.sitename,
        url=page.url,
        published=page.published or options.published,
        language=page.language,
        truncated=is_truncated(cleaned.text),
        boilerplate=cleaned.boilerplate,
    )


@register("html", extensions=("html", "htm", "xhtml", "shtml"), sniff=sniff_html, priority=5)
def read_html(source: Source, options: ReadOptions) -> Iterator[Article | Skip]:
    """Read one HTML page as one article; NG107 when it has no body text."""
    check_binary(source)
    page = extract_page(source.stream.read())
    if page is None:
        yield Skip(source=source.path, code="NG107", reason=f"no article body found in {source.path}")
        return
    pointer = SourcePointer(path=source.path, format=SourceFormat.HTML, url=page.url)
    yield article_from_page(page, pointer, options)
