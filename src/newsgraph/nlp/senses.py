"""Everyday senses of typed words, read off BBC News articles outside the held-out sample
(tests/golden/events-bbc/dev.json and other random ones): a typed word used of things, trade,
money, talk or sport names no PLOVER event ("BA is to halt its flights", "economists warned",
"the referee dismissed Drogba"). ``plover.everyday_sense`` asks these after its own rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

CAPTIVES = frozenset({
    "prisoner", "hostage", "detainee", "captive", "activist", "journalist", "soldier", "civilian",
    "people", "person", "man", "woman", "child", "citizen", "national", "dissident", "member",
    "sailor", "crew", "fisherman", "refugee", "body", "remains", "property", "asset", "land", "territory",
})


_THING_PRONOUNS = frozenset({"it", "which", "that", "this", "what", "something", "anything", "everything", "nothing"})


def is_captive(noun: Token) -> bool:
    """A person, a group of people or seized property, the things PLOVER's RETREAT releases."""
    return noun.ent_type_ in ("PERSON", "NORP") or noun.lemma_.lower() in CAPTIVES or noun.pos_ == "PRON" and noun.lower_ not in _THING_PRONOUNS


def pobjs(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of ``verb``'s prepositions among ``preps``."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


FILMED = frozenset({"film", "movie", "scene", "video", "footage", "documentary", "episode", "advert", "photo",
                    "picture", "series", "programme", "show", "sequel", "pilot"})


# What a firm stops, shuts or suspends for its own trade: no sanction on anyone.
_TRADE = frozenset({
    "flight", "service", "route", "operation", "production", "output", "plant", "factory", "site", "store",
    "shop", "branch", "office", "line", "trading", "business", "sale", "dividend", "website", "site", "network",
    "programme", "lab", "laboratory", "centre", "center", "mine", "unit", "division", "brand", "product",
})
_HALTED = frozenset({"halt", "suspend", "shut", "close", "freeze", "cancel", "stop"})
# What money policy cuts, curbs or freezes: no sanction on anyone.
_PUBLIC_MONEY = frozenset({"risk", "chance", "number", "time", "subsidy", "spending", "price", "tax", "rate", "wage", "pay", "fare", "benefit", "pension", "budget", "borrowing", "deficit", "debt", "inflation", "cost", "fee"})
# Things a product supports, a machine executes, a show hosts: no party to an event.
_TECH = frozenset({
    "system", "software", "format", "device", "feature", "application", "app", "standard", "file", "technology",
    "version", "browser", "program", "programme", "code", "instruction", "command", "function", "game", "platform",
    "protocol", "operating", "hardware", "chip", "processor", "network", "product", "service", "language",
})
_SHOWS = frozenset({
    "show", "programme", "program", "ceremony", "event", "party", "concert", "festival", "awards", "award",
    "edition", "series", "quiz", "game", "match", "tournament", "championship", "final", "race", "olympics",
    "games", "cup", "exhibition", "fair", "launch", "dinner", "website", "site", "server", "podcast", "night",
    "speech", "lecture", "appearance", "promotion", "premiere", "screening", "performance", "signing",
})
_BINDING = frozenset({"should", "would", "will", "must", "shall", "'d", "'ll", "could", "to"})
_MEDIA_EVENTS = frozenset({"news", "press", "media", "video", "telephone", "phone", "web", "conference"})


_STATES = frozenset({"government", "state", "country", "ministry", "authority", "administration", "regime", "junta", "parliament", "army", "military"})


def _by_a_state(verb: Token) -> bool:
    """Whether a state or its government does it ("Russia halted flights to Georgia" is a sanction)."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "agent")]
        subjects += [g for c in subjects if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if subjects:
            return any(c.ent_type_ in ("GPE", "NORP") or c.lemma_.lower() in _STATES for c in subjects)
        if tok.dep_ not in ("xcomp", "conj") or tok.head == tok:
            break
        tok = tok.head
    return False


_FORECASTERS = frozenset({
    "economist", "analyst", "expert", "scientist", "researcher", "doctor", "forecaster", "study", "report",
    "survey", "academic", "observer", "commentator", "campaigner", "charity", "consultant", "adviser", "advisor",
})
_DOCUMENTS = frozenset({"statement", "letter", "petition", "book", "autograph", "copy", "form", "card", "shirt", "register", "guestbook"})
SCORE = re.compile(r"(?<![\d.,])\d{1,3} ?- ?\d{1,3}(?![\d.,%])")
_CUT_OFF = frozenset({
    "tie", "relation", "link", "aid", "supply", "funding", "fund", "contact", "assistance", "export", "import",
    "trade", "power", "water", "electricity", "gas", "oil", "communication", "access", "route", "road", "line",
    "lifeline", "support", "subsidy", "budget", "spending", "cost", "price", "tax", "rate", "job",
})
_PARTY_NOUNS = frozenset({
    "government", "country", "state", "company", "firm", "group", "party", "police", "army", "union", "agency",
    "ministry", "authority", "people", "official", "leader", "team", "partner", "organisation", "organization",
})


def _party(noun: Token) -> bool:
    """A person, an organisation, a place or a group that can be a partner."""
    return noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or noun.pos_ in ("PROPN", "PRON") or noun.lemma_.lower() in _PARTY_NOUNS


# Who is spoken to when the press is told, not a party consulted ("spoke to reporters").
_AUDIENCES = frozenset({
    "media", "press", "reporter", "journalist", "newspaper", "paper", "radio", "television", "tv", "audience",
    "crowd", "camera", "programme", "program", "conference", "station", "magazine", "website", "agency", "other",
})


def conversation(verb: Token) -> bool:
    """ "spoke with the transport minister", "spoke on the telephone to President Santos": speaking with
    a party (anyone with "with", someone named with "to"), not to the press or an audience."""
    if verb.lemma_.lower() != "speak":
        return False
    for prep in ("with", "to"):
        for g in pobjs(verb, (prep,)):
            if g.lemma_.lower() in _AUDIENCES or g.lower_ in _AUDIENCES:
                continue
            named = g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or g.pos_ == "PROPN" or any(
                c.dep_ == "appos" and c.pos_ == "PROPN" for c in g.children
            )
            if named or prep == "with" and _party(g) and g.lower_ not in _THING_PRONOUNS:
                return True
    return False


_WILL = frozenset({"will", "would", "'ll", "shall", "could", "must", "wo"})


def _advice(warn: Token) -> bool:
    """A warning that something may happen, not a threat: it says that (a clause) and no party
    in the clause (a person, a body, "it") will or would act ("police will no longer tolerate rallies")."""
    clauses = [c for c in warn.children if c.dep_ == "ccomp"]
    # "warned him in a document that the war could be illegal": a that-clause the parse hung on a noun
    clauses += [t for t in warn.subtree if t.dep_ == "acl" and t.head.head.head == warn
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)]
    if not clauses:
        return False
    # "warned the two were under scrutiny and it would act": a clause the parse hung on the verb
    clauses += [c for c in warn.children if c.dep_ == "conj" and any(g.dep_ == "nsubj" for g in c.children)]
    for clause in clauses:
        for tok in clause.subtree:
            if tok.dep_ == "nsubj" and (_party(tok) and tok.lower_ not in _THING_PRONOUNS or tok.lower_ == "it") and any(
                a.dep_ == "aux" and a.lower_ in _WILL for a in tok.head.children
            ) and tok.head.lemma_.lower() != "be":  # "warned the Lions will be fearsome": a forecast, no act
                return False
    return True


# What a party may threaten to do, when it warns of it: "warned of retaliation", "warned of strikes".
_THREATS = frozenset({
    "retaliation", "reprisal", "consequence", "action", "strike", "walkout", "sanction", "war", "attack", "violence",
    "response", "measure", "punishment", "force", "boycott", "protest", "veto", "legal", "lawsuit", "suit", "embargo",
    "expulsion", "arrest", "prosecution", "penalty", "fine", "crackdown", "step", "revenge",
})


def _danger_told(warn: Token) -> bool:
    """A warning of a danger ("warned of rising obesity levels", "of the potential for
    miscarriages of justice"), not of what the warner will do ("warned of retaliation")."""
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in warn.children):
        return False  # "warned that ...", "warned them to", "warned Iran": read by _advice and the type
    dangers = pobjs(warn, ("of", "about", "over", "against"))
    return bool(dangers) and not any(d.lemma_.lower() in _THREATS or d.lower_ in _THREATS for d in dangers)


LIGHT_THINGS = frozenset({"turn", "share"})


def advisory_warning(noun: Token) -> bool:
    """"as a warning to others", "a warning about icy roads": advice, not a threat made."""
    return noun.lemma_.lower() == "warning" and (
        noun.head.lower_ == "as" or any(c.dep_ == "prep" and c.lower_ == "about" for c in noun.children)
    )


def media_conference(noun: Token) -> bool:
    """A news or press conference: the press told, no one consulted."""
    return noun.lemma_.lower() == "conference" and any(
        c.dep_ in ("compound", "amod") and c.lower_ in _MEDIA_EVENTS for c in noun.children
    )


_STAKES = frozenset({"job", "life", "place", "survival", "future", "career", "spot", "contract", "title", "seat", "place", "breath"})
_SCORED = frozenset({"goal", "point", "try", "run", "wicket", "set", "game", "penalty", "corner", "lead", "basket", "ground"})
PACTS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "bargain", "compromise", "settlement", "truce", "ceasefire"})
_TRENDS = frozenset({"slide", "fall", "decline", "drop", "slump", "rise", "spread", "loss", "losses", "run", "streak", "rot", "trend"})
_LOANS = frozenset({"mortgage", "loan", "credit", "application", "overdraft", "claim"})


