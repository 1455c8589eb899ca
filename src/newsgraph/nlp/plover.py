"""PLOVER event types for event triggers: a lexicon written from the PLOVER manual and its
CAMEO-to-PLOVER table (draft 0.8, 2021), and the rules that read a trigger in its context.

PLOVER's sixteen types are listed in ``TYPES``; ``OTHER`` is ours, for events outside PLOVER's
political focus (economy, law courts, technology, sport, accidents...). The lexicon maps lemmas
to types; a few context rules refine it: light verbs take their eventive object's type ("hold
talks", "file a protest", "impose sanctions"), a formal or diplomatic protest is an official
complaint (ACCUSE, CAMEO 114), and "take to the streets" is a demonstration.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model.events import PLOVER_TYPES
from newsgraph.nlp.senses import (
    FILMED,
    LIGHT_THINGS,
    PACTS,
    SCORE,
    advisory_warning,
    conversation,
    harm_told,
    verbal_clash,
    is_captive,
    media_conference,
    play_sense,
    talk_sense,
    trade_sense,
    undergoers,
)
from newsgraph.nlp.senses import CAPTIVES as _CAPTIVES
from newsgraph.nlp.senses import pobjs as _pobjs

OTHER = "OTHER"
TYPES: tuple[str, ...] = PLOVER_TYPES

# Old GSR / CAMEO-era labels and their current PLOVER type (CAMEO2PLOVER table: 09 investigate
# and 11 disapprove are ACCUSE, 10 demand is REQUEST, 19-20 fight is ASSAULT).
LEGACY: dict[str, str] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
    "YIELD": "CONCEDE", "ENGAGE": "COOPERATE", "MATERIAL_COOPERATE": "COOPERATE",
}

_LEXICON: dict[str, tuple[str, ...]] = {
    "AGREE": ("agree", "pledge", "promise", "vow", "commit", "accept", "offer", "sign", "agreement",
              "accord", "deal", "pact", "treaty", "pledge", "promise", "ratify", "settle", "guarantee", "consent",
              "settlement", "truce", "reconcile", "normalize", "normalise"),
    "CONSULT": ("meet", "visit", "talk", "talks", "discuss", "negotiate", "consult", "host",
                "confer", "meeting", "summit", "negotiation", "consultation", "discussion",
                "visit", "mediate", "mediation", "telephone", "phone", "tour", "travel", "dialogue",
                "convene", "gathering", "conference"),
    "SUPPORT": ("praise", "endorse", "support", "back", "welcome", "defend", "thank", "congratulate",
                "recognize", "recognise", "applaud", "hail", "commend", "laud", "approve", "support",
                "endorsement", "backing", "champion", "rally", "forgive", "tribute"),
    "COOPERATE": ("cooperate", "collaborate", "cooperation", "collaboration", "partner", "ally",
                  "alliance", "coordinate", "share", "partnership", "extradite", "cooperate"),
    "AID": ("aid", "help", "assist", "donate", "provide", "supply", "rescue", "assistance", "grant", "give",
            "donation", "relief", "shelter", "fund", "evacuate", "protect", "feed", "asylum", "lend", "loan",
            "finance", "subsidize", "subsidise", "contribute"),
    "CONCEDE": ("concede", "yield", "apologize", "apologise", "admit", "accede", "compromise",
                "relent", "resign", "acknowledge", "pardon", "amnesty", "apology", "concession",
                "resignation", "step", "comply", "accede", "bow", "legalize", "legalise", "unban", "reinstate",
                "confess", "confession"),
    "RETREAT": ("withdraw", "retreat", "release", "free", "return", "lift", "ease", "surrender",
                "disarm", "ceasefire", "pullout", "withdrawal", "demobilize", "demobilise",
                "repatriate", "reopen", "unblock"),
    "REQUEST": ("request", "ask", "demand", "urge", "appeal", "petition", "plead", "press",
                "call", "invite", "seek", "implore", "beg", "lobby", "demand", "appeal", "plea", "pressure", "insist",
                "invitation", "call", "propose", "proposal", "suggest", "recommend"),
    "ACCUSE": ("accuse", "blame", "criticize", "criticise", "condemn", "denounce", "investigate",
               "probe", "charge", "sue", "allege", "complain", "slam", "fault", "convict", "indict",
               "chide", "rebuke", "decry", "deplore", "lambaste", "censure", "accusation",
               "criticism", "condemnation", "investigation", "inquiry", "lawsuit", "complaint",
               "allegation", "prosecute", "disapprove", "scold", "assail",
               "castigate", "berate", "reproach", "examine", "inspect", "interrogate", "question", "scrutinize",
               "scrutinise", "audit", "ridicule", "deride", "mock", "reprimand", "chastise", "lambast"),
    "REJECT": ("reject", "refuse", "deny", "veto", "dismiss", "rebuff", "decline", "oppose",
               "defy", "resist", "spurn", "rule", "rejection", "refusal", "opposition", "snub",
               "turn", "ignore", "disregard", "renounce", "repudiate", "disagree", "stall", "renege",
               "violate", "flout", "breach"),
    "THREATEN": ("threaten", "warn", "threat", "warning", "ultimatum", "menace", "intimidate"),
    "PROTEST": ("protest", "demonstrate", "march", "riot", "picket", "strike", "demonstration",
                "rally", "sit-in", "boycott", "hunger", "walkout", "chant", "protester", "unrest", "uprising",
                "revolt", "mutiny", "fast", "marcher", "demonstrator"),
    "SANCTION": ("sanction", "ban", "block", "embargo", "expel", "suspend", "restrict", "freeze",
                 "recall", "bar", "halt", "curb", "prohibit", "outlaw", "blacklist", "cut", "sever",
                 "break", "boycott", "tariff", "sanctions", "suspension", "restriction", "ban",
                 "downgrade", "revoke", "cancel", "close", "shut", "penalize",
                 "penalise", "fine", "bar", "sack", "sacking", "dismissal"),
    "MOBILIZE": ("mobilize", "mobilise", "deploy", "mass", "station", "reinforce", "mobilization",
                 "deployment", "buildup", "build-up", "alert", "drill", "exercise", "arm", "muster",
                 "patrol", "recruit"),
    "COERCE": ("arrest", "detain", "deport", "seize", "confiscate", "raid", "jail", "imprison",
               "censor", "crack", "evict", "demolish", "raze", "bulldoze",
               "destroy", "expropriate", "nationalize", "impose", "crackdown", "arrest",
               "detention", "deportation", "seizure", "curfew", "harass", "repress", "suppress",
               "disperse", "jam", "hack", "sentence", "execute", "hang", "extort", "coerce",
               "restrain", "force", "deface", "vandalise", "vandalize", "proscribe"),
    "ASSAULT": ("attack", "kill", "shoot", "bomb", "fight", "clash", "invade", "shell", "fire",
                "assassinate", "murder", "wound", "injure", "bombard", "ambush", "massacre", "beat",
                "stab", "explode", "storm", "torture", "assault", "airstrike", "bombing", "shooting", "attack",
                "invasion", "battle", "combat", "behead", "rape", "maim", "torch",
                "burn", "loot", "slaughter", "gun", "missile", "rocket", "shelling", "hostilities",
                "war", "skirmish", "capture", "overrun", "besiege", "detonate", "lynch", "retake", "recapture",
                "kidnap", "abduct", "hijack", "kidnapping", "abduction", "hijacking", "blockade", "occupy",
                "occupation", "retaliate", "retaliation", "slay", "gun", "execute"),
}

LEXICON: dict[str, str] = {}
for _type, _words in _LEXICON.items():
    for _word in _words:
        LEXICON.setdefault(_word, _type)

# Verbs whose meaning lies in their eventive object: "hold talks", "file a protest".
LIGHT_VERBS = frozenset({
    "hold", "stage", "launch", "file", "lodge", "make", "pay", "conduct", "carry", "issue", "have",
    "take", "give", "mount", "impose", "begin", "start", "open", "resume", "announce", "order",
    "call", "express", "voice", "sign", "reach", "strike", "level", "bring", "deliver", "extend",
    "receive", "organize", "organise", "join", "lead", "plan", "continue", "end", "establish",
    "declare", "complete", "conclude", "speed", "accelerate", "hasten", "intensify", "escalate",
    "step", "wage", "renew", "expand", "undertake", "perform",
})
_MATERIAL_AID = frozenset({"aid", "arms", "weapons", "food", "medicine", "supplies", "money", "funds", "relief", "equipment", "ammunition"})
_FORCES = frozenset({"troops", "forces", "soldiers", "warships", "ships", "police", "officers", "units", "jets", "reinforcements"})

_FORMAL = frozenset({"diplomatic", "formal", "official", "strong", "strongly", "written"})
_MILITARY_CONTEXT = frozenset({"air", "missile", "drone", "military", "rocket", "artillery", "pre-emptive"})
_STREETS = frozenset({"street", "streets", "road", "roads"})
_WAR_GAMES = "MOBILIZE"
_EXERCISES = frozenset({"game", "games", "exercise", "drill", "manoeuvre", "maneuver", "manoeuvres", "maneuvers"})
# What civilians block in a demonstration (PLOVER PROTEST, mode obstruct).
_INFRASTRUCTURE = frozenset({
    "road", "street", "bridge", "highway", "motorway", "traffic", "transport", "railway", "rail",
    "port", "access", "entrance", "border", "crossing", "junction", "square", "runway", "route",
})
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
_CONFLICTUAL = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})


def _noun_type(noun: Token) -> str | None:
    """The type of an eventive noun in context, or None when it is not in the lexicon; a noun
    outside it takes its eventive compound's type ("mediation effort", "war games")."""
    lemma = noun.lemma_.lower()
    if lemma == "force" and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "join":
        return "COOPERATE"  # "joined forces to build ...": working together, no troops
    if lemma == "protest" and any(c.lower_ in _FORMAL for c in noun.children):
        return "ACCUSE"
    if lemma == "strike" and any(c.lower_ in _MILITARY_CONTEXT for c in noun.children):
        return "ASSAULT"
    if lemma in _EXERCISES and any(c.dep_ == "compound" and c.lower_ == "war" for c in noun.children):
        return _WAR_GAMES
    found = LEXICON.get(lemma) or LEXICON.get(noun.lower_)
    if found is None:
        for child in noun.children:
            # the word right before the noun ("mediation effort", "war games"), not one further out
            # that modifies another compound ("a grand slam tennis event" is no criticism)
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i == noun.i - 1 and child.lemma_.lower() not in _OTHER_NOUN_SENSES:
                found = LEXICON.get(child.lemma_.lower()) or (_WAR_GAMES if child.lower_ == "war" else None)
                if found:
                    break
    return found


