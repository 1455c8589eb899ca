"""Events worth a typed row (issue 12), on sentences the team wrote: an actor that can act and a
real action keep the PLOVER type; numbers are never actors; things and states go to OTHER."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.nlp.events import EXTRACTOR
from newsgraph.nlp.pipeline import make_doc


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


def _event(nlp, text: str, trigger: str):
    article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
    found = [e for e in nlp(make_doc(nlp, article))._.ng["events"] if e.trigger.text == trigger]
    assert len(found) == 1
    assert found[0].extractor == EXTRACTOR == "newsgraph.events.v29"
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        ("The new console supports older games.", "supports", ["new console"]),
        ("The app rejected the password.", "rejected", ["app"]),
        ("The software threatens older systems.", "threatens", ["software"]),
        ("Twelve agreed with the plan.", "agreed", []),
        ("Forty percent opposed the deal.", "opposed", []),
        ("Just 16 disagreed with the ruling.", "disagreed", []),
    ],
)
def test_things_and_numbers_are_not_actors_of_typed_events(nlp, text: str, trigger: str, actors: list[str]) -> None:
    event = _event(nlp, text, trigger)
    assert event.type == "OTHER"
    assert [a.evidence.text for a in event.actors] == actors


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "actors"),
    [
        ("Thousands of workers protested outside parliament.", "protested", "PROTEST", ["Thousands of workers"]),
        ("The opposition rejected the budget.", "rejected", "REJECT", ["opposition"]),
        ("Truckers blocked the main bridge into the city.", "blocked", "PROTEST", ["Truckers"]),
        ("A bomb exploded outside the station.", "exploded", "ASSAULT", ["bomb"]),
        ("France imposed sanctions on the company.", "sanctions", "SANCTION", ["France"]),
        ("Guerrillas ambushed an army convoy near the border.", "ambushed", "ASSAULT", ["Guerrillas"]),
        ("United Nations helicopters evacuated the wounded from the town.", "evacuated", "AID",
         ["United Nations helicopters"]),
    ],
)
def test_actors_that_can_act_keep_the_type(nlp, text: str, trigger: str, etype: str, actors: list[str]) -> None:
    event = _event(nlp, text, trigger)
    assert (event.type, [a.evidence.text for a in event.actors]) == (etype, actors)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The mayor said: “We will support the striking drivers until the end.”", "support"),
        ("“The rebels attacked our village at dawn,” a farmer told reporters.", "attacked"),
        ("Her lawyer said the firm would “fight this ruling in every court”.", "fight"),
    ],
)
def test_an_event_in_a_quotation_is_what_was_said_not_a_typed_happening(nlp, text: str, trigger: str) -> None:
    assert _event(nlp, text, trigger).type == "OTHER"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The mayor said the city will support the striking drivers.", "support"),
        ("Rebels attacked the village at dawn, a farmer said.", "attacked"),
        ("“The Football Association will appeal against the ban,” its lawyer said.", "appeal"),
    ],
)
def test_the_same_event_told_by_the_reporter_or_of_a_named_actor_keeps_its_type(nlp, text: str, trigger: str) -> None:
    assert _event(nlp, text, trigger).type != "OTHER"
