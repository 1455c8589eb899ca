"""Names that the text itself shows are places or money, on sentences the team wrote: a place noun
introducing a name ("the village of X") makes it a place whatever the model typed, and a currency
code beside a number is not an organisation."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.nlp.pipeline import load_pipeline, make_doc


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(components=["newsgraph_entities"])


def _mentions(nlp, text: str) -> dict[str, str]:
    article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
    return {m.evidence.text: m.type.value for m in nlp(make_doc(nlp, article))._.ng["mentions"]}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Residents of the Highland village of Glen Torran have bought their shop.", "Glen Torran", "GPE"),
        ("Flooding cut off the town of Abermawr for two days, the council said.", "Abermawr", "GPE"),
        ("Ferries to the island of Eilean Mor were cancelled on Monday.", "Eilean Mor", "LOC"),
    ],
)
def test_a_place_noun_before_of_makes_the_name_a_place(nlp, text: str, name: str, kind: str) -> None:
    found = _mentions(nlp, text)
    assert found.get(name) in (None, kind) and any(kind == t for n, t in found.items() if name in n)


def test_the_authority_named_after_a_port_stays_an_organisation(nlp) -> None:
    found = _mentions(nlp, "The Port of Rotterdam said container volumes fell by 4 percent.")
    assert all(t != "GPE" or n == "Rotterdam" for n, t in found.items())


@pytest.mark.parametrize(
    "text",
    [
        "The cut could cost the industry as much as NOK 1.8 billion, the association said.",
        "The deal is worth 2 million SEK to the club, its chairman said.",
        "Shares fell after the firm set aside CHF 40 million for fines.",
    ],
)
def test_a_currency_code_beside_a_number_is_no_entity(nlp, text: str) -> None:
    found = _mentions(nlp, text)
    assert not {"NOK", "SEK", "CHF"} & set(found)
