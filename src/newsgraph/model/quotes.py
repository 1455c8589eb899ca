"""Who said what."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsgraph.model.evidence import Evidence


class QuoteKind(StrEnum):
    """Direct (verbatim in quotation marks), indirect (reported), or mixed (both)."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """Who a quote is attributed to.

    Attributes:
        evidence: the span naming or describing the speaker in this article (the resolved
            antecedent for a pronoun or title, the description for an anonymous source), or
            None when the text gives none.
        mention_id: the speaker's ``Mention.id`` when it is a named entity.
        entity_id: the speaker's ``Entity.id`` once resolved; never set for anonymous sources.
        anonymous: True for an unnamed source ("a source with knowledge of the preparations").
        description: for an anonymous source, the description as written.
        reason: for an anonymous source, the stated reason for anonymity, when given.
    """

    evidence: Evidence | None
    mention_id: str | None = None
    entity_id: str | None = None
    anonymous: bool = False
    description: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """An attribution: content, cue and speaker.

    Attributes:
        id: deterministic id from article and the first content span.
        article_id: the article.
        kind: direct, indirect or mixed.
        content: the quoted or reported content spans, in text order.
        cue: the attribution cue ("said", "according to", "in a statement"), when present.
        speaker: who said it.
        source: the source as the attribution writes it ("he", "the minister", "Lopez"),
            beside ``speaker.evidence``, which for a pronoun or title is its antecedent.
        extractor: versioned name of the component.
    """

    id: str
    article_id: str
    kind: QuoteKind
    content: tuple[Evidence, ...]
    cue: Evidence | None
    speaker: Speaker
    extractor: str = ""
    source: Evidence | None = None
