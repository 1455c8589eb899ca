"""Entity types, short forms and roles on the layouts of the golden set's `layouts/` part (entities
v16): works of art, kickers, portfolios before a title, sports clubs and players, natural places,
named events and laws, demonyms of every country, and a role's organisation named as the article
names it. Sentences written for these tests, none from the golden set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.model import ArticleFacts
from newsgraph.nlp.countries import country_of_demonym


def typed(facts: ArticleFacts) -> dict[str, str]:
    """Each mention's text and type."""
    return {m.evidence.text: m.type.value for m in facts.mentions}


def roles(facts: ArticleFacts, name: str) -> set[tuple[str, str | None]]:
    return {(r.title, r.organization) for e in facts.entities if e.name == name for r in e.roles}


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("Her revival of Aunt Clara drew full houses in Leeds last winter.", "Aunt Clara"),
        ("He starred in the film Rosalind, which was shot in Malta.", "Rosalind"),
        ("The band closed with the song Marianne before a crowd of 40,000.", "Marianne"),
        ("Critics praised her new novel Tomasz, set in post-war Gdańsk.", "Tomasz"),
    ],
)
def test_a_work_named_after_a_person_is_no_person(run, nlp: Language, text: str, work: str) -> None:
    assert work not in typed(run(nlp, text))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("He read the book Anna Hale wrote about the strike.", "Anna Hale"),
        ("A version of Tom Reese's plan was adopted on Monday.", "Tom Reese"),
    ],
)
def test_a_person_beside_a_work_noun_stays_a_person(run, nlp: Language, text: str, person: str) -> None:
    """The subject of a relative clause after a work noun, and a possessor after "a version of"."""
    assert typed(run(nlp, text)).get(person) == "PERSON"


def test_a_kicker_is_no_part_of_a_name(run, nlp: Language) -> None:
    found = typed(run(nlp, "EXCLUSIVE Steel group Harrow Metals plans to close two plants in Wales, "
                           "people briefed on the plan said. Harrow declined to comment."))
    assert "EXCLUSIVE" not in " ".join(found)
    assert found.get("Harrow Metals") == "ORG" and found.get("Harrow") == "ORG"


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Senegalese Energy Minister Awa Ndiaye said the grid would reach every village by 2030.",
         {"Senegalese": "NORP", "Awa Ndiaye": "PERSON"}, "Senegalese Energy"),
        ("The delegation will meet Transport Minister Juhani Lehto in Helsinki.", {"Juhani Lehto": "PERSON"}, "Transport"),
        ("UN Refugee Commissioner Ines Alvar visited the camp.", {"UN": "ORG", "Ines Alvar": "PERSON"}, "UN Refugee"),
    ],
)
def test_a_portfolio_before_a_title_is_no_organisation(run, nlp: Language, text: str, expected: dict[str, str],
                                                        absent: str) -> None:
    found = typed(run(nlp, text))
    assert {k: found.get(k) for k in expected} == expected
    assert absent not in found


def test_a_minister_s_nationality_names_the_country(run, nlp: Language) -> None:
    facts = run(nlp, "Zambian Mines Minister Chanda Mulenga said Zambia would raise copper royalties.")
    assert roles(facts, "Chanda Mulenga") == {("mines minister", "Zambia")}


@pytest.mark.parametrize(
    ("demonym", "country"),
    [("Ghanaian", "Ghana"), ("Czech", "Czech Republic"), ("Congolese", "Democratic Republic of the Congo"),
     ("Emirati", "United Arab Emirates"), ("Welsh", "Wales"), ("Kyrgyz", "Kyrgyzstan")],
)
def test_every_country_has_its_demonym(demonym: str, country: str) -> None:
    assert country_of_demonym(demonym) == country


def test_a_country_s_full_name_the_model_split_is_one_place(run, nlp: Language) -> None:
    found = typed(run(nlp, "The striker moved from Sparta Prague to a club in the Dominican Republic."))
    assert found.get("Dominican Republic") == "GPE"


def test_a_club_and_its_town_are_the_club(run, nlp: Language) -> None:
    facts = run(nlp, "Kendal Rovers beat Settle Town 3-1 at Parkside on Saturday. Two goals from Ben Ashby put "
                     "Kendal top, and Settle manager Joe Wray said his side were second best.")
    found = typed(facts)
    assert found.get("Kendal Rovers") == "ORG" and found.get("Kendal") == "ORG"
    assert found.get("Settle") == "ORG"
    names = {e.name: e for e in facts.entities}
    assert "Kendal" not in names, "the town alone joins the club"
    assert roles(facts, "Joe Wray") == {("manager", "Settle Town")}


