"""Who can act in an event: a person, group, organisation or place (a mention of those types, a
name, a personal pronoun, a noun of ``AGENT_NOUNS`` or ending like an agent, or a thing owned by
a state or a body: "U.N. helicopters"), never a bare number nor a natural hazard."""

from spacy.tokens import Token

from newsgraph.nlp.frames import Frame
from newsgraph.nlp.phrases import MentionIndex

_AGENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_OWNERS = frozenset({"ORG", "GPE", "NORP"})
_NUMBER_TYPES = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL", "DATE", "TIME"})
_AGENT_PRONOUNS = frozenset("i we you he she they who us them him her me".split())
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
HAZARDS = frozenset(
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


def is_agent(token: Token, index: MentionIndex) -> bool:
    """Whether a participant can act: a person, group, organisation or place."""
    if token.lemma_.lower() in HAZARDS or token.lower_ in HAZARDS:
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


def what_it_counts(token: Token) -> Token | None:
    """What a number counts ("thousands of workers" → "workers"), if it says."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def actor_tokens(frame: Frame, index: MentionIndex) -> list[Token]:
    """The frame's actors without bare numbers; a number counting people stays ("thousands of workers")."""
    out = []
    for token in frame.actors:
        counted = what_it_counts(token) if is_number(token) else None
        if not is_number(token) or (counted is not None and is_agent(counted, index)):
            out.append(token)
    return out
