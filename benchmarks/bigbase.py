"""The large benchmark base, shared by `benchmarks/query.py` and `benchmarks/serve.py`: a real
knowledge base copied N times over, by SQL, in a minute or two instead of hours of extraction.

    PYTHONPATH=src python benchmarks/bigbase.py --source /tmp/bench/bbc-src.duckdb --target /tmp/bench/bbc45k.duckdb [--copies 20]

From Python (what both benchmarks do; ``ensure`` builds only when TARGET is missing or was built
from another SOURCE or copy count, and returns the build's figures, or ``{}`` when reused):

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bigbase import ensure
    ensure(source, target, copies=20)

SOURCE is a knowledge base built by ``newsgraph ingest`` (facts, embeddings, stories), e.g. the whole
BBC News corpus: ``newsgraph ingest ../shared/data/bbc-news --db bbc.duckdb`` (2,073 articles kept,
35 minutes on 2 shared cores; the default path is where this team keeps one). It is never written: TARGET starts as a file copy, is upgraded to this newsgraph's
schema (its migrations, indexes included), then every article and every row that hangs off an
article (facts, entity links, duplicates, signatures, vectors, story features and keys, stories and
their members) is copied N - 1 more times with suffixed ids (``art_x`` → ``art_x_c3``, story
``sto_y`` → ``sto_y_c3``). Entities keep their ids, so each copy names the same people and an
entity's page lists N times the articles, as people recur across real news; a story's copies are
N separate stories of the same size. Each term's story document frequency is multiplied by N. The
copies' texts are the originals' (the fts index sees N times each document). The fts indexes are
then rebuilt once over the whole base (``indexing.rebuild_text_index``, timed: the cost a full
rebuild has at that size), and so are the entity, story and article page digests (``store/digest.py``,
``store/story_digest.py``, ``store/article_digest.py``, timed together).
Benchmark-only: it writes DuckDB directly, which the package does only inside ``store/``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))

DEFAULT_SOURCE = Path("/tmp/bench/bbc-src.duckdb")
DEFAULT_TARGET = Path("/tmp/bench/bbc45k.duckdb")

# columns holding an article-scoped id: a copy gets them suffixed so that its rows stay its own
SUFFIXED = {"id", "article_id", "duplicate_of", "quote_id", "event_id", "mention_id", "speaker_mention_id",
            "story_id", "text_of", "input_id"}
# tables not copied: the base's own bookkeeping, entities (shared by every copy), and what is rebuilt
SKIP = {"entities", "entity_aliases", "runs", "ingest_log", "schema_version", "watched_files", "search_state",
        "quote_text", "story_df", "stories", "article_versions", "entity_digest", "entity_digest_dirty",
        "story_digest", "story_digest_dirty", "article_digest", "article_digest_dirty"}
STAMP = "bench_bigbase"  # a table in TARGET recording what it was built from


def _copy_rows(conn, table: str, copies: int, top: int) -> None:  # noqa: ANN001 - a duckdb connection
    columns = [r[0] for r in conn.execute(f'SELECT * FROM "{table}" LIMIT 0').description]
    exprs = []
    for c in columns:
        if c in SUFFIXED:
            exprs.append(f"CASE WHEN \"{c}\" IS NULL THEN NULL ELSE \"{c}\" || '_c' || k END")
        elif c == "seq":
            exprs.append(f"seq + k * {top}")
        elif c == "mention_ids":  # a JSON list of the article's mention ids
            exprs.append("regexp_replace(mention_ids, '\"([^\"]+)\"', '\"\\1_c' || k || '\"', 'g')")
        else:
            exprs.append(f'"{c}"')
    # copy after copy, each in the source's row order: the layout a run of ingests leaves
    conn.execute(f'CREATE TEMP TABLE base_rows AS SELECT *, row_number() OVER () AS base_row FROM "{table}"')
    conn.execute(f'INSERT INTO "{table}" SELECT {", ".join(exprs)} FROM base_rows, range(1, {copies}) r(k) '
                 "ORDER BY k, base_row")
    conn.execute("DROP TABLE base_rows")


def build(source: Path, target: Path, copies: int = 20) -> dict[str, float]:
    """Make TARGET from SOURCE (see the module's docstring); return the step timings in seconds
    and the resulting counts."""
    import duckdb

    from newsgraph import indexing
    from newsgraph.store import digest, open_store
    from newsgraph.store.connection import SLOW_TO_FETCH

    if not source.is_file():
        raise SystemExit(f"no source knowledge base at {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    figures: dict[str, float] = {}
    t0 = time.perf_counter()
    shutil.copy(source, target)
    for extra in (".wal",):
        Path(str(target) + extra).unlink(missing_ok=True)
    with open_store(target):  # upgrade to this newsgraph's schema
        pass
    figures["copy_and_migrate_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    conn = duckdb.connect(str(target))
    conn.execute(f"SET disabled_compression_methods = '{SLOW_TO_FETCH}'")  # stored as the package's writer stores
    try:
        top = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'"
        ).fetchall()]
        # secondary indexes are dropped for the bulk copy and made again after it (faster than kept)
        indexes = [r[0] for r in conn.execute(
            "SELECT sql FROM duckdb_indexes() WHERE database_name = current_database() AND sql IS NOT NULL").fetchall()]
        for (name,) in conn.execute(
                "SELECT index_name FROM duckdb_indexes() WHERE database_name = current_database() AND sql IS NOT NULL").fetchall():
            conn.execute(f'DROP INDEX "{name}"')
        conn.execute("BEGIN TRANSACTION")
        for table in tables:
            if table in SKIP:
                continue
            columns = {r[0] for r in conn.execute(f'SELECT * FROM "{table}" LIMIT 0').description}
            if "article_id" in columns or table == "articles":
                _copy_rows(conn, table, copies, top)
        # stories: copy k of a story holds copy k of its articles; absorbed ids stay with the original
        conn.execute(f"""INSERT INTO stories SELECT s.* REPLACE (s.id || '_c' || k AS id, '[]' AS merged_ids)
                         FROM stories s, range(1, {copies}) r(k) ORDER BY k, s.id""")
        conn.execute(f"UPDATE story_df SET df = df * {copies}")
        conn.execute("COMMIT")
        for sql in indexes:
            conn.execute(sql)
        conn.execute(f"CREATE TABLE {STAMP} (source VARCHAR, copies INTEGER, built TIMESTAMPTZ)")
        conn.execute(f"INSERT INTO {STAMP} VALUES (?, ?, now())", [str(source.resolve()), copies])
        conn.execute("CHECKPOINT")
        for table in ("articles", "mentions", "quotes", "events", "embeddings", "stories", "story_articles"):
            figures[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()
    figures["copy_rows_s"] = time.perf_counter() - t1
    with open_store(target) as store:
        articles, quotes, seconds = indexing.rebuild_text_index(store)
    figures["fts_rebuild_s"] = seconds
    figures["fts_articles"], figures["fts_quotes"] = articles, quotes
    with open_store(target) as store:  # every entity's, story's and article's page digest, computed over the whole base
        t2 = time.perf_counter()
        with store.transaction() as conn:
            digest.mark_dirty(conn, everything=True)
        figures["digests"] = digest.refresh(store)
        figures["digest_refresh_s"] = time.perf_counter() - t2
    figures["total_s"] = time.perf_counter() - t0
    return figures


def built_from(target: Path) -> tuple[str, int] | None:
    """(source, copies) TARGET was built from, or None when it is not a finished bigbase."""
    import duckdb

    if not target.is_file():
        return None
    try:
        conn = duckdb.connect(str(target), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = conn.execute(f"SELECT source, copies FROM {STAMP}").fetchone()
    except duckdb.Error:
        return None
    finally:
        conn.close()
    return (row[0], int(row[1])) if row else None


def ensure(source: Path = DEFAULT_SOURCE, target: Path = DEFAULT_TARGET, copies: int = 20, *,
           rebuild: bool = False) -> dict[str, float]:
    """Build TARGET unless it is already the bigbase of SOURCE × ``copies``; the build's figures
    (``{}`` when TARGET was reused)."""
    if not rebuild and built_from(target) == (str(source.resolve()), copies):
        return {}
    target.unlink(missing_ok=True)
    return build(source, target, copies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="a knowledge base built by newsgraph ingest")
    parser.add_argument("--target", type=Path, default=DEFAULT_TARGET, help="the large base to write")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true", help="build even when TARGET is already that base")
    args = parser.parse_args()
    figures = ensure(args.source, args.target, args.copies, rebuild=args.rebuild)
    print(json.dumps(figures or {"reused": str(args.target)}, indent=1))


if __name__ == "__main__":
    main()
