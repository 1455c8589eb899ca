"""An article's main event as the journalistic who / what / when / where / why / how.

The main event is read from the lede: among the events of the first sentences (a Headline Cased
line only where its parse reads plainly), the frame that best answers the questions (a doer that
is a named or human participant, else the subject of an agentless passive, a PLOVER type, the
clause's main verb, a time, a place), each later sentence a point behind. Each answer is a span
of the article: who is the actor's phrase (a "he"/"she" the last person named, a short name the
full name the article usually writes, a labelled headline's doer after its colon, a list of
three or more named doers whole, without the doer's place; never a place or fixture an agentless
passive happened to, nor the place a happening is named by, "Boston shooting"); what the verb group with its object (and coordinated objects), a second
argument ("blames X on Y") or the phrase that completes it ("meet in the White House"); when the
linked time expression if it is recent (within a week of publication), else the recent time of
the sentence, then of the lede, nearest the publication date, joined with the expressions that
make it precise ("11am local time on Sunday"); where the linked place (else a dateline, the
headline's place of an incident, "Croydon tram crash", a locative place of the sentence or lede,
another place of the lede that is not the actor, the article's first locative place; in the
lede the reporter's places before those in quotes), a country giving way to a more precise place
of the lede, widened to the rest of its name ("Hebei province", "south-east England", "Trump
Tower in New York City", "Croydon, South London"); why a cause or purpose ("because ...", "to
...", "for talks ...", "after ..."), else the cause of a harm's mechanism or the lede's first
"after" clause; how a manner, means or instrument ("by ...", "with ...", "while fishing",
"narrowly avoids crash", "despite spinning ...", also of a coordinated verb; not a participle of
result, "..., killing seven"), else the happening that caused a harm ("killed when a tram
derailed", "hurt after a shooting"), else a means the lede gives ("by announcing that ..."),
else for a headline's event the manner of the lede's clause that tells it, else the act as the
lede's first sentence words it ("have hit out", "was photographed"), the coders' usual answer
when no manner is written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Event, Evidence, LocalEntity, MainEvent, Mention, evidence_from
from newsgraph.nlp.countries import canonical_country
from newsgraph.nlp.frames import NOMINAL_EVENTS
from newsgraph.nlp.component import doc_text
from newsgraph.nlp.places import gazetteer
from newsgraph.nlp.phrases import PLACE_TYPES, MentionIndex, noun_phrase, participant, with_conjuncts
from newsgraph.nlp.quote_cues import quote_regions
from newsgraph.nlp.speakers import FIRST_NAMES
from newsgraph.nlp.titles import is_head

if TYPE_CHECKING:
    from newsgraph.nlp.events import TimeRef
    from newsgraph.nlp.frames import Frame

LEDE_SENTENCES = 3
SENTENCE_PENALTY = 1.0
THING_ACTOR = 1.5
_CAUSE_MARKS = frozenset({"because", "as", "since", "so"})
_CAUSE_PREPS = frozenset({"after", "amid", "amidst", "because", "due", "following", "over", "for"})
_MANNER_PREPS = frozenset({"by", "with", "through", "using", "via"})
_SECOND_PREPS = frozenset({"on", "for", "to", "into", "against", "with", "over", "as"})
_OBJECT_PREPS = frozenset({"with", "against", "to", "on", "into", "for", "over", "about"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


_PEOPLE_WORDS = frozenset({
    "people", "police", "rescuers", "officials", "authorities", "government", "protesters",
    "demonstrators", "troops", "soldiers", "rebels", "militants", "fans", "players", "voters",
    "workers", "residents", "leaders", "president", "minister", "driver", "passengers", "team",
    "company", "firm", "party", "army", "court", "judge", "spokesman", "spokeswoman", "man", "woman",
})


def _actor_quality(actor: Token, index: MentionIndex) -> float:
    """How well a subject answers "who": a named person, group or place, a word for people,
    a personal pronoun; a thing ("the tram", "gunfire") scores nothing; a quantity is judged by
    what it counts ("dozens of rescuers")."""
    actor = _counted(actor)
    mention = index.at(actor)
    if mention is not None and mention.type.value == "EVENT":
        return 0.0  # "the Grand Prix was thrown into chaos": a named event is no doer
    if mention is not None and (mention.type.value == "FAC" or mention.type.value in PLACE_TYPES) and actor.dep_ == "nsubjpass":
        return 0.0  # "the stadium was evacuated": a place or site it happened to is no doer
    if mention is not None and mention.type.value in _NAMED:
        return 2.0
    if actor.lower_ in ("he", "she", "they", "we", "i"):
        return 1.0
    if actor.lemma_.lower() in _PEOPLE_WORDS or actor.lower_ in _PEOPLE_WORDS or actor.ent_type_ in _NAMED:
        return 1.5
    return 0.0


def undergoer(frame: Frame) -> Token | None:
    """The subject of a passive without an agent ("At least seven people were killed"): news
    names the ones it happened to as the who when it names no doer."""
    if frame.actors or frame.nominal:
        return None
    return next((c for c in frame.pred.children if c.dep_ == "nsubjpass"), None)


def main_subject(frame: Frame, index: MentionIndex) -> Token | None:
    """The frame's first actor, else the undergoer of an agentless passive. In a labelled
    headline ("World Series 2016: Chicago Cubs end drought") a subject read before the colon is
    the label: the name after the colon, before the verb, is the doer."""
    subject = frame.actors[0] if frame.actors else undergoer(frame)
    if subject is not None and frame.nominal and subject.head == frame.pred and subject.dep_ == "compound" and index.place_at(subject):
        return None  # "Seattle shooting": the place names where the happening was, not who did it
    if subject is None or frame.unit is None:
        return subject
    pred = frame.pred
    colon = next((t for t in frame.unit if subject.i < t.i < pred.i and t.text == ":"), None)
    if colon is None:
        return subject
    named = [t for t in pred.doc[colon.i + 1 : pred.i] if (m := index.at(t)) is not None and m.type.value in _NAMED]
    return named[-1] if named else subject


_QUANTITIES = frozenset({"dozens", "hundreds", "thousands", "millions", "scores", "some", "many", "several", "lots", "most"})


def _counted(actor: Token) -> Token:
    """The people a quantity counts ("Dozens of rescuers" → "rescuers"), else the actor."""
    if actor.like_num or actor.lower_ in _QUANTITIES:
        of = next((c for c in actor.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            return pobj
    return actor


def _score(frame: Frame, index: MentionIndex) -> float:
    pred = frame.pred
    score = 0.0
    subject = main_subject(frame, index)
    if subject is not None:  # a doer that is a thing ("the announcement") answers who badly
        quality = _actor_quality(subject, index)
        score += (3 if quality > 0 else THING_ACTOR) + quality
    if frame.type != "OTHER":
        score += 1
    head_is_root = pred.head == pred or pred.head.head == pred.head and pred.dep_ in ("xcomp", "ccomp", "conj")
    if head_is_root:
        score += 1
    if frame.time is not None:
        score += 0.5
    if frame.place is not None:
        score += 0.5
    if frame.nominal:
        score -= 2
    if pred.dep_ in ("relcl", "acl", "pcomp", "advcl"):
        score -= 1
    return score


def headline_cased(sent: Span) -> bool:
    """True for a Headline Cased Sentence, whose parse is not to be trusted."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) > 0.6 * len(words)


