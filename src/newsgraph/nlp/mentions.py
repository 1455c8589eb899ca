"""Mention spans: the model's entities, cleaned, with type errors fixed and missed names recovered.

Every rule reads evidence in the article itself (a title before a name, a fuller form elsewhere
in the text, a repeated form); none uses a list of names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsgraph.model import EntityType
from newsgraph.nlp.component import doc_text
from newsgraph.nlp.countries import canonical_country, country_of
from newsgraph.nlp.institutions import canonical_institution
from newsgraph.nlp.money import CODES
from newsgraph.nlp.oneword import listed_companies, retype_one_word_people
from newsgraph.nlp.organisations import (
    DESCRIPTORS, FOREIGN_BODIES, LEGAL_FORMS, ORG_FINALS, ORG_HEADS, acronym_names, advocacy_names, companies, described_companies, fix_people,
    foreign_bodies,
    institutions, join_place_names, kicker, laws, named_events, split_portfolios, whole_portfolios,
)
from newsgraph.nlp.recogniser import keep_sure
from newsgraph.nlp.places import (
    CLUB_FINALS, CLUB_STARTS, bracketed_teams, buildings, clubs, constituencies, coordinated_towns, dateline_spans, fix_place_types, gazetteer,
    natural_places,
    placed_modifiers, players, regions_by_kind, same_place_types, structures_by_kind, whole_countries,
)
from newsgraph.nlp.products import named_products
from newsgraph.nlp.titles import HONORIFICS, MODIFIERS, after_title, is_head, is_title_word, status_of

KEPT = frozenset(t.value for t in EntityType)
_LEADING_DROP = {"the"}
_TRAILING_DROP = {"'s", "’s", "'", "’", "s"}
_REPAIRABLE = {"ORG", "PRODUCT", "FAC", "EVENT", "LAW", "NORP", "WORK_OF_ART"}
_MAX_NAME = 4
_INSTITUTION_LABELS = {"NORP", "PERSON", "GPE", "FAC", "LOC", "ORG"}


def clean_span(span: Span) -> Span | None:
    """The span without a leading "the", a title, a possessive or punctuation; None if nothing is left."""
    doc = span.doc
    start, end = span.start, span.end
    if kicker(doc, start) and start + 1 < end:
        start += 1  # "EXCLUSIVE Mining group X": a kicker glued to the text is no part of a name ...
        if end - start == 1 and end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN":
            return None  # ... nor is the word after it, capitalised as a sentence's first, before its noun
    while start < end and (
        doc[start].lower_ in _LEADING_DROP
        or doc[start].is_punct
        or doc[start].is_space
        or (doc[start].is_lower and doc[start].lower_ not in _PARTICLES)  # "£15m. The commission"
        or (start + 1 < end and (_CLOCK.match(doc[start].text) is not None or (
            doc[start].text in _TIME_ZONES and start > span.start)))  # "14:05 GMT - Health": a live blog's time stamp
    ):
        start += 1
    end = next((k for k in range(start, end) if doc[k].is_space or "\n" in doc[k].whitespace_ and k < end - 1), end)
    end = end + 1 if end < span.end and not doc[end].is_space else end  # a name never crosses a line break
    end = next((k for k in range(start + 1, end) if doc[k].text == "("), end)  # "Academy of ... (Ampas": a name stops at "("
    while end > start and (doc[end - 1].text in _TRAILING_DROP or doc[end - 1].is_punct or doc[end - 1].is_space
                           or (doc[end - 1].is_lower and doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"})):
        end -= 1  # "the Palace of the Republic in the afternoon": a name never ends on a function word
    if end - start >= 3 and doc[end - 1].like_num and doc[end - 2].text in {"-", "–"} and doc[end - 3].like_num:
        end -= 3  # "Wigan 3-1": a score is no part of a team's name
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    if end - start >= 3 and doc[end - 1].lower_ in _DURATIONS and doc[end - 2].like_num:
        end -= 2  # "in Daejeon 52 minutes after lift-off": a count of minutes is no part of a name
    label = span.label_
    if label == "ORG":
        if doc[start].is_sent_start and doc[start].lower_ in DESCRIPTORS and end - start >= 3 and doc[start + 1].text[:1].isupper():
            start += 1  # "Exporter Bula Roots Ltd said ...": a business's description before its name
        while end - 1 > start and doc[end - 1].is_lower and doc[end - 1].is_alpha and doc[end - 1].pos_ in {"NOUN", "ADJ"}:
            end -= 1  # "the Bolivian navy", "the Tribune newspaper": a common noun after the name is none of it
        if end < span.end and end - start == 1 and country_of(doc[start].text) is not None and not canonical_institution(doc[start].text):
            label = "GPE" if canonical_country(doc[start].text) is not None else "NORP"
    if span.label_ == "PERSON":
        while start < end - 1 and (_is_prefix_word(doc[start].lower_) or doc[start].pos_ == "VERB"):
            if (start == span.start and end - start == 2 and start > 0 and doc[start].is_title
                    and doc[start - 1].is_lower and is_head(doc[start - 1].lower_)):
                break  # "manager Dean Pollard": a title word right after a title is a first name
            if doc[start + 1].lower_ in _PATRONYMIC:
                break  # "Sultan bin Majid": a given name before "bin", not a ruler's title
            start += 1
        quoted = _quoted_nickname(doc, start, end)
        for k in range(start + 1, end):  # "Williams rejoins Bath": a name stops at a lower-case word
            if (doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in _PARTICLES and doc[k - 1].text != "-"
                    and k not in quoted):  # (not inside a nickname in quotes: Dermot "the Badger" Ó Briain)
                end = k
                break
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2  # "Park Jae-won" where the model stopped at the hyphen
        while end - 1 > start and doc[end - 1].like_num and (end - 1 - start >= 2 or len(doc[end - 1].text) >= 2):
            end -= 1  # "Matej Kralj 12", "Croft 79" of a results list: a number is no part of a name ("Quill 2" may be)
    if start >= end or not any(t.text[:1].isupper() or not t.is_alpha for t in doc[start:end]):
        return None
    return Span(doc, start, end, label=label)


_QUOTES = frozenset({'"', "“", "”"})
_DURATIONS = frozenset({"seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "months", "years",
                        "km", "kilometres", "kilometers", "miles", "metres", "meters"})


def _quoted_nickname(doc: Doc, start: int, end: int) -> range:
    """The tokens of a nickname in quotes inside a person's name (between a given name and a family
    name: Dermot "the Badger" Ó Briain), quotes included; an empty range when there is none."""
    marks = [k for k in range(start + 1, end - 1) if doc[k].text in _QUOTES]
    if len(marks) >= 2 and marks[1] - marks[0] <= 4 and doc[marks[1] + 1].text[:1].isupper():
        return range(marks[0], marks[1] + 1)
    return range(0)


def _is_prefix_word(word: str) -> bool:
    return is_title_word(word) or word in HONORIFICS or status_of(word) is not None


_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})
_PARTICLES = {"van", "von", "de", "da", "di", "del", "der", "den", "la", "le", "al", "el", "bin", "ibn", "ben", "dos", "du", "y", "zu"}


def _name_token(token) -> bool:  # type: ignore[no-untyped-def]
    """A token that can be part of a personal name: capitalised letters mid-sentence, not a title word.

    A capitalised function word mid-sentence ("General Secretary To Lam") is a name too.
    """
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and not token.is_sent_start
        and not is_title_word(token.lower_)
        and token.lower_ not in HONORIFICS
    )


def merge_of_spans(spans: list[Span]) -> list[Span]:
    """Join "ORG of GPE" written as one capitalised name ("Communist Party of Vietnam", "Central Bank of
    the Argentine Republic") into one ORG."""
    out: list[Span] = []
    for span in spans:
        if out:
            prev = out[-1]
            doc = span.doc
            gap = span.start - prev.end
            if (
                prev.label_ == "ORG"
                and span.label_ in {"GPE", "LOC", "ORG"}
                and doc[prev.end].lower_ == "of"
                and (gap == 1 or gap == 2 and doc[prev.end + 1].lower_ == "the" and prev[-1].text in ORG_HEADS)
                and all(t.text[:1].isupper() or not t.is_alpha for t in prev)
            ):  # ("Central Bank of the Argentine Republic": "of the" after a body's head word)
                out[-1] = Span(doc, prev.start, span.end, label="ORG")
                continue
        out.append(span)
    return out


def recover_titled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names after a title: extend a PERSON split by the model, re-type or add the name.

    "General Secretary To Lam" where the model found "Lam": the capitalised tokens between the
    title and the name belong to the name. A span of another type right after a title head
    ("President X" tagged ORG) becomes a PERSON. Capitalised tokens after a title head that no
    span covers become a PERSON.
    """
    covered = {i for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    for span in spans:
        start = span.start
        if span.label_ == "PERSON":
            k = start
            while k > 0 and span.end - k < _MAX_NAME and k - 1 not in covered and _name_token(doc[k - 1]):
                k -= 1
            if k < start and k > 0 and is_head(doc[k - 1].lower_):
                start = k  # only a title right before licenses the extension
            covered.update(range(start, span.start))
            out.append(Span(doc, start, span.end, label="PERSON"))
        elif span.label_ in _REPAIRABLE and sum(t.text != "-" for t in span) <= 3 and all(
            _name_token(t) or t.i == span.start or t.text == "-" and 0 < t.i - span.start < len(span) - 1 for t in span
        ) and ((after_title(doc, span.start) and (doc[span.start - 1].text[:1].isupper() or _named_after_lower_title(span)))
               or (_after_title_comma(span) and _named_after_lower_title(span))):
            out.append(Span(doc, span.start, span.end, label="PERSON"))
        else:
            out.append(span)
    out.extend(_untagged_titled_names(doc, covered))
    out.sort(key=lambda s: s.start)
    return out


def _after_title_comma(span: Span) -> bool:
    """ "The central bank's president, Lucía Moreno Salazar, has ...": the name in apposition right
    after a lower-case title head and its comma, closed by a comma or the sentence's end."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or not doc[span.start - 2].is_lower:
        return False
    closed = span.end >= len(doc) or doc[span.end].text in {",", ".", ";", "("}  # "(" : the name in another script
    return closed and is_head(doc[span.start - 2].lower_)


def _named_after_lower_title(span: Span) -> bool:
    """ "coach Hernán Villamizar" typed ORG: two or three name words after a lower-case title head,
    none a word of an organisation's name, in English or another language ("coach Deportivo
    Páramo" would be the club, "chairman, Banco Andino" the bank), and no
    place or body the gazetteer or the country table knows."""
    if len(span) < 2 or any(t.text in ORG_HEADS or t.text in ORG_FINALS or t.text in CLUB_FINALS | CLUB_STARTS
                            or t.text in LEGAL_FORMS or t.text in FOREIGN_BODIES for t in span):
        return False
    return country_of(span.text) is None and not gazetteer().is_place(span.text)


def _untagged_titled_names(doc: Doc, covered: set[int]) -> list[Span]:
    found: list[Span] = []
    for token in doc:
        if token.i in covered or not after_title(doc, token.i) or not _name_token(token) or token.pos_ != "PROPN":
            continue
        if not doc[token.i - 1].text[:1].isupper():
            continue  # "the spokesman Monday": only a capitalised title introduces a name this way
        end = token.i + 1
        while end < len(doc) and end - token.i < 3 and end not in covered and _name_token(doc[end]) and doc[end].pos_ == "PROPN":
            end += 1
        found.append(Span(doc, token.i, end, label="PERSON"))
        covered.update(range(token.i, end))
    return found


# The Arabic article before a family name ("al-Rawahi", "el-Sayed"), left out when the name stands alone.
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az)-(?=[A-Z])", re.IGNORECASE)


