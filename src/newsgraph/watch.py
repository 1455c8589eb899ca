"""``newsgraph watch DIR``: ingest the new and changed files of a folder as they appear.

Each scan lists the folder's files (recursively, hidden ones left out) with their modification
time and size, and takes those that differ from what the store's ``watched_files`` table records
and that have settled (the same time and size in two scans in a row, so a file still being
written is not read half-way). They are ingested in one run; once the run has finished, their
time and size are recorded. Stopping (``stop`` set, e.g. by SIGTERM or Ctrl-C) takes effect at
the next batch boundary: every batch already written is whole, the interrupted run's files stay
unrecorded, and the next ``watch`` or ``ingest`` reads them again (deterministic ids: the
articles already stored are counted unchanged, nothing is doubled).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from newsgraph import pipeline
from newsgraph.errors import QueryError, StoreError
from newsgraph.store import open_store, record_watched, watched_files

FileState = tuple[str, int, int]  # path, mtime in ns, size


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchBatch:
    """A batch committed by a watch's ingest run, or the run's end.

    Attributes:
        time: when (UTC).
        run: the watch's run number (1, 2, ...), one run a scan that found new or changed files.
        files: the files that run ingests.
        summary: the run's summary so far (``summary.batches`` batches committed).
        state: ``batch`` (a batch was committed), ``done`` (the run finished and its files are
            recorded) or ``stopped`` (stopped at a batch boundary; its files are read again next time).
    """

    time: datetime
    run: int
    files: tuple[str, ...]
    summary: pipeline.IngestSummary
    state: str


class _Stopped(Exception):
    """Raised at a batch boundary once a stop was asked for."""


def scan(folder: Path) -> dict[str, tuple[int, int]]:
    """Every regular, non-hidden file under ``folder``: absolute path → (mtime in ns, size)."""
    found: dict[str, tuple[int, int]] = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            try:
                st = os.stat(path)
            except OSError:
                continue  # removed between listing and stat: the next scan sees the folder as it is
            found[os.path.abspath(path)] = (st.st_mtime_ns, st.st_size)
    return found


def changed(db: str | Path, now: dict[str, tuple[int, int]], before: dict[str, tuple[int, int]]) -> list[FileState]:
    """The files of ``now`` that settled since the scan ``before`` and differ from what is recorded."""
    settled = {p: v for p, v in now.items() if before.get(p) == v}
    if not settled:
        return []
    with open_store(db) as store:
        recorded = watched_files(store, sorted(settled))
    return [(p, *v) for p, v in sorted(settled.items()) if recorded.get(p) != v]


def watch(folder: str | Path, *, db: str | Path, interval: float = 2.0, stop: threading.Event | None = None,
          on_batch: Callable[[WatchBatch], None] | None = None, nlp: bool = True, max_scans: int | None = None,
          **options: Any) -> int:
    """Watch ``folder`` until ``stop`` is set (or ``max_scans`` scans); return the runs made.

    ``options`` go to ``pipeline.ingest`` (format, published, batch_size, ...). NG424 when the
    folder does not exist; NG306 when the state cannot be recorded.
    """
    base = Path(folder)
    if not base.is_dir():
        raise QueryError("NG424", f"no folder at {folder}")
    stop = stop or threading.Event()
    before: dict[str, tuple[int, int]] = {}
    runs = scans = 0
    while not stop.is_set() and (max_scans is None or scans < max_scans):
        now = scan(base)
        scans += 1
        todo = changed(db, now, before)
        before = now
        if todo:
            runs += 1
            _ingest(todo, run=runs, db=db, stop=stop, nlp=nlp, on_batch=on_batch or (lambda b: None), options=options)
            continue  # scan again at once: more files may have arrived while this run worked
        stop.wait(interval)
    return runs


def _ingest(todo: list[FileState], *, run: int, db: str | Path, stop: threading.Event, nlp: bool,
            on_batch: Callable[[WatchBatch], None], options: dict[str, Any]) -> None:
    """Ingest ``todo`` in one run, reporting each committed batch; record the files once the run
    finished, unless it was stopped."""
    paths = tuple(p for p, _, _ in todo)
    seen = [0]

    def report(summary: pipeline.IngestSummary, state: str) -> None:
        on_batch(WatchBatch(time=datetime.now(timezone.utc), run=run, files=paths, summary=summary, state=state))

    def progress(summary: pipeline.IngestSummary) -> None:
        if summary.batches > seen[0]:
            seen[0] = summary.batches
            report(summary, "batch")
        if stop.is_set():
            report(summary, "stopped")
            raise _Stopped  # right after a batch was committed: nothing is half-written

    try:
        summary = pipeline.ingest(list(paths), db=db, extract=nlp, progress=progress, **options)
    except _Stopped:
        return
    try:
        with open_store(db) as store:
            record_watched(store, todo, summary.run_id)
    except StoreError as exc:
        raise StoreError("NG306", f"cannot record the watched files in {db}: {exc.message}") from None
    report(summary, "done")
