"""Whether an event is worth a type: a real action (not a state), with an actor that can act,
or someone (not only something) it is done to (``worth_a_type``)."""

from spacy.tokens import Token

from newsgraph.nlp.events.actors import is_agent, is_number, what_it_counts
from newsgraph.nlp.frames import Frame
from newsgraph.nlp.phrases import MentionIndex
from newsgraph.nlp.plover import is_captive

_STATES = frozenset("be seem appear become remain exist include contain mean feel look sound stay".split())
_NO_AGENT: frozenset[str] = frozenset()
# Things that may act where the type needs them: a bomb, a missile or an air strike assaults.
_TYPE_THINGS = {
    "ASSAULT": frozenset(
        """bomb bombing blast explosion explosive device missile rocket shell shelling mortar grenade
        mine drone airstrike strike raid attack gunfire fire artillery bullet shot car truck aircraft
        plane jet warplane fighter bomber helicopter gunship warship ship vessel tank""".split()
    ),
}
# Acts done for or to people: typed only when what they are done to can act ("protect
# civilians", not "protect inventions"; "killed three soldiers", not "killed off demand").
# Nominal happenings that may be aimed at a thing alone: "protests against the war", "the bombing
# of the hotel" (a word of violence that games do not use: not "attack", "strike", "shot", "fire").
_AT_THINGS = frozenset({"PROTEST"})
_GAME_WORDS = frozenset({"attack", "strike", "shot", "fire", "raid"})


def _at_a_thing(frame: Frame) -> bool:
    lemma = frame.pred.lemma_.lower()
    return frame.type in _AT_THINGS or frame.type == "ASSAULT" and lemma in _TYPE_THINGS["ASSAULT"] - _GAME_WORDS
_FOR_PEOPLE = frozenset({
    "protect", "help", "assist", "rescue", "shelter", "feed", "evacuate", "kill", "beat", "arrest", "detain",
    "free", "release", "execute", "injure", "wound", "shoot",
})
# Where a participant stands to be what an act is done to: its object or passive subject, or
# the object of "at", "on" or "against" ("fired at the crowd"); not a companion ("with students").
_DIRECT = frozenset({"dobj", "nsubjpass", "conj", "appos", "attr", "oprd"})
_AIMED = frozenset({"at", "on", "against", "upon"})


def _shot_at(frame: Frame, target: Token) -> bool:
    """ "shot at a bus": whatever is shot at, an attack on it."""
    return frame.pred.lemma_.lower() == "shoot" and target.dep_ == "pobj" and target.head.lower_ == "at"


def _people_described(token: Token) -> bool:
    """ "the wounded", "the elderly": an adjective standing for the people it describes."""
    return token.pos_ in ("ADJ", "VERB") and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _done_to(frame: Frame) -> list[Token]:
    """The targets an act is done to (all of them when none is direct)."""
    direct = [t for t in frame.targets if t.dep_ in _DIRECT or t.dep_ == "pobj" and t.head.lower_ in _AIMED]
    return direct or frame.targets

_GENERIC_YOU = frozenset({"you", "one", "yourself"})
# An actor outside quotations that names no one the article reports on: the writer ("I", "we": a
# reader's comment, a first-person column) or a relative or interrogative word left without its
# antecedent ("who is allowed to visit").
_NO_ONE_NAMED = frozenset({"i", "me", "myself", "we", "us", "ourselves", "who", "whom", "which", "that", "what"})

def _absolute(pred: Token) -> bool:
    """A participle in an absolute phrase ("with Lind injured"): its subject is what the act
    left in some state, not someone acting."""
    return pred.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass") for c in pred.children) and any(
        c.dep_ == "mark" and c.lower_ in ("with", "without") for c in pred.children
    )


def worth_a_type(frame: Frame, actors: list[Token], index: MentionIndex) -> bool:
    """A typed event needs a real action and an actor that can act (unless its type needs none)."""
    if frame.type in _NO_AGENT:
        return True
    if frame.anchor is frame.pred and frame.pred.lemma_.lower() in _STATES:
        return False
    if _absolute(frame.pred):
        return False  # "with Lind injured", "with two players suspended": a state of things, no act told
    if frame.pred.lemma_.lower() in _FOR_PEOPLE and frame.targets and not any(
        is_agent(t, index) or is_captive(t) or _shot_at(frame, t) or _people_described(t) for t in _done_to(frame)
    ):
        return False  # "protect inventions", "help the economy", "shot hoops with students": no one is helped or hurt
    if not frame.actors:
        # no actor read: a happening still when something is done to someone ("was arrested",
        # "protests against the WEF"), not a bare word ("Warning over pensions"); a thing talked
        # about is only a topic ("the issue was discussed"), someone consulted is one ("unions
        # were consulted")
        # an adverbial clause whose doer is the main clause's ("resigned after criticising the party")
        # a nominal one needs someone among its participants ("the arrest of the mayor", "talks
        # with the unions"), not only things ("the withdrawal of a film", "investigations of crime")
        return bool(frame.targets) and (
            frame.nominal and (_at_a_thing(frame) or any(is_agent(t, index) or is_captive(t) for t in frame.targets))
            or not frame.nominal and any(
                t.dep_ == "nsubjpass" and (frame.type != "CONSULT" or is_agent(t, index)) for t in frame.targets
            )
            or frame.pred.dep_ in ("pcomp", "advcl") and any(is_agent(t, index) for t in frame.targets)
        )
    if all(t.lower_ in _GENERIC_YOU for t in actors):
        return False  # "you can shoot an enemy", "when you start conceding": anyone, no one in particular
    if all(t.lower_ in _NO_ONE_NAMED and t.pos_ == "PRON" for t in actors):  # (not "US", the country)
        return False  # "I have since quit playing", "who is allowed to visit": a reader's own story, or no antecedent
    things = _TYPE_THINGS.get(frame.type, frozenset())
    return any(is_agent(what_it_counts(t) if is_number(t) else t, index) or t.lemma_.lower() in things for t in actors)
