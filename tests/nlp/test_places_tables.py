"""Sides in results tables, titled people and appositives, on text the team wrote: a town's name
in a line of a sports table is the team; a title before a one-word name that is also a town keeps
it a person; an appositive is read by its head noun ("the Reform Party candidate" is a person's
description, not an organisation's)."""

from __future__ import annotations

import pytest


@pytest.fixture
def mentions(nlp, run):
    """The mentions (text, type) of one article, with the entities pipeline (tests/nlp/conftest.py)."""
    return lambda text: [(m.evidence.text, m.type.value) for m in run(nlp, text).mentions]


STANDINGS = """ICE HOCKEY - NORTHERN LEAGUE STANDINGS
Standings after Saturday's games (played, won, lost, points):
Sheffield 12 9 3 18
Glasgow 12 8 4 16
Cardiff 12 5 7 10
"""

WEATHER = """Weather in the north on Saturday (highest and lowest, Celsius):
Sheffield 12 4
Glasgow 9 2
"""


def test_a_town_in_a_standings_line_is_the_team(mentions) -> None:
    found = mentions(STANDINGS)
    rows = [(n, t) for n, t in found if n in {"Sheffield", "Glasgow", "Cardiff"}]
    assert rows and all(t == "ORG" for _, t in rows), found


VOTES = """Council election results in the north (votes for the two largest parties):
Sheffield 41,210 38,904
Glasgow 52,007 49,330
"""


@pytest.mark.parametrize("text", [WEATHER, VOTES])
def test_a_table_of_towns_without_sport_keeps_them_places(mentions, text: str) -> None:
    found = mentions(text)
    assert ("Sheffield", "ORG") not in found and ("Glasgow", "ORG") not in found, found


def test_a_title_before_a_one_word_name_keeps_a_person(mentions) -> None:
    text = "Voters in Ohio were asked about President Redding. Aides to President Redding said he would visit Dayton."
    found = mentions(text)
    assert ("Redding", "GPE") not in found, found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Ross Kemble, the Reform Party candidate, said on Friday he would run.", "Ross Kemble", "PERSON"),
        ("Mark Hendry, the Liberal Party leader, said on Friday he would resign.", "Mark Hendry", "PERSON"),
        ("Tavrin Holdings, a mining group based in Perth, said output rose.", "Tavrin Holdings", "ORG"),
    ],
)
def test_an_appositive_is_read_by_its_head_noun(mentions, text: str, name: str, kind: str) -> None:
    assert (name, kind) in mentions(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in Talbridge Leisure, the stadium operator, rose by a fifth on Monday.", "Talbridge Leisure"),
        ("Fans blamed Marlow Sports, the arena's owner, for the long queues on Saturday.", "Marlow Sports"),
    ],
)
def test_an_appositive_names_a_building_only_by_its_head(mentions, text: str, name: str) -> None:
    found = mentions(text)
    assert (name, "ORG") in found and (name, "FAC") not in found, found

