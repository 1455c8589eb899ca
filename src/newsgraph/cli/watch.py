"""`newsgraph watch DIR`: ingest new and changed files as they appear, until Ctrl-C or SIGTERM."""

from __future__ import annotations

import json
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from newsgraph.cli.app import cli, db_option, open_kb

if TYPE_CHECKING:
    from newsgraph.watch import WatchBatch


_STATES = {"batch": "", "done": " · done", "stopped": " · stopped (the run's files are read again next time)"}


def _line(batch: WatchBatch, as_json: bool) -> str:
    s = batch.summary
    if as_json:
        return json.dumps({"time": batch.time.isoformat(), "run": batch.run, "state": batch.state,
                           "files": list(batch.files), **s.to_dict()}, ensure_ascii=False)
    skipped = sum(s.skipped.values())
    return (f"{batch.time:%Y-%m-%d %H:%M:%S} run {batch.run} ({len(batch.files)} file(s)) batch {s.batches}: "
            f"read {s.read} · stored {s.stored} · duplicates {s.duplicates} · unchanged {s.unchanged} · "
            f"skipped {skipped}{_STATES[batch.state]}")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@db_option
@click.option("--interval", type=click.FloatRange(min=0.05), default=2.0, show_default=True,
              help="Seconds between scans of the folder.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Articles per batch (one transaction each).")
@click.option("--nlp/--no-nlp", "nlp", default=True, show_default=True, help="Extract facts, as `ingest` does.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object a line instead of text.")
def watch(folder: Path, db: str | None, interval: float, batch_size: int | None, nlp: bool, as_json: bool) -> None:
    """Watch FOLDER and ingest its new and changed files as they appear (a file is read once its
    size and time have settled), printing one line a committed batch and one when a run is done. Ctrl-C or SIGTERM stops it after the
    batch being written: nothing is half-written, and a file whose run was cut short is read
    again by the next watch or ingest."""
    kb = open_kb(db, read_only=False)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt  # a second Ctrl-C: the open transaction rolls back
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        runs = kb.watch(folder, interval=interval, stop=stop, nlp=nlp, batch_size=batch_size,
                        on_batch=lambda b: click.echo(_line(b, as_json)))
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    click.echo(f"stopped after {runs} run(s)", err=True)