def _preps(children: list[Token]) -> set[str]:
    """The prepositions among ``children``."""
    return {c.lower_ for c in children if c.dep_ == "prep"}


def trade_sense(trigger: Token, lemma: str, objects: list[Token], lemmas: set[str], particle: str) -> bool:
    """Typed words used of things, trade and money: a firm's own services halted, subsidies cut, a
    chip that supports systems, instructions executed, prototypes demonstrated, fixtures cancelled."""
    children = list(trigger.children)
    clausal = any(c.dep_ in ("ccomp", "advcl") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in children)
    partners = [g for c in children if c.dep_ == "prep" and c.lower_ in ("with", "alongside") for g in c.children if g.dep_ == "pobj"]
    if lemma in _HALTED and not _by_a_state(trigger) and (
        not objects and particle in ("down", "") and trigger.pos_ == "VERB"
        or lemmas & _TRADE
    ):
        return True  # "the labs will shut down", "BA is to halt its flights", "suspend the Saudi services"
    if lemma in ("cut", "curb", "freeze", "slash", "trim", "raise", "subsidise", "subsidize") and lemmas & _PUBLIC_MONEY:
        return True  # "cut fuel subsidies", "prices have been subsidised"
    if lemma in ("support", "back", "host") and objects and all(
        o.lemma_.lower() in _TECH | _SHOWS and not o.ent_type_ for o in objects
    ):
        return True  # "would support multiple operating systems", "hosted the ceremony"
    if lemma == "execute" and objects and not any(is_captive(o) or o.ent_type_ in ("PERSON", "NORP", "ORG") for o in objects):
        return True  # "instructions executed", "executed the plan": carried out, no one put to death
    if lemma == "demonstrate" and (objects or clausal or any(c.dep_ == "ccomp" for c in children)):
        return True  # "prototypes will be demonstrated", "demonstrated that it works": shown, not a protest
    if lemma in ("halt", "stop", "arrest", "stem", "reverse") and lemmas & _TRENDS:
        return True  # "Asian banks halt the dollar's slide"
    if lemma in _HALTED and lemmas & (_SHOWS | {"fixture", "gig", "concert"}):
        return True  # "the fixtures have been cancelled": a match or a show called off
    if lemma in ("approve", "back") and lemmas & _LOANS:
        return True  # "fewer mortgages were approved"
    if lemma == "shoot" and not objects and _preps(children) & {"to", "up", "into"}:
        return True  # "who shot to fame"
    if lemma == "charge" and "for" in {c.lower_ for c in children if c.dep_ == "prep"} and not any(
        c.dep_ == "prep" and c.lower_ == "with" for c in children
    ):
        return True  # "charging students for tuition fees": billed, not accused
    if lemma == "deal" and trigger.pos_ == "VERB":
        return True  # "the matter had been dealt with", "the novel deals with": handled, no deal made
    if lemma == "work" and partners and not any(_party(g) for g in partners):
        return True  # "let other music players work with the site": things that work together
    if lemma == "cut" and objects and not lemmas & _CUT_OFF:
        return True  # "cuts nudity from the film", "cut jobs": no ties or aid cut off
    if lemma == "freeze" and trigger.pos_ == "NOUN" and any(
        g.lemma_.lower() in _PUBLIC_MONEY | {"duty"} for c in children if c.dep_ == "prep" for g in c.children
    ):
        return True  # "a freeze on fuel duty"
    if lemma == "shoot" and any(g.lemma_.lower() in FILMED for o in objects for g in o.subtree):
        return True  # "parts of the film to be shot in the museum"
    return False


