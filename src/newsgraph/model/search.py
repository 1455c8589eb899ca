"""Search results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class SearchMode(str, Enum):
    """How a search ranks: BM25 over the text, cosine over MiniLM vectors, or both fused."""

    HYBRID = "hybrid"
    TEXT = "text"
    SEMANTIC = "semantic"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteHit:
    """A quote of a hit's article whose content matched the query.

    Attributes:
        quote_id: the quote's id (as in ``newsgraph quotes``).
        speaker: the speaker as written, or an anonymous source's description; None when unknown.
        text: the quote's content.
        score: its BM25 score for the query.
    """

    quote_id: str
    speaker: str | None
    text: str
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """One article found by a search.

    Attributes:
        article_id: the article.
        title: its title, or None.
        published: its publication time (UTC), or None.
        source: where it came from (its URL, else its source path).
        truncated: whether the article is a truncated teaser.
        score: the score it was ranked by (BM25 in text mode, cosine in semantic mode, the fused
            reciprocal-rank score in hybrid mode); higher is better.
        text_score: its BM25 score, None when the text ranking did not return it.
        semantic_score: its cosine similarity to the query, None when not among the semantic top.
        snippet: a stretch of the article (title and text, whitespace folded) around the best match.
        marks: (start, end) offsets into ``snippet`` of the words that matched the query.
        quotes: quotes of the article whose content matched the query, best first.
    """

    article_id: str
    title: str | None
    published: datetime | None
    source: str
    truncated: bool
    score: float
    text_score: float | None
    semantic_score: float | None
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()
    quotes: tuple[QuoteHit, ...] = ()
