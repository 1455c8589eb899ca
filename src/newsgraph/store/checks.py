"""Invariants of a knowledge base, as rows for ``verify`` to judge."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.store.articles import SELECT_ARTICLES
from newsgraph.store.connection import Store

# (table, id column, span name) for every stored evidence
SPANS: tuple[tuple[str, str, str], ...] = (
    ("mentions", "id", "ev"), ("local_aliases", "entity_key", "ev"), ("roles", "title", "ev"),
    ("entity_aliases", "entity_id", "ev"), ("quotes", "id", "cue"), ("quotes", "id", "speaker"),
    ("quotes", "id", "source"),
    ("quote_content", "quote_id", "ev"), ("figures", "id", "ev"), ("times", "id", "ev"),
    ("events", "id", "trigger"), ("event_arguments", "event_id", "ev"),
    *(("main_events", "article_id", p) for p in ("who", "what", "when", "where", "why", "how")),
)

_ORPHANS: tuple[tuple[str, str], ...] = (
    *((f"{t} rows whose article is not stored", f"SELECT DISTINCT '{t}', article_id FROM {t} "
       "WHERE article_id IS NOT NULL AND article_id NOT IN (SELECT id FROM articles)")
      for t in ("mentions", "local_entities", "roles", "quotes", "quote_content", "figures", "times",
                "events", "event_arguments", "main_events", "extracted", "boilerplate", "entity_articles",
                "story_articles", "signatures", "minhash_bands", "story_features", "story_keys")),
    ("articles in more than one story", "SELECT article_id, count(*) FROM story_articles GROUP BY article_id HAVING count(*) > 1"),
    ("story members whose story is not stored", "SELECT story_id, article_id FROM story_articles"
     " WHERE story_id NOT IN (SELECT id FROM stories)"),
    ("clustered articles in no story", "SELECT article_id, title FROM story_features"
     " WHERE article_id NOT IN (SELECT article_id FROM story_articles)"),
    ("mentions whose entity is not stored", "SELECT id, entity_id FROM mentions WHERE entity_id IS NOT NULL"
     " AND entity_id NOT IN (SELECT id FROM entities)"),
    ("duplicates whose copy is not stored", "SELECT article_id, duplicate_of FROM duplicates"
     " WHERE article_id NOT IN (SELECT id FROM articles)"),
    ("duplicates of an article that is not stored", "SELECT article_id, duplicate_of FROM duplicates"
     " WHERE duplicate_of NOT IN (SELECT id FROM articles)"),
    ("duplicates of a duplicate", "SELECT article_id, duplicate_of FROM duplicates"
     " WHERE duplicate_of IN (SELECT article_id FROM duplicates)"),
    ("articles stored by reference to an article that is not stored", "SELECT id, text_of FROM articles"
     " WHERE text_of IS NOT NULL AND text_of NOT IN (SELECT id FROM articles)"),
    ("articles stored by reference that are not exact duplicates of what they refer to",
     "SELECT a.id, a.text_of FROM articles a WHERE a.text_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM duplicates d"
     " WHERE d.article_id = a.id AND d.duplicate_of = a.text_of AND d.kind = 'exact')"),
    ("ingest log entries naming an article that is not stored", "SELECT source, article_id FROM ingest_log"
     " WHERE code IN ('NG120', 'NG121') AND article_id NOT IN (SELECT id FROM articles)"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class SpanRow:
    """One stored evidence beside its article's text (None when the article is missing)."""

    table: str
    fact: str
    article_id: str
    start: int
    end: int
    text: str
    field: str
    article_text: str | None


