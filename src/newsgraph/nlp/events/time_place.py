"""When and where an event happened: the time expressions of the doc as events use them
(``TimeRef``), and the linking of each time and place to the frame whose clause holds it."""

import re
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.frames import LOCATIVE_PREPS, Frame, is_controller, is_reporter, visit_place
from newsgraph.nlp.phrases import MentionIndex

_WALK_LIMIT = 12


class TimeRef(NamedTuple):
    """A time expression as events use it: its span, root token, TIMEX3 value, and whether it
    names a point in time (a date or a clock time, not a duration, an age or a frequency)."""

    start: int
    end: int
    root: Token
    value: str | None
    point: bool
    text: str


_POINT = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b"
    r"|\b(today|yesterday|tomorrow|tonight|morning|afternoon|evening|night|noon|midnight)\b"
    r"|\b\d{1,2}([:.]\d\d)?\s*([ap]\.?m\.?)(?!\w)|\b(1[89]|20)\d\d\b|\b(last|next|this|earlier|later)\s+(week|month|year)",
    re.IGNORECASE,
)
_DATED = re.compile(r"^(\d{4}|XXXX)-(\d\d|W\d\d|XX)")
_NOT_POINT = re.compile(r"-year-old|\byears? old\b|\bevery\b", re.IGNORECASE)


def is_point_time(text: str) -> bool:
    """True for a time expression naming a point in time ("on Wednesday", "6.10am", "last month")."""
    return bool(_POINT.search(text)) and not _NOT_POINT.search(text)


def doc_times(doc: Doc) -> list[TimeRef]:
    """The time expressions the times component left in ``doc._.ng["times"]`` (none without it)."""
    refs = []
    for t in doc._.ng.get("times", ()):
        span = doc.char_span(t.evidence.start, t.evidence.end, alignment_mode="expand")
        if span is not None:
            point = t.type.value in ("DATE", "TIME") and (
                is_point_time(t.evidence.text) or bool(t.value and _DATED.match(t.value))
            )
            refs.append(TimeRef(t.evidence.start, t.evidence.end, span.root, t.value, point, t.evidence.text))
    return refs


def nearest_frame(token: Token, by_token: dict[int, Frame]) -> Frame | None:
    """The event whose clause ``token`` sits in: walk up the parse to the first event predicate,
    passing through control and reporting verbs to the clause they govern."""
    tok = token
    for _ in range(_WALK_LIMIT):
        if tok.i in by_token:
            return by_token[tok.i]
        if is_controller(tok) or is_reporter(tok):
            for child in tok.children:
                if child.dep_ in ("xcomp", "ccomp") and child.i in by_token:
                    return by_token[child.i]
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def link_times(frames_by_token: dict[int, Frame], times: list[TimeRef], sent: Span) -> None:
    for n, ref in enumerate(times):
        if not sent.start <= ref.root.i < sent.end:
            continue
        frame = nearest_frame(ref.root, frames_by_token)
        if frame is not None and frame.time is None:
            frame.time = n


_PLACE_NOUNS = frozenset({
    "city", "town", "village", "province", "region", "state", "district", "county", "capital",
    "area", "port", "island", "suburb", "neighbourhood", "neighborhood", "border", "coast",
})


def _named_place(noun: Token, index: MentionIndex) -> Token | None:
    """The name inside a place noun: "Kandahar province", "Kenya's capital Nairobi" → the most
    specific place mention among its modifiers (a name before a country that owns it)."""
    named = [c for c in noun.children if c.dep_ in ("compound", "appos", "flat", "npadvmod") and index.place_at(c)]
    owners = [c for c in noun.children if c.dep_ == "poss" and index.place_at(c)]
    return (named or owners or [None])[0]


def _locatives(sent: Span, index: MentionIndex) -> list[Token]:
    """Place mentions that are objects of a locative preposition ("in Paris", "in Afghanistan's
    Kandahar province"), in text order."""
    out = []
    for tok in sent:
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
            continue
        if index.place_at(tok) is not None:
            out.append(tok)
        elif tok.lemma_.lower() in _PLACE_NOUNS:
            named = _named_place(tok, index)
            if named is not None:
                out.append(named)
    return out


def link_places(frames: list[Frame], by_token: dict[int, Frame], sent: Span, index: MentionIndex) -> None:
    locatives = _locatives(sent, index)
    for tok in locatives:
        prep = tok.head if tok.dep_ == "pobj" else tok.head.head
        frame = nearest_frame(prep.head, by_token)
        if frame is not None and frame.place is None:
            frame.place = tok
    for frame in frames:
        if frame.place is None:
            dest = visit_place(frame)
            if dest is not None and index.place_at(dest) is not None:
                frame.place = dest
    if locatives:
        for frame in frames:
            if frame.place is None:
                frame.place = locatives[0]


def time_tokens(doc: Doc, times: list[TimeRef]) -> frozenset[int]:
    tokens: set[int] = set()
    for ref in times:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return frozenset(tokens)
