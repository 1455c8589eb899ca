"""Time expressions on the seed articles (read from ../shared at run time; never copied into the repo)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer
from newsgraph.nlp.pipeline import load_pipeline, make_doc

PUBLISHED = datetime(2025, 10, 21, tzinfo=timezone.utc)  # a Tuesday, ISO week 43
_BODY_STARTS = {16: "Communist Party of Vietnam General Secretary", 18: "Thousands of demonstrators"}


def seed_texts(seed_path: Path) -> dict[str, str]:
    """The seed's articles by name: lines 1-15 (no photo credit), 16, 18, and 17/19 from their bodies."""
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    texts = {
        "japan": "\n".join(line for line in lines[:15] if line.strip() != "Photo: AFP"),
        "grok": lines[15],
        "embassy": lines[17],
    }
    for index, name in ((16, "vietnam"), (18, "ice")):
        line = lines[index]
        texts[name] = line[line.find(_BODY_STARTS[index]):]
    return texts


def _times(seed_path: Path, published: datetime | None):
    nlp = load_pipeline(components=["newsgraph_times"])
    out = {}
    for name, text in seed_texts(seed_path).items():
        article = Article(id=f"seed_{name}", source=SourcePointer(path=str(seed_path), format=SourceFormat.TEXT),
                          text=text, published=published)
        out[name] = nlp(make_doc(nlp, article))._.ng["times"]
    return out


@pytest.fixture(scope="module")
def seed_times(seed_path):
    return _times(seed_path, PUBLISHED), _times(seed_path, None)


def _lookup(times, evidence: str, nth: int = 0):
    matching = [t for t in times if t.evidence.text.lower() == evidence.lower()]
    assert len(matching) > nth, f"no time expression {evidence!r} (#{nth}) among {[t.evidence.text for t in times]}"
    return matching[nth]


@pytest.mark.parametrize(
    ("article", "evidence", "type_", "value"),
    [
        ("japan", "next week", "DATE", "2025-W44"),
        ("japan", "Monday", "DATE", "2025-10-27"),
        ("japan", "Tuesday next week", "DATE", "2025-10-28"),
        ("embassy", "yesterday", "DATE", "2025-10-20"),
        ("embassy", "Wednesday", "DATE", "2025-10-15"),
        ("japan", "last month", "DATE", "2025-09"),
        ("japan", "2027", "DATE", "2027"),
        ("vietnam", "every five years", "SET", "P5Y"),
        ("japan", "almost seven years", "DURATION", "P7Y"),
        ("japan", "five-year", "DURATION", "P5Y"),
        ("japan", "Sunday next week", "DATE", "2025-11-02"),
        ("vietnam", "a week-long", "DURATION", "P1W"),
        ("japan", "last year", "DATE", "2024"),
    ],
)
def test_times_seed_values_against_publication_date(seed_times, article, evidence, type_, value) -> None:
    time = _lookup(seed_times[0][article], evidence)
    assert (time.type.value, time.value, time.resolved) == (type_, value, True)


@pytest.mark.parametrize(
    ("article", "evidence"),
    [
        ("japan", "next week"), ("japan", "Monday"), ("japan", "Tuesday next week"),
        ("embassy", "yesterday"), ("embassy", "Wednesday"), ("japan", "last month"),
        ("japan", "Sunday next week"), ("japan", "last year"),
    ],
)
def test_times_seed_relative_unresolved_without_publication_date(seed_times, article, evidence) -> None:
    time = _lookup(seed_times[1][article], evidence)
    assert (time.value, time.resolved) == (None, False)


@pytest.mark.parametrize(("article", "evidence", "value"),
                         [("japan", "2027", "2027"), ("vietnam", "every five years", "P5Y"),
                          ("japan", "almost seven years", "P7Y")])
def test_times_seed_absolute_resolved_without_publication_date(seed_times, article, evidence, value) -> None:
    time = _lookup(seed_times[1][article], evidence)
    assert (time.value, time.resolved) == (value, True)
