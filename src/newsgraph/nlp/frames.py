"""Event frames read from the dependency parse: for each clause, who did what to whom.

A frame is the parse-level shape of one event (its predicate, trigger, participants, mode,
place and time tokens) before it becomes a model ``Event``. Predicates are main verbs of
clauses (root, coordinated, complement, adverbial clauses), typed verbs in relative clauses,
and eventive nouns ("Trump's visit to Japan", "talks with Seoul") with a participant. Control
verbs ("plans to", "is seeking to") and reporting verbs ("said") are not events: they give
their mode, and a subject, to the clause they govern. Copulas and auxiliaries are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from newsgraph.model import EventMode
from newsgraph.nlp import modes
from newsgraph.nlp.plover import LEXICON, OTHER, event_type, light_object
from newsgraph.nlp.senses import conversation

_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "advcl", "parataxis"})
_MODIFIER_DEPS = frozenset({"relcl", "acl", "pcomp"})
_SKIP_LEMMAS = frozenset({"be", "have", "do", "become", "seem", "appear", "remain", "get", "include", "mean", "let"})
_TARGET_PREPS = frozenset({"against", "with", "to", "toward", "towards", "on", "into", "from", "at", "for"})
_NOUN_TARGET_PREPS = frozenset({"against", "with", "to", "toward", "towards", "on", "between"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around", "off", "from", "through"})
_VISIT_LEMMAS = frozenset({"visit", "tour", "travel", "arrive", "trip", "go", "fly", "return", "land", "head"})
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
_PERSONAL = frozenset({"it", "he", "she", "they", "we", "i"})
NOMINAL_EVENTS = frozenset({
    "visit", "meeting", "talks", "summit", "protest", "demonstration", "rally", "strike", "attack",
    "bombing", "invasion", "negotiations", "trip", "crackdown", "ban", "sanctions", "boycott",
    "march", "clash", "clashes", "raid", "arrest", "airstrike", "assault", "shooting", "killing",
    "withdrawal", "deployment", "blockade", "embargo", "accusation", "condemnation", "threat",
    "offensive", "agreement", "deal", "truce", "ceasefire", "investigation", "probe", "call",
    "riot", "riots", "uprising", "assassination", "detention", "deportation", "massacre",
    "bombardment", "shelling", "kidnapping", "abduction", "walkout", "sit-in", "mediation",
    "sanction", "negotiation", "talk", "demand", "appeal", "warning", "criticism", "lawsuit",
    "seizure", "evacuation", "release", "fighting",
})
# Nouns of acts a party does, read as events only where the parse gives them a participant of
# their own ("the dockers' union's opposition", "Norway's complaint", "a complaint against the firm"): not in
# ``NOMINAL_EVENTS``, which the main event also reads.
ACT_NOUNS = frozenset({
    "opposition", "complaint", "proposal", "pledge", "promise", "rebuff", "rejection", "resignation", "praise",
    "backing", "endorsement", "settlement", "concession", "apology", "refusal", "veto", "allegation", "censure",
    "revolt", "confession", "donation", "invitation", "request", "ultimatum",
})
# Who a nominal event is done to, after "of": "the arrest of X", "the killing of Y".
_OF_TARGET_TYPES = frozenset({"COERCE", "ASSAULT", "RETREAT", "SUPPORT", "ACCUSE"})
_ACTOR_ADJECTIVES = frozenset({"NORP", "GPE", "ORG"})


@dataclass(slots=True)
class Frame:
    """One event as read from the parse (mutable while it is being built).

    Attributes:
        pred: the verb (or noun) whose dependents are the participants.
        trigger: token bounds [start, end) of the trigger words.
        anchor: the token whose lemma and context give the type (the light object, else pred).
        controller: the control verb that governs pred ("plans" in "plans to show"), if any.
        type: PLOVER type or OTHER.
        mode: how the text presents it.
        actors, targets: head tokens of the participants.
        place: head token of the place mention, if any.
        time: index of the linked time expression in the doc's time list, if any.
        unit: the sentence (cut at paragraph breaks) the frame was read from.
    """

    pred: Token
    trigger: tuple[int, int]
    anchor: Token
    controller: Token | None = None
    type: str = OTHER
    mode: EventMode = EventMode.ASSERTED
    actors: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    place: Token | None = None
    time: int | None = None
    unit: Span | None = None

    @property
    def nominal(self) -> bool:
        """True when the trigger is an eventive noun."""
        return self.pred.pos_ in ("NOUN", "PROPN")


def _has_clause(pred: Token, deps: tuple[str, ...]) -> bool:
    return any(c.dep_ in deps and c.pos_ in ("VERB", "AUX") for c in pred.children)


def is_controller(pred: Token) -> bool:
    """True for a verb that only lends mode and subject to its xcomp ("plans to", "seeks to")."""
    lemma = pred.lemma_.lower()
    return _has_clause(pred, ("xcomp",)) and (
        lemma in modes.CONTROL_VERBS or lemma in modes.HYPOTHETICAL_VERBS and lemma != "threaten"
    )


def is_reporter(pred: Token) -> bool:
    """True for a reporting verb that is no event: a bare "said", or "said" with its clause."""
    lemma = pred.lemma_.lower()
    if lemma in modes.BARE_REPORT_VERBS:
        return not (lemma == "ask" and _has_clause(pred, ("xcomp",)))  # "asked the WTO to investigate": a request
    return lemma in modes.REPORT_VERBS and (
        _has_clause(pred, ("ccomp", "parataxis")) or pred.dep_ == "parataxis"
    )


# Reporting verbs that are acts of their own as well: a denial rejects what it denies ("the ministry
# denied that the army had shelled the village"); the clause still takes its mode from it.
_DENIALS = frozenset({"deny"})


def _is_verb_event(tok: Token) -> bool:
    if tok.pos_ != "VERB" or not tok.is_alpha or tok.lemma_.lower() in _SKIP_LEMMAS and light_object(tok) is None:
        return False
    if is_reporter(tok) and tok.lemma_.lower() not in _DENIALS and not conversation(tok) or is_controller(tok):
        return False
    if tok.dep_ in _CLAUSE_DEPS:
        return True
    if tok.dep_ in _MODIFIER_DEPS:
        head = tok.head
        copular_attr = head.dep_ == "attr" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        return copular_attr or event_type(tok) != OTHER
    return False


def _trigger_bounds(pred: Token, anchor: Token) -> tuple[int, int]:
    if anchor != pred:
        return anchor.i, anchor.i + 1
    end = pred.i + 1
    for child in pred.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return pred.i, end


def verb_frames(sent: Span) -> list[Frame]:
    """Frames for the sentence's event verbs, in text order."""
    frames = []
    for tok in sent:
        if _is_verb_event(tok):
            anchor = light_object(tok) or tok
            frames.append(Frame(pred=tok, trigger=_trigger_bounds(tok, anchor), anchor=anchor))
    return frames


