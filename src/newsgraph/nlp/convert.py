"""Turn a processed Doc's ``doc._.ng`` state into model ``ArticleFacts``."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from spacy.tokens import Doc

from newsgraph.model import ArticleFacts, Evidence, LocalEntity

_TUPLE_KEYS = ("mentions", "entities", "quotes", "figures", "times", "events")


def facts_from_doc(doc: Doc) -> ArticleFacts:
    """The facts every component left in ``doc._.ng``, as one ``ArticleFacts``."""
    state = doc._.ng
    fields = {key: tuple(state.get(key, ())) for key in _TUPLE_KEYS}
    return ArticleFacts(
        article_id=state["article"].id,
        main=state.get("main"),
        extractors=tuple(state.get("extractors", ())),
        **fields,
    )


def _relabel(value: Any, pseudo: str, real: str) -> Any:
    """``value`` with the deck's pseudo article id replaced by the article's, its evidence marked as
    deck evidence (every record, at any depth)."""
    if isinstance(value, Evidence):
        return replace(value, article_id=real, field="deck") if value.article_id == pseudo else value
    if isinstance(value, str):
        return real if value == pseudo else value
    if isinstance(value, tuple):
        return tuple(_relabel(v, pseudo, real) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _relabel(getattr(value, f.name), pseudo, real) for f in fields(value)})
    return value


def _short_form_of(entity: LocalEntity, body: tuple[LocalEntity, ...]) -> int | None:
    """The index of the one body person whose name begins or ends with ``entity``'s words (a deck's
    "Lam" for the body's "To Lam"), or None when there is no such person or more than one."""
    if entity.type != "PERSON":
        return None
    words = entity.name.casefold().split()
    found = [
        i for i, e in enumerate(body)
        if e.type == "PERSON" and len(e.name.split()) > len(words)
        and words in (e.name.casefold().split()[-len(words):], e.name.casefold().split()[:len(words)])
    ]
    return found[0] if len(found) == 1 else None


def _join_entities(
    body: tuple[LocalEntity, ...], deck: tuple[LocalEntity, ...]
) -> tuple[tuple[LocalEntity, ...], dict[str, str]]:
    """The body's entities with the deck's joined in: a deck entity of the same type and name as a
    body entity is that entity (one identity per article). Returns them and deck key → body key."""
    joined = list(body)
    where = {(e.type, e.name): i for i, e in enumerate(joined)}
    rekey: dict[str, str] = {}
    for entity in deck:
        i = where.get((entity.type, entity.name), _short_form_of(entity, body))
        if i is None:
            where[(entity.type, entity.name)] = len(joined)
            joined.append(entity)
            continue
        twin = joined[i]
        rekey[entity.key] = twin.key
        known = {(a.text, a.kind) for a in twin.aliases}
        joined[i] = replace(
            twin,
            mention_ids=twin.mention_ids + entity.mention_ids,
            aliases=twin.aliases + tuple(a for a in entity.aliases if (a.text, a.kind) not in known),
            roles=twin.roles + entity.roles,
        )
    return tuple(joined), rekey


def with_deck_facts(body: ArticleFacts, deck: ArticleFacts) -> ArticleFacts:
    """The article's facts with those read from its deck added (the body keeps the main event).

    Fact ids stay distinct: they were made from the deck's own pseudo id (``<id>#deck``)."""
    return _appended(body, _relabel(deck, deck.article_id, body.article_id), keep_main=True)


def _appended(body: ArticleFacts, moved: ArticleFacts, *, keep_main: bool) -> ArticleFacts:
    """``body`` with the facts of ``moved`` (already relabelled to the article) added: its entities
    joined to the same-named ones of ``body``, its events never the main one; the main event stays
    the body's (``keep_main``), else it is the first one found."""
    entities, rekey = _join_entities(body.entities, moved.entities)
    return replace(
        body,
        mentions=body.mentions + tuple(replace(m, cluster=rekey.get(m.cluster, m.cluster)) for m in moved.mentions),
        entities=entities,
        quotes=body.quotes + moved.quotes,
        figures=body.figures + moved.figures,
        times=body.times + moved.times,
        events=body.events + tuple(replace(e, main=False) for e in moved.events),
        main=body.main if keep_main or body.main is not None else moved.main,
    )


def _shift(value: Any, pseudo: str, real: str, offset: int) -> Any:
    """``value`` with a window's pseudo article id replaced by the article's and its evidence moved
    by ``offset`` characters (every record, at any depth): window offsets become article offsets."""
    if isinstance(value, Evidence):
        if value.article_id != pseudo:
            return value
        return replace(value, article_id=real, start=value.start + offset, end=value.end + offset)
    if isinstance(value, str):
        return real if value == pseudo else value
    if isinstance(value, tuple):
        return tuple(_shift(v, pseudo, real, offset) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _shift(getattr(value, f.name), pseudo, real, offset) for f in fields(value)})
    return value


def with_window_facts(body: ArticleFacts, window: ArticleFacts, offset: int, real: str) -> ArticleFacts:
    """The facts read so far with those of the next window of a long text added: the window's
    evidence moved by ``offset`` (where it starts in the article), its entities joined to the
    same-named ones found before (one identity per article); the first window keeps the main event.

    Fact ids stay distinct: they were made from the window's own pseudo id (``<id>#w<n>``)."""
    return _appended(body, _shift(window, window.article_id, real, offset), keep_main=False)
