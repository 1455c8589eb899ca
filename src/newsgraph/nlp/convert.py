"""Turn a processed Doc's ``doc._.ng`` state into model ``ArticleFacts``."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from collections.abc import Callable
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


def _remap(value: Any, pseudo: str, real: str, move: Callable[[Evidence], Evidence]) -> Any:
    """``value`` with a piece's pseudo article id replaced by the article's and each of the piece's
    evidence passed through ``move`` (every record, at any depth)."""
    if isinstance(value, Evidence):
        return move(value) if value.article_id == pseudo else value
    if isinstance(value, str):
        return real if value == pseudo else value
    if isinstance(value, tuple):
        return tuple(_remap(v, pseudo, real, move) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _remap(getattr(value, f.name), pseudo, real, move) for f in fields(value)})
    return value


def _relabel(value: Any, pseudo: str, real: str) -> Any:
    """``value`` with the deck's pseudo article id replaced by the article's, its evidence marked as
    deck evidence."""
    return _remap(value, pseudo, real, lambda ev: replace(ev, article_id=real, field="deck"))


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


def _called_so(entity: LocalEntity, body: tuple[LocalEntity, ...], said: dict[str, set[str]]) -> int | None:
    """The index of the one body entity the body itself calls by ``entity``'s name, whatever
    type the deck or headline gave it (a headline's "Brighouse" read as a town, for the body's
    Tessa Brighouse, whom it calls "Brighouse" too), or None when there is none or more than one."""
    found = [i for i, e in enumerate(body) if entity.name in said.get(e.key, ())]
    return found[0] if len(found) == 1 else None


def _join_entities(
    body: tuple[LocalEntity, ...], deck: tuple[LocalEntity, ...], said: dict[str, set[str]],
) -> tuple[tuple[LocalEntity, ...], dict[str, str]]:
    """The body's entities with the deck's joined in: a deck entity of the same type and name as a
    body entity is that entity (one identity per article), and so is one that is the short form of
    a body person's name or a name the body uses for one of its entities (``said``: mention texts
    by body entity key). Returns them and deck key → body key."""
    joined = list(body)
    where = {(e.type, e.name): i for i, e in enumerate(joined)}
    rekey: dict[str, str] = {}
    for entity in deck:
        i = where.get((entity.type, entity.name), _short_form_of(entity, body))
        if i is None:
            i = _called_so(entity, body, said)
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


def _split_at(value: Any, pseudo: str, real: str, cut: int) -> Any:
    """``value`` read from the headline and text joined (``cut``: the headline's length and its line
    break) with its evidence moved to the field it lies in: the headline's as ``title``, the text's
    shifted back by ``cut``; a span across both (a rare name over the line break) keeps its text
    part. The pseudo article id becomes the article's."""

    def move(ev: Evidence) -> Evidence:
        if ev.end < cut:
            return replace(ev, article_id=real, field="title")
        start = max(ev.start, cut)
        return replace(ev, article_id=real, start=start - cut, end=ev.end - cut, text=ev.text[start - ev.start:])

    return _remap(value, pseudo, real, move)


def with_headline_split(facts: ArticleFacts, pseudo: str, real: str, cut: int) -> ArticleFacts:
    """The facts of a headline read with the text's first window (``pipeline._pieces``), moved to
    the article: evidence in the headline marked ``field="title"``, the rest indexing the text.
    A one-word name only the headline's first word gives, capitalised as every headline's first
    word is, that nothing else names and that is no known name on its own (``_known_name``) is
    dropped: "Hunt demo at Tory rally" (the hunt, no Mr Hunt), "House prices fall" (no House)."""
    moved = _split_at(facts, pseudo, real, cut)
    at = {m.id: m for m in moved.mentions}
    openers = {m.cluster for m in moved.mentions if m.evidence.field == "title" and m.evidence.start == 0}
    drop = {e.key for e in moved.entities if e.key in openers and len(e.name.split()) == 1
            and all(at[i].evidence.field == "title" and at[i].evidence.start == 0 for i in e.mention_ids if i in at)
            and not _known_name(e)}  # the gazetteer asked last, and only of a headline's opener
    if not drop:
        return moved
    gone = frozenset(m.id for m in moved.mentions if m.cluster in drop)
    kept = replace(moved, mentions=tuple(m for m in moved.mentions if m.cluster not in drop),
                   entities=tuple(e for e in moved.entities if e.key not in drop))
    return _unlinked(kept, gone)