def span_rows(store: Store) -> Iterator[SpanRow]:
    """Every stored evidence, streamed table by table."""
    for table, id_col, name in SPANS:
        cursor = store.conn.cursor().execute(
            f"SELECT t.{id_col}, t.article_id, t.{name}_start, t.{name}_end, t.{name}_text,"
            f" coalesce(t.{name}_field, 'text'), CASE t.{name}_field WHEN 'deck' THEN a.deck WHEN 'title' THEN a.title ELSE a.text END"
            f" FROM {table} t LEFT JOIN ({SELECT_ARTICLES}) a ON a.id = t.article_id"
            f" WHERE t.{name}_start IS NOT NULL ORDER BY t.article_id"
        )
        while rows := cursor.fetchmany(1024):
            for fact, aid, start, end, text, field, article_text in rows:
                yield SpanRow(table=f"{table}.{name}", fact=str(fact), article_id=aid, start=start, end=end,
                              text=text, field=field, article_text=article_text)


def invariant_failures(store: Store) -> Iterator[tuple[str, str]]:
    """(what is wrong, which rows) for every broken cross-table invariant."""
    for what, sql in _ORPHANS:
        for row in store.rows(sql):
            yield what, " → ".join(str(v) for v in row)


INDEX_SAMPLE = 64  # keys an index is checked on: spread over its column by hash, the same on every run


def indexed_columns(store: Store) -> list[tuple[str, str, str]]:
    """(index, table, column) of every one-column index and primary key in the base."""
    out = [(str(name), str(table), str(cols)[1:-1]) for name, table, cols in store.rows(
        "SELECT index_name, table_name, expressions FROM duckdb_indexes() ORDER BY table_name, index_name")
        if str(cols).startswith("[") and "," not in str(cols)]
    out += [(f"{table} primary key", str(table), str(cols[0])) for table, cols in store.rows(
        "SELECT table_name, constraint_column_names FROM duckdb_constraints()"
        " WHERE constraint_type = 'PRIMARY KEY' ORDER BY table_name") if len(cols) == 1]
    return out


def index_drift(index_counts: dict[str, int], scan_counts: dict[str, int]) -> list[str]:
    """The keys whose rows found through an index differ from those a scan finds, with both counts."""
    return [f"{key!r}: {index_counts.get(key, 0)} by the index, {scan_counts.get(key, 0)} by a scan"
            for key in sorted(set(index_counts) | set(scan_counts)) if index_counts.get(key, 0) != scan_counts.get(key, 0)]


def index_failures(store: Store, sample: int = INDEX_SAMPLE) -> Iterator[tuple[str, str]]:
    """(what is wrong, which keys) for every index whose lookups miss or add rows that a scan of its
    table finds, on ``sample`` keys of each. An equality lookup with a parameter goes through the
    index; ``column || ''`` hides the column from the index, so the second count is a scan. A drift
    (the DuckDB 1.5.5 fault that ``store/connection.py`` guards against) is repaired by
    ``newsgraph index --reindex``."""
    for name, table, column in indexed_columns(store):
        keys = [r[0] for r in store.rows(
            f'SELECT k FROM (SELECT DISTINCT "{column}" AS k FROM "{table}" WHERE "{column}" IS NOT NULL)'
            " ORDER BY hash(k), k LIMIT ?", [sample])]
        if not keys:
            continue
        by_index = {k: int(store.scalar(f'SELECT count(*) FROM "{table}" WHERE "{column}" = ?', [k])) for k in keys}
        by_scan = {str(k): int(n) for k, n in store.rows(
            f'SELECT "{column}", count(*) FROM "{table}" WHERE "{column}" || \'\' IN (SELECT unnest(?)) GROUP BY 1',
            [[str(k) for k in keys]])}
        drift = index_drift({str(k): n for k, n in by_index.items()}, by_scan)
        if drift:
            yield (f"index {name} on {table}({column}) disagrees with its table (run `newsgraph index --reindex`)",
                   "; ".join(drift[:5]) + (f"; and {len(drift) - 5} more keys" if len(drift) > 5 else ""))


def counts(store: Store) -> dict[str, int]:
    """Row counts of the main tables."""
    tables = ("articles", "duplicates", "ingest_log", "signatures", "mentions", "entities", "quotes",
              "figures", "times", "events", "main_events", "stories")
    return {t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in tables}
