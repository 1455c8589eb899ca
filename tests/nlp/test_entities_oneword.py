"""One-word "people" that the article shows are not people (nlp/oneword.py), on sentences written for
these tests: the model tags each name PERSON (checked first), the article's own cues retype it; real
one-word people (an honorific, a pronoun, a say-verb, a first name elsewhere) stay people."""

from __future__ import annotations

import pytest
from spacy.language import Language


def retyped_as_person(nlp: Language, text: str, name: str) -> set[tuple[str, str]]:
    """(text, label) of the names after ``retype_one_word_people``, the model's parse and entities
    kept but ``name`` made a PERSON on purpose (the model's error this module mends, which it
    makes on some texts and not on a short test sentence)."""
    from newsgraph.nlp.oneword import retype_one_word_people

    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("newsgraph_") or p == "newsgraph_paragraphs"]):
        doc = nlp(text)  # the model's parse and entities only
    start = text.index(name)
    wrong = doc.char_span(start, start + len(name), label="PERSON")
    spans = [wrong, *[e for e in doc.ents if e.end <= wrong.start or e.start >= wrong.end]]
    return {(s.text, s.label_) for s in retype_one_word_people(doc, spans)}


def model_labels(nlp: Language, text: str) -> dict[str, set[str]]:
    """What the spaCy model alone tags (newsgraph's components off)."""
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("newsgraph_") or p == "newsgraph_paragraphs"]):
        doc = nlp(text)
    out: dict[str, set[str]] = {}
    for e in doc.ents:
        out.setdefault(e.text, set()).add(e.label_)
    return out


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a company: a sector before its title word, a job at it, a list of companies
        ("The drinks market is led by market leader Brannock, which bought the rest of Seagram in 2001.", "Brannock", "ORG"),
        ("Anheuser-Busch, Heineken and Carlsberg have all bought stakes in brewers across Vietnam.", "Heineken", "ORG"),
        # a place: a constituency, "the edge of", a locative preposition, a gazetteer place as a noun's modifier
        ("Sam Hale, Labour MP for Dunmore, said the bill was flawed.", "Dunmore", "GPE"),
        ("Voters in the official Devon house were asked. The school is on the edge of Makoko, a lagoon settlement.", "Makoko", "GPE"),
        ("Amina Yusuf spent a year at Greyfriars before the war.", "Greyfriars", "GPE"),
        ("Delegates at the talks at the prime minister's official Kent house will draft a new plan.", "Kent", "GPE"),
    ],
)
def test_oneword_person_retyped_by_the_article(run, nlp: Language, text: str, name: str, expected: str) -> None:
    assert "PERSON" in model_labels(nlp, text).get(name, set()) or name in {"Greyfriars"}
    types = {e.type.value for e in run(nlp, text).entities if e.name == name}
    assert types == {expected}


def test_oneword_research_firm_after_a_job_title(run, nlp: Language) -> None:
    text = "Mike Barrow, a research director at analyst Quantel, told reporters that sales had slowed."
    facts = run(nlp, text)
    assert {e.type.value for e in facts.entities if e.name == "Quantel"} == {"ORG"}
    assert [r.title for e in facts.entities if e.name == "Mike Barrow" for r in e.roles] == ["research director"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Madonna released a new album on Friday in London. She said it was her best.", "Madonna"),
        ("Tessa Brannock joined the firm in 2001. Brannock said shares would rise.", "Tessa Brannock"),
        ("The drinks market is led by market leader Brannock, who said he would retire in 2001.", "Brannock"),
        ("Sam Hale, Labour MP for Dunmore, said the bill was flawed. Dunmore said the vote was close.", "Dunmore"),
    ],
)
def test_oneword_person_with_person_evidence_stays_a_person(run, nlp: Language, text: str, name: str) -> None:
    assert "PERSON" in model_labels(nlp, text).get(name.split()[-1], set()) | model_labels(nlp, text).get(name, set())
    assert {e.type.value for e in run(nlp, text).entities if e.name == name} == {"PERSON"}


def test_oneword_collectives_are_never_people(run, nlp: Language) -> None:
    text = "Male MPs jeered in the Chamber, a study of women MPs found. MPs of all parties complained about it."
    facts = run(nlp, text)
    assert not [e.name for e in facts.entities if e.type.value == "PERSON" and "MPs" in e.name]


