"""What the time-expression rules share: the ``Found`` record, the ``Context`` a handler may
ask, and the small helpers every handler uses (look-behind, anchoring on the DCT)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Found:
    """One time expression found in the text: character span, TIMEX3 type and value.

    ``floating`` marks a clock time written without its day ("10:35 a.m."): ``value`` holds it
    on the DCT, and the times component moves it to the last day named before it, if any.
    """

    start: int
    end: int
    type: str
    value: str | None
    resolved: bool
    floating: bool = False  # a clock time with no day written: its day comes from the text before it


@dataclass(frozen=True, slots=True)
class Context:
    """What a handler may ask: the DCT, the tense at a span, whether a span is used as a year,
    and the lower-cased text of the sentence around a span with the given number before it."""

    dct: date | None
    tense: Callable[[int, int], str | None]
    year_ok: Callable[[int, int], bool]
    sentence: Callable[[int, int, int], str]


Handler = Callable[[re.Match[str], Context], list[Found]]

def before(m: re.Match[str], pattern: re.Pattern[str], start: int | None = None) -> re.Match[str] | None:
    """``pattern`` (anchored with ``$``) matched on the 40 characters before the match (or ``start``)."""
    at = m.start() if start is None else start
    return pattern.search(m.string, max(0, at - 40), at)


def relative(m: re.Match[str], ctx: Context, type_: str, value: Callable[[date], str | None],
             start: int | None = None, end: int | None = None) -> list[Found]:
    """The expression anchored on the DCT by ``value``; without a DCT, unresolved (value None)."""
    s = m.start() if start is None else start
    e = m.end() if end is None else end
    if ctx.dct is None:
        return [Found(s, e, type_, None, False)]
    return [Found(s, e, type_, value(ctx.dct), True)]
