"""Products named by their make or model, found where the text says what they are.

A name the model missed or typed as something else is a product (PRODUCT) where

- it comes between a determiner or a possessive and a noun for a made thing, with at most two
  lower-case modifiers between ("a Falcon 9 rocket", "its own Baekho-2 rocket", "the Elbtal Kora
  electric hatchback"): a model name of two words or more, or one with a digit, whatever the model
  typed it except a known place, nationality or institution; a single plain word only where the
  model found no organisation there ("a Vega rocket" but not "a Boeing jet": a maker's name before
  its product stays the maker's);
- it stands in apposition right after such a noun ("a weather satellite, Nuvola-1, reached",
  "a heat-tolerant wheat variety, Sunehri-7, which"), or right before one that describes it
  ("images from Lusin-2, a small satellite", "the Vireo Nova 5, a $119 handset").

Its other occurrences in the article, the same words, are the same product ("said Nuvola-1
would"). The nouns are ``places.PRODUCT_NOUNS``; generic words only, no list of names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.component import doc_text
from newsgraph.nlp.countries import canonical_country, country_of_demonym
from newsgraph.nlp.institutions import canonical_institution
from newsgraph.nlp.organisations import LEGAL_FORMS, ORG_HEADS
from newsgraph.nlp.places import PRODUCT_NOUNS, gazetteer, give_way

_OPENERS = frozenset({"DET", "PRON"})  # "a", "the", "its", "their" (spaCy tags possessives PRON)
_MODIFIERS = frozenset({"ADJ", "NOUN"})  # "electric", "drinking", "Earth-observation" pieces
_FIGURATIVE = frozenset({"vehicle"})  # "their Cubic Expression investment vehicle"
_LONGEST = 4
# Words that make a name an organisation's ("the Honeynet Project created software tools").
_ORG_WORDS = frozenset("project group company motors industries systems holdings labs laboratories technologies "
                      "aerospace airlines airways foundation".split())


def _name_token(doc: Doc, i: int, first: bool) -> bool:
    """A word of a make or model name: capitalised with a letter ("Kora", "S7", "Nuvola-1"), or, after
    the first word, a number ("Falcon 9", "Boeing 737")."""
    t = doc[i]
    if t.text[:1].isupper() and any(c.isalpha() for c in t.text) and not t.is_sent_start:
        return True
    return not first and t.like_num and t.text.isdigit()


def _known_other(text: str) -> bool:
    """A place, a nationality or an institution: never a product's name."""
    return (gazetteer().knows(text) or country_of_demonym(text) is not None or canonical_country(text) is not None
            or canonical_institution(text) is not None)


def _model_name(doc: Doc, start: int, end: int, spans_at: dict[int, Span]) -> bool:
    """Whether tokens [start, end) name a make or model rather than its maker: two words or more, or
    one with a digit, or a single word the model found no organisation in."""
    text = doc[start:end].text
    if _known_other(text) or any(t.text in ORG_HEADS or t.text in LEGAL_FORMS or t.lower_ in _ORG_WORDS for t in doc[start:end]):
        return False  # "the Honeynet Project", "Vostok Motors"
    if end - start >= 2 or any(c.isdigit() for c in text):
        return True
    found = spans_at.get(start)
    return found is None or found.label_ not in {"ORG"}


def _before_noun(doc: Doc, spans_at: dict[int, Span]) -> list[tuple[int, int]]:
    """(start, end) of each name between an opener and a product noun ("a Falcon 9 rocket")."""
    found: list[tuple[int, int]] = []
    for head in doc:
        if not _product_noun(head) or head.lower_ in _FIGURATIVE:
            continue
        k = head.i
        while k > 0 and head.i - k < 3 and (doc[k - 1].is_lower and doc[k - 1].pos_ in _MODIFIERS or doc[k - 1].text == "-"):
            k -= 1  # "electric", "drinking", "Earth - observation"
        end = k
        while k > 0 and end - k < _LONGEST and _name_token(doc, k - 1, first=False):
            k -= 1
        while k < end and not _name_token(doc, k, first=True):
            k += 1  # a number cannot open the name
        if k == end or k == 0:
            continue
        maker = spans_at.get(k)
        if maker is not None and maker.label_ == "ORG" and maker.end < end and _named_alone(maker, spans_at):
            k = maker.end  # "a Skyward Falcon 9 rocket" where Skyward is named on its own too: the maker stays
        opener = doc[k - 1]
        if opener.lower_ == "own" and k >= 2:
            opener = doc[k - 2]
        if opener.pos_ in _OPENERS and k < end and _model_name(doc, k, end, spans_at):
            found.append((k, end))
    return found


def _product_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.is_lower and (token.lower_ in PRODUCT_NOUNS or token.lemma_ in PRODUCT_NOUNS)


