"""The ingest log: every skipped input and dropped article, with its code and reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from newsgraph.model import LogLevel, Skip, stable_id
from newsgraph.store.connection import Store, insert_new

LOG_COLUMNS = ("id", "seq", "run_id", "time", "source", "code", "level", "reason", "article_id")


@dataclass(frozen=True, slots=True, kw_only=True)
class LogEntry:
    """One row of the ingest log as read back.

    Attributes:
        run_id: the ingest run that first logged it.
        time: when (UTC).
        source, code, reason, level, article_id: as in ``Skip``.
    """

    run_id: str
    time: datetime
    source: str
    code: str
    level: LogLevel
    reason: str
    article_id: str | None


def log_id(skip: Skip) -> str:
    """Deterministic: the same skip logged by a re-run is the same row, not a second one."""
    return stable_id("log", skip.source, skip.code, skip.reason, skip.article_id)


def write_log(conn: duckdb.DuckDBPyConnection, skips: Sequence[Skip], run_id: str, now: datetime) -> None:
    if not skips:
        return
    row = conn.execute("SELECT coalesce(max(seq), -1) + 1 FROM ingest_log").fetchone()
    seq = int(row[0]) if row else 0
    rows: list[tuple[Any, ...]] = [
        (log_id(s), seq + i, run_id, now, s.source, s.code, str(s.level), s.reason, s.article_id)
        for i, s in enumerate(skips)
    ]
    insert_new(conn, "ingest_log", "id", LOG_COLUMNS, rows)


def read_log(store: Store, *, code: str | None = None, limit: int | None = None) -> list[LogEntry]:
    """Log entries in the order they were first logged, optionally of one code."""
    where, params = ("WHERE code = ?", [code]) if code else ("", [])
    tail = f" LIMIT {int(limit)}" if limit is not None else ""
    return [
        LogEntry(run_id=r["run_id"], time=r["time"], source=r["source"], code=r["code"],
                 level=LogLevel(r["level"]), reason=r["reason"], article_id=r["article_id"])
        for r in store.dicts(f"SELECT * FROM ingest_log {where} ORDER BY seq{tail}", params)
    ]
