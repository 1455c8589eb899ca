"""Fact readers over a list of articles (one query a kind, by key) give exactly what reading each
article alone gives, grouped by article in the list's order; articles by list likewise."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.store import get_article, get_articles, open_store
from newsgraph.store.facts import sorted_rows, read_events, read_figures, read_main_events, read_mentions, read_quotes, read_times

READERS = [read_mentions, read_quotes, read_figures, read_times, read_events, read_main_events]


@pytest.mark.parametrize("reader", READERS, ids=[r.__name__ for r in READERS])
def test_a_list_of_articles_reads_as_each_article_alone(seed_kb: Path, reader) -> None:
    with open_store(seed_kb, read_only=True) as store:
        ids = [r[0] for r in store.rows("SELECT id FROM articles ORDER BY id DESC")]
        assert len(ids) >= 3
        chosen = [ids[2], ids[0], "art_not_there", ids[1], ids[0]]
        one_by_one = [fact for aid in dict.fromkeys(chosen) for fact in reader(store, aid)]
        assert one_by_one and reader(store, chosen) == one_by_one


def test_get_articles_keeps_the_order_and_leaves_out_missing_ids(seed_kb: Path) -> None:
    with open_store(seed_kb, read_only=True) as store:
        ids = [r[0] for r in store.rows("SELECT id FROM articles ORDER BY id")]
        wanted = [ids[-1], "art_missing", ids[0]]
        assert get_articles(store, wanted) == [get_article(store, ids[-1]), get_article(store, ids[0])]


_LABELS = ["", "a", "B", "b", "é", "É", "z", "ß", "Ω", "中", "😀", "a b"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(-3, 3)),
                          st.one_of(st.none(), st.sampled_from(_LABELS)),
                          st.integers(0, 10**6)), max_size=25))
def test_facts_of_known_articles_come_in_the_order_duckdb_would_give(rows: list[tuple]) -> None:
    """The rows of known articles are put in order in Python: the same order as DuckDB's ORDER BY
    (NULLs last, text by code point), which the whole-table read still uses."""
    conn = duckdb.connect()
    conn.execute("CREATE TABLE t (pos INTEGER, label VARCHAR, id BIGINT)")
    if rows:
        conn.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    want = conn.execute("SELECT pos, label, id FROM t ORDER BY pos, label, id").fetchall()
    dicts = [{"pos": p, "label": lab, "id": i} for p, lab, i in rows]
    assert [(r["pos"], r["label"], r["id"]) for r in sorted_rows(dicts, "t.pos, t.label, t.id")] == want
