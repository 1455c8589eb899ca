"""Aliases an article defines: an acronym, a name in another script, a demonym, a country variant.

- "US Immigration and Customs Enforcement (ICE)": the acronym is an alias, and "ICE" anywhere
  in the article (before or after) is a mention of that organisation. An acronym that spells the
  initials of an organisation the article names is linked the same way without parentheses.
- "Xi Jinping (習近平)": a name in another script, with its ISO 15924 script code.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.model import Alias, AliasKind, Article, evidence_from
from newsgraph.nlp.countries import country_of
from newsgraph.nlp.organisations import abbreviates

_SCRIPTS = (
    ("CJK", "Hani"), ("HIRAGANA", "Hira"), ("KATAKANA", "Kana"), ("HANGUL", "Hang"), ("CYRILLIC", "Cyrl"),
    ("ARABIC", "Arab"), ("HEBREW", "Hebr"), ("GREEK", "Grek"), ("THAI", "Thai"), ("DEVANAGARI", "Deva"),
    ("BENGALI", "Beng"), ("TAMIL", "Taml"), ("GEORGIAN", "Geor"), ("ARMENIAN", "Armn"), ("LATIN", "Latn"),
)
_SMALL = {"of", "and", "for", "the", "on", "in", "&", "de", "du", "des", "la", "le"}


def script_of(text: str) -> str:
    """The ISO 15924 code of the script most letters of ``text`` are written in (``Zyyy`` if none)."""
    counts: Counter[str] = Counter()
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        code = next((code for prefix, code in _SCRIPTS if name.startswith(prefix)), "Zzzz")
        counts[code] += 1
    return counts.most_common(1)[0][0] if counts else "Zyyy"


@dataclass(frozen=True, slots=True)
class ParenAlias:
    """An alias in parentheses right after the mention at ``index``; ``token`` when it is one token."""

    index: int
    alias: Alias
    token: int | None


def _is_acronym(text: str) -> bool:
    if re.fullmatch(r"[A-Z0-9]{2,6}\.[A-Z]{1,3}", text):
        return False  # a stock ticker and its exchange ("ETR.UB", "XOM.N"), not initials with stops ("U.S.")
    letters = text.replace("&", "").replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def paren_aliases(doc: Doc, spans: list[Span], article: Article) -> list[ParenAlias]:
    """Acronyms and other-script names written in parentheses right after a mention."""
    out: list[ParenAlias] = []
    for index, span in enumerate(spans):
        e = span.end
        if e >= len(doc) or doc[e].text != "(":
            continue
        close = next((k for k in range(e + 1, min(e + 8, len(doc))) if doc[k].text == ")"), None)
        if close is None or close == e + 1:
            continue
        start, end = doc[e + 1].idx, doc[close].idx
        written = article.text[start:end].strip()
        end = start + len(written)
        evidence = evidence_from(article.id, article.text, start, end)
        script = script_of(written)
        if script not in {"Latn", "Zyyy", "Zzzz"}:
            out.append(ParenAlias(index, Alias(text=written, kind=AliasKind.OTHER_SCRIPT, script=script, evidence=evidence), None))
        elif close == e + 2 and _is_acronym(written) and span.label_ != "PERSON" and len(span) >= 2 and _abbreviates(written, span):
            out.append(ParenAlias(index, Alias(text=written, kind=AliasKind.ACRONYM, evidence=evidence), e + 1))
        elif close == e + 2 and span.label_ == "ORG" and written.istitle() and written.isalpha() and written.upper() in initials(span):
            out.append(ParenAlias(index, Alias(text=written, kind=AliasKind.ACRONYM, evidence=evidence), e + 1))  # "(Ampas)", "(Nato)"
        elif (close == e + 2 and span.label_ == "ORG" and written[:1].isupper() and written.isalpha() and len(written) <= 8
              and abbreviates(written, [t.text for t in span if t.lower_ not in _SMALL])):
            out.append(ParenAlias(index, Alias(text=written, kind=AliasKind.ACRONYM, evidence=evidence), e + 1))  # "(Comelec)"
        elif close == e + 2 and span.label_ == "ORG" and len(span) >= 3 and _short_name(written, span):
            # an acronym or short name of another language's form of the name: "Central Bank of the
            # Argentine Republic (BCRA)", "Ghana Cocoa Board (Cocobod)", "African Export-Import Bank (Afreximbank)"
            out.append(ParenAlias(index, Alias(text=written, kind=AliasKind.ACRONYM, evidence=evidence), e + 1))
    return out


# News agencies, written in parentheses in a dateline or a credit: never a short name of what stands
# before them, nor what "its" refers to (nlp/roles.py).
AGENCIES = frozenset("Reuters AP AFP Bloomberg Xinhua Yonhap Kyodo EPA PA UPI Interfax TASS ANSA DPA Anadolu Bernama "
                     "Antara PTI CP".split())


def _short_name(written: str, span: Span) -> bool:
    """A one-word short name in parentheses after a long organisation's name, whose letters need
    not follow the English words: capitals ("BCRA", "OCBC") or a capitalised word that begins with
    the initial of one of the name's words ("Cocobod", "Sernageomin")."""
    if not written.isalpha() or not 2 <= len(written) <= 12 or written in AGENCIES:
        return False
    if written.isupper():
        return len(written) <= 6
    initials = {t.text[0].upper() for t in span if t.is_alpha and t.lower_ not in _SMALL}
    return written[0].isupper() and written[1:].islower() and written[0] in initials


def _abbreviates(acronym: str, span: Span) -> bool:
    """Whether the acronym starts like one of the name's capitalised words ("(ECB)" after "European ...")."""
    return any(t.text[:1] == acronym[:1] for t in span if t.text[:1].isupper())


def initials(span: Span) -> set[str]:
    """Acronyms an organisation's name spells: "US Immigration and Customs Enforcement" → {UICE, ICE}."""
    words = [t.text for t in span if t.text[:1].isupper() and t.lower_ not in _SMALL and t.is_alpha]
    if len(words) < 2 or len(words) != len([t for t in span if t.is_alpha and t.lower_ not in _SMALL]):
        return set()
    forms = {"".join(w[0] for w in words)}
    k = 0
    while k < len(words) - 2 and (country_of(words[k]) or words[k].isupper()):
        k += 1
        forms.add("".join(w[0] for w in words[k:]))
    return forms


def acronym_links(doc: Doc, spans: list[Span], defined: dict[str, int]) -> list[tuple[int, int]]:
    """(token, defining span index) for every acronym token naming an organisation of the article.

    ``defined`` maps acronyms defined in parentheses to their span; organisations' initials are
    added here. Tokens already inside a longer mention are left alone.
    """
    table = dict(defined)
    for index, span in enumerate(spans):
        if span.label_ == "ORG":
            for form in initials(span):
                if len(form) >= 3:  # two letters ("MP") are too often something else
                    table.setdefault(form, index)
    if not table:
        return []
    inside = {i for s in spans if len(s) > 1 for i in range(s.start, s.end)}
    return [(t.i, table[t.text]) for t in doc if t.text in table and t.i not in inside and (_is_acronym(t.text) or t.text in defined)]
