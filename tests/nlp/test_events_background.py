"""Background is not news (issue 12, events v27), on sentences written for this test: an act the
text tells as how things first stood, since changed ("had originally pledged", "was initially
proposed by"), is kept as an event but typed OTHER; the same act told without such an adverb, or
with one that only places it earlier ("already"), keeps its type. The class was read off the BBC
development sets (tests/golden/events-bbc/dev*.json), never the held-out sample."""

from __future__ import annotations

import pytest

from newsgraph.nlp.events import EXTRACTOR


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The council had originally pledged to build 500 new homes by 2010.", "pledged"),
        ("The scheme was initially proposed by the mayor of Leeds.", "proposed"),
        ("The government had originally promised free travel for pensioners.", "promised"),
        ("The club initially rejected the offer, the player's agent said.", "rejected"),
    ],
)
def test_how_things_first_stood_is_untyped(nlp, untyped, text: str, trigger: str) -> None:
    assert untyped(nlp, text, trigger).extractor == EXTRACTOR == "newsgraph.events.v29"


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The council pledged to build 500 new homes by 2010.", "pledged", "AGREE"),
        ("The mayor proposed the scheme on Monday.", "proposed", "REQUEST"),
        ("The club rejected the offer, the player's agent said.", "rejected", "REJECT"),
        ("The board had already approved the merger, the chairman said.", "approved", "SUPPORT"),
    ],
)
def test_the_act_told_as_news_keeps_its_type(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert codes(nlp, text, trigger) == [code]
