"""Entity mentions and their in-article clusters (``newsgraph.entities.v1``).

Mentions come from the model's named entities of the kept types, cleaned of what the model
glues on (a leading "the", a possessive, trailing punctuation). Within an article, a later short
form (a surname, a first name) joins the earlier full name of the same type.

No ``from __future__ import annotations`` here: spaCy reads the factory's annotations at run time.
"""


from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.model import EntityType, LocalEntity, Mention, evidence_from, fact_id, stable_id

EXTRACTOR = "newsgraph.entities.v1"
_KEPT = {t.value for t in EntityType}
_LEADING_DROP = {"the"}
_TRAILING_DROP = {"'s", "’s", "'", "’"}


def clean_span(span: Span) -> Span | None:
    """The span without a leading article, a trailing possessive or punctuation; None if empty."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in _LEADING_DROP:
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING_DROP or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


def _cluster_key(article_id: str, etype: str, name: str) -> str:
    return stable_id("cl", article_id, etype, name)


def _clusters(spans: list[Span]) -> list[int]:
    """For each span, the index of the span whose cluster it joins (itself for a new one)."""
    heads: list[int] = []
    for i, span in enumerate(spans):
        head = i
        words = span.text.split()
        for j in range(len(spans)):
            other = spans[j]
            if j == i or other.label_ != span.label_ or heads_index(heads, j) != j:
                continue
            other_words = other.text.split()
            if other.text == span.text and j < i:
                head = j
                break
            if span.label_ == "PERSON" and len(words) < len(other_words) and (
                words == other_words[-len(words):] or words == other_words[: len(words)]
            ):
                head = j
                break
        heads.append(head)
    return heads


def heads_index(heads: list[int], j: int) -> int:
    """The cluster head of span ``j`` as assigned so far (``j`` itself when not yet assigned)."""
    return heads[j] if j < len(heads) else j


def mentions_and_entities(doc: Doc, article_id: str) -> tuple[tuple[Mention, ...], tuple[LocalEntity, ...]]:
    """Clean the doc's kept entities into mentions and cluster them into local entities."""
    spans = [s for s in (clean_span(e) for e in doc.ents if e.label_ in _KEPT) if s is not None]
    heads = _clusters(spans)
    text = doc.text
    names: dict[int, Span] = {}
    for i, head in enumerate(heads):
        root = head
        while heads[root] != root:
            root = heads[root]
        heads[i] = root
        if root not in names or len(spans[i].text) > len(names[root].text):
            names[root] = spans[i]
    mentions: list[Mention] = []
    members: dict[int, list[str]] = {}
    for span, root in zip(spans, heads):
        name = names[root]
        mention = Mention(
            id=fact_id("mention", article_id, span.start_char, span.end_char),
            evidence=evidence_from(article_id, text, span.start_char, span.end_char),
            type=EntityType(span.label_),
            cluster=_cluster_key(article_id, name.label_, name.text),
            extractor=EXTRACTOR,
        )
        mentions.append(mention)
        members.setdefault(root, []).append(mention.id)
    entities = tuple(
        LocalEntity(
            key=_cluster_key(article_id, names[root].label_, names[root].text),
            name=names[root].text,
            type=EntityType(names[root].label_),
            mention_ids=tuple(ids),
        )
        for root, ids in members.items()
    )
    return tuple(mentions), entities


class EntityComponent:
    """spaCy component: adds ``mentions`` and ``entities`` to ``doc._.ng``."""

    def __call__(self, doc: Doc) -> Doc:
        state = doc._.ng
        mentions, entities = mentions_and_entities(doc, state["article"].id)
        state["mentions"] = mentions
        state["entities"] = entities
        state.setdefault("extractors", []).append(EXTRACTOR)
        return doc


@Language.factory("newsgraph_entities")
def make_entity_component(nlp: Language, name: str) -> EntityComponent:
    return EntityComponent()
