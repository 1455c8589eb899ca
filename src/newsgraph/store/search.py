"""The search tables and their SQL: article embeddings, DuckDB fts (BM25) indexes, top-k queries.

Two full-text indexes are built with DuckDB's ``fts`` extension (loaded from the file that the
``duckdb-extension-fts`` package installs; ``INSTALL`` would need a network): one over the
articles' title, deck and text (schema ``fts_main_articles``), one over quotes' content
(``fts_main_quote_text``, a table filled from ``quote_content`` when the index is built). An fts
index does not see rows added after it was built, so the pipeline rebuilds both once at the end
of each ingest run, never per batch; ``search_state`` records what the last build saw, so a
reader can tell a stale or missing index.

Embeddings (``FLOAT[384]``, unit length) are searched exactly with ``array_cosine_similarity``
(DESIGN.md §5: exact cosine up to about a million rows).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import duckdb

from newsgraph.errors import StoreError
from newsgraph.store.connection import Store, insert, joined

ARTICLE_FTS = "fts_main_articles"
QUOTE_FTS = "fts_main_quote_text"
DIMENSIONS = 384


def fts_extension_path() -> str:
    """The ``fts.duckdb_extension`` file of the installed ``duckdb-extension-fts`` package."""
    try:
        import duckdb_extension_fts
    except ImportError:
        raise StoreError("NG310", "the duckdb-extension-fts package is not installed") from None
    base = os.path.join(os.path.dirname(duckdb_extension_fts.__file__), "extensions")
    exact = os.path.join(base, f"v{duckdb.__version__}", "fts.duckdb_extension")
    if os.path.isfile(exact):
        return exact
    found = sorted(glob.glob(os.path.join(base, "*", "fts.duckdb_extension")))
    if not found:
        raise StoreError("NG310", f"no fts.duckdb_extension under {base}")
    raise StoreError("NG310", f"the fts extension is built for {os.path.basename(os.path.dirname(found[-1]))}, "
                              f"DuckDB is v{duckdb.__version__}")


def load_fts(store: Store) -> None:
    """LOAD the fts extension into this connection (once)."""
    if getattr(store, "_fts_loaded", False):
        return
    path = fts_extension_path().replace("'", "''")
    try:
        store.conn.execute(f"LOAD '{path}'")
    except duckdb.Error as exc:
        raise StoreError("NG310", f"cannot load {path}: {str(exc).splitlines()[0]}") from None
    store._fts_loaded = True  # type: ignore[attr-defined]


# --- embeddings -----------------------------------------------------------------------------------

def articles_to_embed(store: Store, model: str, ids: Sequence[str] | None = None) -> list[tuple[str, str | None, str | None, str]]:
    """(id, title, deck, text) of kept articles (not duplicates) with no ``model`` vector yet,
    in ingest order; only among ``ids`` when given."""
    among = "AND a.id IN (SELECT unnest(string_split(?, chr(31))))" if ids is not None else ""
    params: list[Any] = [model] + ([joined(ids)] if ids is not None else [])
    if ids is not None and not ids:
        return []
    return [tuple(r) for r in store.rows(  # type: ignore[misc]
        f"""SELECT a.id, a.title, a.deck, a.text FROM articles a
            WHERE a.id NOT IN (SELECT article_id FROM duplicates)
              AND a.id NOT IN (SELECT article_id FROM embeddings WHERE model = ?) {among}
            ORDER BY a.seq""", params)]


def write_embeddings(store: Store, model: str, rows: Sequence[tuple[str, Sequence[float]]]) -> int:
    """Store ``(article_id, vector)`` rows for ``model``, replacing older vectors of those articles."""
    if not rows:
        return 0
    with store.transaction() as conn:
        insert_vectors(conn, model, rows)
    return len(rows)


def insert_vectors(conn: duckdb.DuckDBPyConnection, model: str, rows: Sequence[tuple[str, Sequence[float]]]) -> None:
    """``(article_id, vector)`` rows for ``model`` (a vector: floats, or a float32 numpy array), replacing
    older vectors of those articles, inside the caller's transaction. Loaded as one Arrow table of
    fixed-size float32 lists where pyarrow is installed (no Python float per value), else as SQL rows."""
    if not rows:
        return
    conn.execute("DELETE FROM embeddings WHERE article_id IN (SELECT unnest(string_split(?, chr(31))))",
                 [joined(r[0] for r in rows)])
    table = _vector_table(model, rows)
    if table is None:
        insert(conn, "embeddings", ("article_id", "model", "vector"),
               [(aid, model, [float(x) for x in vec]) for aid, vec in rows])
        return
    conn.register("_newsgraph_vectors", table)
    try:
        conn.execute("INSERT INTO embeddings (article_id, model, vector) SELECT * FROM _newsgraph_vectors")
    finally:
        conn.unregister("_newsgraph_vectors")


def _vector_table(model: str, rows: Sequence[tuple[str, Sequence[float]]]) -> Any:
    try:
        import numpy as np
        import pyarrow as pa
    except ImportError:
        return None
    matrix = np.asarray([np.asarray(vec, dtype=np.float32) for _, vec in rows], dtype=np.float32)
    if matrix.ndim != 2 or matrix.shape[1] != DIMENSIONS:
        return None
    vectors = pa.FixedSizeListArray.from_arrays(pa.array(matrix.reshape(-1)), DIMENSIONS)
    return pa.table({"article_id": [r[0] for r in rows], "model": [model] * len(rows), "vector": vectors})


# --- full-text indexes ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class IndexState:
    """What the search indexes cover.

    Attributes:
        searchable: kept articles (not duplicates) in the store.
        embedded: of those, how many have a vector of the current model.
        fts_built: when the fts indexes were last built, or None (never: run ``newsgraph index``).
        fts_articles: articles the fts index saw when built (stale when below ``articles``).
        articles: articles in the store, duplicates included (what the fts index covers).
        quotes: quotes in the store; fts_quotes: quotes the quote index saw.
    """

    searchable: int
    embedded: int
    fts_built: datetime | None
    fts_articles: int
    articles: int
    quotes: int
    fts_quotes: int

    @property
    def fts_current(self) -> bool:
        return self.fts_built is not None and self.fts_articles == self.articles and self.fts_quotes == self.quotes


def has_search_tables(store: Store) -> bool:
    """Whether the store has the search tables (a base written before search has none)."""
    return bool(store.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'search_state'"))


def index_state(store: Store, model: str) -> IndexState:
    row = store.rows("SELECT built, articles, quotes FROM search_state WHERE name = 'fts'")
    fts_present = bool(store.scalar(
        "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?", [ARTICLE_FTS]))
    built, fts_articles, fts_quotes = (row[0] if row and fts_present else (None, 0, 0))
    return IndexState(
        searchable=int(store.scalar("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM duplicates)")),
        embedded=int(store.scalar(
            """SELECT count(*) FROM embeddings WHERE model = ?
               AND article_id NOT IN (SELECT article_id FROM duplicates)""", [model])),
        fts_built=built, fts_articles=int(fts_articles), articles=int(store.scalar("SELECT count(*) FROM articles")),
        quotes=int(store.scalar("SELECT count(DISTINCT quote_id) FROM quote_content")), fts_quotes=int(fts_quotes),
    )


def rebuild_fts(store: Store) -> tuple[int, int]:
    """Build (or rebuild) both fts indexes over everything stored; return (articles, quotes) indexed.

    Its cost grows with the whole base, which is why the pipeline calls it once a run.
    """
    load_fts(store)
    try:
        return _rebuild(store)
    except duckdb.Error as exc:
        raise StoreError("NG311", f"cannot build the fts index of {store.path}: {str(exc).splitlines()[0]}") from None


def _rebuild(store: Store) -> tuple[int, int]:
    with store.transaction() as conn:
        conn.execute("DELETE FROM quote_text")
        conn.execute("""INSERT INTO quote_text (id, article_id, content)
                        SELECT quote_id, any_value(article_id), string_agg(ev_text, ' ' ORDER BY idx)
                        FROM quote_content GROUP BY quote_id""")
        conn.execute("PRAGMA create_fts_index('articles', 'id', 'title', 'deck', 'text', "
                     "stemmer='porter', stopwords='english', strip_accents=1, lower=1, overwrite=1)")
        conn.execute("PRAGMA create_fts_index('quote_text', 'id', 'content', "
                     "stemmer='porter', stopwords='english', strip_accents=1, lower=1, overwrite=1)")
        articles = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        quotes = int(conn.execute("SELECT count(*) FROM quote_text").fetchone()[0])
        conn.execute("DELETE FROM search_state WHERE name = 'fts'")
        conn.execute("INSERT INTO search_state VALUES ('fts', ?, ?, ?)", [datetime.now(timezone.utc), articles, quotes])
    return articles, quotes


def query_terms(store: Store, text: str) -> list[tuple[str, str]]:
    """(token, porter stem) of each word of ``text`` that the fts index would search (stopwords dropped)."""
    load_fts(store)
    return [(t, s) for t, s in store.rows(
        f"""SELECT t, stem(t, 'porter') FROM (SELECT unnest({ARTICLE_FTS}.tokenize(?)) AS t)
            WHERE t NOT IN (SELECT sw FROM {ARTICLE_FTS}.stopwords) AND t <> ''""", [text])]


# --- top-k ----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class SearchFilter:
    """Which articles a search may return; None means any. Duplicate copies never.

    Attributes:
        since, until: published on or after / before (exclusive).
        entity_ids: only articles mentioning one of these entities.
        story: only articles of this story.
        source: substring of the source path, URL or publisher.
        truncated: True for truncated teasers only, False for complete articles only.
    """

    since: datetime | None = None
    until: datetime | None = None
    entity_ids: tuple[str, ...] | None = None
    story: str | None = None
    source: str | None = None
    truncated: bool | None = None


def _where(f: SearchFilter, column: str) -> tuple[str, list[Any]]:
    clauses = [f"{column} NOT IN (SELECT article_id FROM duplicates)"]
    params: list[Any] = []
    if f.since is not None:
        clauses.append(f"{column} IN (SELECT id FROM articles WHERE published >= ?)")
        params.append(f.since)
    if f.until is not None:
        clauses.append(f"{column} IN (SELECT id FROM articles WHERE published < ?)")
        params.append(f.until)
    if f.entity_ids is not None:
        clauses.append(f"""{column} IN (SELECT article_id FROM entity_articles
                           WHERE entity_id IN (SELECT unnest(string_split(?, chr(31)))))""")
        params.append(joined(f.entity_ids))
    if f.story is not None:
        clauses.append(f"{column} IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        params.append(f.story)
    if f.source:
        clauses.append(f"""{column} IN (SELECT id FROM articles WHERE contains(lower(source_path), lower(?))
                           OR contains(lower(coalesce(url, source_url, '')), lower(?))
                           OR contains(lower(coalesce(publisher, '')), lower(?)))""")
        params += [f.source] * 3
    if f.truncated is not None:
        clauses.append(f"{column} IN (SELECT id FROM articles WHERE truncated = ?)")
        params.append(f.truncated)
    return " AND ".join(clauses), params


def text_top(store: Store, query: str, f: SearchFilter, limit: int) -> list[tuple[str, float]]:
    """(article id, BM25 score) of the best ``limit`` articles for ``query``, best first."""
    load_fts(store)
    where, params = _where(f, "a.id")
    return [(r[0], float(r[1])) for r in store.rows(
        f"""SELECT id, score FROM (SELECT a.id, {ARTICLE_FTS}.match_bm25(a.id, ?) AS score FROM articles a
            WHERE {where}) WHERE score IS NOT NULL ORDER BY score DESC, id LIMIT {int(limit)}""",
        [query, *params])]


def quote_top(store: Store, query: str, article_ids: Sequence[str], limit: int) -> list[tuple[str, str, float, str, str | None]]:
    """(quote id, article id, BM25 score, content, speaker) of quotes of ``article_ids`` matching ``query``."""
    if not article_ids:
        return []
    load_fts(store)
    return [tuple(r) for r in store.rows(  # type: ignore[misc]
        f"""SELECT t.id, t.article_id, s.score, t.content,
                   coalesce(q.description, q.speaker_text) AS speaker
            FROM (SELECT id, {QUOTE_FTS}.match_bm25(id, ?) AS score FROM quote_text) s
            JOIN quote_text t ON t.id = s.id
            LEFT JOIN (SELECT DISTINCT ON (id) * FROM quotes) q ON q.id = t.id
            WHERE s.score IS NOT NULL AND t.article_id IN (SELECT unnest(string_split(?, chr(31))))
            ORDER BY s.score DESC, t.id LIMIT {int(limit)}""", [query, joined(article_ids)])]


def vector_top(store: Store, vector: Sequence[float], model: str, f: SearchFilter, limit: int) -> list[tuple[str, float]]:
    """(article id, cosine similarity) of the ``limit`` nearest articles, exact, best first."""
    where, params = _where(f, "e.article_id")
    return [(r[0], float(r[1])) for r in store.rows(
        f"""SELECT e.article_id, array_cosine_similarity(e.vector, ?::FLOAT[{DIMENSIONS}]) AS score
            FROM embeddings e WHERE e.model = ? AND {where}
            ORDER BY score DESC, e.article_id LIMIT {int(limit)}""",
        [[float(x) for x in vector], model, *params])]


def hit_rows(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """id → {title, deck, text, published, source_path, url, publisher, truncated} for ``ids``."""
    if not ids:
        return {}
    rows = store.dicts(
        """SELECT id, title, deck, text, published, source_path, url, publisher, truncated FROM articles
           WHERE id IN (SELECT unnest(string_split(?, chr(31))))""", [joined(ids)])
    return {r["id"]: r for r in rows}


def story_exists(store: Store, story_id: str) -> bool:
    return bool(store.scalar("SELECT count(*) FROM story_articles WHERE story_id = ?", [story_id])
                or store.scalar("SELECT count(*) FROM stories WHERE id = ?", [story_id]))


def stems(store: Store, words: Sequence[str]) -> dict[str, str]:
    """word → its porter stem, the way the fts index stems it."""
    if not words:
        return {}
    load_fts(store)
    return {w: s for w, s in store.rows(
        "SELECT w, stem(w, 'porter') FROM (SELECT DISTINCT unnest(string_split(?, chr(31))) AS w)", [joined(words)])}
