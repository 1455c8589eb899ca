"""Opening a knowledge base: one DuckDB file, migrated on open for writing, checked on read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import importlib.util
import logging
import os
import re
import sys
import time

import duckdb

from newsgraph import settings
from newsgraph.errors import StoreError
from newsgraph.store.schema import SCHEMA_VERSION, check_version, migrate

log = logging.getLogger("newsgraph.store")
_CHUNK = 256  # rows per multi-row INSERT statement
_ARROW_MIN = 16  # from this many rows, insert through Arrow where pyarrow is installed
_arrow: Any = None  # the pyarrow module once imported; False when it is not installed

# DuckDB's Python binding runs ``import pandas`` for every bound parameter. Where pandas is not
# installed that import fails, and a failed import is not cached: each one searches sys.path,
# which made binding cost ~0.1 ms a value. Recording the absence (the documented ``None`` entry in
# sys.modules) makes the failure immediate. Nothing changes where pandas is installed.
if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
    sys.modules["pandas"] = None  # type: ignore[assignment]


class Store:
    """An open knowledge base. Use ``open_store``; close it (or use it as a context manager)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, list(params)).fetchall()

    def dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(sql, list(params)).fetchone()
        return row[0] if row else None


SEP = "\x1f"


def joined(values: Iterable[object]) -> str:
    """A list parameter as one string, split back in SQL by ``IN (SELECT unnest(string_split(?, chr(31))))``.

    DuckDB's Python binding tries ``import pandas`` for every list parameter, which costs
    milliseconds each time pandas is absent; one joined string avoids it.
    """
    return SEP.join(str(v) for v in values)


def _arrow_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Any:
    """``rows`` as an Arrow table (None when pyarrow is absent or a column's values do not fit one type)."""
    global _arrow
    if _arrow is None:
        try:
            import pyarrow

            _arrow = pyarrow
        except ImportError:
            _arrow = False
    if not _arrow:
        return None
    try:
        return _arrow.table({f"c{i}": [row[i] for row in rows] for i in range(len(columns))})
    except (_arrow.ArrowException, TypeError, ValueError, OverflowError):
        return None


def insert(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    ignore: bool = False,
) -> None:
    """Insert ``rows``: as one Arrow table where pyarrow is installed (``benchmarks/scale.py
    --inserts`` measures it ~30x faster than SQL text), else with multi-row VALUES statements
    (much faster than executemany in DuckDB)."""
    if not rows:
        return
    verb = "INSERT OR IGNORE INTO" if ignore else "INSERT INTO"
    cols = ", ".join(f'"{c}"' for c in columns)
    arrow = _arrow_table(columns, rows) if len(rows) >= _ARROW_MIN else None
    if arrow is not None:
        conn.register("_newsgraph_rows", arrow)
        try:
            conn.execute(f"{verb} {table} ({cols}) SELECT * FROM _newsgraph_rows")
        finally:
            conn.unregister("_newsgraph_rows")
        return
    one = "(" + ", ".join("?" for _ in columns) + ")"
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        sql = f"{verb} {table} ({cols}) VALUES " + ", ".join(one for _ in chunk)
        conn.execute(sql, [value for row in chunk for value in row])


