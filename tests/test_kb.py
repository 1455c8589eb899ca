"""The Python API: newsgraph.open, KnowledgeBase and Results, over the examples' knowledge base."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import newsgraph
from newsgraph import query
from newsgraph.errors import NewsgraphError
from newsgraph.kb import _feature
from newsgraph.model import Entity, Quote


@pytest.fixture(scope="module")
def kb(examples_kb: Path):
    with newsgraph.open(examples_kb, read_only=True) as opened:
        yield opened


def _code(fn, *args, **kwargs) -> str:
    with pytest.raises(NewsgraphError) as info:
        fn(*args, **kwargs)
    return info.value.code


def test_kb_open_is_the_public_api() -> None:
    assert {"open", "KnowledgeBase", "Results"} <= set(newsgraph.__all__)
    assert newsgraph.open is newsgraph.kb.open


def test_kb_open_refuses_missing_or_foreign_files(tmp_path: Path) -> None:
    assert _code(newsgraph.open, tmp_path / "missing.duckdb", read_only=True) == "NG301"
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    assert _code(newsgraph.open, junk) == "NG301"
    assert not (tmp_path / "missing.duckdb").exists()


def test_kb_read_only_refuses_ingest(kb: newsgraph.KnowledgeBase) -> None:
    assert _code(kb.ingest, ["examples/"]) == "NG421"


def test_kb_ingest_creates_and_reingest_changes_nothing(tmp_path: Path) -> None:
    kb = newsgraph.open(tmp_path / "new.duckdb")
    first = kb.ingest(Path(__file__).parent / "data" / "jsonl", nlp=False)
    again = kb.ingest([Path(__file__).parent / "data" / "jsonl"], nlp=False)
    assert first.stored > 0 and again.stored == 0 and again.unchanged == first.stored
    assert len(kb.articles()) == first.stored and kb.verify().ok


def test_kb_listings_are_results_of_model_objects(kb: newsgraph.KnowledgeBase, examples_kb: Path) -> None:
    people = kb.entities(type="PERSON")
    assert isinstance(people, newsgraph.Results) and people and all(isinstance(e, Entity) for e in people)
    assert [e.id for e in people] == [e.id for e in query.list_entities(examples_kb, type="PERSON")]
    assert len(kb.entities(limit=2)) == 2
    quotes = kb.quotes()
    assert quotes and all(isinstance(q, Quote) for q in quotes)
    assert any(q.speaker.anonymous for q in kb.quotes(anonymous=True))
    assert len(kb.times()) == len(kb.times(resolved=True)) + len(kb.times(resolved=False))
    assert kb.log(code="NG113")[0].code == "NG113"


def test_kb_results_convert_to_records_pandas_and_arrow(kb: newsgraph.KnowledgeBase, examples_kb: Path) -> None:
    events = kb.events(all=True)
    exported = query.export_records(examples_kb)
    assert events.to_records() == exported["events"]
    frame = events.to_pandas()
    assert len(frame) == len(events) and frame["id"].tolist() == [e.id for e in events]
    table = kb.quotes().to_arrow()
    assert table.num_rows == len(kb.quotes())
    assert table.column("speaker").to_pylist()[0]["text"] == kb.quotes()[0].speaker.evidence.text
    logs = kb.log().to_pandas()
    assert set(logs.columns) >= {"code", "reason", "time"}


def test_kb_frames_missing_is_a_coded_error(kb: newsgraph.KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert _code(kb.entities().to_pandas) == "NG422"
    assert _code(kb.entities().to_arrow) == "NG422"


def test_kb_unknown_ids_are_coded_errors(kb: newsgraph.KnowledgeBase) -> None:
    assert _code(kb.article, "art_nothing") == "NG401"
    assert _code(kb.brief, "art_nothing") == "NG401"
    assert _code(kb.entity, "Nobody At All") == "NG402"


def test_kb_lookups_return_details(kb: newsgraph.KnowledgeBase) -> None:
    article = kb.articles()[0]
    assert kb.article(article.id).article == article
    assert kb.brief(article.id).article.id == article.id
    person = kb.entities(type="PERSON")[0]
    assert kb.entity(person.name).entity.id == person.id


def test_kb_a_part_not_installed_is_ng420() -> None:
    assert _code(_feature, "newsgraph.query.not_a_part", "search", "a part") == "NG420"
    assert _code(_feature, "newsgraph.query.facts", "not_a_function", "a part") == "NG420"
    assert _feature("newsgraph.query.facts", "find_quotes", "quotes") is query.find_quotes


def test_kb_export_writes_files(kb: newsgraph.KnowledgeBase, tmp_path: Path) -> None:
    written = kb.export("jsonl", tmp_path / "out")
    assert {p.name for p in written} >= {"articles.jsonl", "stories.jsonl"}
    shutil.rmtree(tmp_path / "out")
