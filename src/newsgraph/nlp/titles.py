"""The title lexicon: generic words for offices and how a status or honorific is written.

Generic words only ("minister", "spokesman"), never the names of people who hold them.
"""

from __future__ import annotations

from typing import Any

from newsgraph.model import RoleStatus

# The head word of a title: the office itself.
HEADS = frozenset(
    """
    president presidents premier minister ministers secretary spokesman spokeswoman spokesperson
    governor emperor empress king queen prince princess chancellor mayor senator congressman
    congresswoman lawmaker legislator ambassador envoy director chairman chairwoman chair chairperson
    commissioner leader chief executive ceo cfo coo founder co-founder officer general admiral colonel
    commander captain lieutenant sergeant judge justice attorney prosecutor speaker pope cardinal
    bishop archbishop sheikh sultan emir ayatollah rabbi imam dean provost rector treasurer
    superintendent inspector coach manager administrator head boss analyst economist spokesmen
    representative rep deputy
    lawyer lawyers barrister solicitor professor lecturer scientist researcher engineer mp mep msp mla
    """.split()
)

# Words that stand before a head inside a title ("prime minister", "foreign minister").
MODIFIERS = frozenset(
    """
    prime deputy vice foreign finance defence defense interior home trade commerce treasury health
    justice education energy labour labor transport agriculture environment economy economic
    culture industry state first chief general executive managing press senior assistant associate
    district supreme crown grand lieutenant national regional provincial party army military police
    fire opposition majority minority co joint permanent special principal
    communications security intelligence public rear vice-
    head team lead financial operating technology technical medical legal scientific
    """.split()
)

HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam", "mx", "mx.", "prof", "prof.",
     "gen", "gen.", "gov", "gov.", "sen", "sen.", "rep.", "rev", "rev.", "lt", "col", "capt", "sgt"}
)

STATUS_WORDS: dict[str, RoleStatus] = {
    "former": RoleStatus.FORMER,
    "ex": RoleStatus.FORMER,
    "ex-": RoleStatus.FORMER,
    "then": RoleStatus.FORMER,
    "then-": RoleStatus.FORMER,
    "late": RoleStatus.FORMER,
    "outgoing": RoleStatus.CURRENT,
    "acting": RoleStatus.ACTING,
    "interim": RoleStatus.ACTING,
    "caretaker": RoleStatus.ACTING,
    "elected": RoleStatus.ELECTED,
    "incoming": RoleStatus.ELECTED,
    "newly-elected": RoleStatus.ELECTED,
    "current": RoleStatus.CURRENT,
    "incumbent": RoleStatus.CURRENT,
    "sitting": RoleStatus.CURRENT,
}

# "X, who heads the agency": verb lemma → title.
ROLE_VERBS: dict[str, str] = {
    "head": "head",
    "lead": "leader",
    "chair": "chair",
    "run": "head",
    "direct": "director",
    "govern": "governor",
    "command": "commander",
    "found": "founder",
    "co-found": "co-founder",
}

# Titles a person is called by with the given name alone ("Prince Charles", "Queen Rania").
ROYAL_TITLES = frozenset(
    "prince princess king queen emperor empress duke duchess pope sultan emir sheikh crown lord lady baroness baron".split()
)

PORTFOLIO_LINKS = frozenset({"of", "for"})
# Heads whose "for X" names a seat ("MP for Leeds Central"), never a portfolio.
SEAT_HEADS = frozenset({"mp", "mep", "msp", "mla"})
# Heads whose "of X" names a portfolio ("minister of foreign affairs"), not an organisation.
PORTFOLIO_HEADS = frozenset({"minister", "secretary", "commissioner", "ministers"})


def after_title(doc: Any, i: int) -> bool:
    """Whether token ``i`` of ``doc`` follows a title's head or an honorific directly ("President
    Clinton", "Mr Hull")."""
    return i > 0 and (is_head(doc[i - 1].lower_) or doc[i - 1].lower_ in HONORIFICS)


def is_head(word: str) -> bool:
    """Whether a lower-cased word is the head of a title."""
    return word in HEADS


def is_title_word(word: str) -> bool:
    """Whether a lower-cased word can be part of a title (head or modifier)."""
    return word in HEADS or word in MODIFIERS


def status_of(word: str) -> RoleStatus | None:
    """The status a lower-cased word states ("former" → FORMER), or None."""
    return STATUS_WORDS.get(word)
