"""Bounded windows over a long text, so that extraction costs time linear in its length.

A text longer than ``WINDOW_CHARS`` is read as consecutive windows, each cut at the last paragraph
break before the limit, else at the last sentence end, else at the last space (a text on one line
with no sentence ends), else hard at the limit. Windows cover the text exactly, in order, without
overlap: ``text[start:end]`` of every window joined back gives the text, so a fact found at offset
``i`` of a window starting at ``start`` is at ``start + i`` in the article.

Pure Python; no spaCy here.
"""

from __future__ import annotations

import re

WINDOW_CHARS = 20_000  # about 3,500 words: spaCy and the components stay in their linear range
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def _cut(text: str, start: int, limit: int) -> int:
    """Where a window that starts at ``start`` and may not pass ``limit`` ends (exclusive)."""
    floor = start + (limit - start) // 2  # never cut a window to less than half its size
    newline = text.rfind("\n", floor, limit)
    if newline >= 0:
        return newline + 1
    last = None
    for last in _SENTENCE_END.finditer(text, floor, limit):
        pass
    if last is not None:
        return last.end()
    space = text.rfind(" ", floor, limit)
    if space >= 0:
        return space + 1
    return limit


def cut_point(text: str, max_chars: int) -> int:
    """How much of ``text`` to read when at most ``max_chars`` may be: all of it when it fits, else
    up to a paragraph, sentence or word boundary at or before ``max_chars``."""
    if max_chars <= 0 or len(text) <= max_chars:
        return len(text)
    return _cut(text, 0, max_chars)


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """The ``(start, end)`` windows covering ``text``: one when it fits in ``size`` characters."""
    size = max(1, size)
    out: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while length - start > size:
        end = _cut(text, start, start + size)
        out.append((start, end))
        start = end
    out.append((start, length))
    return out
