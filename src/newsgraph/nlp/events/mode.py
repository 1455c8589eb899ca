"""An event's mode (asserted, planned, hoped, demanded, denied, hypothetical, reported) as its
clause tells it: its own words, the verb that controls it, a reporting verb above or beside it; and
whether a plan is a schedule the writer tells, not an intention someone states (``scheduled``)."""

from spacy.tokens import Token

from newsgraph.model import EventMode
from newsgraph.nlp import modes
from newsgraph.nlp.events.time_place import nearest_frame
from newsgraph.nlp.frames import Frame, is_reporter

def frame_mode(frame: Frame, by_token: dict[int, Frame], depth: int = 0) -> EventMode:
    pred = frame.pred
    if frame.nominal:
        head = nearest_frame(pred.head, by_token) if pred.head != pred else None
        return frame_mode(head, by_token, depth + 1) if head is not None and depth < 4 else EventMode.ASSERTED
    mode = modes.own_mode(pred)
    if mode is EventMode.ASSERTED and pred.dep_ in ("xcomp", "relcl", "acl") and pred.head != pred:
        controller = pred.head if pred.dep_ == "xcomp" else pred.head.head
        own = modes.own_mode(controller)
        if own is EventMode.ASSERTED and controller.pos_ == "ADJ" and controller.head != controller:
            own = modes.own_mode(controller.head)  # "must be ready to mediate": demanded
        lent = modes.control_mode(controller) if pred.dep_ == "xcomp" or pred.head.dep_ == "attr" else None
        mode = own if own is not EventMode.ASSERTED else (lent or EventMode.ASSERTED)
    if mode is EventMode.ASSERTED and pred.dep_ == "advcl" and pred.head.i < pred.i and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in pred.children
    ) and pred.head.lemma_.lower() in modes.DEMAND_VERBS:
        mode = EventMode.DEMANDED  # "called for the board to hold a meeting": asked for, not held
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in pred.children)  # "will appeal and has suspended"
    if mode is EventMode.ASSERTED and pred.dep_ == "conj" and not own_aux and pred.head.i in by_token and depth < 4:
        mode = frame_mode(by_token[pred.head.i], by_token, depth + 1)
    if mode is EventMode.ASSERTED:
        mode = reported_mode(pred)
    return mode


def reported_mode(pred: Token) -> EventMode:
    """Reported when a reporting verb governs the clause, or is attached to it as an aside."""
    tok = pred
    for _ in range(3):
        if tok.dep_ in ("ccomp", "xcomp") and is_reporter(tok.head):
            return modes.report_mode(tok.head)
        if tok.dep_ not in ("xcomp", "conj") or tok.head == tok:
            break
        tok = tok.head
    for child in tok.children:
        if child.dep_ in ("parataxis", "ccomp") and is_reporter(child) and child.i > pred.i:
            return modes.report_mode(child)
    return EventMode.ASSERTED


# What makes a plan a schedule the writer tells ("is to visit", "is due to start", "is set to sign",
# "is scheduled to meet", "is expected to visit") or carries it on ("is to begin talks").
_SCHEDULERS = frozenset({"be", "due", "set", "schedule", "slate", "expect", "begin", "start"})


def scheduled(pred: Token, quoted: bool) -> bool:
    """A plan the writer tells as a schedule ("the foreign secretary will visit Jakarta", "is to begin
    talks", "is due to start its own consultation"), not an intention someone states: not in a
    quotation (``quoted``), no reporting verb governs it ("said it would give aid"), and nothing
    above it is a pledge, a readiness, an intention or a wish ("pledged to help", "is willing to
    withdraw", "plans to meet", "wants to talk"). ``pred`` is the act's word; a noun ("talks") is
    read at the verb that holds it ("to begin talks")."""
    if quoted:
        return False
    tok = pred
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            break
        tok = tok.head
    while tok.dep_ == "xcomp" and tok.head != tok:
        head = tok.head
        lemma = head.lemma_.lower()
        if lemma not in _SCHEDULERS and head.lower_ not in _SCHEDULERS:
            return False  # "pledged to", "willing to", "plans to", "hopes to", "will have to"
        tok = head.head if head.dep_ == "acomp" and head.head != head else head  # "is due to": the copula
    return reported_mode(tok) is EventMode.ASSERTED
