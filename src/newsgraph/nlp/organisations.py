"""Organisation names built on a place, kept whole; names that are not people, set right.

- "Central Bank of Nigeria", "Port of Rotterdam Authority", "Philippine Coast Guard",
  "Nigerian Navy": the model often splits these into a place and a fragment; the fragment and the
  place become one ORG (its place is linked later through the gazetteer, ``places.place_in_name``).
- Plural titles and collectives ("MPs", "Male MPs", "Officials") and a legislative "Bill" are never
  people; a one-word "person" written in capitals ("BT", "BAA") or with a company's words around
  it ("Yukos shares", "the firm Diageo"), or typed ORG elsewhere in the article, is an ORG.
- A name after a lower-case trade noun ("state miner Codelco", "oil major X") is the company, and
  the capitalised common word that opens the sentence before that noun ("State", "Budget") is no
  name (``described_companies``).

Generic words only: no list of organisations or people.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

# The last word of an organisation's name that goes before "of <place>".
ORG_HEADS = frozenset(
    """
    Bank Authority Port University College Ministry Council Court Commission Government Department
    Institute Museum Office Agency Board Embassy Parliament Assembly Chamber Federation Association
    Church Diocese Archdiocese Republic Kingdom Police Service Corporation Company Exchange Library
    Academy School Hospital Union League Party Front Movement Congress Senate Cabinet Mission
    """.split()
)
# Words that, written right after a place or organisation, continue its name.
ORG_SUFFIXES = frozenset(
    """
    Authority Authorities Council Police Airport Airways Airlines Railways Port Harbour Exchange Guard
    Navy Army Ministry Embassy Parliament University Commission Corporation Agency Board Bank
    """.split()
)
# First words of an organisation that a place or a demonym can stand before: "Philippine Coast Guard".
ORG_STARTS = frozenset(
    """
    Coast Navy Army Air Police Embassy Central Foreign Defence Defense Interior Finance Health Ministry
    Parliament Supreme Constitutional High Federal National Football Olympic Red Stock Border Customs
    Space Armed Royal Marine Marines Special Secret
    """.split()
)
# Last words that make a span an organisation whatever the model said ("Port of Antwerp Authority" as FAC).
ORG_FINALS = frozenset("Authority Authorities Council Police Commission Agency Board Ministry Corporation Guard Navy Army".split())
_COLLECTIVE = frozenset(
    """
    officials ministers lords peers councillors senators members leaders workers voters critics
    activists campaigners residents lawmakers officers agents staff
    """.split()
)
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,5}s$")
_PARTICIPLE = re.compile(r"^[a-z]+(?:ed|ing)$|^(?:based|born|led|run|made|owned|style|era|era|wide|bound|like)$")
_TITLE_WORDS = frozenset("chief president minister secretary director chairman spokesman general senator".split())
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "their"}
_COMPANY_AFTER = frozenset(
    """
    shares share stock stocks plc boss bosses chairman chief executives staff workers employees customers
    shareholders subscribers profits profit sales revenue investors takeover bid brand stores
    """.split()
)
_COMPANY_BEFORE = frozenset(
    """
    firm company group giant maker operator carrier rival retailer bank insurer broadcaster brewer airline
    oil telecoms conglomerate chain supermarket airport operator subsidiary unit owner publisher label studio
    exporter importer carmaker automaker manufacturer lender chipmaker shipper drugmaker startup distributor
    supplier
    """.split()
)


def _capitalised(token) -> bool:  # type: ignore[no-untyped-def]
    return token.is_alpha and token.text[:1].isupper()


def join_place_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Organisation names split around a place, made one ORG span; a nationality split in two, one NORP."""
    from newsgraph.nlp.countries import canonical_country, country_of_demonym

    covered = {i for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    for span in spans:
        start, end, label = span.start, span.end, span.label_
        if out and out[-1].end == start and out[-1].label_ in {"GPE", "NORP", "LOC"} and label in {"GPE", "NORP", "LOC"}:
            joined = doc[out[-1].start:end].text
            if country_of_demonym(joined) is not None and canonical_country(joined) is None:
                out[-1] = Span(doc, out[-1].start, end, label="NORP")  # "Sri" + "Lankan": one nationality
                continue
        if span.label_ in {"GPE", "LOC", "ORG"}:
            # "Central Bank of Nigeria" with "Central Bank" untagged
            if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in ORG_HEADS and start - 2 not in covered:
                k = start - 2
                while k > 0 and k - 1 not in covered and _capitalised(doc[k - 1]) and start - k < 5 and doc[k - 1].lower_ != "the":
                    k -= 1
                start, label = k, "ORG"
            # "Port of Rotterdam Authority", "Rotterdam Port Authority"
            while end < len(doc) and end not in covered and doc[end].text in ORG_SUFFIXES:
                end, label = end + 1, "ORG"
            if span.label_ == "ORG" and doc[end - 1].text in ORG_HEADS:
                start = _place_before(doc, start, covered)  # "New South Wales" of "New South Wales Rural Fire Service"
        if label in {"FAC", "GPE", "LOC"} and len(span) > 1 and doc[end - 1].text in ORG_FINALS:
            label = "ORG"
        if out and span.label_ == "ORG" and (doc[span.start].text in ORG_STARTS or doc[end - 1].text in ORG_HEADS):
            prev = out[-1]
            if (prev.label_ in {"GPE", "NORP"} and prev.end == span.start and len(prev) <= 3
                    and (doc[span.start].text in ORG_STARTS or prev.label_ == "GPE")):
                out[-1] = Span(doc, prev.start, end, label="ORG")  # "Philippine" + "Coast Guard", "New South Wales" + "Rural Fire Service"
                continue
        if out and out[-1].end > start:  # a left extension reached the previous span: keep the longer name
            prev = out.pop()
            start = min(start, prev.start)
        out.append(span if (start, end, label) == (span.start, span.end, span.label_) else Span(doc, start, end, label=label))
    return out


def _place_before(doc: Doc, start: int, covered: set[int]) -> int:
    """Where a place's name the model left untagged, written right before token ``start``, begins
    (three words at most, each capitalised); ``start`` when there is none."""
    from newsgraph.nlp.places import gazetteer

    for k in (3, 2, 1):
        i = start - k
        if (i >= 0 and not covered.intersection(range(i, start)) and all(_capitalised(t) for t in doc[i:start])
                and (i == 0 or doc[i - 1].lower_ in {"the", "of", "from", "by", "and"}) and gazetteer().is_place(doc[i:start].text)):
            return i
    return start


# Links between a body and its cause, written capitalised inside the name whatever stands before
# them: "League Against Cruel Sports", "Reporters Without Borders", "Mothers Against Drunk Driving".
_CAUSE_LINKS = frozenset({"Against", "Without", "Sans"})
# Lower-case links that do the same ("of" after a word naming a body, "for" after one naming a body
# or its members written capitalised inside a sentence): "Friends of the Earth", "Physicians for
# Human Rights", "Centre for Policy Studies".
_BODY_WORDS = frozenset(
    """
    Campaign Coalition Alliance League Society Foundation Fund Trust Friends Centre Center Council Committee
    Institute Association Federation Movement Network Action Forum Partnership Initiative Commission
    Office Bureau Agency Service
    """.split()
)
_MEMBERS = frozenset({"people", "women", "men", "children"})
_NAME_INNER = frozenset({"of", "in", "the", "for", "on", "against"})
_NAME_LONGEST = 7


def _cause_end(doc: Doc, i: int, places: set[int]) -> int:
    """Where the capitalised run that names a cause, starting at token ``i`` ("the Ethical Treatment
    of Animals", "Trafficking in Women"), ends; ``i`` when there is none. Lower-case joining words
    count only between capitalised ones, and not before a place (``places``: its tokens) or a date:
    "Federation of Phonographic Industry in Germany", "Documents of June"."""
    end, k = i, i
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    while k < len(doc) and k - i < _NAME_LONGEST:
        token = doc[k]
        if _capitalised(token) and not token.is_sent_start and token.ent_type_ not in ("DATE", "TIME"):
            k += 1
            end = k
        elif (token.lower_ in _NAME_INNER and end > i and k + 1 < len(doc) and _capitalised(doc[k + 1])
              and not (token.lower_ in ("in", "on") and k + 1 in places) and doc[k + 1].ent_type_ not in ("DATE", "TIME")):
            k += 1
        else:
            break
    return end


_PORTFOLIO_BODIES = frozenset("Ministry Department Office Secretariat Commission Directorate".split())


def whole_portfolios(doc: Doc, spans: list[Span]) -> list[Span]:
    """A ministry's name the model cut at "and" is whole: "the Ministry of Fisheries and Maritime
    Economy". The words after "and" (one to three, capitalised, in no other name) join the ORG
    whose name is a body of government "of" a portfolio."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    for span in spans:
        end = span.end
        if (span.label_ == "ORG" and len(span) >= 3 and span[0].text in _PORTFOLIO_BODIES and span[1].lower_ == "of"
                and end + 1 < len(doc) and doc[end].lower_ == "and"):
            j = end + 1
            while j < len(doc) and j - end <= 3 and j not in covered and doc[j].is_alpha and doc[j].is_title:
                j += 1
            if j > end + 1 and (j == len(doc) or not (doc[j].is_title and doc[j].is_alpha)):
                span = Span(doc, span.start, j, label="ORG")
        out.append(span)
    return out


# First words of institutions' names left in their own language ("Universidad Mayor de San Andrés",
# "Tribunal Supremo", "Banco de la Nación"), and the particles inside such names.
FOREIGN_BODIES = frozenset(
    """Universidad Universidade Université Universität Università Instituto Institut Istituto Banco Banque Tribunal
    Tribunale Ministerio Ministério Ministère Ministero Corte Cour Conseil Consejo Conselho Consiglio Academia Académie
    Escuela École Colegio Fundación Fundação Fondation Fondazione Stiftung Partido Parti Partito Partei Agencia
    Agência Agence Compañía Companhia Compagnie Sociedad Sociedade Société Società Comisión Comissão Commissione
    Confederación Confederação Confédération""".split()
)
_FOREIGN_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "do", "da", "dos", "das", "des", "du", "di", "della",
                                "delle", "dei", "der", "für", "y", "e", "et", "d'", "l'"})


def foreign_bodies(doc: Doc, spans: list[Span]) -> list[Span]:
    """An institution's name written in its own language is one ORG whatever the model made of it:
    "Universidad Mayor de San Andrés" (typed a place and a person with the title "mayor"), "Tribunal
    Supremo". The name runs from its first word over capitalised words and particles (seven words at
    most) and ends on a capitalised word; spans inside it give way."""
    from newsgraph.nlp.places import give_way, token_texts

    found: list[Span] = []
    for token in [doc[i] for i, w in enumerate(token_texts(doc)) if w in FOREIGN_BODIES]:
        if found and token.i < found[-1].end:
            continue
        j, last = token.i + 1, token.i
        while j < len(doc) and j - token.i < 7 and (_capitalised(doc[j]) or doc[j].lower_ in _FOREIGN_PARTICLES):
            if _capitalised(doc[j]):
                last = j
            j += 1
        if last > token.i:
            found.append(Span(doc, token.i, last + 1, label="ORG"))
    return give_way(spans, found) if found else spans


def advocacy_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names of campaigns, charities and bodies built as "<body> <link> <cause>" kept whole and
    typed ORG: the model splits them ("Friends of the Earth" → the place "Earth"), types them as a
    product ("Mothers Against Drunk Driving") or misses them ("Reporters Without Borders"). A
    capitalised link ("Against", "Without") follows a word naming a body or its members in the
    plural; "of" a word naming a body; "for" either, the plural written capitalised inside a
    sentence. A name holding a person ("Justice for Jane Doe") is left as it is, and so is a line
    in Title Case (``titlecase.title_case``)."""
    from newsgraph.nlp.titlecase import title_case

    out = list(spans)
    changed = False
    for token in doc:
        i = token.i
        if i == 0 or i + 1 >= len(doc):
            continue
        head = doc[i - 1]
        if not _capitalised(head) or head.lower_ in _DETERMINERS:
            continue
        members = head.lower_ in _MEMBERS or head.tag_ in ("NNS", "NNPS") and head.lower_.endswith("s") and not head.is_upper
        if not (
            token.text in _CAUSE_LINKS and (members or head.text in _BODY_WORDS)
            or token.text == "Sans" and head.text.endswith("s")  # "Médecins Sans Frontières": a French plural
            or token.text == "of" and head.text in _BODY_WORDS
            or token.text == "for" and (head.text in _BODY_WORDS or members and not head.is_sent_start)
        ):
            continue  # "Rebel Without a Cause", "Pirates of the Caribbean": a title, not a body
        if title_case(token.sent):
            continue  # "Protesters March Against War": a headline's capitals name nothing
        places = {k for sp in out if sp.label_ in ("GPE", "LOC") for k in range(sp.start, sp.end)}
        end = _cause_end(doc, i + 1, places)
        if end == i + 1:
            continue
        start = i - 1
        while start > 0 and i - start < 4 and _capitalised(doc[start - 1]) and doc[start - 1].lower_ not in _DETERMINERS \
                and not any(s.start <= start - 1 < s.end and s.label_ != "ORG" for s in out):
            start -= 1
        inside = [s for s in out if s.start < end and start < s.end]
        if (any(s.label_ == "PERSON" for s in inside) and token.text != "Sans") or any(
                s.label_ == "ORG" and s.start <= start and end <= s.end for s in inside):
            continue
        start = min([start, *(s.start for s in inside)])
        end = max([end, *(s.end for s in inside)])
        out = sorted([s for s in out if s not in inside] + [Span(doc, start, end, label="ORG")], key=lambda s: s.start)
        changed = True
    return out if changed else spans


