"""``store.search.plain_tokens`` gives, for any plain text (ASCII, or with news's usual other
characters: ``is_plain``), exactly what the fts index's own ``tokenize`` macro gives (the quote matching of a search relies on it to score quotes as the
index would)."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import given, settings, strategies as st

from newsgraph.store.search import fts_extension_path, is_plain, plain_tokens


@pytest.fixture(scope="module")
def conn() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"LOAD '{fts_extension_path()}'")
    con.execute("CREATE TABLE quote_text (id VARCHAR, content VARCHAR)")
    con.execute("INSERT INTO quote_text VALUES ('q1', 'a first quote')")
    con.execute("PRAGMA create_fts_index('quote_text', 'id', 'content', "
                "stemmer='porter', stopwords='english', strip_accents=1, lower=1, overwrite=1)")
    return con


def _duckdb_tokens(conn: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    return conn.execute("SELECT fts_main_quote_text.tokenize(?)", [text]).fetchone()[0]


WRITTEN = [
    "",
    " ",
    "Plain words, nothing else.",
    "\"We will not back down,\" she said -- twice.",
    "  leading and trailing  ",
    "...dots...and.more.dots...",
    "O'Brien's re-election: 52.4% (up 3pts) on 12/05/2024 #vote @party",
    "tabs\tand\nnewlines\r\nand\fform feeds",
    "vertical\x0btab and\x1cfile separators stay inside tokens",
    "UPPER lower MiXeD CamelCase",
    "back\\slash pipe|brace{x} bracket[y] caret^ tilde~ backtick` equals= plus+",
    "under_score and-hyphen and/slash",
    "1234 5678",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_plain_tokens_are_the_index_tokens_on_written_cases(conn: duckdb.DuckDBPyConnection, text: str) -> None:
    assert plain_tokens(text) == _duckdb_tokens(conn, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127, blacklist_characters="\x00"), max_size=80))
def test_plain_tokens_are_the_index_tokens_on_any_ascii(conn: duckdb.DuckDBPyConnection, text: str) -> None:
    assert plain_tokens(text) == _duckdb_tokens(conn, text)


def test_plain_tokens_refuse_other_text() -> None:
    for text in ("café", "CAFÉ", "İstanbul", "a\u00a0b", "wait…", "ﬁnance", "ǅemal", "ΣΟΦΌΣ", "soft\u00adhyphen", "e\u0301"):
        assert not is_plain(text)
        with pytest.raises(ValueError):
            plain_tokens(text)


# news's usual characters beside ASCII, which the tokenizer keeps as they are, and some it changes
_PLAIN = "£€¥’‘“”–—•°§¶ßłøæđħıœσς中文字ア한٣¿¡«»"
_OTHER = "éÉÀçÇñÑüÜİŁØÆ…\u00a0\u2009\u00ad\u0301ﬁǅΣ²½"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ q.,-'\"9_\t\n") + list(_PLAIN) + list(_OTHER)), max_size=40))
def test_plain_tokens_are_the_index_tokens_on_news_characters(conn: duckdb.DuckDBPyConnection, text: str) -> None:
    if is_plain(text):
        assert plain_tokens(text) == _duckdb_tokens(conn, text)
    else:
        assert any(c in _OTHER for c in text)


def test_news_punctuation_is_plain() -> None:
    assert all(is_plain(c) for c in _PLAIN)
    assert not any(is_plain(c) for c in _OTHER)


QUERIES = ["Blair", "the prime minister said on Monday", "  record-profits!! ", "U.S.-backed re-election",
           "of the and", "...", "Zürich bank rates", "naïve café", "tab\there", "x\x0by"]


@pytest.fixture(scope="module")
def store(conn: duckdb.DuckDBPyConnection):
    from newsgraph.store.connection import Store

    conn.execute("CREATE TABLE articles (id VARCHAR, title VARCHAR, deck VARCHAR, text VARCHAR)")
    conn.execute("INSERT INTO articles VALUES ('a1', 'Prime minister', NULL, 'Record profits were reported on Monday in Zürich.')")
    conn.execute("PRAGMA create_fts_index('articles', 'id', 'title', 'deck', 'text', "
                 "stemmer='porter', stopwords='english', strip_accents=1, lower=1, overwrite=1)")
    return Store(conn, "", read_only=False)


@pytest.mark.parametrize("query", QUERIES)
def test_query_terms_and_stems_are_what_the_index_macros_give(store, query: str) -> None:
    from newsgraph.store.search import ARTICLE_FTS, QUOTE_FTS, _query_stems, query_terms

    macro = store.rows(f"""SELECT t, stem(t, 'porter') FROM (SELECT unnest({ARTICLE_FTS}.tokenize(?)) AS t)
                           WHERE t NOT IN (SELECT sw FROM {ARTICLE_FTS}.stopwords) AND t <> ''""", [query])
    assert query_terms(store, query) == [tuple(r) for r in macro]
    for schema in (ARTICLE_FTS, QUOTE_FTS):
        sql, params = _query_stems(store, query, schema)
        ours = sorted(r[0] for r in store.rows(sql, params))
        theirs = sorted(r[0] for r in store.rows(f"SELECT stem(unnest({schema}.tokenize(?)), 'porter')", [query]))
        assert sorted(set(ours)) == sorted(set(theirs))


# Porter's suffixes, as words end in them after earlier steps (the stemmer's rules rewrite these)
_SUFFIXES = ["", "s", "ss", "ies", "sses", "ed", "ing", "eed", "at", "bl", "iz", "y", "ational", "tional", "enci",
             "anci", "izer", "abli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness",
             "fulness", "ousness", "aliti", "iviti", "biliti", "icate", "ative", "alize", "iciti", "ical", "ful", "ness",
             "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
             "iti", "ous", "ive", "ize", "e", "ll", "bility", "ly", "ies"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), st.sampled_from(_SUFFIXES),
       st.sampled_from(_SUFFIXES))
def test_a_porter_stem_keeps_the_word_but_its_last_letter(conn: duckdb.DuckDBPyConnection, root: str, one: str,
                                                          two: str) -> None:
    """What a search's marks rely on (``query.search.stem_marks``): a word's stem, but its last
    letter, begins the word; so only words beginning so are stemmed when a hit's text is marked."""
    word = root + one + two
    stem = conn.execute("SELECT stem(?, 'porter')", [word]).fetchone()[0]
    assert word.startswith(stem[:-1]), (word, stem)
