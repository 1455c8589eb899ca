"""A deck (the standfirst split off the body) is read for facts too, its evidence marked as such."""

from __future__ import annotations

from newsgraph.model import Article, SourceFormat, SourcePointer, check_evidence
from newsgraph.nlp import extract


def test_extract_reads_the_deck_and_keeps_its_offsets_in_the_deck() -> None:
    article = Article(
        id="art_deck", source=SourcePointer(path="dump.txt", format=SourceFormat.TEXT, line=3),
        kicker="RAIL STRIKE",
        deck="Drivers want a 7 percent raise, with the vote resting on 4,000 union members next week",
        text="Train drivers across Norway walked out on Monday, the union said.\nTalks resume on Friday.",
    )
    [facts] = list(extract([article]))
    deck_figures = [f for f in facts.figures if f.evidence.field == "deck"]
    assert {(f.evidence.text, f.value, f.unit) for f in deck_figures} == {
        ("7 percent", 7.0, "percent"), ("4,000", 4000.0, "count")}
    every = [m.evidence for m in facts.mentions] + [f.evidence for f in facts.figures] + [t.evidence for t in facts.times]
    for evidence in every:
        assert evidence.article_id == "art_deck"
        assert check_evidence(evidence, getattr(article, evidence.field)) is None
    assert len({m.id for m in facts.mentions}) == len(facts.mentions)  # deck ids never collide with body ids
    assert sum(e.main for e in facts.events) == 1 and all(not e.main for e in facts.events
                                                          if e.trigger.field == "deck")