# Lexicon words whose sense as a noun before another is not the event: "a share sale", "fund managers".
_OTHER_NOUN_SENSES = frozenset({"sack", "mock", "share", "fund", "supply", "power", "back", "mass", "station", "phone", "gun",
                                "fire", "rule", "step", "turn"})
_MEASURE_NOUNS = frozenset({"day", "week", "month", "year", "round", "series", "wave", "spate", "string", "campaign", "number", "set"})
_ALERT = frozenset({"alert", "standby"})


def _counted_event(noun: Token) -> Token | None:
    """The eventive noun a measure counts: "10 days of war games", "a wave of strikes"."""
    if noun.lemma_.lower() not in _MEASURE_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for g in child.children:
                if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and _noun_type(g) is not None:
                    return g
    return None


def light_object(verb: Token) -> Token | None:
    """The eventive object that carries a light verb's meaning ("filed a protest", "launched
    10 days of war games"), or the state a verb puts forces in ("remained on alert"), if any."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "on":
            alert = next((g for g in child.children if g.dep_ == "pobj" and g.lower_ in _ALERT), None)
            if alert is not None:
                return alert
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            if _noun_type(child) is not None:
                return child
            counted = _counted_event(child)
            if counted is not None:
                return counted
    return None


# Context rules written from the CAMEO-to-PLOVER table (codes in the comments).
# What a market restriction limits (CAMEO 085 economic, not 081 administrative): "restrictions on
# foreign ownership", "the Islamic bank limit", "import quotas".
_MARKETS = frozenset({
    "ownership", "owner", "bank", "banking", "trade", "trading", "import", "imports", "export", "exports",
    "investment", "investor", "foreign", "capital", "currency", "market", "price", "stake", "shareholding",
})
# A truce declared, not agreed (CAMEO 0871 → RETREAT; "agreed to a ceasefire" stays AGREE).
_TRUCE_CALLED = frozenset({"call", "declare", "announce", "order"})
_TRUCES = frozenset({"truce", "ceasefire", "armistice"})
# Words that take a part of what follows "of": "many of the demands", "some of the restrictions".
_PARTITIVES = frozenset({"many", "some", "all", "most", "several", "much", "part", "none", "each", "one", "few", "both"})


def partitive_wholes(objects: list[Token]) -> set[str]:
    """The nouns a partitive object takes its part of ("met many of the government's demands":
    demands), as lemmas and forms."""
    out: set[str] = set()
    for obj in objects:
        if obj.lower_ not in _PARTITIVES:
            continue
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out |= {g.lemma_.lower() for g in c.children if g.dep_ == "pobj"}
                out |= {g.lower_ for g in c.children if g.dep_ == "pobj"}
    return out


_EASED = frozenset({"lift", "ease", "relax", "cancel", "scrap", "loosen", "remove", "end", "rescind", "revoke", "drop"})
_RESTRICTIONS = frozenset({"restriction", "curfew", "measure", "ban", "emergency", "law", "control", "rule", "limit", "censorship", "order"})
_ECONOMIC_PRESSURE = frozenset({"sanction", "sanctions", "embargo", "blockade", "siege", "boycott"})
_CALLED_OFF = frozenset({"cancel", "end", "suspend", "halt", "abandon", "stop", "drop"})
_OUTLAWED = frozenset({"ban", "outlaw", "proscribe"})
_BANNABLE = frozenset({
    "party", "organisation", "organization", "group", "candidate", "politician", "movement",
    "opposition", "union", "newspaper", "leader", "activist", "member",
})
_MONITORS = frozenset({"observer", "inspector", "monitor", "peacekeeper", "investigator", "mission"})
_RECEIVE = frozenset({"receive", "admit", "allow", "accept", "welcome", "let"})
_SENT = frozenset({"send", "dispatch", "despatch"})
_TIES = frozenset({"tie", "relation", "relationship"})
_TIED = frozenset({"establish", "restore", "resume", "normalise", "normalize", "upgrade", "forge", "open"})
_BOOST = frozenset({"strengthen", "boost", "bolster", "increase", "build", "train", "amass", "double", "beef"})
_ARMED = frozenset({
    "force", "troop", "soldier", "army", "police", "militia", "fighter", "hacker", "unit", "garrison",
    "presence", "reservist", "personnel", "commando", "warship", "navy",
})
_ENVOYS = frozenset({
    "ambassador", "envoy", "diplomat", "peacekeeper", "observer", "inspector", "monitor", "mission",
    "embassy", "consul", "staff", "aid", "agency", "worker",
})
_STANCES = frozenset({
    "policy", "plan", "decision", "remark", "comment", "statement", "proposal", "budget", "report",
    "stance", "position", "idea", "move", "approach", "record", "handling", "law", "bill", "reform",
})
# Bodies and office holders attacked in words where no harm is told ("attacked the party's leadership").
_CRITICISED = frozenset({
    "party", "campaign", "government", "council", "commission", "opposition", "leadership", "leader", "minister",
    "chancellor", "union", "board", "management", "regulator", "rival", "critic", "manager", "chairman",
})
_VISITORS = frozenset({"delegation", "envoy", "minister", "president", "leader", "ambassador", "visitor", "counterpart", "premier", "chancellor", "secretary", "king", "prince"})
_JOURNEY = frozenset({"return", "go", "travel", "fly", "arrive", "come", "head", "leave"})


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def _joint(verb: Token, anchor: Token) -> bool:
    """A joint act: "joint exercises", or actors coordinated ("French and Egyptian warships")."""
    if any(c.lower_ in ("joint", "combined") for c in anchor.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        any(g.dep_ == "conj" for g in s.children)
        or sum(1 for g in s.children if g.dep_ in ("amod", "compound") and any(h.dep_ == "conj" for h in g.children))
        for s in subjects
    )


# What a suit seeks from the party it is brought against ("sought damages against the firm").
_REDRESS = frozenset({"damages", "damage", "compensation", "sanction", "sanctions", "injunction", "costs"})
# The verbs that bring a suit when their object is legal action ("took legal action against").
_LEGAL_STEPS = frozenset({"take", "launch", "bring", "begin", "start", "file", "pursue", "initiate"})
# What is left when "leave" withdraws from a body: a post, a party, a club, a band ("left UKIP" too).
_BODIES_LEFT = frozenset({"club", "band", "group", "firm", "company", "union", "alliance", "team", "organisation", "organization"})
# Prepositions after "leave X" that make it something else: "left them with debts", "left it to the
# courts", "left him for dead", "left the firm in turmoil", "left the party behind".
_LEFT_WITH = frozenset({"with", "to", "for", "in", "behind", "on", "at", "without", "as"})


def _body_left(obj: Token) -> bool:
    lemma = obj.lemma_.lower()
    return obj.dep_ == "dobj" and (lemma in _POSTS or lemma in _BODIES_LEFT or obj.ent_type_ == "ORG" and obj.pos_ == "PROPN")


_POSTS = frozenset({"post", "job", "role", "show", "party", "government", "cabinet", "office", "position", "seat", "whip", "board", "presidency", "leadership", "coalition"})
# Bodies among the things left: quitting one is leaving it (RETREAT), quitting a post a resignation (CONCEDE).
_BODIES_QUIT = _BODIES_LEFT | {"party", "government", "cabinet", "coalition", "board"}


def _body_quit(obj: Token) -> bool:
    """"quit the party", "quit UKIP", "quit the band": a body, named or not; not "quit his show", "quit the post"."""
    return obj.dep_ == "dobj" and (obj.lemma_.lower() in _BODIES_QUIT or obj.ent_type_ == "ORG" and obj.pos_ == "PROPN")


# What a vote is cast for when it backs someone or something ("voted for the bill"), not for a
# change of rule that is the voters' own ("voted for a strike" is a protest, typed by its noun).
_VOTED_FOR = frozenset({"bill", "motion", "plan", "proposal", "law", "measure", "amendment", "candidate", "party", "deal",
                        "treaty", "budget", "reform", "legislation", "resolution"})


def context_type(verb: Token) -> str | None:
    """The type a verb takes from its object or preposition, where the table says so, else None."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    objects = _objects(verb)
    lemmas = {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}
    for obj in objects:  # "restrictions on the use of", "state of emergency", "martial law"
        for c in obj.children:
            if c.dep_ == "amod" and c.lower_ == "martial" or c.dep_ == "prep" and c.lower_ == "of" and any(
                g.lower_ in ("emergency", "siege") for g in c.children
            ):
                lemmas.add("emergency")
    lemmas |= partitive_wholes(objects)  # "met many of the demands": the demands met
    eventive = [_noun_type(o) for o in objects]
    if (lemma in _EASED or lemma == "call" and particle == "off") and objects:
        if lemmas & _ECONOMIC_PRESSURE:
            return "RETREAT"  # 085 ease economic sanctions, 0872 ease blockade
        if lemmas & _RESTRICTIONS and any(
            g.lemma_.lower() in _MARKETS or g.lower_ in _MARKETS for o in objects for g in o.subtree
        ):
            return "RETREAT"  # 085 ease economic sanctions: "relax restrictions on foreign ownership", "lifts bank limit"
        if lemmas & _RESTRICTIONS:
            return "CONCEDE"  # 081 ease administrative sanctions
    if lemma in _TRUCE_CALLED and not particle and lemmas & _TRUCES:
        return "RETREAT"  # 0871 declare truce, ceasefire: "called a truce in its battle with France"
    if (lemma in _CALLED_OFF or lemma == "call" and particle == "off") and objects:
        if "PROTEST" in eventive:
            return "CONCEDE"  # 082 ease political dissent
        if any(t in ("CONSULT", "COOPERATE", "AID") for t in eventive):
            return "SANCTION"  # 164-165 halt negotiations, mediation; 162 stop aid
    if lemma == "vote":
        preps = {c.lower_ for c in verb.children if c.dep_ == "prep"} | ({particle} if particle else set())
        if "against" in preps:
            return "REJECT"  # "voted against the bill"
        if "for" in preps and any(g.ent_type_ or g.lemma_.lower() in _VOTED_FOR for g in _pobjs(verb, ("for",))):
            return "SUPPORT"  # "voted for the motion", "for Mr Lind"
    if lemma == "plead":
        words = {
            g.lower_ for c in verb.children if c.dep_ in ("acomp", "oprd", "advmod", "neg", "dobj", "xcomp", "attr")
            for g in c.subtree
        }
        if words & {"innocent", "not", "n't"}:
            return "REJECT"  # "pleaded not guilty": the charge denied
        if "guilty" in words:
            return "CONCEDE"  # "pleaded guilty to fraud": wrongdoing admitted
    if lemma in ("impose", "declare", "introduce", "extend") and "emergency" in lemmas:
        return "COERCE"  # 1724 impose state of emergency or martial law
    if lemma in _OUTLAWED and any(o.lemma_.lower() in _BANNABLE or o.ent_type_ in ("ORG", "PERSON", "NORP") for o in objects):
        return "COERCE"  # 1722 ban political parties or politicians
    if lemma in _RECEIVE and lemmas & _MONITORS or lemma in _RECEIVE and any(
        g.lemma_.lower() in _MONITORS for o in objects for c in o.children if c.dep_ == "prep" for g in c.children
    ):
        return "RETREAT"  # 0861-0862 receive peacekeepers, inspectors
    if lemma in _SENT and lemmas & {"inspector", "investigator"}:
        return "ACCUSE"  # 090 investigate
    if lemma in _TIED and lemmas & _TIES:
        return "SUPPORT"  # 050 engage in diplomatic cooperation, 054 recognition
    if lemma == "sign" and any(t in ("AGREE",) for t in eventive):
        return "SUPPORT"  # 057 sign formal agreement
    if lemma in _BOOST and lemmas & _ARMED:
        return "MOBILIZE"  # 154 mobilize or increase armed forces
    if lemma in ("violate", "breach", "break") and lemmas & {"ceasefire", "truce", "armistice"}:
        return "ASSAULT"  # 196 violate ceasefire
    if lemma == "break" and lemmas & (PACTS | {"promise", "pledge", "law", "rule", "vow", "word"}):
        return "REJECT"  # "broke a promise", "breaking competition laws": a commitment not kept
    if lemma in ("withdraw", "pull", "recall") and lemmas & _ENVOYS:
        return "SANCTION"  # 166 expel or withdraw peacekeepers, inspectors; 161 recall ambassador
    if lemma == "expel" and objects and not lemmas & _ENVOYS and any(
        o.ent_type_ in ("PERSON", "NORP") or o.lemma_.lower() in _CAPTIVES for o in objects
    ):
        return "COERCE"  # 174 expel or deport individuals
    if lemma in ("force", "drive") and any(g.lemma_.lower() in ("home", "village", "land") for g in _pobjs(verb, ("from", "out"))):
        return "ASSAULT"  # 201 mass expulsion
    if lemma == "charge" and _pobjs(verb, ("with",)):
        return "COERCE"  # 173 charge with legal action
    if lemma == "attack" and objects and all(o.lemma_.lower() in _STANCES for o in objects):
        return "ACCUSE"  # 111 criticize: an attack on a policy or a remark
    if lemma == "attack" and objects and (
        all(o.lemma_.lower() in _CRITICISED for o in objects)
        or any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children)
    ) and not harm_told(verb.sent):
        return "ACCUSE"  # 111 criticize: "attacking the party he once led", "attacking the EC for backing down"
    if lemma in ("hit", "lash") and particle == "out":
        return "ACCUSE"
    if lemma == "look" and particle == "into" or lemma == "look" and _pobjs(verb, ("into",)):
        return "ACCUSE"  # 090 investigate
    if lemma == "grant" and lemmas & {"amnesty", "pardon", "autonomy", "right", "independence", "concession", "demand"}:
        return "CONCEDE"  # 083 accede to demands
    if lemma in ("meet", "accept") and lemmas & {"demand", "condition"}:
        return "CONCEDE"
    if lemma in ("back", "give") and particle in ("down", "in"):
        return "CONCEDE"
    if lemma in ("allow", "permit", "grant") and lemmas & {"access", "delivery", "aid", "passage", "entry"} and lemma != "grant":
        return "RETREAT"  # 0863 allow delivery of humanitarian aid
    if lemma in ("compensate",) or lemma == "pay" and lemmas & {"compensation", "reparation", "reparations"}:
        return "RETREAT"  # 0842 return property
    if lemma in ("hand", "turn") and particle == "over" and any(is_captive(o) for o in objects):
        return "RETREAT"  # 0841 return persons
    if lemma in ("deploy", "send", "dispatch") and lemmas & {"peacekeeper", "peacekeeping"}:
        return "AID"  # 074 provide peacekeeping
    if lemma in ("tighten", "step", "increase", "beef", "boost", "heighten") and "security" in lemmas:
        return "MOBILIZE"  # 153 increase police power
    if lemma == "call" and particle == "up" and lemmas & {"reservist", "reserve", "conscript"}:
        return "MOBILIZE"
    if lemma == "work" and (_pobjs(verb, ("with", "alongside")) or any(c.lower_ == "together" for c in verb.children)):
        return "COOPERATE"
    if lemma == "receive" and any(o.ent_type_ == "PERSON" or o.lemma_.lower() in _VISITORS for o in objects):
        return "CONSULT"  # 043 host a visit
    if lemma == "protest" and any(c.dep_ == "ccomp" for c in verb.children) or lemma == "protest" and verb.dep_ in ("parataxis", "ccomp") and not objects:
        return "ACCUSE"  # 114 complain officially: a protest that says what
    if lemma in ("push", "press", "lobby") and _pobjs(verb, ("for",)):
        return "REQUEST"
    if lemma == "stand" and (_pobjs(verb, ("against",)) or particle == "up" and _pobjs(verb, ("to",))):
        return "REJECT"  # "stood against the war", "stand up to the unions"
    if lemma == "brush" and particle == "aside" or lemma == "brush" and any(c.lower_ == "aside" for c in verb.children):
        return "REJECT"  # "brushed aside questions"
    if lemma in ("take", "haul", "drag") and any(g.lemma_.lower() in ("court", "tribunal") for g in _pobjs(verb, ("to", "before"))):
        return "ACCUSE"  # "took the pair to the European Court": legal action
    if lemma == "press" and "charge" in lemmas:
        return "ACCUSE"  # "planned to press charges": a complaint brought (CAMEO 115), no request
    if lemma in ("seek", "claim") and lemmas & _REDRESS and any(
        c.dep_ == "prep" and c.lower_ == "against" for c in [verb, *objects] for c in c.children
    ):
        return "ACCUSE"  # "to seek sanctions against the firm" in court, "claim damages against": a suit (CAMEO 115)
    if lemma == "take" and "case" in lemmas and _pobjs(verb, ("to", "before")):
        return "ACCUSE"  # "took their case to the House of Lords": a claim brought (CAMEO 115)
    if lemma in _LEGAL_STEPS and any(o.dep_ == "dobj" and o.lemma_.lower() == "action" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("legal", "court") for c in o.children
    ) for o in objects):
        return "ACCUSE"  # "took legal action against the government", "began court action": a suit brought by
        # someone (not "in case legal action was taken against the UK": no one named, maybe never)
    if lemma == "leave" and not particle and any(_body_left(o) for o in objects) and not any(
        c.dep_ in ("xcomp", "oprd", "ccomp", "acomp", "dative") or c.dep_ == "prep" and c.lower_ in _LEFT_WITH and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children
        ) for c in verb.children
    ):
        return "RETREAT"  # "left the club", "left UKIP": a body or a post left (not "left the party in turmoil")
    if lemma == "brand" and _pobjs(verb, ("as",)):
        return "ACCUSE"  # "branded the complaint as pathetic"
    if lemma == "quit" and any(_body_quit(o) for o in objects):
        return "RETREAT"  # "quit the UK Independence Party", "quit the club": a body left, as "left UKIP" (not a post)
    if lemma == "quit" and (not objects and verb.dep_ != "xcomp" or lemmas & _POSTS):
        return "CONCEDE"  # "quit his show", "the minister quit": a resignation
    if lemma == "insist" and _pobjs(verb, ("on", "upon")):
        return "REQUEST"
    if lemma in _JOURNEY and any(_noun_type(g) == "CONSULT" for g in _pobjs(verb, ("for",))):
        return "CONSULT"  # "return to Geneva for talks"
    return None