def noun_frames(sent: Span, taken: set[int]) -> list[Frame]:
    """Frames for eventive nouns with a participant ("Trump's visit to Japan")."""
    frames = []
    for tok in sent:
        words = (tok.lower_, tok.lemma_.lower())
        if tok.i in taken or tok.pos_ != "NOUN" or not any(w in NOMINAL_EVENTS or w in ACT_NOUNS for w in words):
            continue
        if LEXICON.get(tok.lemma_.lower()) is None and LEXICON.get(tok.lower_) is None:
            continue
        frame = Frame(pred=tok, trigger=(tok.i, tok.i + 1), anchor=tok)
        noun_participants(frame)
        if frame.actors or frame.targets:
            frames.append(frame)
    return frames


def noun_participants(frame: Frame) -> None:
    """Actors (possessor, name compound, "by" phrase) and targets ("to", "with", "against")."""
    noun = frame.pred
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her", "our", "my", "your"):
            frame.actors.append(child)
        elif child.dep_ == "compound" and child.pos_ == "PROPN":
            frame.actors.append(child)
        elif child.dep_ == "prep" and child.lower_ == "by":
            frame.actors.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in _NOUN_TARGET_PREPS:
            frame.targets.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "amod" and child.ent_type_ in _ACTOR_ADJECTIVES:
            frame.actors.append(child)  # "Palestinian riots", "Israeli air strikes"
        elif child.dep_ == "prep" and child.lower_ == "of" and event_type(noun) in _OF_TARGET_TYPES:
            frame.targets.extend(g for g in child.children if g.dep_ == "pobj")


def _inherited_subjects(pred: Token, depth: int = 0) -> list[Token]:
    if depth > 4:
        return []
    own = [c for c in pred.children if c.dep_ in ("nsubj", "csubj")]
    if own:
        subj = own[0]
        if subj.tag_ in _RELATIVE and pred.dep_ == "relcl":
            return [pred.head]
        return [subj]
    passive = [c for c in pred.children if c.dep_ == "nsubjpass"]
    if passive:  # a raising verb passes its subject on: "X is expected to sign"
        return passive[:1] if depth > 0 else []
    head = pred.head
    if head == pred:
        return []
    if pred.dep_ == "xcomp":
        controlled = [c for c in head.children if c.dep_ == "dobj" and c.i < pred.i]
        if controlled:
            return controlled[:1]  # "forced the minister to resign", "urged Iran to stop": the object does it
    if pred.dep_ in ("xcomp", "conj", "acomp") or pred.dep_ == "advcl" and pred.tag_ in ("VBG", "VB"):
        return _inherited_subjects(head, depth + 1)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)
    if pred.dep_ in ("relcl", "acl") and head.dep_ == "attr" and infinitive:
        return _inherited_subjects(head.head, depth + 1)
    return []


