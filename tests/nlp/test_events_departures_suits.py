"""A body left and a suit brought (issue 12, events v28), on sentences written for this test: "left
the club", "left the party" withdraws from a body or a post (RETREAT, as the BBC development sets'
readers code "left Portsmouth", "left the club", "left UKIP"); "took legal action against", "took
their case to the Lords" bring a claim (ACCUSE, CAMEO 115; the development sets: "took legal
action against the government", "take action against Menatep", "took their case to the House of
Lords"; "planned to press charges", "to seek sanctions against" a firm in court: dev and dev2).
Leaving somewhere, someone or something in a state is no withdrawal; legal action that
no one is said to take is no suit. Never read off the held-out sample."""

from __future__ import annotations

import pytest

from newsgraph.nlp.events import EXTRACTOR


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The striker left the club in March after a row with the manager.", "left", "RETREAT"),
        ("Two councillors left the party over its stance on the bypass.", "left", "RETREAT"),
        ("The singer left the band in 2003 to pursue a solo career.", "left", "RETREAT"),
        ("Four years ago the farmer took legal action against the water company.", "took", "ACCUSE"),
        ("The residents' group has launched legal action against the council.", "launched", "ACCUSE"),
        ("The two families took their case to the House of Lords.", "took", "ACCUSE"),
        ("The shopkeeper said she would press charges against the two men.", "press", "ACCUSE"),
        ("The family is seeking damages against the hospital trust.", "seeking", "ACCUSE"),
    ],
)
def test_a_body_left_and_a_suit_brought(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert codes(nlp, text, trigger) == [code]
    assert EXTRACTOR == "newsgraph.events.v29"


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Unions pressed the government for a pay rise.", "pressed", "REQUEST"),
        ("The minister is seeking talks with the rebels.", "seeking", "REQUEST"),
    ],
)
def test_pressing_and_seeking_otherwise_are_requests(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert code in codes(nlp, text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The floods left the council with a bill of £2m.", "left"),
        ("The row left the party in turmoil.", "left"),
        ("The minister left the meeting early.", "left"),
        ("The ministry set aside money in case legal action was taken against it.", "taken"),
        ("The firm took action to cut its costs.", "took"),
    ],
)
def test_leaving_and_acting_otherwise_stay_untyped(nlp, codes, text: str, trigger: str) -> None:
    assert codes(nlp, text, trigger) in ([], ["OTHER"])