def test_oneword_name_counted_with_an_article_is_no_person(run, nlp: Language) -> None:
    text = "Takeo Mori will be awarded an Oscar at a dinner in February. The main Oscar ceremony is in Los Angeles."
    facts = run(nlp, text)
    assert not [e.name for e in facts.entities if e.type.value == "PERSON" and e.name == "Oscar"]
    assert {e.name for e in facts.entities if e.type.value == "PERSON"} == {"Takeo Mori"}


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("Tories attack asylum moves\n\nThe plans were criticised on Monday.", "Tories", True),
        ("Labour's 'propaganda' claim\n\nThe row grew on Monday.", "Labour", True),
        ("Dame Alice Hoyle, who served nine years as Commons Speaker, said the reforms had failed.", "Commons", True),
        ("Labour costs rose by 3% in March, the figures showed.", "Labour", False),
    ],
)
def test_institution_short_form_at_a_headline_start_or_before_a_title(run, nlp: Language, text: str, name: str, found: bool) -> None:
    names = {e.name: e for e in run(nlp, text).entities}
    assert (name in names and names[name].type.value == "ORG") is found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her view was echoed by Iris director Sir Tom Vane, who praised the whole cast.", "Iris"),
        ("Her version of Giselle, full of poise and warmth, is still thought one of the finest.", "Giselle"),
        ("Festival winners were a drama, Robbing Peter and Primer. Primer, a $9,000 (£4,700) film about time travel, won top prize.", "Primer"),
    ],
)
def test_oneword_work_title_is_no_person(run, nlp: Language, text: str, name: str) -> None:
    assert "PERSON" in model_labels(nlp, text).get(name, set())
    assert name not in {e.name for e in run(nlp, text).entities if e.type.value == "PERSON"}


def test_oneword_brand_before_a_product_noun(run, nlp: Language) -> None:
    text = "Its big names include Malibu rum, Stolichnaya vodka and Ballantine's whisky."
    assert {e.name: e.type.value for e in run(nlp, text).entities if e.name in {"Stolichnaya", "Ballantine"}} == {
        "Stolichnaya": "PRODUCT", "Ballantine": "PRODUCT"}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The company owns restaurant brands such as Dunkin' Donuts and Baskin-Robbins ice cream parlours.", "Baskin-Robbins", "ORG"),
    ],
)
def test_oneword_listed_after_companies_such_as(run, nlp: Language, text: str, name: str, expected: str) -> None:
    assert "PERSON" in model_labels(nlp, text).get(name, set())
    assert {e.type.value for e in run(nlp, text).entities if e.name == name} == {expected}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # an award, named before its contenders or its night
        ("Grammy hopefuls Lena Ortiz and Paul Kerr were both winners at the awards in London.", "Grammy", None),
        ("Booker nominees Ann Reid and Tom Pell were both at the dinner on Monday.", "Booker", None),
        # in apposition to a building
        ("The talks will be held at the foreign secretary's official country house, Dunmarsh, next week.", "Dunmarsh", "FAC"),
        ("Leaders met at the president's summer residence, Kelby, on Saturday.", "Kelby", "FAC"),
    ],
)
def test_oneword_award_or_building_is_no_person(run, nlp: Language, text: str, name: str, expected: str | None) -> None:
    assert "PERSON" in model_labels(nlp, text).get(name, set())
    types = {e.type.value for e in run(nlp, text).entities if e.name == name}
    assert types == ({expected} if expected else set())


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # what the model sometimes makes a person in a longer article: a nationality, a publication, a town
        ("Swedish heptathlon gold medallist Karin Wall will contest the 60m hurdles.", "Swedish", "NORP"),
        ("Welsh fly-half Rhys Evans kicked the winning goal.", "Welsh", "NORP"),
        ("Courier journalist Tom Vane believed the bigger picture had been obscured.", "Courier", "ORG"),
        # the pronoun after it is the journalist's, not the paper's
        ("Courier journalist Tom Vane said he thought the bigger picture had been obscured.", "Courier", "ORG"),
        ("Arlow, a small mining town in the north, voted on Monday.", "Arlow", "GPE"),
    ],
)
def test_oneword_person_label_fixed_by_its_own_words(nlp: Language, text: str, name: str, expected: str) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert (name, expected) in fixed and (name, "PERSON") not in fixed