def _clear_headline_frame(frame: Frame, index: MentionIndex) -> bool:
    """A frame of a Headline Cased line that the parse still reads plainly: a present or past
    verb at the head of the line whose subject is a named person or group ("Clinton Blames
    F.B.I. Director for Election Loss")."""
    pred = frame.pred
    if frame.nominal or pred.dep_ != "ROOT" or pred.tag_ not in ("VBZ", "VBD", "VBP") or not frame.actors:
        return False
    mention = index.at(frame.actors[0])
    return mention is not None and mention.type.value in ("PERSON", "ORG", "NORP")


def choose(frames: list[Frame], index: MentionIndex) -> Frame | None:
    """The lede's main frame: the best-scoring frame of the lede's first sentences, each later
    sentence a point behind the one before (headline-cased sentences are passed over when a
    later sentence has a frame)."""
    if not frames:
        return None
    cased: dict[int, bool] = {}
    trusted = []
    for f in frames:
        if f.unit is not None and f.unit.start not in cased:
            if len(cased) == LEDE_SENTENCES + 2:  # enough units seen for the lede
                break
            cased[f.unit.start] = headline_cased(f.unit)
        if f.unit is not None and (not cased[f.unit.start] or _clear_headline_frame(f, index)):
            trusted.append(f)
    frames = trusted or frames
    sents: list[list[Frame]] = []
    for frame in frames:
        if not sents or sents[-1][0].unit != frame.unit:
            if len(sents) == LEDE_SENTENCES:
                break
            sents.append([])
        sents[-1].append(frame)
    ranked = [(_score(f, index) - SENTENCE_PENALTY * n, -f.trigger[0], f) for n, group in enumerate(sents) for f in group]
    return max(ranked, key=lambda r: r[:2])[2]


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds of tokens [start, end)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _group_start(verb: Token) -> int:
    start = verb.i
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i >= start - 3 and child.lower_ != "to":
            start = min(start, child.i)
    return start