def test_a_town_not_meant_as_the_club_stays_a_place(run, nlp: Language) -> None:
    found = typed(run(nlp, "Fans of Leeds United marched through the centre of Leeds on Sunday."))
    assert found.get("Leeds United") == "ORG"
    assert found.get("Leeds") == "GPE"


def test_a_side_with_a_score_is_a_club_not_a_building(run, nlp: Language) -> None:
    found = typed(run(nlp, "Crawley beat Harbour Vale 2-1 at the Broadfield Stadium on Tuesday."))
    assert found.get("Harbour Vale") == "ORG"
    assert found.get("Broadfield Stadium") == "FAC"


def test_a_results_list_names_its_players(run, nlp: Language) -> None:
    text = ("ROTTERDAM, Netherlands, Feb 9 - Results from the Maasstad Open on Sunday (prefix number denotes seeding):\n"
            "Men's singles, semi-finals\n"
            "3-Jonas Brekke (Norway) beat Paolo Visconti (Italy) 6-4 6-3\n"
            "Ravi Anand (India) beat 1-Milan Kovac (Slovakia) 7-5 6-7(2) 6-2")
    found = typed(run(nlp, text))
    for name in ("Jonas Brekke", "Paolo Visconti", "Ravi Anand", "Milan Kovac"):
        assert found.get(name) == "PERSON", name
    assert found.get("ROTTERDAM") == "GPE" and found.get("Norway") == "GPE"
    assert found.get("Maasstad Open") == "EVENT"


# Names the text types, whatever the model typed them (rivers, lakes and parks; summits, decrees and
# storms; namesake buildings; ministries over "and"; products in apposition; names in other
# languages; legal forms; protected areas; a nationality before a noun).
_TYPED = [
    ("Fishermen on Lake Malawi reported record catches this spring.", "Lake Malawi", "LOC"),
    ("Heavy rain swelled the Drava river near the border.", "Drava", "LOC"),
    ("Snow closed the passes through the Tatra mountains overnight.", "Tatra", "LOC"),
    ("Oil was found off the Cabo Delgado Peninsula last year.", "Cabo Delgado Peninsula", "LOC"),
    ("Tourists flew to Cape Town for the rugby final.", "Cape Town", "GPE"),
    ("Ministers arrived in Lomé for the West African Water Summit on Monday.", "West African Water Summit", "EVENT"),
    ("Parliament passed the Coastal Fisheries Decree after a long debate.", "Coastal Fisheries Decree", "LAW"),
    ("Staff at the King Hussein Bridge were told to expect delays.", "King Hussein Bridge", "FAC"),
    ("The mayor spoke on the steps of the Palais de Justice in the morning.", "Palais de Justice", "FAC"),
    ("Officials from the Ministry of Mines and Energy Transition visited the site.",
     "Ministry of Mines and Energy Transition", "ORG"),
    ("The firm unveiled its new smartphone, the Corvo S5, at a launch in Milan.", "Corvo S5", "PRODUCT"),
    ("Hurricane Delia flattened crops across the island overnight.", "Hurricane Delia", "EVENT"),
    ("The River Ouse burst its banks in York on Sunday.", "River Ouse", "LOC"),
    ("The firm launched the Vela Pods, a pair of earbuds, in Oslo.", "Vela Pods", "PRODUCT"),
    ("Tickets for the Lakefire festival sold out in an hour.", "Lakefire", "EVENT"),
    ("Rangers counted the herds in Lango West National Park on Friday.", "Lango West National Park", "LOC"),
    ("The appeal went to the Tribunal Supremo in Madrid.", "Tribunal Supremo", "ORG"),
    ("Pupils from the Universidad Mayor de San Ignacio planted trees.", "Universidad Mayor de San Ignacio", "ORG"),
    ("Oil spilled near the port, the Chilean navy said.", "Chilean", "NORP"),
    ("Shares in Vento Marino SpA rose 4% in Milan.", "Vento Marino SpA", "ORG"),
    ("A fire broke out at the Mercado da Ribeira in Lisbon overnight.", "Mercado da Ribeira", "FAC"),
    ("Fires reached the Parque Nacional de Monfragüe on Sunday.", "Parque Nacional de Monfragüe", "LOC"),
    ("09:40 BST - Pharmaciens Sans Frontières says its staff are safe.", "Pharmaciens Sans Frontières", "ORG"),
]


@pytest.mark.parametrize(("text", "name", "label"), _TYPED)
def test_a_name_keeps_the_type_the_text_gives_it(run, nlp: Language, text: str, name: str, label: str) -> None:
    assert typed(run(nlp, text)).get(name) == label


