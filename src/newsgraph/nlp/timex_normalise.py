"""TIMEX3 values: calendar arithmetic against a document creation time (DCT).

Pure functions over ``datetime.date``; no spaCy. A value follows TimeML's TIMEX3 forms:
"2025-10-27" (day), "2025-10" (month), "2025-W44" (ISO week), "2025-Q3" (quarter), "2025-SU"
(season), "199" (decade), "2025-10-27TNI" (part of day), "P5Y"/"PT3H" (durations, "X" for an
unstated number), "PRESENT_REF"/"PAST_REF"/"FUTURE_REF".
"""

from __future__ import annotations

from datetime import date, timedelta

# Duration letters, TIMEX3 style; hours, minutes and seconds go after a "T".
UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "fortnight": "W",
}
_TIME_UNITS = {"second", "minute", "hour"}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI",
             "overnight": "TNI"}


def unit_of(word: str) -> str | None:
    """``"years"`` → ``"year"``; None when the word is not a calendar unit."""
    word = word.lower()
    if word == "centuries":
        return "century"
    base = word[:-1] if word.endswith("s") and word[:-1] in UNIT_CODES else word
    return base if base in UNIT_CODES else None


_IN_SMALLER = {"decade": (10, "year"), "century": (100, "year"), "quarter": (3, "month")}


def duration(amount: float | None, unit: str, calendar: bool = True) -> str:
    """``duration(5, "year")`` → ``"P5Y"``; ``amount=None`` gives the unstated ``"PXY"``.

    With ``calendar`` (a length of time), decades, centuries and quarters are written in years
    and months ("P20Y", "P9M"); without it (a SET's period) they keep their own unit ("P1Q").
    """
    if calendar and unit in _IN_SMALLER and amount is not None:
        factor, smaller = _IN_SMALLER[unit]
        return duration(amount * factor, smaller)
    half = {"year": "6M", "hour": "30M", "minute": "30S", "day": "T12H"}
    if amount is not None and unit in half and amount % 1 == 0.5 and amount > 1:  # "2 1/2 years": P2Y6M
        whole = int(amount)
        return f"{'PT' if unit in _TIME_UNITS else 'P'}{whole}{UNIT_CODES[unit]}{half[unit]}"
    if amount is None:
        number = "X"
    elif float(amount).is_integer():
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    if unit == "weekend":
        return "P2D" if amount in (None, 1) else f"P{number}WE"
    if unit == "fortnight" and amount is not None:
        number = str(int(amount * 2)) if float(amount * 2).is_integer() else f"{amount * 2:g}"
    prefix = "PT" if unit in _TIME_UNITS else "P"
    return f"{prefix}{number}{UNIT_CODES[unit]}"


def iso_week(day: date) -> str:
    """The ISO week of ``day``: ``"2025-W44"``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after ``day``'s month (negative for before)."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def quarter_of(day: date) -> int:
    """1-4."""
    return (day.month - 1) // 3 + 1


def shift(dct: date, unit: str, amount: int) -> str | None:
    """The calendar unit ``amount`` units from the DCT, at that unit's granularity."""
    if unit in ("day", "night"):
        return (dct + timedelta(days=amount)).isoformat()
    if unit in ("week", "fortnight"):
        days = 7 * amount * (2 if unit == "fortnight" else 1)
        return iso_week(dct + timedelta(days=days))
    if unit == "weekend":
        return iso_week(dct + timedelta(days=7 * amount)) + "-WE"
    if unit == "month":
        year, month = add_months(dct, amount)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        index = dct.year * 4 + quarter_of(dct) - 1 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "year":
        return f"{dct.year + amount:04d}"
    if unit == "decade":
        return f"{dct.year // 10 + amount:03d}"
    if unit == "century":
        return f"{dct.year // 100 + amount:02d}"
    return None


def season(dct: date, name: str, amount: int) -> str:
    """``season(dct, "summer", -1)`` → last summer: "2024-SU" for a DCT in 2025."""
    return f"{dct.year + amount:04d}-{SEASONS[name]}"


def weekday(dct: date, target: int, direction: str) -> date:
    """The weekday ``target`` (0 = Monday) nearest the DCT: ``"past"`` on or before it, ``"future"`` on or after."""
    delta = target - dct.weekday()
    if direction == "future":
        return dct + timedelta(days=delta % 7)
    return dct - timedelta(days=(-delta) % 7)


def weekday_in_week(dct: date, target: int, weeks: int) -> date:
    """Weekday ``target`` of the ISO week ``weeks`` away from the DCT's ("Tuesday next week")."""
    monday = dct - timedelta(days=dct.weekday()) + timedelta(days=7 * weeks)
    return monday + timedelta(days=target)


def month_year(dct: date, month: int, day: int | None, direction: str | None) -> int:
    """The year of a month (and day) written without one: the nearest to the DCT, leaning on tense.

    A date on the wrong side of the DCT for the verb's tense counts as 300 days further away
    (150 for a future date under a present tense or none, news being mostly about the past), so
    "in March" read in October is last March unless the verb looks ahead, while "on Jan. 14"
    read on January 6 stays this January.
    """
    best, best_cost = dct.year, None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        target = date(year, month, min(day or 15, 28))
        cost = abs((target - dct).days)
        if direction == "future" and target < dct:
            cost += 300
        elif direction != "future" and target > dct:
            cost += 300 if direction == "past" else 150
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best


def last_quarter(dct: date, years_back: int = 0) -> str:
    """The last completed quarter before the DCT (``years_back`` years earlier): what earnings news reports."""
    index = dct.year * 4 + quarter_of(dct) - 2 - 4 * years_back
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def valid_day(year: int, month: int, day: int) -> bool:
    """True when the date exists."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
