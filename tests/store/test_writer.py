"""The single writer: articles, log, duplicates, facts and entities round-trip; batches are atomic."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsgraph.model import (
    Alias, AliasKind, Argument, Article, ArticleFacts, Boilerplate, BoilerplateKind, Duplicate,
    DuplicateKind, Entity, EntityType, Event, EventMode, Evidence, Figure, LocalEntity, LogLevel,
    MainEvent, Mention, Quote, QuoteKind, Role, RoleStatus, Skip, SourceFormat, SourcePointer, Speaker,
    Story, TimeExpression, TimeType, article_id, evidence_from, fact_id,
)
from newsgraph.store import (
    Batch, ArticleFilter, counts, get_article, list_articles, open_store, read_article_facts,
    read_duplicates, read_entities, read_log, read_stories, write_batch,
)

TEXT = "Maria Lopez, the mayor of Springfield, said on Monday that 40 percent of roads will be repaved."


def article(text: str = TEXT, path: str = "a.txt", **fields: object) -> Article:
    return Article(id=article_id(path, text), source=SourcePointer(path=path, format=SourceFormat.TEXT, line=1, end_line=2),
                   text=text, **fields)  # type: ignore[arg-type]


def span(a: Article, needle: str) -> Evidence:
    start = a.text.index(needle)
    return evidence_from(a.id, a.text, start, start + len(needle))


def facts_for(a: Article) -> ArticleFacts:
    who = span(a, "Maria Lopez")
    m1 = Mention(id=fact_id("mention", a.id, who.start, who.end), evidence=who, type=EntityType.PERSON, cluster="e1",
                 entity_id="ent_maria", extractor="newsgraph.ner.v1")
    place = span(a, "Springfield")
    m2 = Mention(id=fact_id("mention", a.id, place.start, place.end), evidence=place, type=EntityType.GPE, cluster="e2")
    role = Role(title="mayor", organization="Springfield", status=RoleStatus.CURRENT, article_id=a.id,
                evidence=span(a, "the mayor of Springfield"), published=datetime(2025, 1, 6, tzinfo=timezone.utc))
    local = LocalEntity(key="e1", name="Maria Lopez", type=EntityType.PERSON, mention_ids=(m1.id,),
                        aliases=(Alias(text="Lopez", kind=AliasKind.SHORT_FORM, evidence=None),), roles=(role,))
    content = span(a, "40 percent of roads will be repaved")
    quote = Quote(id=fact_id("quote", a.id, content.start, content.end), article_id=a.id, kind=QuoteKind.INDIRECT,
                  content=(content,), cue=span(a, "said"), speaker=Speaker(evidence=who, mention_id=m1.id, entity_id="ent_maria"))
    fig_ev = span(a, "40 percent")
    figure = Figure(id=fact_id("figure", a.id, fig_ev.start, fig_ev.end), evidence=fig_ev, value=40.0, unit="percent",
                    measures="roads", qualifier=None)
    when = span(a, "on Monday")
    time = TimeExpression(id=fact_id("time", a.id, when.start, when.end), evidence=when, type=TimeType.DATE,
                          value="2025-01-06", resolved=True)
    trig = span(a, "repaved")
    event = Event(id=fact_id("event", a.id, trig.start, trig.end), article_id=a.id, trigger=trig, type="OTHER",
                  mode=EventMode.PLANNED, actors=(Argument(evidence=who, mention_id=m1.id, entity_id="ent_maria"),),
                  targets=(Argument(evidence=span(a, "roads")),), place=Argument(evidence=place, mention_id=m2.id),
                  time=Argument(evidence=when, value="2025-01-06"), main=True)
    main = MainEvent(article_id=a.id, event_id=event.id, who=who, what=trig, when=when, where=place)
    return ArticleFacts(article_id=a.id, mentions=(m1, m2), entities=(local,), quotes=(quote,), figures=(figure,),
                        times=(time,), events=(event,), main=main, extractors=("newsgraph.ner.v1",))


def entity_for(a: Article) -> Entity:
    role = facts_for(a).entities[0].roles[0]
    return Entity(id="ent_maria", name="Maria Lopez", type=EntityType.PERSON,
                  aliases=(Alias(text="Lopez", kind=AliasKind.SHORT_FORM, evidence=span(a, "Lopez")),),
                  roles=(role,), article_ids=(a.id,))


def test_write_batch_round_trips_every_article_field(tmp_path: Path) -> None:
    a = article(title="Roads", kicker="CITY HALL", deck="A deck.", byline="By A. Writer", publisher="Daily",
                url="https://example.org/a", published=datetime(2025, 1, 6, 8, 30, tzinfo=timezone.utc), language="en",
                truncated=True, boilerplate=(Boilerplate(kind=BoilerplateKind.PHOTO_CREDIT, text="Photo: X", offset=12),))
    with open_store(tmp_path / "kb.duckdb") as store:
        write_batch(store, Batch(run_id="r1", articles=[a]))
        assert get_article(store, a.id) == a
        assert list_articles(store, ArticleFilter(truncated=False)) == []
        assert list_articles(store, ArticleFilter(text="REPAVED")) == [a]


def test_write_batch_round_trips_every_kind_of_fact(tmp_path: Path) -> None:
    a = article()
    facts = facts_for(a)
    with open_store(tmp_path / "kb.duckdb") as store:
        write_batch(store, Batch(run_id="r1", articles=[a], facts=[facts], entities=[entity_for(a)],
                                 stories=[Story(id="sto_1", title="Roads", article_ids=(a.id,))]))
        assert read_article_facts(store, a.id) == facts
        assert read_entities(store) == [entity_for(a)]
        assert read_stories(store) == [Story(id="sto_1", title="Roads", article_ids=(a.id,))]


def test_write_batch_twice_changes_nothing(tmp_path: Path) -> None:
    a, b = article(), article("A second article about bridges.", "b.txt")
    dup = Duplicate(article_id=b.id, duplicate_of=a.id, kind=DuplicateKind.NEAR, similarity=0.9)
    skip = Skip(source="bad.bin", code="NG104", reason="binary")
    batch = Batch(run_id="r1", articles=[a, b], skips=[skip], duplicates=[dup], facts=[facts_for(a)], entities=[entity_for(a)])
    with open_store(tmp_path / "kb.duckdb") as store:
        write_batch(store, batch)
        before = counts(store)
        write_batch(store, Batch(**{**{f: getattr(batch, f) for f in batch.__slots__}, "run_id": "r2"}))  # type: ignore[attr-defined]
        assert counts(store) == before
        assert read_duplicates(store) == [dup]
        assert [(e.code, e.level, e.run_id) for e in read_log(store)] == [("NG104", LogLevel.WARNING, "r1")]
        assert read_article_facts(store, a.id) == facts_for(a)


def test_write_batch_rolls_back_the_whole_batch_on_error(tmp_path: Path) -> None:
    good = article()
    broken = facts_for(good)
    bad_figure = Figure(id="fig_x", evidence=broken.figures[0].evidence, value="not a number", unit="count")  # type: ignore[arg-type]
    broken = ArticleFacts(article_id=good.id, figures=(bad_figure,))
    with open_store(tmp_path / "kb.duckdb") as store:
        with pytest.raises(Exception):
            write_batch(store, Batch(run_id="r1", articles=[good], skips=[Skip(source="x", code="NG105", reason="e")],
                                     facts=[broken]))
        assert counts(store)["articles"] == 0
        assert counts(store)["ingest_log"] == 0


def test_write_batch_replaces_an_articles_facts_when_extracted_again(tmp_path: Path) -> None:
    a = article()
    full = facts_for(a)
    fewer = ArticleFacts(article_id=a.id, mentions=full.mentions[:1], extractors=("newsgraph.ner.v2",))
    with open_store(tmp_path / "kb.duckdb") as store:
        write_batch(store, Batch(run_id="r1", articles=[a], facts=[full]))
        write_batch(store, Batch(run_id="r2", facts=[fewer]))
        assert read_article_facts(store, a.id) == fewer