def test_a_state_introduced_by_an_adjective_is_a_place(run, nlp: Language) -> None:
    found = typed(run(nlp, "Farmers in the northern state of Uttarakhand lost their harvest to hail."))
    assert found.get("Uttarakhand") == "GPE"


def test_police_in_a_city_and_its_club(run, nlp: Language) -> None:
    """A city named in a person-like club name elsewhere is still the city after "in"."""
    found = typed(run(nlp, "Police in Zagreb detained 20 fans after the derby."))
    assert found.get("Zagreb") == "GPE"


def test_a_family_name_written_first_is_the_person_alone(run, nlp: Language) -> None:
    facts = run(nlp, "Lee Min-seo, the fund's chief investment officer, joined in March. Lee is expected to "
                     "cut the fund's holdings of bonds.")
    found = typed(facts)
    assert found.get("Lee") == "PERSON"
    assert [e.name for e in facts.entities if e.type.value == "PERSON"] == ["Lee Min-seo"]


def test_a_first_name_after_a_title_word_stays_the_name(run, nlp: Language) -> None:
    """ "coach Earl Dunmore": after a title, a capitalised title word ("Earl", "Dean") is a first name."""
    found = typed(run(nlp, "Harriers coach Dean Fairley said his runners were tired."))
    assert found.get("Dean Fairley") == "PERSON"


def test_a_role_s_organisation_is_named_as_the_article_names_it(run, nlp: Language) -> None:
    facts = run(nlp, "The World Food Programme (WFP) said on Friday that it would cut rations. The WFP's "
                     "country director, Maren Holt, said the cuts would start in May.")
    assert roles(facts, "Maren Holt") == {("country director", "World Food Programme")}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("ACCRA (Reuters) - Ghana's cocoa output fell by a fifth. Trade Minister Yaw Owusu blamed the rains.",
         "Yaw Owusu", {("trade minister", "Ghana")}),
        ("Prime Minister Ana Rocha said France and Spain would share the cost.", "Ana Rocha", {("prime minister", None)}),
        ("Chief executive Lena Marsh said sales in Norway rose.", "Lena Marsh", {("chief executive", None)}),
    ],
)
def test_a_minister_s_unsaid_country_only_where_one_is_meant(run, nlp: Language, text: str, name: str,
                                                              expected: set[tuple[str, str | None]]) -> None:
    """The article's one country, or none: two countries leave it unsaid, and a company officer's
    employer is never guessed."""
    assert roles(run(nlp, text), name) == expected


def test_leading_work_is_no_post(run, nlp: Language) -> None:
    facts = run(nlp, "Dr Tova Lind, who led the study, said the results surprised her.")
    assert roles(facts, "Tova Lind") == set()
    facts = run(nlp, "Omar Saleh, who heads the agency, said the plan was sound.")
    assert roles(facts, "Omar Saleh") == {("head", None)}


@pytest.mark.parametrize(
    ("text", "word", "nickname"),
    [
        ("The judge said she would not be the Mr Grumpy of the panel this year.", "Grumpy", True),
        ("Fans chanted No More Mr Softie as the coach left.", "Softie", True),
        ("A Mr Hollis called the station on Monday.", "Hollis", False),
        ("Police said Mr Hollis had left.", "Hollis", False),
    ],
)
def test_an_honorific_after_the_makes_a_nickname(nlp: Language, text: str, word: str, nickname: bool) -> None:
    """Read on the name typed PERSON, as the model types "Nasty" of "the Mr Nasty of books" (the
    model's choice varies with the sentence, so the span is made here)."""
    from spacy.tokens import Span

    from newsgraph.nlp.mentions import _nickname

    doc = nlp.make_doc(text)
    (i,) = [t.i for t in doc if t.text == word]
    assert _nickname(Span(doc, i, i + 1, label="PERSON")) is nickname


# Entities v17: the classes of the golden set's `layouts2/` part, on other sentences.


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Veltra Foods, the Lyon-based dairy group, will buy rival Mirel Dairies for 2 billion euros, its chairman, "
         "Paul Ardent, said on Monday.", "Paul Ardent", {("chairman", "Veltra Foods")}),
        ("Harbourside NHS Trust said it would shut two wards. Its chief executive, Dr Ana Ruiz, blamed a lack of nurses.",
         "Ana Ruiz", {("chief executive", "Harbourside NHS Trust")}),
        ("Prosecutor Tom Ellery, of the Serious Fraud Office, said the case would go to trial.", "Tom Ellery",
         {("prosecutor", "Serious Fraud Office")}),
        ("Rhian Powell, who founded the Welsh toy maker Dragonbox, has retired.", "Rhian Powell", {("founder", "Dragonbox")}),
    ],
)
def test_a_role_s_organisation_the_text_reaches(run, nlp: Language, text: str, name: str,
                                                  expected: set[tuple[str, str | None]]) -> None:
    """Through "its" (the subject named before it, not the firm it buys), past "Dr", after ", of
    the", and past a nationality that only describes the organisation."""
    assert roles(run(nlp, text), name) == expected


