"""RSS and Atom reader through feedparser: one article an entry (content, else summary)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from newsgraph.model import Article, SourceFormat, SourcePointer, Skip, article_id
from newsgraph.readers.clean import clean, html_to_paragraphs, is_truncated, normalize, strip_controls
from newsgraph.readers.dates import parse_date
from newsgraph.readers.options import ReadOptions
from newsgraph.readers.registry import register
from newsgraph.readers.source import Source, check_binary

_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|channel)[\s>]", re.IGNORECASE)


def sniff_feed(head: bytes) -> bool:
    """An RSS, Atom or RDF feed: its root element appears near the start."""
    return bool(_ROOT.search(head[:4096]))


def _entry_text(entry: Any) -> str:
    for item in entry.get("content") or ():
        value = item.get("value") if hasattr(item, "get") else None
        if value and value.strip():
            return value
    return entry.get("summary") or entry.get("description") or ""


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return datetime(*parsed[:6], tzinfo=UTC)
            except (TypeError, ValueError):
                continue
    return parse_date(entry.get("published") or entry.get("updated"))


def _author(entry: Any) -> str | None:
    detail = entry.get("author_detail") or {}
    name = detail.get("name") if hasattr(detail, "get") else None
    return normalize(name or entry.get("author") or "") or None


@register("feed", extensions=("rss", "atom", "xml", "rdf"), sniff=sniff_feed, priority=10)
def read_feed(source: Source, options: ReadOptions) -> Iterator[Article | Skip]:
    """Read every entry of a feed; a feed too broken to give any entry is NG109."""
    import feedparser

    check_binary(source)
    parsed = feedparser.parse(source.stream.read())
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"{source.path} is not a readable feed ({problem})" if problem else f"{source.path} has no entries"
        yield Skip(source=source.path, code="NG109", reason=reason)
        return
    publisher = normalize(parsed.get("feed", {}).get("title") or "") or None
    for index, entry in enumerate(entries):
        link = entry.get("link") or None
        pointer = SourcePointer(path=source.path, format=SourceFormat.FEED, record=index, url=link)
        content, controls = strip_controls(_entry_text(entry))
        cleaned = clean(html_to_paragraphs(content), controls=controls)
        if not cleaned.text:
            yield Skip(source=pointer.describe(), code="NG113", reason=f"entry {index} has no content or summary")
            continue
        title = " ".join(html_to_paragraphs(entry.get("title") or "")) or None
        yield Article(
            id=article_id(pointer.describe(), cleaned.text),
            source=pointer,
            text=cleaned.text,
            title=title,
            byline=_author(entry) or cleaned.byline,
            publisher=publisher,
            url=link,
            published=_entry_date(entry) or options.published,
            truncated=is_truncated(cleaned.text),
            boilerplate=cleaned.boilerplate,
        )
