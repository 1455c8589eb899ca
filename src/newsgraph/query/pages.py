"""Reads shaped for the HTTP API and the pages: keyset-paged lists with facets, and the views of
an article, an entity, the home page, the co-occurrence network and a brief for a date range.

Every function opens the knowledge base read-only for the call and bounds its queries in time
(``timeout`` seconds; QueryError NG431 when they run past it). Cursors are opaque strings: the
sort key of the last row of a page, encoded; a bad one is QueryError NG430.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsgraph.errors import QueryError
from newsgraph.model import Article, ArticleFacts, Entity, Event, Figure, Quote
from newsgraph.store import (
    LISTS, Store, article_heads, article_texts, cooccurring, entity_heads,
    events_by_id, facet_counts, fact_ids_of_articles, figures_by_id, filters_for, find_entity_ids, get_article,
    main_event_rows, mentions_by_id, network_edges, open_store, page_keys, quote_share, quotes_by_id,
    read_article_facts, read_entities, SharedReader, time_limit, times_by_id, top_entities, totals,
)
from newsgraph.store.article_digest import read_article_rows
from newsgraph.store.digest import COMPANIONS, WINDOW, entity_digest
from newsgraph.store.facts import article_facts
from newsgraph.store.entities import RoleSpan, entity_head_from_rows, read_entity_head
from newsgraph.store.pages import events_from_rows, heads_from_rows, quotes_from_rows

KINDS = tuple(LISTS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One page of a list.

    Attributes:
        kind: the list (articles, entities, mentions, quotes, events, figures, times).
        rows: model objects (``Article``, ``Quote``...), or for entities plain dicts
            ``{id, name, type, articles}``.
        next: the cursor of the next page, None on the last.
        facets: facet name → value → count over every row matching the filters.
        articles: id → head (id, title, kicker, published, source, truncated, lede) of the rows' articles.
        entities: id → head (id, name, type) of the entities the rows name.
    """

    kind: str
    rows: tuple[Any, ...]
    next: str | None
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)


Source = str | Path | SharedReader  # a file (opened for the call) or a server's shared reader


@contextmanager
def reading(db: Source, timeout: float | None) -> Iterator[Store]:
    """The knowledge base opened read-only (or a cursor of a ``SharedReader``), its queries bounded
    by ``timeout`` seconds; while an ingest holds the file (it does only while it writes a batch),
    the open waits for it up to ``timeout`` seconds too (NG307 after that)."""
    if isinstance(db, SharedReader):
        with db.borrow(timeout) as store, time_limit(store, timeout):
            yield store
        return
    with open_store(db, read_only=True, lock_timeout=timeout) as store, time_limit(store, timeout):
        yield store


def _key(conditions: list[tuple[str, list[Any]]]) -> tuple[Any, ...]:
    return tuple((sql, tuple(repr(p) for p in params)) for sql, params in conditions)


def _memo(db: Source, key: tuple[Any, ...], compute: Any) -> Any:
    """``compute()``, kept by a shared reader until the file changes (computed each time otherwise)."""
    return db.memo(key, compute) if isinstance(db, SharedReader) else compute()


