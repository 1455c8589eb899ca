"""What a batch produces beside the facts: the ingest log, duplicates, stories, per-article facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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
        id: stable id that survives re-clustering: kept when the story grows, and by the larger
            part when re-clustering merges or splits stories.
        title: its most central article's headline (or lede, when the article has no headline).
        start: the earliest publication time among its articles, when any is known.
        end: the latest publication time among its articles, when any is known.
        article_ids: member articles (near-duplicate copies included with their original), sorted.
        merged_ids: ids of stories absorbed into this one by re-clustering, sorted.
    """

    id: str
    title: str
    start: datetime | None = None
    end: datetime | None = None
    article_ids: tuple[str, ...] = ()
    merged_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryFeatures:
    """What story clustering keeps of one kept article, so that later batches need not re-read it.

    Attributes:
        article_id: the article.
        title: its headline, or its lede (first sentence, shortened) when it has none.
        published: its publication time, when known.
        terms: content-word stems with their weighted counts (headline and lede count double), sorted.
        entities: resolved entity ids with their type weight (people and places weigh more than
            countries or nationalities), sorted.
        marks: what tells two happenings of one kind apart: years (``y2011``), calendar dates
            (``d11-12``) and counts with what they count (``n23:pirate``), sorted.
    """

    article_id: str
    title: str
    published: datetime | None = None
    terms: tuple[tuple[str, float], ...] = ()
    entities: tuple[tuple[str, float], ...] = ()
    marks: tuple[str, ...] = ()


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
