"""Whether the text tells an event as a happening: not denied or only guessed ("no arrests",
"he may have been detained"), wished for or supposed ("wants to help them"), weighed ("it would
be rash to ignore"), set aside ("without consulting them", "instead of apologising"), only the
content of the event governing it ("agreed to reopen talks"), a habit ("fans often complain"), or a
natural disaster's toll; and whether its verb has a time of its own (a schedule, not a forecast)."""

from spacy.tokens import Token

from newsgraph.model import EventMode
from newsgraph.nlp import modes
from newsgraph.nlp.events.actors import HAZARDS
from newsgraph.nlp.events.time_place import TimeRef
from newsgraph.nlp.frames import Frame
from newsgraph.nlp.plover import stated_code

def did_not_happen(frame: Frame) -> bool:
    """Denied by the text itself ("did not attack", "no arrests", "failed to oppose"), not by a
    party that denies an accusation ("denied that the army had attacked": still an event told)."""
    pred = frame.pred
    if frame.mode is EventMode.HYPOTHETICAL and not frame.nominal:
        # "could be cut", "whether to grant"; not a plan told in reported speech ("confirmed she
        # would vote against it")
        told_plan = (
            pred.dep_ == "ccomp" and pred.head.lemma_.lower() in _PLAN_TELLERS
            and any(c.dep_ == "aux" and c.lower_ in _WOULD for c in pred.children)
            and not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                        for c in pred.children)
        )
        return modes.own_mode(pred) is EventMode.HYPOTHETICAL and not told_plan
    if frame.mode is not EventMode.DENIED:
        return False
    return frame.nominal or modes.own_mode(pred) is EventMode.DENIED or pred.dep_ == "xcomp"


_MAYBE = frozenset({"may", "might", "could"})
_WOULD = frozenset({"would", "'d", "will", "'ll"})
# Verbs by which a party tells its own plan ("confirmed she would vote against it"), not those by
# which a finding or a survey shows what people would do.
_PLAN_TELLERS = frozenset({"say", "tell", "announce", "confirm", "add", "state", "declare", "insist", "reiterate", "repeat",
                           "vow", "pledge", "promise"})


def maybe_done(frame: Frame) -> bool:
    """A guess at what may have happened, or may be done to someone ("he may have been detained",
    "it might be closed"): no one threatens or intends it."""
    if frame.mode is not EventMode.HYPOTHETICAL or frame.nominal:
        return False
    aux = {c.lower_ for c in frame.pred.children if c.dep_ in ("aux", "auxpass")}
    passive = any(c.dep_ == "auxpass" for c in frame.pred.children)
    return bool(aux & _MAYBE) and (passive or "have" in aux)


def _said_would(pred: Token) -> bool:
    """A verb in the clause of a reporting verb ("Iraq said it would allow", "announced it would
    prohibit"): a plan told in reported speech, not a supposition."""
    token = pred
    for _ in range(4):
        if token.dep_ in ("ccomp", "parataxis") and token.head.lemma_.lower() in modes.REPORT_VERBS:
            return True
        if token.dep_ not in ("xcomp", "conj", "ccomp", "acomp"):
            return False
        token = token.head
    return False


# Nouns of talk that only guesses: a happening they hold is supposed, not reported ("amid
# speculation he will be offered the job", "rumours that the coach will quit").
_GUESSES = frozenset({"speculation", "rumour", "rumor", "conjecture", "gossip", "guesswork"})


def speculated(pred: Token) -> bool:
    """A happening told only as what is guessed: the guess governs it ("amid speculation he will be
    offered the job", where the parse may hang "amid speculation" on the verb itself) or holds its
    clause ("rumours that he will resign")."""
    if any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in _GUESSES for g in c.children) for c in pred.children):
        return True
    head, steps = pred, 0
    while head.dep_ in ("ccomp", "acl", "advcl", "conj") and head.head is not head and steps < 3:
        head, steps = head.head, steps + 1
        if head.pos_ == "NOUN" and head.lemma_.lower() in _GUESSES:
            return True
    return False


