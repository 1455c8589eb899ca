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
  (dev5: "to meet a country", "had toured the country");
- a happening told only as speculation or rumour is supposed, not reported (dev3 "amid speculation
  he will be offered the job"), and "Bar" opening a sentence before a noun is "except" (dev5).
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


def _token(nlp, text: str, word: str):
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
    from newsgraph.nlp.pipeline import make_doc

    article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
    doc = nlp(make_doc(nlp, article))
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "guessed"),
    [
        ("Ms Hale refused to say whether Mr Orme would stay as treasurer, amid speculation he will be offered the post of chairman.", "offered", True),
        ("Rumours that the treasurer will resign swept the conference on Monday.", "resign", True),
        ("The treasurer will resign on Monday, the party said.", "resign", False),
    ],
)
def test_a_happening_told_as_speculation_is_supposed(nlp, text: str, word: str, guessed: bool) -> None:
    from newsgraph.nlp.events.told import speculated

    assert speculated(_token(nlp, text, word)) is guessed


@pytest.mark.parametrize(
    ("text", "everyday"),
    [
        ("Bar a slight dip at Easter, the Lisbon bourse had risen steadily by 3% since the vote.", True),
        ("The league will bar the club from the cup next season.", False),
    ],
)
def test_bar_opening_a_sentence_is_except(nlp, text: str, everyday: bool) -> None:
    from newsgraph.nlp.plover import everyday_sense

    assert everyday_sense(_token(nlp, text, "Bar" if everyday else "bar")) is everyday