def _entity_heads(db: Source, store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """``store.entity_heads``, kept by a shared reader, an id at a time, until the file changes (the
    same entities come back on page after page: companions, speakers, the most named)."""
    if not isinstance(db, SharedReader):
        return entity_heads(store, ids)
    return {k: dict(v) for k, v in db.keyed("entity head", ids, lambda missing: entity_heads(store, missing)).items()}


def encode_cursor(kind: str, key: tuple[Any, ...]) -> str:
    raw = json.dumps([kind, *key], separators=(",", ":"), default=str).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(kind: str, cursor: str) -> tuple[Any, ...]:
    """The sort key in ``cursor``; QueryError NG430 when it is not one of this list's cursors."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise QueryError("NG430", f"cursor {cursor[:40]!r} is not a cursor this server gave") from None
    if not isinstance(value, list) or len(value) < 2 or value[0] != kind:
        raise QueryError("NG430", f"cursor {cursor[:40]!r} does not belong to the {kind} list")
    if not all(isinstance(v, (str, int, float)) for v in value[1:]):
        raise QueryError("NG430", f"cursor {cursor[:40]!r} is malformed")
    return tuple(value[1:])


def _named(store: Store, kind: str, filters: dict[str, Any]) -> dict[str, Any]:
    """Resolve the name filters (speaker, actor, entity) to entity ids plus a text match."""
    out = dict(filters)
    speaker = out.pop("speaker", None)
    if speaker:
        out["entity_ids"] = find_entity_ids(store, speaker)
        out["speaker_text"] = speaker
    actor = out.pop("actor", None)
    if actor:
        out["actor_ids"] = find_entity_ids(store, actor)
        out["actor_text"] = actor
    entity = out.get("entity")
    if entity and kind in ("mentions", "articles"):
        ids = find_entity_ids(store, entity)
        out["entity"] = ids[0] if ids else entity
    return out


def _load(db: Source, store: Store, kind: str, keys: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    ids = [k[-1] for k in keys]
    if kind == "articles":
        found = article_texts(store, ids)
        return tuple(found[i] for i in ids if i in found)
    if kind == "entities":
        heads = _entity_heads(db, store, ids)
        return tuple({**heads[k[-1]], "articles": int(k[0])} for k in keys if k[-1] in heads)
    loader = {"mentions": mentions_by_id, "quotes": quotes_by_id, "events": events_by_id,
              "figures": figures_by_id, "times": times_by_id}[kind]
    return tuple(loader(store, ids))


def _entity_refs(rows: tuple[Any, ...]) -> set[str]:
    refs: set[str] = set()
    for r in rows:
        if isinstance(r, Quote) and r.speaker.entity_id:
            refs.add(r.speaker.entity_id)
        elif isinstance(r, Event):
            refs.update(a.entity_id for a in (*r.actors, *r.targets, *([r.place] if r.place else [])) if a.entity_id)
        elif getattr(r, "entity_id", None):
            refs.add(r.entity_id)
    return refs


def list_page(db: Source, kind: str, filters: dict[str, Any], *, cursor: str | None = None, size: int = 50,
              timeout: float | None = None, facets: bool = True) -> Page:
    """One page of list ``kind`` under ``filters`` (see ``store.filters_for``; ``speaker`` and
    ``actor`` take a name, alias or words of the text), after ``cursor``, at most ``size`` rows."""
    if kind not in LISTS:
        raise QueryError("NG403", f"unknown list {kind!r}; one of {', '.join(KINDS)}")
    if size < 1:
        raise QueryError("NG403", f"size must be 1 or more, got {size}")
    after = decode_cursor(kind, cursor) if cursor else None
    with reading(db, timeout) as store:
        conditions = filters_for(kind, _named(store, kind, filters))
        try:
            keys = page_keys(store, kind, conditions, after, size + 1)
        except ValueError:
            raise QueryError("NG430", "the cursor does not fit this list") from None
        more, keys = len(keys) > size, keys[:size]
        rows = _load(db, store, kind, keys)
        article_ids = sorted({getattr(r, "article_id", None) or getattr(getattr(r, "evidence", None), "article_id", None)
                              for r in rows} - {None})
        return Page(kind=kind, rows=rows, next=encode_cursor(kind, keys[-1]) if more else None,
                    facets=_memo(db, ("facets", kind, _key(conditions)), lambda: facet_counts(store, kind, conditions))
                    if facets else {},
                    articles=article_heads(store, article_ids) if kind != "articles" else {},
                    entities=_entity_heads(db, store, sorted(_entity_refs(rows))))


# --- views ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleView:
    """An article with all its facts and the heads of the entities they name.

    Attributes:
        article: the article.
        facts: its facts, None when it was stored without extraction.
        entities: id → head of every entity its mentions resolve to.
    """

    article: Article
    facts: ArticleFacts | None
    entities: dict[str, dict[str, Any]]


def article_view(db: Source, article_id: str, *, timeout: float | None = None) -> ArticleView:
    """One article and its facts; QueryError NG401 when there is none."""
    with reading(db, timeout) as store:
        stored = read_article_rows(store, article_id)  # its digest (store/article_digest.py) when fresh
        article = get_article(store, article_id, stored[1] if stored is not None else None)
        if article is None:
            raise QueryError("NG401", f"no article with id {article_id!r}")
        facts = article_facts(article_id, stored[0]) if stored is not None else read_article_facts(store, article_id)
        ids = {m.entity_id for m in facts.mentions if m.entity_id} if facts else set()
        if facts:
            ids |= {q.speaker.entity_id for q in facts.quotes if q.speaker.entity_id}
        return ArticleView(article=article, facts=facts, entities=_entity_heads(db, store, sorted(ids)))


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityView:
    """One entity and what concerns it.

    Attributes:
        entity: the entity with its aliases and its titles (newest evidence of each; its article
            list is left empty: ``article_count`` and ``articles`` instead).
        article_count: how many articles name it.
        roles: each distinct title with how often and between which dates it is read, newest first.
        said: quotes it is the speaker of, newest first.
        about: quotes whose content names it.
        events: events it takes part in (actor, target or place).
        articles: (article head, mentions of it there), newest first.
        companions: (id, name, type, shared articles) of the entities it appears with most.
        edges: (a, b, shared articles) among it and its companions, for a network drawing.
        article_heads: id → head of every article the above name.
        entities: id → head of every entity the above name.
    """

    entity: Entity
    article_count: int
    roles: tuple[RoleSpan, ...]
    said: tuple[Quote, ...]
    about: tuple[Quote, ...]
    events: tuple[Event, ...]
    articles: tuple[tuple[dict[str, Any], int], ...]
    companions: tuple[tuple[str, str, str, int], ...]
    edges: tuple[tuple[str, str, int], ...]
    article_heads: dict[str, dict[str, Any]]
    entities: dict[str, dict[str, Any]]


FACT_WINDOW = WINDOW  # an entity's page reads its quotes, events and companions from its 20 newest articles


def entity_view(db: Source, name: str, *, limit: int = 50, companions: int = COMPANIONS,
                timeout: float | None = None) -> EntityView:
    """The entity with id, name or alias ``name``; QueryError NG402 when none has.

    Its ``limit`` newest articles are listed; its quotes, the quotes about it, its events and its
    companions are read from its ``FACT_WINDOW`` newest articles, newest first, ``limit`` of each:
    the cost of the page does not grow with how often the entity is in the news. What it shows
    comes from the entity's digest (``store/digest.py``: one row read by key, holding the stored
    rows of the page) when it is fresh, else from the facts themselves, with the same result; only
    the names of the entities it links to are read apart."""
    with reading(db, timeout) as store:
        ids = find_entity_ids(store, name)
        if not ids:
            raise QueryError("NG402", f"no entity named {name!r}")
        digest = entity_digest(store, ids[0], limit=limit, companions=companions)
        page = digest.page  # the stored rows of a fresh digest, or None: read them live
        head = entity_head_from_rows(page["head"]) if page is not None else read_entity_head(store, ids[0])
        if head is None:
            raise QueryError("NG402", f"no entity named {name!r}")
        entity, roles = head
        wanted = [*digest.said, *digest.about]
        facts = quotes_from_rows(wanted, page["quotes"], page["content"]) if page is not None else quotes_by_id(store, wanted)
        said, about = facts[:len(digest.said)], facts[len(digest.said):]
        events = (events_from_rows(digest.events, page["events"], page["arguments"]) if page is not None
                  else events_by_id(store, list(digest.events)))
        article_ids = {a for a, _ in digest.recent} | {q.article_id for q in facts} | {e.article_id for e in events}
        article_ids |= {r.role.article_id for r in roles}
        heads = (heads_from_rows([r for r in page["heads"] if r["id"] in article_ids]) if page is not None
                 else article_heads(store, sorted(article_ids)))
        refs = _entity_refs((*said, *about, *events)) | {entity.id} | {c for c, _ in digest.companions}
        names = _entity_heads(db, store, sorted(refs))
        others = tuple((c, names[c]["name"], names[c]["type"], n) for c, n in digest.companions if c in names)
        return EntityView(entity=entity, article_count=digest.articles, roles=roles, said=tuple(said), about=tuple(about),
                          events=tuple(events), articles=tuple((heads[a], n) for a, n in digest.recent if a in heads),
                          companions=others, edges=digest.edges, article_heads=heads, entities=names)


@dataclass(frozen=True, slots=True, kw_only=True)
class HomeView:
    """What the home page shows.

    Attributes:
        totals: row counts (articles, entities, quotes, events, figures, stories).
        people, organisations: (id, name, type, articles, mentions), most articles first.
        anonymous, quotes: quotes from anonymous sources, and all quotes.
        latest: the newest articles' heads.
    """

    totals: dict[str, int]
    people: tuple[tuple[str, str, str, int, int], ...]
    organisations: tuple[tuple[str, str, str, int, int], ...]
    anonymous: int
    quotes: int
    latest: tuple[dict[str, Any], ...]


def home_view(db: Source, *, top: int = 8, latest: int = 8, timeout: float | None = None) -> HomeView:
    with reading(db, timeout) as store:
        # counts over whole tables: computed once while the file does not change (by a server's reader)
        anonymous, quotes = _memo(db, ("quote_share",), lambda: quote_share(store))
        keys = page_keys(store, "articles", filters_for("articles", {}), None, latest)
        heads = article_heads(store, [k[-1] for k in keys])
        return HomeView(totals=_memo(db, ("totals",), lambda: totals(store)),
                        people=tuple(_memo(db, ("top", "PERSON", top), lambda: top_entities(store, "PERSON", top))),
                        organisations=tuple(_memo(db, ("top", "ORG", top), lambda: top_entities(store, "ORG", top))),
                        anonymous=anonymous, quotes=quotes, latest=tuple(heads[k[-1]] for k in keys if k[-1] in heads))


def network(db: Source, *, entity: str | None = None, limit: int = 30, min_weight: int = 1,
            timeout: float | None = None) -> dict[str, Any]:
    """Entities that appear together, weighted by shared articles: ``{nodes: [{id, name, type,
    articles}], edges: [{source, target, weight}]}``, around ``entity`` (its companions) when
    given, else among the ``limit`` entities in most articles."""
    if limit < 1 or min_weight < 1:
        raise QueryError("NG403", "limit and min_weight must be 1 or more")
    with reading(db, timeout) as store:
        if entity:
            ids = find_entity_ids(store, entity)
            if not ids:
                raise QueryError("NG402", f"no entity named {entity!r}")
            node_ids = [ids[0], *(c[0] for c in cooccurring(store, ids[0], limit - 1))]
        else:
            node_ids = [k[-1] for k in page_keys(store, "entities", [], None, limit)]
        heads = _entity_heads(db, store, node_ids)
        counts = {k[-1]: int(k[0]) for k in page_keys(store, "entities", filters_for("entities", {"ids": node_ids}), None,
                                                       len(node_ids) or 1)}
        edges = network_edges(store, node_ids, min_weight)
    return {"nodes": [{**heads[i], "articles": counts.get(i, 0)} for i in node_ids if i in heads],
            "edges": [{"source": a, "target": b, "weight": w} for a, b, w in edges]}


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefItem:
    """One article of a brief: its head, its 5W1H spans, its key figures and quotes."""

    article: dict[str, Any]
    main: dict[str, Any] | None
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]


def brief_range(db: Source, *, since: datetime | None, until: datetime | None, limit: int = 30,
                per_article: int = 3, timeout: float | None = None) -> tuple[BriefItem, ...]:
    """The articles published in [since, until), newest first, each with its main event, first
    figures and quotes."""
    with reading(db, timeout) as store:
        keys = page_keys(store, "articles", filters_for("articles", {"since": since, "until": until}), None, limit)
        ids = [k[-1] for k in keys]
        heads = article_heads(store, ids)
        mains = main_event_rows(store, ids)
        figures = figures_by_id(store, fact_ids_of_articles(store, "figures", ids, per_article))
        quotes = quotes_by_id(store, fact_ids_of_articles(store, "quotes", ids, per_article))
    return tuple(BriefItem(article=heads[i], main=mains.get(i),
                           figures=tuple(f for f in figures if f.evidence.article_id == i),
                           quotes=tuple(q for q in quotes if q.article_id == i)) for i in ids if i in heads)