def fix_types(spans: list[Span]) -> list[Span]:
    """A span whose text is a PERSON's full or short name elsewhere in the article is a PERSON."""
    person_forms: set[str] = set()
    starts = {s.start for s in spans if s.label_ == "PERSON"}
    for span in spans:
        # "Manchester United striker Ole X": a name right before a (titled) name is not a person
        if span.end in starts or span.end + 1 in starts:
            continue
        if span.label_ == "PERSON" and len(span) >= 2 and all(
            t.pos_ == "PROPN" or not t.is_alpha or (t.i > 0 and t.doc[t.i - 1].text == "-") for t in span
        ):
            words = span.text.split()  # family name first or last ("Park Jae-won", "Sanae Takaichi")
            # and a first surname of two ("Luis Moreno Vidal": "Moreno")
            middle = [w for w in words[1:-1] if w[:1].isupper() and w.lower() not in _PARTICLES] if len(words) == 3 else []
            last = _ARTICLE_PREFIX.sub("", words[-1])  # "al-Rawahi" is written "Rawahi" alone too
            person_forms.update(w for w in (span.text, words[0], words[-1], last, *middle) if country_of(w) is None)
    return [Span(s.doc, s.start, s.end, label="PERSON") if _is_person_form(s, person_forms) else s for s in spans]