# Everyday senses of typed words, read off BBC News articles outside the blind sample: a firm
# that offers a product, a phone call, a game settled, costs cut, a court that rules. (Since events
# v23 a warning is no gift: "fans wrote in to offer a warning" is advice, no offer made.)
_GIFTS = frozenset({
    "aid", "help", "assistance", "support", "relief", "money", "fund", "funding", "loan", "credit",
    "grant", "food", "medicine", "supply", "supplies", "shelter", "asylum", "protection", "troop",
    "force", "weapon", "arm", "equipment", "ammunition", "training", "debt", "cash", "donation",
    "compensation", "amnesty", "pardon", "concession", "access", "talks", "ceasefire", "truce",
    "resignation", "deal", "assurance", "guarantee", "place", "job", "seat", "visa", "citizenship",
    "refuge", "sanctuary", "security", "post", "role", "mediation", "negotiation", "dialogue", "election",
    "vote", "reform", "autonomy", "independence", "right", "freedom", "immunity", "pledge", "promise",
    "plan", "proposal", "peace", "backing", "endorsement", "recognition", "permission", "approval",
    "contract", "order", "sanction", "ultimatum", "apology", "exemption", "relief",
})
# Lexicon words that as nouns name things, not events ("the station", "a gun", "the rule").
_THING_NOUNS = frozenset({"phone", "telephone", "station", "mass", "arm", "gun", "back", "turn", "rule", "free", "step"})
_SHARED = frozenset({"intelligence", "information", "data", "technology", "expertise", "resource", "knowledge", "evidence", "facility", "base", "power", "responsibility", "burden", "cost", "border"})
_EASED_THINGS = frozenset({"siege", "blockade", "pressure", "tension", "control", "rule", "grip", "crackdown", "sanction", "embargo", "restriction", "ban", "curfew", "suspension", "freeze", "state",
                            "quota", "tariff", "duty", "barrier", "moratorium", "closure", "veto", "boycott", "visa", "lockdown"})
