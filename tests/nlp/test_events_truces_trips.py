"""Typing and precision rules of events v29 (issue 12), on sentences written for this test, never
read off the held-out sample. Classes found across the BBC development sets:

- a truce or a ceasefire called or declared is a de-escalation (RETREAT, CAMEO 0871, as PLOVER codes
  "declared ceasefire"; dev: "called a truce in its battle with France and Germany"); one agreed
  stays AGREE;
- a restriction on a market eased ("relax restrictions on foreign ownership", "lifts bank limit")
  eases economic pressure (RETREAT, CAMEO 085; dev4), an administrative one (a curfew) stays
  CONCEDE (081, as PLOVER codes "lifted curfew");
- quitting a body is leaving it (RETREAT, as events v28 reads "left UKIP"; dev5 "quit the UK
  Independence Party"), quitting a post or a show stays a resignation (CONCEDE, dev "quit his show");
- a partitive object is read through to its whole ("met many of the government's demands":
  demands met, CONCEDE; dev5);
- a tour or a journey that reaches nothing named is a round of one's own, no visit (dev "will travel
  to key cities and marginal seats", dev4 "toured the region"); one to a named place stays CONSULT;
- information ignored (warnings, research) is no demand rejected (dev4, dev5); an order ignored
  stays REJECT;
- in a sports report a side called "the country" or "a nation" is met or toured in a fixture
  (dev5: "to meet a country", "had toured the country").
"""

from __future__ import annotations

import pytest

from newsgraph.nlp.events import EXTRACTOR

_MATCH_REPORT = (
    "Harbour Town beat Millbrook 2-1 in the league on Saturday to stay top of the table. "
    "The striker Jonas Berg scored both goals and the goalkeeper saved a late penalty. "
)


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The Westland Commission has called a truce in its long dispute with Norland over fishing quotas.", "truce", "RETREAT"),
        ("The central bank of Veloria is to relax restrictions on foreign ownership of its insurers.", "relax", "RETREAT"),
        ("Ms Petrova, who recently quit the Green Alliance Party, said the vote had been rigged.", "quit", "RETREAT"),
        ("The union says the board has already met many of its demands in the new pay deal.", "met", "CONCEDE"),
    ],
)
def test_acts_typed_by_what_they_are_done_to(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert codes(nlp, text, trigger) == [code]
    assert EXTRACTOR == "newsgraph.events.v29"


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The mayor lifted the curfew on Tuesday.", "lifted", "CONCEDE"),
        ("Ms Petrova quit her television show last year after the row.", "quit", "CONCEDE"),
        ("The foreign secretary will travel to Jakarta on Monday.", "travel", "CONSULT"),
        ("The army ignored a court order to release the prisoners.", "ignored", "REJECT"),
    ],
)
def test_the_same_words_keep_their_type_otherwise(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert codes(nlp, text, trigger) == [code]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Instead, the party leader will travel to marginal seats and key towns to deliver the campaign message.", "travel"),
        ("Office workers continue to ignore security warnings about fake invoices, a survey suggests.", "ignore"),
    ],
)
def test_rounds_and_unheeded_warnings_are_no_events_of_a_type(nlp, untyped, text: str, trigger: str) -> None:
    assert untyped(nlp, text, trigger).extractor == EXTRACTOR


def test_a_country_toured_in_a_sports_report_is_a_fixture(nlp, codes) -> None:
    sentence = "It was the first time Millbrook had toured the country as a senior side."
    assert codes(nlp, _MATCH_REPORT + sentence, "toured") in ([], ["OTHER"])
