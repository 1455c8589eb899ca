"""Reads and the server's own writes to one knowledge base, kept apart inside the process.

DuckDB lets a process hold a file either read-only or read-write, not both at once. Requests read
through short read-only connections (many at a time); ``POST /api/ingest`` writes through one
read-write connection. The gate lets reads share and a write wait for them to finish; reads that
arrive while a write runs wait for it up to their time limit, then are answered NG439 (503).

Reads also take one of ``slots`` read slots. On a busy server (more requests than cores) the
others wait in line, up to ``queue`` seconds (then NG320, 503), instead of all running at once:
running side by side they would share the cores, each would take many times its own time, and
the time limit, meant to stop a runaway query, would stop ordinary ones that were only kept
waiting for a core. A request's time limit starts when it gets its slot.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import time

from newsgraph.errors import QueryError


class Gate:
    """A readers-writer gate that prefers the writer once it is waiting."""

    def __init__(self, slots: int = 1, queue: float = 30.0) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting = 0
        self.slots = max(1, slots)
        self.queue = queue
        self._free = threading.Semaphore(self.slots)
        self.waited_max = 0.0  # the longest wait for a slot so far, in seconds

    @contextmanager
    def read(self, wait: float) -> Iterator[None]:
        with self._cond:
            if not self._cond.wait_for(lambda: not self._writing and not self._waiting, timeout=wait):
                raise QueryError("NG439", "the knowledge base is being written by an ingest through this server")
            self._readers += 1
        try:
            start = time.monotonic()
            if not self._free.acquire(timeout=self.queue):
                raise QueryError("NG320", f"the request waited {self.queue:g} s for one of the server's {self.slots} read slots")
            self.waited_max = max(self.waited_max, time.monotonic() - start)
            try:
                yield
            finally:
                self._free.release()
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
