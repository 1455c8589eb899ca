"""The seed, end to end through the real CLI: ingest with NLP, then what a user sees in the export.

The seed is read from ../shared/seeds (skips when absent); its sentences are never copied here.
"""

from __future__ import annotations


def test_seed_figures_include_the_deck(seed_export: dict) -> None:
    articles = {a["id"]: a for a in seed_export["articles"]}
    found = {(f["text"], f["value"], f["unit"], f["field"]) for f in seed_export["figures"]}
    assert {("as much as US$550 billion", 5.5e11, "USD", "text"), ("2 percent", 2.0, "percent", "text"),
            ("5 percent", 5.0, "percent", "text"), ("50,000", 5e4, "count", "text"),
            ("about 1,600", 1600.0, "count", "text"), ("200", 200.0, "count", "deck"),
            ("more than 1,000", 1000.0, "count", "text"), ("68", 68.0, "years", "text"),
            ("37-year-old", 37.0, "years", "text")} <= found
    for f in seed_export["figures"]:
        source = articles[f["article_id"]][f["field"]]
        assert source[f["start"]:f["end"]] == f["text"]


def test_seed_people_are_one_entity_across_articles(seed_export: dict) -> None:
    people = {e["name"]: e for e in seed_export["entities"] if e["type"] == "PERSON"}
    assert len(people["Donald Trump"]["article_ids"]) == 2
    assert len(people["Xi Jinping"]["article_ids"]) == 2
    assert {(a["text"], a["script"]) for a in people["Xi Jinping"]["aliases"]} >= {("習近平", "Hani")}
    assert len(people["To Lam"]["article_ids"]) == 1  # the deck's "To Lam" joins the body's


def test_seed_anonymous_sources_stay_apart(seed_export: dict) -> None:
    anonymous = [q["speaker"] for q in seed_export["quotes"] if q["speaker"]["anonymous"]]
    assert {s["text"] for s in anonymous} >= {
        "a Japanese government spokesperson", "two sources", "a source with knowledge of the preparations"}
    assert all(s["entity_id"] is None for s in anonymous)


def test_seed_every_article_has_one_main_event(seed_export: dict) -> None:
    mains = [e["article_id"] for e in seed_export["events"] if e["main"]]
    assert sorted(mains) == sorted(a["id"] for a in seed_export["articles"])


def test_seed_places_carry_geo_in_the_export(seed_export: dict) -> None:
    places = [e for e in seed_export["entities"] if e["type"] in {"GPE", "LOC", "FAC"}]
    assert places and all("geo" in e for e in seed_export["entities"])
    located = {e["name"]: e["geo"] for e in places if e["geo"] is not None}
    assert located.get("Japan", {}).get("country") == "JP"
    for geo in located.values():
        assert set(geo) == {"geonames_id", "country", "lat", "lon"} and isinstance(geo["geonames_id"], int)
