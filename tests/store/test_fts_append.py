"""The fts index kept current batch by batch: appended rows score exactly as a rebuild scores them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.pipeline import IngestOptions, ingest_records
from newsgraph.store import Batch, open_store, write_batch
from newsgraph.store.search import SearchFilter, append_fts, index_state, quote_top, rebuild_fts, text_top

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