def _unlinked(value: Any, gone: frozenset[str]) -> Any:
    """``value`` with every link to a mention of ``gone`` taken out (at any depth)."""
    if isinstance(value, tuple):
        return tuple(_unlinked(v, gone) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for f in fields(value):
            v = getattr(value, f.name)
            if f.name == "mention_id" and v in gone:
                changes[f.name] = None
            elif f.name == "mention_ids" and isinstance(v, tuple):
                changes[f.name] = tuple(m for m in v if m not in gone)
            elif isinstance(v, tuple) or is_dataclass(v):
                changes[f.name] = _unlinked(v, gone)
        return replace(value, **changes) if changes else value
    return value


def _known_name(entity: LocalEntity) -> bool:
    """A name that stands on its own: a place of the gazetteer, a well-known institution's form,
    or an acronym ("Germany", "Tories", "NHS")."""
    from newsgraph.nlp.institutions import canonical_institution
    from newsgraph.nlp.places import gazetteer

    name = entity.name
    return (name.isupper() and len(name) > 1) or canonical_institution(name) is not None or (
        entity.type in ("GPE", "LOC", "FAC") and (name in _CONTINENTS or gazetteer().is_place(name)))


_CONTINENTS = frozenset({"Europe", "Asia", "Africa", "America", "Americas", "Antarctica", "Oceania", "Arctic", "Antarctic"})


def _said(body: ArticleFacts) -> dict[str, set[str]]:
    """The texts the body's mentions give each of its entities (by entity key)."""
    said: dict[str, set[str]] = {}
    for m in body.mentions:
        said.setdefault(m.cluster, set()).add(m.evidence.text)
    return said


def _appended(body: ArticleFacts, moved: ArticleFacts, *, keep_main: bool) -> ArticleFacts:
    """``body`` with the facts of ``moved`` (a deck's or a later window's, already relabelled to the
    article) added: its entities joined to those of ``body`` (``_join_entities``; a joined mention
    takes its entity's type), its events never the main one; the main event stays the body's
    (``keep_main``), else it is the first one found."""
    entities, rekey = _join_entities(body.entities, moved.entities, _said(body))
    type_of = {e.key: e.type for e in entities}
    return replace(
        body,
        mentions=body.mentions + tuple(
            replace(m, cluster=rekey[m.cluster], type=type_of[rekey[m.cluster]]) if m.cluster in rekey else m
            for m in moved.mentions),
        entities=entities,
        quotes=body.quotes + moved.quotes,
        figures=body.figures + moved.figures,
        times=body.times + moved.times,
        events=body.events + tuple(replace(e, main=False) for e in moved.events),
        main=body.main if keep_main or body.main is not None else moved.main,
    )


def _shift(value: Any, pseudo: str, real: str, offset: int) -> Any:
    """``value`` with a window's pseudo article id replaced by the article's and its evidence moved
    by ``offset`` characters: window offsets become article offsets."""
    return _remap(value, pseudo, real, lambda ev: replace(ev, article_id=real, start=ev.start + offset, end=ev.end + offset))


def with_window_facts(body: ArticleFacts, window: ArticleFacts, offset: int, real: str) -> ArticleFacts:
    """The facts read so far with those of the next window of a long text added: the window's
    evidence moved by ``offset`` (where it starts in the article), its entities joined to the
    same-named ones found before (one identity per article); the first window keeps the main event.

    Fact ids stay distinct: they were made from the window's own pseudo id (``<id>#w<n>``)."""
    return _appended(body, _shift(window, window.article_id, real, offset), keep_main=False)
