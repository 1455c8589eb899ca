"""Fixtures shared by the entity and event tests: the pipeline with the entities component, a runner,
and the events (or their PLOVER codes) of a trigger."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsgraph.model import Article, ArticleFacts, Event, LocalEntity, SourceFormat, SourcePointer, article_id
from newsgraph.nlp import extract, load_pipeline
from newsgraph.nlp.pipeline import make_doc


@pytest.fixture(scope="session")
def nlp() -> Language:
    """spaCy with newsgraph's entities component (ner = spacy), loaded once a session (a module
    that needs another pipeline defines its own ``nlp``)."""
    return load_pipeline(components=["newsgraph_entities"])


@pytest.fixture(scope="session")
def full_nlp() -> Language:
    """The whole default pipeline, loaded once a session: a module that reads events, quotes or the
    main event takes it as its ``nlp`` (``def nlp(full_nlp): return full_nlp``)."""
    return load_pipeline()


@pytest.fixture(scope="session")
def run() -> Callable[[Language, str], ArticleFacts]:
    """``run(nlp, text)``: one article of ``text`` extracted with ``nlp``."""

    def extract_one(nlp: Language, text: str) -> ArticleFacts:
        article = Article(id="t", source=SourcePointer(path="-", format=SourceFormat.TEXT), text=text)
        (facts,) = extract([article], nlp=nlp)
        return facts

    return extract_one


@pytest.fixture(scope="session")
def types() -> Callable[[ArticleFacts], dict[str, str]]:
    """``types(facts)``: each mention's text → its type."""

    def mention_types(facts: ArticleFacts) -> dict[str, str]:
        return {m.evidence.text: m.type.value for m in facts.mentions}

    return mention_types


@pytest.fixture(scope="session")
def named() -> Callable[[ArticleFacts, str], LocalEntity]:
    """``named(facts, name)``: the article's entity of that name (the test fails when there is none)."""

    def entity_named(facts: ArticleFacts, name: str) -> LocalEntity:
        found = [e for e in facts.entities if e.name == name]
        assert found, f"{name!r} not among {[(e.name, e.type.value) for e in facts.entities]}"
        return found[0]

    return entity_named


@pytest.fixture(scope="session")
def events_at() -> Callable[[Language, str, str], list[Event]]:
    """``events_at(nlp, text, trigger)``: the events of one article of ``text`` whose trigger is
    ``trigger`` (``nlp`` a pipeline with the events component)."""

    def found(nlp: Language, text: str, trigger: str) -> list[Event]:
        article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
        return [e for e in nlp(make_doc(nlp, article))._.ng["events"] if e.trigger.text == trigger]

    return found


@pytest.fixture(scope="session")
def untyped(events_at: Callable[[Language, str, str], list[Event]]) -> Callable[[Language, str, str], Event]:
    """``untyped(nlp, text, trigger)``: the one event of that trigger, asserted kept as an event
    but typed OTHER (what the rules that set an act apart promise)."""

    def one(nlp: Language, text: str, trigger: str) -> Event:
        found = events_at(nlp, text, trigger)
        assert len(found) == 1, found
        assert found[0].type == "OTHER", (found[0].type, found[0].mode.value)
        return found[0]

    return one


@pytest.fixture(scope="session")
def codes(events_at: Callable[[Language, str, str], list[Event]]) -> Callable[[Language, str, str], list[str]]:
    """``codes(nlp, text, trigger)``: the PLOVER codes (type read with the mode) of those events."""
    from newsgraph.nlp.plover import plover_code

    return lambda nlp, text, trigger: [plover_code(e.type, e.mode.value) for e in events_at(nlp, text, trigger)]
