"""Products named by their make or model where the text says what they are: between a determiner
and a noun for a made thing ("a Larkspur 7 rocket", "the Ventra Axis electric hatchback"), or in
apposition right after one ("a soil-moisture satellite, Tervo-2,"); their other occurrences are the
same product. A maker before its product, an organisation's name, a person introduced after a job
and a figurative "vehicle" keep their type. Every sentence here was written for these tests (none
comes from the golden sets)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("The probe lifted off on Friday aboard a Larkspur 7 rocket from the coast of French Guiana.", "Larkspur 7"),
        ("A Finnish-built soil-moisture satellite, Tervo-2, reached orbit on Tuesday, the agency said.", "Tervo-2"),
        ("Workers at the plant stopped the lines that build the Ventra Axis electric hatchback on Monday.",
         "Ventra Axis"),
        ("Regulators in Lagos approved Corvamab, an antibody injection for a rare blood disorder.", "Corvamab"),
        ("Farmers in Punjab will be offered a drought-tolerant rice variety, Basanti-4, from March.", "Basanti-4"),
    ],
)
def test_a_product_is_named_by_what_the_text_says_it_is(nlp, run, types, text: str, product: str) -> None:
    assert types(run(nlp, text))[product] == "PRODUCT"


def test_the_products_other_occurrences_are_the_product(nlp, run) -> None:
    facts = run(nlp, "A Finnish-built soil-moisture satellite, Tervo-2, reached orbit on Tuesday. Engineers in "
                     "Espoo said Tervo-2 would map farmland for five years.")
    assert [m.type.value for m in facts.mentions if m.evidence.text == "Tervo-2"] == ["PRODUCT", "PRODUCT"]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The agency's director of launchers, Maarit Koskela, said both satellites were working.", "Maarit Koskela",
         "PERSON"),
        ("The German arm of the Hollowbrook Project created software tools to trap the worms.", "Hollowbrook Project",
         "ORG"),
    ],
)
def test_people_and_bodies_keep_their_type(nlp, run, types, text: str, name: str, label: str) -> None:
    assert types(run(nlp, text)).get(name) == label


def test_a_figurative_vehicle_names_no_product(nlp, run, types) -> None:
    found = types(run(nlp, "The brothers hold 29% of the club through their Harrowgate Capital investment vehicle."))
    assert "PRODUCT" not in found.values()
