"""Search costs: embedding throughput beside the raw model's, and the fts rebuild against base size.

    PYTHONPATH=src python benchmarks/search.py [--data ../shared/data/bbc-news] [--limit 600] [--sizes 1,2,4] [--queries 20]

1. Embedding. The anchor is the raw onnxruntime model on already tokenised, length-sorted
   batches (nothing else); newsgraph's figure is ``indexing.embed_articles`` on a knowledge base
   ingested with ``--no-embed``: read the articles from the store, tokenize, run, write the
   vectors. Both over the same ``--limit`` articles in the same process, one after the other.
2. The fts rebuild (``indexing.rebuild_text_index``, done once per ingest run) on knowledge bases
   of 1×, 2×, 4× ... the corpus (later copies carry a marker word, so they are stored as
   near-duplicate rows, which the index covers all the same), beside the ingest time of that
   base (no NLP, no embedding) as the anchor.
3. Query latency (median and p95 of ``--queries`` article titles) per mode on the largest base.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))


def load(data: Path, limit: int | None, copies: int = 1) -> list:
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id

    out = []
    files = [p for p in sorted(data.rglob("*.txt")) if p.name.upper() != "README.TXT"][:limit]
    for copy in range(copies):
        for path in files:
            raw = path.read_bytes().decode("utf-8", "replace")
            head, _, rest = raw.strip().partition("\n")
            body = "\n".join(p.strip() for p in rest.split("\n") if p.strip()) + (f"\ncopy{copy}" if copy else "")
            name = f"{copy}/{path.relative_to(data)}"
            out.append(Article(id=article_id(name, body), title=head.strip(), text=body,
                               source=SourcePointer(path=name, format=SourceFormat.TEXT, line=1)))
    return out


def ingest(articles: list, db: Path) -> float:
    from newsgraph.pipeline import IngestOptions, ingest_records

    start = time.perf_counter()
    ingest_records(articles, db=db, options=IngestOptions(batch_size=256, embed=False))
    return time.perf_counter() - start


def embedding(articles: list, tmp: Path) -> list[tuple[str, str, str]]:
    from newsgraph import indexing, search
    from newsgraph.store import open_store

    db = tmp / "embed.duckdb"
    ingest(articles, db)
    enc = search.encoder()
    texts = [search.article_text(a.title, a.deck, a.text) for a in articles]
    ids = enc.tokenize(texts)
    lengths = sorted(len(i) for i in ids)
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    start = time.perf_counter()
    for first in range(0, len(order), search.embed.BATCH):
        enc.run([ids[i] for i in order[first : first + search.embed.BATCH]])
    raw = len(ids) / (time.perf_counter() - start)
    with open_store(db) as store:
        start = time.perf_counter()
        done = indexing.embed_articles(store)
        ours = done / (time.perf_counter() - start)
    truncated = sum(1 for n in lengths if n >= enc.max_tokens) / len(lengths)
    return [
        ("raw onnxruntime model (anchor), pre-tokenised", f"{raw:.1f} articles/s", "1.00"),
        ("newsgraph embed_articles (read, tokenize, run, write)", f"{ours:.1f} articles/s", f"{ours / raw:.2f}"),
        ("word pieces an article, median / p90", f"{statistics.median(lengths):.0f} / {lengths[int(0.9 * len(lengths))]}", ""),
        (f"articles cut at {enc.max_tokens} word pieces", f"{100 * truncated:.0f}%", ""),
    ]


def rebuilds(data: Path, limit: int | None, sizes: list[int], tmp: Path, queries: int) -> list[tuple[str, str, str]]:
    from newsgraph import indexing
    from newsgraph.query.search import search
    from newsgraph.store import open_store

    rows = []
    db = None
    for size in sizes:
        articles = load(data, limit, size)
        db = tmp / f"fts{size}.duckdb"
        took = ingest(articles, db)
        with open_store(db) as store:
            count, quotes, seconds = indexing.rebuild_text_index(store)
        rows.append((f"fts rebuild, {count:,} articles", f"{seconds:.2f} s ({1000 * seconds / count:.2f} ms/article)",
                     f"ingest of that base: {took:.1f} s"))
    if db is not None and queries:
        indexing.index(db, text=False)  # vectors for the semantic and hybrid rows
        titles = [a.title for a in load(data, limit)][:: max(1, (limit or 1000) // queries)][:queries]
        with open_store(db, read_only=True) as store:
            for mode in ("text", "semantic", "hybrid"):
                times = []
                for title in titles:
                    start = time.perf_counter()
                    search(store, title, mode=mode)
                    times.append(1000 * (time.perf_counter() - start))
                times.sort()
                rows.append((f"search --{mode}, {count:,} articles", f"median {statistics.median(times):.0f} ms",
                             f"p95 {times[min(len(times) - 1, int(0.95 * len(times)))]:.0f} ms"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "bbc-news")
    parser.add_argument("--limit", type=int, default=600, help="articles of the corpus to use (default 600)")
    parser.add_argument("--sizes", default="1,2,4", help="base sizes for the fts rebuild, in copies of --limit")
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    from rich.console import Console
    from rich.table import Table

    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-search-") as tmp:
        rows = embedding(load(args.data, args.limit), Path(tmp))
        rows += rebuilds(args.data, args.limit, [int(s) for s in args.sizes.split(",")], Path(tmp), args.queries)
    table = Table(title=f"search costs on {args.data.name} ({args.limit} articles a copy)")
    for header in ("measure", "figure", "beside"):
        table.add_column(header)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


if __name__ == "__main__":
    main()
