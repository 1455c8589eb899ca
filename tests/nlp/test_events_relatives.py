"""Background relative clauses are not happenings (issue 12, events v24), on sentences written for
this test: a relative clause that describes the noun it hangs on, in the simple present (a
standing trait: "the senator, who opposes every new tax") or in the infinitive (what the thing is
for: "a way for its fans to fight ticket touts"), is kept as an event but typed OTHER. A relative
clause in the past tells what was done, and so does an infinitive after a rank or a superlative
("the first club to sign the striker"): those keep their type. The class was read off the BBC
development sets (tests/golden/events-bbc/dev*.json), never the held-out sample."""

from __future__ import annotations

import pytest

from newsgraph.nlp.events import EXTRACTOR


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the simple present: a standing trait of the noun
        ("The senator, who opposes every new tax, spoke at the dinner on Friday.", "opposes"),
        ("Aid workers praised the charity, which supports widows in the region.", "supports"),
        # the infinitive: what the noun is for
        ("The club has found a way for its fans to fight ticket touts.", "fight"),
        ("Ministers drew up a plan for troops to attack the rebel base.", "attack"),
    ],
)
def test_a_relative_clause_that_describes_its_noun_is_untyped(nlp, events_at, text: str, trigger: str) -> None:
    found = events_at(nlp, text, trigger)
    assert len(found) == 1, found
    assert found[0].type == "OTHER", (found[0].type, found[0].mode.value)
    assert found[0].extractor == EXTRACTOR == "newsgraph.events.v25"


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The senator, who opposed the tax last year, spoke at the dinner on Friday.", "opposed", "REJECT"),
        ("Police arrested a man who attacked a guard outside the bank.", "attacked", "ASSAULT"),
        ("Rovers became the first club to sign the striker.", "sign", "AGREE"),
    ],
)
def test_a_relative_clause_that_tells_what_was_done_keeps_its_type(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert codes(nlp, text, trigger) == [code]
