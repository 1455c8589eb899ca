"""Turn a processed Doc's ``doc._.ng`` state into model ``ArticleFacts``."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import ArticleFacts

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
