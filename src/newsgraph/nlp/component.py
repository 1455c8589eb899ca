"""The one shape every newsgraph component has: read the doc, add facts to ``doc._.ng``.

A component module defines a function ``facts(doc) -> {key: records}`` and registers it with
``register(factory, extractor, facts)``; the spaCy factory it makes stores the records under their
keys in ``doc._.ng`` and records the extractor's versioned name in ``doc._.ng["extractors"]``.
"""

from collections.abc import Callable, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

Facts = Callable[[Doc], Mapping[str, Any]]


class FactComponent:
    """A spaCy component that stores what ``facts(doc)`` returns in ``doc._.ng``."""

    def __init__(self, extractor: str, facts: Facts) -> None:
        self.extractor = extractor
        self.facts = facts

    def __call__(self, doc: Doc) -> Doc:
        state = doc._.ng
        state.update(self.facts(doc))
        state.setdefault("extractors", []).append(self.extractor)
        return doc


def register(factory: str, extractor: str, facts: Facts, setup: Callable[[], object] | None = None) -> None:
    """Register the spaCy factory ``factory`` making a ``FactComponent`` over ``facts``; ``setup``
    (loading a table once, say) runs when the pipeline is built, not on the first document."""

    def make(nlp: Language, name: str) -> FactComponent:
        if setup is not None:
            setup()
        return FactComponent(extractor, facts)

    if not Language.has_factory(factory):
        Language.factory(factory, func=make)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once a doc: spaCy rebuilds it from every token on each access, which made
    extraction quadratic in the length of a text when a component asked for it once a quote or a
    verb. The text of a doc never changes (retokenising keeps the characters)."""
    cached = doc.user_data.get("newsgraph_text")
    if cached is None:
        cached = doc.user_data["newsgraph_text"] = doc.text
    return cached
