"""Times written as names or words: holidays, years and decades in words, ordinal centuries."""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.nlp import timex_normalise as tn
from newsgraph.nlp.timex_match import Context, Found, relative


_SPELLED_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                 "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                 "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SPELLED_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9}


def h_spelled_year(m: re.Match[str], ctx: Context) -> list[Found]:
    """Years as transcripts spell them: "nineteen ninety-six", "the year two thousand"."""
    if m.group("thousand"):
        return [Found(m.start(), m.end(), "DATE", "2000", True)]
    year = 1900 + _SPELLED_TENS[m.group("tens").lower()] + _SPELLED_UNITS.get((m.group("unit") or "").lower(), 0)
    return [Found(m.start(), m.end(), "DATE", str(year), True)]


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "valentine's day": (2, 14), "halloween": (10, 31)}


def h_holiday(m: re.Match[str], ctx: Context) -> list[Found]:
    """"Christmas", "Thanksgiving Day", "New Year's Eve": the one nearest the DCT, or of the year written."""
    name = " ".join(m.group("name").lower().replace("’", "'").split())
    written = int(m.group("year")) if m.group("year") else None
    thanksgiving = name.startswith("thanksgiving")

    def on(year: int) -> date:
        return _thanksgiving(year) if thanksgiving else date(year, *_HOLIDAYS[name])

    if written is not None:
        return [Found(m.start(), m.end(), "DATE", on(written).isoformat(), True)]

    def nearest(d: date) -> str:
        tense = ctx.tense(m.start(), m.end())
        day = on(d.year)
        return on(tn.month_year(d, day.month, day.day, tense)).isoformat()

    return relative(m, ctx, "DATE", nearest)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def h_decade_word(m: re.Match[str], ctx: Context) -> list[Found]:
    """"the nineties" (the 1990s: "199")."""
    return [Found(m.start(), m.end(), "DATE", f"19{_DECADE_WORDS[m.group('d').lower()]}", True)]


def h_century(m: re.Match[str], ctx: Context) -> list[Found]:
    """"the 20th century" ("19"), "the 11th century" ("10")."""
    number = int(m.group("n"))
    if not 1 <= number <= 21:
        return []
    return [Found(m.start("n"), m.end(), "DATE", f"{number - 1:02d}", True)]