# What one declines to tell: no refusal of anyone's demand ("declined to comment").
_UNSAID = frozenset({"name", "identify", "say", "comment", "confirm", "reveal", "disclose", "speculate", "elaborate",
                     "specify", "discuss"})
# What a side is backed to do when it is tipped, not supported ("backed New Zealand to win the series").
_WINNING = frozenset({"win", "beat", "triumph", "succeed", "retain", "regain", "lift", "claim", "reach", "top"})


def talk_sense(trigger: Token, lemma: str, objects: list[Token], lemmas: set[str], particle: str) -> bool:
    """Typed words used of views, advice and talk: "agreed that it was", experts who warn, a letter
    signed, talking about a topic, "declined to be named", one person discussing a topic."""
    children = list(trigger.children)
    views = [c for c in children if c.dep_ == "ccomp"]
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    preps_ = {c.lower_ for c in children if c.dep_ == "prep"}
    partners = [g for c in children if c.dep_ == "prep" and c.lower_ in ("with", "alongside") for g in c.children if g.dep_ == "pobj"]
    if lemma in ("recognise", "recognize") and views or lemma in ("agree", "accept") and any(
        c.lemma_ == "be" and not any(g.dep_ == "aux" and g.lower_ in _BINDING for g in c.children) for c in views
    ):
        return True  # "recognised Germany's policy was on track", "agreed that it was not typical": a view,
        # not a deal ("agreed that their countries should cooperate")
    if lemma in ("warn", "caution") and any(c.dep_ == "nsubj" and c.lemma_.lower() in _FORECASTERS for c in children):
        return True  # "leading economists have warned": a forecast, no threat made
    if lemma == "agree" and views and any(c.dep_ == "nsubj" and c.lemma_.lower() in _FORECASTERS for c in children):
        return True  # "legal experts agree that ...": a shared view, no deal made
    if lemma == "sign" and (
        lemmas & _DOCUMENTS or any(o.ent_type_ == "PERSON" for o in objects)
    ):
        return True  # "a statement signed by several members", "the club signed the striker"
    if lemma == "talk" and not objects and "about" in {c.lower_ for c in children if c.dep_ == "prep"} and not (
        {c.lower_ for c in children if c.dep_ == "prep"} & {"with", "to"}
    ):
        return True  # "he talked about how he fell in love": telling, no one consulted
    if lemma == "call" and "time" in lemmas:
        return True  # "called time on his career"
    if lemma == "talk" and any(c.lower_ in ("up", "down") and c.i == trigger.i + 1 for c in children):
        return True  # "officials were talking up the dollar"
    if lemma == "help" and not objects and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in children):
        return True  # "it helps that people are more aware"
    if lemma in ("decline", "refuse") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _UNSAID for c in children
    ):
        return True  # "an official, who declined to be named", "refused to say whether": anonymity or
        # no comment, no refusal of anyone
    if lemma == "blame" and objects and not any(c.dep_ in ("nsubj", "agent") for c in children) and not any(
        _party(t) for o in objects for t in (o, *o.conjuncts)
    ):
        return True  # "rising oil prices were blamed for the fall": a cause told, no one blamed
    following = trigger.doc[trigger.i + 1] if trigger.i + 1 < len(trigger.doc) else trigger
    if lemma == "question" and (following.lower_ in ("if", "whether") or any(
        c.dep_ in ("ccomp", "advcl") and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)
        for c in children
    )):
        return True  # "they questioned if it could deter innovation": wondering, no one accused
    if lemma == "sign" and not any(c.dep_ == "dobj" for c in children) and "to" in preps_ and not particle:
        return True  # "signed to a record label": a contract, no pact between parties
    if lemma == "talk" and objects and not lemmas & {"peace", "trade", "business", "terms"}:
        return True  # "talks a good game", "talk rubbish"
    if lemma in ("travel", "tour") and not objects and not _preps(children) & {"to", "for", "into", "through", "across"}:
        return True  # "they spend time travelling": no one visited
    if lemma == "recall" and not objects:
        return True  # "one of the best meetings we can recall": remembered
    if lemma in ("warn", "caution") and _danger_told(trigger):
        return True  # "warned of rising obesity levels": a danger pointed out, no threat of the warner's own
    if lemma in ("warn", "caution") and _advice(trigger):
        return True  # "warned Tony Blair that the war could be illegal": advice, no threat of the warner's own
    if lemma == "grant" and trigger.head.lower_ == "for":
        return True  # "taken for granted"
    if lemma in ("discuss", "talk") and not partners and "to" not in preps_ and len(subjects) == 1 and (
        subjects[0].ent_type_ == "PERSON" or subjects[0].lower_ in ("he", "she", "i")
    ) and not any(c.dep_ == "conj" for c in subjects[0].children):
        return True  # "Lee discussed the challenges facing black people": one person speaking of a topic
    if lemma == "beg" and any(g.lemma_.lower() == "question" for o in objects for g in o.subtree):
        return True  # "they beg a huge number of questions"
    return False