_NEEDS_OBJECT = frozenset({"press", "block", "hang", "close", "shut", "seize", "capture", "free", "release", "cut"})
_SOUGHT = frozenset({
    "release", "extradition", "return", "withdrawal", "explanation", "clarification", "apology", "damages",
    "meeting", "inquiry", "investigation", "ban", "end", "change", "resignation", "removal", "reform", "review",
})
_DISPUTES = frozenset({"dispute", "case", "claim", "lawsuit", "difference", "row", "conflict", "matter", "suit", "score", "feud", "strike"})
_ECONOMY = frozenset({
    "cost", "price", "job", "rate", "edge", "spending", "tax", "budget", "emission", "deficit", "staff",
    "workforce", "interest", "fee", "output", "production", "forecast", "bill", "time", "waste", "figure",
})
_UNMET = frozenset({
    "interest", "target", "need", "expectation", "criterion", "standard", "cost", "deadline", "requirement",
    "projection", "rule", "goal", "obligation", "commitment", "forecast", "challenge",
})
# What a state or a body deploys when it mobilises: people, forces and their arms and craft.
_DEPLOYED = frozenset(
    """troop troops force forces soldier soldiers police officer officers unit units army navy marine marines
    militia guard guards reservist reservists peacekeeper peacekeepers personnel ship ships warship warships
    jet jets aircraft plane planes helicopter helicopters tank tanks missile missiles weapon weapons drone
    drones battery batteries cannon cannons artillery vehicle vehicles fleet squadron battalion brigade
    division regiment contingent team teams inspector inspectors monitor monitors observer observers
    agent agents staff""".split()
)
_ARMS = frozenset({"arm", "arms", "weapon", "troop", "territory", "city", "town", "position", "base"})
_VICTIMS = frozenset({
    "man", "woman", "men", "women", "child", "boy", "girl", "people", "person", "protester", "prisoner",
    "detainee", "civilian", "student", "journalist", "demonstrator", "suspect", "victim", "officer",
    "policeman", "wife", "husband", "teenager", "youth",
})


