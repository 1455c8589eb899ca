"""The local process pool: the same knowledge base as one process, bounded work in flight, and a
worker killed mid-batch loses and doubles nothing."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from newsgraph.pipeline import InProcess, IngestOptions, ingest_records
from newsgraph.query import export_records, ingest_log
from newsgraph.runner import ProcessRunner, make
from newsgraph.store import counts, open_store, read_duplicates

OPTIONS = IngestOptions(batch_size=2, extract=True)



@pytest.fixture(scope="module")
def pool() -> ProcessRunner:
    """Two workers kept alive across this module's runs (each loads the model once)."""
    with ProcessRunner(2, window=3, keep=True) as runner:  # window 3 < 5 batches: back-pressure at work
        yield runner


def test_process_runner_gives_the_same_knowledge_base_as_one_process(tmp_path: Path, pool, short_news, short_news_kb, verified,
                                                                    same_vectors, same_text_index) -> None:
    db = tmp_path / "kb.duckdb"
    summary = ingest_records(iter(short_news), db=db, options=OPTIONS, runner=pool)
    assert (summary.read, summary.stored, summary.duplicates, summary.extracted, summary.batches) == (10, 8, 2, 8, 5)
    assert export_records(db) == export_records(short_news_kb)
    with open_store(db, read_only=True) as a, open_store(short_news_kb, read_only=True) as b:
        assert counts(a) == counts(b)
        assert {(d.article_id, d.duplicate_of, str(d.kind)) for d in read_duplicates(a)} == \
            {(d.article_id, d.duplicate_of, str(d.kind)) for d in read_duplicates(b)}
    exported = export_records(db)
    ortiz = [e for e in exported["entities"] if e["name"] == "Lena Ortiz"]
    assert len(ortiz) == 1 and len(ortiz[0]["article_ids"]) >= 3  # one identity across batches
    assert summary.embedded == 8
    same_vectors(db, short_news_kb)  # computed in the workers, written by the parent
    assert summary.fts_rebuilds == 1  # built at the first batch (a new base), then each batch appended
    same_text_index(db, short_news_kb)
    verified(db)


def test_process_runner_killed_worker_batch_is_run_again_and_nothing_lost_or_doubled(tmp_path: Path, pool, short_news, short_news_kb) -> None:
    def kill_first_try_of_batch_1(pid: int, batch: int, attempt: int) -> None:
        if batch == 1 and attempt == 0:
            os.kill(pid, signal.SIGKILL)

    pool.on_dispatch = kill_first_try_of_batch_1
    try:
        db = tmp_path / "kb.duckdb"
        restarts = pool.restarts
        summary = ingest_records(iter(short_news), db=db, options=OPTIONS, runner=pool)
    finally:
        pool.on_dispatch = None
    assert pool.restarts == restarts + 1
    assert (summary.stored, summary.extracted, summary.skipped) == (8, 8, {"NG210": 1})
    [entry] = ingest_log(db, code="NG210")
    assert "died while extracting batch 1 (killed by signal 9); the batch was run again" in entry.reason
    exported, clean = export_records(db), export_records(short_news_kb)
    assert exported == clean


def test_process_runner_worker_killed_twice_logs_the_batch_as_ng211_and_goes_on(tmp_path: Path, pool, short_news, short_news_kb,
                                                                               verified, same_vectors) -> None:
    def kill_batch_2(pid: int, batch: int, attempt: int) -> None:
        if batch == 2:
            os.kill(pid, signal.SIGKILL)

    pool.on_dispatch = kill_batch_2
    try:
        db = tmp_path / "kb.duckdb"
        summary = ingest_records(iter(short_news), db=db, options=OPTIONS, runner=pool)
    finally:
        pool.on_dispatch = None
    lost = [a.id for a in short_news[4:6]]  # batch 2: articles 4 and 5 (5 is an exact copy, not extracted)
    assert (summary.stored, summary.extracted) == (8, 7)
    assert summary.skipped == {"NG210": 1, "NG211": 1}
    [entry] = ingest_log(db, code="NG211")
    assert entry.article_id == lost[0]
    assert entry.reason.startswith("extraction lost: a worker died twice on this article's batch (killed by signal 9)")
    exported = export_records(db)
    assert len(exported["articles"]) == 8
    same_vectors(db, short_news_kb)  # the lost batch's vectors computed by the writer instead
    assert not [m for m in exported["mentions"] if m["article_id"] == lost[0]]
    assert {m["article_id"] for m in exported["mentions"]} >= {a.id for a in short_news[6:]} - {short_news[7].id}
    verified(db)


