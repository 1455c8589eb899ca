"""Snippets, query checks and the search record, without a knowledge base."""

from __future__ import annotations

import pytest

from newsgraph.errors import QueryError
from newsgraph.query.search import MAX_QUERY_CHARS, _clean, check_query, make_snippet


def test_snippet_window_holds_the_most_distinct_matches() -> None:
    text = ("Farmers met early. " * 20) + "Soybean prices rose as China bought soybean cargoes. " + ("Later news. " * 30)
    start = text.index("Soybean")
    marks = [(start, start + 7, "soybean"), (text.index("China"), text.index("China") + 5, "china"),
             (text.index("soybean c"), text.index("soybean c") + 7, "soybean")]
    snippet, kept = make_snippet(text, marks, width=120)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(kept) == 3
    assert [snippet[s:e] for s, e in kept] == ["Soybean", "China", "soybean"]


def test_snippet_without_matches_is_the_lead() -> None:
    snippet, marks = make_snippet("Short text with no match.", [], width=50)
    assert snippet == "Short text with no match." and marks == ()


def test_snippet_cuts_at_word_boundaries() -> None:
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda"
    snippet, _ = make_snippet(text, [], width=20)
    assert snippet == "alpha beta gamma…"


def test_clean_drops_terminal_escapes_and_folds_whitespace() -> None:
    assert _clean("a\u001b[31m red\n\n b\u0007\u200b c\t") == "a[31m red b c"


@pytest.mark.parametrize(("query", "code"), [("", "NG406"), (" \n\t", "NG406"), ("\u001b\u0007", "NG406"),
                                             ("x" * (MAX_QUERY_CHARS + 1), "NG408")])
def test_check_query_refuses_empty_and_long(query: str, code: str) -> None:
    with pytest.raises(QueryError) as err:
        check_query(query)
    assert err.value.code == code


def test_check_query_keeps_syntax_characters() -> None:
    assert check_query('  "a*" AND (b) ') == '"a*" AND (b)'