def test_a_given_name_before_bin_is_no_title(run, nlp: Language) -> None:
    found = typed(run(nlp, "The port's chairman, Sultan bin Ahmed al-Harthy, said volumes rose by a tenth."))
    assert found.get("Sultan bin Ahmed al-Harthy") == "PERSON"


def test_a_company_s_first_words_stand_for_it(run, nlp: Language) -> None:
    facts = run(nlp, "Tamar Bay Holdings will build a terminal in Oman. Tamar Bay has also bid for a port in Kenya.")
    assert typed(facts).get("Tamar Bay") == "ORG"
    assert [e.name for e in facts.entities if e.type.value == "ORG"] == ["Tamar Bay Holdings"]


def test_a_product_described_once_keeps_its_type_when_named_again(run, nlp: Language) -> None:
    facts = run(nlp, "Corvid Labs released Quill 2, a chatbot for lawyers, on Monday. Its founder said Quill 2 "
                     "had been tested by three firms.")
    assert [m.type.value for m in facts.mentions if m.evidence.text == "Quill 2"] == ["PRODUCT", "PRODUCT"]


def test_a_name_with_two_surnames_stands_by_the_first(run, nlp: Language) -> None:
    facts = run(nlp, "The energy minister, Luis Moreno Vidal, visited the dam on Friday. Moreno said repairs would take a year.")
    assert typed(facts).get("Moreno") == "PERSON"
    assert [e.name for e in facts.entities if e.type.value == "PERSON"] == ["Luis Moreno Vidal"]


def test_a_work_s_title_may_be_a_place_s_name(run, nlp: Language) -> None:
    """ "her album Paris Lights topped the charts": the title, whatever the model typed it."""
    assert "Paris Lights" not in typed(run(nlp, "The singer, whose album Paris Lights topped the charts, will tour Spain."))


# Entities v17, the third round (`layouts3/`): the same, on other sentences.


def test_a_franchise_and_its_town(run, nlp: Language) -> None:
    facts = run(nlp, "Leeds Falcons beat Hull Ravens by 12 points on Sunday. Hull coach Dan Pryce said his side had "
                     "lost their shape.")
    assert typed(facts).get("Hull") == "ORG"
    assert roles(facts, "Dan Pryce") == {("coach", "Hull Ravens")}


def test_a_drama_named_after_a_house_is_no_organisation(run, nlp: Language) -> None:
    assert "Castle Rowan" not in typed(run(nlp, "She starred in the long-running drama Castle Rowan for ten years."))


def test_a_company_ending_in_mobile_and_its_short_form(run, nlp: Language) -> None:
    facts = run(nlp, "Tembo Mobile said on Monday it would cut prices. Tembo's finance director, Ruth Achieng, said "
                     "profits would fall.")
    assert typed(facts).get("Tembo") == "ORG"
    assert roles(facts, "Ruth Achieng") == {("finance director", "Tembo Mobile")}


def test_a_photo_credit_names_a_person_and_an_agency(run, nlp: Language) -> None:
    found = typed(run(nlp, "Crowds gathered outside the court in Lyon on Monday. (Photo: Marion Ferrand / Rhône Images)"))
    assert found.get("Marion Ferrand") == "PERSON"
    assert found.get("Rhône Images") == "ORG"


def test_a_time_zone_is_no_organisation(run, nlp: Language) -> None:
    assert "GMT" not in typed(run(nlp, "09:15 GMT - Oxfam says its first convoy has reached the border."))


def test_a_surname_in_capitals_is_the_person(run, nlp: Language) -> None:
    facts = run(nlp, "Ingrid Holm, head of Fjord Cells, spoke to Nils Dahl in Oslo.\nDAHL: When will the plant open?\n"
                     "HOLM: Not before 2028.")
    found = typed(facts)
    assert found.get("DAHL") == "PERSON" and found.get("HOLM") == "PERSON"
    assert [e.name for e in facts.entities if e.type.value == "PERSON"] == ["Ingrid Holm", "Nils Dahl"]


def test_a_franchise_s_nickname_alone_is_the_club(run, nlp: Language) -> None:
    facts = run(nlp, "The Austin Comets have traded quarterback Reed Tanner to the Omaha Pioneers. Comets head coach "
                     "Lou Barrett said a rookie would start.")
    assert typed(facts).get("Comets") == "ORG"
    assert roles(facts, "Lou Barrett") == {("head coach", "Austin Comets")}
