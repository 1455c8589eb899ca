"""The seed: every person comes out as one entity with its full name and its title; places and
organisations with the right types; the same person across articles is one entity.

Names appear here because they are the expected output; the seed's text is read from ../shared.
"""

from __future__ import annotations

import pytest

from newsgraph.model import ArticleFacts, EntityType, RoleStatus
from newsgraph.nlp import extract, load_pipeline
from newsgraph.resolve.entities import resolve_entities

PERSONS = {
    0: {"Donald Trump", "Toshimitsu Motegi", "Sanae Takaichi", "Shigeru Ishiba", "Howard Lutnick", "Naruhito"},
    1: {"Elon Musk"},
    2: {"To Lam", "Xi Jinping"},
    3: {"Xi Jinping", "Jay Tarriela"},
    4: {"Donald Trump", "Renee Good"},
}

ROLES = [
    (0, "Donald Trump", "president", "United States", RoleStatus.CURRENT),
    (0, "Toshimitsu Motegi", "minister of foreign affairs", None, RoleStatus.CURRENT),
    (0, "Sanae Takaichi", "prime minister", "Japan", RoleStatus.CURRENT),
    (0, "Shigeru Ishiba", "prime minister", "Japan", RoleStatus.FORMER),
    (0, "Howard Lutnick", "secretary of commerce", "United States", RoleStatus.CURRENT),
    (0, "Naruhito", "emperor", "Japan", RoleStatus.CURRENT),
    (2, "To Lam", "general secretary", "Communist Party of Vietnam", RoleStatus.CURRENT),
    (3, "Xi Jinping", "president", "China", RoleStatus.CURRENT),
    (3, "Jay Tarriela", "spokesman", "Philippine Coast Guard", RoleStatus.CURRENT),
    (4, "Donald Trump", "president", "United States", RoleStatus.CURRENT),
]

TYPED = [
    (0, "Japan", EntityType.GPE), (0, "Tokyo", EntityType.GPE), (0, "United States", EntityType.GPE),
    (0, "China", EntityType.GPE), (0, "Malaysia", EntityType.GPE), (0, "NATO", EntityType.ORG),
    (0, "ASEAN", EntityType.ORG), (1, "Indonesia", EntityType.GPE), (1, "Malaysia", EntityType.GPE),
    (2, "Vietnam", EntityType.GPE), (2, "Hanoi", EntityType.GPE), (2, "Communist Party of Vietnam", EntityType.ORG),
    (3, "Manila", EntityType.GPE), (3, "Chinese Embassy", EntityType.ORG), (3, "Philippine Coast Guard", EntityType.ORG),
    (3, "South China Sea", EntityType.LOC), (4, "Minneapolis", EntityType.GPE),
    (4, "US Immigration and Customs Enforcement", EntityType.ORG),
]


@pytest.fixture(scope="module")
def seed_facts(seed_articles: dict) -> list[ArticleFacts]:
    """The seed read by the project's reader; decks are read too and join the body's entities."""
    return list(extract(seed_articles.values(), nlp=load_pipeline(components=["newsgraph_entities"])))


@pytest.mark.parametrize("article", sorted(PERSONS))
def test_seed_persons_one_entity_each_with_full_name(seed_facts: list[ArticleFacts], article: int) -> None:
    names = [e.name for e in seed_facts[article].entities if e.type is EntityType.PERSON]
    assert sorted(names) == sorted(PERSONS[article])


@pytest.mark.parametrize(("article", "name", "title", "organization", "status"), ROLES)
def test_seed_persons_carry_their_title(
    seed_facts: list[ArticleFacts], article: int, name: str, title: str, organization: str | None, status: RoleStatus
) -> None:
    (entity,) = [e for e in seed_facts[article].entities if e.name == name]
    assert (title, organization, status) in {(r.title, r.organization, r.status) for r in entity.roles}
    assert all(r.article_id == seed_facts[article].article_id for r in entity.roles)


@pytest.mark.parametrize(("article", "name", "etype"), TYPED)
def test_seed_places_and_organisations_typed(seed_facts: list[ArticleFacts], article: int, name: str, etype: EntityType) -> None:
    assert [e.type for e in seed_facts[article].entities if e.name == name] == [etype]


def test_seed_short_forms_join_full_names(seed_facts: list[ArticleFacts]) -> None:
    mentions = {m.id: m.evidence.text for m in seed_facts[0].mentions}
    trump = next(e for e in seed_facts[0].entities if e.name == "Donald Trump")
    assert {mentions[i] for i in trump.mention_ids} == {"Donald Trump", "Trump"}
    lam = next(e for e in seed_facts[2].entities if e.name == "To Lam")
    assert [a.text for a in lam.aliases] == ["Lam"]


def test_seed_acronym_joins_its_organisation(seed_facts: list[ArticleFacts]) -> None:
    mentions = {m.id: m.evidence.text for m in seed_facts[4].mentions}
    ice = next(e for e in seed_facts[4].entities if e.type is EntityType.ORG and "Enforcement" in e.name)
    assert sorted(mentions[i] for i in ice.mention_ids) == ["ICE", "US Immigration and Customs Enforcement"]
    assert [(a.text, a.kind.value) for a in ice.aliases] == [("ICE", "acronym")]


def test_seed_mentions_hold_their_evidence(seed_articles: dict, seed_facts: list[ArticleFacts]) -> None:
    by_id = {a.id: a for a in seed_articles.values()}
    for facts in seed_facts:
        for mention in facts.mentions:
            ev = mention.evidence
            assert getattr(by_id[ev.article_id], ev.field)[ev.start : ev.end] == ev.text
            assert not ev.text.endswith(("’s", "'s", ",")) and not ev.text.startswith("The ")


def test_seed_resolution_same_person_across_articles(seed_facts: list[ArticleFacts]) -> None:
    resolution = resolve_entities(seed_facts, [])
    people = [e for e in resolution.entities if e.type is EntityType.PERSON]
    assert sorted(e.name for e in people) == sorted(set().union(*PERSONS.values()))
    by_name = {e.name: e for e in people}
    ids = [f.article_id for f in seed_facts]
    assert by_name["Donald Trump"].article_ids == (ids[0], ids[4])
    xi = by_name["Xi Jinping"]
    assert xi.article_ids == (ids[2], ids[3])
    assert {(a.text, a.kind.value, a.script) for a in xi.aliases} == {("習近平", "other_script", "Hani")}