def _determined(head: Token) -> bool:
    """Whether a determiner or a possessive opens the noun phrase ``head`` ends, over its modifiers
    ("a 90-kilogram Earth-observation satellite", "its new wheat variety")."""
    doc = head.doc
    k = head.i - 1
    while k >= 0 and head.i - k <= 8:
        t = doc[k]
        if t.pos_ in _OPENERS:
            return t.pos_ == "DET" or t.tag_ == "PRP$"
        if not (t.pos_ in {"ADJ", "NOUN", "NUM", "PROPN", "ADV"} or t.tag_ in {"VBN", "VBG"} or t.text == "-"):
            return False
        k -= 1
    return False


def _named_alone(span: Span, spans_at: dict[int, Span]) -> bool:
    """Whether the article names the organisation ``span`` elsewhere as a span of its own."""
    return any(s.text == span.text and s.start != span.start for s in spans_at.values())


def _in_apposition(doc: Doc, spans_at: dict[int, Span]) -> list[tuple[int, int]]:
    """(start, end) of each name right after a product noun and its comma, closed by a comma, a full
    stop or a bracket ("a weather satellite, Nuvola-1, reached")."""
    found: list[tuple[int, int]] = []
    for head in doc:
        if not _product_noun(head):
            continue
        if head.i + 2 >= len(doc) or doc[head.i + 1].text != "," or head.tag_ != "NN" or not _determined(head):
            continue  # one thing, introduced: not "its director of launchers, Henrik Aalto,"
        k = head.i + 2
        if doc[k].lower_ == "the":
            k += 1
        end = k
        while end < len(doc) and end - k < _LONGEST and _name_token(doc, end, first=end == k):
            end += 1
        if end == k or end >= len(doc) or doc[end].text not in {",", ".", ";", ")"}:
            continue
        person = spans_at.get(k)
        if not _known_other(doc[k:end].text) and not (person is not None and person.label_ == "PERSON" and len(person) >= 2):
            found.append((k, end))
    return found


def _described_after(doc: Doc, spans_at: dict[int, Span]) -> list[tuple[int, int]]:
    """(start, end) of each name followed by its comma and "a"/"an" and a product noun, its
    modifiers between ("Lusin-2, a small satellite", "the Vireo Nova 5, a $119 handset")."""
    found: list[tuple[int, int]] = []
    for head in doc:
        if not _product_noun(head) or head.tag_ != "NN":
            continue
        k = head.i - 1
        while k > 0 and head.i - k <= 5 and (doc[k].is_lower and doc[k].pos_ in {"ADJ", "NOUN"} or doc[k].like_num
                                             or doc[k].text in {"-", "$", "€", "£"}):
            k -= 1
        if k < 2 or doc[k].lower_ not in ("a", "an") or doc[k - 1].text != ",":
            continue
        end = k - 1
        start = end
        while start > 0 and end - start < _LONGEST and _name_token(doc, start - 1, first=False):
            start -= 1
        while start < end and not _name_token(doc, start, first=True):
            start += 1
        person = spans_at.get(start)
        if start < end and not (person is not None and person.label_ == "PERSON" and len(person) >= 2) and _model_name(
                doc, start, end, {}):
            found.append((start, end))
    return found


def named_products(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with the products the text names as such (see the module), and their repeats."""
    if not any(_product_noun(t) for t in doc):
        return spans  # (most articles: nothing to read)
    spans_at = {s.start: s for s in spans}
    places = {i for s in spans if s.label_ in {"GPE", "LOC", "NORP"} and _known_other(s.text) for i in range(s.start, s.end)}
    where = sorted(set(_before_noun(doc, spans_at)) | set(_in_apposition(doc, spans_at)) | set(_described_after(doc, spans_at)))
    found = [Span(doc, a, b, label="PRODUCT") for a, b in where if not any(i in places for i in range(a, b))]
    if not found:
        return spans
    names = {s.text for s in found}
    taken = {i for s in found for i in range(s.start, s.end)}
    for s in spans:  # the same name elsewhere, as the model's span of exactly those words
        if s.text in names and s.start not in taken and s.label_ in {"ORG", "PERSON", "FAC", "GPE", "WORK_OF_ART", "LAW"}:
            found.append(Span(doc, s.start, s.end, label="PRODUCT"))
            taken.update(range(s.start, s.end))
    text = doc_text(doc)
    for name in names:  # and where the model found nothing
        at = text.find(name)
        while at >= 0:
            span = doc.char_span(at, at + len(name), label="PRODUCT")
            if span is not None and not any(i in taken for i in range(span.start, span.end)) and not any(
                    s.start < span.end and span.start < s.end for s in spans):
                found.append(span)
                taken.update(range(span.start, span.end))
            at = text.find(name, at + 1)
    return give_way(spans, found)


__all__ = ["named_products"]
