"""Entities, quotes, figures, events and an article's brief, as the CLI and API ask for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsgraph.errors import QueryError
from newsgraph.model import Article, Entity, Event, Figure, MainEvent, Quote, TimeExpression
from newsgraph.store import (
    Store, article_entity_ids, cooccurring, entities_by_id, entity_quotes, find_entity_ids, get_article, open_store, read_entities, read_events, read_figures,
    read_main_events, read_quotes, read_times,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityDetail:
    """One entity with what it said and whom it appears with.

    Attributes:
        entity: the entity (aliases, roles with their article and date, articles).
        quotes: quotes attributed to it.
        companions: (entity id, name, type, shared articles) of the entities it appears with most.
    """

    entity: Entity
    quotes: tuple[Quote, ...]
    companions: tuple[tuple[str, str, str, int], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Brief:
    """An article's main event and key facts.

    Attributes:
        article: the article.
        main: its 5W1H, when found.
        entities: the entities it mentions, most mentioned first.
        quotes, figures, times, events: its facts in text order.
    """

    article: Article
    main: MainEvent | None
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    times: tuple[TimeExpression, ...]
    events: tuple[Event, ...]


def list_entities(db: str | Path, *, type: str | None = None, min_articles: int = 1) -> list[Entity]:
    """Entities of ``type`` (any when None) appearing in at least ``min_articles`` articles,
    most articles first."""
    if min_articles < 0:
        raise QueryError("NG403", f"--min-articles must be 0 or more, got {min_articles}")
    with open_store(db, read_only=True) as store:
        found = [e for e in read_entities(store)
                 if (type is None or str(e.type) == type.upper()) and len(e.article_ids) >= min_articles]
    return sorted(found, key=lambda e: (-len(e.article_ids), e.name))


def entity_detail(db: str | Path, name: str, *, companions: int = 10) -> EntityDetail:
    """The entity named ``name`` (its name, an alias, or its id); QueryError NG402 when none is."""
    with open_store(db, read_only=True) as store:
        ids = find_entity_ids(store, name)
        if not ids:
            raise QueryError("NG402", f"no entity named {name!r} in {db}")
        entity = read_entities(store, ids[0])[0]
        quotes = tuple(entity_quotes(store, entity.id))
        return EntityDetail(entity=entity, quotes=quotes, companions=tuple(cooccurring(store, entity.id, companions)))


def find_quotes(db: str | Path, *, speaker: str | None = None, anonymous: bool | None = None,
                article: str | None = None) -> list[Quote]:
    """Quotes filtered by speaker (an entity's name or alias, or words of the speaker's text),
    anonymity, and article."""
    with open_store(db, read_only=True) as store:
        quotes = read_quotes(store, article)
        wanted = set(find_entity_ids(store, speaker)) if speaker else set()
    if anonymous is not None:
        quotes = [q for q in quotes if q.speaker.anonymous is anonymous]
    if speaker:
        needle = speaker.casefold()
        quotes = [q for q in quotes if q.speaker.entity_id in wanted
                  or (q.speaker.evidence is not None and needle in q.speaker.evidence.text.casefold())]
    return quotes


def find_figures(db: str | Path, *, article: str | None = None, unit: str | None = None) -> list[Figure]:
    """Figures, of one article and/or one unit (``USD``, ``percent``, ``count``...) when given."""
    with open_store(db, read_only=True) as store:
        figures = read_figures(store, article)
    return [f for f in figures if unit is None or f.unit.casefold() == unit.casefold()]


def find_times(db: str | Path, *, article: str | None = None, type: str | None = None,
               resolved: bool | None = None) -> list[TimeExpression]:
    """Time expressions, of one article, one type (date, time, duration, set) and/or resolved or not."""
    with open_store(db, read_only=True) as store:
        times = read_times(store, article)
    return [t for t in times if (type is None or str(t.type) == type.lower())
            and (resolved is None or t.resolved is resolved)]


def find_events(db: str | Path, *, type: str | None = None, actor: str | None = None, mode: str | None = None,
                since: datetime | None = None, article: str | None = None, typed: bool = False) -> list[Event]:
    """Events filtered by PLOVER type, actor (entity name/alias or words of the actor's text),
    mode, and date (the event's resolved time, else its article's publication date); ``typed``
    keeps the events with a PLOVER type and each article's main event, leaving OTHER apart."""
    with open_store(db, read_only=True) as store:
        events = read_events(store, article)
        actor_ids = set(find_entity_ids(store, actor)) if actor else set()
        dates = _article_dates(store, {e.article_id for e in events}) if since else {}
    if type:
        events = [e for e in events if e.type.upper() == type.upper()]
    if typed:
        events = [e for e in events if e.type != "OTHER" or e.main]
    if mode:
        events = [e for e in events if str(e.mode) == mode.lower()]
    if actor:
        needle = actor.casefold()
        events = [e for e in events if any(a.entity_id in actor_ids or needle in a.evidence.text.casefold()
                                           for a in e.actors)]
    if since:
        events = [e for e in events if (_event_day(e) or dates.get(e.article_id) or "") >= since.date().isoformat()]
    return events


def _event_day(event: Event) -> str | None:
    value = event.time.value if event.time else None
    return value[:10] if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" else None


def _article_dates(store: Store, ids: set[str]) -> dict[str, str]:
    out = {}
    for article_id in ids:
        article = get_article(store, article_id)
        if article is not None and article.published is not None:
            out[article_id] = article.published.date().isoformat()
    return out


def brief(db: str | Path, article_id: str) -> Brief:
    """An article's 5W1H and key facts; QueryError NG401 when there is no such article."""
    with open_store(db, read_only=True) as store:
        article = get_article(store, article_id)
        if article is None:
            raise QueryError("NG401", f"no article with id {article_id!r} in {db}")
        mains = read_main_events(store, article_id)
        entities = entities_by_id(store, article_entity_ids(store, article_id))
        return Brief(article=article, main=mains[0] if mains else None,
                     entities=tuple(sorted(entities, key=lambda e: (str(e.type), e.name))),
                     quotes=tuple(read_quotes(store, article_id)), figures=tuple(read_figures(store, article_id)),
                     times=tuple(read_times(store, article_id)), events=tuple(read_events(store, article_id)))