def not_told_as_done(frame: Frame) -> bool:
    """A happening the text only wishes for or supposes (mode hoped, or hypothetical outside a
    plan told in reported speech: "wants to help them", "there would be meetings"), not one it
    reports; a threat is still one ("threatened to sue": its own type). Since events v29 also one
    told only as speculation or rumour has (``speculated``)."""
    if not frame.nominal and speculated(frame.pred):
        return True
    if frame.type == "THREATEN" or frame.mode not in (EventMode.HOPED, EventMode.HYPOTHETICAL):
        return False
    return frame.mode is EventMode.HOPED or frame.nominal or not _said_would(frame.pred) or _supposed_plan(frame.pred)


def _supposed_plan(pred: Token) -> bool:
    """A plan told in reported speech that is still a supposition: one on a condition ("said they
    would meet the mediator if he gave them a veto") or a preference ("would rather be sacked than
    work for them")."""
    if any(c.lower_ == "rather" and c.dep_ == "advmod" for c in pred.children):
        return True
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in pred.children
    )


# Adjectives that weigh an act rather than tell it: "it would be rash to ignore", "safer to seek".
_WEIGHING = frozenset(
    """rash wrong right safe wise unwise negligent easy hard difficult impossible possible important necessary
    vital essential crucial good bad foolish sensible reasonable unreasonable fair unfair dangerous risky
    irresponsible responsible legitimate illegal legal lawful unlawful""".split()
)
_UNTOLD_AUX = modes.MODAL_WORDS | {"to"}  # "would be able to", "to be able to": an ability not used


def weighed(pred: Token, depth: int = 0) -> bool:
    """An act an adjective weighs or says can be done, not one told ("it would be rash to ignore
    the warnings", "it is important to punish them", "to be able to defend its case", "safer to
    seek a resolution sanctioning action"); "police were able to arrest them" is told."""
    if pred.dep_ == "acl" and depth == 0 and pred.head.dep_ == "dobj" and pred.head.head != pred.head:
        return weighed(pred.head.head, depth + 1)  # "seek a resolution sanctioning action"
    if pred.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children):
        return False
    head = pred.head
    while head.dep_ == "conj" and head.pos_ == "ADJ" and head.head.pos_ == "ADJ":
        head = head.head  # "rash and negligent to ignore"
    if head.pos_ == "ADJ":
        lemma = head.lemma_.lower()
        if lemma in _WEIGHING or head.lower_ in _WEIGHING:
            return True
        if lemma in ("able", "unable"):
            be = head.head
            return any(c.dep_ == "aux" and c.lower_ in _UNTOLD_AUX for c in be.children)
        return False
    return head.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and (c.lemma_.lower() in _WEIGHING or c.lower_ in _WEIGHING) for c in head.children
    )

