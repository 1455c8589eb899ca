"""The fts index kept current batch by batch: appended rows score exactly as a rebuild scores them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.pipeline import IngestOptions, ingest_records
from newsgraph.store import Batch, open_store, write_batch
from newsgraph.store.search import SearchFilter, append_fts, index_state, load_fts, quote_top, rebuild_fts, text_top

TEXTS = (
    "Wheat harvest falls after drought in the plains.", "Central bank raises interest rates again.",
    "Drought hits maize farmers; wheat prices rise.", "Rail strike called off after wage deal.",
    "Farmers protest as drought relief is delayed.", "The central bank held rates, its governor said.",
    "Drought, drought and more drought: a dry year for wheat.", "Strike over wages closes the port.",
)
QUERIES = ("drought", "wheat farmers", "central bank rates", "strike wages", "drought relief wheat prices")


def _article(i: int, text: str) -> Article:
    return Article(id=article_id(f"t{i}", text), title=f"Title {i}" if i % 2 else None, text=text,
                   source=SourcePointer(path=f"t{i}.txt", format=SourceFormat.TEXT, line=1))


def _scores(store) -> dict[str, list[tuple[str, float]]]:
    return {q: text_top(store, q, SearchFilter(), 20) for q in QUERIES}


def test_store_fts_append_scores_as_a_rebuild(tmp_path: Path) -> None:
    articles = [_article(i, t) for i, t in enumerate(TEXTS)]
    with open_store(tmp_path / "kb.duckdb") as store:
        write_batch(store, Batch(run_id="r1", articles=articles[:3]))
        assert append_fts(store, [a.id for a in articles[:3]]) is None  # no index yet: only a rebuild builds it
        assert rebuild_fts(store) == (3, 0)
        write_batch(store, Batch(run_id="r2", articles=articles[3:6]))
        write_batch(store, Batch(run_id="r3", articles=articles[6:]))
        assert not index_state(store, "m").fts_current
        assert append_fts(store, [a.id for a in articles[6:]]) is None  # r2's articles missing: behind
        assert append_fts(store, [a.id for a in articles[3:]]) == (5, 0)
        assert articles[3].id in {a for a, _ in text_top(store, "strike", SearchFilter(), 10)}
        assert append_fts(store, [a.id for a in articles[6:]]) == (0, 0)  # already there: nothing twice
        assert index_state(store, "m").fts_current
        appended = _scores(store)
        rebuild_fts(store)
        rebuilt = _scores(store)
    assert all(appended[q] for q in QUERIES)
    for q in QUERIES:
        assert [a for a, _ in appended[q]] == [a for a, _ in rebuilt[q]]
        assert [s for _, s in appended[q]] == pytest.approx([s for _, s in rebuilt[q]], abs=1e-9)


def test_pipeline_batches_are_appended_not_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    articles = [_article(i, t) for i, t in enumerate(TEXTS)]
    found_after_commit: list[bool] = []
    first = ingest_records(articles[:4], db=db, options=IngestOptions(batch_size=2, extract=False, embed=False))
    assert first.fts_rebuilds == 1  # the new base had no index: built once, at its first batch
    options = IngestOptions(batch_size=2, extract=False, embed=False)
    import newsgraph.pipeline as pipeline

    class Probe(pipeline.InProcess):
        def drive(self, writer, batches):  # noqa: ANN001 - the pipeline's own types
            def check(store, pending, facts):  # noqa: ANN001
                hits = {a for a, _ in text_top(store, pending.articles[0].text.split()[0], SearchFilter(), 20)}
                found_after_commit.append(pending.articles[0].id in hits)
            writer.after_commit.append(check)
            super().drive(writer, batches)

    second = ingest_records(articles[4:], db=db, options=options, runner=Probe())
    assert second.stored == 4 and second.fts_rebuilds == 0 and second.batches == 2
    assert found_after_commit == [True, True]  # searchable as soon as its batch was committed
    with open_store(db) as store:
        assert index_state(store, "m").fts_current
        appended = _scores(store)
        rebuild_fts(store)
        assert {q: [a for a, _ in r] for q, r in appended.items()} == {q: [a for a, _ in r] for q, r in _scores(store).items()}


def test_pipeline_quotes_are_appended_with_their_article(tmp_path: Path, short_news: list) -> None:
    db = tmp_path / "kb.duckdb"
    ingest_records(short_news[:4], db=db, options=IngestOptions(batch_size=4, extract=True, embed=False))
    summary = ingest_records(short_news[4:], db=db, options=IngestOptions(batch_size=2, extract=True, embed=False))
    assert summary.fts_rebuilds == 0
    with open_store(db) as store:
        ids = [r[0] for r in store.rows("SELECT id FROM articles")]
        before = quote_top(store, "strike wages harbour", ids, 20)
        rebuild_fts(store)
        after = quote_top(store, "strike wages harbour", ids, 20)
    assert before and [r[:2] for r in before] == [r[:2] for r in after]


def _extension_scores(store, table: str, schema: str, query: str, among: list[str]) -> dict[str, float]:
    """The fts extension's own match_bm25 over ``table``'s rows named in ``among``."""
    load_fts(store)
    rows = store.rows(f"SELECT id, {schema}.match_bm25(id, ?) AS s FROM {table} WHERE id IN (SELECT unnest(?))",
                      [query, among])
    return {name: float(score) for name, score in rows if score is not None}


def test_text_and_quote_scores_are_the_extensions_match_bm25(tmp_path: Path, short_news: list) -> None:
    db = tmp_path / "kb.duckdb"
    ingest_records(short_news, db=db, options=IngestOptions(batch_size=4, extract=True, embed=False))
    with open_store(db) as store:
        # text_top leaves duplicate copies out; the extension scores every row
        articles = [r[0] for r in store.rows("SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM duplicates)")]
        quotes = [r[0] for r in store.rows("SELECT id FROM quote_text")]
        assert quotes
        words = [w for (c,) in store.rows("SELECT content FROM quote_text") for w in c.split() if w.isalpha()]
        queries = ["strike wages", "harbour jobs region", "union drivers Monday", "rates inflation", "Ortiz",
                   " ".join(words[:3]), words[-1]]
        matched = 0
        for query in queries:
            expected = _extension_scores(store, "articles", "fts_main_articles", query, articles)
            assert expected or query == words[-1]
            assert dict(text_top(store, query, SearchFilter(), 100)) == pytest.approx(expected)
            expected = _extension_scores(store, "quote_text", "fts_main_quote_text", query, quotes)
            got = {qid: score for qid, _, score, _, _ in quote_top(store, query, articles, 100)}
            assert got == pytest.approx(expected)
            matched += bool(got)
        assert matched >= 2


def _term_order(store) -> tuple[int, bool]:
    """(rows counted as sorted in fts_order, whether the article index's terms lie in term order)."""
    ordered = store.scalar("SELECT ordered_rows FROM fts_order WHERE name = 'fts_main_articles'")
    termids = [r[0] for r in store.rows("SELECT termid FROM fts_main_articles.terms ORDER BY rowid")]
    return int(ordered), termids == sorted(termids)


def test_article_postings_stay_in_term_order_within_the_slack(tmp_path: Path) -> None:
    def code(i: int) -> str:  # a word of its own for each article (the fts tokenizer drops digits)
        return "zq" + chr(97 + i // 26) + chr(97 + i % 26)

    many = [_article(100 + i, f"{TEXTS[i % len(TEXTS)]} Report {code(i)} on the harvest.") for i in range(40)]
    with open_store(tmp_path / "kb.duckdb") as store:
        write_batch(store, Batch(run_id="r1", articles=many[:30]))
        rebuild_fts(store)
        rows, in_order = _term_order(store)
        assert in_order and rows == store.scalar("SELECT count(*) FROM fts_main_articles.terms")
        write_batch(store, Batch(run_id="r2", articles=many[30:31]))
        assert append_fts(store, [many[30].id]) == (1, 0)
        still, in_order = _term_order(store)
        assert still == rows and not in_order  # a small tail stays where it was appended
        assert many[30].id in {a for a, _ in text_top(store, f"report {code(30)}", SearchFilter(), 5)}
        write_batch(store, Batch(run_id="r3", articles=many[31:]))
        assert append_fts(store, [a.id for a in many[31:]]) == (9, 0)
        grown, in_order = _term_order(store)
        assert in_order and grown > rows  # past the slack: sorted again
        appended = _scores(store)
        rebuild_fts(store)
        assert {q: [a for a, _ in r] for q, r in appended.items()} == {q: [a for a, _ in r] for q, r in _scores(store).items()}
