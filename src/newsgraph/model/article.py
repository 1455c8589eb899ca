"""Articles as their readers fixed them, and where they came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SourceFormat(StrEnum):
    """The reader that produced an article."""

    TEXT = "text"
    JSONL = "jsonl"
    HTML = "html"
    FEED = "feed"
    WARC = "warc"


class BoilerplateKind(StrEnum):
    """What a removed stretch of raw text was."""

    PHOTO_CREDIT = "photo_credit"
    BYLINE = "byline"
    READ_MORE = "read_more"
    DATELINE = "dateline"
    CONTROL = "control"  # control characters and terminal escape sequences removed at read time
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class SourcePointer:
    """Where in the raw input an article starts.

    Attributes:
        path: file path as given (``-`` for stdin), or the feed/WARC URL when that is all there is.
        format: the reader that read it.
        line: 1-based first line in a text dump or JSONL file, when the input has lines.
        end_line: 1-based last line in a text dump, when known.
        byte_offset: offset of the record in the (decompressed) input: WARC record, JSONL line.
        record: index of the record within its file (feed entry, JSONL line, WARC record), 0-based.
        url: the article's own URL when the input gives one.
    """

    path: str
    format: SourceFormat
    line: int | None = None
    end_line: int | None = None
    byte_offset: int | None = None
    record: int | None = None
    url: str | None = None

    def describe(self) -> str:
        """A short human-readable locator such as ``dump.txt:16`` or ``feed.xml#3``."""
        if self.line is not None:
            span = f"{self.line}" if self.end_line in (None, self.line) else f"{self.line}-{self.end_line}"
            return f"{self.path}:{span}"
        if self.record is not None:
            return f"{self.path}#{self.record}"
        return self.path


@dataclass(frozen=True, slots=True, kw_only=True)
class Boilerplate:
    """A stretch of the raw input removed from the canonical text, kept beside it.

    Attributes:
        kind: what it was (photo credit, byline, ...).
        text: the removed text, as it stood in the input.
        offset: the offset in ``Article.text`` where it stood before removal.
    """

    kind: BoilerplateKind
    text: str
    offset: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article with its canonical text, fixed once by its reader.

    Attributes:
        id: deterministic id from the source and a hash of the text (see ``article_id``).
        source: pointer back into the raw input.
        text: canonical body text: NFC, boilerplate removed, ``\\n`` between paragraphs.
            Kicker and deck are not part of it.
        title: headline when the input gives one.
        kicker: all-capitals label before a colon (``ICE DISPUTE``), when present.
        deck: the standfirst sentence run into the body in many dumps, when present.
        byline: author line when known.
        publisher: outlet name when known.
        url: canonical URL when known.
        published: publication time, timezone-aware UTC, when known.
        language: ISO 639-1 code when known.
        truncated: True when the text stops mid-sentence (a teaser cut off).
        boilerplate: what the reader removed from the text, in order.
    """

    id: str
    source: SourcePointer
    text: str
    title: str | None = None
    kicker: str | None = None
    deck: str | None = None
    byline: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: datetime | None = None
    language: str | None = None
    truncated: bool = False
    boilerplate: tuple[Boilerplate, ...] = ()

    def __post_init__(self) -> None:
        if self.published is not None and self.published.tzinfo is None:
            raise ValueError("Article.published must be timezone-aware (UTC)")
