"""Entity types on news layouts the first golden cases lacked (nlp/places.py datelines and buildings,
nlp/organisations.py laws and company nouns, nlp/titles.py and nlp/roles.py titles outside the old
lexicon), on sentences written for these tests, none from the golden set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.model import ArticleFacts


def typed(facts: ArticleFacts) -> dict[str, str]:
    """Each mention's text and type."""
    return {m.evidence.text: m.type.value for m in facts.mentions}


def roles(facts: ArticleFacts, name: str) -> set[tuple[str, str | None]]:
    return {(r.title, r.organization) for e in facts.entities if e.name == name for r in e.roles}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ZÜRICH, Switzerland (Reuters) - Watchmakers reported weaker exports in June.",
         {"ZÜRICH": "GPE", "Switzerland": "GPE", "Reuters": "ORG"}),
        ("BRASÍLIA (Reuters) - The senate voted on Tuesday to delay the tax reform.", {"BRASÍLIA": "GPE", "Reuters": "ORG"}),
        ("MEDELLÍN (AP) — Coffee growers blocked two highways on Monday to protest low prices.",
         {"MEDELLÍN": "GPE", "AP": "ORG"}),
        ("CHIȘINĂU, Moldova — Voters queued for hours outside polling stations on Sunday.",
         {"CHIȘINĂU": "GPE", "Moldova": "GPE"}),
    ],
)
def test_a_dateline_is_read_by_its_layout(run, nlp: Language, text: str, expected: dict[str, str]) -> None:
    found = typed(run(nlp, text))
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("EU - Trade ministers met in Brussels on Monday.", "EU"),
        ("RUGBY - WALES NAME NEW CAPTAIN FOR SUMMER TOUR\nThe squad flies out on Friday.", "RUGBY"),
    ],
)
def test_a_headline_before_a_dash_is_no_dateline(run, nlp: Language, text: str, word: str) -> None:
    """A headline's acronym, or a sport written in a headline in capitals (CoNLL-2003's layout), is no city."""
    assert typed(run(nlp, text)).get(word) != "GPE"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fans queued outside the Marlow Arena before the concert on Saturday.", "Marlow Arena"),
        ("The minister received the ambassadors at the Palace of the Republic in the afternoon.", "Palace of the Republic"),
        ("Two injured climbers were flown to the Brannock General Hospital in Leeds overnight.", "Brannock General Hospital"),
        ("Protesters gathered at the Villa Serena, the official residence, until late on Monday.", "Villa Serena"),
    ],
)
def test_buildings_are_facilities(run, nlp: Language, text: str, name: str) -> None:
    assert typed(run(nlp, text)).get(name) == "FAC"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lawmakers spent Tuesday arguing over the Coastal Flooding Bill and its costs.", "Coastal Flooding Bill"),
        ("Retailers said the Consumer Credit Reform Act would raise their costs.", "Consumer Credit Reform Act"),
    ],
)
def test_bills_and_acts_are_laws(run, nlp: Language, text: str, name: str) -> None:
    assert typed(run(nlp, text)).get(name) == "LAW"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Head coach Amir Farouk praised his players after the win.", "Amir Farouk", {("head coach", None)}),
        ("Lawyer Ines Moreau said the contract was void.", "Ines Moreau", {("lawyer", None)}),
        ("Sunil Varma, the MP for Leicester East, said the vote was close.", "Sunil Varma", {("mp", "Leicester East")}),
        ("Search team leader Bolat Nurlanov said the divers had found the wreck.", "Bolat Nurlanov",
         {("search team leader", None)}),
        ("Chief scientist Olu Bakare said the samples were clean.", "Olu Bakare", {("chief scientist", None)}),
        ("Professor Lena Hartmann of Heidelberg University said the data were sound.", "Lena Hartmann",
         {("professor", "Heidelberg University")}),
    ],
)
def test_titles_outside_the_old_lexicon(run, nlp: Language, text: str, name: str, expected: set[tuple[str, str | None]]) -> None:
    assert roles(run(nlp, text), name) == expected


def test_cote_divoire_is_one_country(run, nlp: Language) -> None:
    facts = run(nlp, "Cocoa prices rose after heavy rain in Côte d'Ivoire and Ghana last week.")
    (entity,) = [e for e in facts.entities if e.name == "Côte d'Ivoire"]
    assert entity.type.value == "GPE" and entity.geo is not None and entity.geo.country == "CI"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ministers flew to Trinidad and Tobago on Monday for the talks.", "Trinidad and Tobago"),
        ("Aid reached Bosnia and Herzegovina by Friday, officials said.", "Bosnia and Herzegovina"),
        ("Flooding hit Bouaké and Korhogo in Côte d'Ivoire overnight.", "Côte d'Ivoire"),
    ],
)
def test_a_country_written_in_full_is_one_place(run, nlp: Language, text: str, name: str) -> None:
    assert typed(run(nlp, text)).get(name) == "GPE"


def test_a_city_the_model_typed_loc_in_a_country_the_article_names(run, nlp: Language) -> None:
    assert typed(run(nlp, "Fishermen near San-Pédro said the catch had halved since the spring in Côte d'Ivoire."))["San-Pédro"] == "GPE"


def test_the_seat_after_mp_for_is_a_place(run, nlp: Language) -> None:
    facts = run(nlp, "Nadia Crewe, the MP for Ashby North, said the plan was unfair.")
    assert typed(facts).get("Ashby North") == "GPE" and roles(facts, "Nadia Crewe") == {("mp", "Ashby North")}


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        ("Trucks carried ore from Kestrel Minerals to the coast. Kestrel said output rose.", "Kestrel Minerals", "Kestrel"),
        ("Redvale Shipping said freight rates had doubled. Redvale blamed the war.", "Redvale Shipping", "Redvale"),
    ],
)
def test_a_company_name_and_its_short_form_are_one_organisation(run, nlp: Language, text: str, name: str, short: str) -> None:
    (entity,) = [e for e in run(nlp, text).entities if e.name == name]
    assert entity.type.value == "ORG" and len(entity.mention_ids) == 2 and [a.text for a in entity.aliases] == [short]


def test_a_trade_noun_before_a_one_word_name_makes_it_a_company(run, nlp: Language) -> None:
    assert typed(run(nlp, "Furniture exporter Brakeen said on Monday it would close its plant."))["Brakeen"] == "ORG"


@pytest.mark.parametrize(
    ("text", "company", "person", "title"),
    [
        ("Osuki Biolabs chief scientist Kenji Hara said the vaccine worked.", "Osuki Biolabs", "Kenji Hara", "chief scientist"),
        ("Tamura Medtech chief executive Yuki Sato said orders rose.", "Tamura Medtech", "Yuki Sato", "chief executive"),
        ("Halvern Robotics chief engineer Mei Tanaka said the arm would ship in June.", "Halvern Robotics", "Mei Tanaka",
         "chief engineer"),
    ],
)
def test_the_employer_before_a_staff_title(run, nlp: Language, text: str, company: str, person: str, title: str) -> None:
    facts = run(nlp, text)
    assert typed(facts)[company] == "ORG" and roles(facts, person) == {(title, company)}
