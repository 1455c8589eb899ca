"""Typed events are happenings told of someone the article reports on (issue 12, point 1), on
sentences the team wrote: a habit told in the simple present ("fans often complain", "receives
5,000 visitors each day") is no happening; an actor that is the writer ("I", "we":
a reader's comment) or a relative word left without its antecedent names no one; and a report, a
law or a plan of a body does not act for it. Each class was read off the BBC development sets
(tests/golden/events-bbc/dev*.json), never the held-out sample."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # habits in the simple present
        ("Gamers often complain that their hobby is misunderstood by politicians.", "complain"),
        ("The National Gallery receives around 5,000 visitors each day.", "receives"),
        ("The ombudsman investigates about 200 complaints a year.", "investigates"),
        # the writer, or a relative word with no antecedent
        ("I have since quit playing the game and found a steady job.", "quit"),
        ("I demand a refund from the organisers!", "demand"),
        ("It may be wise to be strict about who is allowed to visit the office.", "visit"),
        # a body's writing does not act
        ("Islamic law's ban on interest payments stays.", "ban"),
    ],
)
def test_no_happening_is_typed(nlp, events_at, text: str, trigger: str) -> None:
    found = events_at(nlp, text, trigger)
    assert all(e.type == "OTHER" for e in found), [(e.type, e.mode.value) for e in found]


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Margaret Hollis confirmed she would vote against the government's bill on Tuesday.", "vote", "REJECT"),
        ("The US has asked the World Trade Organisation to investigate the tariffs.", "asked", "REQUEST"),
        ("Police arrested four protesters outside the embassy on Monday.", "arrested", "COERCE"),
        ("Russian jets bombed two villages near the border overnight.", "bombed", "ASSAULT"),
    ],
)
def test_happenings_told_of_someone_keep_their_type(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert code in codes(nlp, text, trigger)
