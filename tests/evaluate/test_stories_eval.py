"""The story scorers (B-cubed, pairwise, topic mixing), the baseline and the loaders."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import QueryError
from newsgraph.evaluate.stories import baseline, bcubed, load, mixed_topics, pairwise

GOLD = {"a": "x", "b": "x", "c": "y", "d": "y"}


def test_bcubed_and_pairwise_score_a_known_clustering() -> None:
    pred = {"a": "1", "b": "1", "c": "1", "d": "2"}
    p, r, f = bcubed(pred, GOLD)
    assert (p, r) == pytest.approx(((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, (1 + 1 + 0.5 + 0.5) / 4))
    assert f == pytest.approx(2 * p * r / (p + r))
    assert pairwise(pred, GOLD) == pytest.approx((1 / 3, 1 / 2, 0.4))
    assert bcubed(GOLD, GOLD) == (1.0, 1.0, 1.0)


def test_mixed_topics_is_the_share_of_pairs_across_topics() -> None:
    assert mixed_topics({"a": "1", "b": "1", "c": "1"}, {"a": "t1", "b": "t1", "c": "t2"}) == pytest.approx(2 / 3)
    assert mixed_topics({"a": "1", "b": "2"}, {"a": "t1", "b": "t2"}) == 0.0


def test_baseline_links_similar_texts_only() -> None:
    labels = baseline(["The navy seized pirates off Somalia.", "Pirates seized by the navy off Somalia.",
                       "A new bridge opened over the river."])
    assert labels[0] == labels[1] != labels[2]


def test_load_reads_ecbplus_and_giveme5w1h(shared_data: Path) -> None:
    dev = load(shared_data / "ecbplus", "dev")
    assert len(dev) == 197 and len({d.story for d in dev}) == 16 and len({d.topic for d in dev}) == 8
    giveme = load(shared_data / "giveme5w1h" / "train")
    assert len(giveme) == 75 and len({d.story for d in giveme}) == 12


def test_load_refuses_a_folder_without_data_with_ng405(tmp_path: Path) -> None:
    with pytest.raises(QueryError) as info:
        load(tmp_path, "dev")
    assert info.value.code == "NG405"
