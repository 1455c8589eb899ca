"""What story clustering reads of one article: content-word stems, entities, marks, date, title.

All of it is computed once, when the article's batch arrives, and stored (``StoryFeatures``), so
that later batches compare against it without re-reading the text.

- terms: lower-cased words of the headline, deck and text, without stopwords, cut to a crude
  stem (plural and verb endings); the headline and lede count double, since they name the happening.
- entities: the article's resolved entity ids, weighted by type: people, places and facilities
  weigh most; organisations less; nationalities and religious or political groups least. A country
  is told from a city by its frequency (its inverse document frequency, applied when comparing).
- marks: what tells two happenings of one kind apart: years and calendar dates written in the
  top of the article (its first ``MARK_CHARS`` characters, where the happening is told; a long
  article's later background mentions other dates and numbers), and counts with what they count
  ("23 pirates" → ``n23:pirat``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from collections.abc import Iterable

from newsgraph.model import Article, ArticleFacts, EntityType, StoryFeatures

ENTITY_WEIGHTS: dict[EntityType, float] = {
    EntityType.PERSON: 2.0, EntityType.FAC: 2.0, EntityType.LOC: 1.5, EntityType.GPE: 1.2,
    EntityType.ORG: 1.2, EntityType.EVENT: 1.5, EntityType.PRODUCT: 1.0, EntityType.LAW: 1.0,
    EntityType.NORP: 0.4,
}
LEDE_CHARS = 160
MARK_CHARS = 1200  # marks are read from the top of the article, where the happening is told

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[0-9]+(?:[.,][0-9]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘A-Z0-9])")
_URL = re.compile(r"https?\s*:|www\s*\.|\.\s*(?:com|html?|aspx|php)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89][0-9]{2}|20[0-9]{2})\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH = {m: i + 1 for i, m in enumerate(_MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_MONTH_NAME = "(?:" + "|".join(sorted(set(_MONTHS) | {m[:3] for m in _MONTHS} | {"sept"}, key=len, reverse=True)) + ")"
_DATE = re.compile(rf"(?i:\b(?:(?P<m1>{_MONTH_NAME})\.?\s+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\b"
                   rf"|\b(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_NAME})\b))")
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
                                                      "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000}
_COUNT = re.compile(r"(?<![0-9.,:])([0-9]{1,3}(?:,[0-9]{3})*|(?i:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
                    + r"))(?![.,:]?[0-9])\s+(?:of\s+)?(?:[A-Z][a-z]+\s+)?([a-z]{3,})\b")
_NOT_COUNTED = frozenset("""and the for per are was were have had has more than who that which with from into
near about after before over under across around year years old month months week weeks day days hour hours minute minutes time times percent per cent""".split())

STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any are
around as at away back be because been before being below between both but by can could did do does
doing done down during each either else even ever every few for from further get gets got had has have
having he her here hers herself him himself his how however i if in into is it its itself just last
least less like made make many may me might more most much must my myself near never new next no nor
not now of off often on once one only or other others our ours ourselves out over own per put rather
said same say saying says see seen she should since so some still such than that the their theirs them
themselves then there these they this those though three through thus to today too two under until up
upon us very via was we were what when where whether which while who whom whose why will with within
without would yesterday yet you your yours yourself according added adding told tell tells news
report reported reports reporting week weeks month months year years day days time times people
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night tonight
mr mrs ms dr http https www com html htm aspx php
""".split())


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem, enough to meet "arrests", "arrested" and "arresting" at one form."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if suffix == "es" and not w.endswith(("ses", "xes", "zes", "ches", "shes")):
            continue
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            w = w[: len(w) - len(suffix)] + keep
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # "stopped" → "stopp" → "stop"
    if len(w) > 4 and w[-1] == "e":
        w = w[:-1]  # "arrive" and "arrived" meet at "arriv"
    return w


def content_words(text: str) -> list[str]:
    """The stems of ``text``'s content words (no stopwords, no bare numbers, no one-letter words)."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in STOPWORDS or len(lower) < 3 or lower[0].isdigit():
            continue
        out.append(stem(lower))
    return out


def lede(text: str) -> str:
    """The first sentence of the first line that reads as prose (not a URL, a date or a word or two)."""
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) < 5 or _URL.search(line):
            continue
        first = _SENTENCE_END.split(line, maxsplit=1)[0].strip()
        return first if len(first) <= LEDE_CHARS else first[: LEDE_CHARS].rsplit(" ", 1)[0] + "…"
    return text.strip()[:LEDE_CHARS]


def marks(text: str) -> tuple[str, ...]:
    """Years, calendar dates and counted things written in ``text``."""
    found: set[str] = {f"y{m}" for m in _YEAR.findall(text)}
    for m in _DATE.finditer(text):
        month = _MONTH.get((m.group("m1") or m.group("m2") or "").lower().rstrip("."))
        day = int(m.group("d1") or m.group("d2"))
        if month and 1 <= day <= 31:
            found.add(f"d{month:02d}-{day:02d}")
    for m in _COUNT.finditer(text):
        raw, noun = m.group(1).lower(), m.group(2).lower()
        if noun in _NOT_COUNTED or noun in _MONTH:
            continue
        value = _NUMBER_WORDS.get(raw)
        if value is None:
            value = int(raw.replace(",", ""))
            if 1800 <= value <= 2099 and "," not in raw:
                continue  # a year
        if value > 1:
            found.add(f"n{value}:{stem(noun)}")
    return tuple(sorted(found))


def _entities(facts: ArticleFacts | None) -> tuple[tuple[str, float], ...]:
    if facts is None:
        return ()
    weights: dict[str, float] = {}
    for mention in facts.mentions:
        if mention.entity_id is not None:
            weight = ENTITY_WEIGHTS.get(mention.type, 1.0)
            weights[mention.entity_id] = max(weights.get(mention.entity_id, 0.0), weight)
    return tuple(sorted(weights.items()))


def _counts(parts: Iterable[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    counts: Counter[str] = Counter()
    for text, weight in parts:
        for word in content_words(text):
            counts[word] += weight
    return tuple(sorted(counts.items()))


def story_features(article: Article, facts: ArticleFacts | None = None) -> StoryFeatures:
    """The story features of ``article`` (entities from ``facts`` when it was extracted).

    Everything but the entities depends on the article alone, so an extraction worker computes
    it (``facts`` None) and the writer adds the resolved entities with ``with_entities``."""
    first = lede(article.text)
    title = (article.title or "").strip()
    headline = title or first
    terms = _counts([(title, 2.0), (article.deck or "", 1.0), (first, 1.0), (article.text, 1.0)])
    all_text = "\n".join(t for t in (title, article.deck or "", article.text) if t)
    return StoryFeatures(article_id=article.id, title=headline, published=article.published, terms=terms,
                         entities=_entities(facts), marks=marks(all_text[:MARK_CHARS]))


def with_entities(features: StoryFeatures, facts: ArticleFacts | None) -> StoryFeatures:
    """``features`` (computed without facts, e.g. in a worker) with the entities of the resolved ``facts``."""
    return replace(features, entities=_entities(facts)) if facts is not None else features
