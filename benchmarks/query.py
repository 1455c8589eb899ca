"""Query latency and upkeep on a ~45,000-article knowledge base: the views a user opens, the cost of
adding a batch of 100 articles on one core, and embedding throughput beside the raw model.

    PYTHONPATH=src python benchmarks/query.py [--source /tmp/bench/bbc-src.duckdb] [--db /tmp/bench/bbc45k.duckdb]
        [--copies 20] [--samples 100] [--batch 100] [--embed 200] [--skip-add]

1. The base: ``benchmarks/bigbase.py`` (shared with ``benchmarks/serve.py``) copies --source, a
   knowledge base of the whole BBC News corpus built by ``newsgraph ingest`` (facts, vectors,
   stories), --copies times over by SQL into --db, once; later runs reuse it. Its one full fts
   rebuild is timed when it is built (printed then; ``--rebuild`` builds it again).
2. Views, each the ``KnowledgeBase`` call a command makes (``newsgraph.open(db, read_only=True)``,
   which keeps a read-only connection, as a Python user holds it), over --samples ids or queries
   drawn at random (seed 0): search (hybrid, text, semantic), the entity view, the story view and
   the article view. Anchor, same run: open the file read-only, fetch an article row by key, close.
3. Adding a batch: --batch new articles (ECB+ dev, news the base does not hold) ingested in one
   batch into a scratch copy of the base, in this process (``--workers 1``), the process pinned to
   one CPU core; the run timed whole and broken down (model load, de-duplication, extraction,
   entity resolution, stories, the batch's write, vectors, fts upkeep). Then the fts upkeep alone
   against base size: another --batch articles stored without NLP or vectors into the 45k copy
   and into a copy of --source (2,225 articles): the append's time beside a full rebuild's.
4. Embedding throughput (one core): ``indexing.embed_articles`` (read the texts, tokenize, run,
   write) over --embed articles of the base, beside the raw model (the same onnxruntime session,
   on the same texts already tokenised and length-sorted), in the same run.

Wall-clock and CPU milliseconds are both printed: the machine's cores are shared, and CPU time is
what the load does not inflate.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

import newsgraph  # noqa: E402
from bigbase import DEFAULT_SOURCE, DEFAULT_TARGET, ensure  # noqa: E402
from newsgraph.errors import NewsgraphError  # noqa: E402

QUERIES = ["minister", "election campaign", "oil prices", "film award", "broadband", "football club",
           "bank interest rates", "mobile phone", "the prime minister said on Monday", "record profits",
           "Chelsea manager", "music industry downloads", "tax cuts", "Iraq war", "video games console"]


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def timed(fn: Callable[[Any], Any], args: list[Any]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each call."""
    wall, cpu = [], []
    for a in args:
        t, c = time.perf_counter(), time.process_time()
        fn(a)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def anchor(db: Path) -> Callable[[str], Any]:
    import duckdb

    def lookup(article: str) -> Any:
        conn = duckdb.connect(str(db), read_only=True)
        try:
            return conn.execute("SELECT * FROM articles WHERE id = ?", [article]).fetchone()
        finally:
            conn.close()

    return lookup


def sample_ids(db: Path) -> dict[str, list[str]]:
    """Article ids, entity names (of entities in at least one article) and story ids of the base."""
    import duckdb

    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY seq").fetchall()],
            "entities": [r[0] for r in conn.execute(
                "SELECT e.name FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_articles) ORDER BY e.id").fetchall()],
            "stories": [r[0] for r in conn.execute("SELECT id FROM stories ORDER BY id").fetchall()],
        }
    finally:
        conn.close()


