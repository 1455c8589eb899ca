"""An entity page reads the facts of an entity that is in few articles by its entity id, and those
of one in many by the ids of its newest articles: both ways read the same rows (store/pages.py)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.store import entity_article_ids, entity_fact_ids, entity_window, open_store


def test_by_entity_and_by_article_window_read_the_same_facts(examples_kb: Path) -> None:
    with open_store(examples_kb, read_only=True) as store:
        entity_ids = [r[0] for r in store.rows("SELECT DISTINCT entity_id FROM entity_articles ORDER BY entity_id")]
        compared = facts_found = 0
        for entity_id in entity_ids:
            window = entity_window(store, entity_id, 50)
            if len(window) >= 20:
                continue  # not every article of the entity in the window: only the article-id way applies
            by_window = entity_fact_ids(store, entity_id, 50, window)
            by_entity = entity_fact_ids(store, entity_id, 50, window, complete=True)
            assert by_entity == by_window, entity_id
            assert entity_article_ids(store, entity_id, 50, window, complete=True) == entity_article_ids(store, entity_id, 50, window)
            compared += 1
            facts_found += sum(len(v) for v in by_window.values())
        assert compared > 20 and facts_found > 20  # the comparison saw entities with quotes and events

