"""Reads and the server's own writes to one knowledge base, kept apart inside the process.

DuckDB lets a process hold a file either read-only or read-write, not both at once. Requests read
through short read-only connections (many at a time); ``POST /api/ingest`` writes through one
read-write connection. The gate lets reads share and a write wait for them to finish; reads that
arrive while a write runs wait for it up to their time limit, then are answered NG439 (503).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newsgraph.errors import QueryError


class Gate:
    """A readers-writer gate that prefers the writer once it is waiting."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting = 0

    @contextmanager
    def read(self, wait: float) -> Iterator[None]:
        with self._cond:
            if not self._cond.wait_for(lambda: not self._writing and not self._waiting, timeout=wait):
                raise QueryError("NG439", "the knowledge base is being written by an ingest through this server")
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self, wait: float) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            ok = self._cond.wait_for(lambda: not self._writing and self._readers == 0, timeout=wait)
            self._waiting -= 1
            if not ok:
                self._cond.notify_all()
                raise QueryError("NG439", "another ingest or long reads hold the knowledge base")
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()