def insert_new(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    key: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> int:
    """Insert the rows whose ``key`` column (the first column) is not in ``table`` yet; return how
    many. Cheaper than INSERT OR IGNORE, which takes DuckDB's slow conflict path for every row."""
    if not rows:
        return 0
    present = {r[0] for r in conn.execute(
        f'SELECT "{key}" FROM {table} WHERE "{key}" IN (SELECT unnest(string_split(?, chr(31))))',
        [joined(r[0] for r in rows)]).fetchall()}
    fresh: dict[Any, Sequence[Any]] = {}
    for row in rows:
        if row[0] not in present:
            fresh.setdefault(row[0], row)
    insert(conn, table, columns, list(fresh.values()))
    return len(fresh)


MEMORY_LIMIT = re.compile(r"^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", re.IGNORECASE)


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    # the second: this process holds the file read-only (a server's shared reader) and wants to write
    return ("lock" in text and "conflicting" in text) or "different configuration" in text


def want_write_marker(path: str) -> str:
    """The file a writer waiting for ``path`` touches, so that readers holding it let it go
    (``store.reader.SharedReader``)."""
    return path + ".write-wanted"


def want_read_marker(path: str) -> str:
    """The file a reader waiting for ``path`` touches, so that an ingest holding it between batches
    lets it go (``pipeline._Lease``)."""
    return path + ".read-wanted"


FRESH = 0.5  # seconds a marker counts after its last touch (a waiting open touches it at each retry, 10 to 250 ms apart)


def _fresh(marker: str) -> bool:
    try:
        return time.time() - os.stat(marker).st_mtime < FRESH
    except OSError:
        return False


def someone_waiting(path: str, *, readers: bool = True) -> bool:
    """Whether another open of ``path`` is waiting for it right now: a writer, or (``readers``) a reader."""
    return _fresh(want_write_marker(path)) or (readers and _fresh(want_read_marker(path)))


def _want(text: str, wanted: bool, *, read_only: bool) -> None:
    marker = want_read_marker(text) if read_only else want_write_marker(text)
    try:
        if wanted:
            Path(marker).touch()
        else:
            os.unlink(marker)
    except OSError:  # a read-only folder, or no marker: the holder then lets go on its own schedule
        pass


SLOW_TO_FETCH = "fsst,rle"  # compression methods a writer leaves out (see _connect)


def _connect(text: str, *, read_only: bool, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """Connect, waiting up to ``lock_timeout`` seconds while another process holds the file.

    DuckDB lets one process write a file, or several read it, never both at once: a conflicting
    open fails at once. It is retried every 10 ms (a writer leaves the file free for longer than that
    between batches) until the timeout;
    then StoreError NG307 says who is in the way. Any other failure is NG301 at once.
    """
    deadline = time.monotonic() + max(0.0, lock_timeout)
    pause = 0.01
    waited = False
    while True:
        try:
            conn = duckdb.connect(text, read_only=read_only)
            if waited:
                _want(text, False, read_only=read_only)
            # DuckDB draws a progress bar on stderr for a query over 2 s (a search on a loaded
            # machine): not what a command's output may carry
            conn.execute("SET enable_progress_bar = false")
            if not read_only:
                # what a writer checkpoints is stored without FSST and RLE: the pages read rows by
                # key (an article's facts, an entity's window), and DuckDB fetches a row from those
                # segments by decoding them from the start (on 41,000 articles an article's
                # event arguments took 5.2 ms by key, 0.7 without; the file grows by a seventh)
                conn.execute(f"SET disabled_compression_methods = '{SLOW_TO_FETCH}'")
                if text != ":memory:" and Path(text + ".wal").exists():
                    # a run that was killed left its write-ahead log, which DuckDB (1.5) has just
                    # replayed: checkpoint it before writing, because rows deleted and written again
                    # on top of a replayed log can go missing from a table's indexes (a re-run of a
                    # killed ingest read 8 of 60 stories' members short by index, never by a scan;
                    # tests/test_pipeline.py reads each story by key after such a re-run)
                    log.info("%s: checkpointing the write-ahead log a killed run left", text)
                    conn.execute("CHECKPOINT")
            return conn
        except duckdb.Error as exc:
            first = str(exc).splitlines()[0]
            if not _is_lock_conflict(exc):
                raise StoreError("NG301", f"cannot open {text}: {first}") from None
            # say so: a server holding the file read-only lets it go for a writer, an ingest holding
            # it between batches lets it go for either
            _want(text, True, read_only=read_only)
            waited = True
            left = deadline - time.monotonic()
            if left <= 0:
                _want(text, False, read_only=read_only)
                holder = re.search(r"\(PID (\d+)\)", first)
                who = f"process {holder.group(1)}" if holder else "another process"
                raise StoreError(
                    "NG307",
                    f"{text} is held by {who} (an ingest writing to it, or a reader) and stayed locked "
                    f"for {lock_timeout:g} s",
                ) from None
            time.sleep(min(pause, left))


KEYS_A_QUERY = 500  # ids bound one placeholder each, so that DuckDB's index serves the IN list


def keys_in(column: str, ids: Sequence[str]) -> tuple[str, list[Any]]:
    """``column IN (?, ?, ...)`` and its parameters for up to ``KEYS_A_QUERY`` ids (read by the
    column's index: DuckDB uses it for a list of placeholders, not for ``IN (SELECT unnest(?))``);
    a longer list is one list parameter (a scan, cheaper than that many lookups)."""
    if len(ids) <= KEYS_A_QUERY:
        return f"{column} IN ({', '.join('?' for _ in ids)})", list(ids)
    return f"{column} IN (SELECT unnest(?))", [list(ids)]


def rebuild_indexes(conn: duckdb.DuckDBPyConnection) -> int:
    """Drop and re-create every secondary index of the knowledge base from its own CREATE
    statement; how many. Repairs a base whose indexes drifted from their tables: with DuckDB 1.5,
    rows deleted and written again on top of a replayed write-ahead log could go missing from an
    index (a killed ingest re-run before newsgraph checkpointed the log first, see ``_connect``),
    so that reads by key missed rows a scan finds. Primary keys are left as they are. Each index
    is dropped and created in its own statement (DuckDB 1.5.5 aborts the process when one
    transaction does both); the schema's indexes are then created where missing
    (``schema.INDEX_STATEMENTS``), so a rebuild cut off between the two is finished by the next."""
    from newsgraph.store.schema import INDEX_STATEMENTS

    rows = conn.execute("""SELECT index_name, sql FROM duckdb_indexes()
                           WHERE database_name = current_database() AND schema_name = 'main'
                             AND NOT is_unique AND NOT is_primary AND sql IS NOT NULL ORDER BY index_name""").fetchall()
    for name, sql in rows:
        conn.execute(f'DROP INDEX "{name}"')
        conn.execute(sql)
    for statement in INDEX_STATEMENTS:
        conn.execute(statement)
    return len(rows)


def key_chunks(ids: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    """The distinct ``ids`` in order, ``KEYS_A_QUERY`` at a time, each with its placeholders."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), KEYS_A_QUERY):
        chunk = unique[start:start + KEYS_A_QUERY]
        yield ", ".join("?" for _ in chunk), chunk


@contextmanager
def reading(db: str | Path | Store) -> Iterator[Store]:
    """``db`` itself when it is an open store (a server's shared reader), else the file opened
    read-only for the ``with`` block."""
    if isinstance(db, Store):
        yield db
        return
    with open_store(db, read_only=True) as store:
        yield store


def open_store(path: str | Path, *, read_only: bool = False, lock_timeout: float | None = None,
               memory_limit: str = "") -> Store:
    """Open (and for writing, create or migrate) the knowledge base at ``path``.

    While another process holds the file (an ingest writing, or readers while we want to write),
    waits up to ``lock_timeout`` seconds (default: the ``lock_timeout`` setting), then raises
    StoreError NG307. Raises NG301 when the file is not a DuckDB database, or when it is missing
    and ``read_only`` is set; NG302 when a newer newsgraph wrote it; NG450 when an older one did
    and ``read_only`` is set (only a writer upgrades it). ``memory_limit``
    (``MEMORY_LIMIT`` form, e.g. ``1GB``) caps DuckDB's buffer memory; empty leaves DuckDB's default.
    """
    if memory_limit and not MEMORY_LIMIT.match(memory_limit):
        raise ValueError(f"memory limit {memory_limit!r} is not of the form 512MB, 4GB")
    text = str(path)
    if read_only and not Path(text).is_file():
        raise StoreError("NG301", f"no knowledge base at {text}", "run `newsgraph ingest PATH --db FILE` first, or pass --db")
    timeout = float(settings.get("lock_timeout") if lock_timeout is None else lock_timeout)
    conn = _connect(text, read_only=read_only, lock_timeout=timeout)
    try:
        if memory_limit:
            conn.execute(f"SET memory_limit = '{memory_limit.strip()}'")
        if read_only:
            version = check_version(conn, text)
            if version == 0:
                raise StoreError("NG301", f"{text} is not a newsgraph knowledge base (no schema)")
            if version < SCHEMA_VERSION:  # its tables lack what this newsgraph reads; only a writer upgrades
                raise StoreError("NG450", f"{text} was written by an older newsgraph (schema version {version}, "
                                          f"this one reads {SCHEMA_VERSION}) and cannot be upgraded while opened read-only",
                                 f"run `newsgraph index --db {text}` once: it upgrades the file in place and builds "
                                 "what is missing (stories, vectors, the full-text index)")
        else:
            migrate(conn, text)
    except BaseException:
        conn.close()
        raise
    return Store(conn, text, read_only=read_only)
