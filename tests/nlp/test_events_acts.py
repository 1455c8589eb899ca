"""Events v20 and v21 on sentences the team wrote: nouns of acts with a party of their own, denials,
conversations with a party (not with the press), prohibitions, and a team's tour in a sports report."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.nlp.pipeline import load_pipeline, make_doc


@pytest.fixture(scope="module")
def run():
    nlp = load_pipeline()

    def _run(text: str) -> dict[str, tuple[str, str, tuple[str, ...]]]:
        text = "Headline about a port\n\n" + text
        article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
        events = nlp(make_doc(nlp, article))._.ng["events"]
        return {e.trigger.text: (e.type, e.mode.value, tuple(a.evidence.text for a in e.actors)) for e in events}

    return _run


@pytest.mark.parametrize(
    ("text", "trigger", "etype", "actor"),
    [
        ("The dockers' union voiced its opposition to the merger on Monday.", "opposition", "REJECT", "dockers' union"),
        ("Brussels rejected Norway's complaint against the fishing quotas.", "complaint", "ACCUSE", "Norway"),
        ("The minister's resignation came after a week of protests.", "resignation", "CONCEDE", "minister"),
        ("The ministry denied that the army had shelled the village.", "denied", "REJECT", "ministry"),
        ("The harbour master spoke with the Dutch transport minister, Anna de Vries, on Friday.", "spoke", "CONSULT",
         "harbour master"),
        ("He also spoke on the telephone to President Maria Santos.", "spoke", "CONSULT", "He"),
    ],
)
def test_events_acts_are_typed(run, text, trigger, etype, actor) -> None:
    found = run(text)
    assert found[trigger][0] == etype
    assert actor in found[trigger][2]


def test_events_acts_a_denied_act_keeps_its_mode(run) -> None:
    found = run("The ministry denied that the army had shelled the village.")
    assert found["shelled"][1] == "denied"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("She spoke to reporters outside the court.", "spoke"),  # the press told, no one consulted
        ("The minister spoke to a number of analysts on Monday.", "spoke"),  # no party named
        ("The opposition won the vote.", "opposition"),  # a party, not an act
        ("The firm did not deny that it had sacked the workers.", "deny"),  # no denial made
    ],
)
def test_events_acts_not_typed(run, text, trigger) -> None:
    found = run(text)
    assert found.get(trigger, ("OTHER",))[0] == "OTHER"


# events v21: a prohibition is a demand that something not happen, not a denial that it did; in a
# sports report a team's tour is the game, as its visits and meetings are.
def test_events_acts_a_prohibition_is_demanded(run) -> None:
    found = run("The council said the owners should not be allowed to expand the harbour.")
    assert found["allowed"][1] == "demanded"
    assert found["allowed"][0] == "OTHER"


def test_events_acts_a_tour_in_a_sports_report_is_the_game(run) -> None:
    report = ("The Wales team toured Fiji and Samoa in 2019, winning both Tests. The side scored five tries and"
              " won 31-10 in the first match, and the coach praised the forwards after the game.")
    assert run(report)["toured"][0] == "OTHER"
    assert run("The Wales team toured Fiji and Samoa in 2019 to meet island leaders.")["toured"][0] == "CONSULT"
