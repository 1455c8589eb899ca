"""Time expressions with TIMEX3 values (``newsgraph.times.v2``).

Each rule of ``timex_rules`` runs once over the document's text; overlapping matches are
settled longest first. Relative expressions are resolved against ``Article.published`` (its UTC
date); without it they keep ``value=None`` and ``resolved=False`` ("October 27" keeps the
TIMEX3 underspecified form "XXXX-10-27"; "now"/"recently" keep "PRESENT_REF"/"PAST_REF",
which are never resolved). A weekday or a month without a year is read from the tense of the
verb that governs it: the coming one after "will", "to", "is expected to", else the last one.
Durations and sets ("five-year", "every five years") are resolved=True: they need no anchor.
"""

import re
from datetime import date

from newsgraph.nlp.component import doc_text, register
from spacy.tokens import Doc, Token

from newsgraph.model import TimeExpression, TimeType, evidence_from, fact_id
from newsgraph.nlp.timex_match import Context, Found
from newsgraph.nlp.timex_rules import RULES, TRIGGERS

EXTRACTOR = "newsgraph.times.v2"
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "going", "gon", "might", "may", "should"}
_PAST_AUX = {"had", "did", "was", "were", "has", "have", "'d"}
_PRESENT_AUX = {"is", "are", "am", "'s", "'re", "do", "does"}
_FUTURE_HEADS = {"expect", "schedule", "set", "due", "plan", "poise", "slate", "intend", "hope", "aim",
                 "prepare", "promise", "vow", "threaten", "propose"}
_YEAR_LEADS = {"in", "since", "by", "through", "until", "till", "of", "from", "to", "before", "after",
               "during", "and", "between", "year", "fiscal", "early", "late", "mid", "-", "through",
               "throughout", "around", "circa", "'s", "that", "the", "this", "for", "or", ","}


def _verb_of(token: Token) -> Token | None:
    for _ in range(5):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """"future", "past", "present" or None: the tense of the verb governing the characters.

    An infinitive takes the tense of the verb it depends on ("declined to comment Saturday" is
    past), unless that verb looks ahead ("plans to visit", "is expected to meet": future).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _verb_of(span.root)
    if verb is None:
        return None
    aux: set[str] = set()
    for _ in range(4):
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX:
            return "future"
        if verb.lemma_ in _FUTURE_HEADS and (verb.tag_ in ("VBN", "VBZ", "VBP") or "to" in aux):
            return "future"
        climbs = "to" in aux or (verb.tag_ == "VBG" and not aux and verb.dep_ in ("xcomp", "advcl", "pcomp"))
        if not climbs or verb.head is verb:
            break
        verb = verb.head
        if verb.lemma_ in _FUTURE_HEADS or (verb.lemma_ == "be" and "to" in aux):
            return "future"
    if verb.tag_ == "VBD" or aux & _PAST_AUX:
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG", "VB") or aux & _PRESENT_AUX:
        return "present"
    return None


def year_ok(doc: Doc, start: int, end: int) -> bool:
    """True when a four-digit number is used as a year (a DATE entity, or after "in", "since", ...)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    if token.ent_type_ == "DATE":
        return True
    if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or token.dep_ == "nummod":
        return False
    previous = doc[token.i - 1].lower_ if token.i > 0 else ""
    return previous in _YEAR_LEADS


def sentence_at(doc: Doc, start: int, end: int, before: int = 0) -> str:
    """The lower-cased text of the sentence holding the characters and of ``before`` ones before it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    sentence = span.sent
    first = sentence.start
    for _ in range(before):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    return doc[first : sentence.end].text.lower()


def find_times(doc: Doc, dct: date | None, text: str | None = None) -> list[Found]:
    """Every time expression of the doc's text, non-overlapping, in text order.

    ``text`` is the doc's text when the caller has it already (``doc.text`` rebuilds it).
    """
    context = Context(
        dct=dct,
        tense=lambda s, e: tense_at(doc, s, e),
        year_ok=lambda s, e: year_ok(doc, s, e),
        sentence=lambda s, e, before: sentence_at(doc, s, e, before),
    )
    text = doc_text(doc) if text is None else text
    candidates: list[tuple[int, int, int, list[Found]]] = []
    lower = text.lower()
    for priority, ((pattern, handler), triggers) in enumerate(zip(RULES, TRIGGERS)):
        if triggers is not None and not any(word in lower for word in triggers):
            continue
        for match in pattern.finditer(text):
            found = handler(match, context)
            if found:
                start, end = min(f.start for f in found), max(f.end for f in found)
                candidates.append((start, end, priority, found))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    kept: list[Found] = []
    for start, end, _, found in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        kept.extend(found)
    kept.sort(key=lambda f: f.start)
    return anchor_clock_times(kept)


def anchor_clock_times(found: list[Found]) -> list[Found]:
    """Put each clock time written without a day on the last day named before it ("Friday ... 10 a.m.")."""
    out: list[Found] = []
    day: str | None = None
    for item in found:
        if item.floating and day is not None and item.value is not None:
            item = Found(item.start, item.end, item.type, day + item.value[10:], item.resolved)
        elif item.value is not None and _DAY.match(item.value) and item.type in ("DATE", "TIME"):
            day = item.value[:10]
        out.append(item)
    return out


def time_expressions(doc: Doc) -> tuple[TimeExpression, ...]:
    """The doc's time expressions as model records."""
    article = doc._.ng["article"]
    dct = article.published.date() if article.published is not None else None
    text = article.text  # the doc was made from it: the same characters as doc.text
    return tuple(
        TimeExpression(
            id=fact_id("time", article.id, f.start, f.end),
            evidence=evidence_from(article.id, text, f.start, f.end),
            type=TimeType(f.type),
            value=f.value,
            resolved=f.resolved,
            extractor=EXTRACTOR,
        )
        for f in find_times(doc, dct, text)
    )


register("newsgraph_times", EXTRACTOR, lambda doc: {"times": time_expressions(doc)})