def test_oneword_people_named_like_a_nation_or_a_paper_stay_people(run, nlp: Language) -> None:
    text = "Ms English, a teacher, said she would stand. Jo Herald, the columnist, said she agreed with her."
    people = {e.name for e in run(nlp, text).entities if e.type.value == "PERSON"}
    assert "English" in people or "Ms English" in people


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Meanwhile, Tom Hale and Ann Pike won the relay in Leeds.", "Meanwhile", None),
        ("The minister said that no Bill goes through Parliament without a vote.", "Bill", None),
        ("Kit Laine, a former Harrowden pupil, said the hunt would go on.", "Harrowden", "ORG"),
    ],
)
def test_oneword_common_nouns_and_schools(nlp: Language, text: str, name: str, expected: str | None) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert (name, "PERSON") not in fixed
    assert (expected is None and name not in {t for t, _ in fixed}) or (name, expected) in fixed


def test_oneword_a_pronoun_past_the_quotation_is_its_speakers(run, nlp: Language) -> None:
    text = 'Peers were told on Monday. "No Bill goes through Parliament without a vote," he said.'
    assert "PERSON" in model_labels(nlp, text).get("Bill", set())
    assert "Bill" not in {e.name for e in run(nlp, text).entities if e.type.value == "PERSON"}


def test_oneword_person_without_a_letter_is_none(nlp: Language) -> None:
    fixed = retyped_as_person(nlp, "Hale ran 86.9 in the heats, the fastest time of the day.", "86.9")
    assert "86.9" not in {t for t, _ in fixed}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("As part of its plan, the firm will cut 300 jobs, Ann Pike said.", "As", None),
        ("He dedicated the prize to Starfall actor Tom Vane, who died last year.", "Starfall", None),
        ("Oliver Hale's big-budget epic Marathon, starring Ann Pike, opened at number six.", "Marathon", None),
        ("The singer kept performing with his band Dustwing in 2004.", "Dustwing", "ORG"),
    ],
)
def test_oneword_function_words_works_and_bands(nlp: Language, text: str, name: str, expected: str | None) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert (name, "PERSON") not in fixed
    assert (expected is None and name not in {t for t, _ in fixed}) or (name, expected) in fixed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Former Glasshouse singer Ronan Kell may also take part in the recording.", "Glasshouse"),
        ("Ade Bello had a stint with Tunisian side Marsaville before the move.", "Marsaville"),
        ("The Catholic aid agency Corvane will host the speech on Wednesday.", "Corvane"),
        ("The Association of Payment and Clearing Services (Paycorp) said fraud had fallen.", "Paycorp"),
    ],
)
def test_oneword_bands_teams_and_bracketed_short_forms_are_organisations(nlp: Language, text: str, name: str) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert (name, "ORG") in fixed and (name, "PERSON") not in fixed


# --- entities v28: titles after their makers, lists of titles, labels and other companies ------

@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a work after its maker's name and "for", in a sentence on an award's contenders
        ("The jury shortlist for best play names Ana Roswell for Bitter and Sweet, and Tom Kale for Harrowgate Lane.", "Sweet"),
        ("Nominees for the directing prize include Petra Lindqvist for Hollow and Marc Dubois for Ashes.", "Hollow"),
        ("Best actor nominations went to Omar Haddad for Tidewater and Ben Rusk for Quarry.", "Tidewater"),
        # a work after its maker's full name and possessive
        ("The orchestra opened the season with Anton Velisch's Marisol at the city opera house.", "Marisol"),
        ("She sang in Giulio Brentani's Ottavina and Karl Weissler's Lumen last year.", "Lumen"),
        # a name inside a list of titles that "films include" or "novels such as" begins
        ("The actor, whose films include Marrow's Edge, Halcyon and Bright Meadows, died on Monday.", "Marrow"),
        ("Her novels such as Lucan, Night Ferry and The Ash Road sold millions of copies.", "Lucan"),
        ("The studio made hit films like The Long Coast, Tilly of The Moors and Brassneck.", "Tilly"),
        # a short form spelt out in brackets after it
        ("The firm's own tool, Mira (Modular Image Rendering Assistant), took three years to build.", "Mira"),
        ("New features were added to Kelp (Kernel for Embedded Log Processing) in 2003.", "Kelp"),
    ],
)
def test_oneword_title_after_its_maker_or_in_a_list_of_works_is_no_person(nlp: Language, text: str, name: str) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert name not in {t for t, _ in fixed}


