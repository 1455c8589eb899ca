"""One-word "people" that the article itself shows are not people, retyped as a whole.

A news article introduces a person by a full name; a one-word PERSON that is never part of a longer
person name in the article (no first-name evidence), never follows a person's title or honorific,
is never followed in its sentence by a personal pronoun and is never the subject of a say-verb is
suspect. Its occurrences are read together, and any one of them can show what it is:

- no entity: a work's title ("her version of X", "X director Sir Richard Eyre", "X, a $7,000
  tale of discovery"), a name counted or determined like a common noun ("an Oscar", "no Bill
  goes through Parliament"), or a sentence's opening connective ("Meanwhile, ...");
- PRODUCT: a product noun follows it or its possessive ("the Firefox browser", "X's whisky");
- ORG: a band, team or organisation noun before it ("his band X", "Tunisian side X", "the aid
  agency X"), a band member after it ("former X singer"), its brackets after an organisation's
  name ("the Association of Payment Services (X)"), a company cue (``organisations.company_cue``: "shares in X", "the firm X", "X shares",
  "BT"), "market leader X", a list that "companies such as" begins, a job title and "at"/"of"/"with" before it, with or without a business noun between
  ("a research director at analyst Gartner"), a business noun after its possessive ("X's market
  share"), or a list whose other names are organisations ("Anheuser-Busch, Heineken and
  Scottish & Newcastle");
- GPE: a list whose other names are places, a constituency ("MP for X"), a place noun before
  "of" ("the edge of X"), or a gazetteer place that reads as one (after a locative preposition, or
  modifying a noun: "the official Kent house");
- LOC: a locative preposition before it ("a year at X") when the gazetteer does not know it;
- NORP: a nationality adjective or noun ("Swedish heptathlon gold medallist ...");
- FAC or GPE: in apposition to a building or a settlement ("the official country house, X",
  "X, a small mining town");
- no entity: an award, named before its contenders or its night ("X hopefuls", "X nominees",
  "X-winning"); ORG: a publication, named before one who writes for it ("X columnist"), or a
  school before its pupils ("a former X pupil");
- no entity: a work after its maker's name and "for" in a sentence on an award's contenders ("the
  shortlist includes Ana Roswell for X and Y"), after its maker's full name and possessive
  ("Anton Velisch's X"), or in a list of titles ("films include X's Edge, A and B"); ORG: a list
  a plural business noun names right before it ("record labels A and X", "brands A, B and X");
  no entity or ORG: a short form spelt out in brackets after it ("X (Total Abstract Rendering
  Architecture)"). A one-word name the model typed a place in such a list of companies, and
  unknown to the gazetteer, is an organisation as well (``listed_companies``).
- no entity: a song or a tune, sung, hummed, whistled or listened to ("fans sang X", "listen to A
  or X"), a name in a title that is a question ("for The Orchard, or Where Is X?"), a name in the
  items of a list of a disc's features or a work's parts ("the extras, which include a quiz and A
  chasing X"); NORP: a nationality word a copula gives someone ("whose father was X"), whatever
  pronoun follows it; FAC: a royal title and a name after "the" and a preposition of place ("in the
  Prince X": a pub, a hall, ``royal_named_places``). Lists are read twice, the second time with the
  names the first retyped.

A collective ("MPs", "officials") is never a person, even where the model made "Male MPs" a name,
and neither is a "name" without a letter (a score the model read as one) or a function word.

Generic words only: no list of names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsgraph.nlp.component import doc_text
from newsgraph.nlp.titles import HONORIFICS, ROYAL_TITLES

_PERSON_TITLES = HONORIFICS | ROYAL_TITLES | frozenset(
    """
    president premier minister chancellor senator governor mayor ambassador judge justice pope cardinal
    bishop archbishop general colonel captain coach congressman congresswoman spokesman spokeswoman
    secretary actor actress singer star striker midfielder defender goalkeeper player presenter
    """.split()
)
_PRONOUNS = frozenset("he she him his her himself herself".split())
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
_SAY = frozenset("say tell add argue insist explain claim admit deny believe think reply urge".split())
_PRODUCT_AFTER = frozenset(
    "browser software handset phone console player device app program operating whisky vodka rum brandy gin beer "
    "lager cider cola".split()
)
# a name modifying one of these is a work's title ("Iris director Sir Richard Eyre")
_CREATIVE = frozenset("director producer star actor actress screenwriter composer choreographer cast soundtrack".split())
# "a version of X", "X, a $7,000 tale of discovery": a work
_WORK_OF = frozenset("version production staging adaptation performance sequel remake revival".split())
_WORK_NOUNS = frozenset("film movie play musical ballet opera album song single track novel book tale documentary series "
                        "sitcom epic comedy drama thriller biopic exhibition".split())
# "his band X", "the group X", "Tunisian side X", "the aid agency X": a band, a team, an organisation
_GROUP_BEFORE = frozenset("band group side club team outfit agency charity organisation organization "
                          "campaign movement".split())
# "former X singer": a band
_BAND_AFTER = frozenset("singer singers guitarist drummer bassist frontman frontwoman vocalist keyboardist".split())
_BUSINESS_AFTER = frozenset(
    "market share shares profit profits sales revenue revenues customers users products product brand stores "
    "shareholders staff workers takeover".split()
)
_JOBS = frozenset(
    "director executive executives chief head analyst analysts manager officer founder boss chairman economist "
    "engineer engineers spokesman spokeswoman researcher researchers worker workers employee employees".split()
)
_BUSINESS_BEFORE = frozenset("analyst analysts consultancy research software internet technology drinks market".split())
_SECTOR = frozenset("market industry sector".split())
_LIST_WORDS = frozenset({",", "and", "or", "&"})
_PLACE_OF = frozenset("edge outskirts centre center heart streets suburbs north south east west outside".split())
_LOCATIVE = frozenset("in at near outside inside around across throughout towards toward".split())
_CONSTITUENCY = frozenset("mp mps msp am mla candidate".split())
# "X hopefuls", "X nominees", "the X ceremony": an award
_AWARD_AFTER = frozenset(
    "hopeful hopefuls nominee nominees nomination nominations contender contenders ceremony ceremonies statuette "
    "statuettes shortlist winner winners".split()
)
_AWARD_HYPHEN = frozenset("winning winner nominated nominee".split())
# "a former X pupil": a school or a university
_STUDENTS = frozenset("pupil pupils student students graduate graduates alumnus alumni schoolboy schoolboys "
                      "schoolgirl schoolgirls undergraduate undergraduates".split())
# a sentence's opening connective, capitalised there, is no name ("Meanwhile, ...")
_CONNECTIVES = frozenset("meanwhile however moreover furthermore nevertheless nonetheless elsewhere separately "
                         "instead likewise similarly additionally consequently therefore thus hence overall "
                         "finally initially earlier later still yet indeed".split())
# "X columnist": a publication
_PRESS_AFTER = frozenset("columnist columnists journalist journalists reporter reporters correspondent correspondents "
                         "editor editors critic critics".split())
# "the official country house, X": a building; "X, a small mining town": a settlement
_BUILDINGS = frozenset("house home residence estate palace castle manor mansion retreat stadium arena venue hotel "
                       "villa lodge cottage farm".split())
_SETTLEMENTS = frozenset("town village city hamlet suburb district province county region state".split())
# nations without a state of their own (not in the countries table), adjectives as the model tags NORP
_NATIONS = frozenset("english scottish welsh cornish catalan basque kurdish flemish walloon tibetan uighur uyghur "
                     "chechen tamil scots scotsman scotsmen welshman welshmen englishman englishmen".split())


def _occurrences(doc: Doc, text: str) -> list[Span]:
    out = []
    for m in re.finditer(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", doc_text(doc)):
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            out.append(span)
    return out


def _person_evidence(span: Span) -> bool:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in {t.rstrip(".") for t in _PERSON_TITLES}:
        return True
    sentence = span.sent
    root = span.root
    # a name modifying a noun after it ("Scotsman journalist Hamish MacDonell said he ...") leaves
    # the sentence's pronouns to that noun's person
    modifier = root.dep_ in {"compound", "amod", "nmod"} and root.head.i >= span.end
    for t in doc[span.end:sentence.end] if not modifier else ():
        if t.text in _QUOTE_MARKS:
            break  # a pronoun past the quotation's end is its speaker's ("'No X goes ...,' he said")
        if t.lower_ in _PRONOUNS:
            return True
    return root.dep_.startswith("nsubj") and root.head.lemma_.lower() in _SAY


def _neighbour_labels(span: Span, spans: list[Span]) -> list[str]:
    """The labels of the names listed with ``span`` ("A, B and C"): neighbours joined to it only by
    commas, "and", "or", "&"."""
    doc = span.doc
    labels = []
    before = [s for s in spans if s.end <= span.start]
    after = [s for s in spans if s.start >= span.end]
    if before:
        gap = doc[before[-1].end:span.start]
        if len(gap) and all(t.text in _LIST_WORDS for t in gap):
            labels.append(before[-1].label_)
    if after:
        gap = doc[span.end:after[0].start]
        if len(gap) and all(t.text in _LIST_WORDS for t in gap):
            labels.append(after[0].label_)
    return labels


def _work(span: Span) -> bool:
    """A work's title: "her version of X", "X director Sir Richard Eyre", "X, a $7,000 tale of ...",
    "his first novel, X", "a documentary called X"."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2):span.start]]
    if before and (before[-1] in _WORK_NOUNS or (len(before) == 2 and before[0] in _WORK_NOUNS
                                                  and before[1] in {",", "called", "titled", "entitled"})):
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ in {"of", "to"} and doc[span.start - 2].lower_ in _WORK_OF:
        return True
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in _CREATIVE and root.head.i == span.end:
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in {"a", "an", "the"}:
        for k in range(span.end + 2, min(span.end + 10, len(doc))):
            if doc[k].lower_ in _WORK_NOUNS:
                return True
            if doc[k].pos_ not in {"ADJ", "NOUN", "NUM", "SYM", "PUNCT", "ADV"} or doc[k].text == ",":
                return False
    return False


