"""The search evaluation's pieces: metrics, ECB+ queries, the judged BBC query set."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from newsgraph.errors import QueryError
from newsgraph.evaluate.search import DEFAULT_QUERIES, first_sentence, load_bbc, load_ecbplus, ndcg, recall


def test_ndcg_and_recall_binary_gains() -> None:
    rel = frozenset({"a", "b"})
    assert ndcg(["a", "b", "c"], rel) == pytest.approx(1.0)
    assert ndcg(["c", "a"], rel) == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3)))
    assert recall(["c", "a"], rel) == 0.5
    assert ndcg(["x"] * 10 + ["a"], rel) == 0.0


def test_first_sentence_skips_urls_and_short_lines() -> None:
    text = "http: / / www. example. com / story. aspx\nHeadline here\nNovember 12, 2011\nThe navy seized three pirate ships on Friday."
    assert first_sentence(text) == "The navy seized three pirate ships on Friday."


def test_judged_bbc_queries_are_well_formed() -> None:
    spec = json.loads(DEFAULT_QUERIES.read_text(encoding="utf-8"))
    queries = spec["queries"]
    assert len(queries) >= 50
    assert len({q["query"] for q in queries}) == len(queries)
    assert all(q["relevant"] and all(r.endswith(".txt") and "/" in r for r in q["relevant"]) for q in queries)


def test_bbc_loader_refuses_unknown_files(tmp_path: Path, shared_data: Path) -> None:
    bad = tmp_path / "q.json"
    bad.write_text(json.dumps({"queries": [{"query": "x", "relevant": ["tech/none.txt"]}]}), encoding="utf-8")
    with pytest.raises(QueryError) as err:
        load_bbc(shared_data / "bbc-news", bad)
    assert err.value.code == "NG412"
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(QueryError) as err:
        load_bbc(shared_data / "bbc-news", broken)
    assert err.value.code == "NG412"


def test_ecbplus_queries_point_at_the_rest_of_their_story(shared_data: Path) -> None:
    articles, judged = load_ecbplus(shared_data / "ecbplus", "dev")
    assert len(articles) == 197 and len(judged) > 150
    assert all(j.exclude not in j.relevant for j in judged)
