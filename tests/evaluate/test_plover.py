"""The PLOVER task: label mapping, split and macro-F1."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.plover import macro_f1, split
from newsgraph.nlp.plover import TYPES, current_type


@pytest.mark.parametrize(
    ("old", "new"),
    [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT"), ("AGREE", "AGREE")],
)
def test_plover_current_type_maps_old_labels(old, new) -> None:
    assert current_type(old) == new
    assert new in TYPES


def test_plover_types_are_the_sixteen_of_the_manual() -> None:
    assert len(TYPES) == 16 and len(set(TYPES)) == 16


@pytest.mark.parametrize(
    ("gold", "pred", "score"),
    [
        (["A", "B"], ["A", "B"], 1.0),
        (["A", "B"], ["A", "A"], (2 / 3 + 0) / 2),
        (["A", "A"], ["B", "B"], 0.0),
    ],
)
def test_plover_macro_f1_over_gold_labels(gold, pred, score) -> None:
    assert macro_f1(gold, pred) == pytest.approx(score)


def test_plover_split_alternates_by_position() -> None:
    train, dev = split([{"id": str(i)} for i in range(5)])
    assert [r["id"] for r in train] == ["0", "2", "4"]
    assert [r["id"] for r in dev] == ["1", "3"]
