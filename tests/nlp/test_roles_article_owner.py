"""A role's owner the article gives rather than the title (issue 11, read off the sixth golden
layouts part, tests/golden/entities/layouts6/): a minister with no country written beside the
title is the minister of the first country the article names, when it names it before the
person, and a company officer with no company beside the title is the officer of the one company
the article names with its legal form (the role's evidence then runs from that name to the
person). Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.model import ArticleFacts


def roles_of(facts: ArticleFacts, name: str) -> set[tuple[str, str | None]]:
    return {(r.title, r.organization) for e in facts.entities if e.name == name for r in e.roles}


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("TALLINN, Estonia (AP) - Estonia's parliament approved the border bill on Monday. Russia called it "
         "hostile. Interior Minister Rasmus Kivi said the fence would be finished by May.",
         "Rasmus Kivi", ("interior minister", "Estonia")),
        ("Chile's copper output fell in March. Mining Minister Rocío Valdés blamed the floods in Atacama.",
         "Rocío Valdés", ("mining minister", "Chile")),
        # a demonym beside the title wins over the article's country
        ("Estonia hosted the talks. Latvian Foreign Minister Anna Ozola arrived on Tuesday.",
         "Anna Ozola", ("foreign minister", "Latvia")),
        ("Kestrel Foods PLC reported a 12% rise in profit on Tuesday. Chief executive Maria Lindqvist said "
         "demand for frozen fish had held up.", "Maria Lindqvist", ("chief executive", "Kestrel Foods PLC")),
        ("Sohar Harbour Logistics SAOG plans to list its shares in May. Finance director Omar al-Habsi said "
         "the offer would raise $90m.", "Omar al-Habsi", ("finance director", "Sohar Harbour Logistics SAOG")),
    ],
)
def test_an_owner_the_article_gives(run, nlp: Language, text: str, person: str, role: tuple[str, str]) -> None:
    assert role in roles_of(run(nlp, text), person)


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        # no country named, or only after the person: no owner
        ("Interior Minister Rasmus Kivi said the fence would be finished by May.", "Rasmus Kivi", "interior minister"),
        ("Interior Minister Rasmus Kivi said Estonia and Latvia would share the cost.", "Rasmus Kivi",
         "interior minister"),
        # two companies with their legal forms: which one is not said
        ("Kestrel Foods PLC agreed to buy Nordhav Fisk ASA. Chief executive Maria Lindqvist said the deal "
         "would close in June.", "Maria Lindqvist", "chief executive"),
    ],
)
def test_no_owner_when_the_article_does_not_settle_it(run, nlp: Language, text: str, person: str, title: str) -> None:
    assert (title, None) in roles_of(run(nlp, text), person)


def test_the_roles_evidence_covers_the_owner_it_names(run, nlp: Language) -> None:
    text = ("Kestrel Foods PLC reported a 12% rise in profit on Tuesday. Chief executive Maria Lindqvist said "
            "demand had held up.")
    facts = run(nlp, text)
    role = next(r for e in facts.entities if e.name == "Maria Lindqvist" for r in e.roles)
    assert role.evidence.text.startswith("Kestrel Foods PLC") and role.evidence.text.endswith("Maria Lindqvist")
    assert text[role.evidence.start:role.evidence.end] == role.evidence.text
