"""A town is a place by what it has and where it is written: a mayor, a governor, residents or
streets ("a former mayor of X", "X governor", "X police"), a dateline's city above a sports report;
and a river or a sea by what is on or along it ("barges on the X", "the lower X"), or by a word
for a natural place in its name, in English or another language ("the Sierra X", "the Salar de
X"). Bodies keep their type ("the Sierra Club", "the governor of the Bank of X"). Every sentence
here was written for these tests (none comes from the golden sets)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Medeiros, a former mayor of Londrina, said the runway would open next year.", "Londrina"),
        ("Residents of Grindavík were told they could stay in their homes for now.", "Grindavík"),
        ("Londrina police said the march ended without arrests.", "Londrina"),
        ("Paraná police said the march ended without arrests.", "Paraná"),
        ("The mayor of Tervanto said the bridge would reopen on Friday.", "Tervanto"),  # a town the gazetteer lacks
    ],
)
def test_a_town_is_a_place_by_what_it_has(nlp, run, types, text: str, town: str) -> None:
    assert types(run(nlp, text))[town] == "GPE"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("HOBART, March 3 - Tasmania beat Queensland by four wickets on the final day in front of a small crowd.",
         "HOBART"),
        ("Late Goal Sinks Leaders\nSEGOVIA, Spain — Atlético Segovia beat the league leaders 2-1 on Sunday.", "SEGOVIA"),
        ("LUGO, Spain — Deportivo Lugo beat league leaders Racing Ferrol 2-1 on Sunday.", "LUGO"),
    ],
)
def test_a_datelines_city_stays_a_place_above_a_sports_report(nlp, run, types, text: str, city: str) -> None:
    assert types(run(nlp, text))[city] == "GPE"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Growers along the Sutlej say they still cannot borrow cheaply, farm leaders in Punjab said.", "Sutlej"),
        ("Meltwater that used to feed the Syr Darya has halved since 1990, researchers said.", "Syr Darya"),
        ("Landslides closed every road through the Sierra Mazateca on Tuesday, Mexican officials said.",
         "Sierra Mazateca"),
        ("Ballots from the villages near the Salar de Uyuni had not yet been counted.", "Salar de Uyuni"),
        ("The fire, started by lightning near Tranquille Creek, has burned 20,000 hectares.", "Tranquille Creek"),
    ],
)
def test_rivers_seas_and_mountains_are_natural_places(nlp, run, types, text: str, place: str) -> None:
    assert types(run(nlp, text))[place] == "LOC"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The Sierra Club sued the agency over the pipeline on Monday.", "Sierra Club", "ORG"),
        ("The governor of the Bank of England said rates would stay where they are.", "Bank of England", "ORG"),
        ("Fans of the Beatles queued outside the museum in Liverpool.", "Liverpool", "GPE"),
    ],
)
def test_bodies_keep_their_type(nlp, run, types, text: str, name: str, label: str) -> None:
    found = types(run(nlp, text))
    assert found[name] == label
    assert all(t != "LOC" for n, t in found.items() if "Beatles" in n)


# --- a known place written before a business or institution noun (entities v27) --------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Analysts at a Lima brokerage expect the central bank to cut rates.", "Lima"),
        ("A Frankfurt lender has agreed to pay a fine of 12 million euros.", "Frankfurt"),
        ("She was flown to a Tokyo hospital, where she is in a stable condition.", "Tokyo"),
        ("The Lyon court threw out the case on Friday.", "Lyon"),
        ("A Nairobi-based insurer bought the rest of the firm.", "Nairobi"),
        ("Three traders at a Mumbai firm were questioned by the police.", "Mumbai"),
        ("Prosecutors said a small Osaka trading company had forged the invoices.", "Osaka"),
        ("The suit was filed by a Houston law firm on behalf of 300 farmers.", "Houston"),
        ("Its Seoul office will close next year, the company said.", "Seoul"),
        ("The boy was taken to a Florence hospital with burns to his arms.", "Florence"),  # also a first name
    ],
)
def test_a_place_before_a_business_noun_is_the_place(nlp, run, types, text: str, place: str) -> None:
    assert types(run(nlp, text)).get(place) == "GPE"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The New York Times first reported the settlement.", "New York Times", "ORG"),
        ("Real Madrid play at the Santiago Bernabeu on Sunday.", "Santiago Bernabeu", "FAC"),
        ("Analysts at the London bank Barclays said the rate would rise.", "Barclays", "ORG"),
        ("Santiago Ruiz runs a Madrid bakery with his brother.", "Santiago Ruiz", "PERSON"),
    ],
)
def test_names_that_only_begin_with_a_place_keep_their_type(nlp, run, types, text: str, name: str, label: str) -> None:
    assert types(run(nlp, text)).get(name) == label


def test_a_person_named_after_a_city_is_no_place(nlp, run, types) -> None:
    found = types(run(nlp, "Paris Hilton arrived at the premiere with her sister."))
    assert "Paris" not in found and all(label != "GPE" for name, label in found.items() if "Paris" in name)