def told_by_its_head(frame: Frame, by_pred: dict[int, Frame]) -> bool:
    """An act that is only the content of the typed event governing it, with the same code: "agreed
    to reopen talks" is one agreement, "refused to apologise" one refusal, "urged Iran to stop"
    one request; or its purpose, of the same type: "meets on Monday to discuss the debt", "hold a
    meeting to discuss the bid" are one meeting (``by_pred`` holds verbal frames by predicate and
    nominal ones by their noun)."""
    pred = frame.pred
    if pred.head == pred or frame.type == "OTHER" or frame.nominal:
        return False
    purpose = pred.dep_ in ("xcomp", "advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)
    if pred.dep_ != "xcomp" and not purpose:
        return False
    heads = [by_pred.get(pred.head.i)]
    if purpose and pred.i >= 2 and pred.doc[pred.i - 1].lower_ == "to":
        heads.append(by_pred.get(pred.i - 2))  # "the meeting to discuss ...", however the parse hangs the clause
    for head in heads:
        if head is None or head.type == "OTHER" or head is frame:
            continue
        if stated_code(frame.type, frame.mode.value) == stated_code(head.type, head.mode.value):
            return True
        if purpose and frame.type == head.type:
            return True
    return False


# Prepositions that set an act aside as not done, with the words one of which must come before them (none for
# "without"): an alternative not taken ("instead of", "rather than") or a comparison ("the equivalent of", "tantamount
# to", "akin to").
_SET_ASIDE: dict[str, frozenset[str] | None] = {
    "without": None,
    "of": frozenset({"instead", "equivalent"}),
    "than": frozenset({"rather"}),
    "to": frozenset({"tantamount", "akin", "equivalent"}),
}


def set_aside(frame: Frame) -> bool:
    """An act the text says was not done: the object of "without" ("approved the budget without
    consulting residents", "ended without a fight"), the alternative not taken ("resigned instead
    of apologising", "attacked rather than negotiating"), or what an act is likened to ("cuts that were
    the equivalent of sacking every teacher", "tantamount to declaring war")."""
    word = frame.anchor if frame.nominal else frame.pred
    prep = word.head
    if word.dep_ not in ("pcomp", "pobj") or prep == word or prep.lower_ not in _SET_ASIDE:
        return False
    before = _SET_ASIDE[prep.lower_]
    return before is None or prep.i > 0 and prep.doc[prep.i - 1].lower_ in before


# Adverbs that tell an act as the first state of things, since changed: "had originally pledged".
_FIRST_STATE = frozenset({"originally", "initially"})


def superseded(pred: Token) -> bool:
    """An act the text tells as how things first stood, since changed ("the government had
    originally pledged two hours a week", "the scheme was initially proposed by a think tank"):
    the story's background, not the happening it reports."""
    return any(c.dep_ == "advmod" and c.lower_ in _FIRST_STATE for c in pred.children)


_HABIT_ADVERBS = frozenset("often usually always sometimes generally frequently rarely seldom typically regularly "
                           "routinely normally habitually".split())
_HABIT_UNITS = frozenset("day week month year night hour season".split())


def habitual(pred: Token) -> bool:
    """A verb in the simple present that tells a habit, not a happening: with an adverb of
    frequency ("fans often complain", "critics regularly accuse") or a rate ("receives 3,000
    visitors each day", "serves 500,000 readers a year")."""
    if pred.tag_ not in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") for c in pred.children):
        return False
    for token in pred.subtree:
        if token.lower_ in _HABIT_ADVERBS and token.head == pred and token.dep_ == "advmod":
            return True
        if (token.lemma_.lower() in _HABIT_UNITS and token.head.i != token.i
                and any(c.dep_ == "det" and c.lower_ in ("each", "every", "a", "an", "per") for c in token.children)
                and token.dep_ in ("npadvmod", "pobj", "dobj", "nmod") and _rate(token)):
            return True
    return False


def _rate(unit: Token) -> bool:
    """ "each day", "every year", "a year" after a number ("3,000 visitors a day"), "per week"."""
    det = next(c for c in unit.children if c.dep_ == "det")
    if det.lower_ in ("each", "every", "per"):
        return True
    return unit.dep_ == "npadvmod" and any(t.like_num for t in unit.doc[max(0, unit.i - 6) : unit.i])


def toll(pred: Token) -> bool:
    """A passive harm with no one doing it, in a sentence that names a natural hazard ("more than
    100,000 people are believed to have been killed in the country closest to the earthquake"):
    what the disaster did, not an attack."""
    if pred.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in pred.children) or any(c.dep_ == "agent" for c in pred.children):
        return False
    return any(t.lemma_.lower() in HAZARDS or t.lower_ in HAZARDS for t in pred.sent)


def timed(frame: Frame, times: list[TimeRef]) -> bool:
    """Whether the frame's verb has its own time ("expected to sign it on Friday"), not a reporting
    verb above it ("told reporters on Monday that ...") nor a noun in its object ("payments due in 2005")."""
    if frame.time is None:
        return False
    root = times[frame.time].root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        root = root.head  # "on Friday"
    return root.head == frame.pred and root.dep_ in ("prep", "npadvmod", "advmod", "tmod")
