"""The pipeline: batches, de-duplication across batches and runs, idempotence, kill -9 and re-run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.model import Article, Skip, SourceFormat, SourcePointer, article_id
from newsgraph.pipeline import IngestOptions, ingest_records
from newsgraph.query import export_records
from newsgraph.store import counts, open_store, read_duplicates, read_log

WORDS = [f"w{i}" for i in range(4000)]
NO_NLP = IngestOptions(extract=False)


def text_of(seed: int, n: int = 150) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def art(text: str, path: str) -> Article:
    return Article(id=article_id(path, text), source=SourcePointer(path=path, format=SourceFormat.TEXT, line=1), text=text)


def corpus() -> list[Article]:
    """30 distinct articles, then 10 exact and 10 near copies of earlier ones, interleaved."""
    base = [art(text_of(i), f"orig/{i}.txt") for i in range(30)]
    out = list(base)
    for i in range(10):
        out.insert(5 + 3 * i, art("  " + base[i].text.replace(" ", "\n", 3), f"exact/{i}.txt"))
        words = base[i + 10].text.split()
        words[:6] = [f"changed{j}" for j in range(6)]
        out.append(art(" ".join(words), f"near/{i}.txt"))
    return out


def dup_pairs(db: Path) -> set[tuple[str, str, str]]:
    with open_store(db, read_only=True) as store:
        return {(d.article_id, d.duplicate_of, str(d.kind)) for d in read_duplicates(store)}


@pytest.mark.parametrize("batch_size", [1, 4, 1000])
def test_ingest_records_finds_the_same_duplicates_whatever_the_batch_size(tmp_path: Path, batch_size: int, verified) -> None:
    summary = ingest_records(iter(corpus()), db=tmp_path / "kb.duckdb", options=IngestOptions(batch_size=batch_size, extract=False))
    assert (summary.read, summary.stored, summary.duplicates, summary.unchanged) == (50, 30, 20, 0)
    pairs = dup_pairs(tmp_path / "kb.duckdb")
    assert len({p for p in pairs if p[2] == "exact"}) == 10 and len({p for p in pairs if p[2] == "near"}) == 10
    assert all(d.startswith("art_") for _, d, _ in pairs)
    with open_store(tmp_path / "kb.duckdb", read_only=True) as store:
        assert sorted(e.code for e in read_log(store)) == ["NG120"] * 10 + ["NG121"] * 10
    verified(tmp_path / "kb.duckdb")


def test_ingest_records_detects_duplicates_of_articles_stored_by_an_earlier_run(tmp_path: Path) -> None:
    items = corpus()
    db = tmp_path / "kb.duckdb"
    first = ingest_records(iter([a for a in items if a.source.path.startswith("orig/")]), db=db, options=NO_NLP)
    second = ingest_records(iter([a for a in items if not a.source.path.startswith("orig/")]), db=db, options=NO_NLP)
    assert (first.stored, first.duplicates) == (30, 0)
    assert (second.stored, second.duplicates) == (0, 20)
    one_run = tmp_path / "one.duckdb"
    ingest_records(iter(items), db=one_run, options=NO_NLP)
    assert dup_pairs(db) == dup_pairs(one_run)


def test_ingest_records_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    records: list[Article | Skip] = [*corpus(), Skip(source="x.bin", code="NG104", reason="binary")]
    ingest_records(iter(records), db=db, options=IngestOptions(batch_size=7, extract=False))
    with open_store(db, read_only=True) as store:
        before = counts(store)
    exported = export_records(db)
    again = ingest_records(iter(records), db=db, options=IngestOptions(batch_size=7, extract=False))
    assert (again.read, again.stored, again.duplicates, again.unchanged, again.skipped) == (50, 0, 0, 50, {"NG104": 1})
    with open_store(db, read_only=True) as store:
        assert counts(store) == before
    assert export_records(db) == exported


def test_ingest_records_logs_an_empty_article_as_ng114(tmp_path: Path) -> None:
    summary = ingest_records(iter([art(" \n ", "blank.txt"), art("Real text.", "real.txt")]), db=tmp_path / "kb.duckdb",
                             options=NO_NLP)
    assert (summary.read, summary.stored, summary.skipped) == (1, 1, {"NG114": 1})


def write_inputs(folder: Path, files: int, per_file: int) -> None:
    folder.mkdir()
    for f in range(files):
        lines = [json.dumps({"title": f"Item {f}-{r}", "text": text_of(f * 1000 + r, 60)}) for r in range(per_file)]
        (folder / f"part{f:04d}.jsonl").write_text("\n".join(lines) + "\n")


def test_ingest_killed_mid_run_then_rerun_equals_a_clean_run(tmp_path: Path, newsgraph, newsgraph_env, verified) -> None:
    inputs = tmp_path / "inputs"
    write_inputs(inputs, files=30, per_file=10)  # 300 articles, 30 batches of 10
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    started = time.monotonic()
    assert newsgraph("ingest", inputs, "--db", clean, "--batch-size", "10", "--json").returncode == 0
    took = time.monotonic() - started

    # SIGKILL part-way through, timed by the clean run on this machine (the writer checkpoints as
    # it goes, so the WAL's size says nothing); a kill that lands before the first or after the
    # last commit is tried again later or earlier
    partial, fraction = 0, 0.6
    for _ in range(4):
        for leftover in (killed, Path(str(killed) + ".wal")):
            leftover.unlink(missing_ok=True)
        proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(inputs), "--db", str(killed),
                                 "--batch-size", "10", "--json"], env=newsgraph_env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(took * fraction)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        partial = 0
        if killed.exists():
            with open_store(killed, read_only=True) as store:
                partial = counts(store)["articles"]
        if 0 < partial < 300:
            break
        fraction = fraction * 0.6 if partial else min(0.95, fraction + 0.2)
    assert 0 < partial < 300, f"the kill did not land mid-run ({partial} articles stored)"

    rerun = newsgraph("ingest", inputs, "--db", killed, "--batch-size", "10", "--json")
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["unchanged"] == partial and summary["stored"] + summary["unchanged"] == 300
    with open_store(clean, read_only=True) as a, open_store(killed, read_only=True) as b:
        assert counts(a) == counts(b)
        ids = "SELECT id, text, seq IS NOT NULL FROM articles ORDER BY id"
        assert a.rows(ids) == b.rows(ids)
    assert export_records(clean) == export_records(killed)
    # each story read by its key (the indexes, not a scan): rows written again on top of the killed
    # run's replayed log once went missing from the story_id index
    from newsgraph.query import list_stories, story_detail

    with open_store(clean, read_only=True) as a, open_store(killed, read_only=True) as b:
        stories = list_stories(a)
        assert len(stories) > 10
        for story in stories:
            assert story_detail(b, story.id).story.article_ids == story_detail(a, story.id).story.article_ids
    verified(killed)


def test_pipeline_extraction_failure_on_one_article_is_logged_and_the_rest_extracted(tmp_path, monkeypatch) -> None:
    """A component that breaks on one article (as a bug met on untrusted text would) costs that
    article its facts, logged as NG202, and nothing else."""
    from spacy.language import Language

    from newsgraph import nlp, pipeline
    from newsgraph.query import find_articles, ingest_log, verify

    if "test_breaks_on_marker" not in Language.factories:
        @Language.component("test_breaks_on_marker")
        def _breaks(doc):  # noqa: ANN001, ANN202
            if "Zorblax" in doc.text:
                raise ValueError("component broke")
            return doc

    real_load = nlp.load_pipeline

    def load_with_a_breaking_component(model=None, ner=None):  # noqa: ANN001, ANN202
        loaded = real_load(model, ner=ner)
        loaded.add_pipe("test_breaks_on_marker", first=True)
        return loaded

    monkeypatch.setattr(nlp, "load_pipeline", load_with_a_breaking_component)
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        '{"title": "Harbour", "text": "Mayor Lena Ortiz opened the new harbour on Friday, officials said."}\n'
        '{"title": "Bad", "text": "Zorblax is a word that breaks the test component."}\n'
        '{"title": "Rail", "text": "The rail union said on Monday that drivers would strike next week."}\n',
        encoding="utf-8",
    )
    db = tmp_path / "kb.duckdb"
    summary = pipeline.ingest([str(dump)], db=db, extract=True)
    assert (summary.stored, summary.extracted, summary.skipped) == (3, 2, {"NG202": 1})
    [entry] = ingest_log(db, code="NG202")
    assert entry.reason == "extraction failed (ValueError: component broke); stored without facts"
    assert len(find_articles(db)) == 3
    assert verify(db).ok
