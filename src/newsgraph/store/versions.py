"""Versions of an article: a newer text from the same source replaces the stored one in place.

"The same source" is the same URL when the input gives one, else the same locator: file path and
format, plus the record index (JSONL line, feed entry, WARC record) or the first line in a text
dump. The article keeps the id it was first stored under, so every link to it survives; the text
it had is kept in ``article_versions`` with its hash, and ``newsgraph history ID`` lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from newsgraph.model import Article, text_hash
from newsgraph.store.articles import BOILERPLATE_COLUMNS, SELECT_ARTICLES, boilerplate_rows
from newsgraph.store.connection import Store, insert, insert_new, joined
from newsgraph.store.digest import mark_dirty
from newsgraph.store.facts import FACT_TABLES

# The same key in SQL (over a stored row) and in Python (over a new article): keep them in step.
_KEY_SQL = (
    "CASE WHEN a.url IS NOT NULL THEN 'url ' || a.url"
    " WHEN a.source_url IS NOT NULL THEN 'url ' || a.source_url"
    " WHEN a.source_record IS NOT NULL THEN 'record ' || a.source_format || ' ' || a.source_record || ' ' || a.source_path"
    " WHEN a.source_line IS NOT NULL THEN 'line ' || a.source_format || ' ' || a.source_line || ' ' || a.source_path"
    " ELSE 'file ' || a.source_format || ' ' || a.source_path END"
)


def source_key(article: Article) -> str:
    """Where ``article`` comes from, as one string: its URL, else its locator in the input."""
    src = article.source
    url = article.url or src.url
    if url is not None:
        return f"url {url}"
    if src.record is not None:
        return f"record {src.format} {src.record} {src.path}"
    if src.line is not None:
        return f"line {src.format} {src.line} {src.path}"
    return f"file {src.format} {src.path}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Stored:
    """The stored, kept article that a new one shares its source with.

    Attributes:
        id: its id (kept by every later version).
        text: its current text.
        path: its source path.
        by_url: True when the match is the URL, False when it is the locator.
    """

    id: str
    text: str
    path: str
    by_url: bool


def same_source(store: Store, articles: Sequence[Article]) -> dict[str, Stored]:
    """For each of ``articles`` (by id) whose source a stored, kept article shares: that article."""
    if not articles:
        return {}
    keys = {source_key(a): a.id for a in articles}
    rows = store.rows(  # keys first (no text read), then the texts of the few matches
        f"SELECT q.k, a.id, a.source_path FROM articles a"
        f" JOIN (SELECT unnest(string_split(?, chr(31))) AS k) q ON q.k = ({_KEY_SQL})"
        " WHERE a.id NOT IN (SELECT article_id FROM duplicates) ORDER BY a.seq",
        [joined(keys)],
    )
    if not rows:
        return {}
    texts = dict(store.rows(f"SELECT a.id, a.text FROM ({SELECT_ARTICLES}) a"
                            " WHERE a.id IN (SELECT unnest(string_split(?, chr(31))))", [joined(r[1] for r in rows)]))
    found: dict[str, Stored] = {}
    for key, aid, path in rows:
        found.setdefault(keys[key], Stored(id=aid, text=texts[aid], path=path, by_url=key.startswith("url ")))
    return found


@dataclass(frozen=True, slots=True, kw_only=True)
class Update:
    """A newer version of a stored article: ``article`` carries the stored id and the new text;
    ``input_id`` is the id the reader gave it (from its own source and text)."""

    article: Article
    previous_text: str
    input_id: str


def write_updates(conn: duckdb.DuckDBPyConnection, updates: Sequence[Update], run_id: str, now: datetime) -> None:
    """Replace each updated article's text and metadata in place (inside the caller's transaction),
    keeping the text it had as a version; what was read from the old text goes (facts are replaced
    by the caller's ``write_facts``): its de-duplication keys, its links to entities."""
    if not updates:
        return
    ids = [u.article.id for u in updates]
    # copies stored by reference to the old text keep that text
    conn.execute("UPDATE articles SET text = r.text, text_of = NULL FROM articles r"
                 " WHERE articles.text_of = r.id AND r.id IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
    known = dict(conn.execute(
        "SELECT article_id, max(version) FROM article_versions WHERE article_id IN (SELECT unnest(string_split(?, chr(31))))"
        " GROUP BY article_id", [joined(ids)]).fetchall())
    rows: list[tuple[Any, ...]] = []
    for u in updates:
        old = conn.execute("SELECT title, deck, source_path, source_line, source_record, run_id FROM articles WHERE id = ?",
                           [u.article.id]).fetchone()
        assert old is not None
        locator = old[2] + (f":{old[3]}" if old[3] is not None else f"#{old[4]}" if old[4] is not None else "")
        rows.append((u.article.id, int(known.get(u.article.id) or 0) + 1, text_hash(u.previous_text), u.previous_text,
                     old[0], old[1], locator, old[5], text_hash(u.article.text), run_id, now))
    insert(conn, "article_versions", ("article_id", "version", "text_hash", "text", "title", "deck", "source", "run_id",
                                      "replaced_by_hash", "replaced_in_run", "replaced_at"), rows)
    for u in updates:
        a, src = u.article, u.article.source
        conn.execute(
            "UPDATE articles SET source_path = ?, source_format = ?, source_line = ?, source_end_line = ?,"
            " source_byte_offset = ?, source_record = ?, source_url = ?, text = ?, title = ?, kicker = ?, deck = ?,"
            " byline = ?, publisher = ?, url = ?, published = ?, language = ?, truncated = ?, run_id = ?, text_of = NULL"
            " WHERE id = ?",
            [src.path, str(src.format), src.line, src.end_line, src.byte_offset, src.record, src.url, a.text, a.title,
             a.kicker, a.deck, a.byline, a.publisher, a.url, a.published, a.language, a.truncated, run_id, a.id])
    mark_dirty(conn, article_ids=ids)  # the entities the old texts named: their pages change
    for table, column in (*((t, "article_id") for t in FACT_TABLES), ("boilerplate", "article_id"), ("signatures", "article_id"), ("minhash_bands", "article_id"),
                          ("entity_articles", "article_id"), ("entity_aliases", "article_id")):
        conn.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
    conn.execute("DELETE FROM roles WHERE entity_key IS NULL AND article_id IN (SELECT unnest(string_split(?, chr(31))))",
                 [joined(ids)])
    insert(conn, "boilerplate", BOILERPLATE_COLUMNS, [row for u in updates for row in boilerplate_rows(u.article)])
    insert_new(conn, "article_inputs", "input_id", ("input_id", "article_id"), [(u.input_id, u.article.id) for u in updates])


def drop_orphan_entities(conn: duckdb.DuckDBPyConnection) -> None:
    """Remove the entities that no stored article mentions any more (all theirs were old versions)."""
    orphans = "SELECT id FROM entities WHERE id NOT IN (SELECT entity_id FROM entity_articles)" \
              " AND id NOT IN (SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL)"
    for table in ("entity_aliases", "roles"):
        conn.execute(f"DELETE FROM {table} WHERE entity_id IN ({orphans})")
    conn.execute(f"DELETE FROM entities WHERE id IN ({orphans})")


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleVersion:
    """One version of an article, oldest first.

    Attributes:
        article_id: the article (its id is the same in every version).
        version: 1 for the first text stored, then 2, 3...
        text_hash: BLAKE2b-128 of the version's text (as in the ingest log's NG130 entries).
        text: the version's text.
        title: its title.
        source: where it was read from.
        run_id: the ingest run that stored it.
        replaced_at: when a newer version replaced it; None for the current one.
        current: True for the text the article has now.
    """

    article_id: str
    version: int
    text_hash: str
    text: str
    title: str | None
    source: str
    run_id: str | None
    replaced_at: datetime | None
    current: bool


def read_versions(store: Store, article_id: str) -> list[ArticleVersion]:
    """Every version of ``article_id``, oldest first, the current text last; [] when not stored."""
    now = store.dicts(f"{SELECT_ARTICLES} WHERE a.id = ?", [article_id])
    if not now:
        return []
    out = [ArticleVersion(article_id=article_id, version=r["version"], text_hash=r["text_hash"], text=r["text"],
                          title=r["title"], source=r["source"], run_id=r["run_id"], replaced_at=r["replaced_at"],
                          current=False)
           for r in store.dicts("SELECT * FROM article_versions WHERE article_id = ? ORDER BY version", [article_id])]
    row = now[0]
    where = f":{row['source_line']}" if row["source_line"] is not None else (
        f"#{row['source_record']}" if row["source_record"] is not None else "")
    out.append(ArticleVersion(article_id=article_id, version=len(out) + 1, text_hash=text_hash(row["text"]),
                              text=row["text"], title=row["title"], source=row["source_path"] + where,
                              run_id=row["run_id"], replaced_at=None, current=True))
    return out
