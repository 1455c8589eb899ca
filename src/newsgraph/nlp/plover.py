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
              "accord", "deal", "pact", "treaty", "pledge", "promise", "ratify", "settle",
              "settlement", "truce", "reconcile", "normalize", "normalise"),
    "CONSULT": ("meet", "visit", "talk", "talks", "discuss", "negotiate", "consult", "host",
                "confer", "meeting", "summit", "negotiation", "consultation", "discussion",
                "visit", "mediate", "mediation", "telephone", "phone", "tour", "travel", "dialogue",
                "convene", "gathering", "conference"),
    "SUPPORT": ("praise", "endorse", "support", "back", "welcome", "defend", "thank", "congratulate",
                "recognize", "recognise", "applaud", "hail", "commend", "laud", "approve", "support",
                "endorsement", "backing", "champion", "rally"),
    "COOPERATE": ("cooperate", "collaborate", "cooperation", "collaboration", "partner", "ally",
                  "alliance", "coordinate", "share", "partnership", "extradite", "cooperate"),
    "AID": ("aid", "help", "assist", "donate", "provide", "supply", "rescue", "assistance", "grant", "give",
            "donation", "relief", "shelter", "fund", "evacuate", "protect", "feed"),
    "CONCEDE": ("concede", "yield", "apologize", "apologise", "admit", "accede", "compromise",
                "relent", "resign", "acknowledge", "pardon", "amnesty", "apology", "concession",
                "resignation", "step"),
    "RETREAT": ("withdraw", "retreat", "release", "free", "return", "lift", "ease", "surrender",
                "disarm", "ceasefire", "pullout", "withdrawal", "demobilize", "demobilise",
                "repatriate", "reopen", "unblock"),
    "REQUEST": ("request", "ask", "demand", "urge", "appeal", "petition", "plead", "press",
                "call", "invite", "seek", "implore", "beg", "lobby", "demand", "appeal", "plea",
                "invitation", "call", "propose", "proposal", "suggest", "recommend"),
    "ACCUSE": ("accuse", "blame", "criticize", "criticise", "condemn", "denounce", "investigate",
               "probe", "charge", "sue", "allege", "complain", "slam", "fault", "convict", "indict",
               "chide", "rebuke", "decry", "deplore", "lambaste", "censure", "accusation",
               "criticism", "condemnation", "investigation", "inquiry", "lawsuit", "complaint",
               "allegation", "prosecute", "disapprove", "scold", "assail",
               "castigate", "berate", "reproach", "examine", "inspect"),
    "REJECT": ("reject", "refuse", "deny", "veto", "dismiss", "rebuff", "decline", "oppose",
               "defy", "resist", "spurn", "rule", "rejection", "refusal", "opposition", "snub",
               "turn", "ignore", "disregard", "renounce", "repudiate", "disagree", "stall"),
    "THREATEN": ("threaten", "warn", "threat", "warning", "ultimatum", "menace", "intimidate"),
    "PROTEST": ("protest", "demonstrate", "march", "riot", "picket", "strike", "demonstration",
                "rally", "sit-in", "boycott", "hunger", "walkout", "chant", "protester"),
    "SANCTION": ("sanction", "ban", "block", "embargo", "expel", "suspend", "restrict", "freeze",
                 "recall", "bar", "halt", "curb", "prohibit", "outlaw", "blacklist", "cut", "sever",
                 "break", "boycott", "tariff", "sanctions", "suspension", "restriction", "ban",
                 "downgrade", "revoke", "cancel", "close", "shut", "penalize",
                 "penalise", "fine", "bar"),
    "MOBILIZE": ("mobilize", "mobilise", "deploy", "mass", "station", "reinforce", "mobilization",
                 "deployment", "buildup", "build-up", "alert", "drill", "exercise", "arm", "muster",
                 "patrol"),
    "COERCE": ("arrest", "detain", "deport", "seize", "confiscate", "raid", "jail", "imprison",
               "censor", "crack", "kidnap", "abduct", "evict", "blockade", "demolish",
               "destroy", "hijack", "expropriate", "nationalize", "impose", "crackdown", "arrest",
               "detention", "deportation", "seizure", "curfew", "harass", "repress", "suppress",
               "disperse", "jam", "hack", "sentence", "execute", "hang", "extort", "coerce",
               "occupy", "restrain", "force"),
    "ASSAULT": ("attack", "kill", "shoot", "bomb", "fight", "clash", "invade", "shell", "fire",
                "assassinate", "murder", "wound", "injure", "bombard", "ambush", "massacre", "beat",
                "stab", "explode", "storm", "torture", "assault", "airstrike", "bombing", "shooting", "attack",
                "invasion", "battle", "combat", "behead", "rape", "maim", "torch",
                "burn", "loot", "slaughter", "gun", "missile", "rocket", "shelling", "hostilities",
                "war", "skirmish", "capture", "overrun", "besiege", "detonate", "lynch"),
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
    "declare",
})
_MATERIAL_AID = frozenset({"aid", "arms", "weapons", "food", "medicine", "supplies", "money", "funds", "relief", "equipment", "ammunition"})
_FORCES = frozenset({"troops", "forces", "soldiers", "warships", "ships", "police", "officers", "units", "jets", "reinforcements"})

