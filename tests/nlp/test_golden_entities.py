"""The entities golden set (tests/golden/entities): every fact's evidence holds and the scores
reach their floors. ``NEWSGRAPH_UPDATE_GOLDEN=1`` rewrites the expected file (see its README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate import entities as golden

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "entities"
FLOORS = json.loads((Path(__file__).resolve().parents[2] / "quality" / "floors" / "entities.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> golden.Report:
    return golden.evaluate(GOLDEN)


def test_golden_expected_offsets_match_the_text() -> None:
    texts = {a.id: a.text for a in golden.load_articles(GOLDEN)}
    expected = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))
    assert len(texts) >= 40 and set(expected) == set(texts)
    for article, entities in expected.items():
        for entity in entities:
            for start, end, text, _ in entity["mentions"]:
                assert texts[article][start:end] == text


@pytest.mark.parametrize("metric", sorted(FLOORS["floors"]))
def test_golden_scores_reach_floor(report: golden.Report, metric: str) -> None:
    assert report.value(metric) >= FLOORS["floors"][metric]


def test_place_scores_count_a_country_given_where_the_truth_has_none_as_wrong() -> None:
    gold = {"a": [
        {"name": "Kisumu", "type": "GPE", "mentions": [[0, 6, "Kisumu", "GPE"]], "country": "KE"},
        {"name": "Lake Victoria", "type": "LOC", "mentions": [[10, 23, "Lake Victoria", "LOC"]], "country": None},
        {"name": "Harbour Hall", "type": "FAC", "mentions": [[30, 42, "Harbour Hall", "FAC"]], "country": "KE"},
    ]}
    pred = {"a": [
        {"name": "Kisumu", "mentions": [[0, 6, "Kisumu", "GPE"]], "country": "KE"},
        {"name": "Lake Victoria", "mentions": [[10, 23, "Lake Victoria", "LOC"]], "country": "KE"},
        {"name": "Harbour Hall", "mentions": [[30, 42, "Harbour Hall", "ORG"]]},
    ]}
    typed, accuracy, precision = golden.place_scores(gold, pred)
    assert typed == 2 / 3  # the hall typed ORG
    assert accuracy == 1 / 2  # of the two places with a country, Kisumu's is given
    assert precision == 1 / 2  # two countries given, the lake's where the truth has none
