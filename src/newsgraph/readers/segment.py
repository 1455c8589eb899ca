"""Segmentation of plain-text dumps with several articles run together.

Two stages, both streaming:

1. ``paragraphs``: lines to paragraphs (``split_dump`` runs both stages). Form feeds and separator lines (``----``, ``* * *``,
   ``###``) are hard boundaries. What a blank line means is decided once per file from its head:
   no blank lines → one paragraph a line; blocks of several complete lines between blank lines →
   blank lines separate articles; hard-wrapped blocks → a blank line ends a paragraph and the
   block's lines are joined; otherwise → a blank line separates paragraphs of one article.
2. ``segments``: paragraphs to articles, deciding each boundary from evidence that holds for any
   dump: a hard boundary; the previous article stopping mid-sentence; an all-capitals kicker; a
   headline-shaped line followed by body text; a single very long paragraph ending mid-sentence (a
   teaser); and topic continuity (content-word overlap with the article so far).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from newsgraph.model import BoilerplateKind
from newsgraph.readers.clean import boilerplate_kind, ends_sentence, normalize
from newsgraph.readers.shapes import (
    content_words,
    kicker_of,
    sentence_count,
    title_like,
    truncated_paragraph,
)

_SEPARATOR = re.compile(r"^\s*(?:[-=_*#~•·]\s*){3,}\s*$")
HEAD_LINES = 2000
BOUNDARY_THRESHOLD = 2.0
MAX_PARAGRAPHS = 5000


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """One paragraph of a dump.

    Attributes:
        text: the normalised paragraph.
        line: 1-based first line.
        end_line: 1-based last line.
        hard: True when a separator, form feed or article-separating blank line precedes it.
    """

    text: str
    line: int
    end_line: int
    hard: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """The paragraphs of one article, as found in the dump (title and kicker not yet split off)."""

    paragraphs: tuple[Paragraph, ...]


# ---------------------------------------------------------------- lines → paragraphs

_BLANK, _HARD = 0, 1  # markers in the item stream besides (line number, text) pairs
Item = int | tuple[int, str]


def _items(lines: Iterable[tuple[int, str]]) -> Iterator[Item]:
    for number, line in lines:
        parts = line.split("\f")
        for index, part in enumerate(parts):
            if index:
                yield _HARD
            if _SEPARATOR.match(part):
                yield _HARD
            elif part.strip():
                yield (number, part)
            elif len(parts) == 1:
                yield _BLANK


def layout(head: list[Item]) -> str:
    """How blank lines are used, from the head of a file: ``lines``, ``articles``, ``wrapped`` or ``paragraphs``."""
    blocks: list[list[str]] = [[]]
    for item in head:
        if isinstance(item, tuple):
            blocks[-1].append(item[1])
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if _BLANK not in head or len(blocks) < 2:
        return "lines"
    multi = [b for b in blocks if len(b) >= 2]
    wrapped = [b for b in multi if _hard_wrapped(b)]
    if multi and len(wrapped) * 2 >= len(multi):
        return "wrapped"
    if (len(multi) - len(wrapped)) * 2 >= len(blocks):
        return "articles"
    return "paragraphs"


def _hard_wrapped(block: list[str]) -> bool:
    inner = block[:-1]
    open_ended = sum(1 for line in inner if not ends_sentence(line.rstrip()))
    lengths = [len(line) for line in inner]
    return open_ended * 2 > len(inner) and max(lengths) <= 100 and min(lengths) >= 30


def split_dump(lines: Iterable[tuple[int, str]]) -> Iterator[Segment]:
    """Segment a dump given as ``(line number, line)`` pairs, streaming after a bounded head."""
    items = _items(lines)
    head = list(islice(items, HEAD_LINES))
    mode = layout(head)
    return segments(paragraphs(chain(head, items), mode), mode=mode)


def paragraphs(items: Iterable[Item], mode: str) -> Iterator[Paragraph]:
    """Turn line items into paragraphs as ``mode`` (from ``layout``) reads blank lines."""
    pending: list[tuple[int, str]] = []
    hard = False
    for item in items:
        if isinstance(item, tuple):
            if mode == "wrapped":
                pending.append(item)
                continue
            yield Paragraph(text=normalize(item[1]), line=item[0], end_line=item[0], hard=hard)
            hard = False
            continue
        if pending:
            yield _joined(pending, hard)
            pending, hard = [], False
        if item == _HARD or mode == "articles":
            hard = True
    if pending:
        yield _joined(pending, hard)


def _joined(lines: list[tuple[int, str]], hard: bool) -> Paragraph:
    text = normalize(" ".join(line.strip() for _, line in lines))
    return Paragraph(text=text, line=lines[0][0], end_line=lines[-1][0], hard=hard)


# ---------------------------------------------------------------- paragraphs → articles


class _Article:
    """The article being built: its paragraphs and running evidence about it."""

    __slots__ = ("paragraphs", "content", "words", "lengths")

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.content: list[Paragraph] = []
        self.words: set[str] = set()
        self.lengths: list[int] = []

    def add(self, paragraph: Paragraph, words: frozenset[str]) -> None:
        self.paragraphs.append(paragraph)
        if boilerplate_kind(paragraph.text) is None:
            self.content.append(paragraph)
            self.words |= words
            self.lengths.append(len(paragraph.text))


def segments(paras: Iterable[Paragraph], *, mode: str = "paragraphs") -> Iterator[Segment]:
    """Group paragraphs into articles (one lookahead paragraph, so it streams).

    ``mode`` is the file's layout (see ``layout``); in ``lines`` mode (no blank lines at all) two
    consecutive article-sized paragraphs are also evidence of one article a line. An article is cut
    after ``MAX_PARAGRAPHS`` paragraphs so that memory stays bounded on input that is not news.
    """
    current = _Article()
    iterator = iter(paras)
    paragraph = next(iterator, None)
    while paragraph is not None:
        following = next(iterator, None)
        words = content_words(paragraph.text)
        if current.content and (
            len(current.paragraphs) >= MAX_PARAGRAPHS
            or boundary_score(current, paragraph, following, mode=mode, words=words) >= BOUNDARY_THRESHOLD
        ):
            yield Segment(paragraphs=tuple(current.paragraphs))
            current = _Article()
        current.add(paragraph, words)
        paragraph = following
    if current.paragraphs:
        yield Segment(paragraphs=tuple(current.paragraphs))


def boundary_score(
    current: _Article, paragraph: Paragraph, following: Paragraph | None, *, mode: str = "paragraphs",
    words: frozenset[str] | None = None,
) -> float:
    """Evidence that ``paragraph`` starts a new article after ``current`` (>= 2 means it does)."""
    text = paragraph.text
    if paragraph.hard:
        return BOUNDARY_THRESHOLD + 10
    content = current.content
    last = content[-1].text
    kind = boilerplate_kind(text)
    if kind is BoilerplateKind.BYLINE and _cut_off(last):
        return BOUNDARY_THRESHOLD + 0.5  # a byline after a cut-off article opens the next one
    if kind is not None or _continues(text):
        return 0.0
    if len(content) == 1 and title_like(last) and not current.paragraphs[-1].hard:
        return 0.0  # a headline so far: what follows is its body
    score = 0.0
    if kicker_of(text) is not None:
        score += 3.0
    if _cut_off(last):
        score += 1.5  # the article so far stops mid-sentence: it was cut off
    headline = (
        title_like(text, strict=True)
        and following is not None
        and not title_like(following.text)
        and not _continues(following.text)
        and boilerplate_kind(following.text) is None
    )
    if headline:
        score += 0.75 if text.isupper() else 1.25  # an all-capitals line inside a text is often a subhead
    if truncated_paragraph(text) and len(text) >= max(400.0, 2 * statistics.median(current.lengths[-50:])):
        score += 1.0  # a single very long paragraph ending mid-sentence: a teaser of its own
    if mode == "lines" and _article_sized(text) and _article_sized(last):
        score += 0.75
    if headline and following is not None:
        words = content_words(text + " " + following.text)
    elif words is None:
        words = content_words(text)
    score += _continuity_evidence(words, current.words, lines=mode == "lines")
    return score


_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s")


def _continues(text: str) -> bool:
    """A paragraph that opens in lower case, with punctuation or as a list item continues what came before."""
    first = text.lstrip("\"“‘'(")[:1]
    return first.islower() or first in ".,;:)]!?" or bool(_LIST_ITEM.match(text))


def _cut_off(text: str) -> bool:
    """A substantial paragraph that stops mid-sentence (an ellipsis is a writer's pause, not a cut)."""
    return (
        len(text) >= 200 and truncated_paragraph(text) and not _LIST_ITEM.match(text)
        and not text.rstrip().endswith(("...", "…"))
    )


def _article_sized(text: str) -> bool:
    return len(text) >= 250 and sentence_count(text) >= 3


def _continuity_evidence(words: frozenset[str], article_words: set[str], *, lines: bool = False) -> float:
    """Low word overlap with the article so far is evidence of a new topic; high overlap against.

    In a dump with no blank lines (``lines``), two substantial paragraphs with no content word in
    common are strong evidence on their own; where blank lines exist they are kept weaker.
    """
    if len(words) < 4:
        return 0.0
    shared = len(words & article_words)
    if lines and shared == 0 and min(len(words), len(article_words)) >= 15:
        return 2.0  # two substantial texts without a single content word in common
    overlap = shared / min(len(words), max(len(article_words), 1))
    if overlap < 0.1:
        return 1.5
    if overlap < 0.2:
        return 0.75
    if overlap > 0.4:
        return -1.0
    return 0.0
