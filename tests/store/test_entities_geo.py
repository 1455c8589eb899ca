"""Entity geography in the store: the `_V_ENTITIES` migration upgrades a store made by the previous
schema, and places keep their GeoNames id, country and coordinates through write and read."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsgraph.model import ArticleFacts, Entity, EntityType, Geo, LocalEntity
from newsgraph.store import SCHEMA_VERSION, open_store, read_entities, read_local_entities
from newsgraph.store.schema import MIGRATIONS, _V_ENTITIES
from newsgraph.store.writer import Batch, write_batch

NAIROBI = Geo(geonames_id=184745, country="KE", lat=-1.28333, lon=36.81667)


def test_migration_upgrades_a_store_made_before_entity_geography(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    before = MIGRATIONS.index(_V_ENTITIES)
    conn = duckdb.connect(str(db))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, statements in enumerate(MIGRATIONS[:before], start=1):
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", [number])
    conn.execute("INSERT INTO entities (id, name, type) VALUES ('ent_old', 'Nairobi', 'GPE')")
    conn.close()
    with open_store(db) as store:
        assert store.scalar("SELECT max(version) FROM schema_version") == SCHEMA_VERSION
        (old,) = read_entities(store)
    assert old.name == "Nairobi" and old.geo is None


def test_entity_and_local_entity_geo_round_trip(tmp_path: Path) -> None:
    local = LocalEntity(key="cl_1", name="Nairobi", type=EntityType.GPE, mention_ids=(), geo=NAIROBI)
    union = LocalEntity(key="cl_2", name="EU", type=EntityType.ORG, mention_ids=(), known_as="European Union")
    entities = [Entity(id="ent_1", name="Nairobi", type=EntityType.GPE, article_ids=("a1",), geo=NAIROBI),
                Entity(id="ent_2", name="Reuters", type=EntityType.ORG, article_ids=("a1",))]
    with open_store(tmp_path / "kb.duckdb") as store:
        write_batch(store, Batch(run_id="r", facts=[ArticleFacts(article_id="a1", entities=(local, union))], entities=entities))
        by_id = {e.id: e for e in read_entities(store)}
        locals_ = {e.key: e for e in read_local_entities(store, "a1")}
    assert by_id["ent_1"].geo == NAIROBI and by_id["ent_2"].geo is None
    assert locals_["cl_1"].geo == NAIROBI and locals_["cl_2"].known_as == "European Union"
