"""One entity's timeline: its mentions, roles, quotes and events, by date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsgraph.errors import QueryError
from newsgraph.model import Entity, Event, Evidence
from newsgraph.store import (
    entity_events, entity_mentions, entity_quotes, find_entity_ids, open_store, publication_dates, read_entities,
)

KINDS = ("mention", "role", "quote", "event")


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineItem:
    """One dated thing about an entity.

    Attributes:
        date: the day it belongs to (ISO ``YYYY-MM-DD``): an event's resolved time, else the
            article's publication date (a role's own date first); None when undated.
        kind: ``mention``, ``role``, ``quote`` or ``event``.
        article_id: the article it was read from.
        text: what to show: the mention, ``status title, organisation``, the quote's content, or
            ``TYPE (mode): trigger``.
        evidence: the span it rests on (a quote's first content span, an event's trigger).
        fact_id: the mention's, quote's or event's id; None for a role.
    """

    date: str | None
    kind: str
    article_id: str
    text: str
    evidence: Evidence
    fact_id: str | None = None


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value is not None else None


def _event_day(event: Event) -> str | None:
    value = event.time.value if event.time else None
    return value[:10] if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" else None


def _role_text(entity: Entity, i: int) -> str:
    r = entity.roles[i]
    status = "" if str(r.status) == "current" else f"{r.status} "
    return f"{status}{r.title}" + (f", {r.organization}" if r.organization else "")


def timeline(db: str | Path, name: str, *, kinds: tuple[str, ...] = KINDS) -> list[TimelineItem]:
    """The entity named ``name`` (name, alias or id) through time; NG402 when none is, NG425 for
    an unknown kind. Dated items first, oldest first; undated ones last."""
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise QueryError("NG425", f"unknown timeline kind {', '.join(unknown)}; kinds are {', '.join(KINDS)}")
    with open_store(db, read_only=True) as store:
        ids = find_entity_ids(store, name)
        if not ids:
            raise QueryError("NG402", f"no entity named {name!r} in {db}")
        entity = read_entities(store, ids[0])[0]
        mentions = entity_mentions(store, entity.id) if "mention" in kinds else []
        quotes = entity_quotes(store, entity.id) if "quote" in kinds else []
        events = entity_events(store, entity.id) if "event" in kinds else []
        dates = publication_dates(store, sorted({*entity.article_ids, *(e.article_id for e in events),
                                                 *(q.article_id for q in quotes)}))
    items = [TimelineItem(date=_day(dates.get(m.evidence.article_id)), kind="mention", article_id=m.evidence.article_id,
                          text=m.evidence.text, evidence=m.evidence, fact_id=m.id) for m in mentions]
    if "role" in kinds:
        items += [TimelineItem(date=_day(r.published or dates.get(r.article_id)), kind="role", article_id=r.article_id,
                               text=_role_text(entity, i), evidence=r.evidence) for i, r in enumerate(entity.roles)]
    items += [TimelineItem(date=_day(dates.get(q.article_id)), kind="quote", article_id=q.article_id,
                           text=" … ".join(c.text for c in q.content), evidence=q.content[0] if q.content else q.cue,
                           fact_id=q.id) for q in quotes if q.content or q.cue]
    items += [TimelineItem(date=_event_day(e) or _day(dates.get(e.article_id)), kind="event", article_id=e.article_id,
                           text=f"{e.type} ({e.mode}): {e.trigger.text}", evidence=e.trigger, fact_id=e.id) for e in events]
    return sorted(items, key=lambda t: (t.date is None, t.date or "", t.article_id, t.evidence.start, KINDS.index(t.kind)))
