"""A time limit on the queries of one open store: DuckDB's interrupt, fired by a timer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from newsgraph.errors import QueryError
from newsgraph.store.connection import Store


@contextmanager
def time_limit(store: Store, seconds: float | None) -> Iterator[Store]:
    """Run the block's queries on ``store``; interrupt the one running when ``seconds`` have passed
    and raise QueryError NG431. ``None`` or 0 means no limit."""
    if not seconds or seconds <= 0:
        yield store
        return
    fired = threading.Event()

    def interrupt() -> None:
        fired.set()
        store.conn.interrupt()

    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield store
    except (duckdb.InterruptException, duckdb.Error) as exc:
        if fired.is_set() or isinstance(exc, duckdb.InterruptException):
            raise QueryError("NG431", f"the query ran past its time limit of {seconds:g} s and was stopped") from None
        raise
    finally:
        timer.cancel()
