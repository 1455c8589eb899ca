"""The versioned schema: an ordered list of migrations and the ``schema_version`` table.

Migration ``n`` (1-based) brings a store from version ``n - 1`` to ``n``. A store whose version is
higher than ``SCHEMA_VERSION`` was written by a newer newsgraph and is refused (NG302). Append
migrations; never edit one that has shipped.

Every fact's evidence is stored as three columns ``<name>_start``, ``<name>_end``, ``<name>_text``.
"""

from __future__ import annotations

import duckdb

from newsgraph.errors import StoreError


def _span(name: str) -> str:
    return f"{name}_start INTEGER, {name}_end INTEGER, {name}_text VARCHAR, {name}_field VARCHAR"


_V1: tuple[str, ...] = (
    """CREATE TABLE runs (
        id VARCHAR PRIMARY KEY, started TIMESTAMPTZ, finished TIMESTAMPTZ,
        inputs VARCHAR, summary VARCHAR)""",
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL,
        source_path VARCHAR NOT NULL, source_format VARCHAR NOT NULL, source_line INTEGER,
        source_end_line INTEGER, source_byte_offset BIGINT, source_record INTEGER, source_url VARCHAR,
        text VARCHAR NOT NULL, title VARCHAR, kicker VARCHAR, deck VARCHAR, byline VARCHAR,
        publisher VARCHAR, url VARCHAR, published TIMESTAMPTZ, language VARCHAR,
        truncated BOOLEAN NOT NULL, run_id VARCHAR)""",
    """CREATE TABLE boilerplate (
        article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, kind VARCHAR NOT NULL,
        text VARCHAR NOT NULL, "offset" INTEGER NOT NULL)""",
    """CREATE TABLE ingest_log (
        id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, run_id VARCHAR, time TIMESTAMPTZ,
        source VARCHAR, code VARCHAR, level VARCHAR, reason VARCHAR, article_id VARCHAR)""",
    """CREATE TABLE duplicates (
        article_id VARCHAR PRIMARY KEY, duplicate_of VARCHAR NOT NULL, kind VARCHAR NOT NULL,
        similarity DOUBLE NOT NULL)""",
    """CREATE TABLE signatures (
        article_id VARCHAR PRIMARY KEY, exact_hash VARCHAR NOT NULL, signature BLOB)""",
    "CREATE TABLE minhash_bands (band BIGINT NOT NULL, article_id VARCHAR NOT NULL)",
    "CREATE TABLE extracted (article_id VARCHAR PRIMARY KEY, extractors VARCHAR)",
    f"""CREATE TABLE mentions (
        id VARCHAR, article_id VARCHAR, {_span('ev')}, type VARCHAR, cluster VARCHAR,
        entity_id VARCHAR, extractor VARCHAR)""",
    """CREATE TABLE local_entities (
        article_id VARCHAR, key VARCHAR, name VARCHAR, type VARCHAR, mention_ids VARCHAR)""",
    f"""CREATE TABLE local_aliases (
        article_id VARCHAR, entity_key VARCHAR, text VARCHAR, kind VARCHAR, script VARCHAR,
        {_span('ev')})""",
    f"""CREATE TABLE roles (
        article_id VARCHAR, entity_key VARCHAR, entity_id VARCHAR, title VARCHAR,
        organization VARCHAR, status VARCHAR, {_span('ev')}, published TIMESTAMPTZ)""",
    "CREATE TABLE entities (id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR)",
    f"""CREATE TABLE entity_aliases (
        entity_id VARCHAR, text VARCHAR, kind VARCHAR, script VARCHAR, article_id VARCHAR,
        {_span('ev')})""",
    "CREATE TABLE entity_articles (entity_id VARCHAR, article_id VARCHAR)",
    f"""CREATE TABLE quotes (
        id VARCHAR, article_id VARCHAR, kind VARCHAR, {_span('cue')}, {_span('speaker')},
        speaker_mention_id VARCHAR, speaker_entity_id VARCHAR, anonymous BOOLEAN,
        description VARCHAR, reason VARCHAR, extractor VARCHAR, {_span('source')})""",
    f"""CREATE TABLE quote_content (
        quote_id VARCHAR, article_id VARCHAR, idx INTEGER, {_span('ev')})""",
    f"""CREATE TABLE figures (
        id VARCHAR, article_id VARCHAR, {_span('ev')}, value DOUBLE, value_high DOUBLE,
        unit VARCHAR, qualifier VARCHAR, measures VARCHAR, owner VARCHAR, extractor VARCHAR)""",
    f"""CREATE TABLE times (
        id VARCHAR, article_id VARCHAR, {_span('ev')}, type VARCHAR, value VARCHAR,
        resolved BOOLEAN, extractor VARCHAR)""",
    f"""CREATE TABLE events (
        id VARCHAR, article_id VARCHAR, {_span('trigger')}, type VARCHAR, mode VARCHAR,
        main BOOLEAN, extractor VARCHAR)""",
    f"""CREATE TABLE event_arguments (
        event_id VARCHAR, article_id VARCHAR, role VARCHAR, idx INTEGER, {_span('ev')},
        mention_id VARCHAR, entity_id VARCHAR, value VARCHAR)""",
    f"""CREATE TABLE main_events (
        article_id VARCHAR, event_id VARCHAR, {_span('who')}, {_span('what')}, {_span('when')},
        {_span('where')}, {_span('why')}, {_span('how')})""",
    "CREATE TABLE stories (id VARCHAR PRIMARY KEY, title VARCHAR)",
    "CREATE TABLE story_articles (story_id VARCHAR, article_id VARCHAR)",
)

# harden-store: exact copies stored by reference; versions of an article updated from its source.
_V_HARDEN_STORE: tuple[str, ...] = (
    # the id of the article whose text this row shares (a byte-identical exact duplicate); its own
    # ``text`` is then '' and every read follows the reference
    "ALTER TABLE articles ADD COLUMN text_of VARCHAR",
    # one row per earlier version of an article replaced by a newer one from the same source
    """CREATE TABLE article_versions (
        article_id VARCHAR NOT NULL, version INTEGER NOT NULL, text_hash VARCHAR NOT NULL,
        text VARCHAR NOT NULL, title VARCHAR, deck VARCHAR, source VARCHAR, run_id VARCHAR,
        replaced_by_hash VARCHAR NOT NULL, replaced_in_run VARCHAR, replaced_at TIMESTAMPTZ)""",
    # the id each version had as read (source and text hash) → the article it became: reading that
    # input again is recognised and changes nothing
    "CREATE TABLE article_inputs (input_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL)",
)

# Stories kept current batch by batch: a story's time span and the ids it absorbed; each kept
# article's story features (so that a later batch compares against them without re-reading the
# text), the keys by which a batch finds its candidate stories, and document frequencies.
_V_STORIES: tuple[str, ...] = (
    "ALTER TABLE stories ADD COLUMN start TIMESTAMPTZ",
    'ALTER TABLE stories ADD COLUMN "end" TIMESTAMPTZ',
    "ALTER TABLE stories ADD COLUMN merged_ids VARCHAR",
    """CREATE TABLE story_features (
        article_id VARCHAR PRIMARY KEY, title VARCHAR, published TIMESTAMPTZ, terms VARCHAR,
        entities VARCHAR, marks VARCHAR)""",
    "CREATE TABLE story_keys (key VARCHAR NOT NULL, article_id VARCHAR NOT NULL)",
    "CREATE TABLE story_df (key VARCHAR PRIMARY KEY, df INTEGER NOT NULL)",
)

# search: article vectors, the quote texts the quote fts index is built over, and what the last
# fts build saw (store/search.py). The fts indexes themselves are schemas the extension creates.
_V_SEARCH: tuple[str, ...] = (
    "CREATE TABLE embeddings (article_id VARCHAR NOT NULL, model VARCHAR NOT NULL, vector FLOAT[384] NOT NULL)",
    "CREATE TABLE quote_text (id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, content VARCHAR)",
    "CREATE TABLE search_state (name VARCHAR PRIMARY KEY, built TIMESTAMPTZ, articles BIGINT, quotes BIGINT)",
)

# `newsgraph watch`: the files a watched folder held when last ingested (path, mtime, size).
_V_KB: tuple[str, ...] = (
    """CREATE TABLE watched_files (
        path VARCHAR PRIMARY KEY, mtime_ns BIGINT NOT NULL, size BIGINT NOT NULL, run_id VARCHAR,
        ingested TIMESTAMPTZ)""",
)

# Entities: where a place is (GeoNames id, country, coordinates), and an institution's full name.
_V_ENTITIES: tuple[str, ...] = (
    "ALTER TABLE entities ADD COLUMN geonames_id BIGINT",
    "ALTER TABLE entities ADD COLUMN geo_country VARCHAR",
    "ALTER TABLE entities ADD COLUMN geo_lat DOUBLE",
    "ALTER TABLE entities ADD COLUMN geo_lon DOUBLE",
    "ALTER TABLE local_entities ADD COLUMN geonames_id BIGINT",
    "ALTER TABLE local_entities ADD COLUMN geo_country VARCHAR",
    "ALTER TABLE local_entities ADD COLUMN geo_lat DOUBLE",
    "ALTER TABLE local_entities ADD COLUMN geo_lon DOUBLE",
    "ALTER TABLE local_entities ADD COLUMN known_as VARCHAR",
)

# kbq: indexes on the columns the views filter by (an article's facts, an entity's mentions and
# articles, a story's members), so that a view on a large base reads its rows by index instead of
# scanning every fact (benchmarks/query.py). Named idx_<table>_<column>; IF NOT EXISTS, so that
# another branch's migration may create the same index harmlessly.
_KBQ_INDEXED: tuple[tuple[str, str], ...] = (
    ("mentions", "article_id"), ("mentions", "entity_id"), ("quotes", "article_id"), ("quotes", "speaker_entity_id"),
    ("quote_content", "article_id"), ("quote_content", "quote_id"), ("figures", "article_id"), ("times", "article_id"),
    ("events", "article_id"), ("event_arguments", "article_id"), ("event_arguments", "event_id"),
    ("main_events", "article_id"), ("local_entities", "article_id"), ("local_aliases", "article_id"),
    ("roles", "article_id"), ("roles", "entity_id"), ("entity_articles", "entity_id"), ("entity_articles", "article_id"),
    ("entity_aliases", "entity_id"), ("story_articles", "story_id"), ("story_articles", "article_id"),
    ("embeddings", "article_id"), ("duplicates", "duplicate_of"), ("boilerplate", "article_id"),
    ("quote_text", "article_id"),
)
_V_KBQ: tuple[str, ...] = tuple(f"CREATE INDEX IF NOT EXISTS idx_{t}_{c} ON {t} ({c})" for t, c in _KBQ_INDEXED)

# curate: corrections by a person to entity identity, kept as rules (store/curations.py).
_V_CURATE: tuple[str, ...] = (
    """CREATE TABLE curations (
        id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, action VARCHAR NOT NULL, entity_id VARCHAR NOT NULL,
        entity_name VARCHAR NOT NULL, entity_type VARCHAR NOT NULL, value VARCHAR NOT NULL, new_id VARCHAR NOT NULL,
        created TIMESTAMPTZ NOT NULL, undone TIMESTAMPTZ)""",
)

# serve2: indexes for the reads a page makes that kbq's indexes above do not cover (a fact by its
# id, an entity's event arguments). Without them each such lookup scans a table of a million rows
# and more (~100 ms of CPU a scan of a text column in DuckDB); with them it costs a few
# milliseconds. They add to the file's size and a little to each batch's write
# (benchmarks/serve.py, docs/web.md). Names differ from kbq's (idx_<table>_<column>, other columns).
_SERVE2_INDEXED: tuple[tuple[str, str], ...] = (
    ("mentions", "id"), ("quotes", "id"), ("figures", "id"), ("times", "id"), ("events", "id"),
    ("event_arguments", "entity_id"),
)
_V_SERVE2: tuple[str, ...] = tuple(
    f"CREATE INDEX IF NOT EXISTS idx_{table}_{column} ON {table} ({column})" for table, column in _SERVE2_INDEXED
)

# fts order: how many rows of an fts index's terms table lie in term order (store/search.py keeps
# the article index's postings sorted by term so that a query reads only its terms' row groups; rows
# appended since the last sort are the unsorted tail, re-sorted once it grows past a share).
_V_FTS_ORDER: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS fts_order (name VARCHAR PRIMARY KEY, ordered_rows BIGINT NOT NULL)",
)

# digest: what an entity's page lists, one row an entity, read by its key (store/digest.py), and
# the entities whose digest a write made stale ('*': all; a base upgraded here starts so, and its
# next write computes them).
_V_DIGEST: tuple[str, ...] = (
    """CREATE TABLE entity_digest (
        entity_id VARCHAR NOT NULL, articles INTEGER NOT NULL, recent VARCHAR[], recent_mentions INTEGER[],
        said VARCHAR[], about VARCHAR[], events VARCHAR[], companions VARCHAR[], shared INTEGER[],
        edge_a VARCHAR[], edge_b VARCHAR[], edge_w INTEGER[])""",
    "CREATE INDEX IF NOT EXISTS idx_entity_digest_entity_id ON entity_digest (entity_id)",
    "CREATE TABLE entity_digest_dirty (entity_id VARCHAR NOT NULL)",
    "INSERT INTO entity_digest_dirty VALUES ('*')",
)

# story digests: the stored rows a story's page is made of (store/story_digest.py), read by the
# story's key, and the stories whose digest a write made stale; an upgraded base computes every
# digest at its next write or `newsgraph index` (the '*' mark), its story pages read live until then.
_V_STORY_DIGEST: tuple[str, ...] = (
    "CREATE TABLE story_digest (story_id VARCHAR NOT NULL, page BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS idx_story_digest_story_id ON story_digest (story_id)",
    "CREATE TABLE story_digest_dirty (story_id VARCHAR NOT NULL)",
    "INSERT INTO story_digest_dirty VALUES ('*')",
)

# article digests: the stored rows of an article's facts (store/article_digest.py), read by the
# article's key, and the articles whose digest a write made stale; an upgraded base computes every
# digest at its next write or `newsgraph index` (the '*' mark), its article pages read live until then.
_V_ARTICLE_DIGEST: tuple[str, ...] = (
    "CREATE TABLE article_digest (article_id VARCHAR NOT NULL, page BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS idx_article_digest_article_id ON article_digest (article_id)",
    "CREATE TABLE article_digest_dirty (article_id VARCHAR NOT NULL)",
    "INSERT INTO article_digest_dirty VALUES ('*')",
)

# every secondary index a migration creates, as it creates it (IF NOT EXISTS): what
# ``connection.rebuild_indexes`` re-creates after dropping, should an earlier rebuild have been cut off
INDEX_STATEMENTS: tuple[str, ...] = tuple(
    statement for statement in (*_V_KBQ, *_V_SERVE2, *_V_DIGEST, *_V_STORY_DIGEST, *_V_ARTICLE_DIGEST)
    if statement.startswith("CREATE INDEX IF NOT EXISTS"))

# digest pages: the stored rows an entity's page is made of (zlib-compressed JSON, store/digest.py),
# so that the page reads its digest's row and its companions' names only. An upgraded base's
# digests have none: their pages are read live until the next write (or `newsgraph index`) computes
# them, ``refresh`` counting a digest without its page as marked.
_V_DIGEST_PAGE: tuple[str, ...] = (
    "ALTER TABLE entity_digest ADD COLUMN page BLOB",
)

# quote speakers: each indexed quote's speaker as a search hit shows it (its description, else the
# speaker's words) beside its text in ``quote_text``, so that a page of hits reads its quotes and
# their speakers in one lookup by article instead of two (store/search.py ``quote_top``). Filled
# here from the quotes of a base made before, and with the text whenever the fts index is built.
_V_QUOTE_SPEAKER: tuple[str, ...] = (
    "ALTER TABLE quote_text ADD COLUMN speaker VARCHAR",
    """UPDATE quote_text SET speaker = s.speaker
       FROM (SELECT id, any_value(coalesce(description, speaker_text)) AS speaker FROM quotes GROUP BY id) s
       WHERE quote_text.id = s.id""",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    _V1, _V_HARDEN_STORE, _V_STORIES, _V_SEARCH, _V_KB, _V_ENTITIES, _V_KBQ, _V_CURATE, _V_SERVE2, _V_FTS_ORDER,
    _V_DIGEST, _V_DIGEST_PAGE, _V_STORY_DIGEST, _V_ARTICLE_DIGEST, _V_QUOTE_SPEAKER,
)
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The store's schema version; 0 for an empty file."""
    found = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_version'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def check_version(conn: duckdb.DuckDBPyConnection, path: str) -> int:
    """Refuse a store written by a newer newsgraph (NG302); return its version."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            "NG302",
            f"{path} has schema version {version}; this newsgraph reads up to {SCHEMA_VERSION}",
        )
    return version


def migrate(conn: duckdb.DuckDBPyConnection, path: str) -> int:
    """Apply the missing migrations, each in its own transaction; return the new version."""
    version = check_version(conn, path)
    if version == 0:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    for number in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?)", [number])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
