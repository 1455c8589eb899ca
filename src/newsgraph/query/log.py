"""The ingest log."""

from __future__ import annotations

from pathlib import Path

from newsgraph.store import LogEntry, open_store, read_log


def ingest_log(db: str | Path, *, code: str | None = None, limit: int | None = None) -> list[LogEntry]:
    """Ingest-log entries, first logged first, optionally only those with ``code``."""
    with open_store(db, read_only=True) as store:
        return read_log(store, code=code.upper() if code else None, limit=limit)
