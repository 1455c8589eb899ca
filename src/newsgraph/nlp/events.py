"""Events: who did what to whom, where and when, with a PLOVER type and a mode
(``newsgraph.events.v23``), and each article's main event as who / what / when / where / why / how.

An event worth a typed row has an actor that can act: a person, group, organisation or place
(a mention of those types, a name, a personal pronoun, a noun of ``AGENT_NOUNS`` or ending like
an agent: "police", "protesters", "the government", or a thing owned by a state or a body: "U.N.
helicopters"). A number is never an actor ("just 16 disagreed": dropped from
the actors); an event whose actors are only things ("a console that offers support") or whose
trigger is a state, not an action ("be", "seem", "remain"), is kept but typed OTHER, so the
reader's default view (typed events) leaves it apart; an event with no actor read at all (a
nominal "the protest", or an actor the parse missed) keeps its type. A thing the type needs
keeps it (a bomb assaults: ``_TYPE_THINGS``). A typed event that passes every rule is weighed last
by ``event_confidence`` (its type, who acts, how and where the text tells it): one under the fitted
threshold is typed OTHER too ("staff said they would rather be sacked": a supposition, no one sacked).

The component reads the parse already in the Doc and the facts of earlier components: entity
mentions (participants and places link to them) and time expressions (events link to the one in
their clause). Frames come from ``frames``, types from ``plover``, modes from ``modes``, what the
text names without telling it as done or as news (a forecast, the writer's view, history) from
``untold``, the main event from ``main_event``.
"""

import bisect
import dataclasses
import re
from typing import NamedTuple

from newsgraph.nlp.component import register
from spacy.tokens import Doc, Span, Token

from newsgraph.model import Argument, Event, EventMode, Mention, evidence_from, fact_id
from newsgraph.nlp import event_confidence, modes, untold
from newsgraph.nlp.frames import LOCATIVE_PREPS, Frame, is_controller, is_reporter, sentence_frames, units, visit_place
from newsgraph.nlp.main_event import main_event
from newsgraph.nlp.quote_cues import Regions, quote_regions
from newsgraph.nlp.phrases import MentionIndex, participant
from newsgraph.nlp.plover import LEXICON, is_captive, plover_code
from newsgraph.nlp.places import sport_report
from newsgraph.nlp.senses import at_play

EXTRACTOR = "newsgraph.events.v23"
_AGENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_OWNERS = frozenset({"ORG", "GPE", "NORP"})
_NUMBER_TYPES = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL", "DATE", "TIME"})
_AGENT_PRONOUNS = frozenset("i we you he she they who us them him her me".split())
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
# Nouns naming people or groups that act (singular lemmas; plural forms lemmatise to them).
AGENT_NOUNS = frozenset(
    """people person man woman men women child boy girl family families resident citizen voter
    worker employee staff official officer police policeman soldier troop army force military navy
    militant rebel fighter insurgent gunman attacker protester demonstrator activist campaigner
    striker union group party government administration ministry minister president leader
    lawmaker legislator parliament congress senate council committee court judge jury prosecutor
    lawyer regulator authority agency department company firm bank business employer investor
    shareholder owner board member supporter opponent critic candidate politician diplomat envoy
    delegation negotiator spokesman spokeswoman spokesperson director chief executive manager
    chairman chairwoman founder student teacher doctor nurse patient farmer driver pilot crew
    passenger fan player team club coach athlete scientist researcher expert analyst journalist
    reporter source witness victim suspect prisoner refugee migrant immigrant mayor governor
    senator secretary chancellor king queen prince monarch emperor regime coalition alliance
    nation country state city town village community organisation organization charity campaign
    movement opposition majority minority public crowd mob gang cartel network association
    federation commission tribunal inspector investigator officer guard embassy consulate side
    delegate ally enemy neighbour neighbor power camp faction wing bloc junta cabinet forum summit
    assembly convention body panel guerrilla guerilla emir sheikh sultan inhabitant militia tribe clan
    sect population settler dissident combatant participant parent mother father son daughter wife
    husband relative friend colleague boss fan mp mep msp peer councillor backbencher""".split()
)
# Natural hazards strike and kill but act for no one.
_HAZARDS = frozenset(
    """tsunami tsunamis earthquake earthquakes quake quakes storm storms hurricane hurricanes typhoon
    typhoons cyclone cyclones flood floods flooding tornado tornadoes avalanche avalanches landslide
    landslides mudslide mudslides wildfire wildfires drought droughts epidemic epidemics virus viruses
    disease diseases eruption volcano heatwave blizzard""".split()
)
# "truckers", "investors", "activists", "civilians", "businessman", "chairwoman"
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person")
_THING_ENDINGS = frozenset(
    """computer paper water number order matter letter power border center centre tower meter poster
    filter printer container corridor sector factor motor floor door error mirror monitor elevator
    tractor trailer river weather answer chapter cancer fever winter summer quarter disaster register
    shoulder finger dinner layer chamber timber copper silver rubber barrier cluster charter character
    lever liver leather feather thunder danger anger pressure fear cooler heater router browser server
    scooter helicopter trigger banner offer transfer manner""".split()
)
# What a body writes or holds, not what acts for it: "a preliminary Ofcom report found", "Islamic
# law's ban", "its Everybody Online project offers".
_WRITINGS = frozenset("""report law bill act plan proposal offer document study survey ruling decision budget policy
    rule statement letter deal agreement opposition legislation programme program project scheme idea""".split())

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