def _ends_with_person_name(span: Span, person_forms: set[str]) -> bool:
    """ "Marten de Vries" (tagged ORG) when "De Vries" is a person elsewhere: a capitalised name
    whose last two words are a two-word person form, whatever the case of a particle."""
    tails = {f.casefold() for f in person_forms if len(f.split()) == 2}
    words = span.text.split()
    return (len(words) >= 3 and " ".join(words[-2:]).casefold() in tails
            and all(w[:1].isupper() or (w.islower() and len(w) <= 3) for w in words))


def _is_person_form(span: Span, person_forms: set[str]) -> bool:
    if span.label_ in _REPAIRABLE and _ends_with_person_name(span, person_forms):
        return True
    if span.text not in person_forms:
        return False
    if span.label_ in _REPAIRABLE:
        return True
    # a place named like a person's surname is the person when it is the subject ("Trinidad said")
    return span.label_ == "GPE" and len(span) == 1 and span.root.dep_ == "nsubj"


_SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss"}


def recover_repeats(doc: Doc, spans: list[Span]) -> list[Span]:
    """Untagged repeats of a name the article already uses become mentions of its type.

    A multi-word person or organisation name repeated in full, or a person's surname standing as
    a proper-noun subject or possessor ("Whitcombe spoke", "Whitcombe's plan"). A name's first
    word standing so is the person too, there only: a family name written first ("Park Ji-hoon
    ... Park said") or a first name ("Amara said").
    """
    names: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    surnames: set[str] = set()
    firsts: set[str] = set()
    for span in spans:
        if len(span) >= 2 and span.label_ in {"PERSON", "ORG"}:
            words = tuple(t.text for t in span)
            names.setdefault(words[0], []).append((words, span.label_))
            if span.label_ == "PERSON":
                surnames.add(words[-1])
                surnames.update(w for w in words[1:-1] if w[:1].isupper())  # "Fuentes" of "Javiera Fuentes Olmedo"
                if span[0].is_alpha and span[0].is_title:
                    firsts.add(words[0])
    covered = {i for s in spans for i in range(s.start, s.end)}
    extra: list[Span] = []
    for token in doc:
        if token.text in surnames and token.pos_ == "PROPN" and token.dep_ in _SUBJECT_DEPS:
            names.setdefault(token.text, []).append(((token.text,), "PERSON"))
        elif (token.text in firsts and token.i not in covered and token.pos_ == "PROPN" and token.dep_ in _SUBJECT_DEPS
              and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")):
            extra.append(Span(doc, token.i, token.i + 1, label="PERSON"))
            covered.add(token.i)
    if not names:
        return sorted(spans + extra, key=lambda s: s.start) if extra else spans
    for token in doc:
        if token.i in covered or token.text not in names:
            continue
        for words, label in names[token.text]:
            end = token.i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[token.i : end]) == words and not covered.intersection(range(token.i, end)):
                extra.append(Span(doc, token.i, end, label=label))
                covered.update(range(token.i, end))
                break
    return sorted(spans + extra, key=lambda s: s.start) if extra else spans