# what a visit is to, for it to be an event: a party, a place or people met
_VISITED = frozenset({
    "country", "city", "capital", "region", "town", "village", "camp", "area", "scene", "site", "hospital",
    "school", "border", "base", "troop", "family", "home", "headquarters", "office", "embassy", "prison",
    "zone", "front", "island", "province", "state", "nation", "ally",
}) | _VICTIMS | _VISITORS
_HOLDERS = frozenset({"champion", "champ", "titleholder", "holder", "winner"})
_MOTION_PREPS = frozenset({"across", "into", "past", "through", "to", "over", "ahead", "clear"})
_TITLES_HELD = frozenset({"title", "crown", "championship", "trophy", "belt", "record", "lead", "medal", "cup", "seat"})


def everyday_sense(trigger: Token) -> bool:
    """True where a typed word is used in its everyday, non-political sense (no event type)."""
    lemma = trigger.lemma_.lower()
    particle = next((c.lower_ for c in trigger.children if c.dep_ == "prt"), "")
    objects = undergoers(trigger)
    lemmas = {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}
    xcomp = any(c.dep_ == "xcomp" for c in trigger.children)
    money = any(o.ent_type_ == "MONEY" or o.like_num or o.lower_ in ("£", "$", "€") for o in objects)
    if any(sense(trigger, lemma, objects, lemmas, particle) for sense in (trade_sense, talk_sense, play_sense)):
        return True
    if verbal_clash(trigger):
        return True  # "the parties clashed over tax": a dispute, no one attacked
    doc = trigger.doc
    if (LEXICON.get(lemma) == "ASSAULT" or lemma in ("beat", "defeat", "thrash", "crush", "rout", "rally")) and SCORE.search(
        doc[trigger.i + 1:min(len(doc), trigger.i + (7 if lemma == "rally" else 5))].text
    ):
        return True  # "were beaten 11-9 by Wales", "rallied to a 53-37 win": a result, no one hurt or backed
    if trigger.pos_ in ("NOUN", "PROPN"):
        if media_conference(trigger):
            return True  # "a daily news conference": the press told, no one consulted
        if lemma == "strike" and any(c.dep_ == "poss" and c.ent_type_ == "PERSON" or c.lower_ in ("double", "late", "stunning", "fine", "first-half", "second-half") for c in trigger.children):
            return True  # "Fowler's double strike": a goal, no walkout
        if advisory_warning(trigger):
            return True
        if lemma == "signing":
            return True  # "a £15.8m signing from Parma": a player bought
        if lemma == "talk" and any(c.dep_ == "amod" and c.lower_ in _TALK_AS_WORDS for c in trigger.children):
            return True  # "their big talk was made to look embarrassing": boasting, no one consulted
        if lemma == "demand" and trigger.tag_ == "NN" and not any(c.dep_ in ("ccomp", "acl", "poss", "relcl") for c in trigger.children):
            return True  # "German domestic demand was sluggish": buyers' demand, no one demanding  # "as a warning to others", "a warning about a threat": advice, not a threat made
        if lemma == "call":
            return not any(c.dep_ == "prep" and c.lower_ == "for" for c in trigger.children)
        if lemma == "charge" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ("take", "assume"):
            return True  # "since the coach took charge": in command of, not accused
        if lemma == "clash" and any(c.dep_ == "compound" for c in trigger.children):
            return True  # "the Champions League clash with Barcelona": a match
        if lemma == "release":
            return not any(c.dep_ == "prep" and c.lower_ == "of" and any(is_captive(g) for g in c.children)
                           for c in trigger.children)  # "new releases" are products; "the release of hostages" is not
        return lemma in _THING_NOUNS
    if lemma == "step" and particle not in ("down", "aside", "back"):
        return True
    if lemma == "protest" and lemmas & {"innocence", "ignorance"}:
        return True  # "protested his innocence": a claim, no protest
    if lemma == "feed" and (particle == "up" or trigger.i + 1 < len(doc) and doc[trigger.i + 1].lower_ == "up"):
        return True  # "fed up with the noise": weary, no one fed
    if lemma == "oppose" and any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in trigger.children):
        return True  # "the singer as opposed to the song": a contrast, no one opposed
    if lemma == "share" and not lemmas & _SHARED:
        return True
    if lemma in ("lift", "ease", "relax", "loosen") and objects and not lemmas & (_RESTRICTIONS | _ECONOMIC_PRESSURE | _EASED_THINGS):
        return True
    if lemma in ("release", "free") and objects and not any(is_captive(o) for o in objects):
        return True
    if lemma in ("offer", "provide", "give", "grant", "supply") and not xcomp and objects and not money:
        return not lemmas & _GIFTS
    if lemma == "settle":
        return not (lemmas & _DISPUTES or not objects and any(c.dep_ == "prep" and c.lower_ in ("with", "out") for c in trigger.children))
    if lemma == "sign" and particle == "up" or lemma == "back" and particle in ("up", "off"):
        return True
    if lemma in ("deploy", "station") and objects and trigger.pos_ == "VERB" and not any(
        o.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or is_captive(o) or o.lemma_.lower() in _DEPLOYED or o.lower_ in _DEPLOYED
        for o in objects
    ):
        return True  # "deploy fibre across the country", "deploy the technology": a network built, no force sent
    if lemma == "close" and particle == "out":
        return True  # "closed out the set with an ace": finished, nothing shut
    if lemma in _NEEDS_OBJECT and not objects and not particle and not any(c.dep_ == "prep" and c.lower_ in ("for", "on", "against") for c in trigger.children):
        return True  # "began to press", "was out quickly to block", "could not hang in there"
    if lemma == "break" and not lemmas & (_TIES | {"link", "contact", "talks", "ceasefire", "truce", "siege", "blockade", "promise", "pledge", "agreement", "law", "rule", "ban"}):
        return True  # "broke the record", "broke clear"
    if lemma == "force" and xcomp and not any(c.dep_ in ("nsubj", "agent") for c in trigger.children):
        return True  # "was forced to withdraw" (by injury): a circumstance, not coercion
    if lemma == "commit" and objects and not lemmas & (_GIFTS | _ARMED):
        return True  # "commit fraud"
    if lemma == "seek" and objects and not lemmas & (_GIFTS | _SOUGHT):
        return True  # "seeks a first victory"
    if lemma == "recall" and objects and not lemmas & _ENVOYS:
        return True  # a player or a product recalled
    if lemma == "rule" and particle == "out" and any(o.dep_ == "nsubjpass" and o.ent_type_ == "PERSON" for o in objects):
        return True  # "was ruled out for the rest of the tournament" (injured)
    if lemma == "turn" and particle not in ("down", "away", "back"):
        return True
    if lemma == "rule" and particle != "out":
        return True
    if lemma == "cut" and lemmas & _ECONOMY:
        return True
    if lemma == "meet" and lemmas & _UNMET:
        return True
    if lemma == "surrender" and objects and not lemmas & _ARMS:
        return True
    if lemma == "return" and not objects:
        return True
    if lemma == "beat" and particle != "up" and not any(o.dep_ == "nsubjpass" for o in objects):
        return not lemmas & _VICTIMS
    if lemma in ("kill", "destroy") and particle == "off":
        return True
    preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
    if lemma in ("take", "assume") and "charge" in lemmas:
        return True  # "since the coach took charge": in command, not accused
    if lemma == "bar" and trigger.i == trigger.sent.start and trigger.dep_ != "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children
    ):
        return True  # "Bar a slight dip in May, shares rose steadily": "except", no one barred
    if lemma in _TRIPS and trigger.pos_ == "VERB" and not _somewhere_named(trigger):
        return True  # "will travel to key cities and marginal seats", "toured the region": a campaign's round, no one visited
    if lemma in ("ignore", "disregard") and objects and all(o.lemma_.lower() in _NOTICES for o in objects):
        return True  # "continue to ignore security warnings", "ignored research": information unheeded, no demand rejected
    if lemma == "visit" and objects and all(not o.ent_type_ and o.lemma_.lower() not in _VISITED for o in objects):
        return True  # "users visit search engines": a website, a shop, not a party or a place
    if lemma == "rally" and xcomp and not preps and not objects:
        return True  # "rallied to win the set": came back, no supporters gathered
    if lemma == "slam" and (particle == "down" or preps & {"onto", "into", "against", "on", "through", "down"}):
        return True  # "slammed his racket onto the court": a thing thrown, not a criticism
    if lemma == "shoot" and lemmas & FILMED:
        return True  # "shooting a film"
    if lemma == "defend" and (trigger.dep_ == "amod" or trigger.head.lemma_.lower() in _HOLDERS and trigger.head.i > trigger.i):
        return True  # "defending champion Paul Hale"
    if lemma == "storm" and not objects and any(c.dep_ == "prep" and c.lower_ in ("to", "into", "home") for c in trigger.children):
        return True  # "stormed to his first title"
    if lemma == "attack" and any(o.like_num or any(g.like_num for g in o.subtree) for o in objects):
        return True  # "attacked the last 200m": a stretch of a race
    if lemma == "ease" and not objects and any(c.dep_ == "prep" and c.lower_ in _MOTION_PREPS for c in trigger.children):
        return True  # "eased across the finish"
    if lemma == "agree" and not objects and not xcomp and "to" not in preps and (
            any(c.dep_ == "nsubj" and c.lower_ in ("i", "you") for c in trigger.children)
            or "with" in preps and not preps & {"on", "upon"} and any(
                c.dep_ == "prep" and c.lower_ == "with" and any(g.ent_type_ == "PERSON" for g in c.children)
                for c in trigger.children)):
        return True  # "I agree", "agreed with Mr Hale": sharing a view, not an agreement made
    if lemma == "defend" and lemmas & _TITLES_HELD:
        return True  # "defend her world title": a contest, not support
    if lemma == "battle" and any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in trigger.children):
        return True  # "had to battle back after a slow start": a comeback
    if lemma == "drill" and not any(c.dep_ == "nsubj" and c.lower_ in _FORCES for c in trigger.children):
        return True  # "firms drill for oil"; troops drilling is an exercise
    return False


