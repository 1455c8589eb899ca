"""Entity, story and article digests (store/digest.py, story_digest.py, article_digest.py) stay
equal to what the facts say after every kind of write.

Each test builds a small knowledge base with NLP from text the team wrote, changes it the way a
user does (a new batch, a corrected version, a re-extraction, an identity edit, an old base
upgraded), and checks that, for every entity, the stored digest is fresh and equal to the digest
read live from the facts, and that the entity page is the same read either way.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import newsgraph
from newsgraph.query.pages import article_view, entity_view
from newsgraph.store import open_store
from newsgraph.query.stories import story_detail
from newsgraph.store.article_digest import read_article_rows
from newsgraph.store.digest import ALL, LIMIT, live_digest, read_digest, refresh, stale_count
from newsgraph.store.story_digest import FACTS as STORY_FACTS, read_story_page

PORT = (
    "Mayor Lena Ortiz opened the new harbour in Port Avel on Friday. \"This harbour is for every family "
    "in Port Avel,\" Ortiz said. Finance minister Tomas Berg attended the ceremony with officials from "
    "the Harbour Authority."
)
STRIKE = (
    "The Northern Rail Union said on Monday that drivers would strike next week. Tomas Berg, the finance "
    "minister, said the government would meet the union. \"Lena Ortiz has backed the drivers,\" a union "
    "official said."
)
TALKS = (
    "Tomas Berg met leaders of the Northern Rail Union in Oslo on Tuesday. \"We are close to a deal,\" "
    "Berg told reporters. Mayor Lena Ortiz said Port Avel would host the next round."
)
QUIET = ("The rain did not stop for three days, and the river rose above its banks. Water covered the low "
         "fields and the old mill road, and schools stayed shut until the weekend.")  # names no one
CORRECTED = TALKS.replace("in Oslo", "in Bergen").replace("close to a deal", "far from a deal")  # a correction


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _all_stale_copy(db: Path, dirty_table: str) -> Path:
    """A copy of ``db`` whose digests of one kind are all marked stale (``*`` in ``dirty_table``):
    its pages of that kind are read live."""
    copy = db.with_name(f"live-{dirty_table}-{db.name}")
    shutil.copyfile(db, copy)
    conn = duckdb.connect(str(copy))
    conn.execute(f"INSERT INTO {dirty_table} VALUES ('*')")
    conn.close()
    return copy


def _assert_fresh_and_equal(db: Path) -> int:
    """Every entity's stored digest is fresh and equals the live one; the page reads the same both
    ways. Returns how many entities were checked."""
    with open_store(db, read_only=True) as store:
        assert stale_count(store) == 0
        ids = [r[0] for r in store.rows("SELECT id FROM entities ORDER BY id")]
        linked = {r[0] for r in store.rows("SELECT DISTINCT entity_id FROM entity_articles")}
        stored = {r[0] for r in store.rows("SELECT entity_id FROM entity_digest")}
        assert stored == linked & set(ids)
        for entity_id in ids:
            live = live_digest(store, entity_id)
            if entity_id in linked:
                assert read_digest(store, entity_id) == live, entity_id
    # every page read from its stored digest is the page read live (a copy whose digests are all
    # marked stale), to the last field: entity, roles, quotes, events, articles and their heads
    live_db = _all_stale_copy(db, "entity_digest_dirty")
    with open_store(db, read_only=True) as store:
        assert all(read_digest(store, e).page is not None for e in linked & set(ids))  # type: ignore[union-attr]
    for entity_id in ids:
        assert entity_view(db, entity_id) == entity_view(live_db, entity_id), entity_id
        assert entity_view(db, entity_id, limit=1) == entity_view(live_db, entity_id, limit=1), entity_id
    live_db.unlink()
    # the same pages read live: a page asking for more than a digest keeps, cut back to the default
    for entity_id in ids:
        view = entity_view(db, entity_id)
        wide = entity_view(db, entity_id, limit=LIMIT + 1)
        assert wide.articles[:LIMIT] == view.articles and wide.said[:LIMIT] == view.said
        assert (wide.companions, wide.edges, wide.article_count) == (view.companions, view.edges, view.article_count)
    _assert_stories_fresh_and_equal(db)
    _assert_articles_fresh_and_equal(db)
    return len(ids)


def _assert_articles_fresh_and_equal(db: Path) -> None:
    """Every extracted article has a fresh stored digest (store/article_digest.py), and its page
    read from it equals the page read live (a copy whose article digests are all marked stale), to
    the last field: the article with its boilerplate, every fact, the entities it links to."""
    with open_store(db, read_only=True) as store:
        assert not store.rows("SELECT * FROM article_digest_dirty")
        extracted = [r[0] for r in store.rows("SELECT article_id FROM extracted ORDER BY 1")]
        assert extracted and [r[0] for r in store.rows("SELECT article_id FROM article_digest ORDER BY 1")] == extracted
        assert all(read_article_rows(store, a) is not None for a in extracted)
        every = [r[0] for r in store.rows("SELECT id FROM articles ORDER BY id")]
    live_db = _all_stale_copy(db, "article_digest_dirty")
    with open_store(live_db, read_only=True) as store:
        assert all(read_article_rows(store, a) is None for a in extracted)
    for article_id in every:
        stored, live = article_view(db, article_id), article_view(live_db, article_id)
        assert stored == live, article_id
        assert stored.facts is not None or article_id not in extracted
    live_db.unlink()


def _assert_stories_fresh_and_equal(db: Path) -> None:
    """Every story has a fresh stored page (store/story_digest.py), and the story page read from it
    equals what the full reading of the story (its articles, facts and entities read one by one,
    by other code) gives, field by field; the same page read live when more is asked than it keeps."""
    with open_store(db, read_only=True) as store:
        assert not store.rows("SELECT * FROM story_digest_dirty")
        stories = [r[0] for r in store.rows("SELECT id FROM stories ORDER BY id")]
        assert stories and [r[0] for r in store.rows("SELECT story_id FROM story_digest ORDER BY 1")] == stories
        assert all(read_story_page(store, s) is not None for s in stories)
    for sid in stories:
        full = story_detail(db, sid)
        for shown in (story_detail(db, sid, heads_only=True, limit=STORY_FACTS),  # the stored page
                      story_detail(db, sid, heads_only=True), story_detail(db, sid, heads_only=True, limit=1)):  # live
            n = None if shown.quotes == full.quotes else len(shown.quotes)
            assert (shown.story, shown.timeline, shown.heads, shown.quote_count, shown.figure_count) == (
                full.story, full.timeline, full.heads, full.quote_count, full.figure_count), sid
            assert shown.quotes == full.quotes[:n] and shown.figures == full.figures[:len(shown.figures)], sid
            assert [(e.id, e.name, e.type, k) for e, k in shown.entities] == [(e.id, e.name, e.type, k) for e, k in full.entities]
            assert shown.articles == () and len(full.articles) == len(full.heads) == len(full.story.article_ids)


@pytest.fixture()
def kb_dir(tmp_path: Path) -> Path:
    feed = tmp_path / "feed"
    feed.mkdir()
    for name, text in (("port.txt", PORT), ("strike.txt", STRIKE), ("talks.txt", TALKS)):
        _write(feed, name, text)
    return tmp_path


def _ingest(db: Path, *paths: Path) -> None:
    with newsgraph.open(db) as kb:
        kb.ingest([str(p) for p in paths])


def test_digests_match_the_facts_after_ingest_and_after_a_second_batch(kb_dir: Path) -> None:
    db = kb_dir / "kb.duckdb"
    _ingest(db, kb_dir / "feed" / "port.txt", kb_dir / "feed" / "strike.txt")
    assert _assert_fresh_and_equal(db) > 3
    _ingest(db, kb_dir / "feed" / "talks.txt")  # a new article names known people: their digests move
    _assert_fresh_and_equal(db)
    rain = _write(kb_dir, "rain.txt", QUIET)  # one that names nobody still gets its article digest
    _ingest(db, rain)
    _assert_fresh_and_equal(db)
    with open_store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM articles a LEFT JOIN entity_articles ea ON ea.article_id = a.id"
                            " WHERE ea.article_id IS NULL") == 1
    berg = entity_view(db, "Tomas Berg")
    assert berg.article_count == 3 and len(berg.articles) == 3


def test_a_corrected_version_replaces_what_the_digests_list(kb_dir: Path) -> None:
    db = kb_dir / "kb.duckdb"
    _ingest(db, kb_dir / "feed")
    before = entity_view(db, "Tomas Berg")
    _write(kb_dir / "feed", "talks.txt", CORRECTED)  # the same source, a newer text
    _ingest(db, kb_dir / "feed" / "talks.txt")
    _assert_fresh_and_equal(db)
    after = entity_view(db, "Tomas Berg")
    said = {" ".join(span.text for span in q.content) for q in after.said}
    assert any("far from a deal" in s for s in said) and not any("close to a deal" in s for s in said)
    assert before.said != after.said


def test_reextraction_and_identity_edits_keep_digests_fresh(kb_dir: Path) -> None:
    from newsgraph.reextract import reextract

    db = kb_dir / "kb.duckdb"
    _ingest(db, kb_dir / "feed")
    with open_store(db, read_only=True) as store:
        article = store.rows("SELECT id FROM articles ORDER BY id LIMIT 1")[0][0]
    reextract(db, article_ids=[article])
    _assert_fresh_and_equal(db)
    with newsgraph.open(db) as kb:
        kb.merge("Lena Ortiz", "Tomas Berg")
    _assert_fresh_and_equal(db)
    with newsgraph.open(db) as kb:
        kb.split("Tomas Berg", ["Lena Ortiz", "Ortiz"])
    _assert_fresh_and_equal(db)
    with newsgraph.open(db) as kb:
        kb.drop("Northern Rail Union")
    _assert_fresh_and_equal(db)
    with open_store(db, read_only=True) as store:
        assert not store.rows("SELECT 1 FROM entity_digest d LEFT JOIN entities e ON e.id = d.entity_id WHERE e.id IS NULL")


def test_an_identity_edit_recomputes_the_pages_of_the_articles_it_moves_only(kb_dir: Path) -> None:
    """Dropping an entity moves the mentions of the articles naming it: their stored pages are
    recomputed (a new row), the others' are left as they were (the same row), and every page still
    reads as the facts say."""
    db = kb_dir / "kb.duckdb"
    _ingest(db, kb_dir / "feed")
    with open_store(db, read_only=True) as store:
        union = set(store.rows("SELECT DISTINCT article_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
                               " WHERE e.name = 'Northern Rail Union'"))
        before = dict(store.rows("SELECT article_id, rowid FROM article_digest"))
    assert union and len(union) < len(before)
    with newsgraph.open(db) as kb:
        kb.drop("Northern Rail Union")
    with open_store(db, read_only=True) as store:
        after = dict(store.rows("SELECT article_id, rowid FROM article_digest"))
    assert set(after) == set(before)
    moved = {(a,) for a in after if after[a] != before[a]}
    assert moved == union
    _assert_fresh_and_equal(db)


def test_a_stale_mark_makes_pages_read_live_with_the_same_result(kb_dir: Path) -> None:
    """A base upgraded to the digest schema starts with every digest marked stale (``*``): pages
    read live until the next write refreshes them, and show the same thing either way."""
    db = kb_dir / "kb.duckdb"
    _ingest(db, kb_dir / "feed")
    fresh = entity_view(db, "Tomas Berg")
    berg = fresh.entity.id
    with open_store(db, read_only=True) as store:
        assert read_digest(store, berg) is not None
    conn = duckdb.connect(str(db))
    conn.execute("DELETE FROM entity_digest")
    conn.execute("INSERT INTO entity_digest_dirty VALUES (?)", [ALL])
    conn.close()
    with open_store(db, read_only=True) as store:
        assert read_digest(store, berg) is None and stale_count(store) == 1
    assert entity_view(db, berg) == fresh
    with open_store(db) as store:
        assert refresh(store) > 0
    _assert_fresh_and_equal(db)


def test_a_base_from_before_digest_pages_reads_pages_live_until_a_refresh_stores_them(kb_dir: Path) -> None:
    from newsgraph.store.schema import _V_DIGEST_PAGE, MIGRATIONS

    db = kb_dir / "kb.duckdb"
    _ingest(db, kb_dir / "feed")
    fresh = {e: entity_view(db, e) for e in _entity_ids(db)}
    conn = duckdb.connect(str(db))  # what the schema before _V_DIGEST_PAGE made, digests computed
    conn.execute("DROP INDEX idx_entity_digest_entity_id")  # DuckDB drops no column of a table with an index
    conn.execute("ALTER TABLE entity_digest DROP COLUMN page")
    conn.execute("CREATE INDEX idx_entity_digest_entity_id ON entity_digest (entity_id)")
    conn.execute("DROP TABLE story_digest")  # and no later migration's tables
    conn.execute("DROP TABLE story_digest_dirty")
    conn.execute("DROP TABLE article_digest")
    conn.execute("DROP TABLE article_digest_dirty")
    conn.execute("DROP INDEX idx_quote_text_article_id")  # and no later migration's columns
    conn.execute("ALTER TABLE quote_text DROP COLUMN speaker")
    conn.execute("CREATE INDEX idx_quote_text_article_id ON quote_text (article_id)")
    conn.execute("DELETE FROM schema_version WHERE version > ?", [MIGRATIONS.index(_V_DIGEST_PAGE)])
    conn.close()
    with open_store(db) as store:  # upgraded: every digest without its page
        assert store.scalar("SELECT count(*) FROM entity_digest WHERE page IS NOT NULL") == 0
        assert store.scalar("SELECT count(*) FROM entity_digest") > 3
    assert {e: entity_view(db, e) for e in fresh} == fresh  # read live meanwhile
    with open_store(db) as store:
        assert refresh(store) > 3
    _assert_fresh_and_equal(db)
    assert {e: entity_view(db, e) for e in fresh} == fresh


def _entity_ids(db: Path) -> list[str]:
    with open_store(db, read_only=True) as store:
        return [r[0] for r in store.rows("SELECT id FROM entities ORDER BY id")]


def test_the_digest_migration_marks_every_digest_stale(tmp_path: Path) -> None:
    from newsgraph.store.schema import _V_DIGEST, MIGRATIONS

    before = MIGRATIONS.index(_V_DIGEST)
    db = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(db))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for step in MIGRATIONS[:before]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"INSERT INTO schema_version VALUES ({before})")
    conn.close()
    with open_store(db) as store:
        assert store.rows("SELECT entity_id FROM entity_digest_dirty") == [(ALL,)]
        assert refresh(store) == 0  # nothing to compute in an empty base, and the mark is spent
        assert stale_count(store) == 0
