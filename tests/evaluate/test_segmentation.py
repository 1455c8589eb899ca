"""The segmentation evaluation task: gold files, the naive anchor, the seed's gold."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph import evaluate
from newsgraph.evaluate.segmentation import Found, naive_articles, score

REPO = Path(__file__).resolve().parents[2]


def test_segmentation_own_dumps_beat_the_naive_anchor() -> None:
    report = evaluate.run("segmentation", REPO / "tests" / "data" / "segmentation")
    names = [m.name for m in report.metrics]
    assert names == ["boundary_precision", "boundary_recall", "boundary_f1", "title_accuracy",
                     "kicker_accuracy", "deck_accuracy", "truncated_accuracy", "dump_exact"]
    for metric in report.metrics:
        assert metric.anchor is not None and metric.anchor_label and metric.ours >= metric.anchor
    assert report.value("boundary_f1") >= 0.95 > report.metrics[2].anchor  # type: ignore[operator]


def test_segmentation_seed_gold_is_used_for_the_seeds_folder(seed_path: Path) -> None:
    report = evaluate.run("segmentation", seed_path.parent)
    assert report.notes[0] == "1 dumps, 5 gold articles"
    assert {m.name: m.ours for m in report.metrics} == {
        "boundary_precision": 1.0, "boundary_recall": 1.0, "boundary_f1": 1.0, "title_accuracy": 1.0,
        "kicker_accuracy": 1.0, "deck_accuracy": 1.0, "truncated_accuracy": 1.0, "dump_exact": 1.0}
    naive = {m.name: m.anchor for m in report.metrics}
    assert naive["boundary_recall"] == 1.0 and naive["kicker_accuracy"] == 0.6


def test_segmentation_missing_dump_is_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "gold-gone.json").write_text(json.dumps({"dump": "gone.txt", "articles": [{"line": 1}]}))
    (tmp_path / "gold-here.json").write_text(json.dumps({"dump": "here.txt", "articles": [
        {"line": 1, "truncated": False}, {"line": 3, "truncated": False}]}))
    (tmp_path / "here.txt").write_text("One short story ends here.\n----\nAnother story ends there.\n")
    report = evaluate.run("segmentation", tmp_path)
    assert report.notes == ("1 dumps, 2 gold articles", "gold-gone.json: dump gone.txt not found, skipped")
    assert report.value("boundary_f1") == 1.0


def test_segmentation_naive_splitter_splits_blank_lines_else_lines() -> None:
    assert naive_articles(["a.", "b", "", "c."]) == [Found(line=1, truncated=True), Found(line=4)]
    assert naive_articles(["a.", "b", "c."]) == [Found(line=1), Found(line=2, truncated=True), Found(line=3)]


def test_segmentation_score_counts_boundaries_and_attributes() -> None:
    gold = [Found(line=1), Found(line=5, kicker="K", truncated=True), Found(line=9)]
    predicted = [Found(line=1), Found(line=5, kicker="K"), Found(line=7)]
    figures = score([(gold, predicted)])
    assert figures["boundary_precision"] == 0.5 and figures["boundary_recall"] == 0.5
    assert figures["kicker_accuracy"] == 2 / 3 and figures["truncated_accuracy"] == 1 / 3
    assert figures["dump_exact"] == 0.0


def test_segmentation_single_article_files_measure_oversplitting(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Harbour reopens\n\nThe harbour reopened on Monday.\n\nBoats returned.\n")
    (tmp_path / "two.txt").write_text("Bridge closes\n\nThe bridge closed for repairs on Friday.\n")
    report = evaluate.run("segmentation", tmp_path, single_article=True)
    assert report.notes[0] == "2 dumps, 2 gold articles"
    assert report.value("dump_exact") == 1.0 and report.value("title_accuracy") == 1.0
    assert report.metrics[-1].anchor == 0.0
