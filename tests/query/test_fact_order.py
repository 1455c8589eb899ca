"""Fact listings have a total order: the article's ingest order, the place in the text, the fact id last."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import newsgraph
from newsgraph.model import SourcePointer, article_id
from newsgraph.pipeline import IngestOptions, ingest_records


def _moved(articles: list, folder: str) -> list:
    """The same texts read from another folder: every article id (a hash of source and text) changes."""
    out = []
    for a in articles:
        source = SourcePointer(path=f"{folder}/{a.source.path}", format=a.source.format, line=a.source.line)
        out.append(replace(a, id=article_id(source.path, a.text), source=source))
    return out


def _listing(kb) -> list[tuple]:
    return ([(q.speaker.evidence.text if q.speaker.evidence else None, tuple(c.text for c in q.content)) for q in kb.quotes()]
            + [(f.evidence.text, f.value) for f in kb.figures()] + [(t.evidence.text, t.value) for t in kb.times()]
            + [(e.trigger.text, e.type) for e in kb.events(all=True)])


def test_fact_listings_are_the_same_whatever_the_ids(short_news: list, tmp_path: Path) -> None:
    # the ids order the two copies differently (they are hashes of the path); the listings must not
    moved = _moved(short_news, "elsewhere")
    assert sorted(range(len(moved)), key=lambda i: moved[i].id) != sorted(range(len(moved)), key=lambda i: short_news[i].id)
    for name, articles in (("a", short_news), ("b", moved)):
        ingest_records(articles, db=tmp_path / f"{name}.duckdb", options=IngestOptions(batch_size=4, embed=False))
    with newsgraph.open(tmp_path / "a.duckdb", read_only=True) as a, newsgraph.open(tmp_path / "b.duckdb", read_only=True) as b:
        assert a.quotes() and _listing(a) == _listing(b)
        seq = {x.id: i for i, x in enumerate(a.articles(duplicates=True))}
        keys = [(seq[q.article_id], min(c.start for c in q.content), q.id) for q in a.quotes()]
        assert keys == sorted(keys)  # ingest order, then where the quote opens, then its id
        figures = [(seq[f.evidence.article_id], f.evidence.start, f.id) for f in a.figures()]
        assert figures == sorted(figures)
