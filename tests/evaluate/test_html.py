"""The HTML evaluation task: the benchmark's scoring, and a run on a slice of its pages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsgraph import evaluate
from newsgraph.evaluate.html import bag_counts, prf, shingles


def test_html_shingles_are_four_word_tokens() -> None:
    assert shingles("One, two three four five!") == Counter({("One", "two", "three", "four"): 1,
                                                             ("two", "three", "four", "five"): 1})
    assert shingles("Short text") == Counter({("Short", "text"): 1})
    assert shingles("") == Counter()


@pytest.mark.parametrize(("true", "pred", "expected"), [
    ("a b c d e", "a b c d e", (1.0, 0.0, 0.0)),
    ("a b c d e", "", (0.0, 0.0, 1.0)),
    ("a b c d e f", "a b c d e x", (0.5, 0.25, 0.25)),
])
def test_html_counts_are_normalised_per_document(true: str, pred: str, expected: tuple[float, ...]) -> None:
    assert bag_counts(shingles(true), shingles(pred)) == pytest.approx(expected)


def test_html_prf_averages_precision_and_recall_over_documents() -> None:
    precision, recall, f1 = prf([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.0, 0.0, 1.0)])
    assert precision == pytest.approx(0.75) and recall == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_html_eval_on_benchmark_slice(shared_data: Path) -> None:
    data = shared_data / "article-extraction-benchmark"
    if not data.is_dir():
        pytest.skip(f"benchmark not found at {data}")
    report = evaluate.run("html", data, limit=20, anchor_run=False)
    assert report.metrics[0].name == "f1" and report.metrics[0].anchor == 0.953
    assert report.value("f1") > 0.9 and report.notes[0].startswith("20 pages")