def whole_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name the model cut before its last word, which the parse makes the head of the name
    ("Renata Okamura | Vasconcelos", "María José Herrero [Casas]"): the name runs on to that head, a
    capitalised proper noun of the same line that is no title, place or other name's first word."""
    out: list[Span] = []
    skip = -1
    for n, span in enumerate(spans):
        if span.start < skip:
            continue
        end = span.end
        if span.label_ == "PERSON":
            nxt = spans[n + 1] if n + 1 < len(spans) else None
            if (nxt is not None and nxt.label_ == "PERSON" and nxt.start == end and doc[end - 1].dep_ == "compound"
                    and nxt.start <= doc[end - 1].head.i < nxt.end and "\n" not in doc[end - 1].whitespace_):
                end = skip = nxt.end  # "Ravinder | Singh Gill": the parse makes the two one name
                nxt = spans[n + 2] if n + 2 < len(spans) else None
            while (end < len(doc) and end - span.start < 6 and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end
                   and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].is_alpha and "\n" not in doc[end - 1].whitespace_
                   and doc[end].ent_type_ in {"", "PERSON"}
                   and not is_title_word(doc[end].lower_) and not gazetteer().is_place(doc[end].text)
                   and (nxt is None or nxt.start > end or (nxt.label_ == "PERSON" and nxt.end == end + 1))):
                if nxt is not None and nxt.start == end:
                    skip = nxt.end
                    nxt = spans[n + 2] if n + 2 < len(spans) else None
                end += 1
        out.append(span if end == span.end else Span(doc, span.start, end, label="PERSON"))
    return out


def nicknamed_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """A given name, a nickname in quotes and a family name are one person's name (Seamus "the
    Captain" Ó Ceallaigh), whatever the model made of the nickname and the family name (a title of a
    work, another person, nothing)."""
    from newsgraph.nlp.places import give_way, token_texts

    words = token_texts(doc)
    found: list[Span] = []
    for span in spans:
        k = span.end
        if span.label_ != "PERSON" or k + 3 >= len(doc) or words[k] not in _QUOTES or "\n" in doc[k - 1].whitespace_:
            continue
        close = next((j for j in range(k + 1, min(k + 5, len(doc))) if words[j] in _QUOTES), None)
        if close is None or close == k + 1 or not all(t.text[:1].isupper() or t.lower_ == "the" for t in doc[k + 1 : close]):
            continue  # (a nickname is a name: "the Badger", "Tank"; not a quoted phrase: "a hero")
        end = close + 1
        while (end < len(doc) and end - close <= 3 and doc[end].text[:1].isupper() and doc[end].is_alpha
               and doc[end].ent_type_ in {"", "PERSON", "WORK_OF_ART", "ORG"}):
            end += 1
        if end > close + 1:
            found.append(Span(doc, span.start, end, label="PERSON"))
    return give_way(spans, found) if found else spans