# Journeys that are visits only where they reach a named place, body or person ("toured Africa",
# "travelled to Beijing for talks"); unnamed, a round of one's own ("toured the region", "travel
# to key cities") meets no one.
_TRIPS = frozenset({"tour", "travel"})
_NAMED = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
# Information one may ignore without rejecting anyone's demand.
_NOTICES = frozenset({"warning", "research", "evidence", "study", "finding", "data", "sign", "fact", "risk", "danger", "label"})


def _somewhere_named(trigger: Token) -> bool:
    """Whether a journey's object or destination holds a name ("toured Africa", "travel to Jakarta")."""
    reached = [c for c in trigger.children if c.dep_ in ("dobj", "npadvmod")]
    reached += [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(t.ent_type_ in _NAMED or t.pos_ == "PROPN" for r in reached for t in r.subtree)


# Talk as a manner of speaking, not talks held: "big talk", "tough talk", "small talk".
_TALK_AS_WORDS = frozenset({"big", "tough", "small", "idle", "loose", "trash", "brave", "fighting"})
_STRIDES = frozenset({"towards", "toward", "closer", "forward", "nearer", "up", "back", "to"})


def _stride(noun: Token) -> bool:
    """A light verb's object that is progress or applause ("took another step towards the title",
    "a step closer to", "taking a bow"), not a concession ("took the step of resigning")."""
    lemma = noun.lemma_.lower()
    if lemma == "bow":
        return True
    return lemma == "step" and any(
        c.lower_ in _STRIDES and c.dep_ in ("prep", "advmod") for c in [*noun.children, *noun.head.children]
    )


def event_type(trigger: Token) -> str:
    """The PLOVER type of the event ``trigger`` expresses (a verb or an eventive noun), or OTHER."""
    lemma = trigger.lemma_.lower()
    if everyday_sense(trigger):
        return OTHER
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _noun_type(trigger) or OTHER
    if lemma == "take" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in _STREETS for g in c.children)
        for c in trigger.children
    ):
        return "PROTEST"
    found = context_type(trigger)
    if found is not None:
        return found
    obj = light_object(trigger)
    if obj is not None and (obj.lemma_.lower() in LIGHT_THINGS or media_conference(obj) or advisory_warning(obj)):
        return OTHER  # "make tight turns", "hold a news conference"
    if obj is not None:
        if _stride(obj):
            return OTHER  # "took another step towards the title", "taking a bow": no concession
        found = _noun_type(obj) or OTHER
        if found == "MOBILIZE" and obj.lemma_.lower() in _EXERCISES | {"war"} and _joint(trigger, obj):
            return "COOPERATE"  # 062 cooperate militarily: joint exercises
        return found
    particle = next((c.lower_ for c in trigger.children if c.dep_ == "prt"), "")
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    if lemma == "block" and any(o.lemma_.lower() in _INFRASTRUCTURE for o in objects):
        return "PROTEST"
    if lemma == "blow" and particle == "up" or lemma == "set" and any(o.lower_ == "fire" for o in objects):
        return "COERCE"
    if lemma in ("release", "free", "return") and objects and not any(is_captive(o) for o in objects):
        return OTHER  # a product, a report, a statement: not a release of people
    if lemma in ("send", "ship", "deliver", "hand", "airlift"):
        if any(o.lower_ in _MATERIAL_AID or o.lemma_.lower() in _MATERIAL_AID for o in objects) or particle == "over" and not any(
            o.lemma_.lower() in _SHARED for o in objects
        ):  # "handed over aid"; not "handed over responsibility" (a task passed on)
            return "AID"
        if any(o.lower_ in _FORCES for o in objects):
            return "MOBILIZE"
    if lemma == "stop" and any(o.lower_ == "work" for o in objects):
        return "PROTEST"
    if lemma == "sit" and particle == "down":  # talks, but not a seat taken to do something else ("sit down and read")
        resting = any(c.dep_ == "conj" and c.pos_ == "VERB" for c in trigger.children)
        return OTHER if resting and not any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children) else "CONSULT"
    if lemma == "crack" and particle == "down":
        return "COERCE"
    if lemma in ("step", "pull", "back") and particle in ("down", "out", "back") and not (particle == "down" and objects):
        # "stepped down" concedes; "pulled down a player" brings someone to the ground
        return "RETREAT" if particle != "down" else "CONCEDE"
    if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in trigger.children) and not any(
        c.dep_ in ("advcl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children) for c in trigger.children
    ):  # (a clause the parse opens with "for": "called for the board to hold a meeting" is a request)
        return OTHER
    deals = [o for o in undergoers(trigger) if o.lemma_.lower() in PACTS]
    if lemma == "strike" and deals:
        return "AGREE"  # "the deal struck last week"
    if lemma == "strike":
        return "ASSAULT" if any(c.dep_ == "dobj" for c in trigger.children) else "PROTEST"
    if lemma == "fire":
        return "ASSAULT" if any(c.dep_ == "prep" and c.lower_ in ("on", "at") for c in trigger.children) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("missile", "rocket", "shot", "shell", "gun")
            for c in trigger.children
        ) else OTHER
    if conversation(trigger):
        return "CONSULT"  # "spoke with the transport minister"
    return LEXICON.get(lemma, OTHER)