def _link_times(frames_by_token: dict[int, Frame], times: list[TimeRef], sent: Span) -> None:
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


def _link_places(frames: list[Frame], by_token: dict[int, Frame], sent: Span, index: MentionIndex) -> None:
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


def _mode(frame: Frame, by_token: dict[int, Frame], depth: int = 0) -> EventMode:
    pred = frame.pred
    if frame.nominal:
        head = nearest_frame(pred.head, by_token) if pred.head != pred else None
        return _mode(head, by_token, depth + 1) if head is not None and depth < 4 else EventMode.ASSERTED
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
        mode = _mode(by_token[pred.head.i], by_token, depth + 1)
    if mode is EventMode.ASSERTED:
        mode = _reported_mode(pred)
    return mode


def _reported_mode(pred: Token) -> EventMode:
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


def _argument(token: Token, index: MentionIndex, article_id: str, text: str) -> Argument:
    span = participant(token, index)
    mention: Mention | None = span.mention
    return Argument(
        evidence=evidence_from(article_id, text, span.start, span.end),
        mention_id=mention.id if mention else None,
        entity_id=mention.entity_id if mention else None,
    )


def _arguments(tokens: list[Token], index: MentionIndex, article_id: str, text: str) -> tuple[Argument, ...]:
    seen: set[tuple[int, int]] = set()
    out = []
    for tok in tokens:
        arg = _argument(tok, index, article_id, text)
        key = (arg.evidence.start, arg.evidence.end)
        if key not in seen:
            seen.add(key)
            out.append(arg)
    return tuple(out)


def is_agent(token: Token, index: MentionIndex) -> bool:
    """Whether a participant can act: a person, group, organisation or place."""
    if token.lemma_.lower() in _HAZARDS or token.lower_ in _HAZARDS:
        # "the tsunami which struck south Asia": a disaster, not an attacker ("UK tsunami aid" is the UK's)
        return any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in _OWNERS for c in token.children)
    mention = index.at(token)
    if mention is not None and mention.type.value in _AGENT_TYPES:
        return True
    if token.lower_ in _AGENT_PRONOUNS:
        return True
    if token.ent_type_ in _AGENT_TYPES:
        return True
    if token.pos_ == "PROPN":
        return True  # a name the model did not tag ("Hizbollah"): names act in the news
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    if lemma not in _WRITINGS and any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in _OWNERS for c in token.children):
        return True  # a thing of a state or a body acts for it: "U.N. helicopters", "Russian aircraft"
    if len(token.text) > 2 and token.text.endswith("s") and token.text[:-1].isupper():
        lemma = token.text[:-1].lower()  # "MPs", "MEPs": the lemmatiser keeps an acronym's plural
    return lemma in AGENT_NOUNS or (lemma.endswith(_AGENT_ENDINGS) and lemma not in _THING_ENDINGS)


