"""A plan the writer tells as a schedule keeps its type; an intention someone states is AGREE (issue
12, events v28), on sentences written for this test. PLOVER codes a stated intention to cooperate as
AGREE (CAMEO 03, "express intent to"): "the government said it will give aid" is a pledge. A visit,
a meeting or talks that the article itself announces ("the foreign secretary is to visit Indonesia
this week") is that act, to come: its type stays, its mode says it is planned. The class was read off
the BBC development sets (tests/golden/events-bbc/dev*.json: "is to visit", "will meet", "is to begin
talks", "is due to start its own consultation", "are to back"), never the held-out sample."""

from __future__ import annotations

import pytest

from newsgraph.nlp.events import EXTRACTOR
from newsgraph.nlp.plover import plover_code, stated_code


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The foreign secretary is to visit Indonesia and Thailand this week.", "visit", "CONSULT"),
        ("The two finance ministers will meet in Geneva on Friday.", "meet", "CONSULT"),
        ("The regulator is due to start its own consultation on the rules in April.", "consultation", "CONSULT"),
        ("The striker is to begin talks with the Italian club.", "talks", "CONSULT"),
        ("The opposition party is to back the government's plans for a new border force.", "back", "SUPPORT"),
    ],
)
def test_a_schedule_the_writer_tells_keeps_its_type(nlp, events_at, codes, text: str, trigger: str, code: str) -> None:
    (event,) = events_at(nlp, text, trigger)
    assert (event.type, event.mode.value) == (code, "planned")
    assert codes(nlp, text, trigger) == [code]
    assert event.extractor == EXTRACTOR == "newsgraph.events.v29"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Norwegian government said it will give £10m in aid to the flood victims.", "give"),
        ("Norway says it is willing to send aid to the flood victims.", "send"),
        ("The rebel commander said they are ready to release the hostages.", "release"),
    ],
)
def test_an_intention_someone_states_is_agree(nlp, events_at, text: str, trigger: str) -> None:
    (event,) = events_at(nlp, text, trigger)
    assert (event.type, event.mode.value) == ("AGREE", "planned")


def test_the_codes_of_modes() -> None:
    assert plover_code("CONSULT", "planned") == "CONSULT"  # a schedule: the events component types a pledge itself
    assert stated_code("CONSULT", "planned") == "AGREE"  # stated: CAMEO 036
    assert plover_code("AID", "hoped") == plover_code("AID", "hypothetical") == "AGREE"
    assert plover_code("SANCTION", "planned") == "THREATEN"
    assert plover_code("AID", "denied") == "REJECT"
