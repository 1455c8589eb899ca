"""The country of a place the gazetteer lacks: a facility named after a place lies in that place's
country; a town lies in the article's one country where the article also names a town or region
of it. The country only: no GeoNames id nor point, so that two such places never pass for one.
Every sentence here was written for these tests (none comes from the golden sets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article, EntityType, Geo, SourceFormat, SourcePointer
from newsgraph.pipeline import IngestOptions, ingest_records
from newsgraph.store import open_store, read_entities


def _country(facts, name: str) -> str | None:
    found = [e for e in facts.entities if e.name == name]
    assert found, f"{name!r} not among {[e.name for e in facts.entities]}"
    return found[0].geo.country if found[0].geo is not None else None


@pytest.mark.parametrize(
    ("text", "facility", "country"),
    [
        ("Cranes stood idle at the Port of Mombasa on Monday as dockers walked out over unpaid overtime.",
         "Port of Mombasa", "KE"),
        ("Flights were diverted from Lahore International Airport after fog closed both runways overnight.",
         "Lahore International Airport", "PK"),
        ("Thousands gathered outside the Porto Alegre Convention Centre for the opening of the trade fair.",
         "Porto Alegre Convention Centre", "BR"),
    ],
)
def test_a_facility_lies_in_the_country_of_the_place_its_name_is_built_on(nlp, run, text: str, facility: str,
                                                                         country: str) -> None:
    facts = run(nlp, text)
    entity = next(e for e in facts.entities if e.name == facility)
    assert entity.type is EntityType.FAC
    assert entity.geo == Geo(geonames_id=None, country=country)


def test_a_town_the_gazetteer_lacks_lies_in_the_one_country_of_an_article_set_there(nlp, run) -> None:
    text = ("Farmers in Zelvoria, a hamlet two hours from Kraków, said the drought had halved their potato crop. "
            "Poland's agriculture ministry promised aid by the end of the month.")
    facts = run(nlp, text)
    assert _country(facts, "Zelvoria") == "PL"
    geo = next(e for e in facts.entities if e.name == "Zelvoria").geo
    assert geo.geonames_id is None and geo.lat is None


@pytest.mark.parametrize(
    "text",
    [
        # the one country is named, but no town or region of it: it may be where the article is not
        "Rangers in Zelvoria counted more wolves than last winter, while zoos in Poland reported fewer births.",
        # two countries: no one country to give
        "Farmers in Zelvoria, near Kraków, sold their grain to millers in Lviv, Ukraine, and Brno.",
    ],
)
def test_no_country_is_guessed_without_one_country_the_article_is_set_in(nlp, run, text: str) -> None:
    assert _country(run(nlp, text), "Zelvoria") is None


def test_a_facility_named_after_no_place_keeps_no_country(nlp, run) -> None:
    text = ("Engineers at Kraków's university tested the Orlica Observatory telescope, "
            "the largest in Poland, on Tuesday night.")
    facts = run(nlp, text)
    found = [e for e in facts.entities if "Orlica" in e.name]
    assert found and all(e.geo is None for e in found), [(e.name, e.type, e.geo) for e in found]


def test_two_facilities_named_after_one_city_stay_two_entities(tmp_path: Path) -> None:
    """Each keeps the country only, so that resolution across articles does not take them for the
    same gazetteer place (as it does for places with the same GeoNames id)."""
    texts = ["Cranes stood idle at the Port of Mombasa on Monday as dockers walked out over unpaid overtime.",
             "Passengers waited for hours at Mombasa International Airport on Tuesday after a power cut."]
    records = [Article(id=f"art_{i}", source=SourcePointer(path=f"{i}.txt", format=SourceFormat.TEXT), text=t)
               for i, t in enumerate(texts)]
    ingest_records(iter(records), db=tmp_path / "kb.duckdb", options=IngestOptions(embed=False))
    with open_store(tmp_path / "kb.duckdb", read_only=True) as store:
        facilities = {e.name: e.geo for e in read_entities(store) if e.type is EntityType.FAC}
    assert facilities == {"Port of Mombasa": Geo(geonames_id=None, country="KE"),
                          "Mombasa International Airport": Geo(geonames_id=None, country="KE")}