def current_type(label: str) -> str:
    """A GSR/CAMEO-era label mapped to the current PLOVER type (``DEMAND`` → ``REQUEST``)."""
    label = label.upper()
    return LEGACY.get(label, label)


def stated_code(event_type: str, mode: str) -> str:
    """The PLOVER code of an event of ``event_type`` that someone states in ``mode``: PLOVER codes a
    stated intention to cooperate as AGREE (CAMEO 03 "express intent to"), an intended or conditional
    hostile act as THREATEN (CAMEO 13), a refused cooperation as REJECT (CAMEO 12) and a demand
    as REQUEST (CAMEO 10); other events keep their type."""
    if mode == "demanded" and event_type not in ("ACCUSE", "THREATEN", "PROTEST"):
        return "REQUEST"
    if mode in ("planned", "hoped", "hypothetical"):
        if event_type in _COOPERATIVE:
            return "AGREE"
        if event_type in _CONFLICTUAL:
            return "THREATEN"
    if mode == "denied" and event_type in _COOPERATIVE:
        return "REJECT"
    return event_type


def plover_code(event_type: str, mode: str) -> str:
    """The PLOVER code of an event of ``event_type`` presented in ``mode``, as ``stated_code`` reads it,
    but for a planned cooperation, which keeps its type: the events component types an intention
    someone states AGREE itself (events v28), so a planned event that kept a cooperative type is a
    schedule the writer tells ("the foreign secretary is to visit Jakarta this week": a visit, to
    come), not a pledge."""
    if mode == "planned" and event_type in _COOPERATIVE:
        return event_type
    return stated_code(event_type, mode)


def cooperative(event_type: str) -> bool:
    """Whether ``event_type`` is one of PLOVER's cooperative types (an intention to do it is AGREE)."""
    return event_type in _COOPERATIVE
