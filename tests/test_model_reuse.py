"""An in-process run hands its loaded models to the next one (``Extractor.release``): the next
extractor with the same settings takes them instead of loading spaCy again, its facts are the ones
freshly loaded models give, and different settings never share them."""

from __future__ import annotations

import pytest

from newsgraph import pipeline
from newsgraph.model import Article, SourceFormat, SourcePointer, article_id

HARBOUR = ("Harbour plan approved\n\nMayor Lena Ortiz of Valparaíso said on Friday that the council would "
           "spend $4 million on the harbour. \"It is long overdue,\" she told reporters.\n")
RAIL = ("Rail strike called\n\nThe drivers' union RMT said on Monday that its members would strike next week "
        "after talks with Network Rail broke down in London.\n")


def _article(number: int, text: str) -> Article:
    path = f"reuse/{number}.txt"
    return Article(id=article_id(path, text), source=SourcePointer(path=path, format=SourceFormat.TEXT, line=1), text=text)


@pytest.fixture(autouse=True)
def _no_idle_models():
    pipeline.release_models()
    yield
    pipeline.release_models()


def _facts(extractor: pipeline.Extractor, article: Article):  # noqa: ANN202
    [facts] = extractor([article]).facts
    return facts


def test_a_released_extractor_hands_its_models_to_the_next_and_the_facts_are_the_same() -> None:
    harbour, rail = _article(1, HARBOUR), _article(2, RAIL)
    fresh = pipeline.Extractor(embed=False)
    first = _facts(fresh, harbour)
    loaded = fresh.nlp
    fresh.release()
    assert fresh.nlp is None

    reused = pipeline.Extractor(embed=False)
    _facts(reused, rail)  # the models read another article in between: they carry nothing over
    assert reused.nlp is loaded
    again = _facts(reused, harbour)
    reused.release()
    assert again == first
    assert first.entities and first.quotes  # the comparison is over real facts


def test_models_are_taken_not_shared_and_other_settings_load_their_own() -> None:
    one = pipeline.Extractor(embed=False)
    one.load()
    loaded = one.nlp
    one.release()

    taker = pipeline.Extractor(embed=False)
    taker.load()
    assert taker.nlp is loaded
    second = pipeline.Extractor(embed=False)  # a run at the same time as ``taker``: loads its own
    second.load()
    assert second.nlp is not loaded

    combined = pipeline.Extractor(embed=False, ner="combined")
    combined.load()
    assert combined.nlp is not loaded and "newsgraph_recogniser" in combined.nlp.pipe_names
    for extractor in (taker, second, combined):
        extractor.release()
    assert len(pipeline._IDLE_MODELS) == 1  # one idle set at most: the last released


def test_a_pipeline_whose_strings_grew_too_many_is_not_kept(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "_KEEP_STRINGS", 10)
    extractor = pipeline.Extractor(embed=False)
    _facts(extractor, _article(3, RAIL))
    extractor.release()
    assert pipeline._IDLE_MODELS == {}


def test_in_process_ingests_reuse_the_models_and_the_base_is_the_one_fresh_runs_give(tmp_path) -> None:
    from newsgraph.query import export_records

    texts = [tmp_path / "a.txt", tmp_path / "b.txt"]
    texts[0].write_text(HARBOUR, encoding="utf-8")
    texts[1].write_text(RAIL, encoding="utf-8")
    reused_db, fresh_db = tmp_path / "reused.duckdb", tmp_path / "fresh.duckdb"
    pipeline.ingest([str(texts[0])], db=reused_db, embed=False)
    [(key, (kept, _, _))] = pipeline._IDLE_MODELS.items()
    pipeline.ingest([str(texts[1])], db=reused_db, embed=False)
    assert next(iter(pipeline._IDLE_MODELS.values()))[0] is kept  # the second run took and gave back the same

    pipeline.ingest([str(texts[0])], db=fresh_db, embed=False)
    pipeline.release_models()
    pipeline.ingest([str(texts[1])], db=fresh_db, embed=False)
    assert export_records(reused_db) == export_records(fresh_db)
