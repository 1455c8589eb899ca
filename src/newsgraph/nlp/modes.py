"""How the text presents an event: asserted, planned, hoped, demanded, denied, hypothetical or
reported, read from the dependency parse around the event's predicate.

A predicate's own words decide first (a negation, a modal or future auxiliary, "if"); then the
verb that governs it ("plans to", "is seeking to", "demanded that", "denied that", "said").
Control and reporting verbs are not events themselves: they lend their mode to the clause they
govern.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import EventMode

# Verbs that are not events but say how the clause they govern is meant.
PLAN_VERBS = frozenset({"plan", "expect", "schedule", "set", "prepare", "go", "due", "slate", "poise", "intend"})
HOPE_VERBS = frozenset({
    "hope", "want", "seek", "aim", "wish", "strive", "aspire", "desire", "endeavor",
    "endeavour", "look", "struggle", "push", "bid", "work", "move", "race", "scramble", "vie",
})
DEMAND_VERBS = frozenset({"demand", "urge", "ask", "call", "press", "order", "require", "insist", "request", "tell", "force", "pressure"})
DENY_VERBS = frozenset({"refuse", "decline", "fail", "deny", "reject", "rule"})
HYPOTHETICAL_VERBS = frozenset({"consider", "threaten", "mull", "weigh", "may", "might", "could", "would", "risk"})
COMMIT_VERBS = frozenset({"promise", "pledge", "agree", "vow", "decide", "vote", "commit", "resolve", "offer", "volunteer", "undertake"})
# Verbs that lend their mode to an xcomp and are not events themselves.
# An attempt is an act (CAMEO 185 "attempt to assassinate" is an assault): it lends no mode.
ATTEMPT_VERBS = frozenset({"try", "attempt"})
CONTROL_VERBS = PLAN_VERBS | HOPE_VERBS | ATTEMPT_VERBS | frozenset({"be", "begin", "start", "continue", "need", "have", "use", "get", "manage", "keep", "seem", "appear", "tend", "remain", "become", "stop", "cease", "fail", "help", "make", "let", "come", "happen", "dare", "wait", "hurry", "rush", "return"})

REPORT_VERBS = frozenset({
    "say", "tell", "add", "state", "note", "explain", "report", "write", "comment", "reply",
    "claim", "insist", "believe", "think", "argue", "announce", "confirm", "declare", "stress",
    "emphasize", "emphasise", "recall", "acknowledge", "indicate", "suggest", "show", "reveal",
    "disclose", "assert", "contend", "maintain", "predict", "estimate", "know", "hear", "learn",
    "understand", "find", "quote", "answer", "respond", "remark", "observe", "testify", "tweet",
    "post", "deny", "hope", "fear", "expect", "worry", "feel", "admit", "reiterate", "repeat",
})
BARE_REPORT_VERBS = frozenset({"say", "tell", "add", "state", "note", "explain", "write", "comment", "reply", "quote", "remark", "tweet", "respond", "answer", "speak", "ask"})

_FUTURE_AUX = {"will": EventMode.PLANNED, "'ll": EventMode.PLANNED, "shall": EventMode.PLANNED, "wo": EventMode.PLANNED}
_MODAL_AUX = {
    "would": EventMode.HYPOTHETICAL, "could": EventMode.HYPOTHETICAL, "might": EventMode.HYPOTHETICAL,
    "may": EventMode.HYPOTHETICAL, "'d": EventMode.HYPOTHETICAL,
    "must": EventMode.DEMANDED, "should": EventMode.DEMANDED,
}
MODAL_WORDS = frozenset(_MODAL_AUX)  # "would", "must", ...: an act supposed or demanded, not told
_OUGHT = frozenset({w for w, m in _MODAL_AUX.items() if m is EventMode.DEMANDED} | {"ought"})  # should, must, ought
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})
_FUTURE_WORDS = ("next ", "coming ", "upcoming ", "later this", "later in", "tomorrow", "in the coming")


def own_mode(pred: Token) -> EventMode:
    """The mode a predicate's own auxiliaries, negation and subordinator give it."""
    children = list(pred.children)
    if any(c.dep_ == "neg" or (c.lower_ in _NEGATIONS and c.dep_ in ("advmod", "det")) for c in children):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _OUGHT for c in children):
            return EventMode.DEMANDED  # "should not be allowed", "must not resign": a demand that it not happen
        return EventMode.DENIED
    for child in children:
        if child.dep_ == "mark" and child.lower_ in _CONDITIONAL:
            return EventMode.HYPOTHETICAL
    for child in children:
        if child.dep_ in ("aux", "auxpass"):
            word = child.lower_
            if word in _FUTURE_AUX:
                return _FUTURE_AUX[word]
            if word in _MODAL_AUX:
                return _MODAL_AUX[word]
    return EventMode.ASSERTED


# Verbs that, in the past, tell the act they compel as done ("was forced to resign": he resigned),
# where "ordered to", "urged to" tell only a demand.
_MADE_TO = frozenset({"force", "compel", "oblige"})
READY_WORDS = frozenset({"ready", "prepared", "willing", "determined", "eager", "keen", "poised", "due", "set", "likely", "about"})


def control_mode(controller: Token) -> EventMode | None:
    """The mode a governing verb (or readiness adjective) lends to its xcomp ("plans to",
    "is willing to" → planned), or None."""
    lemma = controller.lemma_.lower()
    if controller.pos_ == "ADJ" and (lemma in READY_WORDS or controller.lower_ in READY_WORDS):
        return EventMode.PLANNED
    if lemma == "be":  # "is to meet", "are set to"
        return EventMode.PLANNED
    if lemma == "go" and controller.tag_ == "VBG":
        return EventMode.PLANNED
    if lemma in COMMIT_VERBS or lemma in PLAN_VERBS:
        return EventMode.PLANNED
    if lemma in HOPE_VERBS:
        return EventMode.HOPED
    if lemma in _MADE_TO and controller.tag_ in ("VBD", "VBN"):
        return EventMode.ASSERTED  # "was forced to withdraw", "forced him to resign": it was done
    if lemma in DEMAND_VERBS:
        return EventMode.DEMANDED
    if lemma in DENY_VERBS:
        return EventMode.DENIED
    if lemma in HYPOTHETICAL_VERBS:
        return EventMode.HYPOTHETICAL
    return None


def report_mode(reporter: Token) -> EventMode:
    """The mode a reporting verb lends to the clause it reports ("denied that" → denied)."""
    lemma = reporter.lemma_.lower()
    if lemma == "deny" or own_mode(reporter) is EventMode.DENIED and lemma in ("say", "confirm"):
        return EventMode.DENIED
    if lemma in ("hope", "want"):
        return EventMode.HOPED
    if lemma in ("demand", "insist", "urge"):
        return EventMode.DEMANDED
    if lemma in ("expect", "predict", "plan"):
        return EventMode.PLANNED
    if lemma in ("fear", "worry", "warn", "suggest"):
        return EventMode.HYPOTHETICAL
    return EventMode.REPORTED


def is_future_time(text: str) -> bool:
    """True for a time expression that points ahead of the writing ("next week", "tomorrow")."""
    low = text.lower()
    return any(low.startswith(w) or f" {w}" in f" {low}" for w in _FUTURE_WORDS)
