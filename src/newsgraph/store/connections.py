"""What timelines and the co-occurrence network read: one entity's facts, and entity pairs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from newsgraph.model import (
    Alias, AliasKind, Argument, Entity, EntityType, Event, EventMode, Mention, Quote, Role,
)
from newsgraph.store.articles import _utc
from newsgraph.store.connection import Store, joined
from newsgraph.store.facts import _argument, evidence, quotes_from_rows, role_from_row


def entity_mentions(store: Store, entity_id: str) -> list[Mention]:
    """Every mention resolved to ``entity_id``, by article and offset."""
    return [
        Mention(id=r["id"], evidence=evidence(r["article_id"], r, "ev"), type=EntityType(r["type"]),  # type: ignore[arg-type]
                cluster=r["cluster"], entity_id=r["entity_id"], extractor=r["extractor"])
        for r in store.dicts("SELECT * FROM mentions WHERE entity_id = ? ORDER BY article_id, ev_start, id", [entity_id])
    ]


def entity_quotes(store: Store, entity_id: str) -> list[Quote]:
    """Every quote whose speaker is ``entity_id``."""
    rows = store.dicts("SELECT * FROM quotes WHERE speaker_entity_id = ? ORDER BY article_id, id", [entity_id])
    if not rows:
        return []
    # by the list of ids (an index lookup), not by a subquery over quotes (a scan of quote_content)
    content = store.dicts("SELECT * FROM quote_content WHERE quote_id IN (SELECT unnest(?)) ORDER BY quote_id, idx",
                          [sorted({r["id"] for r in rows})])
    return quotes_from_rows(rows, content)


def entity_events(store: Store, entity_id: str) -> list[Event]:
    """Every event with ``entity_id`` among its arguments (actor, target or place)."""
    chosen = "SELECT event_id FROM event_arguments WHERE entity_id = ?"
    args: dict[str, dict[str, list[Argument]]] = defaultdict(lambda: defaultdict(list))
    for r in store.dicts(f"SELECT * FROM event_arguments WHERE event_id IN ({chosen}) ORDER BY event_id, role, idx",
                         [entity_id]):
        args[r["event_id"]][r["role"]].append(_argument(r))
    events = []
    for r in store.dicts(f"SELECT * FROM events WHERE id IN ({chosen}) ORDER BY article_id, trigger_start, id", [entity_id]):
        a = args[r["id"]]
        events.append(Event(
            id=r["id"], article_id=r["article_id"], trigger=evidence(r["article_id"], r, "trigger"),  # type: ignore[arg-type]
            type=r["type"], mode=EventMode(r["mode"]), actors=tuple(a["actor"]), targets=tuple(a["target"]),
            place=(a["place"] or [None])[0], time=(a["time"] or [None])[0], main=r["main"], extractor=r["extractor"],
        ))
    return events


def publication_dates(store: Store, article_ids: Sequence[str]) -> dict[str, datetime]:
    """The publication time (UTC) of each of ``article_ids`` that has one."""
    if not article_ids:
        return {}
    rows = store.rows("SELECT id, published FROM articles WHERE published IS NOT NULL"
                      " AND id IN (SELECT unnest(string_split(?, chr(31))))", [joined(article_ids)])
    return {i: _utc(p) for i, p in rows if p is not None}


def cooccurrence(store: Store, *, min_weight: int = 1, around: str | None = None) -> list[tuple[str, str, int]]:
    """Entity pairs (a < b) with the number of articles they share, at least ``min_weight``; with
    ``around``, only pairs within that entity and its neighbours (its ego network)."""
    where, params = "", [min_weight]
    if around is not None:
        ego = """(SELECT ?::VARCHAR UNION SELECT o.entity_id FROM entity_articles s
                  JOIN entity_articles o ON o.article_id = s.article_id WHERE s.entity_id = ?)"""
        where = f"WHERE a.entity_id IN {ego} AND b.entity_id IN {ego}"
        params = [around, around, around, around, min_weight]
    return [(a, b, int(w)) for a, b, w in store.rows(
        f"""SELECT a.entity_id, b.entity_id, count(DISTINCT a.article_id) AS w
            FROM entity_articles a JOIN entity_articles b ON b.article_id = a.article_id AND a.entity_id < b.entity_id
            {where} GROUP BY a.entity_id, b.entity_id HAVING count(DISTINCT a.article_id) >= ?
            ORDER BY w DESC, a.entity_id, b.entity_id""", params)]


def entity_article_counts(store: Store, entity_ids: Sequence[str]) -> dict[str, tuple[str, str, int]]:
    """(name, type, articles) of each of ``entity_ids``."""
    if not entity_ids:
        return {}
    rows = store.rows("""SELECT e.id, e.name, e.type, count(a.article_id) FROM entities e
                         LEFT JOIN entity_articles a ON a.entity_id = e.id
                         WHERE e.id IN (SELECT unnest(string_split(?, chr(31)))) GROUP BY e.id, e.name, e.type""",
                      [joined(entity_ids)])
    return {i: (n, t, int(c)) for i, n, t, c in rows}


def article_entity_ids(store: Store, article_id: str) -> list[str]:
    """Ids of the entities an article mentions."""
    return [r[0] for r in store.rows("SELECT DISTINCT entity_id FROM entity_articles WHERE article_id = ? ORDER BY 1",
                                     [article_id])]


def entities_by_id(store: Store, ids: Sequence[str]) -> list[Entity]:
    """The entities with these ids (aliases, roles, articles), by name, in four queries whatever their number."""
    if not ids:
        return []
    chosen = "(SELECT unnest(string_split(?, chr(31))))"
    key = [joined(ids)]
    aliases: dict[str, list[Alias]] = defaultdict(list)
    for r in store.dicts(f"SELECT * FROM entity_aliases WHERE entity_id IN {chosen} ORDER BY entity_id, text", key):
        ev = evidence(r["article_id"], r, "ev") if r["article_id"] else None
        aliases[r["entity_id"]].append(Alias(text=r["text"], kind=AliasKind(r["kind"]), script=r["script"], evidence=ev))
    roles: dict[str, list[Role]] = defaultdict(list)
    for r in store.dicts(f"""SELECT * FROM roles WHERE entity_key IS NULL AND entity_id IN {chosen}
                             ORDER BY entity_id, article_id, ev_start""", key):
        roles[r["entity_id"]].append(role_from_row(r))
    articles: dict[str, list[str]] = defaultdict(list)
    for eid, aid in store.rows(f"SELECT entity_id, article_id FROM entity_articles WHERE entity_id IN {chosen}"
                               " ORDER BY entity_id, article_id", key):
        articles[eid].append(aid)
    return [Entity(id=i, name=n, type=EntityType(t), aliases=tuple(aliases[i]), roles=tuple(roles[i]),
                   article_ids=tuple(articles[i]))
            for i, n, t in store.rows(f"SELECT id, name, type FROM entities WHERE id IN {chosen} ORDER BY name, id", key)]
