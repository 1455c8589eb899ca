"""Figures on the seed articles (read from ../shared at run time; never copied into the repo)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from newsgraph.nlp.pipeline import extract, load_pipeline

PUBLISHED = datetime(2025, 10, 21, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def seed_figures(seed_articles):
    """Each seed article's (figures, times), its deck included (evidence marked ``field="deck"``)."""
    nlp = load_pipeline(components=["newsgraph_entities", "newsgraph_times", "newsgraph_figures"])
    articles = [replace(a, published=PUBLISHED) for a in seed_articles.values()]
    return {name: (f.figures, f.times) for name, f in zip(seed_articles, extract(articles, nlp=nlp))}


@pytest.mark.parametrize(
    ("article", "evidence", "value", "unit", "qualifier", "measures", "owner"),
    [
        ("japan", "as much as US$550 billion", 5.5e11, "USD", "as much as", None, None),
        ("japan", "2 percent", 2.0, "percent", None, "GDP", None),
        ("japan", "5 percent", 5.0, "percent", None, "GDP", None),
        ("japan", "50,000", 5e4, "count", None, "US troops", None),
        ("vietnam", "about 1,600", 1600.0, "count", "about", "delegates", None),
        ("vietnam", "200", 200.0, "count", None, "new party delegates", None),  # in the deck
        ("vietnam", "68", 68.0, "years", None, "age", "Lam"),
        ("ice", "more than 1,000", 1000.0, "count", "more than", "events", None),
        ("ice", "37-year-old", 37.0, "years", None, "age", "mother"),
    ],
)
def test_figures_seed_finds_the_cited_figures(seed_figures, article, evidence, value, unit, qualifier, measures,
                                              owner) -> None:
    figures, _ = seed_figures[article]
    found = [(f.value, f.unit, f.qualifier, f.measures, f.owner) for f in figures if f.evidence.text == evidence]
    assert found == [(value, unit, qualifier, measures, owner)]


@pytest.mark.parametrize("fragment", ["F-150", "2027", "five-year", "seven years", "week", "Monday", "1990"])
def test_figures_seed_no_figure_in_names_years_durations_or_dates(seed_figures, fragment) -> None:
    texts = [f.evidence.text for figures, _ in seed_figures.values() for f in figures]
    assert [t for t in texts if fragment in t] == []


def test_figures_seed_no_figure_overlaps_a_time_expression(seed_figures) -> None:
    for figures, times in seed_figures.values():
        overlaps = [
            (f.evidence.text, t.evidence.text)
            for f in figures for t in times
            if f.evidence.field == t.evidence.field
            and f.evidence.start < t.evidence.end and t.evidence.start < f.evidence.end
        ]
        assert overlaps == []


def test_figures_seed_deck_figure_points_into_the_deck(seed_figures, seed_articles) -> None:
    figures, _ = seed_figures["vietnam"]
    [delegates] = [f for f in figures if f.evidence.text == "200"]
    evidence = delegates.evidence
    assert evidence.field == "deck"
    assert seed_articles["vietnam"].deck[evidence.start:evidence.end] == "200"
