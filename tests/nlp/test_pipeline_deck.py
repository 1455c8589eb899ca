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


def test_extract_deck_names_join_the_body_entities() -> None:
    article = Article(
        id="art_deck2", source=SourcePointer(path="dump.txt", format=SourceFormat.TEXT, line=9),
        deck="Rasmussen wants the Baltic ferry subsidy cut in half before the summer timetable",
        text="Danish Transport Minister Anna Rasmussen said on Tuesday that the ferry subsidy would be reviewed.",
    )
    [facts] = list(extract([article]))
    people = [e for e in facts.entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Anna Rasmussen"]
    by_id = {m.id: m for m in facts.mentions}
    assert sorted((by_id[i].evidence.text, by_id[i].evidence.field) for i in people[0].mention_ids) == [
        ("Anna Rasmussen", "text"), ("Rasmussen", "deck")]
    assert {by_id[i].cluster for i in people[0].mention_ids} == {people[0].key}
