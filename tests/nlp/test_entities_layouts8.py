"""Classes read off the golden set's `layouts8/` part after its blind first run (entities v31), each
tested here on sentences written for these tests: stadiums and airports named in another language,
a wire story's footer, a label before a colon, a stock ticker in brackets, a town's hyphenated name,
a structure or a village whose noun the model ran into the name, a company the model made a
person, and a company's first words standing for it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # a building word of another language opens the name
        ("The final will be played at the Estadio Centenario Norte on Sunday.", "Estadio Centenario Norte", "FAC"),
        ("Fans queued outside the Stade Léon Bollée before the match.", "Stade Léon Bollée", "FAC"),
        # a town's hyphenated name is whole
        ("The new plant will open next year in Stratford-upon-Avon, the council said.", "Stratford-upon-Avon", "GPE"),
        # a structure after a possessive, its noun out of the name
        ("The government's troubled Kajbar dam was shelved.", "Kajbar", "FAC"),
        ("The company said its Ruashi smelter would close for repairs.", "Ruashi", "FAC"),
        # a company's name ending in a company word, whatever the model typed it
        ("The Oslo fund manager Fjellheim Capital Partners said it had sold the stake.", "Fjellheim Capital Partners", "ORG"),
    ],
)
def test_a_layouts8_class_takes_its_type(nlp, run, types, text: str, name: str, label: str) -> None:
    assert types(run(nlp, text)).get(name) == label


def test_a_label_before_a_colon_is_no_name(nlp, run) -> None:
    text = "Obituary: Rosa Delgado, potter, 1930-2026\nRosa Delgado, who has died aged 95, made pots in Oaxaca."
    names = {e.name for e in run(nlp, text).entities}
    assert "Obituary" not in names and "Rosa Delgado" in names


def test_a_ticker_is_no_name_nor_alias(nlp, run) -> None:
    text = "Karsten Tin Resources Ltd (KTR.AX) said on Monday that its output had fallen by a third."
    facts = run(nlp, text)
    assert all("KTR" not in m.evidence.text for m in facts.mentions)
    assert all("KTR" not in a.text for e in facts.entities for a in e.aliases)


def test_a_village_noun_is_none_of_the_name(nlp, run, types) -> None:
    facts = run(nlp, "The storm flattened Komo village overnight.")
    assert "Komo village" not in types(facts) and types(facts).get("Komo") == "GPE"


def test_a_company_first_words_stand_for_it(nlp, run, types) -> None:
    text = ("Khongor Gol Resources LLC said on Monday that it would close a mine. "
            "Shares in Khongor Gol fell 4% in Ulaanbaatar.")
    facts = run(nlp, text)
    assert types(facts).get("Khongor Gol") == "ORG"


def test_a_wire_footer_names_people(nlp) -> None:
    """The names after "Reporting by" and "Editing by" are people whatever the model made of them
    (here made organisations on purpose), up to "in" and the reporter's town."""
    from newsgraph.nlp.mentions import credits

    text = "Prices rose again.\n(Reporting by Anneke Vos and Tomás Reyes in Quito; Editing by Priya Nair)"
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("newsgraph_") or p == "newsgraph_paragraphs"]):
        doc = nlp(text)
    spans = [doc.char_span(text.index(n), text.index(n) + len(n), label="ORG") for n in ("Anneke Vos", "Tomás Reyes", "Priya Nair")]
    out = {(s.text, s.label_) for s in credits(doc, text, spans)}
    assert out == {("Anneke Vos", "PERSON"), ("Tomás Reyes", "PERSON"), ("Priya Nair", "PERSON")}
