"""The blind BBC events sample: the golden file is well formed and points into the articles, and
the scorer counts what it says."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newsgraph.errors import QueryError
from newsgraph.evaluate.events_bbc import Found, golden_path, score
from newsgraph.nlp.plover import TYPES

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden" / "events-bbc" / "sample.json"


def test_events_bbc_golden_is_the_seeded_sample_with_known_types() -> None:
    spec = json.loads(GOLDEN.read_text(encoding="utf-8"))
    paths = [a["path"] for a in spec["articles"]]
    assert paths == spec["sampled"][: spec["annotated"]] and len(paths) >= 20
    for article in spec["articles"]:
        for event in article["events"]:
            assert event["type"] in TYPES
            assert 0 <= event["start"] < event["end"] and len(event["trigger"]) == event["end"] - event["start"]


def test_events_bbc_golden_offsets_point_at_their_triggers(shared_data: Path) -> None:
    root = shared_data / "bbc-news"
    spec = json.loads(GOLDEN.read_text(encoding="utf-8"))
    every = sorted(str(p.relative_to(root)) for p in root.rglob("*.txt") if p.parent != root)
    assert random.Random(spec["seed"]).sample(every, 50) == spec["sampled"]
    for article in spec["articles"]:
        text = (root / article["path"]).read_text(encoding="utf-8")
        for event in article["events"]:
            assert text[event["start"]:event["end"]] == event["trigger"]


def test_events_bbc_score_precision_recall_and_actors() -> None:
    articles = [{"path": "a", "events": [
        {"start": 0, "end": 5, "type": "ACCUSE", "actor": "Mr Clarke"},
        {"start": 10, "end": 15, "type": "REJECT", "actor": ""},
    ]}]
    found = [[Found((0, 5), "ACCUSE", ("Clarke",)), Found((20, 25), "AID", ("UK",)), Found((11, 13), "SUPPORT", ())]]
    s = score(articles, found)
    assert s["precision"] == pytest.approx(2 / 3) and s["typed_precision"] == pytest.approx(1 / 3)
    assert s["recall"] == 1.0 and s["missed"] == 0
    assert s["actor_accuracy"] == 1.0
    assert score(articles, [[]])["missed"] == 2


def test_events_bbc_missing_golden_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(QueryError) as info:
        golden_path(tmp_path / "none.json")
    assert info.value.code == "NG481"


def test_events_bbc_dev_set_is_seeded_outside_the_held_out_sample(shared_data: Path) -> None:
    root = shared_data / "bbc-news"
    held_out = json.loads(GOLDEN.read_text(encoding="utf-8"))["sampled"]
    spec = json.loads((GOLDEN.parent / "dev.json").read_text(encoding="utf-8"))
    every = sorted(str(p.relative_to(root)) for p in root.rglob("*.txt") if p.parent != root)
    pool = [p for p in every if p not in set(held_out)]
    assert random.Random(spec["seed"]).sample(pool, 25) == spec["sampled"] == [a["path"] for a in spec["articles"]]
    for article in spec["articles"]:
        text = (root / article["path"]).read_text(encoding="utf-8")
        for event in article["events"]:
            assert event["type"] in TYPES and text[event["start"]:event["end"]] == event["trigger"]


def test_events_bbc_golden_option_is_read_beside_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert golden_path("tests/golden/events-bbc/dev.json") == REPO / "tests" / "golden" / "events-bbc" / "dev.json"
