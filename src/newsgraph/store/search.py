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

import functools
import glob
import math
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import duckdb

from newsgraph.errors import StoreError
from newsgraph.store.connection import Store, insert, joined, keys_in

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
    return bool(store.scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'search_state'"))


def index_state(store: Store, model: str) -> IndexState:
    row = store.rows("SELECT built, articles, quotes FROM search_state WHERE name = 'fts'")
    fts_present = bool(store.scalar(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?", [ARTICLE_FTS]))
    built, fts_articles, fts_quotes = (row[0] if row and fts_present else (None, 0, 0))
    return IndexState(
        searchable=int(store.scalar("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM duplicates)")),
        embedded=int(store.scalar(
            """SELECT count(*) FROM embeddings WHERE model = ?
               AND article_id NOT IN (SELECT article_id FROM duplicates)""", [model])),
        fts_built=built, fts_articles=int(fts_articles), articles=int(store.scalar("SELECT count(*) FROM articles")),
        quotes=int(store.scalar("SELECT count(DISTINCT quote_id) FROM quote_content")), fts_quotes=int(fts_quotes),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Readiness:
    """What a search needs to know before it runs, each answered without a scan of the base.

    Attributes:
        fts_built: when the fts indexes were last built or appended to, or None (never).
        vectors: whether any article has a vector of the model.
        articles: whether the store holds any article.
    """

    fts_built: datetime | None
    vectors: bool
    articles: bool


def vector_models(store: Store) -> list[str]:
    """The models the stored vectors were made by, most vectors first."""
    return [str(r[0]) for r in store.rows("SELECT model FROM embeddings GROUP BY model ORDER BY count(*) DESC, model")]


def readiness(store: Store, model: str) -> Readiness:
    """The cheap checks a search makes on every call (``index_state`` counts the whole base)."""
    row = store.rows("SELECT built FROM search_state WHERE name = 'fts'")
    present = bool(store.scalar("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?", [ARTICLE_FTS]))
    return Readiness(fts_built=row[0][0] if row and present else None,
                     vectors=bool(store.scalar("SELECT EXISTS (SELECT 1 FROM embeddings WHERE model = ?)", [model])),
                     articles=bool(store.scalar("SELECT EXISTS (SELECT 1 FROM articles)")))


def rebuild_fts(store: Store) -> tuple[int, int]:
    """Build (or rebuild) both fts indexes over everything stored; return (articles, quotes) indexed.

    Its cost grows with the whole base, which is why the pipeline calls it once a run.
    """
    load_fts(store)
    try:
        return _rebuild(store)
    except duckdb.Error as exc:
        raise StoreError("NG311", f"cannot build the fts index of {store.path}: {str(exc).splitlines()[0]}") from None


# quote_text's rows: a quote's text (its content spans joined in order) and its speaker as a hit
# shows it (the description, else the speaker's words), of the quotes the three slots select
_QUOTE_TEXT = """INSERT INTO quote_text (id, article_id, content, speaker)
    SELECT t.id, t.article_id, t.content, s.speaker
    FROM (SELECT quote_id AS id, any_value(article_id) AS article_id, string_agg(ev_text, ' ' ORDER BY idx) AS content
          FROM quote_content {of_content} GROUP BY quote_id) t
    LEFT JOIN (SELECT id, any_value(coalesce(description, speaker_text)) AS speaker FROM quotes {of_quotes} GROUP BY id) s
      ON s.id = t.id
    {new_only}"""


def _rebuild(store: Store) -> tuple[int, int]:
    with store.transaction() as conn:
        conn.execute("DELETE FROM quote_text")
        conn.execute(_QUOTE_TEXT.format(of_content="", of_quotes="", new_only=""))
        conn.execute("PRAGMA create_fts_index('articles', 'id', 'title', 'deck', 'text', "
                     "stemmer='porter', stopwords='english', strip_accents=1, lower=1, overwrite=1)")
        conn.execute("PRAGMA create_fts_index('quote_text', 'id', 'content', "
                     "stemmer='porter', stopwords='english', strip_accents=1, lower=1, overwrite=1)")
        order_terms(conn)
        articles = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        quotes = int(conn.execute("SELECT count(*) FROM quote_text").fetchone()[0])
        conn.execute("DELETE FROM search_state WHERE name = 'fts'")
        conn.execute("INSERT INTO search_state VALUES ('fts', ?, ?, ?)", [datetime.now(timezone.utc), articles, quotes])
    return articles, quotes


# A query reads the postings of its few terms from the article index's terms table (one row per
# word of every article: 7.9 million rows at 45,000 articles). Kept in term order, those rows lie in
# a few row groups, which DuckDB finds from each group's min/max when the term ids are constants:
# 4-10 ms a query there instead of 20-45 ms for a scan of the whole column. A rebuild writes the
# table in term order; appended rows (a batch's) go at its end, unsorted, and are scanned by every
# query, so once they pass ORDER_SLACK of the sorted rows the table is sorted again: a cost that
# grows with the base, paid after the base has grown by that share, so a constant cost a row
# appended on average.
ORDER_SLACK = 0.10


def order_terms(conn: duckdb.DuckDBPyConnection) -> int:
    """Rewrite the article index's terms table in term order; return its rows."""
    conn.execute(f"CREATE OR REPLACE TABLE {ARTICLE_FTS}.terms AS "
                 f"SELECT * FROM {ARTICLE_FTS}.terms ORDER BY termid, docid")
    rows = int(conn.execute(f"SELECT count(*) FROM {ARTICLE_FTS}.terms").fetchone()[0])
    conn.execute("DELETE FROM fts_order WHERE name = ?", [ARTICLE_FTS])
    conn.execute("INSERT INTO fts_order VALUES (?, ?)", [ARTICLE_FTS, rows])
    return rows


def _keep_terms_ordered(conn: duckdb.DuckDBPyConnection) -> bool:
    """Sort the terms table again when its unsorted tail has grown past ORDER_SLACK; whether it did."""
    row = conn.execute("SELECT ordered_rows FROM fts_order WHERE name = ?", [ARTICLE_FTS]).fetchone()
    ordered = int(row[0]) if row else 0
    rows = int(conn.execute(f"SELECT count(*) FROM {ARTICLE_FTS}.terms").fetchone()[0])
    if rows - ordered <= ORDER_SLACK * ordered:
        return False
    order_terms(conn)
    return True


# The fts extension's index is plain tables (docs, terms, dict, stats, fields, stopwords) that its
# match_bm25 macro reads at query time; create_fts_index fills them with one SQL script. Appending
# new documents runs the same tokenising, stemming and stopword steps for those documents only and
# adds their rows (new terms get new term ids; df, the document count and the mean length are
# updated), so a batch costs in proportion to the batch (plus hash lookups in the vocabulary),
# not the base, and BM25 scores come out as a full rebuild gives them.
_FTS_FIELDS = {ARTICLE_FTS: ("title", "deck", "text"), QUOTE_FTS: ("content",)}


def _fts_append(conn: duckdb.DuckDBPyConnection, schema: str, new_rows: str, params: Sequence[Any]) -> int:
    """Add the documents of ``new_rows`` (a query giving ``name`` and the index's fields) to the
    index ``schema``; return how many were added."""
    conn.execute("DROP TABLE IF EXISTS fts_new")
    conn.execute("DROP TABLE IF EXISTS fts_tok")
    conn.execute(f"""CREATE TEMP TABLE fts_new AS
                     SELECT (SELECT coalesce(max(docid), -1) FROM {schema}.docs) + row_number() OVER (ORDER BY n.name) AS docid, n.*
                     FROM ({new_rows}) n ANTI JOIN {schema}.docs d ON d.name = n.name""", list(params))
    added = int(conn.execute("SELECT count(*) FROM fts_new").fetchone()[0])
    if not added:
        return 0
    tokenized = " UNION ALL ".join(
        f"""SELECT unnest({schema}.tokenize(n."{f}")) AS w, n.docid,
                   (SELECT fieldid FROM {schema}.fields WHERE field = '{f}') AS fieldid FROM fts_new n"""
        for f in _FTS_FIELDS[schema])
    conn.execute(f"""CREATE TEMP TABLE fts_tok AS
                     SELECT stem(t.w, 'porter') AS term, t.docid, t.fieldid FROM ({tokenized}) t
                     WHERE t.w NOT NULL AND len(t.w) > 0 AND t.w NOT IN (SELECT sw FROM {schema}.stopwords)""")
    conn.execute(f"""INSERT INTO {schema}.dict (termid, term, df)
                     SELECT (SELECT coalesce(max(termid), -1) FROM {schema}.dict) + row_number() OVER (ORDER BY n.term), n.term, 0
                     FROM (SELECT DISTINCT term FROM fts_tok) n ANTI JOIN {schema}.dict d ON d.term = n.term""")
    conn.execute(f"""UPDATE {schema}.dict AS d SET df = d.df + n.df
                     FROM (SELECT term, count(DISTINCT docid) AS df FROM fts_tok GROUP BY term) n
                     WHERE d.term = n.term""")
    conn.execute(f"""INSERT INTO {schema}.terms (docid, fieldid, termid)
                     SELECT t.docid, t.fieldid, d.termid FROM fts_tok t JOIN {schema}.dict d ON d.term = t.term""")
    conn.execute(f"""INSERT INTO {schema}.docs (docid, name, len)
                     SELECT n.docid, n.name, coalesce(l.len, 0) FROM fts_new n
                     LEFT JOIN (SELECT docid, count(*) AS len FROM fts_tok GROUP BY docid) l ON l.docid = n.docid""")
    # the mean length from the stored one (its total is num_docs x avgdl, an integer), not by a scan
    num, avgdl = conn.execute(f"SELECT num_docs, avgdl FROM {schema}.stats").fetchone()
    total = round(float(avgdl or 0) * int(num or 0)) + int(conn.execute("SELECT count(*) FROM fts_tok").fetchone()[0])
    conn.execute(f"UPDATE {schema}.stats SET num_docs = ?, avgdl = ?::BIGINT / ?::BIGINT", [int(num) + added, total, int(num) + added])
    conn.execute("DROP TABLE fts_new")
    conn.execute("DROP TABLE fts_tok")
    return added


def append_fts(store: Store, article_ids: Sequence[str]) -> tuple[int, int] | None:
    """Add ``article_ids`` (stored articles, duplicates included, and their quotes) to both fts
    indexes without a rebuild; return (articles, quotes) added, or None when the indexes are not
    there or not current apart from these articles (then ``rebuild_fts`` is what works)."""
    if not article_ids:
        return (0, 0)
    load_fts(store)
    try:
        with store.transaction() as conn:
            return _append(store, conn, article_ids)
    except duckdb.Error as exc:
        raise StoreError("NG311", f"cannot update the fts index of {store.path}: {str(exc).splitlines()[0]}") from None


def _append(store: Store, conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> tuple[int, int] | None:
    present = {r[0] for r in conn.execute(
        "SELECT schema_name FROM duckdb_schemas() WHERE schema_name IN (?, ?)", [ARTICLE_FTS, QUOTE_FTS]).fetchall()}
    row = conn.execute("SELECT articles, quotes FROM search_state WHERE name = 'fts'").fetchone()
    if present != {ARTICLE_FTS, QUOTE_FTS} or row is None:
        return None
    ids = joined(article_ids)
    in_ids = "IN (SELECT unnest(string_split(?, chr(31))))"
    # the indexes must cover everything but these articles: otherwise something else changed (an
    # update replaced a text, a run died before its upkeep) and only a rebuild is right
    indexed = int(conn.execute(f"SELECT count(*) FROM {ARTICLE_FTS}.docs WHERE name {in_ids}", [ids]).fetchone()[0])
    outside = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0]) - int(
        conn.execute(f"SELECT count(*) FROM articles WHERE id {in_ids}", [ids]).fetchone()[0])
    if int(row[0]) != outside + indexed:
        return None
    conn.execute(_QUOTE_TEXT.format(of_content=f"WHERE article_id {in_ids}", of_quotes=f"WHERE article_id {in_ids}",
                                    new_only=f"WHERE t.id NOT IN (SELECT id FROM quote_text WHERE article_id {in_ids})"),
                 [ids, ids, ids])
    articles = _fts_append(conn, ARTICLE_FTS, f"SELECT id AS name, title, deck, text FROM articles WHERE id {in_ids}", [ids])
    quotes = _fts_append(conn, QUOTE_FTS, f"SELECT id AS name, content FROM quote_text WHERE article_id {in_ids}", [ids])
    if articles:
        _keep_terms_ordered(conn)
    conn.execute("UPDATE search_state SET built = ?, articles = articles + ?, quotes = quotes + ? WHERE name = 'fts'",
                 [datetime.now(timezone.utc), articles, quotes])
    return articles, quotes


def query_terms(store: Store, text: str) -> list[tuple[str, str]]:
    """(token, porter stem) of each word of ``text`` that the fts index would search (stopwords
    dropped). A plain query (``is_plain``) is tokenised here (``plain_tokens``) and its words stemmed through the
    process's kept stems (``stems``): no query at all for words seen before."""
    if is_plain(text):
        stop = _stopwords(store, ARTICLE_FTS)
        kept = [t for t in plain_tokens(text) if t and t not in stop]
        stemmed = stems(store, kept)
        return [(t, stemmed[t]) for t in kept]
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


def _bm25_term(tf: str, df: str, length: str) -> str:
    """SQL for one query term's BM25 weight in one document, as the fts extension's ``match_bm25``
    computes it (k1 1.2, b 0.75), from the columns named; ``stats`` (num_docs, avgdl) in scope."""
    return (f"log((stats.num_docs - {df} + 0.5) / ({df} + 0.5) + 1)"
            f" * (({tf} * (1.2 + 1)) / ({tf} + 1.2 * (1 - 0.75 + 0.75 * ({length} / stats.avgdl))))")


def text_top(store: Store, query: str, f: SearchFilter, limit: int, held: HeldText | None = None
             ) -> list[tuple[str, float]]:
    """(article id, BM25 score) of the best ``limit`` articles for ``query``, best first.

    The scores are the fts extension's ``match_bm25`` (k 1.2, b 0.75; same tokens, df, lengths), but
    read from the index's tables for the query's terms only (``match_bm25`` is a per-row macro, and
    joined to every row of a large table it reads the whole postings list and the table). The
    query's term ids go into the SQL as integer constants, so that the terms table's row groups are
    chosen by their min/max (see ``order_terms``). Ties (copies of one text) go in id order: the
    scores are compared rounded, since a sum's last bits depend on the order DuckDB's threads add
    its terms in. With ``held`` (the index's dictionary and documents in memory, ``read_held_text``)
    an unfiltered search reads only the query terms' postings and scores them here
    (``_held_top``): the same ranking, a fifth of the time."""
    load_fts(store)
    a = ARTICLE_FTS
    if held is not None and f == SearchFilter():
        return _held_top(store, held, query, limit)
    wanted, params = _query_stems(store, query, a)
    qterms = store.rows(f"SELECT termid, df FROM {a}.dict WHERE term IN ({wanted})", params)
    if not qterms:
        return []
    termids = ", ".join(str(int(t)) for t, _ in qterms)
    dfs = ", ".join(f"({int(t)}, {int(df)})" for t, df in qterms)
    where, params = _where(f, "s.name")
    return [(r[0], float(r[1])) for r in store.rows(
        f"""WITH qterms(termid, df) AS (VALUES {dfs}),
            tf AS (SELECT docid, termid, count(*) AS tf FROM {a}.terms WHERE termid IN ({termids}) GROUP BY docid, termid),
            stats AS (SELECT num_docs, avgdl FROM {a}.stats),
            s AS (SELECT docs.name, sum({_bm25_term("tf.tf", "q.df", "docs.len")}) AS score
                  FROM tf JOIN qterms q ON q.termid = tf.termid JOIN {a}.docs docs ON docs.docid = tf.docid, stats
                  GROUP BY docs.name)
            SELECT s.name, s.score FROM s WHERE {where} ORDER BY round(s.score, 9) DESC, s.name LIMIT {int(limit)}""",
        params)]


@dataclass(frozen=True, eq=False)
class HeldText:
    """What every search reads of the two fts indexes besides postings, read once into memory by a
    reader that stays open on a read-only store (``query.search.held_text``): the article index's
    dictionary (stem → term id, document frequency), its documents (article id and length by doc id,
    and whether the article is kept: not a duplicate copy), its document count and mean length; the
    quote index's dictionary (stem → document frequency), document count and mean length. Reading the
    two dictionaries and joining the documents cost a search about 8 of its 30 ms at 45,000 articles."""

    terms: dict[str, tuple[int, int]]
    names: Any  # numpy object array: doc id → article id (None where no document has the id)
    lengths: Any  # numpy float64 array: doc id → length
    kept: Any  # numpy bool array: doc id → an indexed article that is not a duplicate copy
    num_docs: int
    avgdl: float
    quote_df: dict[str, int]
    quote_docs: int
    quote_avgdl: float


def read_held_text(store: Store) -> HeldText:
    """``HeldText`` of ``store``'s indexes (both built: see ``Readiness``)."""
    import numpy as np

    load_fts(store)
    a, q = ARTICLE_FTS, QUOTE_FTS
    docs = store.rows(f"""SELECT d.docid, d.name, d.len, d.name NOT IN (SELECT article_id FROM duplicates)
                          FROM {a}.docs d ORDER BY d.docid""")
    size = (max(int(r[0]) for r in docs) + 1) if docs else 0
    names = np.full(size, None, dtype=object)
    lengths = np.zeros(size, dtype=np.float64)
    kept = np.zeros(size, dtype=bool)
    for docid, name, length, keep in docs:
        names[docid], lengths[docid], kept[docid] = name, length, bool(keep)
    stats = store.rows(f"SELECT num_docs, avgdl FROM {a}.stats")
    quote_stats = store.rows(f"SELECT num_docs, avgdl FROM {q}.stats")
    # an index of no documents (a base without quotes) has no mean length: NULL
    num_docs, avgdl = (int(stats[0][0] or 0), float(stats[0][1] or 0.0)) if stats else (0, 0.0)
    quote_docs, quote_avgdl = (int(quote_stats[0][0] or 0), float(quote_stats[0][1] or 0.0)) if quote_stats else (0, 0.0)
    return HeldText(
        terms={str(t): (int(i), int(df)) for t, i, df in store.rows(f"SELECT term, termid, df FROM {a}.dict")},
        names=names, lengths=lengths, kept=kept, num_docs=num_docs, avgdl=avgdl,
        quote_df={str(t): int(df) for t, df in store.rows(f"SELECT term, df FROM {q}.dict")},
        quote_docs=quote_docs, quote_avgdl=quote_avgdl)


def _held_top(store: Store, held: HeldText, query: str, limit: int) -> list[tuple[str, float]]:
    """``text_top`` without filters from ``held``: the postings of the query's terms are read (by
    term id, the terms table's order) and each term's BM25 weight computed as ``_bm25_term``'s SQL
    computes it (``bm25_weight``, over arrays), summed by document; the kept documents ranked by
    their score rounded to 9 decimals, ties in id order."""
    import numpy as np

    qterms = sorted({held.terms[s] for s in query_stems(store, query, ARTICLE_FTS) if s in held.terms})
    if not qterms or limit <= 0:
        return []
    found = store.conn.execute(f"SELECT docid, termid FROM {ARTICLE_FTS}.terms WHERE termid IN "
                               f"({', '.join(str(t) for t, _ in qterms)})").fetchnumpy()
    docids, termids = np.asarray(found["docid"], dtype=np.int64), np.asarray(found["termid"], dtype=np.int64)
    scores = np.zeros(len(held.lengths), dtype=np.float64)
    matched = np.zeros(len(held.lengths), dtype=bool)
    for termid, df in qterms:
        docs, counts = np.unique(docids[termids == termid], return_counts=True)
        tf = counts.astype(np.float64)
        idf = math.log10((held.num_docs - df + 0.5) / (df + 0.5) + 1)
        scores[docs] += idf * ((tf * 22 / 10) / (tf + 1.2 * (0.25 + 0.75 * (held.lengths[docs] / held.avgdl))))
        matched[docs] = True
    chosen = np.flatnonzero(matched & held.kept)
    rounded = np.round(scores[chosen], 9)
    if len(chosen) > limit:  # every document tying with the last one kept, then cut in id order
        last = -np.partition(-rounded, limit - 1)[limit - 1]
        keep = rounded >= last
        chosen, rounded = chosen[keep], rounded[keep]
    order = sorted(range(len(chosen)), key=lambda i: (-rounded[i], held.names[chosen[i]]))[:limit]
    return [(str(held.names[chosen[i]]), float(scores[chosen[i]])) for i in order]


def quote_top(store: Store, query: str, article_ids: Sequence[str], limit: int,
              per_article: int | None = None, held: HeldText | None = None) -> list[tuple[str, str, float, str, str | None]]:
    """(quote id, article id, BM25 score, content, speaker) of the ``limit`` best quotes of
    ``article_ids`` matching ``query``, best first; with ``per_article``, of those the first
    ``per_article`` of each article only (what a page of hits shows). Text and speaker come from
    ``quote_text`` in one lookup by article (a second lookup, of the speakers by quote id, cost a
    search about 3 ms of CPU on the 45,000-article benchmark base).

    The scores are the quote index's (its df, document count and mean length), but each candidate
    quote's term counts and length come from tokenising its own text the way the index did (same
    tokenizer, stopwords and stemmer): a page of hits has a few dozen quotes, and reading their
    postings from the index's terms table scans it whole. DuckDB gives the tokens (the index's own
    ``tokenize``, of the quotes that can hold a query term only: ``_may_hold``) and the stems (``stems``, kept by the process); the counting and the BM25 sum
    (``bm25_weight``) run here, because one SQL statement doing it all cost DuckDB about 20 ms to
    plan for under a millisecond of work. Only tokens holding a query term but its last letter are
    stemmed: the Porter stemmer changes at most the last letter of what it keeps of a word ("pay"
    -> "pai", "rising" -> "rise"), so no other token can have the term's stem. With ``held``, the
    quote index's dictionary and stats come from memory (``HeldText``) instead of a query."""
    if not article_ids:
        return []
    load_fts(store)
    q = QUOTE_FTS
    if held is not None:
        df = {t: held.quote_df[t] for t in query_stems(store, query, q) if t in held.quote_df}
        num_docs, avgdl = held.quote_docs, held.quote_avgdl
    else:
        wanted, params = _query_stems(store, query, q)
        terms = store.rows(f"""SELECT d.term, d.df, st.num_docs, st.avgdl FROM {q}.dict d, {q}.stats st
                               WHERE d.term IN ({wanted})""", params)
        df = {str(t): int(d) for t, d, _, _ in terms}
        num_docs, avgdl = (int(terms[0][2]), float(terms[0][3])) if terms else (0, 0.0)
    if not df:
        return []
    prefixes = {t[:-1] for t in df}
    stop = _stopwords(store)
    in_ids, id_params = keys_in("article_id", list(dict.fromkeys(article_ids)))
    rows = [r for r in store.rows(f"SELECT id, article_id, content, speaker FROM quote_text WHERE {in_ids}", id_params)
            if r[2] is not None and _may_hold(r[2], prefixes)]
    others = [r[2] for r in rows if not is_plain(r[2])]  # tokenised by DuckDB; plain texts here, the same way
    tokenized = iter(r[0] for r in store.rows(
        f"SELECT {q}.tokenize(c) FROM (SELECT unnest(?) AS c, unnest(range(?)) AS i) ORDER BY i",
        [others, len(others)])) if others else iter(())
    candidates = []
    for qid, aid, content, speaker in rows:
        tokens = plain_tokens(content) if is_plain(content) else next(tokenized)
        kept = [w for w in tokens if w and w not in stop]
        near = [w for w in kept if any(p in w for p in prefixes)]
        if near:
            candidates.append((qid, aid, content, speaker, len(kept), near))
    stemmed = stems(store, sorted({w for *_, near in candidates for w in near}))
    scored = []
    for qid, aid, content, speaker, length, near in candidates:
        counts: dict[str, int] = {}
        for w in near:
            if stemmed.get(w) in df:
                counts[stemmed[w]] = counts.get(stemmed[w], 0) + 1
        if counts:
            score = sum(bm25_weight(tf, df[t], length, num_docs, avgdl) for t, tf in sorted(counts.items()))
            scored.append((qid, aid, score, content, speaker))
    scored.sort(key=lambda r: (-round(r[2], 9), r[0]))
    scored = scored[:max(0, int(limit))]
    if per_article is not None:
        shown: dict[str, int] = {}
        kept = []
        for row in scored:
            shown[row[1]] = shown.get(row[1], 0) + 1
            if shown[row[1]] <= per_article:
                kept.append(row)
        scored = kept
    return [(qid, aid, float(score), content, speaker) for qid, aid, score, content, speaker in scored]


def _query_stems(store: Store, query: str, schema: str) -> tuple[str, list[Any]]:
    """SQL and its parameters for the stems of every token of ``query``, as ``stem(unnest(
    tokenize(?)))`` gives them: for an ASCII query, the stems themselves (its tokens read here and
    stemmed through ``stems``), which spares DuckDB the macro; else that expression."""
    if not is_plain(query):
        return f"SELECT stem(unnest({schema}.tokenize(?)), 'porter')", [query]
    return "SELECT unnest(?::VARCHAR[])", [query_stems(store, query, schema)]


def query_stems(store: Store, query: str, schema: str) -> list[str]:
    """The distinct stems of ``query``'s tokens (``schema``'s ``tokenize``, stopwords kept: they are
    not in the index's dictionary), sorted."""
    if not is_plain(query):
        return sorted({str(r[0]) for r in store.rows(f"SELECT stem(unnest({schema}.tokenize(?)), 'porter')", [query])})
    tokens = plain_tokens(query)
    stemmed = stems(store, tokens)
    return sorted({stemmed[t] for t in tokens})


# the fts indexes' tokenizer (the ``tokenize`` macro ``create_fts_index`` writes with lower=1,
# strip_accents=1 and its default ``ignore``): these characters, in runs, become a space, then the
# text is split on RE2's \s (tab, newline, form feed, carriage return, space)
_IGNORED = re.compile(r"""[0-9!@#$%^&*()_+={}\[\]:;<>,.?~\\/|'"`-]+""")
_SPACES = re.compile(r"[\t\n\f\r ]+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=8192)
def _plain_char(ch: str) -> bool:
    """Whether the fts tokenizer leaves ``ch`` (not ASCII) as it is: no decomposition (nothing for
    stripping accents to take off, no compatibility form), a letter, number, punctuation, symbol or
    space, already in lower case (a pound sign, curly quotes and dashes, "ß", "ł", CJK)."""
    return not unicodedata.decomposition(ch) and unicodedata.category(ch)[0] in "LNPSZ" and ch.lower() == ch


def is_plain(text: str) -> bool:
    """Whether ``plain_tokens`` reads ``text``: ASCII, or its other characters all ``_plain_char``."""
    return text.isascii() or all(_plain_char(c) for c in set(_NON_ASCII.findall(text)))


def plain_tokens(text: str) -> list[str]:
    """The fts index's ``tokenize`` of a plain ``text`` (``is_plain``), token for token (empty
    strings included where it gives them), without a query: a page of hits tokenises a few hundred
    quotes, and DuckDB's macro cost a search 2 to 4 ms. In such a text stripping accents changes
    nothing and lower-casing is Python's; other texts go to DuckDB (``tests/store/test_tokens.py``
    holds the two equal, on ASCII and on news's usual other characters: "£", "’", "“", "—")."""
    if not is_plain(text):
        raise ValueError("plain_tokens reads plain text only (is_plain)")
    return _SPACES.split(_IGNORED.sub(" ", text.lower()))


def _may_hold(content: str, prefixes: set[str]) -> bool:
    """Whether a quote can hold a token with one of ``prefixes`` in it, so that only those are
    tokenised (DuckDB's tokenising was most of a search's quote matching): a token is a piece of
    the text lower-cased with its accents stripped, so a plain text (``is_plain``) without a prefix
    in its lower case holds none; another text is tokenised whatever it holds."""
    if not is_plain(content):
        return True
    lowered = content.lower()
    return any(p in lowered for p in prefixes)


def bm25_weight(tf: int, df: int, length: int, num_docs: int, avgdl: float) -> float:
    """One query term's BM25 weight in one document, computed as ``_bm25_term``'s SQL computes it
    in DuckDB (its ``log`` is base 10; ``tf * (1.2 + 1)`` is exact decimal arithmetic there, hence
    ``tf * 22 / 10``, the same double)."""
    idf = math.log10((num_docs - df + 0.5) / (df + 0.5) + 1)
    return idf * ((tf * 22 / 10) / (tf + 1.2 * (0.25 + 0.75 * (length / avgdl))))


def _stopwords(store: Store, schema: str = QUOTE_FTS) -> frozenset[str]:
    """An index's stopwords (the fts extension's English list, the same at every build), kept by the process."""
    if schema not in _STOPWORDS:
        _STOPWORDS[schema] = frozenset(r[0] for r in store.rows(f"SELECT sw FROM {schema}.stopwords"))
    return _STOPWORDS[schema]


_STOPWORDS: dict[str, frozenset[str]] = {}


def vector_top(store: Store, vector: Sequence[float], model: str, f: SearchFilter, limit: int) -> list[tuple[str, float]]:
    """(article id, cosine similarity) of the ``limit`` nearest articles, exact, best first (ties at
    6 decimals in id order)."""
    where, params = _where(f, "e.article_id")
    return [(r[0], float(r[1])) for r in store.rows(
        f"""SELECT e.article_id, array_cosine_similarity(e.vector, ?::FLOAT[{DIMENSIONS}]) AS score
            FROM embeddings e WHERE e.model = ? AND {where}
            ORDER BY round(score, 6) DESC, e.article_id LIMIT {int(limit)}""",
        [[float(x) for x in vector], model, *params])]


def vector_count(store: Store, model: str) -> int:
    """How many kept articles (not duplicates) have a ``model`` vector."""
    return int(store.scalar("""SELECT count(*) FROM embeddings WHERE model = ?
                               AND article_id NOT IN (SELECT article_id FROM duplicates)""", [model]))


def vector_matrix(store: Store, model: str) -> tuple[list[str], Any]:
    """(article ids, float32 numpy matrix with one row a vector) of every kept article's ``model``
    vector, in article id order (``vector_top``'s tie order). Read as Arrow where pyarrow is
    installed (a third of the time), else row by row."""
    import importlib.util

    import numpy as np

    sql = """SELECT article_id, vector FROM embeddings WHERE model = ?
              AND article_id NOT IN (SELECT article_id FROM duplicates) ORDER BY article_id"""
    if importlib.util.find_spec("pyarrow") is None:
        found = store.conn.execute(sql, [model]).fetchnumpy()
        ids = [str(x) for x in found["article_id"]]
        vectors = found["vector"]
        matrix = np.stack(vectors).astype(np.float32) if len(ids) else np.zeros((0, DIMENSIONS), np.float32)
        return ids, matrix
    table = store.conn.execute(sql, [model]).to_arrow_table()
    ids = table.column("article_id").to_pylist()
    values = table.column("vector").combine_chunks().flatten()  # flatten honours the array's offset
    matrix = values.to_numpy(zero_copy_only=False).astype(np.float32, copy=False).reshape(-1, DIMENSIONS)
    return ids, matrix


def hit_rows(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """id → {title, deck, text, published, source_path, url, publisher, truncated} for ``ids``."""
    if not ids:
        return {}
    in_ids, params = keys_in("id", list(dict.fromkeys(ids)))
    rows = store.dicts(
        f"""SELECT id, title, deck, text, published, source_path, url, publisher, truncated FROM articles
            WHERE {in_ids}""", params)
    return {r["id"]: r for r in rows}


def story_exists(store: Store, story_id: str) -> bool:
    return bool(store.scalar("SELECT count(*) FROM story_articles WHERE story_id = ?", [story_id])
                or store.scalar("SELECT count(*) FROM stories WHERE id = ?", [story_id]))


STEMS_KEPT = 200_000  # words whose stem a process keeps (a few MB); the lot is dropped past it
_stems: dict[str, str] = {}


def stems(store: Store, words: Sequence[str]) -> dict[str, str]:
    """word → its porter stem, the way the fts index stems it. A stem never changes (the stemmer
    is DuckDB's, pinned), so the process keeps the words it has stemmed and asks DuckDB only for
    new ones: a search's snippets stem every word of 20 articles (a few thousand, 4 ms a query)."""
    out: dict[str, str] = {}
    missing = []
    for w in words:
        known = _stems.get(w)
        if known is None:
            missing.append(w)
        else:
            out[w] = known
    if missing:
        load_fts(store)
        found = {w: s for w, s in store.rows(
            "SELECT w, stem(w, 'porter') FROM (SELECT DISTINCT unnest(string_split(?, chr(31))) AS w)", [joined(missing)])}
        if len(_stems) + len(found) > STEMS_KEPT:
            _stems.clear()
        _stems.update(found)
        out.update(found)
    return out
