"""Noun phrases and the mentions they cover: the spans events use for their participants.

A participant is a token of the parse (a subject, an object); its span is the entity mention
covering it when there is one (a person's name grown leftwards over the name words the model
left out, never over a title), else its noun phrase without relative clauses, appositions or a
leading article.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Mention

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_LEFT_DEPS = frozenset({"compound", "amod", "nummod", "nmod", "poss", "quantmod", "npadvmod", "det", "predet", "advmod"})
_ARTICLES = frozenset({"the", "a", "an"})
_QUANTITY_NOUNS = frozenset({
    "thousands", "hundreds", "dozens", "millions", "tens", "scores", "group", "groups", "number",
    "members", "member", "team", "crowd", "crowds", "band", "couple", "pair", "handful", "majority",
    "some", "many", "most", "all", "each", "one", "two", "three", "several", "none", "both", "any",
})
# Title words where a person's name stops growing leftwards.
TITLE_WORDS = frozenset({
    "president", "minister", "secretary", "general", "prime", "chancellor", "king", "queen",
    "prince", "princess", "governor", "senator", "sen.", "rep.", "representative", "mayor",
    "chairman", "chairwoman", "chair", "ceo", "director", "chief", "spokesman", "spokeswoman",
    "spokesperson", "leader", "judge", "justice", "ambassador", "envoy", "commander", "emperor",
    "pope", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen.", "lt.", "col.", "capt.",
    "sir", "lord", "lady", "premier", "officer", "coach", "star", "striker", "manager", "head",
    "deputy", "vice", "former", "late", "candidate", "nominee", "president-elect", "speaker",
})


@dataclass(frozen=True, slots=True)
class PhraseSpan:
    """A participant's character span and the mention it is, when it is one."""

    start: int
    end: int
    mention: Mention | None


class MentionIndex:
    """Which mention covers each token of a doc."""

    def __init__(self, doc: Doc, mentions: tuple[Mention, ...]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, mention)

    def at(self, token: Token) -> Mention | None:
        """The mention covering ``token``, or None."""
        return self.by_token.get(token.i)

    def place_at(self, token: Token) -> Mention | None:
        """The place mention (GPE, LOC, FAC) covering ``token``, or None."""
        mention = self.by_token.get(token.i)
        return mention if mention is not None and mention.type.value in PLACE_TYPES else None


def _person_start(doc: Doc, index: MentionIndex, mention: Mention, token_start: int) -> int:
    """Grow a person's name leftwards over adjacent capitalised name words that are no title."""
    start = token_start
    while start > 0:
        prev = doc[start - 1]
        if not (prev.pos_ == "PROPN" and prev.is_title and prev.lower_ not in TITLE_WORDS):
            break
        if index.at(prev) is not None and index.at(prev) is not mention:
            break
        start -= 1
    return doc[start].idx


def _of_object_end(pobj: Token) -> int:
    end = pobj.i + 1
    for child in pobj.rights:
        if child.dep_ in ("compound", "flat", "nummod") or child.dep_ in ("cc", "conj") and child.pos_ in ("CCONJ", "PROPN", "NOUN"):
            end = max(end, child.i + 1 if child.dep_ == "cc" else _of_object_end(child))
    return end


def noun_phrase(token: Token) -> tuple[int, int]:
    """Token bounds [start, end) of ``token``'s noun phrase: its left modifiers, an "of" phrase
    after a quantity ("dozens of rescuers") or a proper name ("Bank of Japan"); no clauses."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in _LEFT_DEPS:
            start = min(start, child.left_edge.i)
    while start < token.i and token.doc[start].lower_ in _ARTICLES:
        start += 1
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ == "of":
            if token.lower_ in _QUANTITY_NOUNS or token.pos_ in ("PROPN", "NUM"):
                end = max(end, child.right_edge.i + 1)
            else:  # "the foreign ministers of Chile and Peru": the of-phrase, not its clauses
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    end = max(end, _of_object_end(pobj))
        elif child.dep_ == "conj":
            break
    while end > start + 1 and (token.doc[end - 1].is_punct or token.doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def participant(token: Token, index: MentionIndex) -> PhraseSpan:
    """The span standing for the participant whose head is ``token``."""
    doc = token.doc
    mention = index.at(token)
    if mention is not None:
        span = doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
        if mention.type.value == "PERSON" and span is not None:
            return PhraseSpan(_person_start(doc, index, mention, span.start), mention.evidence.end, mention)
        return PhraseSpan(mention.evidence.start, mention.evidence.end, mention)
    start, end = noun_phrase(token)
    # A mention the phrase ends with is the phrase's name: "the Chinese Embassy" → its mention.
    return PhraseSpan(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), None)


def with_conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Indonesia and Malaysia")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(with_conjuncts(child))
    return out
