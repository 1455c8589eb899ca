"""Curation rules applied after resolution, on hand-built local entities (no NLP needed): each rule
holds in the batch it was made on and in every later batch (incremental resolution)."""

from __future__ import annotations

from datetime import datetime, timezone

from newsgraph.model import ArticleFacts, Curation, CurationAction, Entity, EntityType, LocalEntity
from newsgraph.resolve.entities import resolve_entities

P, O, G = EntityType.PERSON, EntityType.ORG, EntityType.GPE
NOW = datetime(2026, 11, 30, tzinfo=timezone.utc)


def local(article: str, name: str, etype: EntityType = P) -> LocalEntity:
    return LocalEntity(key=f"{article}/{name}", name=name, type=etype, mention_ids=(f"{article}/{name}/m",))


def facts(article: str, *entities: LocalEntity) -> ArticleFacts:
    return ArticleFacts(article_id=article, entities=entities)


def rule(seq: int, action: CurationAction, entity: Entity, value: str = "", new_id: str = "") -> Curation:
    return Curation(id=f"cur_{seq}", seq=seq, action=action, entity_id=entity.id, entity_name=entity.name,
                    entity_type=entity.type.value, value=value, new_id=new_id, created=NOW)


def by_name(entities, name: str) -> Entity:  # type: ignore[no-untyped-def]
    (found,) = [e for e in entities if e.name == name]
    return found


def first_batch():  # type: ignore[no-untyped-def]
    return resolve_entities([facts("a", local("a", "Kent"), local("a", "Fenwick Dale")),
                             facts("b", local("b", "Fenwick Dale"), local("b", "Dale Holdings", O)),
                             facts("c", local("c", "officials"))], [])


def test_curate_retype_holds_in_later_batches() -> None:
    first = first_batch()
    kent = by_name(first.entities, "Kent")
    rules = [rule(1, CurationAction.RETYPE, kent, "GPE")]
    again = resolve_entities([facts("a", local("a", "Kent"))], [], rules)
    assert [(e.id, e.type) for e in again.entities] == [(kent.id, G)]
    # a later batch: a one-word "person" Kent joins the retyped place, never a new person
    later = resolve_entities([facts("d", local("d", "Kent"))], again.entities, rules)
    assert later.assignment["d/Kent"] == kent.id
    assert [(e.name, e.type, e.article_ids) for e in later.entities] == [("Kent", G, ("a", "d"))]


def test_curate_merge_folds_names_articles_and_later_mentions() -> None:
    first = first_batch()
    dale, holdings = by_name(first.entities, "Fenwick Dale"), by_name(first.entities, "Dale Holdings")
    rules = [rule(1, CurationAction.MERGE, dale, holdings.id)]
    merged = resolve_entities([facts("a", local("a", "Fenwick Dale")), facts("b", local("b", "Fenwick Dale"),
                                                                              local("b", "Dale Holdings", O))], [], rules)
    assert merged.assignment["a/Fenwick Dale"] == merged.assignment["b/Dale Holdings"] == holdings.id
    (entity,) = merged.entities
    assert (entity.name, entity.type, set(entity.article_ids)) == ("Dale Holdings", O, {"a", "b"})
    assert "Fenwick Dale" in {a.text for a in entity.aliases}
    later = resolve_entities([facts("d", local("d", "Fenwick Dale"))], merged.entities, rules)
    assert later.assignment["d/Fenwick Dale"] == holdings.id and later.removed == {}


def test_curate_merge_of_a_known_entity_reports_where_it_went() -> None:
    first = first_batch()
    dale, holdings = by_name(first.entities, "Fenwick Dale"), by_name(first.entities, "Dale Holdings")
    rules = [rule(1, CurationAction.MERGE, dale, holdings.id)]
    later = resolve_entities([facts("d", local("d", "Fenwick Dale"))], first.entities, rules)
    assert later.removed == {dale.id: holdings.id}
    assert later.assignment["d/Fenwick Dale"] == holdings.id


def test_curate_drop_leaves_mentions_unresolved_now_and_later() -> None:
    first = first_batch()
    officials = by_name(first.entities, "officials")
    rules = [rule(1, CurationAction.DROP, officials)]
    again = resolve_entities([facts("c", local("c", "officials"))], [], rules)
    assert again.entities == () and "c/officials" not in again.assignment
    later = resolve_entities([facts("d", local("d", "officials"))], again.entities, rules)
    assert later.entities == () and "d/officials" not in later.assignment


def test_curate_rename_keeps_old_name_as_alias_and_joins_it_later() -> None:
    first = first_batch()
    dale = by_name(first.entities, "Fenwick Dale")
    rules = [rule(1, CurationAction.RENAME, dale, "Fenwick J. Dale")]
    again = resolve_entities([facts("a", local("a", "Fenwick Dale"))], [], rules)
    (entity,) = again.entities
    assert (entity.id, entity.name, [a.text for a in entity.aliases]) == (dale.id, "Fenwick J. Dale", ["Fenwick Dale"])
    later = resolve_entities([facts("d", local("d", "Fenwick Dale"))], again.entities, rules)
    assert later.assignment["d/Fenwick Dale"] == dale.id


def test_curate_split_moves_one_name_with_its_articles() -> None:
    batch = [facts("a", local("a", "Charles Kennedy")), facts("b", local("b", "Charles")), facts("c", local("c", "Kennedy"))]
    first = resolve_entities(batch, [])
    assert len(set(first.assignment.values())) == 1  # the error a person corrects
    (kennedy,) = first.entities
    rules = [rule(1, CurationAction.SPLIT, kennedy, "Charles", new_id="ent_split")]
    split = resolve_entities(batch, [], rules)
    assert split.assignment["b/Charles"] == "ent_split"
    assert split.assignment["a/Charles Kennedy"] == split.assignment["c/Kennedy"] == kennedy.id
    assert {(e.id, e.name, e.article_ids) for e in split.entities} == {
        (kennedy.id, "Charles Kennedy", ("a", "c")), ("ent_split", "Charles", ("b",))}
    later = resolve_entities([facts("d", local("d", "Charles"))], split.entities, rules)
    assert later.assignment["d/Charles"] == "ent_split"


def test_curate_undone_rule_changes_nothing() -> None:
    first = first_batch()
    kent = by_name(first.entities, "Kent")
    undone = rule(1, CurationAction.RETYPE, kent, "GPE")
    undone = Curation(**{**{f: getattr(undone, f) for f in undone.__slots__}, "undone": NOW})  # type: ignore[attr-defined]
    again = first_batch()
    with_undone = resolve_entities([facts("a", local("a", "Kent"), local("a", "Fenwick Dale")),
                                    facts("b", local("b", "Fenwick Dale"), local("b", "Dale Holdings", O)),
                                    facts("c", local("c", "officials"))], [], [undone])
    assert with_undone == again
