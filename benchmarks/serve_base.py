"""Make a large knowledge base for `benchmarks/serve.py` quickly: copy a real one N times over.

    python benchmarks/serve_base.py SOURCE.duckdb TARGET.duckdb --copies 20

Extraction runs at thousands of words a second on these CPUs, so a 45,000-article base takes
hours to build from text; this copies every article and every fact of SOURCE (a base built by
`newsgraph ingest`) N times with suffixed ids (``art_x`` → ``art_x_c3``), so that TARGET has N
times the articles, mentions, quotes, events, figures and times, embeddings and story features.
Stories are copied with their articles (``sto_x`` → ``sto_x_c3`` holds the third copies of
``sto_x``'s articles), so that a story keeps its size and there are N times the stories. Entities
keep their ids: each copy of an article names the same people, as the same people recur across
real news, so an entity's page lists N times the articles. Duplicate signatures are not copied
(TARGET is for reading). Then TARGET is opened with newsgraph (which adds the indexes of later
migrations once, over the full tables) and its full-text indexes are rebuilt over every copy.
Benchmark-only: it writes DuckDB directly, which the package never does outside store/.
"""

from __future__ import annotations

import argparse
import shutil
import time

import duckdb

from newsgraph.store import open_store
from newsgraph.store.search import has_search_tables, rebuild_fts

SUFFIXED = {"id", "article_id", "duplicate_of", "quote_id", "event_id", "mention_id", "speaker_mention_id", "story_id",
            "input_id"}
SKIP = {"entities", "entity_aliases", "signatures", "minhash_bands", "runs", "ingest_log", "schema_version",
        "watched_files", "search_state", "story_df"}
COPIED_WITHOUT_ARTICLE = {"stories"}  # copied although they have no article_id column


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    t0 = time.perf_counter()
    shutil.copy(args.source, args.target)
    conn = duckdb.connect(args.target)
    top = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
    tables = [r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]
    for table in tables:
        if table in SKIP:
            continue
        columns = [r[0] for r in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
        if "article_id" not in columns and table != "articles" and table not in COPIED_WITHOUT_ARTICLE:
            continue
        exprs = []
        for c in columns:
            if c in SUFFIXED:
                exprs.append(f"CASE WHEN \"{c}\" IS NULL THEN NULL ELSE \"{c}\" || '_c' || k END")
            elif c == "seq":
                exprs.append(f"seq + k * {top}")
            else:
                exprs.append(f'"{c}"')
        conn.execute(f"CREATE TEMP TABLE base_{table} AS SELECT *, row_number() OVER () AS base_row FROM {table}")
        # copy after copy, each in the source's row order: the layout a real run of ingests leaves
        conn.execute(f"INSERT INTO {table} SELECT {', '.join(exprs)} FROM base_{table}, range(1, {args.copies}) r(k) "
                     "ORDER BY k, base_row")
        conn.execute(f"DROP TABLE base_{table}")
    conn.execute("CHECKPOINT")
    conn.close()
    copied = time.perf_counter() - t0
    t1 = time.perf_counter()
    with open_store(args.target) as store:  # migrations (indexes) over the full tables
        migrated = time.perf_counter() - t1
        t2 = time.perf_counter()
        if has_search_tables(store):
            rebuild_fts(store)
        fts = time.perf_counter() - t2
        counts = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in
                  ("articles", "mentions", "quotes", "events", "embeddings", "stories", "story_articles")}
    print(f"{args.target}: {counts}; copied in {copied:.1f} s, migrated in {migrated:.1f} s, fts rebuilt in {fts:.1f} s")


if __name__ == "__main__":
    main()
