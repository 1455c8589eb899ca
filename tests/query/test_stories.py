"""Stories through the real pipeline (spaCy, DuckDB) and the CLI: the seed, the team's happenings."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.errors import QueryError
from newsgraph.query import find_articles, list_stories, story_detail


@pytest.fixture(scope="module")
def happenings_kb(test_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The team's seven reports of four happenings, ingested with NLP two articles a batch."""
    db = tmp_path_factory.mktemp("stories") / "happenings.duckdb"
    pipeline.ingest([str(test_data / "stories" / "happenings.jsonl")], db=db, extract=True, batch_size=2)
    return db


def _happening(title: str) -> str:
    titles = {"Magnitude 6.4": "arequipa", "Rescuers search": "arequipa", "Magnitude 5.8": "trujillo",
              "Trujillo schools": "trujillo", "Former Lyon": "lyon", "Ex-mayor of Lyon": "lyon", "Pierre Dumont arrested": "marseille"}
    return next(h for prefix, h in titles.items() if title.startswith(prefix))


def test_seed_five_articles_are_five_stories(seed_export: dict) -> None:
    stories = seed_export["stories"]
    assert len(stories) == 5
    assert sorted(len(s["article_ids"]) for s in stories) == [1] * 5
    assert {a for s in stories for a in s["article_ids"]} == {a["id"] for a in seed_export["articles"]}


def test_stories_join_two_reports_of_one_happening_and_keep_two_of_one_kind_apart(happenings_kb: Path) -> None:
    titles = {a.id: a.title for a in find_articles(happenings_kb)}
    found = sorted(sorted(_happening(titles[a]) for a in s.article_ids) for s in list_stories(happenings_kb))
    assert found == [["arequipa", "arequipa"], ["lyon", "lyon"], ["marseille"], ["trujillo", "trujillo"]]


@pytest.mark.parametrize(("options", "expected"), [
    ({"min_articles": 2}, {"arequipa", "lyon", "trujillo"}),
    ({"entity": "Pierre Dumont"}, {"lyon", "marseille"}),
    ({"since": datetime(2025, 8, 1, tzinfo=timezone.utc)}, {"trujillo", "marseille"}),
    ({"until": datetime(2025, 3, 1, tzinfo=timezone.utc)}, {"lyon"}),
    ({"limit": 1}, {"marseille"}),
])
def test_list_stories_filters(happenings_kb: Path, options: dict, expected: set[str]) -> None:
    titles = {a.id: a.title for a in find_articles(happenings_kb)}
    found = list_stories(happenings_kb, **options)
    assert {_happening(titles[s.article_ids[0]]) for s in found} == expected


def test_story_detail_orders_articles_in_time_with_timeline_entities_quotes_figures(happenings_kb: Path) -> None:
    story = next(s for s in list_stories(happenings_kb) if len(s.article_ids) == 2 and "Arequipa" in s.title)
    detail = story_detail(happenings_kb, story.id)
    assert [a.published for a in detail.articles] == sorted(a.published for a in detail.articles)
    assert (story.start, story.end) == (detail.articles[0].published, detail.articles[-1].published)
    assert [t.article_id for t in detail.timeline] == [a.id for a in detail.articles]
    assert any(t.main is not None for t in detail.timeline)
    names = {e.name: n for e, n in detail.entities}
    assert names.get("Dina Boluarte") == 2 and names.get("Geophysical Institute of Peru") == 2
    assert {f.evidence.article_id for f in detail.figures} == set(story.article_ids)
    assert story.title == "Magnitude 6.4 earthquake kills nine near Arequipa"


def test_a_storys_main_entities_are_those_named_in_most_of_its_articles(happenings_kb: Path) -> None:
    """``named_in`` (counted by DuckDB) ranks as counting each story's mentions one by one does."""
    from collections import Counter

    from newsgraph.store import named_in, open_store, read_mentions

    with open_store(happenings_kb, read_only=True) as store:
        for story in list_stories(happenings_kb):
            ids = list(story.article_ids)
            counts = Counter(e for _, e in {(m.evidence.article_id, m.entity_id) for m in read_mentions(store, ids) if m.entity_id})
            expected = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            assert named_in(store, ids, 5) == expected[:5] and named_in(store, ids, 1000) == expected


