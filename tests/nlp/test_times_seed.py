"""Time expressions on the seed articles (read from ../shared at run time; never copied into the repo)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from newsgraph.nlp.pipeline import extract, load_pipeline

PUBLISHED = datetime(2025, 10, 21, tzinfo=timezone.utc)  # a Tuesday, ISO week 43


def _times(seed_articles: dict, published: datetime | None) -> dict:
    nlp = load_pipeline(components=["newsgraph_times"])
    articles = [replace(a, published=published) for a in seed_articles.values()]
    return {name: f.times for name, f in zip(seed_articles, extract(articles, nlp=nlp))}


@pytest.fixture(scope="module")
def seed_times(seed_articles):
    return _times(seed_articles, PUBLISHED), _times(seed_articles, None)


def _lookup(times, evidence: str, nth: int = 0):
    matching = [t for t in times if t.evidence.text.lower() == evidence.lower()]
    assert len(matching) > nth, f"no time expression {evidence!r} (#{nth}) among {[t.evidence.text for t in times]}"
    return matching[nth]


@pytest.mark.parametrize(
    ("article", "evidence", "type_", "value"),
    [
        ("japan", "next week", "DATE", "2025-W44"),
        ("japan", "Monday", "DATE", "2025-10-27"),
        ("japan", "Tuesday next week", "DATE", "2025-10-28"),
        ("embassy", "yesterday", "DATE", "2025-10-20"),
        ("embassy", "Wednesday", "DATE", "2025-10-15"),
        ("japan", "last month", "DATE", "2025-09"),
        ("japan", "2027", "DATE", "2027"),
        ("vietnam", "every five years", "SET", "P5Y"),
        ("japan", "almost seven years", "DURATION", "P7Y"),
        ("japan", "five-year", "DURATION", "P5Y"),
        ("japan", "Sunday next week", "DATE", "2025-11-02"),
        ("vietnam", "a week-long", "DURATION", "P1W"),
        ("japan", "last year", "DATE", "2024"),
    ],
)
def test_times_seed_values_against_publication_date(seed_times, article, evidence, type_, value) -> None:
    time = _lookup(seed_times[0][article], evidence)
    assert (time.type.value, time.value, time.resolved) == (type_, value, True)


@pytest.mark.parametrize(
    ("article", "evidence"),
    [
        ("japan", "next week"), ("japan", "Monday"), ("japan", "Tuesday next week"),
        ("embassy", "yesterday"), ("embassy", "Wednesday"), ("japan", "last month"),
        ("japan", "Sunday next week"), ("japan", "last year"),
    ],
)
def test_times_seed_relative_unresolved_without_publication_date(seed_times, article, evidence) -> None:
    time = _lookup(seed_times[1][article], evidence)
    assert (time.value, time.resolved) == (None, False)


@pytest.mark.parametrize(("article", "evidence", "value"),
                         [("japan", "2027", "2027"), ("vietnam", "every five years", "P5Y"),
                          ("japan", "almost seven years", "P7Y")])
def test_times_seed_absolute_resolved_without_publication_date(seed_times, article, evidence, value) -> None:
    time = _lookup(seed_times[1][article], evidence)
    assert (time.value, time.resolved) == (value, True)
