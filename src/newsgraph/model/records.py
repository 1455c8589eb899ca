"""What a batch produces beside the facts: the ingest log, duplicates, stories, per-article facts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsgraph.model.entities import LocalEntity, Mention
from newsgraph.model.events import Event, Figure, MainEvent, TimeExpression
from newsgraph.model.quotes import Quote


class LogLevel(StrEnum):
    """Severity of an ingest-log entry."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True, kw_only=True)
class Skip:
    """An input, or part of one, that was not turned into an article, and why.

    Attributes:
        source: the path (and locator) of what was skipped.
        code: the NG error code (``NG104``).
        reason: a sentence saying what was wrong.
        level: severity.
        article_id: the article concerned, for a dropped article (a duplicate).
    """

    source: str
    code: str
    reason: str
    level: LogLevel = LogLevel.WARNING
    article_id: str | None = None


class DuplicateKind(StrEnum):
    """How a duplicate was recognised."""

    EXACT = "exact"  # identical once whitespace is normalised
    NEAR = "near"    # MinHash LSH over word shingles


@dataclass(frozen=True, slots=True, kw_only=True)
class Duplicate:
    """An article recorded as a copy of an earlier one and not extracted again.

    Attributes:
        article_id: the later copy.
        duplicate_of: the first copy, which is kept.
        kind: exact or near.
        similarity: estimated Jaccard similarity of word sets (1.0 for exact).
    """

    article_id: str
    duplicate_of: str
    kind: DuplicateKind
    similarity: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """A cluster of articles about one happening.

    Attributes:
        id: stable id that survives re-clustering.
        title: a representative title.
        article_ids: member articles.
    """

    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleFacts:
    """Everything the NLP stage read from one article.

    Attributes:
        article_id: the article.
        mentions: entity mentions in text order.
        entities: the article's own entities (mention clusters), before cross-article resolution.
        quotes: attributions.
        figures: cited numbers.
        times: time expressions.
        events: events, the main one flagged.
        main: the article's 5W1H, when found.
        extractors: versioned names of the components that ran.
    """

    article_id: str
    mentions: tuple[Mention, ...] = ()
    entities: tuple[LocalEntity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    main: MainEvent | None = None
    extractors: tuple[str, ...] = ()
