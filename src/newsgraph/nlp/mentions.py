"""Mention spans: the model's entities, cleaned, with type errors fixed and missed names recovered.

Every rule reads evidence in the article itself (a title before a name, a fuller form elsewhere
in the text, a repeated form); none uses a list of names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.model import EntityType
from newsgraph.nlp.titles import HONORIFICS, MODIFIERS, is_head, is_title_word, status_of

KEPT = frozenset(t.value for t in EntityType)
_LEADING_DROP = {"the"}
_TRAILING_DROP = {"'s", "’s", "'", "’", "s"}
_REPAIRABLE = {"ORG", "PRODUCT", "FAC", "EVENT", "LAW", "NORP", "WORK_OF_ART"}
_MAX_NAME = 4


def clean_span(span: Span) -> Span | None:
    """The span without a leading "the", a title, a possessive or punctuation; None if nothing is left."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING_DROP or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if span.label_ == "PERSON":
        while start < end - 1 and _is_prefix_word(doc[start].lower_):
            start += 1
    if start >= end or not any(t.text[:1].isupper() or not t.is_alpha for t in doc[start:end]):
        return None
    return Span(doc, start, end, label=span.label_)


def _is_prefix_word(word: str) -> bool:
    return is_title_word(word) or word in HONORIFICS or status_of(word) is not None


def _name_token(token) -> bool:  # type: ignore[no-untyped-def]
    """A token that can be part of a personal name: capitalised letters, not a title word."""
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and not token.is_sent_start
        and not is_title_word(token.lower_)
        and token.lower_ not in HONORIFICS
        and not token.is_stop
    ) or (token.is_alpha and token.text[:1].isupper() and token.lower_ in {"to", "an", "la", "de", "van", "von", "al", "bin"})


def _after_title(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a title head (or an honorific) directly."""
    if i <= 0:
        return False
    prev = doc[i - 1]
    return is_head(prev.lower_) or prev.lower_ in HONORIFICS


def merge_of_spans(spans: list[Span]) -> list[Span]:
    """Join "ORG of GPE" written as one capitalised name ("Communist Party of Vietnam") into one ORG."""
    out: list[Span] = []
    for span in spans:
        if out:
            prev = out[-1]
            doc = span.doc
            if (
                prev.label_ == "ORG"
                and span.label_ in {"GPE", "LOC", "ORG"}
                and span.start == prev.end + 1
                and doc[prev.end].lower_ == "of"
                and all(t.text[:1].isupper() or not t.is_alpha for t in prev)
            ):
                out[-1] = Span(doc, prev.start, span.end, label="ORG")
                continue
        out.append(span)
    return out


def recover_titled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names after a title: extend a PERSON split by the model, re-type or add the name.

    "General Secretary To Lam" where the model found "Lam": the capitalised tokens between the
    title and the name belong to the name. A span of another type right after a title head
    ("President X" tagged ORG) becomes a PERSON. Capitalised tokens after a title head that no
    span covers become a PERSON.
    """
    covered = {i for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    for span in spans:
        start = span.start
        if span.label_ == "PERSON":
            k = start
            while k > 0 and span.end - k < _MAX_NAME and k - 1 not in covered and _name_token(doc[k - 1]):
                k -= 1
            if k < start and k > 0 and is_head(doc[k - 1].lower_):
                start = k  # only a title right before licenses the extension
            covered.update(range(start, span.start))
            out.append(Span(doc, start, span.end, label="PERSON"))
        elif span.label_ in _REPAIRABLE and span.end - span.start <= 3 and _after_title(doc, span.start) and all(
            _name_token(t) or t.i == span.start for t in span
        ) and doc[span.start - 1].text[:1].isupper():
            out.append(Span(doc, span.start, span.end, label="PERSON"))
        else:
            out.append(span)
    out.extend(_untagged_titled_names(doc, covered))
    out.sort(key=lambda s: s.start)
    return out


def _untagged_titled_names(doc: Doc, covered: set[int]) -> list[Span]:
    found: list[Span] = []
    for token in doc:
        if token.i in covered or not _after_title(doc, token.i) or not _name_token(token) or token.pos_ != "PROPN":
            continue
        if not doc[token.i - 1].text[:1].isupper():
            continue  # "the spokesman Monday": only a capitalised title introduces a name this way
        end = token.i + 1
        while end < len(doc) and end - token.i < 3 and end not in covered and _name_token(doc[end]) and doc[end].pos_ == "PROPN":
            end += 1
        found.append(Span(doc, token.i, end, label="PERSON"))
        covered.update(range(token.i, end))
    return found


def fix_types(spans: list[Span]) -> list[Span]:
    """A span whose text is a PERSON's full or short name elsewhere in the article is a PERSON."""
    person_forms: set[str] = set()
    for span in spans:
        if span.label_ == "PERSON" and len(span) >= 2:
            words = [t.text for t in span]
            person_forms.update({span.text, words[-1], words[0]})
    return [
        Span(s.doc, s.start, s.end, label="PERSON") if s.label_ in _REPAIRABLE and s.text in person_forms else s
        for s in spans
    ]


def recover_repeats(doc: Doc, spans: list[Span]) -> list[Span]:
    """Untagged repeats of a multi-word name the article already uses become mentions of its type."""
    names: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for span in spans:
        if len(span) >= 2 and span.label_ in {"PERSON", "ORG"}:
            words = tuple(t.text for t in span)
            names.setdefault(words[0], []).append((words, span.label_))
    if not names:
        return spans
    covered = {i for s in spans for i in range(s.start, s.end)}
    extra: list[Span] = []
    for token in doc:
        if token.i in covered or token.text not in names:
            continue
        for words, label in names[token.text]:
            end = token.i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[token.i : end]) == words and not covered.intersection(range(token.i, end)):
                extra.append(Span(doc, token.i, end, label=label))
                covered.update(range(token.i, end))
                break
    return sorted(spans + extra, key=lambda s: s.start) if extra else spans


def mention_spans(doc: Doc) -> list[Span]:
    """The article's mention spans of the kept types, cleaned, repaired and recovered, in text order."""
    spans = [s for s in (clean_span(e) for e in doc.ents if e.label_ in KEPT or e.label_ == "WORK_OF_ART") if s is not None]
    spans = merge_of_spans(spans)
    spans = recover_titled_names(doc, spans)
    spans = fix_types(spans)
    spans = recover_repeats(doc, spans)
    return [s for s in spans if s.label_ in KEPT]


__all__ = ["KEPT", "MODIFIERS", "clean_span", "fix_types", "mention_spans", "merge_of_spans", "recover_repeats", "recover_titled_names"]