_FORMAL = frozenset({"diplomatic", "formal", "official", "strong", "strongly", "written"})
_MILITARY_CONTEXT = frozenset({"air", "missile", "drone", "military", "rocket", "artillery", "pre-emptive"})
_STREETS = frozenset({"street", "streets", "road", "roads"})
_WAR_GAMES = "MOBILIZE"
# What civilians block in a demonstration (PLOVER PROTEST, mode obstruct).
_INFRASTRUCTURE = frozenset({
    "road", "street", "bridge", "highway", "motorway", "traffic", "transport", "railway", "rail",
    "port", "access", "entrance", "border", "crossing", "junction", "square", "runway", "route",
})
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
_CONFLICTUAL = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})


_CAPTIVES = frozenset({
    "prisoner", "hostage", "detainee", "captive", "activist", "journalist", "soldier", "civilian",
    "people", "person", "man", "woman", "child", "citizen", "national", "dissident", "member",
    "sailor", "crew", "fisherman", "refugee", "body", "remains", "property", "asset", "land", "territory",
})


def _captive(noun: Token) -> bool:
    """A person, a group of people or seized property, the things PLOVER's RETREAT releases."""
    return noun.ent_type_ in ("PERSON", "NORP") or noun.lemma_.lower() in _CAPTIVES or noun.pos_ == "PRON"


def _noun_type(noun: Token) -> str | None:
    """The type of an eventive noun in context, or None when it is not in the lexicon; a noun
    outside it takes its eventive compound's type ("mediation effort", "war games")."""
    lemma = noun.lemma_.lower()
    if lemma == "protest" and any(c.lower_ in _FORMAL for c in noun.children):
        return "ACCUSE"
    if lemma == "strike" and any(c.lower_ in _MILITARY_CONTEXT for c in noun.children):
        return "ASSAULT"
    found = LEXICON.get(lemma) or LEXICON.get(noun.lower_)
    if found is None:
        for child in noun.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                found = LEXICON.get(child.lemma_.lower()) or (_WAR_GAMES if child.lower_ == "war" else None)
                if found:
                    break
    return found


def light_object(verb: Token) -> Token | None:
    """The eventive object that carries a light verb's meaning ("filed a protest"), if any."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            if _noun_type(child) is not None:
                return child
    return None


def event_type(trigger: Token) -> str:
    """The PLOVER type of the event ``trigger`` expresses (a verb or an eventive noun), or OTHER."""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _noun_type(trigger) or OTHER
    if lemma == "take" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in _STREETS for g in c.children)
        for c in trigger.children
    ):
        return "PROTEST"
    obj = light_object(trigger)
    if obj is not None:
        return _noun_type(obj) or OTHER
    particle = next((c.lower_ for c in trigger.children if c.dep_ == "prt"), "")
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    if lemma == "block" and any(o.lemma_.lower() in _INFRASTRUCTURE for o in objects):
        return "PROTEST"
    if lemma == "blow" and particle == "up" or lemma == "set" and any(o.lower_ == "fire" for o in objects):
        return "COERCE"
    if lemma in ("release", "free", "return") and objects and not any(_captive(o) for o in objects):
        return OTHER  # a product, a report, a statement: not a release of people
    if lemma in ("send", "ship", "deliver", "hand", "airlift"):
        if any(o.lower_ in _MATERIAL_AID or o.lemma_.lower() in _MATERIAL_AID for o in objects) or particle == "over":
            return "AID"
        if any(o.lower_ in _FORCES for o in objects):
            return "MOBILIZE"
    if lemma == "stop" and any(o.lower_ == "work" for o in objects):
        return "PROTEST"
    if lemma == "sit" and particle == "down":
        return "CONSULT"
    if lemma == "crack" and particle == "down":
        return "COERCE"
    if lemma in ("step", "pull", "back") and particle in ("down", "out", "back"):
        return "RETREAT" if particle != "down" else "CONCEDE"
    if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in trigger.children):
        return OTHER
    if lemma == "strike":
        return "ASSAULT" if any(c.dep_ == "dobj" for c in trigger.children) else "PROTEST"
    if lemma == "fire":
        return "ASSAULT" if any(c.dep_ == "prep" and c.lower_ in ("on", "at") for c in trigger.children) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("missile", "rocket", "shot", "shell", "gun")
            for c in trigger.children
        ) else OTHER
    return LEXICON.get(lemma, OTHER)


def current_type(label: str) -> str:
    """A GSR/CAMEO-era label mapped to the current PLOVER type (``DEMAND`` → ``REQUEST``)."""
    label = label.upper()
    return LEGACY.get(label, label)


def plover_code(event_type: str, mode: str) -> str:
    """The PLOVER code of an event of ``event_type`` presented in ``mode``: PLOVER codes a stated
    intention to cooperate as AGREE (CAMEO 03 "express intent to"), an intended or conditional
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