def _person_forms(spans: list[Span]) -> set[str]:
    """Every word of the article's multi-word person names, and the names themselves."""
    forms: set[str] = set()
    for span in spans:
        if span.label_ == "PERSON" and len(span) >= 2:
            forms.add(span.text)
            forms.update(t.text for t in span if t.is_alpha)
    return forms


def mention_spans(doc: Doc) -> list[Span]:
    """The article's mention spans of the kept types, cleaned, repaired and recovered, in text order."""
    spans = [s for s in (clean_span(e) for e in doc.ents if e.label_ in KEPT or e.label_ == "WORK_OF_ART") if s is not None]
    spans = whole_countries(doc, dateline_spans(doc, merge_of_spans(spans)))  # nlp/places.py: "BOGOTÁ (AP) —"
    spans = [Span(doc, s.start, s.end, label="WORK_OF_ART") if _work_title(s) else s for s in spans]  # "the film Sylvia"
    spans = foreign_bodies(doc, spans)  # nlp/organisations.py: "Universidad Mayor de San Andrés"
    spans = advocacy_names(doc, split_portfolios(doc, join_place_names(doc, whole_portfolios(doc, spans))))  # "Friends of the Earth"
    spans = nicknamed_people(doc, whole_people(doc, recover_titled_names(doc, spans)))  # "Renata Okamura | Vasconcelos"
    spans = fix_types(spans)
    forms = _person_forms(spans)
    spans = fix_people(doc, spans, forms)
    spans = constituencies(doc, spans)
    # a type the gazetteer gives, with ner = combined, does not overrule a class the trained model
    # is sure of (keep_sure, nlp/recogniser.py): "Chicago 72 64 .529" is a team, "President Clinton" a man
    spans = keep_sure(doc, spans, same_place_types(doc, regions_by_kind(doc, fix_place_types(doc, spans, forms))))
    # (regions_by_kind: "Jiangxi province"; same_place_types: "Nova Scotia" typed a place once is one everywhere)
    spans = players(doc, clubs(doc, spans))  # nlp/places.py: "Thirsk United" typed PERSON, "4-Ana Vela (Spain)"
    spans = natural_places(doc, buildings(doc, named_events(doc, laws(doc, spans))))  # "the X Act", "the X Summit", "Lake Tana"
    spans = structures_by_kind(doc, spans)  # nlp/places.py: "the Loma Dorada copper mine", "the X dam"
    spans = coordinated_towns(doc, spans)  # nlp/places.py: "between Kamloops and X" typed ORG
    spans = bracketed_teams(doc, spans)  # nlp/places.py: "1. Ana Vela (Spain / Sierra Pro Cycling)"
    spans = retype_one_word_people(doc, spans)  # nlp/oneword.py: "the Firefox browser", "market leader Diageo"
    spans = listed_companies(doc, spans)  # nlp/oneword.py: "record labels A and X" typed a place
    spans = named_products(doc, spans)  # nlp/products.py: "a Falcon 9 rocket", "a weather satellite, Nuvola-1,"
    spans = [Span(doc, s.start, s.end, label="ORG") if s.label_ in _INSTITUTION_LABELS and canonical_institution(s.text) else s
             for s in spans]  # "Tories", "Labour" typed NORP or PERSON are the party
    spans = institutions(doc, spans)
    spans = recover_repeats(doc, companies(doc, spans))  # nlp/organisations.py: "Goldcrest Mining ... Goldcrest"
    spans = placed_modifiers(doc, described_companies(doc, spans))  # "State miner Codelco"; nlp/places.py: "a Santiago brokerage"
    spans = acronym_names(doc, spans)  # nlp/organisations.py: "Central Reserve Bank of Peru (BCRP)"
    text = doc_text(doc)  # (built once a doc: Doc.text joins every token)
    spans = capitals_of_people(doc, text, credits(doc, text, spans))  # "(Photo: Name / Agency)", "SANDBERG: ..."
    spans = employers_before_titles(doc, spans)  # "Karoo Peak chief executive Willem Botha" typed GPE
    spans = surnames_alone(doc, spans)  # "Jelena Marković ... Marković said" typed ORG
    spans = hyphenated_places(doc, spans)  # "Esch-sur-Alzette" cut at its first word
    return [s for s in spans if s.label_ in KEPT and not _currency_code(s) and not _nickname(s) and not _time_zone(s)
            and not _kicker(s) and not _ticker(s)]


# the small words inside a town's hyphenated name: "Esch-sur-Alzette", "Stratford-upon-Avon"
_HYPHEN_PARTICLES = frozenset("sur sous en le la les lès de du des am an im upon on under in en el".split())


