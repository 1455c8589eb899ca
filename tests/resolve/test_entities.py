"""Cross-article entity resolution on hand-built local entities (no NLP needed)."""

from __future__ import annotations

import pytest

from newsgraph.model import Alias, AliasKind, ArticleFacts, EntityType, LocalEntity, stable_id
from newsgraph.resolve.entities import normalise, resolve_entities

P, O, G = EntityType.PERSON, EntityType.ORG, EntityType.GPE


def local(article: str, name: str, etype: EntityType = P, aliases: tuple[Alias, ...] = ()) -> LocalEntity:
    return LocalEntity(key=f"{article}/{name}", name=name, type=etype, mention_ids=(f"{article}/{name}/m",), aliases=aliases)


def facts(article: str, *entities: LocalEntity) -> ArticleFacts:
    return ArticleFacts(article_id=article, entities=entities)


def same(resolution, a: str, b: str) -> bool:  # type: ignore[no-untyped-def]
    return resolution.assignment[a] == resolution.assignment[b]


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("Amara Odhiambo", "Amara Odhiambo", True),
        ("Amara Odhiambo", "Odhiambo", True),
        ("Odhiambo", "Amara Odhiambo", True),
        ("Laura Bennett", "Oliver Bennett", False),
        ("Amara Odhiambo", "amara odhiambo", True),
        ("Amara J. Odhiambo", "Amara Odhiambo", True),
        ("A. Odhiambo", "Amara Odhiambo", True),
        ("St James", "Shani Rhys James", False),
    ],
)
def test_resolve_person_names(first: str, second: str, merged: bool) -> None:
    resolution = resolve_entities([facts("a", local("a", first)), facts("b", local("b", second))], [])
    assert same(resolution, f"a/{first}", f"b/{second}") is merged


def test_resolve_surname_alone_never_merges_two_people_sharing_it() -> None:
    batch = [facts("a", local("a", "Laura Bennett")), facts("b", local("b", "Oliver Bennett")), facts("c", local("c", "Bennett"))]
    resolution = resolve_entities(batch, [])
    ids = {resolution.assignment[k] for k in ("a/Laura Bennett", "b/Oliver Bennett", "c/Bennett")}
    assert len(ids) == 3


def test_resolve_incremental_batch_joins_known_entity() -> None:
    first = resolve_entities([facts("a", local("a", "Zhao Mingyuan", aliases=(Alias(text="赵明远", kind=AliasKind.OTHER_SCRIPT, script="Hani"),)))], [])
    second = resolve_entities([facts("b", local("b", "Zhao"))], first.entities)
    (entity,) = second.entities
    assert entity.id == first.assignment["a/Zhao Mingyuan"] == second.assignment["b/Zhao"]
    assert entity.article_ids == ("a", "b")
    assert [a.text for a in entity.aliases] == ["赵明远", "Zhao"]


def test_resolve_id_stable_when_fuller_name_arrives() -> None:
    first = resolve_entities([facts("a", local("a", "Odhiambo"))], [])
    second = resolve_entities([facts("b", local("b", "Amara Odhiambo"))], first.entities)
    (entity,) = second.entities
    assert entity.id == stable_id("ent", "PERSON", "odhiambo")
    assert entity.name == "Amara Odhiambo"
    assert ("Odhiambo", AliasKind.SHORT_FORM) in {(a.text, a.kind) for a in entity.aliases}


@pytest.mark.parametrize(
    ("a", "a_aliases", "b", "etype"),
    [
        ("United States", (Alias(text="US", kind=AliasKind.VARIANT),), "United States", G),
        ("National Wildlife Protection Agency", (Alias(text="NWPA", kind=AliasKind.ACRONYM),), "NWPA", O),
        ("Zhao Mingyuan", (Alias(text="赵明远", kind=AliasKind.OTHER_SCRIPT, script="Hani"),), "赵明远", P),
    ],
)
def test_resolve_identifying_alias_joins(a: str, a_aliases: tuple[Alias, ...], b: str, etype: EntityType) -> None:
    resolution = resolve_entities([facts("x", local("x", a, etype, a_aliases)), facts("y", local("y", b, etype))], [])
    assert same(resolution, f"x/{a}", f"y/{b}")


def test_resolve_same_name_other_type_stays_apart() -> None:
    resolution = resolve_entities([facts("a", local("a", "Jordan", G)), facts("b", local("b", "Jordan", P))], [])
    assert not same(resolution, "a/Jordan", "b/Jordan")


def test_resolve_reports_only_new_or_changed_entities() -> None:
    first = resolve_entities([facts("a", local("a", "Kenya", G), local("a", "Nairobi", G))], [])
    second = resolve_entities([facts("b", local("b", "Kenya", G))], first.entities)
    assert [e.name for e in second.entities] == ["Kenya"]
    assert second.entities[0].article_ids == ("a", "b")


@pytest.mark.parametrize(("name", "norm"), [("The U.S. Navy", "u s navy"), ("  Amara  ODHIAMBO ", "amara odhiambo"), ("the", "the")])
def test_resolve_normalise(name: str, norm: str) -> None:
    assert normalise(name) == norm
