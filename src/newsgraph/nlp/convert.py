"""Turn a processed Doc's ``doc._.ng`` state into model ``ArticleFacts``."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from spacy.tokens import Doc

from newsgraph.model import ArticleFacts, Evidence

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


def with_deck_facts(body: ArticleFacts, deck: ArticleFacts) -> ArticleFacts:
    """The article's facts with those read from its deck added (the body keeps the main event).

    Fact ids stay distinct: they were made from the deck's own pseudo id (``<id>#deck``)."""
    moved: ArticleFacts = _relabel(deck, deck.article_id, body.article_id)
    return replace(
        body,
        mentions=body.mentions + moved.mentions,
        entities=body.entities + moved.entities,
        quotes=body.quotes + moved.quotes,
        figures=body.figures + moved.figures,
        times=body.times + moved.times,
        events=body.events + tuple(replace(e, main=False) for e in moved.events),
    )