def is_number(token: Token) -> bool:
    """A participant that is a number or an amount ("just 16", "40%"), never an actor."""
    return token.like_num or (token.ent_type_ in _NUMBER_TYPES and token.pos_ in ("NUM", "NOUN", "PROPN", "SYM"))


def _counted(token: Token) -> Token | None:
    """What a number counts ("thousands of workers" → "workers"), if it says."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def actor_tokens(frame: Frame, index: MentionIndex) -> list[Token]:
    """The frame's actors without bare numbers; a number counting people stays ("thousands of workers")."""
    out = []
    for token in frame.actors:
        counted = _counted(token) if is_number(token) else None
        if not is_number(token) or (counted is not None and is_agent(counted, index)):
            out.append(token)
    return out


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
    return any(is_agent(_counted(t) if is_number(t) else t, index) or t.lemma_.lower() in things for t in actors)


def _did_not_happen(frame: Frame) -> bool:
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


def _maybe_done(frame: Frame) -> bool:
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


def _not_told_as_done(frame: Frame) -> bool:
    """A happening the text only wishes for or supposes (mode hoped, or hypothetical outside a
    plan told in reported speech: "wants to help them", "there would be meetings"), not one it
    reports; a threat is still one ("threatened to sue": its own type)."""
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


def _weighed(pred: Token, depth: int = 0) -> bool:
    """An act an adjective weighs or says can be done, not one told ("it would be rash to ignore
    the warnings", "it is important to punish them", "to be able to defend its case", "safer to
    seek a resolution sanctioning action"); "police were able to arrest them" is told."""
    if pred.dep_ == "acl" and depth == 0 and pred.head.dep_ == "dobj" and pred.head.head != pred.head:
        return _weighed(pred.head.head, depth + 1)  # "seek a resolution sanctioning action"
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


_TOLD_AS_FACT = frozenset({EventMode.ASSERTED, EventMode.PLANNED, EventMode.REPORTED})


def _quoted(at: int, regions: Regions) -> bool:
    """Whether the character ``at`` lies inside one of ``regions`` (sorted, not overlapping)."""
    n = bisect.bisect_right(regions, (at, 1 << 62)) - 1
    return n >= 0 and regions[n][0] <= at < regions[n][1]


def _told_by_its_head(frame: Frame, by_pred: dict[int, Frame]) -> bool:
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
        if plover_code(frame.type, frame.mode.value) == plover_code(head.type, head.mode.value):
            return True
        if purpose and frame.type == head.type:
            return True
    return False


_HABIT_ADVERBS = frozenset("often usually always sometimes generally frequently rarely seldom typically regularly "
                           "routinely normally habitually".split())
_HABIT_UNITS = frozenset("day week month year night hour season".split())


def _habitual(pred: Token) -> bool:
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


def _toll(pred: Token) -> bool:
    """A passive harm with no one doing it, in a sentence that names a natural hazard ("more than
    100,000 people are believed to have been killed in the country closest to the earthquake"):
    what the disaster did, not an attack."""
    if pred.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in pred.children) or any(c.dep_ == "agent" for c in pred.children):
        return False
    return any(t.lemma_.lower() in _HAZARDS or t.lower_ in _HAZARDS for t in pred.sent)


def _timed(frame: Frame, times: list[TimeRef]) -> bool:
    """Whether the frame's verb has its own time ("expected to sign it on Friday"), not a reporting
    verb above it ("told reporters on Monday that ...") nor a noun in its object ("payments due in 2005")."""
    if frame.time is None:
        return False
    root = times[frame.time].root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        root = root.head  # "on Friday"
    return root.head == frame.pred and root.dep_ in ("prep", "npadvmod", "advmod", "tmod")