def split_portfolios(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Belgian Transport Minister": an ORG the model made of a demonym and a portfolio, before a
    minister's title, is the demonym (NORP) or country (GPE) alone; made of the portfolio alone
    ("Commerce Minister"), it is none (a known institution, "Labour Minister", stays)."""
    from newsgraph.nlp.countries import canonical_country, country_of_demonym
    from newsgraph.nlp.institutions import canonical_institution
    from newsgraph.nlp.titles import PORTFOLIO_HEADS

    out: list[Span] = []
    for span in spans:
        first = doc[span.start]
        if span.label_ == "ORG" and span.start >= 2 and doc[span.start - 1].lower_ in {"of", "for"} and doc[span.start - 2].lower_ in PORTFOLIO_HEADS:
            continue  # "Minister of Digital Affairs": the portfolio is part of the title
        if (span.label_ == "ORG" and span.end < len(doc) and doc[span.end].lower_ in PORTFOLIO_HEADS
                and span[-1].text not in ORG_HEADS):
            if len(span) > 1 and country_of_demonym(first.text):
                out.append(Span(doc, span.start, span.start + 1, label="NORP"))
                continue
            if len(span) > 1 and canonical_country(first.text):
                out.append(Span(doc, span.start, span.start + 1, label="GPE"))
                continue
            place = _leading_region(doc, span)
            if place is not None:  # "Queensland Transport Minister": the region's own minister
                out.append(place)
                continue
            if len(span) > 1 and (first.is_upper or canonical_institution(first.text)) and first.is_alpha:
                out.append(Span(doc, span.start, span.start + 1, label="ORG"))  # "EU Trade Commissioner"
                continue
            if all(t.is_alpha and t.is_title and not t.is_upper for t in span) and not canonical_institution(span.text):
                continue  # "Commerce Minister X": the portfolio alone is part of the title, no body
        out.append(span)
    return out


def _leading_region(doc: Doc, span: Span) -> Span | None:
    """The region or city a portfolio's name opens with ("Queensland" of "Queensland Transport"), one
    or two words the gazetteer knows as a region below the country, a state or a city of 100,000."""
    from newsgraph.nlp.places import gazetteer

    gaz = gazetteer()
    for size in (2, 1):
        if len(span) > size:
            text = doc[span.start : span.start + size].text
            if gaz.subdivision(text) or gaz.region(text) or gaz.is_city(text, min_population=100_000):
                return Span(doc, span.start, span.start + size, label="GPE")
    return None


def institutions(doc: Doc, spans: list[Span]) -> list[Span]:
    """Well-known institutions' names (``institutions.py``), whole and typed ORG: a span the model
    cut ("Democrats" of "Liberal Democrats") grows to the known name; a known name the model missed
    ("the Commons") becomes a mention. A one-word form at a sentence start ("Labour costs rose") is
    left alone unless written in capitals or tagged a proper noun ("Tories attack ...", "Labour's
    ..."); before a title ("Commons Speaker") it is a mention of its own."""
    from newsgraph.nlp.institutions import BY_FIRST_WORD, FORMS
    from newsgraph.nlp.titles import is_head

    covered = {i for s in spans for i in range(s.start, s.end)}
    grown: list[Span] = []
    for span in spans:
        best = span
        for k in range(max(0, span.start - 2), span.start):
            if all(i not in covered or span.start <= i for i in range(k, span.start)) and doc[k:span.end].text in FORMS:
                best = Span(doc, k, span.end, label="ORG")
                break
        grown.append(best)
        covered.update(range(best.start, best.end))
    extra: list[Span] = []
    words = [t.text for t in doc]
    for i, word in enumerate(words):
        for form in BY_FIRST_WORD.get(word, ()):
            end = i + len(form)
            if tuple(words[i:end]) != form or any(k in covered for k in range(i, end)):
                continue
            if len(form) == 1 and doc[i].is_sent_start and not word.isupper() and doc[i].pos_ != "PROPN":
                continue  # "Labour costs rose" (the tagger reads a noun), not "Tories attack ..." or "Labour's ..."
            if end < len(doc) and words[end][:1].isupper() and doc[end].is_alpha and not is_head(doc[end].lower_):
                continue  # part of a longer name ("Labour Friends of Israel"), not a title ("Commons Speaker")
            extra.append(Span(doc, i, end, label="ORG"))
            covered.update(range(i, end))
            break
    return sorted(grown + extra, key=lambda s: s.start) if extra or grown != spans else spans


def is_collective(word: str) -> bool:
    """Whether ``word`` names a group of people, never one: "MPs", "MEPs", "officials"."""
    return bool(_PLURAL_ACRONYM.match(word)) or word.lower() in _COLLECTIVE


def _not_a_person(span: Span) -> bool:
    doc = span.doc
    last = doc[span.end - 1]
    if _PLURAL_ACRONYM.match(last.text) or last.lower_ in _COLLECTIVE:
        return True  # "MPs", "Male MPs", "Officials"
    if "-" in span.text and _PARTICIPLE.match(span.text.rsplit("-", 1)[-1]):
        return True  # "Oscar-nominated", "London-based": a name made an adjective
    if len(span) == 1 and last.lower_ in _TITLE_WORDS:
        return True  # "Chief executive Peter X": a title word at a sentence start
    before = doc[span.start - 1] if span.start > 0 else None
    return len(span) == 1 and before is not None and before.lower_ in _DETERMINERS and before.pos_ in {"DET", "PRON"}


def company_cue(span: Span, org_texts: set[str]) -> bool:
    """Whether ``span`` reads as a company here: typed ORG elsewhere in the article, written in
    capitals, or with a company's words around it ("shares in X", "the firm X", "X shares")."""
    doc = span.doc
    if span.text in org_texts:
        return True
    if len(span) != 1:
        return False
    token = doc[span.start]
    if token.text.isupper() and 2 <= len(token.text) <= 5 and token.is_alpha:
        return True  # "BT", "BAA": a person's name is not written in capitals in running text
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if span.start > 1 and before in {"in", "of"} and doc[span.start - 2].lower_ in {"shares", "stake", "stakes", "share"}:
        return True  # "shares in Yukos"
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in {"'s", "’s"} and span.end + 1 < len(doc):
        after = doc[span.end + 1].lower_
    if before == "from" and span.start >= 3 and doc[span.start - 2].text == "," and doc[span.start - 3].ent_type_ == "PERSON":
        return True  # "Steve Ash, from Activcard, said"
    return after in _COMPANY_AFTER or before in _COMPANY_BEFORE


def _collective_owner(span: Span) -> Span | None:
    """ "Labour MPs" → "Labour": the institution or nationality written before a collective."""
    from newsgraph.nlp.countries import country_of_demonym
    from newsgraph.nlp.institutions import canonical_institution

    if len(span) < 2:
        return None
    head = span.doc[span.start : span.end - 1]
    if canonical_institution(head.text):
        return Span(span.doc, head.start, head.end, label="ORG")
    if country_of_demonym(head.text):
        return Span(span.doc, head.start, head.end, label="NORP")
    return None


# Titles that a company gives (a person's name before one is the employer only when it is a company's).
_STAFF_TITLES = frozenset("chief executive ceo cfo coo chairman chairwoman director scientist founder engineer "
                          "officer spokesman spokeswoman spokesperson analyst economist".split())


def _names_an_employer(span: Span, spans: list[Span]) -> bool:
    """ "Tokai Biolabs chief scientist Haruka Mori": a multi-word "person" written right before a
    lower-case company title and then a person's name is the employer, unless the article names
    that person again by one of its words."""
    from newsgraph.nlp.titles import is_head, is_title_word

    doc = span.doc
    j = span.end
    while j < len(doc) and j - span.end < 4 and doc[j].is_lower and is_title_word(doc[j].lower_):
        j += 1
    if j == span.end or not is_head(doc[j - 1].lower_) or doc[j - 1].lower_ not in _STAFF_TITLES:
        return False
    if not any(s.start == j and s.label_ == "PERSON" for s in spans):
        return False
    words = {t.text for t in span}
    return not any(s is not span and s.label_ == "PERSON" and s.start != j and words & {t.text for t in s} for s in spans)


# "film-maker", "policy-maker": people, where "car-maker", "chip-maker" are companies.
_PEOPLE_MAKERS = frozenset({"film", "policy", "law", "peace", "decision", "play", "king", "trouble", "match", "dress",
                            "rain", "movie", "documentary"})


def _person_maker(doc: Doc, i: int) -> bool:
    """Whether token ``i``, "maker", closes a hyphenated word for a person ("film-maker")."""
    return doc[i].lower_ == "maker" and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _PEOPLE_MAKERS


def fix_people(doc: Doc, spans: list[Span], person_forms: set[str]) -> list[Span]:
    """PERSON spans that are not people: collectives and a "Bill" dropped; companies made ORG."""
    org_texts = {s.text for s in spans if s.label_ == "ORG"}
    out: list[Span] = []
    for span in spans:
        if span.label_ in {"PERSON", "ORG", "NORP"} and len(span) > 1 and _not_a_person(span):
            owner = _collective_owner(span)  # "Labour MPs", "Male MPs"
            if owner is not None:
                out.append(owner)
            if span.label_ == "PERSON" or owner is not None:
                continue
        if span.label_ == "GPE" and len(span) == 1 and company_cue(span, org_texts):
            from newsgraph.nlp.places import gazetteer

            if not gazetteer().is_place(span.text):
                out.append(Span(doc, span.start, span.end, label="ORG"))
                continue
        if span.label_ == "PERSON" and len(span) > 1 and _names_an_employer(span, spans):
            out.append(Span(doc, span.start, span.end, label="ORG"))  # "Tokai Biolabs chief scientist Haruka Mori"
            continue
        if (span.label_ == "PERSON" and len(span) > 1 and span.start > 0
                and doc[span.start - 1].lower_ in _COMPANY_BEFORE - {"rival", "owner", "unit"}
                and not _person_maker(doc, span.start - 1)):
            out.append(Span(doc, span.start, span.end, label="ORG"))  # "ferry operator Nordlys Linjer"
            continue
        if span.label_ == "PERSON" and span.text not in person_forms:
            if doc[span.end - 1].text == "Bill" and len(span) > 1:
                out.append(Span(doc, span.start, span.end, label="LAW"))  # "Housing Bill"
                continue
            if _not_a_person(span):
                continue
            if company_cue(span, org_texts):
                out.append(Span(doc, span.start, span.end, label="ORG"))
                continue
        out.append(span)
    return out


_LAW_FINALS = frozenset({"Act", "Bill", "Acts", "Bills", "Decree", "Proclamation", "Ordinance", "Statute", "Directive", "Amendment"})
_LAW_PARTICLES = frozenset({"of", "and", "for", "on", "the", "&"})


def _law_words(tokens: Span) -> bool:
    return all(t.text[:1].isupper() or t.lower_ in _LAW_PARTICLES or t.text in {"-", "(", ")"} or t.like_num for t in tokens)


def laws(doc: Doc, spans: list[Span]) -> list[Span]:
    """A legislative name is a LAW whatever the model made of it: "the Renters Reform Bill" typed
    ORG or PERSON, "the Water Protection Act" missed. A capitalised name ending in "Act", "Bill",
    "Decree", "Proclamation", "Ordinance", "Statute", "Directive" or "Amendment" after "the" (or one
    the model found) is the law; a person called Bill ("Bill Cash") keeps his
    type, since his name does not end the span after other capitalised words of a title."""
    out: list[Span] = []
    covered = {i for s in spans for i in range(s.start, s.end)}
    for span in spans:
        nxt = doc[span.end] if span.end < len(doc) else None
        if (span.label_ in {"ORG", "PRODUCT", "WORK_OF_ART", "LAW"} and nxt is not None and nxt.text in _LAW_FINALS
                and nxt.text != "Bills" and _law_words(span)):
            span = Span(doc, span.start, span.end + 1, label="LAW")  # "the Savings Protection Bill" cut before "Bill"
        if (span.label_ == "LAW" and len(span) >= 3 and span[0].like_num and len(span[0].text) == 4
                and span[0].text[:2] in {"19", "20"}):
            span = Span(doc, span.start + 1, span.end, label="LAW")  # "the 2018 Public Procurement Code": the year is none of it
        if (span.label_ != "LAW" and len(span) > 1 and span[-1].text in _LAW_FINALS and _law_words(span)
                and not (span.label_ == "PERSON" and span.start > 0 and doc[span.start - 1].lower_ not in {"the", "a", "its", "their"})):
            span = Span(doc, span.start, span.end, label="LAW")
        if (span.label_ in {"ORG", "WORK_OF_ART", "PRODUCT"} and len(span) > 1 and span[-1].text == "Law" and span[-2].lower_ != "of"
                and _law_words(span) and span.start > 0 and doc[span.start - 1].lower_ in {"the", "its", "a"}
                and not any(t.text in ORG_HEADS for t in span)):
            span = Span(doc, span.start, span.end, label="LAW")  # "breached the Environmental Protection Law"
        out.append(span)
    extra: list[Span] = []
    from newsgraph.nlp.places import token_texts

    for token in [doc[i] for i, w in enumerate(token_texts(doc)) if w in _LAW_FINALS]:
        if token.i in covered or token.i < 2:
            continue
        k = token.i
        while k > 0 and k - 1 not in covered and token.i - k < 6 and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in _LAW_PARTICLES - {"the"}) \
                and doc[k - 1].is_alpha and not doc[k - 1].is_sent_start:
            k -= 1
        while k < token.i and doc[k].lower_ in _LAW_PARTICLES:
            k += 1
        if k < token.i and k > 0 and doc[k - 1].lower_ == "the":
            extra.append(Span(doc, k, token.i + 1, label="LAW"))  # "the Water Protection Act"
            covered.update(range(k, token.i + 1))
    out = sorted(out + extra, key=lambda s: s.start) if extra else out
    return numbered_laws(doc, out)


_NUMBERED = frozenset({"Decree", "Law", "Resolution", "Ordinance", "Directive", "Regulation", "Order"})
_NUMBER_WORDS = frozenset({"No.", "No", "no.", "Number", "Nr", "Nr."})


def numbered_laws(doc: Doc, spans: list[Span]) -> list[Span]:
    """A decree, law or resolution named by its number is a LAW, the number and the capitalised
    words before it included ("under Decree No. 31", "Executive Decree 47", "Resolution 2334"),
    whatever the model made of its pieces."""
    found: list[Span] = []
    for token in doc:
        if token.text not in _NUMBERED or token.i + 1 >= len(doc):
            continue
        j = token.i + 1
        if doc[j].text in _NUMBER_WORDS:
            j += 1
            if j < len(doc) and doc[j].text == "." and doc[j - 1].text in ("No", "Nr"):
                j += 1  # "No" "." as the tokenizer may split it
        if j >= len(doc) or not any(c.isdigit() for c in doc[j].text):
            continue
        k = token.i
        while k > 0 and token.i - k < 3 and doc[k - 1].is_title and doc[k - 1].is_alpha and not doc[k - 1].is_sent_start \
                and doc[k - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
            k -= 1
        found.append(Span(doc, k, j + 1, label="LAW"))
    if not found:
        return spans
    from newsgraph.nlp.places import give_way

    return give_way(spans, found)


# The last word of a named event's name ("Mekong-Pacific Trade Summit", "Costa del Sol Open"): a
# summit, a tournament or a festival written as one.
_EVENT_FINALS = frozenset("Summit Games Olympics Olympiad Championship Championships Cup Open Marathon Festival Expo "
                          "Prix Tournament Regatta".split())
# Event finals no place's name ends with (a place may be a "Cup" or an "Open" field).
_GATHERINGS = frozenset({"Summit", "Festival", "Expo", "Olympics", "Championships", "Conference", "Congress", "Forum"})
_EVENT_PARTICLES = frozenset({"of", "the", "del", "de", "la", "du", "des", "and", "&"})
_STORMS = frozenset({"Storm", "Hurricane", "Typhoon", "Cyclone"})
# Common nouns that, written right after a name, make it an event's: "the Felabration festival".
_EVENT_NOUNS = frozenset({"festival", "summit", "tournament", "marathon", "carnival", "regatta", "expo"})


def named_events(doc: Doc, spans: list[Span]) -> list[Span]:
    """A summit's, a tournament's or a festival's name is an EVENT whatever the model made of it
    ("the Mekong-Pacific Trade Summit" typed ORG), and one the model cut or missed after "the" is
    found whole, the pieces it made inside dropped ("the Costa del Sol Open", "Costa" typed NORP);
    a name right before "festival", "summit" ... is the event's, unless it is a place's ("the
    Felabration festival", not "the Edinburgh festival"); a named storm is an event ("Storm X").
    "Open" ends an event's name only there; a name whose first word is a person's (a first name)
    is left alone ("Tom Cup")."""
    from newsgraph.nlp.places import gazetteer, token_texts

    out: list[Span] = []
    for span in spans:
        after = doc[span.end] if span.end < len(doc) else None
        if span.label_ != "EVENT" and len(span) > 1 and span[0].text in _STORMS:
            span = Span(doc, span.start, span.end, label="EVENT")  # "Storm Fenella" typed ORG, "Hurricane Ida" PERSON
        elif (span.label_ in {"ORG", "PRODUCT", "WORK_OF_ART", "FAC"} and len(span) > 1 and span[-1].text in _EVENT_FINALS
                and span[-1].text != "Open" and _law_words(span)):
            span = Span(doc, span.start, span.end, label="EVENT")
        elif (span.label_ in {"GPE", "LOC"} and len(span) > 1 and span[-1].text in _GATHERINGS and _law_words(span)):
            span = Span(doc, span.start, span.end, label="EVENT")  # "the South-East Europe Energy Summit" typed LOC
        elif (span.label_ in {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "PERSON", "GPE", "LOC"} and after is not None and after.is_lower
              and after.lower_ in _EVENT_NOUNS and not gazetteer().is_place(span.text)):
            span = Span(doc, span.start, span.end, label="EVENT")  # "the Felabration festival"
        out.append(span)
    starts = {s.start: s for s in out}
    kept_at = {i: s for s in out for i in range(s.start, s.end)}
    grown: list[Span] = []
    for token in [doc[i] for i, w in enumerate(token_texts(doc)) if w in _EVENT_FINALS]:
        if token.i < 2 or (token.i in kept_at and kept_at[token.i].label_ == "EVENT"):
            continue
        k = token.i
        while (k > 0 and token.i - k < 6 and doc[k - 1].is_alpha and not doc[k - 1].is_sent_start
               and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in _EVENT_PARTICLES - {"the"})):
            k -= 1
        while k < token.i and doc[k].lower_ in _EVENT_PARTICLES:
            k += 1
        inside = {kept_at[i] for i in range(k, token.i + 1) if i in kept_at}
        if (k < token.i and doc[k - 1].lower_ == "the" and all(s.start >= k and s.end <= token.i + 1 for s in inside)
                and not any(s.label_ == "PERSON" for s in inside)):
            grown.append(Span(doc, k, token.i + 1, label="EVENT"))
            for s in inside:
                starts.pop(s.start, None)
            for i in range(k, token.i + 1):
                kept_at[i] = grown[-1]
    return sorted([*starts.values(), *grown], key=lambda s: s.start) if grown else out


# Words a news text opens with in capitals, glued to its first sentence: "EXCLUSIVE Mining group ...".
_KICKERS = frozenset("exclusive breaking update updated watch video photos live analysis opinion comment explainer "
                     "factbox interview review correction urgent flash profile obituary insight".split())


def kicker(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a kicker: one of those words in capitals, first on its line, and not
    the start of a headline all in capitals."""
    token = doc[i]
    if not (token.is_upper and token.lower_ in _KICKERS) or (i > 0 and "\n" not in doc[i - 1].text + doc[i - 1].whitespace_):
        return False
    return i + 1 < len(doc) and not doc[i + 1].is_upper


# A company's legal form written after its name: the name before it is the company's, whatever the model typed.
LEGAL_FORMS = frozenset("AG GmbH SpA NV BV Oy Oyj AB ASA LLC Bhd Tbk Inc Ltd plc Plc Corp SA SAA SAB JSC PJSC OJSC "
                         "Pty KK SARL SAS Sdn SAOG SAOC PLC QSC QPSC BSC PCL CJSC SRL".split())
# Nouns that describe a business, written before its name at a sentence's start ("Exporter Bula Roots
# Ltd said ...", "Processor Borneo Bayu Sdn Bhd will ..."): no part of the name.
DESCRIPTORS = frozenset("exporter importer processor producer manufacturer supplier distributor refiner shipper "
                         "developer operator carmaker automaker chipmaker drugmaker steelmaker brewer miner investor "
                         "retailer lender insurer broadcaster publisher carrier airline group company firm".split())
# Lower-case links inside a company's name ("Aerovias do Sul SA", "Banco de la Plaza SA").
_NAME_LINKS = frozenset({"do", "da", "dos", "das", "de", "del", "della", "di", "du", "des", "la", "y", "e", "and", "&",
                         "of", "von", "van"})
# Words written before a company's name that are not part of it.
_NOT_NAME_START = frozenset({"The", "PT"})


def legal_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A company's whole name before its legal form ("QazTransEnergy JSC", "Aerovias do Sul SA",
    "PT Gema Nada Nusantara Tbk", "Nile Basin Petroleum Ltd"), whatever the model made of its pieces
    (a person, a river basin, nothing): the capitalised words and the links between them, back from
    the form, without a title or "the" before them, is one ORG."""
    from newsgraph.nlp.places import token_texts
    from newsgraph.nlp.titles import is_head

    words = token_texts(doc)
    found: list[Span] = []
    for i in [i for i, w in enumerate(words) if w in LEGAL_FORMS and i > 0]:
        end = i + 1
        while end < len(doc) and words[end] in LEGAL_FORMS:
            end += 1  # "Co Ltd", "Pty Ltd"
        if found and found[-1].end > i:
            continue
        whole = next((s for s in spans if s.label_ == "ORG" and s.start < i - 1 and i < s.end), None)
        if whole is not None:
            # the model has a name of two words or more with its form ("Company Name Homegate Hospitality Inc");
            # an organisation it ended right before is the name's start ("PT Bank" | "Mataram Sejahtera Tbk")
            before = next((s for s in spans if s.label_ == "ORG" and s.end == whole.start and s[-1].text not in LEGAL_FORMS
                           and "\n" not in doc[s.end - 1].whitespace_), None)
            if before is not None:
                found.append(Span(doc, before.start, whole.end, label="ORG"))
            continue
        k = i
        while k > 0 and i - k < 7 and "\n" not in doc[k - 1].whitespace_:  # (never across a line)
            prev = doc[k - 1]
            if prev.text == ")" and k >= 4 and doc[k - 2].text in LEGAL_FORMS and doc[k - 3].text == "(":
                k -= 3  # "Karoo Ridge Resources (Pty) Ltd"
                continue
            if prev.text in LEGAL_FORMS:
                break  # another company's end: "Johnson Controls Inc and Lear Corp"
            if _capitalised(prev) or (prev.text[:1].isupper() and any(c.isalpha() for c in prev.text)):
                k -= 1
            elif prev.text in _NAME_LINKS and k < i and k - 2 >= 0 and (_capitalised(doc[k - 2]) or (
                    doc[k - 2].text in _NAME_LINKS and k - 3 >= 0 and _capitalised(doc[k - 3]))):  # "Banco de la Plaza SA"
                k -= 1
            else:
                break
        while k < i and (is_head(doc[k].lower_) or doc[k].text in {"The"} or doc[k].text in _NAME_LINKS
                         or (doc[k].pos_ != "PROPN" and not doc[k].is_upper and doc[k + 1].text in _NAME_LINKS)
                         or (doc[k].is_sent_start and doc[k].lower_ in DESCRIPTORS)):
            k += 1  # "Chairman of ...", "the", "Shares of ...", "Exporter ..."
        if k < i:
            found.append(Span(doc, k, end, label="ORG"))
    if not found:
        return spans
    taken = {t for f in found for t in range(f.start, f.end)}
    kept = [s for s in spans if not taken.intersection(range(s.start, s.end))]
    return sorted(kept + found, key=lambda s: s.start)


# Lower-case nouns for what a business does, written right before its name ("state miner Codelco",
# "budget airline X", "oil major X", "rival carmaker X"): the name after one is the business's.
TRADES = frozenset("""
    miner carmaker automaker chipmaker drugmaker steelmaker shipbuilder planemaker brewer distiller winemaker
    retailer grocer supermarket lender bank insurer reinsurer broadcaster publisher airline refiner
    shipper utility conglomerate major brokerage firm company telecoms operator manufacturer
    """.split())
# Of those, the ones that are no first word of a company's own name ("Chipmaker X" | "Bank Negara").
_TRADES_BEFORE_A_NAME = frozenset(w for w in TRADES if w.endswith("maker")) | frozenset(
    "miner brewer distiller retailer grocer lender insurer reinsurer broadcaster publisher refiner shipper "
    "shipbuilder conglomerate brokerage".split())
# Of those, the ones that name only a business: after the others ("oil major X", "the company X"), a
# name the gazetteer knows as a place stays the place.
_AGENTS = TRADES - {"utility", "major", "operator", "manufacturer", "firm", "company"}
_RETYPED_TO_COMPANY = frozenset({"GPE", "LOC", "FAC", "NORP", "PRODUCT"})
_MAJORS = frozenset("oil energy mining drugs pharmaceutical pharmaceuticals tech chemicals food media steel".split())


def _trade(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a lower-case trade noun ("miner", "car-maker"; never "film-maker")."""
    token = doc[i]
    if token.lower_ == "maker" and i >= 2 and doc[i - 1].text == "-":
        return not _person_maker(doc, i) and doc[i - 2].is_lower
    if token.lower_ == "major":
        return i > 0 and doc[i - 1].lower_ in _MAJORS  # "oil major X", never "army major X"
    return token.is_lower and token.lower_ in TRADES


def _name_start(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _common_opener(doc: Doc, i: int, spans: list[Span]) -> bool:
    """Whether token ``i``, a sentence's first, is a capitalised common word or adjective ("State",
    "Budget", "Rival"): no place, country, nationality or institution, not in capitals, and neither
    written capitalised inside a sentence nor a word of another name elsewhere in the article."""
    from newsgraph.nlp.countries import canonical_country, country_of_demonym
    from newsgraph.nlp.institutions import canonical_institution
    from newsgraph.nlp.places import gazetteer

    token = doc[i]
    text = token.text
    if not (token.is_alpha and token.is_title) or len(text) < 3:
        return False
    if canonical_country(text) or country_of_demonym(text) or canonical_institution(text) or gazetteer().knows(text):
        return False
    if any(t.text == text and not t.is_sent_start for t in doc if t.i != i):
        return False  # the article writes it as a name elsewhere
    return not any(s.start != i and text in {t.text for t in s} for s in spans)


def _sentence_opener(doc: Doc, name: int) -> int | None:
    """For a name starting at token ``name`` after a trade noun written at its sentence's start
    ("State miner X", "Budget airline X", "State oil company X", "Chipmaker X"), the sentence's
    first token; else None."""
    k = name - 1
    if k < 0:
        return None
    if doc[k].is_sent_start:  # "Chipmaker X"
        return k if doc[k].is_title and doc[k].lower_ in _TRADES_BEFORE_A_NAME else None
    if not _trade(doc, k):
        return None
    while k > 0 and not doc[k].is_sent_start and name - k <= 4:
        k -= 1  # back over lower-case words to the sentence's start: "State oil company X", "State car-maker X"
        if not doc[k].is_sent_start and not (doc[k].text == "-" or (doc[k].is_lower and doc[k].pos_ in {"NOUN", "ADJ", "PROPN"})):
            return None
    return k if doc[k].is_sent_start else None


def described_companies(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name after a lower-case trade noun ("state miner Codelco", "oil major X", "budget airline
    X") is the company: typed a place, a nationality, a product or a one-word person (no word of a
    person's full name in the article), it is an ORG, and so are the article's other mentions of it
    that no preposition of place puts something in; unless it is a country, a region or a
    nationality, or, after a noun that is not only a business's ("major", "operator", "company"),
    any place the gazetteer knows. A name the model missed there is added (``_unnamed_companies``).
    At a sentence's start, the capitalised common word before the trade noun is no name ("State",
    "Budget", "Rival"; ``_common_opener``) and neither is the trade noun itself ("Chipmaker X")."""
    from newsgraph.nlp.countries import canonical_country, country_of_demonym
    from newsgraph.nlp.places import PLACE_PREPS, gazetteer

    gaz = gazetteer()
    people = {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    dropped: set[int] = set()
    replaced: dict[int, Span] = {}
    companies_named: set[str] = set()
    starts = {s.start: n for n, s in enumerate(spans)}
    for n, span in enumerate(spans):
        if span.label_ in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}:
            continue
        # the name's own first words may be the opener and the trade noun ("Chipmaker X", "State miner X")
        name = next((j for j in range(span.start + 1, min(span.end, span.start + 5))
                     if _name_start(doc[j]) and _sentence_opener(doc, j) == span.start), span.start)
        if name > span.start:
            if doc[span.start].lower_ in _TRADES_BEFORE_A_NAME or _common_opener(doc, span.start, spans):
                company = span.label_ in _RETYPED_TO_COMPANY | {"ORG"} or (span.label_ == "PERSON" and span.end - name == 1)
                span = replaced[n] = Span(doc, name, span.end, label="ORG" if company else span.label_)
        elif name == span.start and span.start > 0 and _name_start(doc[span.start]):
            opener = _sentence_opener(doc, span.start)
            if opener is not None and opener in starts and spans[starts[opener]].end <= span.start:
                if spans[starts[opener]].label_ not in {"GPE", "LOC", "FAC"} and (
                        doc[opener].lower_ in _TRADES_BEFORE_A_NAME or _common_opener(doc, opener, spans)):
                    dropped.add(starts[opener])  # "State" of "State miner X", "Chipmaker" of "Chipmaker X"
        k = span.start - 1
        one_word = span.label_ == "PERSON" and len(span) == 1 and span.text not in people
        if k < 0 or not _trade(doc, k) or not (span.label_ in _RETYPED_TO_COMPANY or one_word):
            continue
        text = span.text
        if canonical_country(text) or country_of_demonym(text) or gaz.region(text) or gaz.subdivision(text):
            continue
        trade = "maker" if doc[k].lower_ == "maker" else doc[k].lower_
        if trade not in _AGENTS and trade != "maker" and gaz.is_place(text):
            continue
        replaced[n] = Span(doc, span.start, span.end, label="ORG")
        companies_named.add(text)
    if companies_named:
        for n, span in enumerate(spans):
            if (n not in replaced and span.text in companies_named and (span.label_ in _RETYPED_TO_COMPANY or (
                    span.label_ == "PERSON" and len(span) == 1))
                    and not (span.start > 0 and doc[span.start - 1].lower_ in PLACE_PREPS)):
                replaced[n] = Span(doc, span.start, span.end, label="ORG")
    added = _unnamed_companies(doc, spans)
    if not dropped and not replaced and not added:
        return spans
    kept = [replaced.get(n, s) for n, s in enumerate(spans) if n not in dropped]
    return sorted(kept + added, key=lambda s: s.start) if added else kept


def _unnamed_companies(doc: Doc, spans: list[Span]) -> list[Span]:
    """The names the model missed after a trade noun ("Chipmaker Kestronix posted ...", "rival carmaker
    X"): a run of up to four proper nouns, no title among them, that no span covers."""
    from newsgraph.nlp.titles import HONORIFICS, is_title_word

    covered = {i for s in spans for i in range(s.start, s.end)}
    found: list[Span] = []
    for k in range(len(doc) - 1):
        opener = doc[k].is_sent_start and doc[k].is_title and doc[k].lower_ in _TRADES_BEFORE_A_NAME
        if not (opener or (not doc[k].is_sent_start and _trade(doc, k))) or k + 1 in covered:
            continue
        end = k + 1
        while (end < len(doc) and end - k <= 4 and end not in covered and doc[end].pos_ == "PROPN" and _name_start(doc[end])
               and not is_title_word(doc[end].lower_) and doc[end].lower_.rstrip(".") not in HONORIFICS):
            end += 1
        if end > k + 1 and sum(c.isalpha() for c in doc[k + 1].text) >= 2 and (end == len(doc) or not _name_start(doc[end])):
            found.append(Span(doc, k + 1, end, label="ORG"))
            covered.update(range(k + 1, end))
    return found


# Lower-case links inside a body's name ("Philippine Institute of Volcanology and Seismology").
_BODY_LINKS = frozenset({"of", "and", "on", "for", "the", "de", "del", "la", "du", "des", "für", "&"})


def abbreviates(short: str, words: list[str]) -> bool:
    """Whether ``short`` abbreviates the name of ``words``: its letters, in order, are found in the
    name from its first letter on ("Phivolcs", "Comelec", "NZR"), or they are the initials of its
    capitalised words in any order (the "BCRP" of a Spanish name written in English)."""
    letters = [c for c in short.lower() if c.isalpha()]
    text = "".join(w.lower() for w in words)
    if not letters or not text or letters[0] != text[0]:
        initials = sorted(w[0].lower() for w in words if w[:1].isupper())
        return len(letters) >= 2 and sorted(letters) == initials
    pos = 0
    for c in letters:
        pos = text.find(c, pos) + 1
        if pos == 0:
            return False
    return True


def acronym_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name followed by its short form in brackets ("Central Reserve Bank of Peru (BCRP)",
    "Commission on Elections (Comelec)", "New Zealand Rugby (NZR)") is one name, whatever pieces the
    model found (a bank and a country, a country and nothing): the capitalised words and the links
    between them back from the bracket, when the short form abbreviates them. It keeps a place's type
    when it is a country ("United Arab Emirates (UAE)"), else it is an organisation; the short form
    in brackets, and its later uses the model left, are mentions of it."""
    from newsgraph.nlp.countries import canonical_country
    from newsgraph.nlp.places import gazetteer
    from newsgraph.nlp.titles import is_head

    from newsgraph.nlp.places import token_texts

    words_of = token_texts(doc)
    found: list[Span] = []
    shorts: dict[str, str] = {}
    for i in [i for i, w in enumerate(words_of) if w == "("]:
        if not (i + 2 < len(doc) and words_of[i + 2] == ")" and i > 0):
            continue
        short = doc[i + 1]
        if not (short.is_alpha and len(short.text) >= 2 and short.text[:1].isupper() and " " not in short.text_with_ws.strip()):
            continue
        k = i
        while k > 0 and i - k < 10 and "\n" not in doc[k - 1].whitespace_:
            prev = doc[k - 1]
            if _capitalised(prev) or (prev.text in _BODY_LINKS and k < i and k >= 2 and _capitalised(doc[k - 2])):
                k -= 1
            else:
                break
        while k < i and (doc[k].text in _BODY_LINKS or doc[k].text == "The" or is_head(doc[k].lower_)
                         or doc[k].pos_ not in {"PROPN", "ADJ"} and not doc[k].text.isupper()):
            k += 1
        words = [t.text for t in doc[k:i] if t.text not in _BODY_LINKS]
        if (i - k < 2 or not (short.text.isupper() or (len(short.text) <= 8 and len(words) >= 2))
                or gazetteer().is_place(short.text) or canonical_country(short.text)
                or (short.text.endswith("s") and short.text[:-1].isupper())
                or not abbreviates(short.text, words)):
            continue  # ("Armen Martirosyan (Armenia)": a country, no short form; "GDRs": a plural, no name)
        name = doc[k:i].text
        inside = [s for s in spans if k <= s.start and s.end <= i]
        label = "GPE" if canonical_country(name) or gazetteer().is_place(name) else "ORG"
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (k, i) and inside[0].label_ != "GPE":
            label = inside[0].label_  # the model had it whole ("New Zealand Rugby" typed GPE is no place)
        if label not in {"ORG", "GPE", "FAC", "LOC"}:
            continue
        found.append(Span(doc, k, i, label=label))
        found.append(Span(doc, i + 1, i + 2, label=label))
        shorts[short.text] = label
    if not found:
        return spans
    taken = {t for f in found for t in range(f.start, f.end)}
    covered = taken | {t for s in spans for t in range(s.start, s.end)}
    for i in [i for i, w in enumerate(words_of) if w in shorts and i not in covered]:  # the short form used again
        found.append(Span(doc, i, i + 1, label=shorts[words_of[i]]))  # ("BCRP said ..."), where the model left it
    taken = {t for f in found for t in range(f.start, f.end)}
    kept = [s for s in spans if not taken.intersection(range(s.start, s.end))]
    return sorted(kept + found, key=lambda s: s.start)


def _company_first(span: Span) -> Token | None:
    """The word a company's short form starts with: its first, past "PT" and a region or a city of
    100,000 people it is named after ("Hunan Jinlong Battery Co Ltd" → "Jinlong")."""
    from newsgraph.nlp.places import gazetteer

    words = [t for t in span if t.text not in _NOT_NAME_START]
    gaz = gazetteer()
    if len(words) > 2 and (gaz.region(words[0].text) or gaz.subdivision(words[0].text)
                           or gaz.is_city(words[0].text, min_population=100_000)):
        words = words[1:]  # named after its region or city
    return words[0] if words and words[0].text not in CORPORATE_FINALS else None


def _short_form_here(span: Span, people: set[str]) -> bool:
    """Whether a span written as a company's short form, typed otherwise by the model, stands for
    the company: a person's only when no person of the article bears the name and no honorific
    comes before it; a place's only when no preposition of place puts something there ("power
    cuts in Jersey" after "Jersey Electric")."""
    from newsgraph.nlp.places import PLACE_PREPS
    from newsgraph.nlp.titles import HONORIFICS

    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if span.label_ == "PERSON":
        return not (len(span) == 1 and span.text in people) and before not in HONORIFICS
    return span.label_ in {"GPE", "LOC", "FAC", "PRODUCT"} and before not in PLACE_PREPS


# The last word of a company's name ("Goldcrest Mining", "Brennock Steel", "X SpA"): a business written as one.
CORPORATE_FINALS = frozenset(
    """
    Mining Minerals Metals Steel Holdings Group Motors Energy Petroleum Oil Gas Airlines Airways Shipping Logistics
    Foods Pharmaceuticals Pharma Telecom Telecoms Industries Capital Partners Resources Chemicals Textiles Breweries
    Brewery Insurance Ventures Construction Electric Electronics Technologies Systems
    Mobile Media Labs Networks Solutions Software Biotech Robotics Semiconductors Automation Aviation Cement
    Beverages Brands
    """.split()
) | LEGAL_FORMS


def _company_typed_otherwise(span: Span) -> bool:
    """A name of two words or more ending in a company word ("Moselle Capital Partners", "Halden
    Mining") that the model typed a person, a product, a nationality or a place: the company,
    unless its first word is a country's or its whole a known place."""
    from newsgraph.nlp.countries import country_of
    from newsgraph.nlp.places import gazetteer

    return (span.label_ in {"PERSON", "PRODUCT", "NORP", "LOC", "GPE"} and len(span) >= 2 and span[-1].text in CORPORATE_FINALS
            and all(t.text[:1].isupper() for t in span) and country_of(span[0].text) is None
            and not gazetteer().is_place(span.text))


def companies(doc: Doc, spans: list[Span]) -> list[Span]:
    """Company names the model missed: a run of capitalised proper nouns ending in a company word
    ("Goldcrest Mining"), and, once the article has written such a name, its first word standing
    alone as a proper noun ("Goldcrest denied the claim"), its short form, also where the model
    typed it a person and no person of the article bears that name."""
    from newsgraph.nlp.countries import country_of
    from newsgraph.nlp.places import proper_run_start, token_texts

    spans = legal_names(doc, spans)  # "Orbitale Torino" typed PERSON before "SpA", "Aerovias do Sul SA"
    spans = [Span(doc, s.start, s.end, label="ORG") if _company_typed_otherwise(s) else s for s in spans]
    covered = {i for s in spans for i in range(s.start, s.end)}
    extra: list[Span] = []
    words = token_texts(doc)
    for token in [doc[i] for i, w in enumerate(words) if w in CORPORATE_FINALS]:
        if token.i in covered or token.i == 0:
            continue
        k = proper_run_start(doc, token.i, covered, longest=3)
        k += kicker(doc, k)  # "EXCLUSIVE Mining group": no company "EXCLUSIVE Mining"
        if k < token.i and country_of(doc[k].text) is None:
            extra.append(Span(doc, k, token.i + 1, label="ORG"))
            covered.update(range(k, token.i + 1))
    companies_named = [s for s in [*spans, *extra] if s.label_ == "ORG" and len(s) > 1 and s[-1].text in CORPORATE_FINALS
                       and country_of(s[0].text) is None]
    firsts = {first.text for s in companies_named if (first := _company_first(s)) is not None}
    shorts = firsts | {s[:-1].text for s in companies_named}  # "Qasr Marine" of "Qasr Marine Holdings"
    shorts |= {s[:n].text for s in companies_named for n in range(2, len(s) - 1)
               if s[n - 1].is_title and s[n - 1].text not in CORPORATE_FINALS}  # "Erdene Tal" of "Erdene Tal Resources LLC"
    people = {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    spans = [Span(doc, s.start, s.end, label="ORG") if s.text in shorts and _short_form_here(s, people) else s
             for s in spans]  # "Hoshino president X" after "Hoshino Heavy Industries": the company, typed PERSON
    lower = {w for w in words if w.islower()} if firsts else set()
    for token in [doc[i] for i, w in enumerate(words) if w in firsts]:
        if (token.i in covered or token.pos_ not in {"PROPN", "NOUN"} or not token.is_title
                or token.text.lower() in lower):
            continue  # "News Corp" ... "the news": a common word is no short form
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 1] if token.i > 0 else None
        if after is not None and (after.text[:1].isupper() or after.lower_ == "of"):
            continue  # part of a longer name ("News of the World")
        if before is not None and not token.is_sent_start and before.text[:1].isupper() and before.is_alpha:
            continue  # "Sunday Telegraph"
        extra.append(Span(doc, token.i, token.i + 1, label="ORG"))
        covered.add(token.i)
    return sorted(spans + extra, key=lambda s: s.start) if extra else spans


__all__ = ["DESCRIPTORS", "TRADES", "described_companies", "ORG_HEADS", "abbreviates", "acronym_names", "advocacy_names", "foreign_bodies", "kicker", "named_events", "whole_portfolios", "ORG_STARTS", "ORG_SUFFIXES", "company_cue", "fix_people", "is_collective", "institutions", "join_place_names", "laws",
           "companies", "CORPORATE_FINALS", "split_portfolios"]
