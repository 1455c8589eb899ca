"""Query latency on a large knowledge base: median and p95 of the views a user opens.

    PYTHONPATH=src python benchmarks/query.py --db /tmp/bench/query.duckdb [--copies 20] [--nlp 300] [--samples 200]

The base is built once at --db and reused by later runs (--rebuild builds it again): the BBC News
corpus (../shared/data/bbc-news, 2,225 articles) read once, then stored --copies times; copy k > 0
has its source path under ``bbc-xNN/`` and the line ``(Benchmark copy k.)`` appended to its text,
so that each copy is a new article (near-duplicate detection is switched off for the copies:
threshold 1.01). Facts (spaCy extraction and entity resolution) are extracted for the first --nlp
articles of the original only: extracting all ~45,000 does not fit a 2-core session. Then each
copy of those articles gets its original's facts by SQL (same offsets, ids suffixed ``~k``), so
that the entity views meet entities spread over --copies times more articles. So the articles
table is full size (~45,000), facts cover --nlp x --copies articles (4,000 by default).

Each view is timed as the KnowledgeBase call a page or command makes (it opens the DuckDB file
read-only for the call), over --samples ids drawn at random (seed 0). The anchor, in the same
process, is the floor for that design: open the same file read-only, fetch the article's row by
primary key, close. Search and story views are timed only when those parts are installed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import newsgraph  # noqa: E402
from newsgraph.errors import NewsgraphError  # noqa: E402
from newsgraph.model import Article, SourcePointer, article_id  # noqa: E402
from newsgraph.pipeline import IngestOptions, ingest_records  # noqa: E402


def _copy(article: Article, k: int) -> Article:
    if k == 0:
        return article
    source: SourcePointer = replace(article.source, path=f"bbc-x{k:02d}/{article.source.path}")
    text = article.text + f"\n(Benchmark copy {k}.)"
    return replace(article, id=article_id(source.describe(), text), source=source, text=text)


def build(db: Path, data: Path, copies: int, nlp: int) -> None:
    from newsgraph.readers import read

    db.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    originals = [r for r in read([str(data)]) if isinstance(r, Article)]
    print(f"read {len(originals)} articles in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    s = ingest_records(originals[:nlp], db=db, options=IngestOptions(extract=True, batch_size=64))
    print(f"extracted facts for {s.extracted} articles in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    s = ingest_records((_copy(a, k) for k in range(copies) for a in originals), db=db,
                       options=IngestOptions(extract=False, batch_size=512, threshold=1.01))
    print(f"stored {s.stored} more articles ({s.unchanged} already there, {s.duplicates} duplicates) "
          f"in {time.perf_counter() - start:.1f} s")


# Fact tables and the id columns a replicated row gets a copy suffix on (ids stay unique, links hold).
_FACT_TABLES: dict[str, tuple[str, ...]] = {
    "extracted": (), "mentions": ("id",), "local_entities": (), "local_aliases": (), "roles": (),
    "entity_articles": (), "quotes": ("id", "speaker_mention_id"), "quote_content": ("quote_id",),
    "figures": ("id",), "times": ("id",), "events": ("id",), "event_arguments": ("event_id", "mention_id"),
    "main_events": ("event_id",),
}


def replicate(db: Path, data: Path, copies: int, nlp: int) -> None:
    """Give each copy of an extracted article its original's facts (same offsets: a copy's text
    starts with the original's), so that entity, timeline and network views meet fact tables
    ``copies`` times larger, each entity in ``copies`` times more articles. Bench-only SQL."""
    import duckdb
    from newsgraph.readers import read

    originals = [r for r in read([str(data)]) if isinstance(r, Article)][:nlp]
    pairs = [(a.id, _copy(a, k).id, k) for a in originals for k in range(1, copies)]
    start = time.perf_counter()
    conn = duckdb.connect(str(db))
    try:
        if conn.execute("SELECT count(*) FROM mentions WHERE id LIKE '%~%'").fetchone()[0]:
            return
        conn.execute("BEGIN TRANSACTION")
        conn.execute("CREATE TEMP TABLE copymap (orig VARCHAR, copy VARCHAR, k INTEGER)")
        conn.executemany("INSERT INTO copymap VALUES (?, ?, ?)", pairs)
        for table, ids in _FACT_TABLES.items():
            swaps = ", ".join(["m.copy AS article_id", *(f"t.{c} || '~' || m.k AS {c}" for c in ids)])
            conn.execute(f"INSERT INTO {table} SELECT t.* REPLACE ({swaps}) FROM {table} t JOIN copymap m ON t.article_id = m.orig")
        conn.execute("COMMIT")
    finally:
        conn.close()
    print(f"replicated the facts of {len(originals)} articles onto their {copies - 1} copies each in "
          f"{time.perf_counter() - start:.1f} s")


def timed(fn: Callable[[Any], Any], args: list[Any]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each call (CPU time is what the shared cores' load does
    not inflate; DuckDB's own threads count in it too)."""
    wall, cpu = [], []
    for a in args:
        t, c = time.perf_counter(), time.process_time()
        fn(a)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def anchor(db: Path) -> Callable[[str], Any]:
    import duckdb

    def lookup(article: str) -> Any:
        conn = duckdb.connect(str(db), read_only=True)
        try:
            return conn.execute("SELECT * FROM articles WHERE id = ?", [article]).fetchone()
        finally:
            conn.close()

    return lookup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the benchmark base (built when missing)")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "bbc-news")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--nlp", type=int, default=300, help="articles extracted with spaCy (the rest stored only)")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--no-replicate", dest="replicate", action="store_false",
                        help="leave the copies without facts (by default each copy of an extracted article gets its facts)")
    args = parser.parse_args()
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        if not args.data.is_dir():
            raise SystemExit(f"benchmark data not found at {args.data}")
        build(args.db, args.data, args.copies, args.nlp)
    if args.replicate:
        replicate(args.db, args.data, args.copies, args.nlp)
    kb = newsgraph.open(args.db, read_only=True)
    rng = random.Random(0)
    articles = [a.id for a in kb.articles()]
    extracted = sorted({aid for e in kb.entities(min_articles=1) for aid in e.article_ids})
    entities = kb.entities(min_articles=1)
    names = [e.name for e in entities]
    print(f"base: {len(articles)} articles, {len(extracted)} with facts, {len(entities)} entities, "
          f"{args.db.stat().st_size / 1e6:.0f} MB")
    pick = lambda pool: [rng.choice(pool) for _ in range(args.samples)]  # noqa: E731
    views: list[tuple[str, Callable[[Any], Any], list[Any]]] = [
        ("anchor: open + article row by id", anchor(args.db), pick(articles)),
        ("article view  kb.article(id)", kb.article, pick(articles)),
        ("article brief kb.brief(id)", kb.brief, pick(extracted)),
        ("entity view   kb.entity(name)", kb.entity, pick(names)),
        ("entity view, top 20 entities", kb.entity, [rng.choice(names[:20]) for _ in range(args.samples)]),
        ("timeline      kb.timeline(name)", kb.timeline, pick(names)),
        ("network       kb.network(entity=)", lambda n: kb.network(entity=n), pick(names)),
    ]
    try:
        stories = kb.stories(limit=1000)
        views.append(("story view    kb.story(id)", kb.story, pick([s.id for s in stories])))
    except NewsgraphError as exc:
        print(f"story view not measured: {exc.render()}")
    try:
        kb.search("minister")
        words = ["minister", "election", "oil prices", "film award", "broadband", "football club", "bank rates"]
        views.append(("search        kb.search(q)", kb.search, pick(words)))
    except NewsgraphError as exc:
        print(f"search not measured: {exc.render()}")
    rows = []
    for label, fn, sample in views:
        fn(sample[0])  # warm: imports, the OS file cache
        wall, cpu = timed(fn, sample)
        rows.append((label, statistics.median(wall), p95(wall), statistics.median(cpu), p95(cpu)))
    base = rows[0][1]
    print(f"\n{'view':<38}{'median ms':>10}{'p95 ms':>10}{'CPU median':>11}{'CPU p95':>9}{'median / anchor':>17}")
    for label, median, high, cpu_median, cpu_high in rows:
        print(f"{label:<38}{median:>10.1f}{high:>10.1f}{cpu_median:>11.1f}{cpu_high:>9.1f}{median / base:>17.1f}")
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{args.samples} samples each; load average during the run {load} on {os.cpu_count()} CPUs; "
          "target: p95 under 100 ms for each view")


if __name__ == "__main__":
    main()
