"""The entities component on invented news sentences: cleaning, repairs, roles, aliases, clusters."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.model import Article, ArticleFacts, EntityType, LocalEntity, RoleStatus, SourceFormat, SourcePointer
from newsgraph.nlp import extract, load_pipeline
from newsgraph.nlp.aliases import script_of
from newsgraph.nlp.countries import canonical_country, country_of_demonym


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=["newsgraph_entities"])


def run(nlp: Language, text: str) -> ArticleFacts:
    article = Article(id="t", source=SourcePointer(path="-", format=SourceFormat.TEXT), text=text)
    (facts,) = extract([article], nlp=nlp)
    return facts


def entity(facts: ArticleFacts, name: str) -> LocalEntity:
    (found,) = [e for e in facts.entities if e.name == name]
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Federal Reserve raised rates on Wednesday.", ["Federal Reserve"]),
        ("Officials praised Marta Kowalski's plan on Monday.", ["Marta Kowalski"]),
        ("Analysts at Goldman Sachs, Morgan Stanley and others disagreed.", ["Goldman Sachs", "Morgan Stanley"]),
    ],
)
def test_mentions_cleaned_of_article_possessive_comma(nlp: Language, text: str, expected: list[str]) -> None:
    assert [m.evidence.text for m in run(nlp, text).mentions] == expected


@pytest.mark.parametrize(
    ("text", "name", "title", "organization", "status"),
    [
        ("Japanese Prime Minister Haruki Sato visited Paris on Monday.", "Haruki Sato", "prime minister", "Japan", RoleStatus.CURRENT),
        ("Minister of Foreign Affairs Lucia Ferreira spoke in Lisbon.", "Lucia Ferreira", "minister of foreign affairs", None, RoleStatus.CURRENT),
        ("US Secretary of Commerce Daniel Whitcombe met exporters.", "Daniel Whitcombe", "secretary of commerce", "United States", RoleStatus.CURRENT),
        ("Norwegian Coast Guard spokeswoman Ingrid Solberg confirmed the arrest.", "Ingrid Solberg", "spokeswoman", "Norwegian Coast Guard", RoleStatus.CURRENT),
        ("The plan was drafted by Henrik Lindqvist, Sweden's finance minister, last year.", "Henrik Lindqvist", "finance minister", "Sweden", RoleStatus.CURRENT),
        ("Canada's foreign minister, Melanie Gagnon, said talks would continue.", "Melanie Gagnon", "foreign minister", "Canada", RoleStatus.CURRENT),
        ("The inquiry was opened by Marcus Feld, who heads the Federal Aviation Safety Board, on Friday.", "Marcus Feld", "head", "Federal Aviation Safety Board", RoleStatus.CURRENT),
        ("Former Japanese prime minister Kenji Morimoto criticised the plan.", "Kenji Morimoto", "prime minister", "Japan", RoleStatus.FORMER),
        ("Acting Governor Patricia Holloway signed the order.", "Patricia Holloway", "governor", None, RoleStatus.ACTING),
        ("President-elect Tomas Varga will take office in May.", "Tomas Varga", "president", None, RoleStatus.ELECTED),
        ("Oliver Bennett, the chief executive of Harbour Freight Lines, said costs had doubled.", "Oliver Bennett", "chief executive", "Harbour Freight Lines", RoleStatus.CURRENT),
    ],
)
def test_roles_every_news_form(
    nlp: Language, text: str, name: str, title: str, organization: str | None, status: RoleStatus
) -> None:
    facts = run(nlp, text)
    roles = entity(facts, name).roles
    assert [(r.title, r.organization, r.status) for r in roles] == [(title, organization, status)]
    assert all(r.evidence.text == text[r.evidence.start : r.evidence.end] and name in r.evidence.text for r in roles)


@pytest.mark.parametrize(
    ("text", "name", "forms"),
    [
        ("General Secretary Ngo Van Thanh opened the congress. Thanh spoke for an hour.", "Ngo Van Thanh", ["Ngo Van Thanh", "Thanh"]),
        ("Senator Laura Bennett filed the bill. Mr Bennett's aides said it would pass.", "Laura Bennett", ["Laura Bennett", "Bennett"]),
        ("Lucia Ferreira arrived late. Ms Ferreira said the delay was due to fog.", "Lucia Ferreira", ["Lucia Ferreira", "Ferreira"]),
    ],
)
def test_short_forms_join_the_full_name(nlp: Language, text: str, name: str, forms: list[str]) -> None:
    facts = run(nlp, text)
    texts = {m.id: m.evidence.text for m in facts.mentions}
    assert [texts[i] for i in entity(facts, name).mention_ids] == forms


@pytest.mark.parametrize(
    ("text", "name", "alias", "kind", "script"),
    [
        ("Chinese Premier Zhao Mingyuan (赵明远) will visit Berlin.", "Zhao Mingyuan", "赵明远", "other_script", "Hani"),
        ("Russian Foreign Minister Pavel Sorokin (Павел Сорокин) rejected it.", "Pavel Sorokin", "Павел Сорокин", "other_script", "Cyrl"),
        ("The European Central Bank (ECB) held rates. The ECB meets again in June.", "European Central Bank", "ECB", "acronym", "Latn"),
        ("Officials at the NWPA found traps. The National Wildlife Protection Agency blamed poachers.", "National Wildlife Protection Agency", "NWPA", "acronym", "Latn"),
        ("Japanese officials said talks with Japan would resume.", "Japan", "Japanese", "demonym", "Latn"),
        ("Trade with the US rose. U.S. officials said the United States would keep tariffs.", "United States", "U.S.", "variant", "Latn"),
    ],
)
def test_aliases_defined_in_the_text(nlp: Language, text: str, name: str, alias: str, kind: str, script: str) -> None:
    aliases = {(a.text, a.kind.value, a.script) for a in entity(run(nlp, text), name).aliases}
    assert (alias, kind, script) in aliases


def test_acronym_mentions_join_the_organisation(nlp: Language) -> None:
    facts = run(nlp, "The FMA fined two brokers. The Financial Markets Authority (FMA) said they misled clients.")
    texts = {m.id: m.evidence.text for m in facts.mentions}
    org = entity(facts, "Financial Markets Authority")
    assert [texts[i] for i in org.mention_ids] == ["FMA", "Financial Markets Authority", "FMA"]


def test_demonym_mention_kept_as_norp_in_country_cluster(nlp: Language) -> None:
    facts = run(nlp, "Mexican President Elena Castaneda said Mexico would not accept the tariffs.")
    mexico = entity(facts, "Mexico")
    types = {m.id: m.type for m in facts.mentions}
    assert mexico.type is EntityType.GPE
    assert [types[i] for i in mexico.mention_ids] == [EntityType.NORP, EntityType.GPE]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prime Minister Hana Kowalczyk said Poland would build reactors. Kowalczyk spoke in Warsaw.", "Hana Kowalczyk"),
        ("Rear Admiral Roy Vicente Trinidad said two ships had been shadowed.", "Roy Vicente Trinidad"),
    ],
)
def test_name_after_title_is_a_person(nlp: Language, text: str, name: str) -> None:
    assert entity(run(nlp, text), name).type is EntityType.PERSON


def test_short_form_mistyped_as_org_becomes_person(nlp: Language) -> None:
    facts = run(nlp, "Chancellor Anna Weber met unions in Bonn. Weber's proposal was rejected by employers.")
    assert [e.name for e in facts.entities if e.type is EntityType.PERSON] == ["Anna Weber"]
    assert not [e for e in facts.entities if e.name == "Weber"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("US", "United States"), ("U.S.", "United States"), ("the United States", "United States"), ("America", "United States"), ("Britain", "United Kingdom"), ("us", None)],
)
def test_countries_canonical_variant(written: str, canonical: str | None) -> None:
    assert canonical_country(written) == canonical


@pytest.mark.parametrize(("demonym", "country"), [("Japanese", "Japan"), ("Filipinos", "Philippines"), ("Martian", None)])
def test_countries_demonym(demonym: str, country: str | None) -> None:
    assert country_of_demonym(demonym) == country


@pytest.mark.parametrize(("text", "script"), [("習近平", "Hani"), ("Павел", "Cyrl"), ("يوسف", "Arab"), ("Νίκος", "Grek"), ("김정", "Hang"), ("Anna", "Latn"), ("123", "Zyyy")])
def test_aliases_script_of(text: str, script: str) -> None:
    assert script_of(text) == script
