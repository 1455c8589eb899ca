"""Regions below the country (ISO 3166-2, the ``iso3166-2`` package): provinces, states, regions
and counties found under their English names, typed as places on the text's evidence, and located
(country and point, no GeoNames id) when the article leaves one region of that name. Every sentence
here was written for these tests (none comes from the golden sets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.model import ArticleFacts, Entity, EntityType, Geo, LocalEntity
from newsgraph.nlp.places import gazetteer
from newsgraph.resolve.entities import _conflict, _Record
from newsgraph.store import open_store, read_entities, read_local_entities
from newsgraph.store.writer import Batch, write_batch


# --- the table ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Bavaria", "DE-BY"),             # an English name beside the official "Bayern"
        ("Bayern", "DE-BY"),              # the official name
        ("Lower Saxony", "DE-NI"),
        ("Tuscany", "IT-52"),
        ("Catalonia", "ES-CT"),
        ("Cataluña", "ES-CT"),            # a part in brackets of "Catalunya [Cataluña]"
        ("Tamil Nadu", "IN-TN"),          # accents folded ("Tamil Nādu")
        ("Amhara", "ET-AM"),              # "Amhara National Regional State" without its kind
        ("Lagos State", "NG-LA"),         # a name with its kind after it
        ("Sichuan Province", "CN-SC"),
        ("Kent", "GB-KEN"),
    ],
)
def test_regions_are_found_by_their_names(name: str, code: str) -> None:
    assert code in {p.region for p in gazetteer().subdivision(name)}


@pytest.mark.parametrize(
    "name",
    [
        "The Education State", "Education", "Garden State",  # nicknames the data lists as English names
        "White House", "Land of Festivals",
        "Western", "North East", "Gulf", "Central",          # generic words only
        "Saint George",                                      # a saint's name (parishes are left out too)
        "Texas",                                             # US states are the city gazetteer's regions
        "Scotland",                                          # a UK nation is a region already
    ],
)
def test_nicknames_generic_words_and_known_regions_are_not_subdivisions(name: str) -> None:
    assert gazetteer().subdivision(name) == ()


def test_a_subdivision_has_a_country_and_a_point_but_no_geonames_id() -> None:
    (bavaria,) = gazetteer().subdivision("Bavaria")
    geo = bavaria.geo()
    assert geo.geonames_id is None and geo.country == "DE"
    assert geo.lat is not None and 47 < geo.lat < 51 and geo.lon is not None and 9 < geo.lon < 14


# --- in text --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Heavy snow closed mountain passes in Bavaria on Sunday, German police said.", "Bavaria", "DE"),
        ("Wildfires spread across Andalusia as Spain's temperatures passed 44C.", "Andalusia", "ES"),
        ("The firm's plant in Jiangxi province will open in May, China's state media said.", "Jiangxi", "CN"),
        ("Truckers in Punjab blocked highways as India's farm ministry met union leaders.", "Punjab", "IN"),
        ("Truckers in Punjab blocked highways as Pakistan's farm ministry met union leaders.", "Punjab", "PK"),
        ("Voters in Punjab, Pakistan, queued from dawn.", "Punjab", "PK"),  # the country written after it
    ],
)
def test_a_region_is_located_in_its_article(named, run, nlp: Language, text: str, name: str, country: str) -> None:
    entity = named(run(nlp, text), name)
    assert entity.type.value == "GPE"
    assert entity.geo is not None and entity.geo.country == country and entity.geo.geonames_id is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Truckers in Punjab blocked highways for a second day.", "Punjab"),  # a region of India and of Pakistan
        ("Heavy snow closed mountain passes in Bavaria on Sunday.", "Bavaria"),  # one region, but no country named
    ],
)
def test_a_region_is_left_unresolved_without_its_country(named, run, nlp: Language, text: str, name: str) -> None:
    assert named(run(nlp, text), name).geo is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Polio teams will return to Kandahar and Helmand provinces next month.", ["Kandahar", "Helmand"]),
        ("Cases rose in the crowded Dala and Fagge districts of the city.", ["Dala", "Fagge"]),
        ("The plant in Jiangxi province will open in May.", ["Jiangxi"]),
    ],
)
def test_a_name_before_a_word_for_a_division_is_that_division(types, run, nlp: Language, text: str, names: list[str]) -> None:
    found = types(run(nlp, text))
    assert all(found.get(n) == "GPE" for n in names), found
    assert not any(k.endswith(("province", "provinces", "districts")) for k in found)


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Iranian state media said the talks would resume.", "Iranian", "NORP"),
        ("Locusts swarmed across the Sahel region of Africa.", "Sahel", None),  # not a Burkinabè region here
    ],
)
def test_a_word_for_an_area_needs_the_gazetteer(types, run, nlp: Language, text: str, span: str, label: str | None) -> None:
    facts = run(nlp, text)
    if label is not None:
        assert types(facts).get(span) == label
    assert all(e.geo is None or e.geo.country != "BF" for e in facts.entities)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a region of Zimbabwe is called "Midlands"; an article on the UK names another country
        ("Car plants across the Midlands cut shifts, the UK's industry body said.", "Midlands"),
        # a region of Turkmenistan is called "Balkan"; a peninsula is no region
        ("The pipeline will cross the Balkan peninsula by 2031.", "Balkan"),
    ],
)
def test_a_region_of_another_country_or_a_natural_place_is_not_located(run, nlp: Language, text: str, name: str) -> None:
    found = [e for e in run(nlp, text).entities if name in e.name]
    assert all(e.geo is None or e.geo.geonames_id is not None for e in found)


def test_a_sea_that_shares_a_regions_name_is_not_located_there(run, nlp: Language) -> None:
    facts = run(nlp, "Shipping in the Red Sea slowed after the storm, Sudan's port authority said.")
    sea = [e for e in facts.entities if e.name.endswith("Red Sea")]
    assert sea and all(e.geo is None for e in sea)


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Sales of the brewer fell 4% in Thuringia last year, the German company said.", "Thuringia", "GPE"),
        ("The firm will build a battery plant in Lower Saxony next year.", "Lower Saxony", "GPE"),
        ("Leinster beat Munster 24-13 in Dublin on Saturday.", "Leinster", "ORG"),  # a side in a result stays one
        # before a noun of its own government, in an article that names its country
        ("MEDAN, Indonesia - North Sumatra health chief Ratna Siregar said clinics would stay open.",
         "North Sumatra", "GPE"),
        # any officer's title of the region, not only a listed one
        ("MEDAN, Indonesia - North Sumatra irrigation director Ratna Siregar said the canals were dry.",
         "North Sumatra", "GPE"),
    ],
)
def test_region_types_follow_the_text(types, run, nlp: Language, text: str, span: str, label: str) -> None:
    assert types(run(nlp, text)).get(span) == label


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Herrera scored twice before half-time.", "Herrera"),  # a surname that is also a province of Panama
        ("Kerry thanked the volunteers who had cleaned the beach.", "Kerry"),  # a given name, a county of Ireland
    ],
)
def test_a_person_named_like_a_region_is_no_place_without_place_evidence(types, run, nlp: Language, text: str, span: str) -> None:
    assert types(run(nlp, text)).get(span) not in {"GPE", "LOC"}


def test_a_county_side_in_an_article_on_its_country_stays_a_side(types, run, nlp: Language) -> None:
    text = ("England's selectors watched the county game at Chesterfield. Derbyshire captain Tom Hale "
            "made 84 before Worcestershire bowled them out for 231.")
    found = types(run(nlp, text))
    assert found.get("Derbyshire") not in {"GPE", "LOC"} and found.get("Worcestershire") not in {"GPE", "LOC"}


# --- stored and resolved ----------------------------------------------------------------------------


SICHUAN = Geo(geonames_id=None, country="CN", lat=30.6, lon=102.7)


def test_a_region_without_geonames_id_keeps_its_place_through_the_store(tmp_path: Path) -> None:
    local = LocalEntity(key="cl_1", name="Sichuan", type=EntityType.GPE, mention_ids=(), geo=SICHUAN)
    entity = Entity(id="ent_1", name="Sichuan", type=EntityType.GPE, article_ids=("a1",), geo=SICHUAN)
    with open_store(tmp_path / "kb.duckdb") as store:
        write_batch(store, Batch(run_id="r", facts=[ArticleFacts(article_id="a1", entities=(local,))], entities=[entity]))
        (back,) = read_entities(store)
        (local_back,) = read_local_entities(store, "a1")
    assert back.geo == SICHUAN and local_back.geo == SICHUAN


def test_one_name_in_two_countries_is_two_places() -> None:
    india = Geo(geonames_id=None, country="IN", lat=30.9, lon=75.5)
    pakistan = Geo(geonames_id=None, country="PK", lat=31.2, lon=72.3)
    record = _Record(id="ent_1", name="Punjab", type=EntityType.GPE, geo=india)
    local = LocalEntity(key="cl_1", name="Punjab", type=EntityType.GPE, mention_ids=(), geo=pakistan)
    assert _conflict(record, local)
    same = LocalEntity(key="cl_2", name="Punjab", type=EntityType.GPE, mention_ids=(), geo=india)
    assert not _conflict(record, same)
