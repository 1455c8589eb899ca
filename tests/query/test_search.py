"""query.search in-process on the seed's knowledge base: modes, filters, quotes, plain-text queries."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsgraph.errors import QueryError
from newsgraph.model import SearchHit
from newsgraph.query.search import search, search_status
from newsgraph.store import open_store


def _ids(hits: list[SearchHit]) -> list[str]:
    return [h.article_id for h in hits]


def test_search_text_mode_finds_only_matching_articles_with_quotes(seed_kb, seed_articles) -> None:
    hits = search(seed_kb, "soybeans", mode="text")
    assert _ids(hits) == [seed_articles["japan"].id]
    assert hits[0].semantic_score is None and hits[0].text_score > 0
    assert any("soybeans" in q.text for q in hits[0].quotes)
    assert hits[0].quotes[0].speaker


def test_search_semantic_mode_ranks_by_meaning(seed_kb, seed_articles) -> None:
    hits = search(seed_kb, "chatbot generating explicit images banned", mode="semantic", limit=2)
    assert hits[0].article_id == seed_articles["grok"].id
    assert len(hits) == 2 and hits[0].text_score is None
    assert hits[0].score == hits[0].semantic_score > hits[1].score


def test_search_hybrid_fuses_both_rankings(seed_kb, seed_articles) -> None:
    hits = search(seed_kb, "soybeans")
    assert hits[0].article_id == seed_articles["japan"].id
    assert hits[0].text_score is not None and hits[0].semantic_score is not None
    assert len(hits) == 5  # the semantic ranking reaches every article; the text one only the first
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_filters_kind_date_entity_and_source(seed_kb, seed_articles) -> None:
    with open_store(seed_kb, read_only=True) as store:  # an open store works as well as a path
        assert _ids(search(store, "Trump", kind="complete")) == [seed_articles["japan"].id]
        teasers = _ids(search(store, "Trump", kind="truncated"))
        assert teasers and seed_articles["japan"].id not in teasers
        assert search(store, "Trump", since=datetime(2026, 1, 1, tzinfo=timezone.utc)) == []
        assert search(store, "Trump", mode="text", until=datetime(2025, 10, 22, tzinfo=timezone.utc))
        xi = _ids(search(store, "protest", entity="Xi Jinping"))
        assert xi[0] == seed_articles["embassy"].id and seed_articles["grok"].id not in xi
        assert search(store, "Trump", source="no-such-source") == []
        assert len(search(store, "Trump", source="000_da085a45935ec0b1")) == 5


@pytest.mark.parametrize("query", [
    '"soy*beans" AND (x) OR -- ; DROP TABLE articles',
    "soybeans' OR '1'='1",
    "NEAR(soybeans) ~ ^ : { } [ ] \\ %s ?",
])
def test_search_fts_syntax_characters_are_plain_text(seed_kb, seed_articles, query) -> None:
    assert search(seed_kb, query, mode="text")[0].article_id == seed_articles["japan"].id
    assert search(seed_kb, "soybeans", mode="text")  # the store is intact


def test_search_stopword_only_query_in_hybrid_mode_answers_by_meaning(seed_kb) -> None:
    hits = search(seed_kb, "the of and")
    assert hits and all(h.text_score is None for h in hits)
    with pytest.raises(QueryError) as err:
        search(seed_kb, "the of and", mode="text")
    assert err.value.code == "NG407"


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"mode": "fuzzy"}, "NG403"), ({"limit": 0}, "NG403"), ({"kind": "opinion"}, "NG403"),
    ({"story": "sto_missing"}, "NG409"), ({"entity": "Nobody Atall"}, "NG402"),
])
def test_search_bad_arguments_are_coded(seed_kb, kwargs, code) -> None:
    with pytest.raises(QueryError) as err:
        search(seed_kb, "Trump", **kwargs)
    assert err.value.code == code


def test_search_status_counts_what_is_indexed(seed_kb) -> None:
    state = search_status(seed_kb)
    assert state is not None and state.fts_current
    assert state.searchable == state.embedded == state.fts_articles == 5
