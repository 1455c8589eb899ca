"""A time limit on the queries of one open store: DuckDB's interrupt, fired by a timer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from newsgraph.errors import QueryError
from newsgraph.store.connection import Store

_REPEAT = 0.01  # seconds between interrupts once the limit has passed


@contextmanager
def time_limit(store: Store, seconds: float | None) -> Iterator[Store]:
    """Run the block's queries on ``store``; once ``seconds`` have passed, interrupt whatever query
    runs (again every 10 ms, so that one started after the first interrupt is stopped too) and
    raise QueryError NG431. ``None`` or 0 means no limit."""
    if not seconds or seconds <= 0:
        yield store
        return
    fired = threading.Event()
    done = threading.Event()

    def watch() -> None:
        if done.wait(seconds):
            return
        fired.set()
        while True:
            store.conn.interrupt()
            if done.wait(_REPEAT):
                return

    watcher = threading.Thread(target=watch, name="newsgraph-time-limit", daemon=True)
    watcher.start()
    try:
        yield store
    except duckdb.Error as exc:
        if fired.is_set() or isinstance(exc, duckdb.InterruptException):
            raise QueryError("NG431", f"the query ran past its time limit of {seconds:g} s and was stopped") from None
        raise
    finally:
        done.set()
