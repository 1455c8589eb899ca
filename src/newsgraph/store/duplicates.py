"""Duplicate records: which stored article copies which."""

from __future__ import annotations

from newsgraph.model import Duplicate, DuplicateKind
from newsgraph.store.connection import Store


def _dup(row: tuple[str, str, str, float]) -> Duplicate:
    return Duplicate(article_id=row[0], duplicate_of=row[1], kind=DuplicateKind(row[2]), similarity=row[3])


def read_duplicates(store: Store) -> list[Duplicate]:
    """Every duplicate, in the order the copies were stored."""
    return [_dup(r) for r in store.rows(
        "SELECT d.article_id, d.duplicate_of, d.kind, d.similarity FROM duplicates d"
        " LEFT JOIN articles a ON a.id = d.article_id ORDER BY a.seq, d.article_id")]


def copies_of(store: Store, article_id: str) -> list[Duplicate]:
    """The duplicates recorded of ``article_id``."""
    return [_dup(r) for r in store.rows(
        "SELECT d.article_id, d.duplicate_of, d.kind, d.similarity FROM duplicates d"
        " LEFT JOIN articles a ON a.id = d.article_id WHERE d.duplicate_of = ? ORDER BY a.seq", [article_id])]


def duplicate_record(store: Store, article_id: str) -> Duplicate | None:
    """The duplicate record of ``article_id`` when it is a copy, else None."""
    rows = store.rows("SELECT article_id, duplicate_of, kind, similarity FROM duplicates WHERE article_id = ?", [article_id])
    return _dup(rows[0]) if rows else None
