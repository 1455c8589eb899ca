"""The state of ``newsgraph watch``: which files of a watched folder are ingested, at which
modification time and size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from newsgraph.store.connection import Store, insert, joined


def watched_files(store: Store, paths: Sequence[str]) -> dict[str, tuple[int, int]]:
    """(mtime in ns, size) recorded for each of ``paths`` that has been ingested."""
    if not paths:
        return {}
    rows = store.rows("SELECT path, mtime_ns, size FROM watched_files WHERE path IN"
                      " (SELECT unnest(string_split(?, chr(31))))", [joined(paths)])
    return {p: (int(m), int(s)) for p, m, s in rows}


def record_watched(store: Store, files: Sequence[tuple[str, int, int]], run_id: str) -> None:
    """Record ``files`` (path, mtime in ns, size) as ingested by ``run_id``, in one transaction."""
    if not files:
        return
    now = datetime.now(timezone.utc)
    with store.transaction() as conn:
        conn.execute("DELETE FROM watched_files WHERE path IN (SELECT unnest(string_split(?, chr(31))))",
                     [joined(p for p, _, _ in files)])
        insert(conn, "watched_files", ("path", "mtime_ns", "size", "run_id", "ingested"),
               [(p, m, s, run_id, now) for p, m, s in files])
