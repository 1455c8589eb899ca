"""A headline drops a passive's auxiliary (issue 12, point 1): "Koubek suspended after drugs
test" is done to Koubek by someone unnamed, not done by Koubek. Read off the development sets
(tests/golden/events-bbc/dev.json, dev2.json); the sentences here are the team's own."""

from __future__ import annotations

import pytest

from newsgraph.nlp.plover import plover_code


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        # a headline drops the passive's auxiliary: done to its subject, by someone unnamed
        ("Koubek suspended after drugs test\n\nThe tennis player said he would appeal.", "suspended", "SANCTION"),
        ("Lind jailed for fraud\n\nA former banker was sentenced on Monday.", "jailed", "COERCE"),
        ("Bellamy fined after row\n\nThe club said the striker would pay two weeks' wages.", "fined", "SANCTION"),
    ],
)
def test_a_headline_passive_is_done_to_its_subject(nlp, events_at, text: str, trigger: str, code: str) -> None:
    events = events_at(nlp, text, trigger)
    assert [plover_code(e.type, e.mode.value) for e in events] == [code]
    assert not events[0].actors and events[0].targets[0].evidence.text == text.split()[0]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a sentence, not a headline: the subject did it
        ("Koubek suspended the coach after the test.", "suspended"),
        # a headline verb that needs no object keeps its subject as its doer
        ("Minister resigned over scandal\n\nThe minister left office on Monday.", "resigned"),
    ],
)
def test_a_headline_past_keeps_its_doer_elsewhere(nlp, events_at, text: str, trigger: str) -> None:
    assert [a.evidence.text for e in events_at(nlp, text, trigger) for a in e.actors] == [text.split()[0]]
