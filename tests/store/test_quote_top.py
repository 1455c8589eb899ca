"""Quote matches in search: tokens stemmed only where a query term can be, scores as the index's."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.pipeline import IngestOptions, ingest_records
from newsgraph.store import open_store
from newsgraph.store.search import QUOTE_FTS, load_fts, quote_top

# words in many inflections, and words the stemmer rewrites at their end (y -> i, an added e)
WORDS = ("happy happier happiest happiness happily pay paid paying pays rising rises rose generalization "
         "generalizations sensibility sensible conditional conditionally relational relations ponies pony "
         "caresses agreed agreement feed feeding hopeful hopefulness electrical electricity operator operators "
         "valency valencies possibly gently formalize formalizing triplicate adjustable adjustment dependent "
         "monies money they may January slightly greatly naïve café résumé Zürich São Paulo's U.S.-backed "
         "well-being 2025's re-election co-operation O'Neill strikers' striking strikes struck")


def test_a_stem_but_its_last_letter_is_in_every_token_it_comes_from(tmp_path: Path) -> None:
    """What quote_top's filter rests on: every token of the index's tokenizer holds its own stem
    but the last letter (the Porter stemmer rewrites at most that letter of what it keeps)."""
    with open_store(tmp_path / "kb.duckdb") as store:
        load_fts(store)
        store.conn.execute("INSERT INTO quote_text (id, article_id, content) VALUES ('q1', 'a1', ?)", [WORDS])
        store.conn.execute("PRAGMA create_fts_index('quote_text', 'id', 'content', stemmer='porter', stopwords='english', "
                           "strip_accents=1, lower=1, overwrite=1)")  # the quote index as the store builds it
        pairs = store.rows(f"SELECT w, stem(w, 'porter') FROM (SELECT unnest({QUOTE_FTS}.tokenize(?)) AS w) WHERE w <> ''", [WORDS])
    assert len(pairs) > 60
    assert [(w, s) for w, s in pairs if s[:-1] not in w] == []
    assert any(s not in w for w, s in pairs)  # the stemmer does rewrite last letters ("happi"): the filter is needed


QUOTES = (
    ("Prices are rising and happiness is falling,", "said Ana Ruiz, the café owner."),
    ("We paid the happiest workers in Zürich,", "said Tom Webb, a union official."),
    ("The strikers' demands are sensible,", "said Lena Vogt, a spokeswoman for the naïve investors."),
    ("Nothing about money here,", "said Ravi Patel, a farmer."),
)


def _news() -> list[Article]:
    out = []
    for i, (content, tail) in enumerate(QUOTES):
        text = f"Report number {i} from the region.\n\n\u201c{content}\u201d {tail}\n\nMore follows."
        out.append(Article(id=article_id(f"q{i}", text), title=f"Report {i}", text=text,
                           source=SourcePointer(path=f"q{i}.txt", format=SourceFormat.TEXT, line=1)))
    return out


QUERIES = ("rise", "happy", "happiest", "pay", "cafe", "zurich", "sensibility", "striker", "naive", "money", "the",
           "happiness money", "Workers RISING")


def test_quote_top_finds_the_inflections_and_scores_as_the_extension(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    articles = _news()
    ingest_records(articles, db=db, options=IngestOptions(batch_size=4, extract=True, embed=False))
    found: dict[str, set[int]] = {}
    with open_store(db) as store:
        ids = [a.id for a in articles]
        load_fts(store)
        for query in QUERIES:
            got = quote_top(store, query, ids, 100)
            expected = {r[0]: float(r[1]) for r in store.rows(
                f"SELECT id, {QUOTE_FTS}.match_bm25(id, ?) AS s FROM quote_text WHERE s IS NOT NULL", [query])}
            assert {qid: score for qid, _, score, _, _ in got} == pytest.approx(expected), query
            assert [s for _, _, s, _, _ in got] == sorted((s for _, _, s, _, _ in got), reverse=True)
            assert all(speaker for *_, speaker in got)
            found[query] = {ids.index(aid) for _, aid, _, _, _ in got}
        assert quote_top(store, "happiness money", ids, 1) == quote_top(store, "happiness money", ids, 100)[:1]
    # the inflected forms and the accents are found, the stopwords are not
    assert found["rise"] == {0} and found["Workers RISING"] == {0, 1} and found["happy"] == {0}
    assert found["zurich"] == {1} and found["striker"] == {2} and found["money"] == {3}
    assert found["happiness money"] == {0, 3} and found["the"] == set()


def test_only_quotes_that_can_hold_a_query_term_are_tokenised() -> None:
    from newsgraph.store.search import _may_hold

    assert _may_hold("Prices are RISING fast", {"ris"}) and not _may_hold("Prices are falling", {"ris"})
    assert _may_hold("anything at all", {""})  # a one-letter term: every quote
    assert _may_hold("Le café est fermé", {"cafe"})  # accents: DuckDB strips them, so DuckDB decides
    assert not _may_hold("", {"ris"})


def _speakers_of_quotes(store) -> dict[str, str]:  # noqa: ANN001 - a Store
    """Each quote's speaker as a hit shows it, read from the quotes themselves."""
    return dict(store.rows("SELECT id, any_value(coalesce(description, speaker_text)) FROM quotes GROUP BY id"))


def test_each_quote_comes_with_its_own_speaker_also_after_an_append_and_an_upgrade(tmp_path: Path) -> None:
    """quote_top reads a quote's speaker beside its text (quote_text.speaker): the one the quote
    has, whether the index was built whole, appended to batch by batch, or made before the column
    existed and filled by the migration."""
    import duckdb

    from newsgraph.store.schema import MIGRATIONS, _V_QUOTE_SPEAKER

    db = tmp_path / "kb.duckdb"
    articles = _news()
    # two batches: the second is appended to the index the first built
    ingest_records(articles[:2], db=db, options=IngestOptions(batch_size=4, extract=True, embed=False))
    ingest_records(articles[2:], db=db, options=IngestOptions(batch_size=4, extract=True, embed=False))
    ids = [a.id for a in articles]

    def shown() -> dict[str, str | None]:
        with open_store(db) as store:
            load_fts(store)
            got = {qid: speaker for query in ("happy money zurich", "striker pay rising")
                   for qid, _, _, _, speaker in quote_top(store, query, ids, 100)}
            assert got and {q: s for q, s in _speakers_of_quotes(store).items() if q in got} == got
            return got

    before = shown()
    assert len(before) == 4 and all(before.values())
    assert {s.split(",")[0] for s in before.values()} >= {"Ana Ruiz", "Tom Webb"}  # each quote's own, not a neighbour's
    # a base made before the column: the column dropped (its index around it, as DuckDB asks), the version rolled back
    con = duckdb.connect(str(db))
    indexes = con.execute("SELECT index_name, sql FROM duckdb_indexes() WHERE table_name = 'quote_text'").fetchall()
    for name, _ in indexes:
        con.execute(f"DROP INDEX {name}")
    con.execute("ALTER TABLE quote_text DROP COLUMN speaker")
    for _, sql in indexes:
        con.execute(sql)
    con.execute("DELETE FROM schema_version WHERE version = ?", [MIGRATIONS.index(_V_QUOTE_SPEAKER) + 1])
    con.close()
    assert shown() == before  # open_store migrated it: the speakers filled from the quotes