def hyphenated_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """A place's name the model cut at its first word before a hyphen, a small word, a hyphen and a
    capitalised word ("Esch" of "Esch-sur-Alzette", "Stratford" of "Stratford-upon-Avon") is whole."""
    starts = {s.start for s in spans}
    out: list[Span] = []
    for span in spans:
        e = span.end
        while span.label_ in {"GPE", "LOC"} and _hyphen_tail(doc, e) and e + 3 not in starts:
            e += 4
        out.append(span if e == span.end else Span(doc, span.start, e, label=span.label_))
    return out


def _hyphen_tail(doc: Doc, e: int) -> bool:
    """Whether "-sur-Alzette" follows token ``e - 1``: a hyphen right after it, a small lower-case
    word, a hyphen right after that word and then a capitalised word right after the hyphen."""
    if e + 3 >= len(doc):
        return False
    hyphen, particle, hyphen2, word = doc[e], doc[e + 1], doc[e + 2], doc[e + 3]
    return (hyphen.text == "-" and hyphen2.text == "-"
            and not doc[e - 1].whitespace_ and not particle.whitespace_ and not hyphen2.whitespace_
            and particle.is_lower and particle.lower_ in _HYPHEN_PARTICLES and word.text[:1].isupper() and word.is_alpha)


# A label opening a text or a line before a colon ("Obituary: Ana Vela, ..."): no one's name
_KICKERS = frozenset("obituary analysis correction clarification review interview profile timeline factbox explainer "
                     "opinion comment editorial update exclusive preview feature letters".split())


def _kicker(span: Span) -> bool:
    doc = span.doc
    return (len(span) == 1 and span.text.lower() in _KICKERS and span.end < len(doc) and doc[span.end].text == ":"
            and (span.start == 0 or "\n" in doc[span.start - 1].text_with_ws))


_TICKER = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,3}")


def _ticker(span: Span) -> bool:
    """A stock ticker in brackets after a company's name ("(ETR.UB)", "(XOM.N)"): a code, no name."""
    doc = span.doc
    return (_TICKER.fullmatch(span.text) is not None and span.start > 0 and doc[span.start - 1].text == "("
            and span.end < len(doc) and doc[span.end].text == ")")


# The last word of a title only a company, a club or a body gives ("chief executive", "founder").
_EMPLOYER_TITLES = frozenset("executive ceo founder co-founder chairman chairwoman chairperson boss".split())
_EMPLOYER_FROM = frozenset({"GPE", "LOC", "NORP", "PERSON", "FAC", "PRODUCT"})


def _employer_shaped(span: Span) -> bool:
    """A name that can be a company's: capitalised words, not a country, a nationality, a region or
    a city of 100,000 people or more ("the Hong Kong chief executive", "Asia chief executive")."""
    text = span.text
    return (all(t.is_alpha and t.text[:1].isupper() for t in span) and country_of(text) is None
            and canonical_institution(text) is None and gazetteer().region(text) is None
            and not gazetteer().is_city(text, min_population=100_000))