def to_event(
    frame: Frame, text: str, index: MentionIndex, times: list[TimeRef], article_id: str,
    quotations: Regions = (), sport: bool = False, by_pred: dict[int, Frame] | None = None,
) -> Event:
    """The model ``Event`` for a finished frame (``text`` is the article text the doc was made from).
    An event told in a quotation's own words (``quotations``: the text's quoted regions) is typed
    OTHER unless a named actor does it as a fact or a plan ("the IAAF will appeal"): the rest is
    what someone said ("I worked really hard", "you're fighting", "if Ken wants to give them up"),
    kept with the quote that holds it, not a happening the article reports. In a sports report
    (``sport``), the game itself is typed OTHER too (``senses.at_play``: "Bolton meet Ipswich",
    "she rallied well at times")."""
    doc = frame.pred.doc
    start, end = doc[frame.trigger[0]].idx, doc[frame.trigger[1] - 1].idx + len(doc[frame.trigger[1] - 1].text)
    place = _argument(frame.place, index, article_id, text) if frame.place is not None else None
    time = None
    if frame.time is not None:
        ref = times[frame.time]
        time = Argument(evidence=evidence_from(article_id, text, ref.start, ref.end), value=ref.value)
    targets = [t for t in frame.targets if frame.place is None or t != frame.place or frame.pred.lemma_.lower() == "visit"]
    actors = actor_tokens(frame, index)
    kind = frame.type if frame.type == "OTHER" or worth_a_type(frame, actors, index) else "OTHER"
    if kind != "OTHER" and any(c.dep_ == "det" and c.lower_ == "no" for c in frame.anchor.children):
        kind = "OTHER"  # "I had no warning"
    if kind != "OTHER" and (_did_not_happen(frame) and plover_code(kind, frame.mode.value) == kind or _maybe_done(frame)):
        kind = "OTHER"  # "no arrests were made", "failed to oppose them": nothing happened (a refused help is REJECT)
    if kind != "OTHER" and (_not_told_as_done(frame) or _weighed(frame.pred)):
        kind = "OTHER"  # "the families it says it wants to help", "there would be meetings", "it would be
        # rash to ignore them": wished, supposed or weighed
    actor_args = _arguments(actors, index, article_id, text)
    if kind != "OTHER" and _quoted(start, quotations) and not (
        frame.mode in _TOLD_AS_FACT and any(a.mention_id for a in actor_args)
    ):
        kind = "OTHER"
    if kind != "OTHER" and frame.mode is EventMode.DEMANDED and not _quoted(start, quotations) and (
        modes.own_mode(frame.pred) is EventMode.DEMANDED and _reported_mode(frame.pred) is EventMode.ASSERTED
    ):
        kind = "OTHER"  # "such acts should be accepted too", "he should resign": a view of what ought to be,
        # no one reported demanding it
    if kind != "OTHER" and not frame.nominal and (
        untold.forecast(frame.pred) and not _timed(frame, times)
        or not _quoted(start, quotations) and untold.writers_view(frame.pred)
    ):
        kind = "OTHER"  # "is expected to be opposed": foreseen (not "are expected to sign it on Friday": a schedule);
        # "I think acts should be accepted": the writer's view
    if kind == "ASSAULT" and _toll(frame.pred):
        kind = "OTHER"  # "100,000 people are believed to have been killed" near the earthquake: a disaster's toll
    if kind != "OTHER" and time is not None and untold.history(text, time.value):
        kind = "OTHER"  # "met Nelson College on 14 May, 1870", in a report of 2003: background, not news
    if kind != "OTHER" and by_pred and _told_by_its_head(frame, by_pred):
        kind = "OTHER"  # "agreed to reopen talks": the agreement is the event
    if kind != "OTHER" and not frame.nominal and _habitual(frame.pred):
        kind = "OTHER"  # "fans often complain", "the library receives 3,000 requests a day": a habit, not a happening
    if kind != "OTHER" and sport and any(
        at_play(word, actors, targets, lambda t: index.at(t) is not None) for word in {frame.pred, frame.anchor}
    ):  # (the light verb's noun too: "a powerful charge ... was carried on")
        kind = "OTHER"  # "Bolton meet Ipswich", "she rallied well": the game
    target_args = _arguments(targets, index, article_id, text)
    if kind != "OTHER":
        found = event_confidence.cues(
            kind=kind, pred=frame.pred, anchor=frame.anchor, nominal=frame.nominal, mode=frame.mode, actors=actors,
            actor_args=actor_args, targets=targets, target_args=target_args, has_place=place is not None,
            has_time=time is not None, text=text, start=start, quoted=_quoted(start, quotations), sport=sport,
            said=_reported_mode(frame.pred) is not EventMode.ASSERTED,
        )
        if not event_confidence.confident(found):
            kind = "OTHER"  # too little to trust: kept as an event, apart from the typed ones
    return Event(
        id=fact_id("event", article_id, start, end),
        article_id=article_id,
        trigger=evidence_from(article_id, text, start, end),
        type=kind,
        mode=frame.mode,
        actors=actor_args,
        targets=target_args,
        place=place,
        time=time,
        extractor=EXTRACTOR,
    )


