"""The typed-event confidence table: the cues the events component reads, the logistic score,
and typed events under the threshold kept as OTHER events (sentences the team wrote)."""

from __future__ import annotations

import json
import math

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.model.events import PLOVER_TYPES
from newsgraph.nlp import event_confidence
from newsgraph.nlp.pipeline import make_doc


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


def _events(nlp, text: str) -> list:
    article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
    return list(nlp(make_doc(nlp, article))._.ng["events"])


def _recorded(nlp, text: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, float]]:
    """The cues of each typed event of ``text``, by trigger text."""
    seen: dict[str, dict[str, float]] = {}
    original = event_confidence.cues

    def recording(**kwargs):
        found = original(**kwargs)
        pred = kwargs["pred"]
        seen[pred.text] = found
        return found

    monkeypatch.setattr(event_confidence, "cues", recording)
    _events(nlp, text)
    return seen


@pytest.mark.parametrize(
    ("text", "trigger", "on", "off"),
    [
        ("Minister resigns over expenses row\n\nThe port union said on Monday it would keep talking.",
         "resigns", {"headline", "type:CONCEDE", "actor:named", "main_clause"}, {"quoted", "lede", "passive", "past"}),
        ("Headline about a port\n\nPolice arrested three protesters outside the town hall in Ghent on Tuesday.",
         "arrested", {"lede", "actor:noun", "target", "past", "main_clause", "time", "place"}, {"headline", "quoted"}),
        ("Headline about a port\n\nThe mayor said: \"Russia attacked the convoy on Monday.\"",
         "attacked", {"quoted", "type:ASSAULT", "actor:named"}, {"headline"}),
        ("Headline about a port\n\nThree protesters were arrested by police in Ghent.",
         "arrested", {"passive", "actor:noun", "main_clause"}, {"headline", "mode:unreal"}),
        # a demand someone is reported to make is theirs; one nobody makes is a view
        ("Headline about a port\n\nShe said the owners should resign, and they ignored her.",
         "resign", {"mode:reported", "modal", "subordinate", "type:CONCEDE"}, {"mode:unreal", "main_clause", "past"}),
        ("Headline about a port\n\nThe union said the owners would resign. They ignored the workers.",
         "resign", {"mode:unreal", "modal", "subordinate"}, {"mode:reported", "past", "main_clause"}),
    ],
)
def test_event_confidence_cues_read_the_frame(nlp, monkeypatch, text, trigger, on, off) -> None:
    seen = _recorded(nlp, text, monkeypatch)
    cues = seen[trigger]
    assert {name for name in on if cues.get(name)} == on
    assert not {name for name in off if cues.get(name)}


def test_event_confidence_is_the_logistic_of_the_weighed_cues() -> None:
    table = {"weights": {"headline": 1.5, "quoted": -2.0}, "bias": -0.5, "threshold": 0.5}
    assert event_confidence.confidence({"headline": 1.0}, table) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert event_confidence.confidence({"quoted": 1.0, "unknown": 1.0}, table) == pytest.approx(1 / (1 + math.exp(2.5)))


@pytest.mark.parametrize(("threshold", "expected"), [(0.0, "COERCE"), (1.0, "OTHER")])
def test_event_confidence_threshold_keeps_the_event_and_drops_its_type(nlp, monkeypatch, threshold, expected) -> None:
    monkeypatch.setattr(event_confidence, "table", lambda: {"weights": {}, "bias": 0.0, "threshold": threshold})
    events = _events(nlp, "Police arrested three protesters outside the town hall in Ghent on Tuesday.")
    arrested = [e for e in events if e.trigger.text == "arrested"]
    assert [e.type for e in arrested] == [expected]
    assert arrested[0].actors and arrested[0].actors[0].evidence.text == "Police"


def test_event_confidence_shipped_table_leaves_a_supposition_untyped(nlp, monkeypatch) -> None:
    text = "Headline about a port\n\nSome staff said they would rather be sacked than work for the new owners."
    assert {e.trigger.text: e.type for e in _events(nlp, text)} == {"sacked": "OTHER"}
    monkeypatch.setattr(event_confidence, "table", lambda: {"weights": {}, "bias": 0.0, "threshold": 0.0})
    # since events v22 a preference ("would rather") is a supposition by rule, not by the table's weighing
    assert {e.trigger.text: e.type for e in _events(nlp, text)} == {"sacked": "OTHER"}


def test_event_confidence_an_event_under_the_threshold_is_untyped(nlp, monkeypatch) -> None:
    text = "Headline about a port\n\nPolice arrested three protesters outside the town hall in Ghent on Tuesday."
    assert {e.trigger.text: e.type for e in _events(nlp, text)} == {"arrested": "COERCE"}
    monkeypatch.setattr(event_confidence, "table", lambda: {"weights": {}, "bias": 0.0, "threshold": 0.6})
    assert {e.trigger.text: e.type for e in _events(nlp, text)} == {"arrested": "OTHER"}  # 0.5 < 0.6


def test_event_confidence_shipped_table_names_only_cues_the_component_gives() -> None:
    table = json.loads(event_confidence.TABLE.read_text(encoding="utf-8"))
    assert 0.0 < table["threshold"] < 1.0
    known = {"nominal", "light_verb", "target", "target_named", "mode:reported", "mode:planned", "mode:unreal", "mode:denied",
             "quoted", "headline", "lede", "late", "sport", "main_clause", "subordinate", "passive", "place", "time",
             "past", "question", "modal", "conj", "clause_object", "progressive"}
    known |= {f"actor:{kind}" for kind in ("named", "pronoun", "noun", "none")}
    known |= {f"type:{kind}" for kind in PLOVER_TYPES}
    assert set(table["weights"]) <= known
    assert table["leave_one_set_out"]["precision"] >= table["leave_one_set_out"]["without"]["precision"]
