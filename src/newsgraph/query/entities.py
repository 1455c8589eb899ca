"""Entities across the knowledge base."""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import QueryError
from newsgraph.model import Entity
from newsgraph.store import open_store, read_entities


def entities(db: str | Path) -> list[Entity]:
    """Every entity with its aliases, roles and articles, by name."""
    with open_store(db, read_only=True) as store:
        return read_entities(store)


def entity(db: str | Path, entity_id: str) -> Entity:
    """One entity by id; QueryError NG402 when there is none."""
    with open_store(db, read_only=True) as store:
        found = read_entities(store, entity_id)
    if not found:
        raise QueryError("NG402", f"no entity with id {entity_id!r} in {db}")
    return found[0]