def test_process_runner_holds_at_most_its_window_of_batches_in_flight(tmp_path: Path, pool, short_news) -> None:
    from newsgraph import pipeline

    seen: list[int] = []
    real_commit = pipeline.Writer.commit

    def commit(self, pending, extracted):  # noqa: ANN001, ANN202
        seen.append(len(self.in_flight.batches))
        return real_commit(self, pending, extracted)

    pipeline.Writer.commit = commit  # type: ignore[method-assign]
    try:
        ingest_records(iter(short_news), db=tmp_path / "kb.duckdb", options=OPTIONS, runner=pool)
    finally:
        pipeline.Writer.commit = real_commit  # type: ignore[method-assign]
    assert len(seen) == 5 and max(seen) == pool.window


@pytest.mark.parametrize("runner", ["in-process", "pool"])
def test_the_ner_setting_reaches_the_extractor_whichever_runs_it(tmp_path: Path, monkeypatch, short_news, runner: str) -> None:
    """The writer reads ``ner`` once, in the caller; the pool's workers get that value (not their own
    environment's): a value they must refuse (NG463) stops the run the same way in both."""
    from newsgraph.errors import NlpError

    monkeypatch.setenv("NEWSGRAPH_NER", "no-such-recogniser")
    chosen = InProcess() if runner == "in-process" else ProcessRunner(2, window=3)
    with pytest.raises(NlpError) as raised:
        ingest_records(iter(short_news), db=tmp_path / "kb.duckdb", options=OPTIONS, runner=chosen)
    assert raised.value.code == "NG463" and "no-such-recogniser" in raised.value.message


@pytest.mark.parametrize(("args", "message"), [
    (dict(workers=-1), "error NG115: --workers must be 0 (one a core) or more, got -1"),
    (dict(address="auto"), "error NG115: --address and --keep-parquet need --engine ray"),
])
def test_make_refuses_bad_runner_options(args: dict, message: str) -> None:
    from newsgraph.errors import InputError

    with pytest.raises(InputError) as info:
        make("local", **args)
    assert info.value.render().startswith(message)


def test_make_picks_one_worker_a_core_by_default(monkeypatch) -> None:
    from newsgraph.runner import cores

    monkeypatch.delenv("NEWSGRAPH_WORKERS", raising=False)
    runner = make("local")
    assert (isinstance(runner, ProcessRunner) and runner.workers == cores()) or (cores() == 1 and isinstance(runner, InProcess))
    assert isinstance(make("local", workers=1), InProcess)
    monkeypatch.setenv("NEWSGRAPH_WORKERS", "3")
    assert make("local").workers == 3


def test_cli_ingest_with_two_workers_equals_one_process(tmp_path: Path, newsgraph, verified, short_news) -> None:
    from newsgraph import pipeline

    dump = tmp_path / "news.jsonl"
    dump.write_text("".join(f'{{"title": "Item {i}", "text": "{a.text}"}}\n' for i, a in enumerate(short_news)), encoding="utf-8")
    proc = newsgraph("ingest", dump, "--db", tmp_path / "w2.duckdb", "--workers", "2", "--batch-size", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    pipeline.ingest([str(dump)], db=tmp_path / "w1.duckdb", extract=True, batch_size=3)  # in this process
    assert export_records(tmp_path / "w1.duckdb") == export_records(tmp_path / "w2.duckdb")
    verified(tmp_path / "w2.duckdb")


def test_cli_workers_that_cannot_load_the_model_stop_the_run_with_ng201(tmp_path: Path, newsgraph, newsgraph_env) -> None:
    dump = tmp_path / "one.txt"
    dump.write_text("Mayor Lena Ortiz opened the new harbour on Friday.\n\nThe rail union said on Monday it would strike.\n",
                    encoding="utf-8")
    env = dict(newsgraph_env, NEWSGRAPH_MODEL=str(tmp_path / "no-such-model"))
    proc = newsgraph("ingest", dump, "--db", tmp_path / "kb.duckdb", "--workers", "2", "--batch-size", "1", env=env)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"error NG201: cannot load spaCy model {tmp_path / 'no-such-model'}")
    assert "Traceback" not in proc.stderr
