"""Acts the text sets aside are not happenings (issue 12, events v25), on sentences written for this
test: the object of "without" ("approved the budget without consulting local residents"), the
alternative not taken ("instead of apologising", "rather than negotiating") and, since events v27,
what an act is likened to ("the equivalent of sacking every nurse", "tantamount to declaring war")
are kept as events but typed OTHER; an act after "after", or after an "of" with no "instead" before it, keeps its type. The class was read off the BBC
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
        ("The council approved the budget without consulting local residents.", "consulting"),
        ("Protesters left the square without clashing with the police.", "clashing"),
        ("The minister resigned instead of apologising to the victims.", "apologising"),
        ("Rebels attacked the town rather than negotiating with the army.", "negotiating"),
        # what an act is likened to (events v27)
        ("The opposition said the cuts were the equivalent of sacking every nurse in the country.", "sacking"),
        ("Critics said the decision was tantamount to declaring war on the unions.", "war"),
    ],
)
def test_an_act_set_aside_is_untyped(nlp, untyped, text: str, trigger: str) -> None:
    assert untyped(nlp, text, trigger).extractor == EXTRACTOR == "newsgraph.events.v29"


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The minister resigned instead of apologising to the victims.", "resigned", "CONCEDE"),
        ("Rebels attacked the town rather than negotiating with the army.", "attacked", "ASSAULT"),
        ("Police arrested him after questioning the driver.", "questioning", "ACCUSE"),
        ("The army was accused of sacking the town's mayor.", "sacking", "SANCTION"),
        ("The army completed the job of evacuating the villagers on Monday.", "evacuating", "AID"),
    ],
)
def test_the_act_done_keeps_its_type(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert codes(nlp, text, trigger) == [code]
