"""Entity reads through query."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import QueryError
from newsgraph.model import Entity, EntityType
from newsgraph.query import entity_detail, list_entities
from newsgraph.store import Batch, open_store, write_batch


def test_entities_reads_upserted_entities_by_id_or_name_and_refuses_unknown_ones(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    first = Entity(id="ent_1", name="Springfield", type=EntityType.GPE)
    with open_store(db) as store:
        write_batch(store, Batch(run_id="r", entities=[first]))
        write_batch(store, Batch(run_id="r", entities=[Entity(id="ent_1", name="Springfield City", type=EntityType.GPE)]))
    assert [e.name for e in list_entities(db, min_articles=0)] == ["Springfield City"]
    assert entity_detail(db, "ent_1").entity.type is EntityType.GPE
    assert entity_detail(db, "springfield city").entity.id == "ent_1"
    with pytest.raises(QueryError) as info:
        entity_detail(db, "ent_9")
    assert info.value.code == "NG402"
