"""Figures on the seed articles (read from ../shared at run time; never copied into the repo)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer
from newsgraph.nlp.pipeline import load_pipeline, make_doc

PUBLISHED = datetime(2025, 10, 21, tzinfo=timezone.utc)
_BODY_STARTS = {16: "Communist Party of Vietnam General Secretary", 18: "Thousands of demonstrators"}


def seed_texts(seed_path: Path) -> dict[str, str]:
    """The seed's articles by name: lines 1-15 (no photo credit), 16, 18, and 17/19 from their bodies.

    The deck of line 17 (between its kicker and the body) is kept as an article of its own.
    """
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    texts = {
        "japan": "\n".join(line for line in lines[:15] if line.strip() != "Photo: AFP"),
        "grok": lines[15],
        "embassy": lines[17],
    }
    for index, name in ((16, "vietnam"), (18, "ice")):
        line = lines[index]
        start = line.find(_BODY_STARTS[index])
        texts[name] = line[start:]
        texts[name + "_deck"] = line[:start].split(":", 1)[1].strip()
    return texts


@pytest.fixture(scope="module")
def seed_figures(seed_path):
    nlp = load_pipeline(components=["newsgraph_entities", "newsgraph_times", "newsgraph_figures"])
    out = {}
    for name, text in seed_texts(seed_path).items():
        article = Article(id=f"seed_{name}", source=SourcePointer(path=str(seed_path), format=SourceFormat.TEXT),
                          text=text, published=PUBLISHED)
        doc = nlp(make_doc(nlp, article))
        out[name] = (doc._.ng["figures"], doc._.ng["times"])
    return out


@pytest.mark.parametrize(
    ("article", "evidence", "value", "unit", "qualifier", "measures", "owner"),
    [
        ("japan", "as much as US$550 billion", 5.5e11, "USD", "as much as", None, None),
        ("japan", "2 percent", 2.0, "percent", None, "GDP", None),
        ("japan", "5 percent", 5.0, "percent", None, "GDP", None),
        ("japan", "50,000", 5e4, "count", None, "US troops", None),
        ("vietnam", "about 1,600", 1600.0, "count", "about", "delegates", None),
        ("vietnam_deck", "200", 200.0, "count", None, "new party delegates", None),
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
            if f.evidence.start < t.evidence.end and t.evidence.start < f.evidence.end
        ]
        assert overlaps == []
