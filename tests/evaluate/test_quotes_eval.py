"""The PolNeAR reader and the who-said-what matcher."""

from __future__ import annotations

import pytest

from newsgraph.evaluate import polnear
from newsgraph.evaluate.quotes import match

ANN = (
    "T1\tSource 0 5\tAlice\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tit rained and more\n"
    "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tCue 40 47\tclaimed\nT6\tContent 48 60\tline one\nline two\nT7\tAttribution-no-source 40 47\tclaimed\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
)


def test_polnear_parse_ann_reads_discontinuous_and_multiline_spans() -> None:
    first, second = polnear.parse_ann(ANN)
    assert (first.kind, first.source, first.cue, first.content) == (
        "Attribution", ((0, 5),), ((6, 10),), ((11, 20), (25, 30)))
    assert (second.kind, second.source, second.content) == ("Attribution-no-source", (), ((48, 60),))


GOLD = [(((0, 100),), ((200, 210),)), (((300, 310),), ((320, 330),))]


@pytest.mark.parametrize(
    ("pred", "threshold", "expected"),
    [
        ([(((0, 40),), ((205, 215),))], 0.3, (1, 1)),      # covers 40%: a match, source overlaps
        ([(((0, 40),), ((205, 215),))], 0.8, (0, 0)),      # below 0.8
        ([(((0, 90),), ((150, 160),))], 0.8, (1, 0)),      # content matches, wrong source
        ([(((0, 100),), ()), (((0, 100),), ((200, 201),))], 0.3, (1, 0)),  # one-to-one: one match only
        ([(((295, 315),), ((320, 321),))], 0.8, (1, 1)),   # the predicted content may be longer
    ],
)
def test_quotes_match_counts_content_and_end_to_end(pred, threshold: float, expected: tuple[int, int]) -> None:
    assert match(GOLD, pred, threshold) == expected