def play_sense(trigger: Token, lemma: str, objects: list[Token], lemmas: set[str], particle: str) -> bool:
    """Typed words used of sport and struggle: a player dismissed, a team that defends, forced home
    by injury, a team's tour, goals conceded, "fighting for her job"."""
    children = list(trigger.children)
    if lemma == "dismiss" and any(o.ent_type_ == "PERSON" for o in objects):
        return True  # "the referee dismissed Drogba": sent off or sacked, no claim rejected
    if lemma == "defend" and not objects and not any(c.dep_ == "prep" for c in children):
        return True  # "they defend very well": a team at play
    if lemma == "force" and any(o.dep_ == "nsubjpass" for o in objects) and not any(
        c.dep_ in ("agent", "xcomp") for c in children
    ):
        return True  # "was forced home early with a knee injury"
    if lemma == "tour" and not objects and trigger.pos_ == "VERB":
        return True  # "the singer hopes to tour in Japan", "a squad to tour": a performer's or a team's tour
    if lemma == "freeze" and particle == "out" or lemma == "crack" and particle != "down":
        return True  # "was frozen out by the coach", "Ronaldo cracked home"
    if lemma in ("fight", "battle", "struggle") and (
        any(c.dep_ == "xcomp" for c in children)
        or not objects and any(g.lemma_.lower() in _STAKES for g in pobjs(trigger, ("for",)))
    ):
        return True  # "battled to recover", "is fighting for her job": a struggle, no violence
    if lemma == "concede" and lemmas & _SCORED:
        return True  # "conceding goals"
    if lemma == "rule" and particle == "out" and lemmas & _SCORED:
        return True  # "a try that was ruled out by the referee": a score disallowed, no one rebuffed
    if lemma == "back" and any(c.dep_ in ("xcomp", "ccomp", "advcl") and c.lemma_.lower() in _WINNING for c in children):
        return True  # "backed New Zealand to win the series": a tip, no support given
    if lemma == "back" and trigger.i + 2 < len(trigger.doc) and trigger.doc[trigger.i + 1].lower_ == "to" and (
        trigger.doc[trigger.i + 2].lower_ == "back"
    ) or lemma == "back" and trigger.i >= 2 and trigger.doc[trigger.i - 1].lower_ == "to" and trigger.doc[trigger.i - 2].lower_ == "back":
        return True  # "back to back victories": one after another
    return False


