"""The time-expression rules: compiled patterns, each with a handler that gives TIMEX3 values.

Every pattern is compiled once and run once over a document's text; a handler turns a match
into zero or more ``Found`` records, asking the ``Context`` for the DCT and for what only the
parse knows (the tense of the governing verb, whether a number is used as a year).
Without a DCT, a relative expression is ``Found(value=None, resolved=False)``: never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from newsgraph.nlp import timex_normalise as tn
from newsgraph.nlp.numbers import parse_number
from newsgraph.nlp.timex_match import Context, Found, Handler, before, relative
from newsgraph.nlp.timex_names import h_century, h_decade_word, h_holiday, h_spelled_year


_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)")
_FULL_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
               r"december|sept\.|jan\.|feb\.|aug\.|oct\.|nov\.|dec\.)")
_SMALL = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          r"fifteen|sixteen|seventeen|eighteen|nineteen)")
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUM = (rf"(?:\d+\s+1/2|\d+(?:\.\d+)?|{_TENS}(?:[- ]{_SMALL})?|{_SMALL}|a|an|several|a\s+few|few|"
        rf"a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozens\s+of|a\s+hundred|hundreds\s+of|"
        rf"many|some|half\s+a|half\s+an|a\s+half)")
_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|"
         r"years?|decades?|century|centuries)")
_QUAL = (r"(?:about|almost|nearly|around|roughly|approximately|more\s+than|less\s+than|over|under|"
         r"some|at\s+least|up\s+to|just|barely|only|the\s+past|the\s+last|the\s+next|the\s+first|"
         r"the\s+coming|the\s+previous|another|the\s+following|the)")
_VAGUE = {"several": None, "a few": None, "few": None, "many": None, "some": None,
          "dozens of": None, "hundreds of": None, "a couple of": 2, "a couple": 2, "couple of": 2,
          "half a": 0.5, "half an": 0.5, "a half": 0.5}
_REL = {"next": 1, "coming": 1, "following": 1, "last": -1, "past": -1, "previous": -1,
        "this": 0, "current": 0}


def amount(text: str) -> float | None:
    """``"seven"`` → 7, ``"a"`` → 1, ``"several"`` → None (unstated)."""
    key = " ".join(text.lower().split())
    if key in _VAGUE:
        return _VAGUE[key]
    if key in ("a", "an"):
        return 1.0
    if key.endswith(" 1/2"):
        return float(key[:-4]) + 0.5
    return parse_number(key.replace("-", " ").split())


_QUAL_BEFORE = re.compile(rf"\b{_QUAL}\s+$", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(rf"\b{_WD},?\s+$", re.IGNORECASE)
_REL_BEFORE = re.compile(r"\b(last|this|next)\s+$", re.IGNORECASE)
_MONTH_LEAD_BEFORE = re.compile(
    r"\b(early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|in|last|next|this\s+past|this|past)"
    r"[- ]\s*$", re.IGNORECASE)


def _qualified_start(m: re.Match[str]) -> int:
    """Where a length of time starts, taking in a hedge written before it ("almost seven years")."""
    hedge = before(m, _QUAL_BEFORE)
    return hedge.start() if hedge else m.start()


def _direction(ctx: Context, m: re.Match[str]) -> str:
    return "future" if ctx.tense(m.start(), m.end()) == "future" else "past"


def h_weekday_pair(m: re.Match[str], ctx: Context) -> list[Found]:
    """"Monday and Tuesday next week": two dates in the named week."""
    weeks = _REL[m.group("rel").lower()]
    out = []
    for group in ("d1", "d2"):
        target = tn.WEEKDAYS[m.group(group).lower()]
        end = m.end(group) if group == "d1" else m.end()
        out += relative(m, ctx, "DATE", lambda d, t=target: tn.weekday_in_week(d, t, weeks).isoformat(),
                    m.start(group), end)
    return out


def h_weekday_week(m: re.Match[str], ctx: Context) -> list[Found]:
    """"Sunday next week", "next Monday", "last Friday"."""
    target = tn.WEEKDAYS[m.group("wd").lower()]
    rel = m.group("rel").lower()
    if m.group("unit"):
        return relative(m, ctx, "DATE", lambda d: tn.weekday_in_week(d, target, _REL[rel]).isoformat())
    direction = "past" if _REL[rel] < 0 else "future" if _REL[rel] > 0 else _direction(ctx, m)
    if _REL[rel] > 0:
        return relative(m, ctx, "DATE", lambda d: (tn.weekday(d + timedelta(days=1), target, "future")).isoformat())
    if _REL[rel] < 0:
        return relative(m, ctx, "DATE", lambda d: (tn.weekday(d - timedelta(days=1), target, "past")).isoformat())
    return relative(m, ctx, "DATE", lambda d: tn.weekday(d, target, direction).isoformat())


def h_weekday(m: re.Match[str], ctx: Context) -> list[Found]:
    """A weekday alone: the most recent one in past tense, the coming one in future tense."""
    target = tn.WEEKDAYS[m.group("wd").lower()]
    direction = _direction(ctx, m)
    part = m.group("part")
    suffix = tn.DAY_PARTS[part.lower()] if part else ""
    type_ = "TIME" if part else "DATE"
    return relative(m, ctx, type_, lambda d: tn.weekday(d, target, direction).isoformat() + suffix)


def _day_anchor(word: str | None, m: re.Match[str], ctx: Context) -> Callable[[date], date]:
    """The date a clock time or part of day hangs on: "Tuesday", "yesterday", or the DCT."""
    if not word:
        return lambda d: d
    word = word.lower()
    parts = word.replace(".", " ").split()
    if len(parts) == 2 and parts[0] in tn.MONTHS and parts[1].isdigit():
        month, day = tn.MONTHS[parts[0]], int(parts[1])
        tense = ctx.tense(m.start(), m.end())
        return lambda d: date(tn.month_year(d, month, day, tense), month, day) if tn.valid_day(
            d.year, month, day) else d
    if word in tn.WEEKDAYS:
        direction = _direction(ctx, m)
        return lambda d: tn.weekday(d, tn.WEEKDAYS[word], direction)
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    return lambda d: d + timedelta(days=offset)


def h_clock(m: re.Match[str], ctx: Context) -> list[Found]:
    """"2 p.m. Tuesday", "10:35 a.m.", "noon Thursday", "midnight"."""
    special = (m.group("special") or "").lower()
    if special:
        hour, minute = (24, 0) if special == "midnight" else (12, 0)
    else:
        hour, minute = int(m.group("h")), int(m.group("min") or 0)
        if hour > 12 or minute > 59:
            return []
        ampm = m.group("ampm").lower()
        hour = hour % 12 + (12 if ampm == "p" else 0)
    clock = f"T{hour:02d}:{minute:02d}"
    anchor = _day_anchor(m.group("day"), m, ctx)
    found = relative(m, ctx, "TIME", lambda d: anchor(d).isoformat() + clock)
    if not m.group("day"):
        return [Found(f.start, f.end, f.type, f.value, f.resolved, floating=True) for f in found]
    return found


def h_part_of_day(m: re.Match[str], ctx: Context) -> list[Found]:
    """"this morning", "last night", "yesterday afternoon", "tonight" (TIME); "Friday night" is the
    day (DATE), as TimeBank mostly marks a weekday's part of day."""
    part = m.group("part").lower()
    anchor = _day_anchor(m.group("day"), m, ctx)
    if (m.group("day") or "").lower() in tn.WEEKDAYS:
        return relative(m, ctx, "DATE", lambda d: anchor(d).isoformat())
    return relative(m, ctx, "TIME", lambda d: anchor(d).isoformat() + tn.DAY_PARTS[part])