def _what(frame: Frame, index: MentionIndex) -> tuple[int, int]:
    """Token bounds of the verb group with its object phrase."""
    pred = frame.pred
    start = _group_start(frame.controller) if frame.controller is not None else _group_start(pred)
    if frame.nominal:
        start, end = noun_phrase(pred)
        for child in pred.rights:
            if child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS:
                end = max(end, child.right_edge.i + 1)
                break
        return start, end
    end = frame.trigger[1]
    obj = frame.anchor if frame.anchor != pred else None
    if obj is None:
        obj = next((c for c in pred.rights if c.dep_ in ("dobj", "attr", "acomp", "oprd", "dative")), None)
    if obj is not None:  # with its coordinated objects: "changes the look and weight of two bars"
        end = max(end, noun_phrase(obj)[1])
        for conj in (c for c in obj.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")):
            end = max(end, noun_phrase(conj)[1])
        second = next((c for c in pred.rights if c.dep_ in ("prep", "agent") and c.i == end), None)
        if second is not None and second.lower_ in _SECOND_PREPS and not _temporal(second):
            pobj = next((g for g in second.children if g.dep_ == "pobj"), None)  # "blames X on Y"
            if pobj is not None:
                end = noun_phrase(pobj)[1]
    else:
        prep = next((c for c in pred.rights if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and not _temporal(c)), None)
        xcomp = next((c for c in pred.rights if c.dep_ == "xcomp"), None)
        if prep is not None:
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            end = max(end, noun_phrase(pobj)[1] if pobj is not None else prep.i + 1)
        elif xcomp is not None:  # "agreed to resume talks"
            obj = next((c for c in xcomp.rights if c.dep_ == "dobj"), None)
            end = max(end, noun_phrase(obj)[1] if obj is not None else xcomp.i + 1)
    return start, _complements(pred, start, end, index)


_EXTEND_STOP = _CAUSE_PREPS | _MANNER_PREPS | {"as", "while", "since", "during", "before", "until"}
WHAT_MAX_TOKENS = 14


def _complements(pred: Token, start: int, end: int, index: MentionIndex) -> int:
    """Widen the what over one prepositional phrase that completes it: the object's own
    modifier ("the gaps between the bar's peaks") or the verb's place or direction ("meet in
    the White House", "fell down a deep well"), when it follows on without a gap, is neither a
    time, a cause nor a manner, and the answer stays short. After an object, a named place is
    the where, not part of the what ("attacks the consulate | in Mazar-i-Sharif")."""
    objects = [c for c in pred.rights if c.dep_ in ("dobj", "attr", "oprd", "prep", "dative") and c.i < end]
    for head in [pred] + objects:
        prep = next((c for c in head.rights if c.dep_ in ("prep", "prt") and c.i == end), None)
        if prep is None or prep.lower_ in _EXTEND_STOP or _temporal(prep):
            continue
        if prep.dep_ == "prt":
            return prep.i + 1
        if head.lower_ in NOMINAL_EVENTS:  # "filed a protest | against X": the event's target
            return end
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is None:
            return end
        new_start, new_end = noun_phrase(pobj)
        if objects and any(index.place_at(t) is not None for t in pobj.doc[new_start:new_end]):
            return end
        return new_end if new_end - start <= WHAT_MAX_TOKENS else end
    return end


_CLOCK = re.compile(r"\b\d{1,2}([:.]\d\d)?\s*[ap]\.?m\b", re.IGNORECASE)


def _temporal(prep: Token) -> bool:
    """True for a phrase of time: "on Sunday", "at 11am"."""
    if any(g.ent_type_ in ("DATE", "TIME") for g in prep.children):
        return True
    return bool(_CLOCK.search(prep.doc[prep.i + 1 : prep.right_edge.i + 1].text))


def _clause_children(frame: Frame) -> list[Token]:
    kids = list(frame.pred.children)
    if frame.controller is not None:
        kids += [c for c in frame.controller.children if c != frame.pred]
    return sorted(kids, key=lambda t: t.i)


def _why(frame: Frame) -> tuple[int, int] | None:
    """A cause or purpose of the clause: a "because"/"as"/"since" clause or a "to" infinitive
    of purpose, else a "for" phrase of an event or a gerund ("arrives for talks", "blames X for
    stopping momentum"), else an "after"/"amid"/"due to" phrase (what it followed on), else the
    cause of the happening that brought a result about ("died when the tram overturned | as it
    entered a bend at high speed")."""
    found: list[tuple[int, int, int]] = []
    for child in _clause_children(frame):
        if child.dep_ == "advcl":
            mark = next((c for c in child.children if c.dep_ == "mark"), None)
            if mark is not None and mark.lower_ in _CAUSE_MARKS | {"after"}:
                found.append((0 if mark.lower_ in _CAUSE_MARKS else 2, mark.i, child.right_edge.i + 1))
            to = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if to is not None and child.i > frame.pred.i and child.pos_ == "VERB" and not child.ent_type_:
                found.append((0, child.left_edge.i, child.right_edge.i + 1))
        if child.dep_ == "prep" and child.i > frame.pred.i:
            if child.lower_ == "for" and any(
                g.dep_ == "pcomp" and g.tag_ == "VBG" or g.dep_ == "pobj" and g.lower_ in NOMINAL_EVENTS for g in child.children
            ):
                found.append((1, child.i, child.right_edge.i + 1))
            elif child.lower_ in _CAUSE_PREPS - {"for", "over"}:
                found.append((2, child.i, child.right_edge.i + 1))
    clause = mechanism_clause(frame) if not found else None
    for child in clause.children if clause is not None else ():  # "died when the tram overturned as it entered a bend"
        mark = child.left_edge
        if child.dep_ == "advcl" and child.i > clause.i and mark.lower_ in _CAUSE_MARKS and mark.dep_ in ("mark", "advmod"):
            found.append((3, mark.i, child.right_edge.i + 1))
    return min(found)[1:] if found else None


# Causes and purposes written anywhere in the lede, when the main clause gives none (or only an
# "after ..."): group 1 is the answer. Chosen on the even half of Giveme5W1H train, checked on the odd.
_LEDE_WHY = re.compile(
    r"\b(?:because of|due to|as a result of|driven by|caused by|amid)\s+(.+?)(?=[,.;:!?\n]|\s(?:said|says|according)\b|$)"
    r"|\b((?:in )?(?:retaliation|revenge|reprisal|response) for\s.+?)(?=[,.;:!?\n]|\s(?:said|says|according)\b|$)"
    r"|\b(?:blam\w+|criticis\w+|criticiz\w+|accus\w+|slam\w*|critici\w+)\b[^.\n]{0,80}?\s(for\s\w+ing\b.+?)(?=[,.;:!?\n]|\s(?:said|says|according)\b|$)"
    r"|\bblam\w+\b[^.\n]{0,80}?\son\s(.+?)(?=[,.;:!?\n]|\s(?:said|says|according|in a call|in call)\b|$)"
    r"|\b(?:in an attempt|in a bid|in an effort|as a [\w-]+ measure)\s(to\s.+?)(?=[,.;:!?\n]|\s(?:said|says|according)\b|$)"
    r"|\bbecause\s(.+?)(?=[,.;:!?\n]|\s(?:said|says|according)\b|$)",
    re.I,
)
_WHY_WORDS = 16
_TITLE_AFTER = re.compile(r"\bafter\s(.+?)(?=[,.;:!?]|$)", re.I)
WHY_SENTENCES = 6  # how far into the article a stated cause is looked for (the headline included)


def lede_after(doc: Doc, main: Token, sentences: int = WHY_SENTENCES) -> tuple[int, int] | None:
    """The first happening the lede says the news followed on, an "after" clause with its own
    subject ("received a boost after | the FBI found no evidence ..."): what it came after,
    when nothing states a cause; not the clause of the main event itself (``main``, its
    predicate); token bounds, at most ``_WHY_WORDS`` words."""
    for n, sent in enumerate(doc.sents):
        if n >= sentences:
            break
        for token in sent:
            clause = token.head
            if token.lower_ != "after" or token.dep_ != "mark" or clause.dep_ != "advcl" or clause.i < token.i:
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                continue
            if clause.left_edge.i <= main.i <= clause.right_edge.i:
                continue  # the main event's own clause
            end = min(clause.right_edge.i + 1, sent.end)
            while end > token.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if 0 < end - token.i - 1 <= _WHY_WORDS:
                return token.i + 1, end
    return None


def _lede_why(
    text: str, start: int, end: int, person_at: Callable[[int], bool] | None = None
) -> tuple[int, int] | None:
    """The first cause or purpose the lede states (``_LEDE_WHY``): "because of rising prices",
    "in retaliation for air strikes", "blamed X for blunting her momentum", "blames defeat on
    the FBI director", "in a bid to save the child"; at most ``_WHY_WORDS`` words. A person
    named as the one blamed ("blamed her defeat on FBI director James Comey": ``person_at`` the
    answer's last character) is who is held responsible, not a reason: the next cause answers."""
    for match in _LEDE_WHY.finditer(text, start, end):
        group = next(g for g in range(1, (match.lastindex or 0) + 1) if match.group(g))
        g_start, g_end = match.span(group)
        if person_at is not None and person_at(g_end - 1):
            continue
        while g_start < g_end and text[g_start] in "\"'“‘":  # a quotation's opening mark
            g_start += 1
        if len(text[g_start:g_end].split()) <= _WHY_WORDS and g_end - g_start > 3:
            return g_start, g_end
    return None


# -ly adverbs that judge, hedge, time or grade the clause rather than tell the manner of the act.
_NOT_MANNER = frozenset({
    "reportedly", "allegedly", "apparently", "reputedly", "supposedly", "seemingly", "likely", "probably",
    "possibly", "certainly", "clearly", "obviously", "really", "actually", "only", "early", "recently",
    "currently", "previously", "initially", "finally", "eventually", "subsequently", "immediately",
    "already", "nearly", "mostly", "largely", "mainly", "partly", "fully", "highly", "particularly",
    "especially", "simply", "merely", "widely", "generally", "usually", "originally", "lately", "newly",
})
_BY_VERBS = frozenset({"stand", "abide", "swear", "go", "live", "come", "pass", "drop", "stop"})  # verbs that take "by"
_MECHANISM_MARKS = frozenset({"when", "as", "after"})
# What a happening brought about: a participle of these after the clause tells its result, not its
# manner ("Tram derails, killing seven", "..., leaving five hurt").
RESULTS = frozenset({
    "kill", "injure", "hurt", "wound", "leave", "cause", "prompt", "spark", "trigger", "force", "send",
    "bring", "raise", "claim", "displace", "destroy", "damage", "strand",
})
# What befalls people in a happening: after these, an "as" or "after" clause tells how it came about.
HARMS = frozenset({
    "kill", "injure", "hurt", "wound", "trap", "strand", "evacuate", "displace", "maim", "crush",
    "burn", "drown", "bury", "rescue", "treat", "hospitalise", "hospitalize", "destroy", "damage", "flood",
})


def _measure(prep: Token) -> bool:
    """True for a phrase of a quantity, not a place: "at 180mph", "at 30 knots"."""
    return any(g.dep_ == "pobj" and (g.like_num or any(c.dep_ == "nummod" for c in g.children)) for g in prep.children)


def _phrase_end(head: Token) -> int:
    """End token of ``head``'s phrase, stopping before a phrase of place or time ("with a car
    bomb | near a hotel", "picking cabbages | in China"): they answer where and when; an object
    keeps its coordinated nouns ("with thinner crusts and a wider gap") and a quantity ("at 180mph")."""
    end = head.i + 1
    listed = head.dep_ == "pobj" and any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in head.rights)
    for child in head.rights:
        if child.dep_ == "prep" and (child.lower_ in _PLACE_PREPS and not _measure(child) or _temporal(child)):
            break
        if listed and child.dep_ in ("cc", "conj"):  # "with narrower triangles and a wider gap"
            end = child.right_edge.i + 1
            continue
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj") and not child.dep_ == "conj" == head.dep_:
            break
        end = child.right_edge.i + 1
    return end