# Verbs of a fixture: in a sports report, sides that meet, visit, face or host one another play
# a game ("Bolton meet Ipswich", "Everton visit Plymouth", "will travel to Old Trafford", "the team toured Fiji").
_ENCOUNTERS = frozenset({"meet", "meeting", "visit", "face", "host", "travel", "tour", "play", "entertain", "welcome"})
# Sides and contestants as a report names them when not by name.
_WINS = frozenset({"beat", "defeat", "thrash", "crush", "rout", "hammer", "overpower", "edge", "outplay"})
_RALLIED_TO = frozenset({"behind", "around", "round", "to", "for", "against", "outside", "in"})
# A national side as a sports report calls it ("headed to Wales to meet a country", "toured the country").
_NATIONS = frozenset({"country", "nation"})
_SIDES = frozenset({
    "side", "sides", "team", "teams", "holder", "holders", "leader", "leaders", "champion", "champions",
    "opponent", "opponents", "rival", "rivals", "club", "clubs", "winner", "winners", "seed", "player",
})


def at_play(trigger: Token, actors: list[Token], targets: list[Token], named: Callable[[Token], bool]) -> bool:
    """In a sports report, a typed word for the game itself: an encounter of sides (a game played,
    not a meeting held: someone who meets people of a club, an official or a body, "will meet some
    important people of the club", still consults them), a clash (a match) or a charge (a run,
    not one of misconduct), a side beaten (a game lost, not a beating unless "beaten up"), or a
    side that rallies with no one to rally behind ("rallied well at times": a comeback, no
    supporters gathered). ``named`` tells whether a token is part of a name the article's mentions
    hold ("Rovers")."""
    lemma = trigger.lemma_.lower()
    if lemma == "clash" or lemma == "charge" and trigger.pos_ == "NOUN" and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "against", "over", "for") for c in trigger.children
    ):
        return True  # "the Six Nations clash against Scotland": a match; "a powerful charge from the flanker": a run
    if lemma in _WINS:
        return not any(c.dep_ == "prt" and c.lower_ == "up" for c in trigger.children)  # "beaten on comeback": lost
    if lemma == "rally":
        return not any(_side(t, named) for t in targets) and not any(
            c.dep_ == "prep" and c.lower_ in _RALLIED_TO for c in trigger.children
        )
    if lemma not in _ENCOUNTERS:
        return False
    met = [t for t in targets if t.dep_ != "pobj" or t.head.lower_ in ("with", "against")]  # not "at the stadium"
    return all(_side(t, named) or t.lemma_.lower() in _SIDES or t.lower_ in _SIDES or t.lemma_.lower() in _NATIONS for t in [*actors, *met])


