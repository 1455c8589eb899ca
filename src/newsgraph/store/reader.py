"""One read-only DuckDB instance shared by the requests of a server, let go whenever a writer waits.

Opening a knowledge base costs tens of milliseconds (the catalogue, the schema check) and starts
with a cold buffer cache; a cursor on an open instance costs a fraction of a millisecond. So
``SharedReader`` opens the file read-only once and lends each request a cursor of its own
(``borrow``), with its own interrupt for the time limit. It keeps the guarantee that serving never
blocks an ingest for longer than the requests in flight:

- DuckDB lets one process write a file or any number read it, not both. A writer that finds the
  file held (``connection._connect``) touches a marker file beside it (``<db>.write-wanted``) at
  each retry, and removes it once it has the file. A reader that sees a fresh marker stops lending,
  lets the requests in flight finish, closes the instance, and opens it again only once the marker
  is gone or stale: the writer gets the file within one request's time.
- Idle, the instance is closed ``linger`` seconds after its last use, so a writer that starts
  while nobody reads finds the file free (or held at most that long).

Nothing is cached across a close except through ``memo``, whose values are keyed by the file's
version (size and modification time of the file and its write-ahead log, taken when it is
opened: no other process can write the file while this instance holds it).
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from newsgraph.errors import StoreError
from newsgraph.store.connection import Store, open_store, someone_waiting

T = TypeVar("T")

MEMO_SIZE = 256
KEYED_SIZE = 50_000  # rows kept by ``keyed`` (entity heads: about 150 bytes each)


def writer_waiting(path: str) -> bool:
    """Whether a writer in another process (or this one) is waiting for ``path`` right now."""
    return someone_waiting(path, readers=False)


def file_version(path: str) -> tuple[Any, ...]:
    """(size, mtime) of the file and of its write-ahead log: changes whenever a writer commits."""
    out: list[Any] = []
    for p in (path, path + ".wal"):
        try:
            st = os.stat(p)
            out += [st.st_size, st.st_mtime_ns]
        except OSError:
            out += [None, None]
    return tuple(out)


class SharedReader:
    """The knowledge base at ``path`` opened read-only once, lent to many threads as cursors.

    Args:
        path: the knowledge base.
        linger: seconds the instance stays open after its last use.
        threads: DuckDB threads of the instance (0 leaves DuckDB's default, one a core); a server
            answering many requests at once gains nothing from splitting each query over cores.
    """

    def __init__(self, path: str | Path, *, linger: float = 1.0, threads: int = 0) -> None:
        self.path = str(path)
        self.linger = linger
        self.threads = threads
        self._cond = threading.Condition()
        self._root: Store | None = None
        self._users = 0
        self._draining = False
        self._last_used = 0.0
        self._timer: threading.Thread | None = None
        self._watching = False
        self.version: tuple[Any, ...] | None = None
        self.opens = 0
        self._memo: OrderedDict[Hashable, tuple[tuple[Any, ...] | None, Any]] = OrderedDict()
        self._keyed: OrderedDict[Hashable, Any] = OrderedDict()
        self._keyed_version: tuple[Any, ...] | None = None

    # --- lending -----------------------------------------------------------------------------------

    @contextmanager
    def borrow(self, wait: float | None = None) -> Iterator[Store]:
        """A read-only ``Store`` on its own cursor for the block. Waits up to ``wait`` seconds
        (default: the ``lock_timeout`` setting) while a writer has or wants the file: StoreError
        NG307 after that (NG301/NG302 when the file is not a readable knowledge base)."""
        deadline = None if wait is None else time.monotonic() + max(0.0, wait)
        cursor = self._enter(deadline, wait)
        try:
            yield Store(cursor, self.path, read_only=True)
        finally:
            try:
                cursor.close()
            finally:
                self._leave()

    def _left(self, deadline: float | None) -> float | None:
        return None if deadline is None else max(0.0, deadline - time.monotonic())

    def _enter(self, deadline: float | None, wait: float | None) -> Any:
        with self._cond:
            while True:
                if self._root is not None and writer_waiting(self.path):
                    self._draining = True
                    if self._users == 0:
                        self._close()
                if self._root is not None and not self._draining:
                    break
                if self._root is None and not writer_waiting(self.path):
                    self._open(self._left(deadline))
                    break
                left = self._left(deadline)
                if left is not None and left <= 0:
                    raise StoreError("NG307", f"{self.path} is being written by another process and stayed locked for "
                                              f"{wait:g} s")
                self._cond.wait(0.01 if left is None else min(0.01, left))
            self._users += 1
            assert self._root is not None
            return self._root.conn.cursor()

    def _leave(self) -> None:
        with self._cond:
            self._users -= 1
            self._last_used = time.monotonic()
            if self._users == 0 and self._draining:
                self._close()
            self._cond.notify_all()

    def _open(self, wait: float | None) -> None:
        self._root = open_store(self.path, read_only=True, lock_timeout=wait)
        if self.threads > 0:
            self._root.conn.execute(f"SET threads = {int(self.threads)}")
        # the binding imports what parameters need (pandas, where installed: seconds on a busy machine)
        # at the first bound parameter of the process: here, not inside a request's time limit
        self._root.conn.execute("SELECT ?::VARCHAR", ["warm"]).fetchall()
        self.version = file_version(self.path)
        self.opens += 1
        self._last_used = time.monotonic()
        if not self._watching:  # (under the lock, as the watcher's exit: no window where neither watches)
            self._watching = True
            self._timer = threading.Thread(target=self._close_when_idle, name="newsgraph-reader-linger", daemon=True)
            self._timer.start()

    def _close(self) -> None:
        if self._root is not None:
            self._root.close()
            self._root = None
        self._draining = False
        self._cond.notify_all()

    def _close_when_idle(self) -> None:
        with self._cond:
            while self._root is not None:
                idle = time.monotonic() - self._last_used
                if self._users == 0 and (idle >= self.linger or writer_waiting(self.path)):
                    self._close()
                    break
                self._cond.wait(max(0.01, min(self.linger - idle, 0.05)))
            self._watching = False

    def close(self, wait: float | None = None) -> None:
        """Close the instance once the requests in flight are done (before this process writes)."""
        with self._cond:
            self._draining = True
            self._cond.wait_for(lambda: self._users == 0, timeout=wait)
            if self._users == 0:
                self._close()

    # --- values kept while the file does not change ----------------------------------------------

    def keyed(self, kind: str, keys: list[str], fetch: Callable[[list[str]], dict[str, T]]) -> dict[str, T]:
        """key → value for ``keys``: those read since the file last changed from memory, the others
        by one ``fetch(missing)`` (its answer kept, at most ``KEYED_SIZE`` values, least recently
        used dropped first; a key ``fetch`` does not answer is absent and asked again next time).
        Call it inside ``borrow`` so that the version is that of the open file."""
        version = self.version
        found: dict[str, T] = {}
        with self._cond:
            if self._keyed_version != version:
                self._keyed.clear()
                self._keyed_version = version
            for key in keys:
                value = self._keyed.get((kind, key))
                if value is not None:
                    self._keyed.move_to_end((kind, key))
                    found[key] = value
        missing = [k for k in keys if k not in found]
        if missing:
            fetched = fetch(missing)
            found.update(fetched)
            with self._cond:
                if self._keyed_version == version:
                    for key, value in fetched.items():
                        self._keyed[(kind, key)] = value
                    while len(self._keyed) > KEYED_SIZE:
                        self._keyed.popitem(last=False)
        return {k: found[k] for k in keys if k in found}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, kept for ``key`` until the file changes (at most ``MEMO_SIZE`` values).
        Call it inside ``borrow`` so that the version is that of the open file."""
        version = self.version
        with self._cond:
            found = self._memo.get(key)
            if found is not None and found[0] == version:
                self._memo.move_to_end(key)
                return found[1]  # type: ignore[no-any-return]
        value = compute()
        with self._cond:
            self._memo[key] = (version, value)
            self._memo.move_to_end(key)
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return value