def _manner_phrase(
    clause: Token, children: list[Token], index: MentionIndex, within: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """A clause's manner, means or instrument: a "by"/"with"/"through"/"using"/"via" phrase
    (not a named participant: "with Obama" is a partner), "after"/"by"/"despite" with a gerund
    ("wins after surviving two red flags", "by announcing", "avoided a crash despite spinning his
    car"; after a passive, "after" is a cause), a participle of manner or a "while ..."
    participle ("..., spinning his car", "while picking cabbages"), a manner adverb ("narrowly
    avoids", "greeted each other awkwardly"). A phrase inside the token bounds ``within`` (the
    what: "avoided a crash | with a lorry") is part of the act, not its manner."""
    for child in children:
        if child.dep_ != "prep" or _temporal(child) or within is not None and within[0] <= child.i < within[1]:
            continue
        pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            continue
        if child.lower_ in ("after", "by", "despite") and pobj.dep_ == "pcomp" and pobj.tag_ == "VBG":
            if child.lower_ == "after" and any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
                continue  # "was charged after stabbing a man": what brought it on them, a why
            return child.i, _phrase_end(pobj)
        mention = index.at(pobj)
        if child.lower_ == "by" and child.head.lemma_ in _BY_VERBS and child.i == child.head.i + 1:
            continue  # "stands by its decision": the verb's own complement
        if child.lower_ in _MANNER_PREPS and (mention is None or mention.type.value not in _NAMED):
            return child.i, _phrase_end(pobj)
    for child in children:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in child.children):
            mark = next((c for c in child.children if c.dep_ == "mark"), None)
            if mark is None and child.lemma_.lower() not in RESULTS:  # "..., spinning his car"
                return child.left_edge.i, _phrase_end(child)
            if mark is not None and mark.lower_ == "while":  # "while picking cabbages": the gerund's own phrase
                return child.i, _phrase_end(child)
        if child.dep_ == "advmod" and child.lower_.endswith("ly") and child.lower_ not in _NOT_MANNER:
            if clause.i - 2 <= child.i < clause.i or child.i > clause.i:  # "narrowly avoids", "greeted ... awkwardly"
                return child.i, child.i + 1
    return None


def mechanism_clause(frame: Frame) -> Token | None:
    """The happening that brought a result about: for a clause that tells what befell someone
    (a passive without a doer, "were killed"; a verb without an object, "died"), the verb of its
    "when" clause ("killed when a tram derailed"), or of its "as" or "after" clause after a
    passive of harm (``HARMS``: "Seven killed as tram derails", "were hurt after the van tipped
    over"; elsewhere they are a cause or a time: "promised savings as snow continues")."""
    pred = frame.pred
    passive = undergoer(frame) is not None
    if frame.nominal or not (passive or not any(c.dep_ in ("dobj", "ccomp") for c in pred.children)):
        return None
    heads = [pred] + [c for c in pred.children if c.dep_ == "conj" and c.tag_.startswith("VB")]
    for head in heads:
        for clause in head.children:
            if clause.dep_ != "advcl" or clause.i < pred.i or clause.pos_ not in ("VERB", "AUX"):
                continue
            mark = clause.left_edge  # "when" may hang on a coordinated verb: "when a tram derailed and overturned"
            if mark.lower_ not in _MECHANISM_MARKS or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                continue
            if mark.lower_ == "when" or passive and mark.lower_ in ("as", "after") and pred.lemma_.lower() in HARMS:
                return clause
    return None