def _side(token: Token, named: Callable[[Token], bool]) -> bool:
    """A name or a pronoun: a side or a player."""
    return token.pos_ in ("PRON", "PROPN") or named(token)


# Sides that fight when they clash: forces, armed groups and crowds (singular lemmas).
_FIGHTERS = frozenset(
    """troop soldier force army navy police policeman militia militant rebel insurgent guerrilla fighter gunman
    protester demonstrator rioter marcher crowd mob gang hooligan fan supporter youth villager tribesman
    inmate prisoner guard settler""".split()
)
# Words of harm or arms that make a clash a fight ("clashes in which two died", "violent clashes").
_HARM = frozenset(
    """kill die dead death injure wound hurt casualty fatality arrest shoot stab bullet gunfire tear gas stone
    rock baton weapon gun knife violent violence bloody deadly armed fierce riot""".split()
)
_CLASH_SIDES = frozenset({"with", "between", "against", "among", "amongst"})


def harm_told(sentence: Span) -> bool:
    """Whether ``sentence`` tells of harm or arms ("killed", "bullets", "violent"): a fight, not words."""
    return any(t.lemma_.lower() in _HARM or t.lower_ in _HARM for t in sentence)


def verbal_clash(trigger: Token) -> bool:
    """A clash told as a dispute or a fixture, not a fight: sides are told and none is a force or
    a crowd, and no harm or arms are told in the sentence ("Labour and the Tories clashed over
    tax", "the former chief clashed with a campaigner", "Saturday's clash against Scotland"); "police
    clashed with protesters", "clashes in which two people died", bare "clashes broke out" stay fights."""
    if trigger.lemma_.lower() != "clash":
        return False
    if harm_told(trigger.sent):
        return False
    children = list(trigger.children)
    sides = [c for c in children if c.dep_ in ("nsubj", "poss", "compound", "dobj")]
    sides += [g for c in children if c.dep_ == "prep" and c.lower_ in _CLASH_SIDES for g in c.children if g.dep_ == "pobj"]
    topic = any(c.dep_ == "prep" and c.lower_ in ("over", "about", "on") for c in children)
    if trigger.pos_ == "VERB" and trigger.dep_ == "conj":
        sides += [c for c in trigger.head.children if c.dep_ == "nsubj"]
    if not sides and not topic:
        return False
    every = [t for s in sides for t in (s, *s.conjuncts)]
    return not any(t.lemma_.lower() in _FIGHTERS or t.lower_ in _FIGHTERS for t in every)


_RELATIVES = frozenset({"that", "which", "who", "whom"})


def undergoers(verb: Token) -> list[Token]:
    """What a verb is done to: its object or passive subject, a relative pronoun read as the noun
    it stands for ("instructions that can be executed"), and the noun a participle describes
    ("the service offered by Sun")."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            relative = c.lower_ in _RELATIVES and verb.dep_ == "relcl" and verb.head != verb
            out.append(verb.head if relative else c)
    if not out and verb.dep_ == "acl" and verb.tag_ == "VBN":
        out.append(verb.head)
    return out