def _resolve_pronoun(subj: Token) -> Token:
    """A personal pronoun subject of a reported clause stands for the reporter ("X said it ...")."""
    if subj.lower_ not in _PERSONAL:
        return subj
    tok = subj.head
    for _ in range(6):
        if is_reporter(tok) and tok != subj.head:
            for c in tok.children:
                if c.dep_ == "nsubj" and c.pos_ != "PRON":
                    # "they" is not one named person ("Children deserve it and they ...," said Ms X)
                    plural = subj.lower_ == "they" and c.ent_type_ == "PERSON"
                    return subj if plural else c
            return subj
        if tok.head == tok:
            break
        tok = tok.head
    return subj


def verb_participants(frame: Frame) -> None:
    """Actors (subjects, or the "by" agent of a passive) and targets (objects, some preps)."""
    pred = frame.pred
    for subj in _inherited_subjects(pred):
        for tok in _conjuncts(_resolve_pronoun(subj)):
            frame.actors.append(tok)
    for child in pred.children:
        if child.dep_ == "agent":
            frame.actors.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "dative" and child.pos_ == "ADP":  # "hand over to X"
            frame.targets.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in ("dobj", "dative", "nsubjpass") and child != frame.anchor:
            frame.targets.extend(_conjuncts(child))
        elif child.dep_ == "ccomp" and frame.type == "REQUEST":  # "demanded that X do"
            frame.targets.extend(g for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
        elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
            frame.targets.extend(g for g in child.children if g.dep_ == "pobj")
    if frame.anchor != pred:
        for child in frame.anchor.children:
            if child.dep_ == "prep" and child.lower_ in _NOUN_TARGET_PREPS:
                frame.targets.extend(g for g in child.children if g.dep_ == "pobj")
    if pred.dep_ == "acl" and pred.tag_ == "VBG" and not frame.actors and pred.head.pos_ in ("NOUN", "PROPN"):
        frame.actors.append(pred.head)  # "police investigating the murder": the police
    elif pred.dep_ in ("relcl", "acl") and not frame.actors and not any(c.dep_ == "aux" for c in pred.children):
        frame.targets.append(pred.head)  # "the woman killed by an agent": the woman


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            out.extend(_conjuncts(child))
    return out


def sentence_frames(sent: Span, time_tokens: frozenset[int] = frozenset()) -> list[Frame]:
    """All frames of one sentence, each with its type and participants (not yet mode/place/time);
    tokens of time expressions (``time_tokens``) are never participants."""
    frames = verb_frames(sent)
    taken = {f.anchor.i for f in frames} | {f.pred.i for f in frames}
    inside = range(sent.start, sent.end)
    for frame in frames:
        frame.type = event_type(frame.pred)
        verb_participants(frame)
        frame.actors = [t for t in frame.actors if t.i not in time_tokens and t.i in inside]
        frame.targets = [t for t in frame.targets if t.i not in time_tokens and t.i in inside]
        if frame.pred.dep_ == "xcomp" and is_controller(frame.pred.head):
            frame.controller = frame.pred.head
    for frame in noun_frames(sent, taken):
        frame.type = event_type(frame.pred)
        frame.actors = [t for t in frame.actors if t.i in inside]
        frame.targets = [t for t in frame.targets if t.i in inside]
        frames.append(frame)
    frames.sort(key=lambda f: f.trigger[0])
    for frame in frames:
        frame.unit = sent
    return frames


def units(doc: Doc) -> Iterator[Span]:
    """The doc's sentences, cut where a paragraph ends inside one (the model's sentence splitter
    does not break at a line break, so a headline and the lede can come out as one sentence)."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text_with_ws and tok.i + 1 < sent.end:
                if tok.is_space or tok.whitespace_ == "" and "\n" in tok.text:
                    yield doc[start : tok.i] if tok.i > start else doc[start : tok.i + 1]
                else:
                    yield doc[start : tok.i + 1]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def visit_place(frame: Frame) -> Token | None:
    """For a visit or a journey, where to: "visits Tokyo", "a visit to Japan"."""
    if frame.pred.lemma_.lower() not in _VISIT_LEMMAS:
        return None
    for child in frame.pred.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ in ("to", "in"):
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _phrase(token: Token) -> tuple[int, int]:
    """Character span of a noun's phrase (its subtree without a trailing relative clause)."""
    left = token.left_edge
    right = max((c.right_edge for c in token.rights if c.dep_ not in ("relcl", "acl", "punct", "appos")), key=lambda t: t.i, default=token)
    right = max(right, token, key=lambda t: t.i)
    return left.idx, right.idx + len(right.text)


def subject_verb_object(texts: list[str]) -> list[list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]]:
    """The simple anchor for events with participants: every verb with a nominal subject and a
    direct object, as (verb, subject phrase, object phrase) character spans, per text."""
    from newsgraph.nlp.pipeline import load_model

    nlp = load_model()
    out = []
    for doc in nlp.pipe(texts):
        found = []
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if subjects and objects:
                found.append(((tok.idx, tok.idx + len(tok.text)), _phrase(subjects[0]), _phrase(objects[0])))
        out.append(found)
    return out
