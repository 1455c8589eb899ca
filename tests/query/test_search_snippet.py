"""Snippets, query checks and the search record, without a knowledge base."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import QueryError
from newsgraph.query.search import MAX_QUERY_CHARS, _clean, check_query, make_snippet, stem_marks


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


def _marks_word_by_word(text: str, query_stems: set[str], word_stems: dict[str, str]) -> list[tuple[int, int, str]]:
    """The definition the marks keep: each ``\\w`` run whose lower-cased form stems to a query stem."""
    return [(m.start(), m.end(), word_stems[m.group().lower()]) for m in re.finditer(r"\w+", text)
            if word_stems.get(m.group().lower()) in query_stems]


def _stem(word: str) -> str:  # a stand-in stemmer: the marks depend only on the word → stem table
    return word[:4]


_PIECES = ["Blair", "BLAIR", "blairs", "Blairite", "İstanbul", "istanbul", "STRASSE", "straße", "ﬁnance", "finance",
           "x", "a.b", "Ǆemal", "ǆemal", "σοφός", "ΣΟΦΌΣ", "(", "'s", "_", "blair_", "9blair", "Blair9", "\u0301", "é", "É"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30),
       st.lists(st.sampled_from([" ", "", "-", "’", "\u00a0", "_", ".", "'", "'A"]), min_size=30, max_size=30),
       st.sets(st.sampled_from(["blai", "ista", "stra", "fina", "ǆema", "σοφό", "9bla", "é"]), max_size=4))
def test_marks_are_the_words_whose_stem_is_searched(parts: list[str], glue: list[str], query_stems: set[str]) -> None:
    text = "".join(p + g for p, g in zip(parts, glue))
    written = set(re.findall(r"\w+", text))
    word_stems = {w.lower(): _stem(w.lower()) for w in written}
    asked: list[str] = []

    def stem_of(words: object) -> dict[str, str]:
        asked.extend(words)  # type: ignore[call-overload]
        return {w: word_stems[w] for w in asked}

    assert stem_marks({"t": text}, query_stems, stem_of) == {"t": _marks_word_by_word(text, query_stems, word_stems)}
    if len(text.lower()) == len(text) and "\u03a3" not in text and query_stems:  # only the words that can stem to a query stem are stemmed
        assert all(any(w.startswith(q[:-1]) for q in query_stems) for w in asked)
