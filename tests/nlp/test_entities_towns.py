"""A town the gazetteer lacks, which the model typed an organisation, is a place where the text puts
something in, near, around or outside it, in an article set in a country it names; a share of a
body ("a stake in X", "rifts in X", "investors in X"), a name described as a body, or an article
naming no country keep the organisation. Every sentence here was written for these tests (none
comes from the golden sets); the model types each of these names ORG."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Geologists said a fresh eruption near Hraunfell was likely within months, Iceland's meteorological "
         "office in Reykjavik warned.", "Hraunfell"),
        ("Villagers outside Kerewan said the river had burst its banks, the Gambian government in Banjul said.", "Kerewan"),
    ],
)
def test_an_unlisted_town_the_text_puts_something_in_is_a_place(nlp, run, types, text: str, town: str) -> None:
    assert types(run(nlp, text))[town] == "GPE"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The company took a stake in Vantora last year, Kenyan regulators in Nairobi said.", "Vantora"),
        ("Rifts in Fatah deepened, Palestinian officials in Ramallah said.", "Fatah"),
        ("Investors in Brightwell were told on Monday that profits fell, analysts in London said.", "Brightwell"),
        ("Engineers working in Telvara, the telecoms group, said the outage in Kenya was fixed.", "Telvara"),
        ("Villagers outside Kerewan said the river had burst its banks on Sunday.", "Kerewan"),  # no country named
    ],
)
def test_a_body_or_an_article_set_nowhere_keeps_the_organisation(nlp, run, types, text: str, body: str) -> None:
    assert types(run(nlp, text))[body] == "ORG"
