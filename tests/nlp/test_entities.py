"""The entities component on invented news sentences: cleaning, repairs, roles, aliases, clusters."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.model import Article, ArticleFacts, EntityType, LocalEntity, RoleStatus, SourceFormat, SourcePointer
from newsgraph.nlp import extract
from newsgraph.nlp.aliases import script_of
from newsgraph.nlp.countries import canonical_country, country_of_demonym


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
def test_mentions_cleaned_of_article_possessive_comma(run, nlp: Language, text: str, expected: list[str]) -> None:
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
        ("Vice-President Rosa Alvarez opened the bridge.", "Rosa Alvarez", "vice-president", None, RoleStatus.CURRENT),
        ("Tom Reyes, vice-president of Acme Robotics, resigned.", "Tom Reyes", "vice-president", "Acme Robotics", RoleStatus.CURRENT),
        ("The deal was agreed by Carla Moss, its highly successful boss, on Monday.", "Carla Moss", "boss", None, RoleStatus.CURRENT),
        ("Prime Minister of Japan Haruki Sato visited Paris on Monday.", "Haruki Sato", "prime minister", "Japan", RoleStatus.CURRENT),
        ("President of Acme Robotics Carla Diaz resigned on Monday.", "Carla Diaz", "president", "Acme Robotics", RoleStatus.CURRENT),
        ("Former Japanese prime minister Kenji Morimoto criticised the plan.", "Kenji Morimoto", "prime minister", "Japan", RoleStatus.FORMER),
        ("Acting Governor Patricia Holloway signed the order.", "Patricia Holloway", "governor", None, RoleStatus.ACTING),
        ("President-elect Tomas Varga will take office in May.", "Tomas Varga", "president", None, RoleStatus.ELECTED),
        ("Oliver Bennett, the chief executive of Harbour Freight Lines, said costs had doubled.", "Oliver Bennett", "chief executive", "Harbour Freight Lines", RoleStatus.CURRENT),
        ("The report was written by Martin Hale, 68, the former chief of the Western Water Board, on Friday.", "Martin Hale", "chief", "Western Water Board", RoleStatus.FORMER),
        ("Nadia Petrova, who is the chief executive of Baltic Rail Freight, said talks had stalled.", "Nadia Petrova", "chief executive", "Baltic Rail Freight", RoleStatus.CURRENT),
        ("Ruth Okafor, Lumen Networks' chief operating officer, resigned.", "Ruth Okafor", "chief operating officer", "Lumen Networks", RoleStatus.CURRENT),
    ],
)
def test_roles_every_news_form(
    run,
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
        ("Harbour board chief executive Pieter van Dam said on Tuesday that the cranes were safe. "
         "Van Dam, 61, said the board had ordered two more.", "Pieter van Dam", ["Pieter van Dam", "Van Dam"]),
    ],
)
def test_short_forms_join_the_full_name(run, nlp: Language, text: str, name: str, forms: list[str]) -> None:
    facts = run(nlp, text)
    texts = {m.id: m.evidence.text for m in facts.mentions}
    assert [texts[i] for i in entity(facts, name).mention_ids] == forms


def test_a_surname_two_people_share_joins_each_its_nearest_full_name(run, nlp: Language) -> None:
    text = ("Felix Okoro founded the firm in Lagos in 2010. Okoro said it would grow. His sister Tamsin Okoro "
            "joined in 2019. Okoro said she was pleased with the deal.")
    facts = run(nlp, text)
    texts = {m.id: m.evidence.text for m in facts.mentions}
    assert [texts[i] for i in entity(facts, "Felix Okoro").mention_ids] == ["Felix Okoro", "Okoro"]
    assert [texts[i] for i in entity(facts, "Tamsin Okoro").mention_ids] == ["Tamsin Okoro", "Okoro"]


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
def test_aliases_defined_in_the_text(run, nlp: Language, text: str, name: str, alias: str, kind: str, script: str) -> None:
    aliases = {(a.text, a.kind.value, a.script) for a in entity(run(nlp, text), name).aliases}
    assert (alias, kind, script) in aliases


def test_acronym_mentions_join_the_organisation(run, nlp: Language) -> None:
    facts = run(nlp, "The FMA fined two brokers. The Financial Markets Authority (FMA) said they misled clients.")
    texts = {m.id: m.evidence.text for m in facts.mentions}
    org = entity(facts, "Financial Markets Authority")
    assert [texts[i] for i in org.mention_ids] == ["FMA", "Financial Markets Authority", "FMA"]


def test_demonym_mention_kept_as_norp_in_country_cluster(run, nlp: Language) -> None:
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
def test_name_after_title_is_a_person(run, nlp: Language, text: str, name: str) -> None:
    assert entity(run(nlp, text), name).type is EntityType.PERSON


def test_short_form_mistyped_as_org_becomes_person(run, nlp: Language) -> None:
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


@pytest.mark.parametrize("section", ["business", "politics", "sport", "tech", "entertainment"])
def test_entities_invariants_on_unseen_news(nlp: Language, shared_data, section: str) -> None:  # type: ignore[no-untyped-def]
    paths = sorted((shared_data / "bbc-news" / section).glob("*.txt"))[:12]
    articles = [
        Article(id=p.name, source=SourcePointer(path=str(p), format=SourceFormat.TEXT), text=p.read_text(encoding="utf-8", errors="replace"))
        for p in paths
    ]
    for article, facts in zip(articles, extract(articles, nlp=nlp), strict=True):
        ids = [m.id for m in facts.mentions]
        assert len(ids) == len(set(ids))
        spans = sorted((m.evidence.start, m.evidence.end) for m in facts.mentions)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
        assert all(article.text[m.evidence.start : m.evidence.end] == m.evidence.text for m in facts.mentions)
        members = [i for e in facts.entities for i in e.mention_ids]
        assert sorted(members) == sorted(ids)
        keys = {e.key for e in facts.entities}
        assert len(keys) == len(facts.entities) and all(m.cluster in keys for m in facts.mentions)
        for entity in facts.entities:
            for role in entity.roles:
                assert article.text[role.evidence.start : role.evidence.end] == role.evidence.text


@pytest.mark.parametrize(
    "text",
    ["", "President", "Mr", "(FMA)", "習近平", "Park Jae-won", "won-Park said.", "Lucia Ferreira", "The US (USA) and U.S.", "Minister of\n\nFinance Ola Berg said."],
)
def test_entities_edge_texts_hold_evidence(run, nlp: Language, text: str) -> None:
    facts = run(nlp, text)
    assert all(text[m.evidence.start : m.evidence.end] == m.evidence.text for m in facts.mentions)
    assert sorted(i for e in facts.entities for i in e.mention_ids) == sorted(m.id for m in facts.mentions)