def _incident(frame: Frame) -> tuple[int, int] | None:
    """The happening a harm befell people in, named by its noun (``INCIDENTS``): "were hurt |
    after a shooting | near the scene", "died in a blast"; for a passive of harm or "died"."""
    pred = frame.pred
    if frame.nominal or not (undergoer(frame) is not None and pred.lemma_.lower() in HARMS or pred.lemma_.lower() == "die"):
        return None
    for prep in pred.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("after", "in") or _temporal(prep):
            continue
        pobj = next((g for g in prep.children if g.dep_ == "pobj" or g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if pobj is not None and (pobj.lemma_.lower() in INCIDENTS or pobj.lower_ in INCIDENTS):  # "after shooting"
            return prep.i, _phrase_end(pobj)
    return None


def _mechanism(frame: Frame, index: MentionIndex) -> tuple[int, int] | None:
    """How a result came about (``mechanism_clause``): that clause's manner phrase if it has
    one ("killed when the insurgents struck with a car bomb"), else its verbs, with their
    subject when it stands just before them ("a tram derailed", "derailed and overturned");
    without such a clause, the incident the harm came in (``_incident``)."""
    clause = mechanism_clause(frame)
    if clause is None:
        return _incident(frame)
    manner = _manner_phrase(clause, sorted(clause.children, key=lambda t: t.i), index)
    if manner is not None:
        return manner
    start, end = _group_start(clause), clause.i + 1
    for child in clause.rights:  # "toppled over", "derailed and overturned"
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
        elif child.dep_ == "conj" and child.pos_ == "VERB" and child.i - end <= 2:
            end = child.i + 1
            end = next((g.i + 1 for g in child.rights if g.dep_ == "prt" and g.i == end), end)
    subject = next(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    return (subject.left_edge.i if subject.right_edge.i + 1 == start else start), end


_HOW_WORDS = 16


def _clipped_end(head: Token, limit: int) -> int:
    """End token of ``head``'s phrase cut before the first clause or comma inside it ("by
    announcing that there would be no charges | involving ...") and before ``limit``, with no
    function word left dangling at its end."""
    doc = head.doc
    end = min(head.right_edge.i + 1, limit)
    cut = next((t for t in doc[head.i + 1 : end] if t.dep_ in ("acl", "relcl") or t.text in (",", ";", ":")), None)
    if cut is not None:
        end = cut.i
    while end > head.i + 1 and doc[end - 1].pos_ in ("ADP", "PART", "DET", "CCONJ", "SCONJ", "PUNCT"):
        end -= 1
    return end


def lede_how(doc: Doc, sentences: int = WHY_SENTENCES) -> tuple[int, int] | None:
    """The first means the lede states of an action, when the main clause gives none: "by"
    with a gerund of the doer ("settled the matter by announcing that ..."; not a passive's
    agent, "posed by downloading"), "using ..." said of an action ("sued them using ..."; not
    of a noun, "people using the internet"); token bounds, at most ``_HOW_WORDS`` words."""
    for n, sent in enumerate(doc.sents):
        if n >= sentences:
            break
        for token in sent:
            if token.lower_ == "by" and token.dep_ == "prep" and token.head.pos_ == "VERB":
                head = next((c for c in token.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
                start = token.i
            elif token.lower_ == "using" and token.dep_ in ("advcl", "xcomp") and token.head.pos_ == "VERB":
                head, start = token, token.i
            else:
                continue
            if head is None:
                continue
            end = _clipped_end(head, sent.end)
            if 0 < end - start <= _HOW_WORDS:
                return start, end
    return None


def _how(frame: Frame, index: MentionIndex, what: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The main clause's manner, means or instrument (``_manner_phrase``, outside the ``what``),
    else that of a verb coordinated with it, else the happening that brought its result about
    (``_mechanism``)."""
    found = _manner_phrase(frame.pred, _clause_children(frame), index, what)
    for verb in (c for c in frame.pred.rights if c.dep_ == "conj" and c.pos_ == "VERB" and found is None):
        # "has shrunk and reshaped two loaves, with thinner crusts": the manner of the coordinated act
        found = _manner_phrase(verb, sorted(verb.children, key=lambda t: t.i), index)
    return found or _mechanism(frame, index)


def _headline(doc: Doc, sent: Span) -> bool:
    """True for a sentence of the article's first line, its headline, when a body follows."""
    line_end = doc_text(doc).find("\n")
    return line_end != -1 and sent.end_char <= line_end + 1


def _main_clause(frame: Frame) -> bool:
    """True for a frame of its sentence's main clause ("X struck ..., and Y fled"; also "X struck
    ..., officials said"), outside quotations."""
    pred = frame.pred
    root = pred.head if pred.dep_ == "conj" else pred
    if root.dep_ == "ccomp" and root.head.dep_ == "ROOT" and root.head.i > root.i and root.head.lemma_.lower() in _SAY:
        root = root.head  # "Rebels stormed the town ..., officials said"
    return not frame.nominal and root.dep_ == "ROOT" and not _quoted(pred.doc, pred.idx)


_SAY = frozenset({"say", "tell", "report", "confirm", "add"})


def _imperative(verb: Token) -> bool:
    """True for a bare verb without auxiliary or subject of its own: "Click to share", a page's button."""
    return verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _verb_group(verb: Token) -> tuple[int, int]:
    """Token bounds of a verb with its auxiliaries and its particle: "have hit out", "was photographed"."""
    end = verb.i + 1
    end = next((c.i + 1 for c in verb.rights if c.dep_ == "prt" and c.i == end), end)
    return _group_start(verb), end


def lede_how_of(doc: Doc, frames: list[Frame], frame: Frame, sent: Span, index: MentionIndex) -> tuple[int, int] | None:
    """The how the lede gives when the main clause has none: the harm of another lede clause and
    what caused it ("driver arrested" | "killed when a tram derailed"), else the means the lede
    states (``lede_how``), else, for a headline's event, the manner of a main clause of the lede
    that tells it ("Rebels storm town" | "stormed the town with tanks"), else the act as the
    lede's first sentence words it ("have hit out", "was photographed"): the coders' answer when
    no manner is written. After a headline, the lede is the sentences after it."""
    headline = _headline(doc, sent)
    body = next((s for s in doc[sent.end :].sents), None) if headline and sent.end < len(doc) else None
    lede_start = body.start if body is not None else sent.start
    lede_end = _lede_end(doc, body if body is not None else sent)
    lede = [f for f in frames if f is not frame and f.unit is not None and lede_start <= f.unit.start < lede_end]
    for other in lede:
        found = _mechanism(other, index)
        if found is not None:
            return found
    means = lede_how(doc)
    if means is not None:
        return means
    for other in lede if headline else ():
        found = _manner_phrase(other.pred, _clause_children(other), index) if _main_clause(other) else None
        if found is not None:
            return found
    first = next((f for f in frames if f.unit is not None and f.unit.start >= lede_start and _main_clause(f)
                  and (f.actors or undergoer(f) is not None) and not _imperative(f.pred)), None)
    return _verb_group(first.pred) if first is not None and first.unit.start < lede_end else None


_VALUE_DATE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
RECENT_DAYS = 7
NEAREST_LEDE = True


def recent(ref: TimeRef, published: date | None) -> bool:
    """True when a time can be the main event's: a point in time that is not part of a name
    ("USA TODAY") and, against a known publication date, falls in the days around it (a day
    within a week, a month or year that holds one); news reports what just happened, the
    earlier dates of a lede are background ("the first title since 1908")."""
    if not ref.point or ref.text.isupper() and len(ref.text) > 3:
        return False
    match = _VALUE_DATE.match(ref.value or "")
    if published is None:
        return True
    if match is None:  # unresolved: a year written in it must be the publication's
        return all(int(y) == published.year for y in _YEAR.findall(ref.text))
    year, month, day = (int(g) if g else None for g in match.groups())
    if day is not None and month is not None:
        try:
            return abs((date(year, month, day) - published).days) <= RECENT_DAYS
        except ValueError:
            return False
    if month is not None:
        return (year, month) == (published.year, published.month)
    return year == published.year


_YEAR = re.compile(r"\b((?:1[89]|20)\d\d)\b")
_TIME_GLUE = re.compile(r"^(?:\s*,)?\s*(?:local time\s+)?(?:on|at|of)?\s*$", re.IGNORECASE)


def widen_time(times: list[TimeRef], text: str, start: int, end: int) -> tuple[int, int]:
    """A time with the expressions that make it precise beside it: "11am | local time on |
    Sunday", "Sunday, | Nov. 13, 2016" (only commas, "on", "at", "of" or "local time" between)."""
    for ref in sorted(times, key=lambda t: t.start):
        if ref.start >= end and ref.start - end <= 20 and _TIME_GLUE.match(text[end : ref.start]) and ref.point:
            end = ref.end
    for ref in sorted(times, key=lambda t: -t.start):
        if ref.end <= start and start - ref.end <= 20 and _TIME_GLUE.match(text[ref.end : start]) and ref.point:
            start = ref.start
    return start, end


def _days_off(ref: TimeRef, published: date | None) -> int:
    """Days between a time's date and the publication date: 0 when the publication date is
    unknown, a week and a day for a coarser time ("this week", "2016"), behind any dated day."""
    match = _VALUE_DATE.match(ref.value or "")
    if published is None:
        return 0
    if match is None or not all(match.groups()):
        return RECENT_DAYS + 1
    try:
        return abs((date(*map(int, match.groups())) - published).days)
    except ValueError:
        return RECENT_DAYS + 1


def _first_time(times: list[TimeRef], sent_start: int, limit_end: int, published: date | None = None, nearest: bool = True) -> TimeRef | None:
    """The time of tokens [sent_start, limit_end) nearest the publication date, the first of
    equals (news reports its newest happening; a lede's older days are its background)."""
    found = [t for t in times if sent_start <= t.root.i < limit_end and recent(t, published)]
    if not found:
        return None
    return min(found, key=lambda t: _days_off(t, published)) if nearest else found[0]


def _antecedent(pronoun: Token, index: MentionIndex) -> Mention | None:
    """The person a "he"/"she" subject most likely is: the last person named before it."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    before = [m for m in index.mentions if m.type.value == "PERSON" and m.evidence.end <= pronoun.idx]
    return before[-1] if before else None


def _extra_words(words: list[str], sub: list[str]) -> list[str] | None:
    """The words of ``words`` around the run ``sub`` ("Robert De Niro" around "De Niro":
    ["Robert"]), or None when ``sub`` is not a run of whole words in it ("Russian", "Russia")."""
    for i in range(len(words) - len(sub) + 1):
        if words[i : i + len(sub)] == sub:
            return words[:i] + words[i + len(sub) :]
    return None


def _usual_full_name(mention: Mention, index: MentionIndex, entities: tuple[LocalEntity, ...]) -> Mention | None:
    """The name to give for a short one: the form the article most often writes in full (the
    first of equals) around a one-word name ("Trump" → "Donald Trump") or, around a longer one,
    with first names only ("De Niro" → "Robert De Niro"; not "GETTY Max Verstappen" nor
    "Instagram Lady Gaga", a stray word the recogniser took in); else, for an alias, its
    entity's name ("Lib Dems" → "Liberal Democrats", "Tories" → "Conservative Party")."""
    short = mention.evidence.text.split()
    cluster = [m for m in index.mentions if m.cluster == mention.cluster]
    longer = []
    for m in cluster:
        extra = _extra_words(m.evidence.text.split(), short)
        if extra and (len(short) == 1 or all(w.lower() in FIRST_NAMES for w in extra)):
            longer.append(m)
    if longer:
        counts = Counter(m.evidence.text for m in longer)
        return max(longer, key=lambda m: (counts[m.evidence.text], -m.evidence.start))
    entity = next((e for e in entities if e.key == mention.cluster), None)
    if entity is None or len(entity.name) <= len(mention.evidence.text) or _extra_words(entity.name.split(), short) is not None:
        return None
    return next((m for m in cluster if m.evidence.text == entity.name), None)


def _listed_doers(subject: Token, index: MentionIndex) -> int | None:
    """End character of a list of three or more named doers the subject heads ("Jane Porter,
    Tom Hill and Sam Reed crash out"): each of them did it, so the who names them all; None
    for a pair or when a conjunct is not a named person or group."""
    conjuncts = with_conjuncts(subject)[1:]
    for appos in (c for c in subject.children if c.dep_ == "appos" and c.i > subject.i):
        # "Jane Porter, Tom Hill and Sam Reed": the parser can read the second name as an apposition
        if (m := index.at(appos)) is not None and m.type.value == "PERSON" and len(with_conjuncts(appos)) > 1:
            conjuncts += with_conjuncts(appos)
    if len(conjuncts) < 2:  # a pair is often a doer and a partner ("X and Y meet"): the first leads
        return None
    ends = []
    for conj in conjuncts:
        mention = index.at(conj)
        if mention is None or mention.type.value not in ("PERSON", "ORG", "NORP"):
            return None
        ends.append(mention.evidence.end)
    return max(ends)


def _who(frame: Frame, index: MentionIndex, entities: tuple[LocalEntity, ...], article_id: str, text: str) -> Evidence | None:
    """The first actor's phrase (the event keeps all its actors); a pronoun is the person last
    named before it; a short name ("Trump") is the span of its entity's full name. The answer
    never runs into the verb (a headline's "Clinton Blames" read as one name)."""
    subject = main_subject(frame, index)
    if subject is None:
        return None
    span = participant(subject, index)
    mention = span.mention or _antecedent(subject, index)
    start, end = span.start, span.end
    if mention is not None and span.mention is None:
        return mention.evidence
    listed = _listed_doers(subject, index)
    if span.mention is not None and listed is not None and listed > end:
        return evidence_from(article_id, text, span.mention.evidence.start, listed)
    if span.mention is not None and start < span.mention.evidence.start:
        first = subject.doc.char_span(start, span.mention.evidence.start, alignment_mode="expand")
        if first is not None and first[0].is_sent_start and first[0].lower_ not in FIRST_NAMES:
            start = span.mention.evidence.start  # "Musician Lady Gaga": a capital for the sentence, not a name
    if mention is not None:
        full = _usual_full_name(mention, index, entities)
        if full is not None:
            return full.evidence
    verb = frame.pred.doc[frame.trigger[0]].idx
    if start < verb < end:
        end = len(text[:verb].rstrip())
    for head in {subject, _counted(subject)}:  # "Dozens of rescuers | in China": the place is the where
        place = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS and start < c.idx < end
                      and any(index.place_at(g) is not None for g in c.children)), None)
        if place is not None:
            end = len(text[: place.idx].rstrip(" ,"))
    return evidence_from(article_id, text, start, end)


def _lede_place(
    doc: Doc, index: MentionIndex, start: int, end: int, skip: set[int], locative: bool, specific: bool = False,
    quoted: bool = False,
) -> tuple[int, int] | None:
    """The first place mention in tokens [start, end): an object of in/at/near when ``locative``,
    else any place that is not one of the event's actors (token indices in ``skip``); only
    places below a country when ``specific``; places in quotations only when ``quoted``."""
    for mention in sorted(index.mentions, key=lambda m: m.evidence.start):
        if specific and canonical_country(mention.evidence.text):
            continue
        span = doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
        if span is None or not start <= span.start < end:
            continue
        if mention.type.value not in PLACE_TYPES:  # "a protest outside Trump Towers": a building, whoever owns it
            if not (locative and mention.type.value in ("ORG", "FAC") and span.root.dep_ == "pobj"
                    and span.root.head.lower_ in _SITE_PREPS) and not _at_event(mention, span, locative):
                continue
        elif not locative and _jurisdiction(span.root):
            continue  # "President of the United States": the office's country, not the scene
        if not quoted and _quoted(doc, mention.evidence.start):
            continue  # "the best drives I've seen in Formula One": a speaker's words, not the scene
        if span.root.dep_ == "poss" and index.place_at(span.root.head) is not None:
            continue  # "Afghanistan's Mazar-i-Sharif": the place it qualifies is the answer
        is_locative = _locative(span.root)
        if is_locative if locative else not any(t.i in skip for t in span):
            return mention.evidence.start, mention.evidence.end
    return None


_SITE_PREPS = frozenset({"outside", "inside"})


def _at_event(mention: Mention, span: Span, locative: bool) -> bool:
    """ "third at the Brazilian Grand Prix": a named event something happened at is its scene."""
    return locative and mention.type.value == "EVENT" and span.root.dep_ == "pobj" and span.root.head.lower_ == "at"


def _jurisdiction(root: Token) -> bool:
    """True for the place an office is of: "President of the United States", "Mayor of London"."""
    return root.dep_ == "pobj" and root.head.lower_ == "of" and is_head(root.head.head.lower_)


def _quoted(doc: Doc, char: int) -> bool:
    """True when ``char`` lies inside a quotation of the article."""
    return any(start <= char < end for start, end in quote_regions(doc_text(doc)))


# Nouns of a happening that news names by its place: "Croydon tram crash", "Seattle shooting".
INCIDENTS = NOMINAL_EVENTS | frozenset({
    "crash", "derailment", "collision", "accident", "disaster", "tragedy", "fire", "blaze", "explosion",
    "blast", "flood", "floods", "flooding", "earthquake", "quake", "storm", "landslide", "rescue",
    "siege", "stabbing", "murder", "hijacking", "outbreak", "spill", "collapse", "eruption",
})


def _known_place(mention: Mention, index: MentionIndex) -> bool:
    """A name the recogniser typed otherwise that the article types as a place elsewhere, or
    that the gazetteer knows ("Croydon" read as an organisation, "Leeds" as a person, before
    "tram crash")."""
    if mention.type.value not in ("ORG", "PERSON"):
        return False
    name = mention.evidence.text
    return any(m.evidence.text == name and m.type.value in PLACE_TYPES for m in index.mentions) or gazetteer().is_place(name)


def headline_place(doc: Doc, index: MentionIndex) -> tuple[int, int] | None:
    """The place the headline names its happening by, a place before the incident noun it
    qualifies ("Croydon tram crash: ...", "Seattle shooting leaves five hurt"): the news's own
    name for where it happened; a country is left to the lede's more precise places."""
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    for token in first:
        mention = index.at(token)
        if mention is None or mention.type.value not in PLACE_TYPES and not _known_place(mention, index):
            continue
        head = token
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
            head = head.head
        between = first.doc[token.i + 1 : head.i + 1]  # "Croydon tram crash (survivor)"
        if not any(t.lemma_.lower() in INCIDENTS or t.lower_ in INCIDENTS for t in between):
            continue
        if canonical_country(mention.evidence.text):
            return None
        return mention.evidence.start, mention.evidence.end
    return None


def _qualified(doc: Doc, index: MentionIndex, bounds: tuple[int, int] | None, lede_end: int) -> tuple[int, int] | None:
    """A headline's place where the lede writes it out with its qualifiers ("Croydon" as
    "Croydon, South London"), else the headline's."""
    if bounds is None:
        return None
    name = doc_text(doc)[bounds[0] : bounds[1]]
    limit = doc[lede_end - 1].idx if lede_end > 0 else 0
    for mention in index.mentions:
        if mention.evidence.text == name and bounds[1] <= mention.evidence.start < limit:
            wide = widen_place(doc, index, mention.evidence.start, mention.evidence.end)
            if wide[1] > mention.evidence.end:
                return wide
    return bounds


def _locative(root: Token) -> bool:
    """True for a place put as the scene: the object of in/at/near/outside...; also the "of"
    object of a noun that is itself one ("in the city of Mazar-i-Sharif")."""
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.pos_ == "NOUN":
        prep = prep.head.head
    return prep.lower_ in _PLACE_PREPS


_DATELINE = re.compile(r"(?m)^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:,? \(\w+\))? ?(?:--|—|–|:) ")


def dateline(text: str, limit: int) -> tuple[int, int] | None:
    """The place of a dateline opening a paragraph in the first ``limit`` characters
    ("LONDON -- At least seven people ...")."""
    match = _DATELINE.search(text, 0, limit)
    return match.span(1) if match else None


_HYPHENED = re.compile(r"(?:-[A-Za-z]+)+")


PLACE_NOUNS = frozenset({
    "province", "county", "state", "region", "district", "city", "town", "village", "prefecture",
    "island", "islands", "municipality", "governorate", "oblast", "canton", "borough", "township",
})


COMPASS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
    "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
})


def _place_starting(doc: Doc, index: MentionIndex, i: int) -> Mention | None:
    """The place mention that starts at token ``i``, if any."""
    if i >= len(doc):
        return None
    place = index.place_at(doc[i])
    return place if place is not None and place.evidence.start == doc[i].idx else None


def widen_place(doc: Doc, index: MentionIndex, start: int, end: int) -> tuple[int, int]:
    """A place with the rest of its name: a hyphenated name the mention stops short of
    ("Mazar-i" | "-Sharif"), the part of it a compass word names ("central China"), the kind of place after it ("Hebei province"), the name a place
    noun introduces ("Afghan City of Mazar-i-Sharif"), a site with its town ("Trump Tower in New
    York City") and the places that qualify it after commas: "Croydon, South London",
    "Croydon, near London"."""
    text = doc_text(doc)
    hyphened = _HYPHENED.match(text, end)
    if hyphened is not None:
        end = hyphened.end()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    first = index.place_at(doc[span.start])
    if span.start > 0 and doc[span.start - 1].lower_ in COMPASS and doc[span.start - 1].is_lower:
        first_word = span.start - 1  # "central China", "south London", "south-east England"
        if first_word >= 2 and doc[first_word - 1].text == "-" and doc[first_word - 2].lower_ in COMPASS:
            first_word -= 2
        start = doc[first_word].idx
        span = doc[first_word : span.end]
    if span.end < len(doc) and doc[span.end].lower_ in PLACE_NOUNS and doc[span.end].is_lower:
        span = doc[span.start : span.end + 1]  # "Hebei province"
    elif span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end - 1].lower_ in PLACE_NOUNS:
        stop = span.end + 1  # "City of Mazar-i-Sharif"
        while stop < len(doc) and (doc[stop].pos_ == "PROPN" or doc[stop].text == "-" and stop + 1 < len(doc) and doc[stop + 1].pos_ == "PROPN"):
            stop += 1
        if stop > span.end + 1:
            span = doc[span.start : stop]
    elif first is not None and first.type.value == "FAC" and span.end < len(doc) and doc[span.end].lower_ == "in":
        town = _place_starting(doc, index, span.end + 1)  # "Trump Tower in New York City": a site with its town
        if town is not None and town.type.value in ("GPE", "LOC"):
            span = doc.char_span(start, town.evidence.end, alignment_mode="expand") or span
    end = max(end, span.end_char)
    while span is not None and span.end + 1 < len(doc) and doc[span.end].text == ",":
        near = doc[span.end + 1].lower_ == "near"  # "Croydon, near London"
        nxt = _place_starting(doc, index, span.end + 1 + near)
        if nxt is None:
            break
        end = nxt.evidence.end
        span = doc.char_span(start, end, alignment_mode="expand")
    return start, end


def _where(doc: Doc, index: MentionIndex, frame: Frame, sent: Span, lede_end: int, specific: bool = False) -> tuple[int, int] | None:
    """The lede's place: a locative place of the sentence, then of the lede, then any place of
    either that is not the actor, then the article's first locative place; in the lede, a place
    quoted from a speaker only when the reporter's text gives none (never a more precise place
    for a country)."""
    skip = {t.i for a in frame.actors for t in a.subtree}
    lede = (False, True)  # in the lede, the reporter's places before a speaker's
    passes = (
        (sent.start, sent.end, True, lede), (0, lede_end, True, lede), (sent.start, sent.end, False, lede),
        (0, lede_end, False, lede), (0, len(doc), True, (True,)),  # over the article, the first locative place
    )
    for start, end, locative, quotes in passes[:2] if specific else passes:
        for quoted in (False,) if specific else quotes:
            found = _lede_place(doc, index, start, end, skip, locative, specific, quoted)
            if found is not None:
                return found
    return None


def _specific_place(doc: Doc, index: MentionIndex, frame: Frame, sent: Span, lede_end: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """A country is rarely the most precise where a lede gives: a city, region or site that
    the sentence or the lede places the news in ("in", "at", "near"), when there is one,
    answers instead."""
    if not canonical_country(doc._.ng["article"].text[bounds[0] : bounds[1]]):
        return bounds
    return _where(doc, index, frame, sent, lede_end, specific=True) or bounds


def _lede_end(doc: Doc, sent: Span) -> int:
    """End token of the lede: the frame's sentence and the next ones, up to LEDE_SENTENCES."""
    end = sent.end
    for n, other in enumerate(doc[sent.end :].sents if sent.end < len(doc) else ()):
        if n + 1 >= LEDE_SENTENCES:
            break
        end = other.end
    return end


def main_event(
    doc: Doc,
    frames: list[Frame],
    events: list[Event],
    index: MentionIndex,
    times: list[TimeRef],
    entities: tuple[LocalEntity, ...],
) -> MainEvent | None:
    """The article's 5W1H from its lede's main event; None for an article without events."""
    frame = choose(frames, index)
    if frame is None:
        return None
    event = events[frames.index(frame)]
    article = doc._.ng["article"]
    text = article.text
    published = article.published.date() if article.published is not None else None
    article_id = event.article_id

    def ev(bounds: tuple[int, int] | None, chars: bool = False) -> Evidence | None:
        if bounds is None:
            return None
        if not chars and frame.unit is not None:  # the parse can run on past a paragraph break
            bounds = (max(bounds[0], frame.unit.start), min(bounds[1], frame.unit.end))
            while bounds[1] > bounds[0] + 1 and (doc[bounds[1] - 1].is_space or doc[bounds[1] - 1].is_punct):
                bounds = (bounds[0], bounds[1] - 1)
            if bounds[1] <= bounds[0]:
                return None
        start, end = bounds if chars else _chars(doc, *bounds)
        return evidence_from(article_id, text, start, end)

    who = _who(frame, index, entities, article_id, text)
    sent = frame.unit if frame.unit is not None else frame.pred.sent
    lede_end = _lede_end(doc, sent)
    when = event.time.evidence if event.time is not None and recent(times[frame.time], published) else None
    if when is None:
        ref = (
            _first_time(times, sent.start, sent.end, published)
            or _first_time(times, 0, lede_end, published, NEAREST_LEDE)
            or _first_time(times, 0, len(doc), published)
            or _first_time(times, sent.start, sent.end)
            or _first_time(times, 0, len(doc))
        )
        when = ev((ref.start, ref.end), chars=True) if ref is not None else None
    if when is not None:
        when = ev(widen_time(times, text, when.start, when.end), chars=True)
    bounds = (event.place.evidence.start, event.place.evidence.end) if event.place is not None else None
    if bounds is None:
        limit = doc[lede_end - 1].idx if lede_end > 0 else 0
        bounds = dateline(text, limit) or _qualified(doc, index, headline_place(doc, index), lede_end) or _where(
            doc, index, frame, sent, lede_end
        )
    if bounds is not None:
        bounds = _specific_place(doc, index, frame, sent, lede_end, bounds)
    where = ev(widen_place(doc, index, *bounds), chars=True) if bounds is not None else None
    what = _what(frame, index)
    how = _how(frame, index, what)
    why = ev(_why(frame))
    if why is None or why.text.lower().startswith(("after", "following")):
        sents = list(doc.sents)[:WHY_SENTENCES]
        people = [m.evidence for m in index.mentions if m.type.value == "PERSON"]
        lede = _lede_why(text, 0, sents[-1].end_char if sents else 0, lambda c: any(e.start <= c < e.end for e in people))
        if lede is None and why is None:  # "Seven killed as tram derails after 'speeding' round sharp bend"
            title = _TITLE_AFTER.search(text, 0, max(0, text.find("\n")))
            lede = title.span(1) if title is not None else None
        if lede is not None:
            why = ev(lede, chars=True)
        elif why is None:  # "received a boost after the FBI found no evidence"
            after = lede_after(doc, frame.pred)
            why = ev(_chars(doc, *after), chars=True) if after is not None else None
    adverb = how is not None and how[1] == how[0] + 1 and doc[how[0]].dep_ == "advmod"
    if adverb and what[0] - 2 <= how[0] < min(what[1], frame.pred.i):
        how = how[0], what[1]  # "narrowly avoids crash": the manner with the act it qualifies
    elif how is not None and what[0] <= how[0] and how[1] <= what[1]:
        how = None  # the what already says it
    how_ev = ev(how) if how is not None else None
    if how_ev is None:
        found = lede_how_of(doc, frames, frame, sent, index)
        how_ev = evidence_from(article_id, text, *_chars(doc, *found)) if found is not None else None
    return MainEvent(
        article_id=article_id,
        event_id=event.id,
        who=who,
        what=ev(what),
        when=when,
        where=where,
        why=why,
        how=how_ev,
    )
