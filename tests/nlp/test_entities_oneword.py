"""One-word "people" that the article shows are not people (nlp/oneword.py), on sentences written for
these tests: the model tags each name PERSON (checked first), the article's own cues retype it; real
one-word people (an honorific, a pronoun, a say-verb, a first name elsewhere) stay people."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.model import Article, ArticleFacts, SourceFormat, SourcePointer
from newsgraph.nlp import extract, load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=["newsgraph_entities"])


def run(nlp: Language, text: str) -> ArticleFacts:
    article = Article(id="t", source=SourcePointer(path="-", format=SourceFormat.TEXT), text=text)
    (facts,) = extract([article], nlp=nlp)
    return facts


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
        ("Anheuser-Busch, Heineken and Scottish & Newcastle have all invested in the Chinese beer industry.", "Heineken", "ORG"),
        # a place: a constituency, "the edge of", a locative preposition, a gazetteer place as a noun's modifier
        ("Sam Hale, Labour MP for Dunmore, said the bill was flawed.", "Dunmore", "GPE"),
        ("Voters in the official Devon house were asked. The school is on the edge of Makoko, a lagoon settlement.", "Makoko", "GPE"),
        ("Amina Yusuf spent a year at Greyfriars before the war.", "Greyfriars", "GPE"),
        ("Officials at the summit at the foreign secretary's official Kent house will plan a new forum.", "Kent", "GPE"),
    ],
)
def test_oneword_person_retyped_by_the_article(nlp: Language, text: str, name: str, expected: str) -> None:
    assert "PERSON" in model_labels(nlp, text).get(name, set()) or name in {"Greyfriars"}
    types = {e.type.value for e in run(nlp, text).entities if e.name == name}
    assert types == {expected}


def test_oneword_research_firm_after_a_job_title(nlp: Language) -> None:
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
def test_oneword_person_with_person_evidence_stays_a_person(nlp: Language, text: str, name: str) -> None:
    assert "PERSON" in model_labels(nlp, text).get(name.split()[-1], set()) | model_labels(nlp, text).get(name, set())
    assert {e.type.value for e in run(nlp, text).entities if e.name == name} == {"PERSON"}


def test_oneword_collectives_are_never_people(nlp: Language) -> None:
    text = "Male MPs jeered in the Chamber, a study of women MPs found. MPs of all parties complained about it."
    facts = run(nlp, text)
    assert not [e.name for e in facts.entities if e.type.value == "PERSON" and "MPs" in e.name]


def test_oneword_name_counted_with_an_article_is_no_person(nlp: Language) -> None:
    text = "Takeo Mori will be awarded an Oscar at a dinner in February. The main Oscar ceremony is in Los Angeles."
    facts = run(nlp, text)
    assert not [e.name for e in facts.entities if e.type.value == "PERSON" and e.name == "Oscar"]
    assert {e.name for e in facts.entities if e.type.value == "PERSON"} == {"Takeo Mori"}


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("Tories attack asylum moves\n\nThe plans were criticised on Monday.", "Tories", True),
        ("Labour's 'propaganda' claim\n\nThe row grew on Monday.", "Labour", True),
        ("Dame Alice Hoyle, the first woman to be Commons Speaker, said the reforms had failed.", "Commons", True),
        ("Labour costs rose by 3% in March, the figures showed.", "Labour", False),
    ],
)
def test_institution_short_form_at_a_headline_start_or_before_a_title(nlp: Language, text: str, name: str, found: bool) -> None:
    names = {e.name: e for e in run(nlp, text).entities}
    assert (name in names and names[name].type.value == "ORG") is found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her words were echoed by Iris director Sir Richard Eyre, who called the work excellent.", "Iris"),
        ("Her version of Giselle, all lightness and grace, is still considered among the best.", "Giselle"),
        ("The winners included a drama, Robbing Peter and Primer. Primer, a $7,000 (£3,650) tale of discovery, won top prize.", "Primer"),
    ],
)
def test_oneword_work_title_is_no_person(nlp: Language, text: str, name: str) -> None:
    assert "PERSON" in model_labels(nlp, text).get(name, set())
    assert name not in {e.name for e in run(nlp, text).entities if e.type.value == "PERSON"}


def test_oneword_brand_before_a_product_noun(nlp: Language) -> None:
    text = "Its big names include Malibu rum, Stolichnaya vodka and Ballantine's whisky."
    assert {e.name: e.type.value for e in run(nlp, text).entities if e.name in {"Stolichnaya", "Ballantine"}} == {
        "Stolichnaya": "PRODUCT", "Ballantine": "PRODUCT"}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The group owns snack food chains such as Dunkin' Donuts and Baskin-Robbins ice cream.", "Baskin-Robbins", "ORG"),
    ],
)
def test_oneword_listed_after_companies_such_as(nlp: Language, text: str, name: str, expected: str) -> None:
    assert "PERSON" in model_labels(nlp, text).get(name, set())
    assert {e.type.value for e in run(nlp, text).entities if e.name == name} == {expected}
