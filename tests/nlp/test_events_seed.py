"""Events and main events on the seed articles (read from ../shared at run time)."""

from __future__ import annotations

import pytest

from newsgraph.model import Event, EventMode
from newsgraph.nlp.pipeline import extract


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.fixture(scope="module")
def seed_states(nlp, seed_articles: dict) -> list[dict]:
    """Each seed article's body events and main event, as the project's reader and pipeline give them."""
    states = []
    for article, facts in zip(seed_articles.values(), extract(seed_articles.values(), nlp=nlp)):
        states.append({"article": article, "main": facts.main,
                       "events": tuple(e for e in facts.events if e.trigger.field == "text")})
    return states


def _find(events: tuple[Event, ...], trigger: str) -> list[Event]:
    return [e for e in events if e.trigger.text == trigger]


def _texts(args) -> set[str]:
    return {a.evidence.text for a in args}


def test_events_seed_trump_visits_tokyo_next_week(seed_states) -> None:
    (visit,) = _find(seed_states[0]["events"], "visits")
    assert visit.type == "CONSULT"
    assert visit.mode is EventMode.PLANNED
    assert _texts(visit.actors) == {"Donald Trump"}
    assert visit.place is not None and visit.place.evidence.text == "Tokyo"
    assert visit.time is not None and visit.time.evidence.text == "next week"


def test_events_seed_leaders_meet_in_tokyo_planned(seed_states) -> None:
    (meet,) = _find(seed_states[0]["events"], "sit down")
    assert (meet.type, meet.mode) == ("CONSULT", EventMode.PLANNED)
    assert meet.place is not None and meet.place.evidence.text == "Tokyo"
    (visit,) = [e for e in _find(seed_states[0]["events"], "visit") if _texts(e.targets) == {"Japan"}]
    assert _texts(visit.actors) == {"Trump"} and visit.mode is EventMode.PLANNED


def test_events_seed_two_countries_block_grok(seed_states) -> None:
    (block,) = _find(seed_states[1]["events"], "block")
    assert block.mode is EventMode.ASSERTED
    assert _texts(block.actors) == {"Indonesia", "Malaysia"}
    assert all(a.mention_id is not None for a in block.actors)
    assert _texts(block.targets) == {"Grok"}


def test_events_seed_lam_seeks_to_combine_roles(seed_states) -> None:
    (combine,) = _find(seed_states[2]["events"], "combine")
    assert combine.mode is EventMode.HOPED
    assert _texts(combine.actors) == {"To Lam"}
    assert "his party role" in _texts(combine.targets)


def test_events_seed_embassy_protests_against_spokesman(seed_states) -> None:
    (protest,) = _find(seed_states[3]["events"], "protest")
    assert protest.type in ("PROTEST", "ACCUSE")
    assert _texts(protest.actors) == {"Chinese Embassy"}
    assert _texts(protest.targets) == {"Philippine Coast Guard spokesman"}
    assert protest.time is not None and protest.time.evidence.text == "yesterday"


def test_events_seed_demonstrators_protest_in_minneapolis(seed_states) -> None:
    (took,) = _find(seed_states[4]["events"], "took")
    assert took.type == "PROTEST"
    assert _texts(took.actors) == {"Thousands of demonstrators"}
    assert took.place is not None and took.place.evidence.text == "Minneapolis"


MAIN = [
    (0, "Donald Trump", "visits Tokyo", "next week", "Tokyo"),
    (1, "Indonesia", "block Grok", None, None),  # the event keeps both actors
    (2, "To Lam", "is seeking to combine his party role with the state presidency", "Next week", "Hanoi"),  # from the lede's next sentence
    (3, "Chinese Embassy", "has filed a diplomatic protest", "yesterday", "Manila"),
    (4, "Thousands of demonstrators", "took to the city’s streets", "Saturday", "Minneapolis, Minnesota"),
]


@pytest.mark.parametrize(("n", "who", "what", "when", "where"), MAIN)
def test_events_seed_main_event(seed_states, n, who, what, when, where) -> None:
    state = seed_states[n]
    main = state["main"]
    text = state["article"].text
    answers = {"who": main.who, "what": main.what, "when": main.when, "where": main.where}
    for evidence in answers.values():
        assert evidence is None or text[evidence.start : evidence.end] == evidence.text
    got = {k: (v.text if v is not None else None) for k, v in answers.items()}
    assert got == {"who": who, "what": what, "when": when, "where": where}
    flagged = [e for e in state["events"] if e.main]
    assert [e.id for e in flagged] == [main.event_id]