def test_story_detail_limit_keeps_the_first_quotes_and_figures_and_counts_all(happenings_kb: Path) -> None:
    for story in list_stories(happenings_kb):
        whole = story_detail(happenings_kb, story.id)
        assert (whole.quote_count, whole.figure_count) == (len(whole.quotes), len(whole.figures))
        for limit in (0, 1, 2):
            part = story_detail(happenings_kb, story.id, limit=limit)
            assert part.quotes == whole.quotes[:limit] and part.figures == whole.figures[:limit]
            assert (part.quote_count, part.figure_count) == (whole.quote_count, whole.figure_count)
            assert part.articles == whole.articles and part.timeline == whole.timeline
    assert any(story_detail(happenings_kb, s.id).figure_count > 1 for s in list_stories(happenings_kb))
    with pytest.raises(QueryError) as info:
        story_detail(happenings_kb, story.id, limit=-1)
    assert info.value.code == "NG403"


def test_story_detail_of_an_unknown_id_is_ng409(happenings_kb: Path) -> None:
    with pytest.raises(QueryError) as info:
        story_detail(happenings_kb, "sto_0000000000000000")
    assert info.value.code == "NG409"


def test_stories_near_duplicate_joins_its_originals_story(happenings_kb: Path, tmp_path: Path, test_data: Path) -> None:
    db = tmp_path / "copy.duckdb"
    source = (test_data / "stories" / "happenings.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(source[0])
    copy = dict(first, text=first["text"].replace("early on Monday", "on Monday"))
    (tmp_path / "copy.jsonl").write_text(json.dumps(copy) + "\n", encoding="utf-8")
    pipeline.ingest([str(test_data / "stories" / "happenings.jsonl")], db=db, batch_size=4)
    before = {s.id: s for s in list_stories(db)}
    summary = pipeline.ingest([str(tmp_path / "copy.jsonl")], db=db)
    assert summary.duplicates == 1
    after = {s.id: s for s in list_stories(db)}
    grown = [s for s in after.values() if len(s.article_ids) == 3]
    assert len(grown) == 1 and grown[0].id in before
    assert set(before[grown[0].id].article_ids) < set(grown[0].article_ids)


def test_cli_stories_and_story(happenings_kb: Path, newsgraph) -> None:
    out = newsgraph("stories", "--db", happenings_kb, "--min-articles", "2", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 3 and set(rows[0]) == {"id", "title", "start", "end", "article_ids", "merged_ids"}
    shown = newsgraph("story", rows[0]["id"], "--db", happenings_kb, "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["article_ids"] == rows[0]["article_ids"]
    bad = newsgraph("story", "sto_nope", "--db", happenings_kb)
    assert bad.returncode == 1
    assert bad.stderr.strip() == f"error NG409: no story with id 'sto_nope' in {happenings_kb} — list story ids with `newsgraph stories`"


def _before_stories(new: Path, old: Path) -> None:
    """``new``'s articles and facts in a knowledge base of the schema before stories existed
    (the migrations before _V_STORIES): what a base ingested then holds, and no story."""
    import duckdb

    from newsgraph.store.schema import _V_STORIES, MIGRATIONS

    conn = duckdb.connect(str(old))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, statements in enumerate(MIGRATIONS[: MIGRATIONS.index(_V_STORIES)], start=1):
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", [number])
    conn.execute(f"ATTACH '{new}' AS new (READ_ONLY)")
    tables = [r[0] for r in conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND table_name NOT IN "
        "('schema_version', 'stories', 'story_articles')").fetchall()]
    for table in tables:
        columns = ", ".join(f'"{r[0]}"' for r in conn.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
        conn.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM new."{table}"')
    conn.close()


def test_index_gives_stories_to_articles_stored_before_stories_existed(happenings_kb: Path, tmp_path: Path,
                                                                        newsgraph, verified) -> None:
    old = tmp_path / "old.duckdb"
    _before_stories(happenings_kb, old)
    listed = newsgraph("stories", "--db", old, "--json")  # read-only: it cannot be upgraded, and says how
    assert listed.returncode == 1 and listed.stderr.startswith("error NG450: "), listed.stderr
    assert f"run `newsgraph index --db {old}` once" in listed.stderr
    built = newsgraph("index", "--db", old, "--json")
    assert built.returncode == 0, built.stderr
    assert json.loads(built.stdout)["storied"] == 7
    titles = {a.id: a.title for a in find_articles(old)}
    found = sorted(sorted(_happening(titles[a]) for a in s.article_ids) for s in list_stories(old))
    assert found == [["arequipa", "arequipa"], ["lyon", "lyon"], ["marseille"], ["trujillo", "trujillo"]]
    again = newsgraph("index", "--db", old)
    assert again.returncode == 0 and "gave a story to 0 articles" in again.stdout
    verified(old)
