"""Article digests: the stored rows of an article's facts, kept ready so that its page reads one row.

An article's page (``query.pages.article_view``) shows the article with every fact in place: its
mentions, local entities with their aliases and roles, quotes and their content spans, figures,
time expressions, events with their arguments and its main event. Read live
(``store.facts.article_rows``), that is a dozen lookups by index (each costs DuckDB about half a
millisecond: on the 45,000-article benchmark base, most of an article page's cost under load).
``article_digest`` keeps those rows, one zlib-compressed JSON row an article (``StoredRows``, a
table's rows as its column names and their value lists, and the article's boilerplate), computed in bulk ``CHUNK`` articles at a time and read by the
article's key (``read_article_rows``). The record is made from the rows by the same code either
way (``store.facts.article_facts``), so stored and live pages cannot differ but in freshness.
The article's own row (its text) and the names of the entities it links to are not stored: the
page reads them by key, so that renaming an entity stales no article.

Freshness: every write that changes an article's facts, entity links or text marks it in
``article_digest_dirty`` in the same transaction: ``writer.write_batch`` for the facts it writes,
``digest.mark_dirty`` for every article a correction, re-extraction or curation touches (``*``
marks them all). ``digest.refresh_in`` (the end of an ingest, a re-extraction, a curation,
``newsgraph index``) recomputes the marked rows; a reader uses a digest only when its article is
not marked (``tests/store/test_digest.py`` holds the two readings to each other after each kind
of write).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from newsgraph.store.connection import Store, joined, key_chunks
from newsgraph.store.facts import StoredRows, articles_rows
from newsgraph.store.story_digest import tagged, untagged

ALL = "*"  # in article_digest_dirty: every digest is stale
CHUNK = 200  # articles computed together by refresh (their rows held in memory at once)

_IN = "IN (SELECT unnest(string_split(?, chr(31))))"


def mark_articles(conn: duckdb.DuckDBPyConnection, *, article_ids: Iterable[str] = (), everything: bool = False) -> None:
    """Mark the digests of ``article_ids`` and of the exact copies that read their text, or all of them, as stale."""
    if everything:
        conn.execute("INSERT INTO article_digest_dirty VALUES (?)", [ALL])
        return
    ids = list(dict.fromkeys(article_ids))
    if ids:
        conn.execute(f"""INSERT INTO article_digest_dirty SELECT unnest(string_split(?, chr(31)))
                         UNION SELECT id FROM articles WHERE text_of {_IN}""", [joined(ids), joined(ids)])


def read_article_rows(store: Store, article_id: str) -> tuple[StoredRows, list[tuple[Any, ...]]] | None:
    """The stored rows of ``article_id``'s facts and its boilerplate rows (kind, text, offset), or
    None when it has no digest (never extracted) or its digest is marked stale."""
    rows = store.rows(  # a mark comes back as a NULL row (one union costs DuckDB half what a scalar subquery does)
        """SELECT page FROM article_digest WHERE article_id = ?
           UNION ALL SELECT NULL FROM article_digest_dirty WHERE article_id = ? OR article_id = '*'""",
        [article_id, article_id])
    if len(rows) != 1 or rows[0][0] is None:
        return None
    page = untagged(zlib.decompress(rows[0][0]))
    stored: StoredRows = {table: [dict(zip(columns, values)) for values in table_rows]
                          for table, (columns, table_rows) in page["rows"].items()}
    return stored, [tuple(b) for b in page["boilerplate"]]


def article_pages(store: Store, article_ids: Sequence[str]) -> dict[str, bytes]:
    """article id → its stored digest, for those of ``article_ids`` that were extracted."""
    facts = articles_rows(store, article_ids)
    boilerplate: dict[str, list[list[Any]]] = {a: [] for a in facts}
    for marks, chunk in key_chunks(list(facts)):
        for article_id, kind, text, offset in store.rows(
                f'SELECT article_id, kind, text, "offset" FROM boilerplate WHERE article_id IN ({marks}) ORDER BY article_id, idx',
                chunk):
            boilerplate[article_id].append([kind, text, offset])
    return {a: _encode(rows, boilerplate[a]) for a, rows in facts.items()}


def _encode(rows: StoredRows, boilerplate: list[list[Any]]) -> bytes:
    """A digest: each table's rows as [column names, [values of a row, ...]] (a quarter smaller
    than a dict a row, and quicker to read back), JSON, compressed."""
    columnar = {table: [list(found[0]) if found else [], [list(r.values()) for r in found]] for table, found in rows.items()}
    return zlib.compress(tagged({"rows": columnar, "boilerplate": boilerplate}), 6)


def refresh_articles_in(conn: duckdb.DuckDBPyConnection) -> int:
    """Recompute the article digests marked stale (all of them after a ``*`` mark) inside the
    caller's transaction; returns how many were recomputed."""
    from newsgraph.store.digest import refresh_pages_in

    view = Store(conn, "", read_only=False)  # the caller's transaction, read through Store's helpers
    return refresh_pages_in(conn, table="article_digest", key="article_id",
                            everyone="SELECT article_id FROM extracted ORDER BY article_id", chunk=CHUNK,
                            rows_of=lambda chunk: list(article_pages(view, chunk).items()))