def h_month_day(m: re.Match[str], ctx: Context) -> list[Found]:
    """"October 27, 2025", "Oct. 27", "27 October" (the year from the DCT when missing)."""
    month = tn.MONTHS[m.group("mon").lower().rstrip(".")]
    day = int(m.group("day"))
    year = m.group("year")
    if year:
        if not tn.valid_day(int(year), month, day):
            return []
        weekday = before(m, _WEEKDAY_BEFORE)
        start = weekday.start() if weekday else m.start()
        return [Found(start, m.end(), "DATE", f"{int(year):04d}-{month:02d}-{day:02d}", True)]
    if not 1 <= day <= 31:
        return []
    relative = before(m, _REL_BEFORE)
    rel = relative.group(1).lower() if relative else ""
    weekday = before(m, _WEEKDAY_BEFORE)
    start = weekday.start() if weekday else m.start()
    if ctx.dct is None:
        return [Found(start, m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", False)]
    tense = {"last": "past", "next": "future"}.get(rel) or ctx.tense(m.start(), m.end())
    y = tn.month_year(ctx.dct, month, day, tense)
    return [Found(start, m.end(), "DATE", f"{y:04d}-{month:02d}-{day:02d}", True)]


def h_month(m: re.Match[str], ctx: Context) -> list[Found]:
    """"October 2025", "in October", "late November"."""
    raw = m.group("mon")
    month = tn.MONTHS[raw.lower().rstrip(".")]
    year = m.group("year")
    if not year and _DAY_AFTER.match(m.string, m.end()):
        return []  # "Oct. 23": a day, the month-day rule's
    leading = before(m, _MONTH_LEAD_BEFORE)
    lead = " ".join(leading.group(1).lower().split()) if leading else ""
    start = leading.start() if leading and lead != "in" else m.start()
    if year:
        return [Found(start, m.end(), "DATE", f"{int(year):04d}-{month:02d}", True)]
    if not raw[0].isupper() or (raw.lower() in ("may", "march") and not lead and not m.group("yrel")
                                and not before(m, _MONTH_PREPOSITION)):
        return []
    if m.group("yrel"):
        shift = _REL[m.group("yrel").lower()]
        return relative(m, ctx, "DATE", lambda d: f"{d.year + shift:04d}-{month:02d}", start)
    if lead in ("last", "this", "next", "this past", "past"):
        return relative(m, ctx, "DATE", lambda d: _named_month(d, month, lead), start)
    if ctx.dct is None:
        return [Found(start, m.end(), "DATE", f"XXXX-{month:02d}", False)]
    y = tn.month_year(ctx.dct, month, None, ctx.tense(start, m.end()))
    return [Found(start, m.end(), "DATE", f"{y:04d}-{month:02d}", True)]


_DAY_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?\b")
_MONTH_PREPOSITION = re.compile(r"\b(?:since|by|until|till|from|through|of|before|after|during|in|to|and)\s+$",
                                re.IGNORECASE)


def _named_month(dct: date, month: int, lead: str) -> str:
    """"last November" (the one before the DCT's month), "next March", "this September"."""
    if lead in ("last", "past", "this past"):
        year = dct.year if month < dct.month else dct.year - 1
    elif lead == "next":
        year = dct.year if month > dct.month else dct.year + 1
    else:
        year = dct.year
    return f"{year:04d}-{month:02d}"


def h_numeric_date(m: re.Match[str], ctx: Context) -> list[Found]:
    """"2025-10-27" and "10/27/2025"."""
    if m.group("iy"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        year, month, day = int(m.group("uy")), int(m.group("um")), int(m.group("ud"))
        if year < 100:
            year += 1900 if year >= 50 else 2000
    if not tn.valid_day(year, month, day):
        return []
    return [Found(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}-{day:02d}", True)]


def h_relative_day(m: re.Match[str], ctx: Context) -> list[Found]:
    """"today", "yesterday", "tomorrow"; not the generic "today's world"."""
    word = m.group("w").lower()
    if word == "today" and m.string[m.end() : m.end() + 2] in ("'s", "’s"):
        return []
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    return relative(m, ctx, "DATE", lambda d: (d + timedelta(days=offset)).isoformat())


def h_relative_unit(m: re.Match[str], ctx: Context) -> list[Found]:
    """"next week", "last month", "this year", "early this month", "last summer", "the past year".

    As in TimeBank, "the past year" is the calendar year before (DATE), not the last twelve months.
    """
    rel = _REL[m.group("rel").lower()]
    word = m.group("unit").lower()

    if word in tn.SEASONS:
        return relative(m, ctx, "DATE", lambda d: tn.season(d, word, rel))
    unit = tn.unit_of(word) or word
    return relative(m, ctx, "DATE", lambda d: tn.shift(d, unit, rel))


def _reporting_quarter(m: re.Match[str], ctx: Context, before: int = 2) -> bool:
    """True in earnings prose: the sentence (or the ``before`` ones before it) speaks of a quarter."""
    return "quarter" in ctx.sentence(m.start(), m.end(), before)


def h_ago(m: re.Match[str], ctx: Context) -> list[Found]:
    """"two weeks ago", "almost four years ago", "a year earlier"; "three days later" is a duration.

    In a sentence about a quarter's results, "a year ago"/"a year earlier" is that quarter a year
    before (the last completed quarter before the DCT, a year back).
    """
    count = amount(m.group("num"))
    unit = tn.unit_of(m.group("unit"))
    if unit is None:
        return []
    word = " ".join(m.group("dir").lower().split())
    start = _qualified_start(m)
    if word not in ("ago", "earlier") or (word == "earlier" and unit != "year"):
        value = tn.duration(count, unit)
        return [Found(start, m.end("unit"), "DURATION", value, True)]
    if count is None or not float(count).is_integer():
        return [Found(start, m.end(), "DATE", "PAST_REF", False)]
    steps = -int(count)
    if unit == "year" and steps == -1 and _reporting_quarter(m, ctx):
        return relative(m, ctx, "DATE", lambda d: tn.last_quarter(d, 1), start)
    return relative(m, ctx, "DATE", lambda d: tn.shift(d, unit, steps), start)


def h_reporting(m: re.Match[str], ctx: Context) -> list[Found]:
    """Earnings prose: "the latest quarter", "the year-ago period", "last year" beside a quarter."""
    text = " ".join(m.group(0).lower().split())
    back = 1 if ("year" in text) else 0
    if text in ("last year", "year-earlier", "year-ago") and not _reporting_quarter(m, ctx, 0):
        return []
    return relative(m, ctx, "DATE", lambda d: tn.last_quarter(d, back))


# "$500 million a year", "24 hours a day", "four flights a week": a rate, not a length of time.
_RATE = re.compile(r"(?:\d|\bmillion|\bbillion|\bthousand|\bhundred|s|\btimes|\bonce|\btwice)\s+$", re.IGNORECASE)


def _hyphen_start(m: re.Match[str]) -> int:
    """Where a match starts, without a leading "the" before a hyphenated modifier ("the third-quarter")."""
    text = m.group(0)
    if "-" in text and text[:4].lower() == "the ":
        return m.start() + len(text) - len(text[4:].lstrip())
    return m.start()


def h_duration(m: re.Match[str], ctx: Context) -> list[Found]:
    """"three days", "almost seven years", "five-year", "a week-long"; not "37-year-old" (an age)."""
    if (m.group("tail") or "").lower().endswith("old"):
        return []
    unit = tn.unit_of(m.group("unit"))
    if unit is None:
        return []
    num = m.group("num")
    count = amount(num)
    if count is not None and (m.group("tail") or "").lower().endswith("half"):
        count += 0.5
    plural = m.group("unit").lower().endswith("s")
    if unit == "quarter" and (plural or "-" in m.group(0)):
        return []
    if num.lower() in ("a", "an") and (plural or unit == "second" or before(m, _RATE)):
        return []
    hedge = before(m, _QUAL_BEFORE)
    start = m.start()
    if hedge and not ("-" in m.group(0) and hedge.group(0).strip().lower() == "the"):
        start = hedge.start()
    return [Found(start, m.end(), "DURATION", tn.duration(count, unit), True)]


def h_vague_duration(m: re.Match[str], ctx: Context) -> list[Found]:
    """"for years", "over decades": an unstated number of units."""
    unit = tn.unit_of(m.group("unit"))
    if unit is None:
        return []
    return [Found(m.start("unit"), m.end(), "DURATION", tn.duration(None, unit), True)]


def h_set(m: re.Match[str], ctx: Context) -> list[Found]:
    """"every five years", "each month", "daily", "every Monday"."""
    word = m.group("adv")
    if word:
        unit = {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month",
                "annually": "year", "yearly": "year", "quarterly": "quarter", "hourly": "hour"}[word.lower()]
        return [Found(m.start(), m.end(), "SET", tn.duration(1, unit, calendar=False), True)]
    target = m.group("unit").lower()
    if target.rstrip("s") in tn.WEEKDAYS:
        return [Found(m.start(), m.end(), "SET", f"XXXX-WXX-{tn.WEEKDAYS[target.rstrip('s')] + 1}", True)]
    unit = tn.unit_of(target)
    if unit is None:
        return []
    count = amount(m.group("num")) if m.group("num") else 1.0
    return [Found(m.start(), m.end(), "SET", tn.duration(count, unit, calendar=False), True)]


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def h_quarter(m: re.Match[str], ctx: Context) -> list[Found]:
    """"the third quarter", "third-quarter", "the first half of 2024"."""
    which = m.group("ord").lower()
    half = m.group("unit").lower() == "half"
    if which not in _ORD or (half and _ORD[which] > 2):
        return []
    code = f"H{_ORD[which]}" if half else f"Q{_ORD[which]}"
    year = m.group("year") or m.group("yearfirst")
    if m.group("rel"):
        rel = _REL[m.group("rel").lower()]
        return relative(m, ctx, "DATE", lambda d: f"{d.year + rel:04d}-{code}")
    if year:
        return [Found(m.start(), m.end(), "DATE", f"{int(year):04d}-{code}", True)]
    start = _hyphen_start(m)

    def value(d: date) -> str:
        current = tn.quarter_of(d) if not half else (d.month - 1) // 6 + 1
        y = d.year - 1 if _ORD[which] > current else d.year
        return f"{y:04d}-{code}"

    return relative(m, ctx, "DATE", value, start)


def h_decade(m: re.Match[str], ctx: Context) -> list[Found]:
    """"the 1990s", "the '90s"."""
    if m.group("dec"):
        return [Found(m.start(), m.end(), "DATE", m.group("dec"), True)]
    short = int(m.group("short"))
    century = 19 if short >= 3 or ctx.dct is None or ctx.dct.year < 2000 else 20
    return [Found(m.start(), m.end(), "DATE", f"{century}{short}", True)]


def h_year(m: re.Match[str], ctx: Context) -> list[Found]:
    """A year ("2027", "fiscal 1997", "mid-1990") where the parse uses the number as one."""
    if not m.group("lead") and not ctx.year_ok(m.start("y"), m.end("y")):
        return []
    return [Found(m.start(), m.end(), "DATE", m.group("y"), True)]


def h_season_year(m: re.Match[str], ctx: Context) -> list[Found]:
    """"summer 2024", "the fall of 1998"."""
    return [Found(m.start(), m.end(), "DATE", f"{m.group('year')}-{tn.SEASONS[m.group('s').lower()]}", True)]


_REFS = {"recent months": "PXM", "recent quarters": "PXM", "recent weeks": "PXW", "recent days": "PXD", "now": "PRESENT_REF",
         "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
         "current": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
         "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
         "the future": "FUTURE_REF", "soon": "FUTURE_REF", "recent years": "PAST_REF",
         "in recent years": "PAST_REF", "these days": "PRESENT_REF", "right now": "PRESENT_REF"}


def h_future_weekend(m: re.Match[str], ctx: Context) -> list[Found]:
    """"the near future" (FUTURE_REF), "the weekend" (the last one, or the coming one in future tense)."""
    text = m.group(0).lower()
    if text.endswith("future"):
        return [Found(m.start(), m.end(), "DATE", "FUTURE_REF", False)]
    if not text.startswith("the"):
        return []
    future = ctx.tense(m.start(), m.end()) == "future"

    def value(d: date) -> str:
        saturday = tn.weekday(d, 5, "future" if future else "past")
        return tn.iso_week(saturday) + "-WE"

    return relative(m, ctx, "DATE", value)


def h_ref(m: re.Match[str], ctx: Context) -> list[Found]:
    """"now", "recently", "the future": TIMEX3 reference points, never anchored (resolved=False).

    "recent months" is a length of time of no stated number (DURATION "PXM", resolved=True).
    """
    key = " ".join(m.group(0).lower().split())
    value = _REFS[key]
    if value.startswith("PX"):
        return [Found(m.start(), m.end(), "DURATION", value, True)]
    return [Found(m.start(), m.end(), "DATE", value, False)]


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# (pattern, handler); on overlap the longest match wins, then the earlier rule.
RULES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (_c(rf"\b(?P<d1>{_WD})\s+(?:and|or|to|through)\s+(?P<d2>{_WD})\s+(?:of\s+)?(?P<rel>next|last|this)\s+week\b"),
     h_weekday_pair),
    (_c(rf"\b(?P<wd>{_WD})\s+(?:of\s+)?(?P<rel>next|last|this|the\s+following)\s+(?P<unit>week)\b"), h_weekday_week),
    (_c(rf"\b(?P<rel>next|last|this|coming|past)\s+(?P<wd>{_WD})(?P<unit>)\b"), h_weekday_week),
    (_c(r"\b(?:the\s+(?:latest|most\s+recent|just-ended|just-completed|recent|year-earlier|year-ago)\s+"
        r"(?:quarter|period)|the\s+quarter|last\s+year|year-earlier|year-ago)\b(?!-)"), h_reporting),
    (_c(rf"\b(?:(?P<special>noon|midnight|midday)|(?P<h>\d{{1,2}})(?::(?P<min>\d\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?)"
        rf"(?:\s*(?:[ECMP][SD]T|GMT|UTC)\b)?(?:,?\s+(?:on\s+)?(?P<day>{_WD}|today|yesterday|tomorrow|{_MONTH}\s+\d{{1,2}}\b))?"),
     h_clock),
    (_c(rf"\b(?P<day>{_WD}|yesterday|tomorrow|this|last)\s+(?P<part>morning|afternoon|evening|night)\b"),
     h_part_of_day),
    (_c(r"\b(?P<day>)(?P<part>tonight|overnight)\b"), h_part_of_day),
    (_c(rf"\b(?P<wd>{_WD})(?P<part>)\b"), h_weekday),
    (_c(rf"\b(?P<unit>{_WD}s)(?P<num>)(?P<adv>)\b"), h_set),
    (_c(rf"\b(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)\b)?"),
     h_month_day),
    (_c(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})(?!\w)(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)\b)?"),
     h_month_day),
    (_c(rf"\b(?P<mon>{_FULL_MONTH})(?!\w)(?:,?\s+(?:of\s+)?(?P<year>(?:1[6-9]|20)\d\d)\b|"
        rf"\s+(?P<yrel>last|this|next)\s+year\b)?"), h_month),
    (_c(r"\b(?:(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)|(?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>\d{4}|\d\d))\b"),
     h_numeric_date),
    (_c(r"\b(?:(?:early|late)\s+)?(?P<w>today|yesterday|tomorrow)\b"), h_relative_day),
    (_c(r"\b(?:(?:early|late)\s+|(?P<the>the\s+))?(?P<rel>this|next|last|past|coming|previous|current)\s+"
        r"(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)\b"),
     h_relative_unit),
    (_c(rf"\b(?P<num>{_NUM})\s+(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence)\b"),
     h_ago),
    (_c(rf"\b(?P<num>{_NUM})[- ](?P<unit>{_UNIT})(?P<tail>[- ](?:long|old)|\s+and\s+a\s+half)?\b"),
     h_duration),
    (_c(rf"\b(?:for|in|over|within|after)\s+(?P<unit>years|months|weeks|days|decades|hours)\b"), h_vague_duration),
    (_c(rf"\b(?:(?:every|each|per)\s+(?:(?P<num>{_NUM})\s+)?(?P<unit>{_UNIT}|{_WD}s?)|(?P<adv>daily|nightly|weekly|"
        r"monthly|yearly|hourly))\b"), h_set),
    (_c(r"\b(?:the\s+)?(?:(?P<yearfirst>(?:19|20)\d\d)\s+|(?P<rel>this|last|next)\s+year's\s+|fiscal\s+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?P<unit>quarter|half)\b"
        r"(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)\b)?"), h_quarter),
    (_c(r"\b(?:the\s+)?(?:(?:early|mid|late)[- ]?)?(?:(?P<dec>1[6-9]\d|20\d)0s|'(?P<short>\d)0s)\b"), h_decade),
    (_c(r"(?<![\d$£€¥.,-])\b(?:(?P<lead>fiscal|early|mid|late|mid-|fiscal\s+year)[- ]?\s*)?(?P<y>(?:1[6-9]|20)\d\d)\b(?![.,]\d|-\d|%)"),
     h_year),
    (_c(r"\b(?:the\s+year\s+(?P<thousand>two\s+thousand)|nineteen\s+(?P<tens>ten|eleven|twelve|thirteen|"
        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[- ](?P<unit>one|two|three|four|five|six|seven|eight|nine))?)\b(?![- ](?:year|month|day|week))"),
     h_spelled_year),
    (_c(r"\b(?:last\s+|this\s+|next\s+)?(?P<name>christmas\s+day|christmas\s+eve|christmas|new\s+year['’]s\s+(?:day|eve)|"
        r"independence\s+day|valentine['’]s\s+day|halloween|thanksgiving(?:\s+day)?)(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"),
     h_holiday),
    (_c(r"\bthe\s+(?:(?:early|mid|late)[- ]?)?(?P<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
     h_decade_word),
    (_c(r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)[- ]century\b(?!-)"), h_century),
    (_c(r"\b(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b"), h_season_year),
    (_c(r"\b(?:(?:near|foreseeable|immediate|distant)\s+future|(?:the\s+)?weekend)\b"), h_future_weekend),
    (_c(r"\b(?:now|currently|nowadays|recently|current|these\s+days|"
        r"recent\s+(?:years|months|weeks|days|quarters)|the\s+past|the\s+future)\b(?!-)"), h_ref),
)

_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_WORDS = ("second", "minute", "hour", "day", "night", "week", "month", "quarter", "year", "decade",
               "centur", "fortnight")
# For each rule, words of which the lower-cased text must hold one for the rule to be worth running
# (None: always run). A cheap substring test that spares most rules on most texts.
TRIGGERS: tuple[tuple[str, ...] | None, ...] = (
    _WEEKDAY_WORDS, _WEEKDAY_WORDS, _WEEKDAY_WORDS, ("quarter", "year", "period"),
    ("m.", "am", "pm", "noon", "midnight", "midday"), _WEEKDAY_WORDS + ("yesterday", "tomorrow", "this", "last"),
    ("tonight", "overnight"), _WEEKDAY_WORDS, _WEEKDAY_WORDS, _MONTH_WORDS, _MONTH_WORDS, _MONTH_WORDS,
    ("-", "/"), ("today", "yesterday", "tomorrow"), ("this", "next", "last", "past", "coming", "previous", "current"),
    ("ago", "earlier", "before", "later", "after", "from now", "hence"), _UNIT_WORDS,
    ("years", "months", "weeks", "days", "decades", "hours"),
    ("every", "each", "per ", "daily", "nightly", "weekly", "monthly", "yearly", "hourly") + _WEEKDAY_WORDS,
    ("quarter", "half"), ("0s",), None, ("nineteen", "two thousand"),
    ("christmas", "new year", "independence", "valentine", "halloween", "thanksgiving"), ("ties",),
    ("century",), ("spring", "summer", "fall", "autumn", "winter"), ("future", "weekend"),
    ("now", "current", "recent", "these days", "the past", "the future"),
)
assert len(TRIGGERS) == len(RULES)