def views(db: Path, samples: int) -> list[tuple[str, list[float], list[float]]]:
    rng = random.Random(0)
    ids = sample_ids(db)
    pick = lambda pool: [rng.choice(pool) for _ in range(samples)]  # noqa: E731
    kb = newsgraph.open(db, read_only=True)
    print(f"base: {len(ids['articles']):,} articles, {len(ids['entities']):,} entities with articles, "
          f"{len(ids['stories']):,} stories, {db.stat().st_size / 1e6:,.0f} MB")
    rows: list[tuple[str, Callable[[Any], Any], list[Any]]] = [
        ("anchor: open + article row by id", anchor(db), pick(ids["articles"])),
        ("search hybrid   kb.search(q)", kb.search, pick(QUERIES)),
        ("search text     kb.search(q, mode='text')", lambda q: kb.search(q, mode="text"), pick(QUERIES)),
        ("search semantic kb.search(q, mode='semantic')", lambda q: kb.search(q, mode="semantic"), pick(QUERIES)),
        ("entity view     kb.entity(name)", kb.entity, pick(ids["entities"])),
        ("story view      kb.story(id)", kb.story, pick(ids["stories"])),
        ("article view    kb.article(id)", kb.article, pick(ids["articles"])),
    ]
    out = []
    for label, fn, sample in rows:
        try:
            fn(sample[0])  # warm: imports, the model, the OS file cache
        except NewsgraphError as exc:
            print(f"{label}: not measured: {exc.render()}")
            continue
        wall, cpu = timed(fn, sample)
        out.append((label, wall, cpu))
    kb.close()
    return out


# --- adding a batch -------------------------------------------------------------------------------

