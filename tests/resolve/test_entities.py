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


# --- conflicts, institutions, places, one-word "people" (issue 11) ---------------------------

from datetime import datetime, timezone  # noqa: E402
from dataclasses import replace  # noqa: E402

from newsgraph.model import Evidence, Geo, Role, RoleStatus  # noqa: E402


def titled(article: str, name: str, title: str) -> LocalEntity:
    role = Role(title=title, organization=None, status=RoleStatus.CURRENT, article_id=article,
                evidence=Evidence(article_id=article, start=0, end=len(title), text=title),
                published=datetime(2025, 1, 1, tzinfo=timezone.utc))
    return replace(local(article, name), roles=(role,))


@pytest.mark.parametrize("order", ["prince first", "commoner first"])
def test_resolve_royal_title_blocks_merge_with_a_commoner(order: str) -> None:
    prince, mp = facts("a", titled("a", "Charles", "prince")), facts("b", titled("b", "Charles Kennedy", "mp"))
    batch = [prince, mp] if order == "prince first" else [mp, prince]
    resolution = resolve_entities(batch, [])
    assert not same(resolution, "a/Charles", "b/Charles Kennedy")


def test_resolve_same_royal_title_still_merges() -> None:
    batch = [facts("a", titled("a", "Charles", "prince")), facts("b", titled("b", "Charles", "prince"))]
    assert same(resolve_entities(batch, []), "a/Charles", "b/Charles")


def test_resolve_royal_titles_in_common_merge_and_disjoint_ones_do_not() -> None:
    future_king = replace(titled("b", "Charles", "prince"), roles=titled("b", "Charles", "prince").roles + titled("b", "Charles", "king").roles)
    batch = [facts("a", titled("a", "Charles", "prince")), facts("b", future_king), facts("c", titled("c", "Charles", "king"))]
    resolution = resolve_entities(batch, [])
    assert same(resolution, "a/Charles", "b/Charles")  # one article also calls him the future king
    king_only = resolve_entities([facts("a", titled("a", "Abdullah", "prince")), facts("c", titled("c", "Abdullah", "king"))], [])
    assert not same(king_only, "a/Abdullah", "c/Abdullah")


@pytest.mark.parametrize(("short", "full"), [("EU", "European Union"), ("Labour", "Labour Party"), ("Tories", "Conservative Party")])
@pytest.mark.parametrize("short_first", [True, False])
def test_resolve_institution_short_form_joins_full_name_in_any_order(short: str, full: str, short_first: bool) -> None:
    a = facts("a", replace(local("a", short, O), known_as=full))
    b = facts("b", replace(local("b", full, O), known_as=full))
    resolution = resolve_entities([a, b] if short_first else [b, a], [])
    assert same(resolution, f"a/{short}", f"b/{full}")
    (entity,) = [e for e in resolution.entities if e.id == resolution.assignment[f"a/{short}"]]
    assert entity.name == full


def test_resolve_two_places_with_different_geonames_ids_stay_apart() -> None:
    texas = replace(local("a", "Paris", G), geo=Geo(geonames_id=4717560, country="US", lat=33.66, lon=-95.56))
    france = replace(local("b", "Paris", G), geo=Geo(geonames_id=2988507, country="FR", lat=48.85, lon=2.35))
    again = replace(local("c", "Paris", G), geo=Geo(geonames_id=2988507, country="FR", lat=48.85, lon=2.35))
    resolution = resolve_entities([facts("a", texas), facts("b", france), facts("c", again)], [])
    assert not same(resolution, "a/Paris", "b/Paris") and same(resolution, "b/Paris", "c/Paris")
    geos = {e.geo.country for e in resolution.entities if e.geo is not None}
    assert geos == {"US", "FR"}


def test_resolve_one_word_person_joins_known_organisation() -> None:
    resolution = resolve_entities([facts("a", local("a", "Yukos", O)), facts("b", local("b", "Yukos", P))], [])
    assert same(resolution, "a/Yukos", "b/Yukos")


def test_resolve_one_word_person_with_a_known_surname_stays_a_person() -> None:
    batch = [facts("a", local("a", "Tony Blair")), facts("b", local("b", "Blair", O)), facts("c", local("c", "Blair"))]
    resolution = resolve_entities(batch, [])
    assert same(resolution, "a/Tony Blair", "c/Blair") and not same(resolution, "b/Blair", "c/Blair")
