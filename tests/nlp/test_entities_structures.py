"""A name followed by a lower-case noun that says what kind of thing it names is that kind of
thing, whatever the model typed it: before a noun for a structure named after a place or a feature
(a mine, a dam, a pipeline, a wind or solar farm) a facility, before a natural noun ("glacier",
"river") a natural place even where the model called it a product or a law, the noun left out of
the mention; "line" only in a sentence on trains. A class read off the
golden set's layouts parts, tested here on sentences written for these tests (none from the golden
sets)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Workers walked out at the Loma Dorada copper mine in the north of the country on Monday.", "Loma Dorada"),
        ("Engineers said the Tres Piedras dam could burst if the rain continued through the week.", "Tres Piedras"),
        ("The company will sell power from the Kalnu Vējš wind farm to buyers in Riga from next year.", "Kalnu Vējš"),
        ("Gas stopped flowing through the Balkan Stream pipeline after an explosion near the border.", "Balkan Stream"),
        ("Analysts expect Ngoma Minerals to sell its stake in the Kasenge cobalt mine by June.", "Kasenge"),
    ],
)
def test_a_name_before_a_structure_noun_is_a_facility(run, nlp, types, text: str, name: str) -> None:
    assert types(run(nlp, text)).get(name) == "FAC"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police guarded the Chilean copper mine after the strike.", "Chilean"),
        ("Toyota said output at its Kentucky plant would fall by a fifth.", "Kentucky"),
    ],
)
def test_a_nationality_or_an_owner_before_the_noun_is_no_facility(run, nlp, types, text: str, word: str) -> None:
    assert types(run(nlp, text)).get(word) != "FAC"


def test_a_name_written_elsewhere_without_the_noun_is_the_owner(run, nlp, types) -> None:
    text = "Harlow Minerals said on Monday that output at the Harlow Minerals copper mine had doubled."
    assert types(run(nlp, text)).get("Harlow Minerals") == "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The team measured ice loss on the Drangajökull glacier in the West Fjords.", "Drangajökull"),  # a product
        ("Seismologists recorded tremors under the Myrdalsjökull glacier on Tuesday.", "Myrdalsjökull"),  # a law
    ],
)
def test_a_name_before_a_natural_noun_is_a_natural_place_whatever_the_model_typed(run, nlp, types, text: str, name: str) -> None:
    assert types(run(nlp, text)).get(name) == "LOC"


def test_an_event_named_after_a_river_stays_an_event(run, nlp, types) -> None:
    assert types(run(nlp, "Storm surges pushed the Vaal River Festival back a week.")).get("Vaal River Festival") == "EVENT"


def test_a_name_the_model_missed_before_a_natural_noun_is_found(run, nlp, types) -> None:
    assert types(run(nlp, "Shells fell on a village near the Vovcha river overnight.")).get("Vovcha") == "LOC"



def test_a_name_before_line_in_a_sentence_on_trains_is_the_railway(run, nlp, types) -> None:
    text = "Passengers on the Nordbahn line will need buses between two stations for a month."
    assert types(run(nlp, text)).get("Nordbahn") == "FAC"


def test_a_line_outside_a_sentence_on_trains_is_no_railway(run, nlp, types) -> None:
    assert types(run(nlp, "Ministers repeated the Kremlin line on the talks in Geneva.")).get("Kremlin") != "FAC"


@pytest.mark.parametrize(
    "text",
    [
        "The Whitehall line on rail strikes has not changed, a spokesman said.",  # a line held on a topic
        "Labour MPs repeated the Whitehall line while train drivers walked out.",  # a line someone repeats
        "Ministers stuck to the Whitehall line as rail unions walked out across England.",
    ],
)
def test_a_line_that_is_a_stance_is_no_railway_in_a_sentence_on_trains(run, nlp, types, text: str) -> None:
    assert types(run(nlp, text)).get("Whitehall") != "FAC"  # (entities v30)


def test_a_natural_noun_after_the_name_is_none_of_it(run, nlp, types) -> None:
    found = types(run(nlp, "Two walkers went missing in the Krušné mountains on Saturday."))
    assert found.get("Krušné") == "LOC" and "Krušné mountains" not in found