class Stopwatch:
    """Wall and CPU seconds spent inside wrapped functions, by step (outermost call only)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.depth = 0
        self.saved: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, name: str, step: str) -> None:
        original = getattr(owner, name)
        watch = self

        def timed_call(*args: Any, **kwargs: Any) -> Any:
            if watch.depth:
                return original(*args, **kwargs)
            watch.depth += 1
            t, c = time.perf_counter(), time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                watch.wall[step] += time.perf_counter() - t
                watch.cpu[step] += time.process_time() - c
                watch.depth -= 1

        self.saved.append((owner, name, original))
        setattr(owner, name, timed_call)

    def restore(self) -> None:
        for owner, name, original in reversed(self.saved):
            setattr(owner, name, original)
        self.saved.clear()


def new_articles(count: int, split: str, skip: int = 0) -> list:
    """``count`` ECB+ articles of ``split`` (news the BBC base does not hold), in a fixed shuffle."""
    from newsgraph.evaluate.stories import _articles, load

    docs = load(REPO.parent / "shared" / "data" / "ecbplus", split)
    random.Random(7).shuffle(docs)
    return _articles(docs[skip: skip + count])


def add_batch(base: Path, scratch: Path, count: int) -> tuple[list[tuple[str, float, float]], dict[str, Any]]:
    """Ingest ``count`` new articles, one batch, in this process, into a copy of ``base``."""
    from newsgraph import indexing, pipeline, search

    articles = new_articles(count, "dev")
    words = sum(len(a.text.split()) for a in articles)
    shutil.copy(base, scratch)
    watch = Stopwatch()
    watch.wrap(pipeline.Writer, "prepare", "read the store: ids, de-duplication")
    watch.wrap(pipeline.Extractor, "__call__", "extraction (spaCy, all components)")
    watch.wrap(pipeline.Writer, "_resolve", "entity resolution against the base")
    watch.wrap(pipeline, "_cluster_stories", "stories (candidates from the base, clustering)")
    watch.wrap(pipeline, "write_batch", "write the batch (one transaction)")
    watch.wrap(indexing, "embed_articles", "vectors (MiniLM) for the batch")
    watch.wrap(indexing, "append_text_index", "fts upkeep: append the batch")
    watch.wrap(indexing, "rebuild_text_index", "fts rebuild (only when the index cannot be appended to)")
    t, c = time.perf_counter(), time.process_time()
    try:
        # the models, loaded as a fresh process loads them (timed as their own steps)
        extractor = pipeline.Extractor("", max_chars=pipeline.IngestOptions().max_extract_chars)
        w, u = time.perf_counter(), time.process_time()
        extractor.load()
        watch.wall["load the spaCy model (once a run)"] = time.perf_counter() - w
        watch.cpu["load the spaCy model (once a run)"] = time.process_time() - u
        search.embed._SHARED = None
        w, u = time.perf_counter(), time.process_time()
        search.encoder()
        watch.wall["load the MiniLM model (once a process)"] = time.perf_counter() - w
        watch.cpu["load the MiniLM model (once a process)"] = time.process_time() - u
        summary = pipeline.ingest_records(articles, db=scratch, options=pipeline.IngestOptions(batch_size=count),
                                          runner=pipeline.InProcess(extractor))
    finally:
        watch.restore()
    total_wall, total_cpu = time.perf_counter() - t, time.process_time() - c
    steps = [(step, watch.wall[step], watch.cpu[step]) for step in watch.wall]
    rest_wall = total_wall - sum(w for _, w, _ in steps)
    rest_cpu = total_cpu - sum(c for _, _, c in steps)
    steps.append(("the rest (run bookkeeping, store opens, log)", rest_wall, rest_cpu))
    steps.append(("total: adding the batch", total_wall, total_cpu))
    loads = sum(w for s, w, _ in steps if s.startswith("load"))
    info = {"summary": summary.to_dict(), "words": words, "articles": len(articles), "loads_wall": loads,
            "total_wall": total_wall, "total_cpu": total_cpu}
    return steps, info


def upkeep_by_size(bases: list[tuple[str, Path]], count: int, rebuild_max: int) -> list[tuple[str, float, float, int]]:
    """(base, fts append seconds, full rebuild seconds, articles) for ``count`` new articles stored
    without NLP or vectors into each base (a scratch copy, already made)."""
    from newsgraph import indexing, pipeline
    from newsgraph.store import open_store

    articles = new_articles(count, "train")
    rows = []
    for label, db in bases:
        watch = Stopwatch()
        watch.wrap(indexing, "append_text_index", "append")
        watch.wrap(indexing, "rebuild_text_index", "rebuild")
        try:
            summary = pipeline.ingest_records(articles, db=db, options=pipeline.IngestOptions(
                batch_size=count, extract=False, embed=False))
        finally:
            watch.restore()
        assert summary.fts_rebuilds == 0, summary.to_dict()
        with open_store(db) as store:
            n = int(store.scalar("SELECT count(*) FROM articles"))
            rebuild = indexing.rebuild_text_index(store)[2] if n <= rebuild_max else float("nan")
        rows.append((label, watch.wall["append"], rebuild, n))
    return rows


def embedding(db: Path, count: int) -> list[tuple[str, float]]:
    """Articles/s of ``indexing.embed_articles`` and of the raw session over the same texts."""
    from newsgraph import indexing, search
    from newsgraph.store import open_store

    enc = search.encoder()
    with open_store(db) as store:
        rows = store.rows("SELECT id, title, deck, text FROM articles WHERE id IN (SELECT article_id FROM embeddings) "
                          f"ORDER BY seq LIMIT {int(count)}")
        ids = [r[0] for r in rows]
        texts = [search.article_text(title, deck, text) for _, title, deck, text in rows]
        tokens = enc.tokenize(texts)
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        t = time.perf_counter()
        for first in range(0, len(order), search.embed.BATCH):
            enc.run([tokens[i] for i in order[first: first + search.embed.BATCH]])
        raw = len(tokens) / (time.perf_counter() - t)
        store.conn.execute("DELETE FROM embeddings WHERE article_id IN (SELECT unnest(?))", [ids])
        t = time.perf_counter()
        done = indexing.embed_articles(store, ids)
        ours = done / (time.perf_counter() - t)
    return [("raw onnxruntime session (anchor), pre-tokenised, length-sorted", raw),
            ("newsgraph indexing.embed_articles (read, tokenize, run, write)", ours)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="a knowledge base of the BBC corpus")
    parser.add_argument("--db", type=Path, default=DEFAULT_TARGET, help="the large base (built when missing)")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--samples", type=int, default=100, help="calls timed per view")
    parser.add_argument("--batch", type=int, default=100, help="new articles added in one batch")
    parser.add_argument("--embed", type=int, default=200, help="articles embedded for the throughput rows")
    parser.add_argument("--skip-add", action="store_true", help="time the views only")
    parser.add_argument("--rebuild", action="store_true", help="build the large base again")
    parser.add_argument("--rebuild-max", type=int, default=10_000,
                        help="time a full fts rebuild only on bases up to this size (the large base's is timed when built)")
    args = parser.parse_args()

    built = ensure(args.source, args.db, args.copies, rebuild=args.rebuild)
    if built:
        print("built the base: " + ", ".join(f"{k} {v:,.1f}" if isinstance(v, float) else f"{k} {v:,}"
                                            for k, v in built.items()))
    rows = views(args.db, args.samples)
    base = statistics.median(rows[0][1])
    print(f"\n{'view':<48}{'median ms':>10}{'p95 ms':>9}{'CPU med':>9}{'CPU p95':>9}{'÷ anchor':>10}")
    for label, wall, cpu in rows:
        print(f"{label:<48}{statistics.median(wall):>10.1f}{p95(wall):>9.1f}{statistics.median(cpu):>9.1f}"
              f"{p95(cpu):>9.1f}{statistics.median(wall) / base:>10.1f}")
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.samples} calls each; load average {load} on {os.cpu_count()} CPUs; target: p95 under 100 ms a view")
    if args.skip_add:
        return

    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core from here on, every thread
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-query-", dir=args.db.parent) as tmp:
        scratch = Path(tmp) / "add.duckdb"
        steps, info = add_batch(args.db, scratch, args.batch)
        s = info["summary"]
        print(f"\nadding {info['articles']} new articles ({info['words']:,} words, ECB+ dev) to the "
              f"{len(sample_ids(args.db)['articles']):,}-article base in one batch, --workers 1, one core: "
              f"stored {s['stored']}, duplicates {s['duplicates']}, extracted {s['extracted']}, "
              f"embedded {s['embedded']}, fts rebuilds {s['fts_rebuilds']}")
        print(f"{'step':<58}{'wall s':>9}{'CPU s':>9}{'share':>8}")
        for step, wall, cpu in steps:
            print(f"{step:<58}{wall:>9.2f}{cpu:>9.2f}{100 * wall / info['total_wall']:>7.0f}%")
        print(f"without the model loads (a long-running ingest or watch pays them once): "
              f"{info['total_wall'] - info['loads_wall']:.2f} s wall; target: under 30 s for 100 articles on one core")

        small = Path(tmp) / "small.duckdb"
        shutil.copy(args.source, small)
        sizes = upkeep_by_size([("copy of --source", small), ("the large base (after the batch above)", scratch)],
                               args.batch, args.rebuild_max)
        print(f"\nfts upkeep against base size ({args.batch} more articles, ECB+ train, stored without NLP):")
        print(f"{'base':<42}{'articles':>10}{'append s':>10}{'full rebuild s':>16}")
        for label, append, rebuild, n in sizes:
            shown = f"{rebuild:>16.2f}" if rebuild == rebuild else f"{'(see its build)':>16}"
            print(f"{label:<42}{n:>10,}{append:>10.3f}{shown}")

        print("\nembedding throughput, one core:")
        rows_e = embedding(scratch, args.embed)
        raw = rows_e[0][1]
        for label, rate in rows_e:
            print(f"{label:<66}{rate:>8.1f} articles/s{rate / raw:>7.2f}×")
    print(json.dumps({"load_average": os.getloadavg()}))


if __name__ == "__main__":
    main()
