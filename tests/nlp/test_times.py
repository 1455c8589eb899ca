"""Time expressions: detection, TIMEX3 values against the publication date, unresolved without one."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, TimeType
from newsgraph.nlp import timex_normalise as tn
from newsgraph.nlp.pipeline import load_pipeline, make_doc

PUBLISHED = datetime(2025, 10, 21, 9, 30, tzinfo=timezone.utc)  # a Tuesday, ISO week 43


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(components=["newsgraph_times"])


def times_of(nlp, text: str, published: datetime | None = PUBLISHED):
    article = Article(id="art_t", source=SourcePointer(path="t.txt", format=SourceFormat.TEXT), text=text,
                      published=published)
    return nlp(make_doc(nlp, article))._.ng["times"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The trade ministers will meet in Geneva next week.", [("next week", "DATE", "2025-W44")]),
        ("The talks are set for Thursday and Friday next week in Oslo.",
         [("Thursday", "DATE", "2025-10-30"), ("Friday next week", "DATE", "2025-10-31")]),
        ("The mayor resigned yesterday after a long dispute.", [("yesterday", "DATE", "2025-10-20")]),
        ("The bridge closed on Wednesday after the storm.", [("Wednesday", "DATE", "2025-10-15")]),
        ("The council will vote on Wednesday.", [("Wednesday", "DATE", "2025-10-22")]),
        ("Sales of bicycles rose last month.", [("last month", "DATE", "2025-09")]),
        ("The subsidy runs through 2027 under the budget law.", [("2027", "DATE", "2027")]),
        ("Elections are held every five years.", [("every five years", "SET", "P5Y")]),
        ("It was the capital's first snowfall in almost seven years.",
         [("almost seven years", "DURATION", "P7Y")]),
        ("The firm announced a five-year plan.", [("five-year", "DURATION", "P5Y")]),
        ("Profits fell last year and rose this week.",
         [("last year", "DATE", "2024"), ("this week", "DATE", "2025-W43")]),
        ("The envoy travels to Lima from Sunday next week.", [("Sunday next week", "DATE", "2025-11-02")]),
        ("Prices doubled in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("The vote is due at 2 p.m. Tuesday.", [("2 p.m. Tuesday", "TIME", "2025-10-21T14:00")]),
        ("The treaty was signed on October 27, 2024.", [("October 27, 2024", "DATE", "2024-10-27")]),
        ("The fair will open on Oct. 27 in Lyon.", [("Oct. 27", "DATE", "2025-10-27")]),
        ("The court will rule on 27 October.", [("27 October", "DATE", "2025-10-27")]),
        ("The strike lasted three days.", [("three days", "DURATION", "P3D")]),
        ("Delegates opened a week-long summit.", [("a week-long", "DURATION", "P1W")]),
        ("The plant reopened two weeks ago.", [("two weeks ago", "DATE", "2025-W41")]),
        ("Officials said the work would finish tomorrow morning.", [("tomorrow morning", "TIME", "2025-10-22TMO")]),
        ("Unemployment is now at a record low.", [("now", "DATE", "PRESENT_REF")]),
        ("The museum opens daily at ten.", [("daily", "SET", "P1D")]),
        ("Results for the third quarter of 2024 were strong.", [("the third quarter of 2024", "DATE", "2024-Q3")]),
        ("The ceasefire lasted 48 hours.", [("48 hours", "DURATION", "PT48H")]),
        ("Growth slowed over the past two decades.", [("the past two decades", "DURATION", "P20Y")]),
        ("The report was published on 2025-03-14.", [("2025-03-14", "DATE", "2025-03-14")]),
        ("The fleet returned last summer.", [("last summer", "DATE", "2024-SU")]),
        ("Shops close on Christmas Day.", [("Christmas Day", "DATE", "2025-12-25")]),
        ("The reform was passed in June last year.", [("June last year", "DATE", "2024-06")]),
        ("Shares rose 4% by 1200 GMT.", [("1200 GMT", "TIME", "2025-10-21T12:00")]),
    ],
)
def test_times_detects_and_normalises(nlp, text, expected) -> None:
    times = times_of(nlp, text)
    assert [(t.evidence.text, t.type.value, t.value) for t in times] == expected
    assert all(t.resolved for t in times if not (t.value or "").endswith("_REF"))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The trade ministers will meet in Geneva next week.", "next week"),
        ("The mayor resigned yesterday after a long dispute.", "yesterday"),
        ("The bridge closed on Wednesday after the storm.", "Wednesday"),
        ("Sales of bicycles rose last month.", "last month"),
        ("The envoy travels to Lima from Sunday next week.", "Sunday next week"),
        ("The vote is due at 2 p.m. Tuesday.", "2 p.m. Tuesday"),
        ("The plant reopened two weeks ago.", "two weeks ago"),
    ],
)
def test_times_relative_without_publication_date_stay_unresolved(nlp, text, span) -> None:
    times = times_of(nlp, text, published=None)
    assert [(t.evidence.text, t.value, t.resolved) for t in times] == [(span, None, False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty was signed on October 27, 2024.", ("October 27, 2024", "2024-10-27", True)),
        ("The subsidy runs through 2027 under the budget law.", ("2027", "2027", True)),
        ("Elections are held every five years.", ("every five years", "P5Y", True)),
        ("The firm announced a five-year plan.", ("five-year", "P5Y", True)),
        ("The court will rule on 27 October.", ("27 October", "XXXX-10-27", False)),
    ],
)
def test_times_absolute_and_lengths_without_publication_date(nlp, text, expected) -> None:
    times = times_of(nlp, text, published=None)
    assert [(t.evidence.text, t.value, t.resolved) for t in times] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The Boeing 737 and the Airbus A320 carried 180 passengers.",
        "She was the first woman to win the prize.",
        "The team scored 2027 points over its history.",
        "A 37-year-old man was arrested.",
    ],
)
def test_times_ignores_non_time_numbers(nlp, text) -> None:
    assert times_of(nlp, text) == ()


def test_times_records_carry_evidence_and_extractor(nlp) -> None:
    text = "The bank raised rates on Monday."
    (time,) = times_of(nlp, text)
    assert text[time.evidence.start : time.evidence.end] == time.evidence.text == "Monday"
    assert time.type is TimeType.DATE
    assert time.extractor == "newsgraph.times.v2"


@pytest.mark.parametrize(
    ("day", "week"),
    [(date(2025, 10, 21), "2025-W43"), (date(2025, 12, 29), "2026-W01"), (date(2021, 1, 3), "2020-W53")],
)
def test_timex_normalise_iso_week(day, week) -> None:
    assert tn.iso_week(day) == week


@pytest.mark.parametrize(
    ("dct", "month", "day", "tense", "year"),
    [
        (date(2025, 1, 6), 12, 10, "past", 2024),
        (date(2025, 1, 6), 1, 14, "past", 2025),
        (date(2025, 10, 21), 4, None, "past", 2025),
        (date(2025, 10, 21), 8, None, None, 2025),
        (date(2025, 10, 21), 2, None, "future", 2026),
        (date(2025, 12, 5), 4, None, None, 2025),
        (date(2025, 12, 5), 4, None, "future", 2026),
    ],
)
def test_timex_normalise_month_year_nearest_with_tense(dct, month, day, tense, year) -> None:
    assert tn.month_year(dct, month, day, tense) == year


@pytest.mark.parametrize(
    ("amount", "unit", "calendar", "value"),
    [
        (5, "year", True, "P5Y"), (None, "month", True, "PXM"), (3, "hour", True, "PT3H"),
        (2, "decade", True, "P20Y"), (3, "quarter", True, "P9M"), (1, "quarter", False, "P1Q"),
        (2.5, "year", True, "P2Y6M"), (1.5, "minute", True, "PT1M30S"), (0.5, "hour", True, "PT0.5H"),
        (1, "weekend", True, "P2D"),
    ],
)
def test_timex_normalise_duration(amount, unit, calendar, value) -> None:
    assert tn.duration(amount, unit, calendar) == value