def employers_before_titles(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name right before a lower-case title only an employer gives ("chief executive", "founder",
    "chairman") and then a person's capitalised name is that employer (ORG), whatever the model typed it
    ("Karoo Peak chief executive Willem Botha" typed GPE, "Bluewater Terminaux chief executive" typed
    NORP); and the name after the title is the person's, its first word taken back where the model
    cut it ("chief executive Thanawat | Rungroj" typed ORG)."""
    if not any(t.lower_ in _EMPLOYER_TITLES for t in doc):
        return spans
    starts = {s.start: n for n, s in enumerate(spans)}
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for n, span in enumerate(spans):
        if span.label_ not in _EMPLOYER_FROM | {"ORG"} or not _employer_shaped(span):
            continue  # (an ORG already: its person is still read, "X chief executive Thanawat | Rungroj")
        j = span.end
        while j < len(doc) and j - span.end < 4 and doc[j].is_lower and is_title_word(doc[j].lower_):
            j += 1
        if j == span.end or doc[j - 1].lower_ not in _EMPLOYER_TITLES or j >= len(doc):
            continue
        name = doc[j]
        if not (name.is_alpha and name.is_title and name.pos_ == "PROPN" and not is_title_word(name.lower_)):
            continue
        if j in starts:
            m = starts[j]
            if spans[m].label_ != "PERSON" and len(spans[m]) > 2:
                continue  # "chief executive of X": a longer name after the title is not the person's
            out[m] = Span(doc, j, spans[m].end, label="PERSON")
        elif j + 1 in starts and j not in covered and len(spans[starts[j + 1]]) <= 2:
            m = starts[j + 1]
            out[m] = Span(doc, j, spans[m].end, label="PERSON")  # "Thanawat | Rungroj" typed ORG
        else:
            continue
        out[n] = Span(doc, span.start, span.end, label="ORG")
    return out


# Words before a one-word name that make it the place or the body named like a person's surname
# ("moved to Lindqvist", "the Lindqvist plan"), not the person.
_NOT_A_SURNAME_BEFORE = frozenset({"the", "a", "an", "of", "on", "to", "in", "at", "near", "from", "into", "via", "outside",
                                   "across", "around", "towards", "toward", "off", "inside", "throughout", "between"})
_NOT_SURNAME_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})


def _surname_forms(person: Span) -> set[str]:
    """The words of a person's full name that stand for the person alone: the last ("Marković" of
    "Jelena Marković") and a capitalised one between the first and a particle or the last, a first
    surname of two ("Herrera" of "Marisol Herrera de Vallarino", "Fuentes" of "Javiera Fuentes Olmedo")."""
    words = [t for t in person if t.is_alpha or "-" in t.text]
    if len(words) < 2 or not all(t.text[:1].isupper() or t.lower_ in _PARTICLES for t in words):
        return set()
    forms = {_ARTICLE_PREFIX.sub("", words[-1].text)}
    forms.update(t.text for t in words[1:-1] if t.text[:1].isupper() and t.lower_ not in _PARTICLES)
    return {f for f in forms if len(f) > 2 and country_of(f) is None}


def surnames_alone(doc: Doc, spans: list[Span]) -> list[Span]:
    """A one-word name the model typed otherwise that is the surname of a person the article named in
    full before it is that person ("Jelena Marković (Јелена Марковић) ... Marković said", "Born in
    Umeå in 1961, Lindqvist moved"), unless a preposition or an article puts it as a place or a body
    ("moved to Lindqvist", "the Lindqvist plan"), it is a country or a nationality, or an
    organisation's longer name also begins with it ("Mercer Paket GmbH ... Joanna Mercer")."""
    people = [s for s in spans if s.label_ == "PERSON" and len(s) >= 2]
    if not people:
        return spans
    org_firsts = {s[0].text for s in spans if s.label_ != "PERSON" and len(s) >= 2}
    forms = [(p.end, _surname_forms(p)) for p in people]  # once a person, not once a candidate
    out: list[Span] = []
    for span in spans:
        token = span[0]
        if (len(span) == 1 and span.label_ in _NOT_SURNAME_LABELS and token.pos_ == "PROPN" and token.is_title
                and token.text not in org_firsts
                and not (span.start > 0 and doc[span.start - 1].lower_ in _NOT_A_SURNAME_BEFORE)
                and not (span.end < len(doc) and doc[span.end].pos_ == "PROPN")
                and any(end <= span.start and token.text in found for end, found in forms)):
            out.append(Span(doc, span.start, span.end, label="PERSON"))
        else:
            out.append(span)
    return out


_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_TIME_ZONES = frozenset("GMT BST UTC CET CEST EET EEST EST EDT CST CDT MST MDT PST PDT IST JST AEST AEDT SGT HKT".split())


def _time_zone(span: Span) -> bool:
    """ "14:32 GMT": a time zone after a time is no organisation."""
    doc = span.doc
    return (len(span) == 1 and span.text in _TIME_ZONES and span.start > 0
            and (doc[span.start - 1].like_num or ":" in doc[span.start - 1].text or doc[span.start - 1].lower_ in {"am", "pm", "a.m.", "p.m."}))


_CREDIT = re.compile(r"\((?:Photos?|Pictures?|Images?|Pics?|Video)\s*:\s*([^()/|]{2,60}?)\s*[/|]\s*([^()/|]{2,60}?)\s*\)")


# A wire story's footer: "(Reporting by A and B in Town; Additional reporting by C; Editing by D)"
_FOOTER = re.compile(r"\((?:Additional )?[Rr]eporting by [^()]{2,300}\)")
_FOOTER_CLAUSE = re.compile(r"(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten|[Ee]dited) by ([^;()]+)")
_FOOTER_NAME = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?: (?:[A-ZÀ-Þ][\w'’.-]*|de|van|von|da|di|al|bin))*")


def credits(doc: Doc, text: str, spans: list[Span]) -> list[Span]:
    """A photo credit in the text (``doc.text``), "(Photo: Inês Vaz / Norte Imagens)": the
    photographer is a person, the agency an organisation, whatever the model made of them; a wire
    footer's names after "Reporting by", "Editing by" ("(Reporting by A and B in Lima; Editing by
    C)") are people, up to "in" and a place; spans inside give way."""
    from newsgraph.nlp.places import give_way

    found: list[Span] = []
    for m in _CREDIT.finditer(text):
        for group, label in ((1, "PERSON"), (2, "ORG")):
            span = doc.char_span(m.start(group), m.end(group), label=label)
            if span is not None and any(t.text[:1].isupper() for t in span):
                found.append(span)
    for m in _FOOTER.finditer(text):
        for clause in _FOOTER_CLAUSE.finditer(m.group(0)):
            names = re.split(r" in [A-Z][^,]*$|,? and |, ", clause.group(1).strip())
            at = m.start() + clause.start(1)
            for name in names:
                name = name.strip()
                found_name = _FOOTER_NAME.fullmatch(name)
                if found_name is None or " " not in name:
                    continue  # a person's full name only
                start = text.find(name, at, m.end())
                span = doc.char_span(start, start + len(name), label="PERSON") if start >= 0 else None
                if span is not None:
                    found.append(span)
                    at = start + len(name)
    return give_way(spans, found) if found else spans


def capitals_of_people(doc: Doc, text: str, spans: list[Span]) -> list[Span]:
    """A person's surname written in capitals, as an interview's speaker ("SANDBERG: When ...") or a
    headline's ("VOSS UPSETS TOP SEED"), is that person's mention whatever the model made of it."""
    surnames = {s[-1].text.upper() for s in spans if s.label_ == "PERSON" and len(s) >= 2 and s[-1].is_alpha and len(s[-1]) > 2}
    surnames = {name for name in surnames if name in text}
    if not surnames:
        return spans
    kept = {i: s for s in spans for i in range(s.start, s.end)}
    found: list[Span] = []
    for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b", text):
        token = doc.char_span(m.start(), m.end())
        if token is not None and len(token) == 1:
            owner = kept.get(token.start)
            if owner is None or (len(owner) == 1 and owner.label_ != "PERSON"):
                found.append(Span(doc, token.start, token.end, label="PERSON"))
    if not found:
        return spans
    taken = {s.start for s in found}
    return sorted([s for s in spans if s.start not in taken] + found, key=lambda s: s.start)


def _nickname(span: Span) -> bool:
    """ "the Mr Nasty of books", "No More Mr Nice": an honorific after "the" or "more" makes a type
    of person, a nickname, not someone's name."""
    doc = span.doc
    return (span.label_ == "PERSON" and len(span) == 1 and span.start >= 2 and doc[span.start - 1].lower_.rstrip(".") in _NICK_HONORIFICS
            and doc[span.start - 2].lower_ in {"the", "more"})


_NICK_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister"})


# A noun that names a work, written just before the work's name ("the film Sylvia", "her novel Ada"),
# and one that takes a work after "of" ("a staging of Uncle Vanya", "his cover of Jolene").
_WORK_NOUNS = frozenset("play film movie novel song album single opera musical ballet sitcom documentary poem "
                        "painting sculpture memoir biography thriller book series drama soap".split())
_WORK_OF = frozenset("production staging revival adaptation version performance recording remake cover rendition "
                     "sequel".split())


def _work_title(span: Span) -> bool:
    """A name the text gives to a work, not to a person or a body: after a work noun in apposition
    ("the play Uncle Vanya") or after "a staging of", "a revival of" ... . A possessor is no work
    ("a version of Smith's plan"), nor, after a work noun, a name a verb without an object follows:
    it may be the subject of a relative clause ("the book Anna Hale wrote"), and is left as the
    model typed it."""
    if span.label_ not in {"PERSON", "WORK_OF_ART", "PRODUCT", "ORG", "GPE", "LOC", "FAC", "EVENT"} or span.start == 0:
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in _TRAILING_DROP - {"s"}:
        return False  # a possessor
    before = doc[span.start - 1]
    if before.lower_ in _WORK_NOUNS and before.pos_ == "NOUN":
        # a verb with an object of its own has the work for subject ("her album X topped the charts")
        return after is None or after.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "dobj" for c in after.children)
    if span.label_ not in {"PERSON", "WORK_OF_ART", "PRODUCT"}:
        return False  # ("a version of Windows" may be a company's product, "a staging of Paris" a city's)
    return (before.lower_ in {"of", "to"} and span.start >= 2 and doc[span.start - 2].lower_ in _WORK_OF
            and (before.lower_ == "of" or doc[span.start - 2].lower_ == "sequel"))


def _currency_code(span: Span) -> bool:
    """An ISO 4217 code written beside a number ("NOK 1.8 billion", "2 million SEK"): money, no name."""
    if len(span) != 1 or span.text.lower() not in CODES or not span.text.isupper():
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(t is not None and (t.like_num or t.text[:1].isdigit()) for t in (before, after))


__all__ = ["KEPT", "MODIFIERS", "clean_span", "fix_types", "mention_spans", "merge_of_spans", "recover_repeats", "recover_titled_names"]
