"""Story tables: an old base upgraded in place, upserts with spans and merged ids, features and df."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb

from newsgraph.model import Story, StoryFeatures
from newsgraph.store import find_story, open_store, read_stories, story_context, story_stats
from newsgraph.store.schema import MIGRATIONS
from newsgraph.store.stories import write_stories, write_story_features

WHEN = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


def test_open_store_upgrades_a_base_built_before_stories_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(db))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.execute("INSERT INTO stories VALUES ('sto_old', 'Old story')")
    conn.execute("INSERT INTO story_articles VALUES ('sto_old', 'art_1')")
    conn.close()
    with open_store(db) as store:
        assert read_stories(store) == [Story(id="sto_old", title="Old story", article_ids=("art_1",))]
        assert story_stats(store, ["quak"]) == ({}, 0)


def test_write_stories_round_trips_span_and_merged_ids_and_deletes_the_absorbed(tmp_path: Path) -> None:
    big = Story(id="sto_big", title="Quake", start=WHEN, end=WHEN.replace(day=4), article_ids=("art_1", "art_2"),
                merged_ids=("sto_small",))
    small = Story(id="sto_small", title="Quake too", article_ids=("art_3",))
    with open_store(tmp_path / "kb.duckdb") as store:
        with store.transaction() as conn:
            write_stories(conn, [small])
        with store.transaction() as conn:
            write_stories(conn, [big], removed=["sto_small"])
        assert read_stories(store) == [big]
        assert find_story(store, "sto_small") == big
        assert find_story(store, "sto_none") is None


def test_write_story_features_counts_each_article_once(tmp_path: Path) -> None:
    a = StoryFeatures(article_id="art_1", title="Quake", published=WHEN, terms=(("quak", 2.0), ("peru", 1.0)),
                      entities=(("ent_peru", 1.2),), marks=("n9:peopl",))
    b = StoryFeatures(article_id="art_2", title="Quake again", terms=(("quak", 1.0),))
    with open_store(tmp_path / "kb.duckdb") as store:
        for _ in range(2):  # the same batch written twice counts once
            with store.transaction() as conn:
                write_story_features(conn, [a, b], {"art_1": ("quak", "@ent_peru"), "art_2": ("quak",)})
                write_stories(conn, [Story(id="sto_1", title="Quake", article_ids=("art_1", "art_2"))])
        assert story_stats(store, ["quak", "peru", "@ent_peru", "none"]) == ({"quak": 2, "peru": 1, "@ent_peru": 1}, 2)
        assert story_context(store, {"art_new": ("@ent_peru",)}, {"@ent_peru": 1}, 2).stories == ()  # one key is not enough
        context = story_context(store, {"art_new": ("@ent_peru",)}, {"@ent_peru": 1}, 2, min_shared=1)
        assert [s.id for s in context.stories] == ["sto_1"]
        assert context.features == {"art_1": a, "art_2": b}


def test_invariant_failures_name_an_article_in_two_stories_and_a_clustered_article_in_none(tmp_path: Path) -> None:
    from newsgraph.store import invariant_failures

    with open_store(tmp_path / "kb.duckdb") as store:
        with store.transaction() as conn:
            conn.execute("INSERT INTO articles (id, seq, source_path, source_format, text, truncated) VALUES"
                         " ('art_1', 1, 'a.txt', 'text', 'A.', false), ('art_2', 2, 'b.txt', 'text', 'B.', false)")
            write_stories(conn, [Story(id="sto_a", title="A", article_ids=("art_1",)),
                                 Story(id="sto_b", title="B", article_ids=("art_1",))])
            write_story_features(conn, [StoryFeatures(article_id="art_2", title="B")], {})
        found = {what for what, _ in invariant_failures(store)}
    assert found == {"articles in more than one story", "clustered articles in no story"}