def test_oneword_short_form_of_a_body_spelt_out_is_an_organisation(nlp: Language) -> None:
    fixed = retyped_as_person(nlp, "Leaders of Nubo (National Union of Bus Operators) met on Friday.", "Nubo")
    assert ("Nubo", "ORG") in fixed and ("Nubo", "PERSON") not in fixed


def test_oneword_person_before_brackets_that_spell_no_short_form_stays_a_person(nlp: Language) -> None:
    fixed = retyped_as_person(nlp, "The ruling went against Kessler (Tom Vane's lawyer) on Monday.", "Kessler")
    assert ("Kessler", "PERSON") in fixed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a player's place, not a work, though the sentence names an award
        ("The award-winning coach sent on Dan Reyes for Okonjo after an hour.", "Okonjo"),
        # a person, no award: "for" a person
        ("Sam Hale stood in for Kessler at the meeting in Leeds.", "Kessler"),
        # people after the list of titles, not in it
        ("Her films include Lucan, which starred Tom Vane and Kessler in 1999.", "Kessler"),
        # a verb, not a list of works: "plays like X"
        ("The young winger plays like Okonjo, all pace and power.", "Okonjo"),
        # a person's possessive before a common noun, then a person with a pronoun
        ("Tom Hale's Kessler said he would fight the case.", "Kessler"),
    ],
)
def test_oneword_people_near_titles_stay_people(nlp: Language, text: str, name: str) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert (name, "PERSON") in fixed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Independent labels such as Brightwell, Tamsin and Halvers have signed the deal.", "Halvers"),
        ("Record labels Brightwell and Halvers backed the campaign on Monday.", "Halvers"),
        ("Record companies Osgrove and Pellmann, and distributor Marden, are all on board.", "Pellmann"),
        ("Fans of bands such as Harrow, Velt and Crane queued overnight.", "Harrow"),
        ("The deal covers brands Zelmo, Frandel and Quist, the company said.", "Frandel"),
    ],
)
def test_oneword_name_in_a_list_of_labels_or_companies_is_an_organisation(nlp: Language, text: str, name: str) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert (name, "ORG") in fixed and (name, "PERSON") not in fixed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rivals and competitors may be people
        ("His rivals Kessler and Tom Marlow both conceded on Sunday.", "Kessler"),
        # the subject of a clause on the companies, not one of them
        ("Shares in the companies Kessler ran fell by a third.", "Kessler"),
        # people the labels signed, after a verb: not in the list
        ("Labels such as Brightwell signed Tom Vane and Kessler last year.", "Kessler"),
    ],
)
def test_oneword_people_near_lists_of_companies_stay_people(nlp: Language, text: str, name: str) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert (name, "PERSON") in fixed


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The deal covers brands Zelmo, Frandel and Quist, the company said.", {"Zelmo", "Frandel", "Quist"}),
        ("Record companies Osgrove and Pellmann, and distributor Marden, are all on board.", {"Osgrove", "Pellmann"}),
    ],
)
def test_name_in_a_list_of_companies_typed_a_place_is_an_organisation(run, nlp: Language, text: str, names: set[str]) -> None:
    found = {e.name: e.type.value for e in run(nlp, text).entities}
    assert {n: found.get(n) for n in names} == dict.fromkeys(names, "ORG"), found


def test_known_place_in_a_list_after_companies_stays_a_place(run, nlp: Language) -> None:
    text = "Carmakers such as Ravelle opened plants in Brazil and Mexico last year."
    found = {e.name: e.type.value for e in run(nlp, text).entities}
    assert found.get("Brazil") == "GPE" and found.get("Mexico") == "GPE", found
