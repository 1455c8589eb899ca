"""Happenings the text names without telling them as done, or as news: a forecast of what others
expect a party to do, a view the writer gives of what people do or ought to do (a reader's comment,
a column), and a happening dated long before the text's own time (its history). The events component types them OTHER (events v22); they stay events, apart from the
reader's default view.

Read off the BBC News development sets (tests/golden/events-bbc/dev*.json), never the held-out
sample: "the bill is expected to be opposed by the Liberal Democrats" (no one opposed it yet),
"I think such acts should be accepted too", "I can't see why people can't congratulate her" (a
reader's view, no acceptance or praise happened).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

# Verbs by which someone foresees what another will do ("is expected to", "expected it to").
_FORESEEING = frozenset({"expect"})
# The writer as the subject of a governing verb outside quotations: a reader's comment, a column.
_WRITER = frozenset({"i", "we"})
_WALK = 6
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
# How many years before the latest year a text names a dated happening is its history.
HISTORY_YEARS = 10


def forecast(pred: Token) -> bool:
    """An act others foresee, not one told or planned by its doer: a verb governed by a passive
    "expected" ("the bill is expected to be opposed", "the creditors were expected to freeze
    payments") or by an "expect" whose clause has its own subject ("it expected repayments to be
    frozen"); not the expecter's own plan ("the firm expects to sue")."""
    token = pred
    for _ in range(3):
        head = token.head
        if head == token:
            return False
        if token.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in _FORESEEING and head.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
                return True  # "is expected to"
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            return own_subject or any(c.dep_ == "dobj" for c in head.children)  # "expected them to"
        if token.dep_ != "conj":
            return False
        token = head
    return False


def writers_view(pred: Token) -> bool:
    """An act in a clause the writer governs as "I" or "we" ("I think such acts should be accepted",
    "I can't see why people can't congratulate her", "whilst I would warn against people giving"):
    the writer's view, not a happening reported. Only for text outside quotations (the caller
    checks): inside one, "I" is the speaker quoted."""
    token = pred
    for _ in range(_WALK):
        head = token.head
        if head == token:
            return False
        if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and c.lower_ in _WRITER for c in head.children):
            return True
        token = head
    return False


@lru_cache(maxsize=8)
def _latest_year(text: str) -> int | None:
    """The latest year the text names ("in 2004", "the 2003 season"), or None."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


def history(text: str, value: str | None) -> bool:
    """A happening dated (its time's TIMEX3 ``value``) at least ``HISTORY_YEARS`` before the latest
    year the text names: its history, told as background ("Nelson Town met Nelson College on 14 May,
    1870", "the kit proposed in 1893", in a report of 2003), not the news it reports."""
    if not value or not value[:4].isdigit():
        return False
    latest = _latest_year(text)
    return latest is not None and latest - int(value[:4]) >= HISTORY_YEARS