# "fans sang X", "he hummed X", "listen to X or Y": a song or a tune (a person is sung to, not sung)
_SING = frozenset("sing hum whistle".split())


def _sung(span: Span) -> bool:
    """A song or a tune: the object of sing, hum or whistle ("the crowd sang X"), or what one
    listens to ("to listen to A or X on hold"), itself or as a later name of a list."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "A or X": the list's first name carries the verb
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _SING:
        return True
    return (root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_.lower() == "listen")


_WH = frozenset("who whom whose what whatever where which why how when whoever".split())


def _question_title(span: Span) -> bool:
    """A name in a title that is a question ("won best newcomer for The Pelican, or Where Is X?",
    "Whatever Happened to X? opens tonight"): a capitalised wh-word inside a sentence, not after a
    quotation mark, a colon or a dash, a few words before the name and a question mark right after
    it. A question someone asks is quoted or opens its sentence."""
    doc = span.doc
    after = span.end
    while after < len(doc) and after - span.end < 2 and doc[after].is_title and doc[after].is_alpha:
        after += 1
    if after >= len(doc) or doc[after].text != "?":
        return False
    for k in range(span.start - 1, max(span.sent.start, span.start - 6) - 1, -1):
        t = doc[k]
        if t.lower_ in _WH and t.text[:1].isupper():
            prev = doc[k - 1] if k > span.sent.start else None
            return prev is not None and prev.text not in _QUOTE_MARKS | {":", "-", "—", "–", "(", ".", "!", "?"}
        if t.is_punct and t.text not in {"'", "’"}:
            return False
    return False


# plural nouns of a work's parts or a disc's contents: "the extras, which include A and B chasing X"
_FEATURES = frozenset("games extras features scenes episodes sketches levels clips".split())


def _in_listed_features(span: Span) -> bool:
    """A name inside the items of a list of works or a disc's features that "include" (including,
    such as) begins ("the games, which include a memory test and Pip chasing X", "her songs
    include A"): an item's title or a character in it, not a person the article reports on. Not a
    maker named by "by", "with", "from", "starring" or "featuring"."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in {"by", "with", "from", "starring", "featuring", "for"}:
        return False
    for k in range(span.start - 1, span.sent.start, -1):
        t = doc[k]
        if t.text in {";", ":", "(", ")"} or (t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBG", "VBN"}
                                              and not t.is_title and t.lower_ not in {"include", "includes", "included"}):
            return False
        if t.lower_ in {"include", "includes", "included", "including"} or (t.lower_ == "as" and doc[k - 1].lower_ == "such"):
            j = k - (2 if t.lower_ == "as" else 1)
            if j >= span.sent.start and doc[j].lower_ in {"which", "that", ","}:
                j -= 1
            while j >= span.sent.start and doc[j].text == ",":
                j -= 1
            return j >= span.sent.start and doc[j].lower_ in _WORKS | _FEATURES and doc[j].pos_ == "NOUN"
    return False


def _cue(span: Span, spans: list[Span], org_texts: set[str]) -> str | None:
    """What one occurrence shows the name is (NONE for a work or a thing, PRODUCT, ORG, GPE, LOC), or None."""
    from newsgraph.nlp.organisations import company_cue
    from newsgraph.nlp.places import gazetteer

    doc = span.doc
    if _work(span) or _sung(span) or _question_title(span) or _in_listed_features(span):
        return "NONE"  # "she hummed X", "Who Is X?", "extras that include A and B chasing X"
    if _nationality(span.text):
        return "NORP"
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (nxt.lower_ in _AWARD_AFTER or (
            nxt.text == "-" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in _AWARD_HYPHEN)):
        return "NONE"  # "X hopefuls", "X-winning"
    if nxt is not None and nxt.lower_ in _PRESS_AFTER:
        return "ORG"  # "X columnist"
    if nxt is not None and nxt.lower_ in _BAND_AFTER:
        return "ORG"  # "former X singer"
    if _acronym_of_org(span, spans):
        return "ORG"  # "the Association of Payment Services (X)"
    if nxt is not None and nxt.lower_ in _STUDENTS:
        return "ORG"  # "a former X pupil"
    if span.text.lower() in _CONNECTIVES and nxt is not None and nxt.text == ",":
        return "NONE"  # "Meanwhile, ..."
    placed = _apposed(span)
    if placed is not None:
        return placed
    if nxt is not None and nxt.text in {"'s", "’s"} and span.end + 1 < len(doc):
        nxt = doc[span.end + 1] if doc[span.end + 1].lower_ in _PRODUCT_AFTER else nxt  # "X's whisky"
    if nxt is not None and nxt.lower_ in _PRODUCT_AFTER:
        return "PRODUCT"
    if company_cue(span, org_texts):
        return "ORG"
    prev = [doc[i] for i in range(max(0, span.start - 3), span.start)]
    words = [t.lower_ for t in prev]
    if words and words[-1] in _GROUP_BEFORE:
        return "ORG"  # "his band X"
    if len(words) >= 2 and words[-1] in {"at", "of", "with"} and words[-2] in _JOBS:
        return "ORG"  # "chief executive of X"
    if len(words) >= 2 and words[-1] in {"leader", "leaders", "rival", "rivals", "giant"} and words[-2] in _SECTOR:
        return "ORG"  # "market leader X"
    if len(words) >= 3 and words[-1] in _BUSINESS_BEFORE and words[-2] in {"at", "of", "with"} and words[-3] in _JOBS:
        return "ORG"  # "a research director at analyst X"
    if nxt is not None and nxt.text in {"'s", "’s", "'"} and span.end + 2 < len(doc) + 1:
        ahead = {t.lower_ for t in doc[span.end + 1:span.end + 3]}
        if ahead & _BUSINESS_AFTER:
            return "ORG"  # "X's market share"
    spelt = _spelt_out(span)
    if spelt is not None:
        return spelt  # "X (Total Abstract Rendering Architecture)": a short form, no one's name
    if _award_title(span, spans) or _after_possessive_of_person(span, spans) or _listed_after_works(span):
        return "NONE"  # "Ana Roswell for X", "Anton Velisch's X", "her films include X's Edge"
    if _listed_after_companies(span):
        return "ORG"  # "snack food chains such as Dunkin' Donuts and X", "record labels A and X"
    listed = [label for label in _neighbour_labels(span, spans) if label != "PERSON"]
    if listed and len(set(listed)) == 1 and listed[0] in {"ORG", "GPE", "LOC", "PRODUCT"}:
        return listed[0]
    if len(words) >= 2 and words[-1] == "for" and words[-2] in _CONSTITUENCY:
        return "GPE"  # "Labour MP for X"
    if len(words) >= 2 and words[-1] == "of" and words[-2] in _PLACE_OF:
        return "GPE"  # "the edge of X"
    locative = bool(words) and words[-1] in _LOCATIVE and not (nxt is not None and nxt.text in {"'s", "’s"})
    if gazetteer().is_place(span.text):
        modifier = span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN"
        if locative or modifier:
            return "GPE"
    elif locative:
        return "LOC"
    return None


# plural nouns of businesses and bodies: "companies such as A and X" (also "rivals such as")
_COMPANIES = frozenset(
    "companies firms rivals brands chains retailers banks groups makers operators carriers airlines insurers lenders "
    "competitors browsers labels bands studios publishers distributors broadcasters manufacturers suppliers "
    "carmakers".split()
)
# those that name the list written right after them ("record labels A and X", "brands A, B and X"):
# not "rivals" or "competitors", said of people too ("his rivals A and X")
_COMPANIES_BEFORE = _COMPANIES - {"rivals", "competitors", "groups", "operators", "makers", "browsers"}


def _listed_after_companies(span: Span) -> bool:
    """Whether ``span`` is in a list of names that "companies such as" (including, like) begins, or
    that a plural business noun names right before it ("record labels A and X", "record companies
    A and X")."""
    doc = span.doc
    k = span.start - 1
    while k >= 0 and (doc[k].pos_ == "PROPN" or doc[k].text in _LIST_WORDS or doc[k].text in {"'", "’", "'s", "-"}):
        k -= 1
    if k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "such":
        k -= 2
    elif k >= 0 and doc[k].lower_ in {"including", "like"}:
        k -= 1
    elif k >= 0 and doc[k + 1].pos_ == "PROPN" and doc[k].lower_ in _COMPANIES_BEFORE and doc[k].pos_ == "NOUN":
        # "record labels A and X": the noun names the list; not "the companies X ran"
        return not any(doc[j].dep_ in {"nsubj", "nsubjpass"} and doc[j].head.i >= span.end for j in range(k + 1, span.end))
    else:
        return False
    return k >= 0 and doc[k].lower_ in _COMPANIES


# a sentence about an award's contenders: "Ana Roswell for X" names her work
_AWARD_WORDS = frozenset(
    "award awards prize prizes shortlist shortlists shortlisted nominated nominee nominees nomination nominations "
    "accolade accolades".split()
)
_TITLE_INNER = frozenset({"and", "of", "the", "for", "a", "an", "in", "on", "to", "&"})


def _award_title(span: Span, spans: list[Span]) -> bool:
    """A work's title after its maker's name and "for" in a sentence on an award's contenders ("the
    shortlist includes Ana Roswell for X, and Tom Kale for Y", "best actress went to A for X"): the
    title runs from "for" over capitalised words and the small words between them ("Bitter and
    Sweet") and ends at the list's comma, "and", "or" or the sentence's end."""
    doc = span.doc
    k = span.start - 1
    while k > span.sent.start and (doc[k].lower_ in _TITLE_INNER and doc[k].lower_ != "for" or doc[k].is_title):
        k -= 1
    if k < 1 or doc[k].lower_ != "for" or k + 1 < span.start and not doc[k + 1].is_title:
        return False
    if not any(s.label_ == "PERSON" and s.end == k and s.start != span.start for s in spans):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and not (after.text in _LIST_WORDS or after.is_punct or after.is_sent_end):
        return False  # "came on for X after an hour": a player's place
    return any(t.lower_ in _AWARD_WORDS and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-") for t in span.sent)


def _after_possessive_of_person(span: Span, spans: list[Span]) -> bool:
    """A work named after its maker's full name and possessive ("Anton Velisch's X", "conducted
    Vincenzo Bellini's X"): a person's name takes no other person's possessive before it."""
    doc = span.doc
    if span.start < 3 or doc[span.start - 1].text not in _POSSESSIVE:
        return False
    return any(s.label_ == "PERSON" and (s.end == span.start - 1 and len(s) >= 2  # the possessive outside the name
                                         or s.end == span.start and len(s) >= 3 and s[-1].text in _POSSESSIVE)
               for s in spans)


_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def _spelt_out(span: Span) -> str | None:
    """ORG or NONE for a name whose letters are the initials of the capitalised words in brackets
    right after it ("X (Total Abstract Rendering Architecture)", "X (National Union of Bus
    Operators)": a short form spelt out, no one's name; ORG when a word of the long name names a
    body), else None."""
    from newsgraph.nlp.organisations import ORG_HEADS

    doc = span.doc
    if len(span.text) < 3 or span.end + 2 >= len(doc) or doc[span.end].text != "(":
        return None
    close = next((k for k in range(span.end + 1, min(span.end + 12, len(doc))) if doc[k].text == ")"), None)
    if close is None:
        return None
    words = [t.text for t in doc[span.end + 1:close]]
    initials = "".join(w[0] for w in words if w[:1].isupper())
    if initials.lower() != span.text.lower() or not all(w[:1].isupper() or w.islower() and len(w) <= 3 for w in words):
        return None
    return "ORG" if ORG_HEADS.intersection(words) else "NONE"


# plural nouns of works: "her films include A, X's Edge and B" lists titles
_WORKS = frozenset("films movies plays musicals operas ballets albums songs singles novels books shows series "
                   "productions works titles hits credits".split())


def _listed_after_works(span: Span) -> bool:
    """Whether ``span`` is in a list of titles that "films such as" (include, including, like) begins
    ("whose films include X's List, A and B", "films such as A, About a Boy and X of the Dead"):
    the list runs back over capitalised words, the small words of titles, commas and "and"."""
    doc = span.doc
    k = span.start - 1
    while k > span.sent.start and (doc[k].is_title or doc[k].is_upper or doc[k].text in _LIST_WORDS
                                   or doc[k].text in {"'s", "’s", ":", "-"} or doc[k].lower_ in _TITLE_INNER):
        k -= 1
    if k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "such":
        k -= 2
    elif k >= 0 and doc[k].lower_ in {"include", "includes", "included", "including", "like"}:
        k -= 1
    else:
        return False
    return k >= 0 and doc[k].lower_ in _WORKS and doc[k].pos_ == "NOUN"  # not "he plays like X"


def _acronym_of_org(span: Span, spans: list[Span]) -> bool:
    """Whether ``span`` is written in brackets right after an organisation's name ("the Bay Area
    Laboratory Co-Operative (X)")."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    return any(s.label_ == "ORG" and s.end == span.start - 1 for s in spans)


def _nationality(text: str) -> bool:
    """A nationality adjective or noun ("Swedish", "Scotsman"), not a country's own name."""
    from newsgraph.nlp.countries import canonical_country, country_of_demonym

    return text.lower() in _NATIONS or (country_of_demonym(text) is not None and canonical_country(text) is None)


def _apposed(span: Span) -> str | None:
    """FAC or GPE for a name in apposition to a building or a settlement noun ("the official country
    house, X"; "X, a small mining town"), else None."""
    doc = span.doc
    nouns: list[str] = []
    if span.start >= 2 and doc[span.start - 1].text == ",":
        nouns.append(doc[span.start - 2].lower_)  # "the ... house, X"
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in {"a", "an", "the"}:
        for k in range(span.end + 2, min(span.end + 7, len(doc))):
            if doc[k].pos_ == "NOUN":
                nouns.append(doc[k].lower_)  # "X, a small mining town": the first noun's phrase
                if k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN":
                    nouns.append(doc[k + 1].lower_)
                break
            if doc[k].pos_ not in {"ADJ", "ADV", "DET"}:
                break
    for noun in nouns:
        if noun in _BUILDINGS:
            return "FAC"
        if noun in _SETTLEMENTS:
            return "GPE"
    return None


_RANK = ("NONE", "NORP", "PRODUCT", "ORG", "FAC", "GPE", "LOC")


def _counted(span: Span) -> bool:
    """ "an Oscar", "a Picasso", "no Bill", "the Bill": a name counted or determined like a common
    noun is a thing, not a person (a person's name takes no article)."""
    root = span.root
    return root.dep_ != "compound" and any(
        c.dep_ == "det" and c.lower_ in {"a", "an", "the", "no", "this", "that", "every", "each", "any"} for c in root.children)


def _collective(span: Span) -> bool:
    from newsgraph.nlp.organisations import is_collective

    return is_collective(span.doc[span.end - 1].text)


def retype_one_word_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with each suspect one-word PERSON (see the module) retyped where any of its
    occurrences shows what it is."""
    spans = royal_named_places(doc, spans)
    # "MPs", even where "Male MPs" was a "name"; a "name" without a letter ("86.9") or a function
    # word ("As part of its plan") is none either
    spans = [s for s in spans if not (s.label_ == "PERSON" and (
        _collective(s) or not any(c.isalpha() for c in s.text) or (len(s) == 1 and s[0].is_stop)))]
    # a second pass reads the lists again with the names the first retyped ("A Group and B and X":
    # B an organisation by its list, then X by B); where the first retyped nothing, it would read
    # the same spans the same way
    first = _retype_pass(doc, spans)
    return first if first is spans else _retype_pass(doc, first)


def _retype_pass(doc: Doc, spans: list[Span]) -> list[Span]:
    # first-name evidence: the name is a word of a longer person name the article writes ("Tessa Brannock")
    longer = {w for s in spans if s.label_ == "PERSON" and " " in s.text for w in s.text.split()}
    names = {s.text for s in spans if s.label_ == "PERSON" and " " not in s.text and s.text not in longer
             and s.text[:1].isupper()}
    if not names:
        return spans
    org_texts = {s.text for s in spans if s.label_ == "ORG"}
    retyped: dict[str, str] = {}
    for name in names:
        found = _occurrences(doc, name) or [s for s in spans if s.text == name]
        if _nationality(name) and any(_said_of_someone(s) for s in found):
            retyped[name] = "NORP"  # "whose father was Welsh ... her": the pronoun is the subject's
            continue
        if any(_person_evidence(s) for s in found):
            continue
        cues = {c for s in found if (c := "NONE" if _counted(s) else _cue(s, spans, org_texts)) is not None}
        if cues:
            retyped[name] = min(cues, key=_RANK.index)
    if not retyped:
        return spans
    return [Span(doc, s.start, s.end, label=retyped[s.text]) if s.label_ == "PERSON" and s.text in retyped else s
            for s in spans if not (s.label_ == "PERSON" and retyped.get(s.text) == "NONE")]


def _said_of_someone(span: Span) -> bool:
    """A nationality word a copula gives its subject ("her father was X", "they are X"), without a
    title before it: what someone is, not who."""
    doc = span.doc
    root = span.root
    titled = span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in {t.rstrip(".") for t in _PERSON_TITLES}
    return not titled and root.dep_ in {"acomp", "attr"} and root.head.lemma_.lower() == "be"


# where one is: "drinks in the Queen X", "met outside the Prince X"
_AT = _LOCATIVE | frozenset("into from by behind opposite beside".split())


def royal_named_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """A royal title and a name after "the" and a locative preposition, ending the phrase ("a fight
    in the Queen X", "they met at the King X."), name a pub, a hall, a hospital or a ship, not the
    royal: a royal's name takes no article ("Queen X", but "the Queen", "the Prince of Wales",
    "the late King X"). The title joins the name, a building (FAC)."""
    out = []
    taken = {i for s in spans for i in range(s.start, s.end)}
    for s in spans:
        k = s.start
        if (s.label_ == "PERSON" and len(s) == 1 and k >= 3 and doc[k - 1].lower_ in ROYAL_TITLES and doc[k - 1].is_title
                and k - 1 not in taken and doc[k - 2].lower_ == "the" and doc[k - 3].lower_ in _AT
                and not (s.end < len(doc) and (doc[s.end].pos_ in {"NOUN", "PROPN", "NUM"} or doc[s.end].text in _POSSESSIVE))):
            s = Span(doc, k - 1, s.end, label="FAC")
        out.append(s)
    return out


def listed_companies(doc: Doc, spans: list[Span]) -> list[Span]:
    """A one-word name the model typed a place, in a list of companies ("record companies A and X",
    "brands X, Y and Z", "labels such as A and X", ``_listed_after_companies``), is an organisation
    unless the gazetteer knows it as a place or a country."""
    from newsgraph.nlp.countries import canonical_country
    from newsgraph.nlp.places import gazetteer

    out = []
    for s in spans:
        if (s.label_ in {"GPE", "LOC"} and len(s) == 1 and s[0].is_alpha and s.text[:1].isupper()
                and _listed_after_companies(s) and canonical_country(s.text) is None and not gazetteer().knows(s.text)):
            s = Span(doc, s.start, s.end, label="ORG")
        out.append(s)
    return out


__all__ = ["listed_companies", "retype_one_word_people", "royal_named_places"]
