"""Plain-text reader: dumps of one or many articles, segmented paragraph group by group."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from newsgraph.model import Article, LogLevel, SourceFormat, SourcePointer, Skip, article_id
from newsgraph.readers.clean import clean, is_truncated
from newsgraph.readers.options import ReadOptions
from newsgraph.readers.registry import register
from newsgraph.readers.segment import Segment, split_dump
from newsgraph.readers.shapes import split_heading, title_like
from newsgraph.readers.source import Source, check_binary, detect_encoding, LineDecoder


@register("text", extensions=("txt", "text", "md"), priority=0)
def read_text(source: Source, options: ReadOptions) -> Iterator[Article | Skip]:
    """Read a text dump: every article it holds, with title, kicker, deck and truncation."""
    check_binary(source)
    encoding = detect_encoding(source)
    decoder = LineDecoder(source, encoding)
    lines = ((number, line) for number, line, _ in decoder.lines())
    found = False
    for segment in split_dump(lines):
        item = article_from_segment(segment, path=source.path, published=options.published)
        found = found or isinstance(item, Article)
        yield item
    yield from decoding_notes(decoder)
    if not found:
        yield Skip(source=source.path, code="NG105", reason=f"{source.path} holds no text")


def decoding_notes(decoder: LineDecoder) -> Iterator[Skip]:
    """The log entries for what decoding replaced or stripped (NG117, NG118)."""
    for code, level, reason in decoder.notes():
        yield Skip(source=decoder.source.path, code=code, reason=reason, level=LogLevel(level))


def article_from_segment(segment: Segment, *, path: str, published: datetime | None) -> Article | Skip:
    """Build the article for one segment: title line, kicker and deck split off, text cleaned."""
    paras = list(segment.paragraphs)
    first_line, last_line = paras[0].line, paras[-1].end_line
    title = None
    if len(paras) > 1 and title_like(paras[0].text):
        title = paras.pop(0).text
    heading = split_heading(paras[0].text)
    texts = [p.text for p in paras]
    texts[0] = heading.body
    cleaned = clean(texts, normalized=True)
    pointer = SourcePointer(path=path, format=SourceFormat.TEXT, line=first_line, end_line=last_line)
    if not cleaned.text:
        return Skip(source=pointer.describe(), code="NG114", reason="the article had no text once cleaned")
    return Article(
        id=article_id(pointer.describe(), cleaned.text),
        source=pointer,
        text=cleaned.text,
        title=title,
        kicker=heading.kicker,
        deck=heading.deck,
        byline=cleaned.byline,
        published=published,
        truncated=is_truncated(cleaned.text),
        boilerplate=cleaned.boilerplate,
    )