def _time_tokens(doc: Doc, times: list[TimeRef]) -> frozenset[int]:
    tokens: set[int] = set()
    for ref in times:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return frozenset(tokens)


def doc_frames(doc: Doc, index: MentionIndex, times: list[TimeRef]) -> list[Frame]:
    """Every frame of the doc, linked to its place and time, with its mode."""
    out: list[Frame] = []
    time_tokens = _time_tokens(doc, times)
    for sent in units(doc):
        frames = sentence_frames(sent, time_tokens)
        by_token: dict[int, Frame] = {}
        for frame in frames:
            by_token.setdefault(frame.pred.i, frame)
            by_token.setdefault(frame.anchor.i, frame)
        _link_times(by_token, times, sent)
        _link_places(frames, by_token, sent, index)
        for frame in frames:
            frame.mode = _mode(frame, by_token)
            if frame.mode is EventMode.ASSERTED and frame.time is not None:
                ref = times[frame.time]
                if modes.is_future_time(ref.text):
                    frame.mode = EventMode.PLANNED
        out.extend(frames)
    return out


# Typed verbs a headline may use in the past without an object and without being done to its
# subject ("Minister resigned", "Talks collapsed").
_INTRANSITIVE = frozenset(
    """protest resign quit retreat withdraw meet agree clash fight strike rally talk apologise apologize
    march demonstrate riot vote negotiate cooperate surrender yield concede admit plead compromise return
    visit travel rebel mutiny flee escape collapse die""".split()
)
_TERMINAL = frozenset({".", "!", "?", '"', "'", "\u201d", ":"})


def read_headline_passives(doc: Doc) -> None:
    """Headlines drop a passive's auxiliary: in "Koubek suspended after drugs test", "Chelsea
    ridiculed over complaint", a typed verb in the past with a subject, no object and no auxiliary
    is done to its subject, so the subject is marked as a passive one (``nsubjpass``). Only the
    text's first line, when it is a headline (no closing stop, at most 16 words), is read so."""
    end = next((t.i for t in doc if "\n" in t.text), len(doc))
    line = doc[:end]
    if not 0 < len(line) <= 16 or line[-1].text in _TERMINAL:
        return
    for verb in line:
        lemma = verb.lemma_.lower()
        if verb.tag_ not in ("VBD", "VBN") or lemma in _INTRANSITIVE or lemma not in LEXICON:
            continue
        children = list(verb.children)
        if any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp", "prt") for c in children):
            continue
        for child in children:
            if child.dep_ == "nsubj":
                child.dep_ = "nsubjpass"


def _event_facts(doc: Doc) -> dict[str, object]:
    """The doc's events, the main one flagged, and the article's 5W1H."""
    state = doc._.ng
    article = state["article"]
    index = MentionIndex(doc, tuple(state.get("mentions", ())))
    times = doc_times(doc)
    read_headline_passives(doc)
    frames = doc_frames(doc, index, times)
    quotations = quote_regions(article.text)
    sport = sport_report(article.text)
    by_pred = {f.anchor.i: f for f in frames if f.nominal} | {f.pred.i: f for f in frames if not f.nominal}
    events = [to_event(f, article.text, index, times, article.id, quotations, sport, by_pred) for f in frames]
    main = main_event(doc, frames, events, index, times, tuple(state.get("entities", ())))
    if main is not None and main.event_id is not None:
        events = [dataclasses.replace(e, main=True) if e.id == main.event_id else e for e in events]
    return {"events": tuple(events), "main": main}


register("newsgraph_events", EXTRACTOR, _event_facts)
