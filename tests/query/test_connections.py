"""Timelines and the co-occurrence network, over the examples' knowledge base."""

from __future__ import annotations

import io
import json
from itertools import combinations
from pathlib import Path

import networkx
import pytest

import newsgraph
from newsgraph.errors import NewsgraphError


@pytest.fixture(scope="module")
def kb(examples_kb: Path):
    with newsgraph.open(examples_kb, read_only=True) as opened:
        yield opened


def test_timeline_lists_an_entitys_mentions_roles_quotes_and_events_by_date(kb: newsgraph.KnowledgeBase) -> None:
    dated = {a.id: a.published.date().isoformat() for a in kb.articles() if a.published}
    person = next(e for e in kb.entities(type="PERSON") if e.roles and set(e.article_ids) & set(dated)
                  and kb.entity(e.name).quotes)
    items = kb.timeline(person.name)
    assert {"mention", "role", "quote"} <= {t.kind for t in items}
    keys = [(t.date is None, t.date or "") for t in items]
    assert keys == sorted(keys)
    for t in items:
        article = kb.article(t.article_id).article
        text = article.deck if t.evidence.field == "deck" else article.text
        assert text[t.evidence.start:t.evidence.end] == t.evidence.text
        if t.kind in ("mention", "quote"):
            assert t.date == dated.get(t.article_id)
    assert sum(t.kind == "quote" for t in items) == len(kb.entity(person.name).quotes)
    assert len(items.to_pandas()) == len(items)


def test_timeline_and_network_refuse_unknown_entities_and_bad_weights(kb: newsgraph.KnowledgeBase) -> None:
    for call in (lambda: kb.timeline("Nobody At All"), lambda: kb.network(entity="Nobody At All")):
        with pytest.raises(NewsgraphError) as info:
            call()
        assert info.value.code == "NG402"
    with pytest.raises(NewsgraphError) as info:
        kb.network(min_weight=0)
    assert info.value.code == "NG425"


def test_network_weights_are_shared_articles(kb: newsgraph.KnowledgeBase) -> None:
    entities = kb.entities(min_articles=1)
    shared = {}
    for a, b in combinations(entities, 2):
        n = len(set(a.article_ids) & set(b.article_ids))
        if n:
            shared[tuple(sorted((a.id, b.id)))] = n
    graph = kb.network()
    assert {(e.source, e.target): e.weight for e in graph.edges} == shared
    heavy = kb.network(min_weight=2)
    assert all(e.weight >= 2 for e in heavy.edges) and len(heavy.edges) == sum(w >= 2 for w in shared.values())
    centre = entities[0]
    ego = kb.network(entity=centre.name)
    around = {i for pair in shared if centre.id in pair for i in pair} | {centre.id}
    assert {n.id for n in ego.nodes} == around
    assert all(e.source in around and e.target in around for e in ego.edges)


def test_network_cli_graphml_and_json_read_with_networkx(examples_kb: Path, kb: newsgraph.KnowledgeBase, newsgraph,
                                                         tmp_path: Path) -> None:
    graph = kb.network()
    proc = newsgraph("network", "--db", examples_kb, "--format", "graphml", "--output", tmp_path / "g.graphml")
    assert proc.returncode == 0, proc.stderr
    g = networkx.read_graphml(tmp_path / "g.graphml")
    assert g.number_of_nodes() == len(graph.nodes) and g.number_of_edges() == len(graph.edges)
    edge = graph.edges[0]
    assert g.edges[edge.source, edge.target]["weight"] == edge.weight
    node = graph.nodes[0]
    assert g.nodes[node.id]["name"] == node.name and g.nodes[node.id]["type"] == node.type
    proc = newsgraph("network", "--db", examples_kb, "--json", "--min-weight", "1")
    assert proc.returncode == 0, proc.stderr
    j = networkx.node_link_graph(json.loads(proc.stdout), edges="links")
    assert j.number_of_edges() == len(graph.edges)
    again = networkx.read_graphml(io.BytesIO(graph.to_graphml().encode("utf-8")))
    assert sorted(again.edges) == sorted(g.edges)


def test_entity_timeline_cli(examples_kb: Path, kb: newsgraph.KnowledgeBase, newsgraph) -> None:
    name = kb.entities(type="PERSON")[0].name
    proc = newsgraph("entity", name, "--timeline", "--db", examples_kb, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == kb.timeline(name).to_records()
    proc = newsgraph("entity", "Nobody At All", "--timeline", "--db", examples_kb)
    assert proc.returncode == 1 and proc.stderr.startswith("error NG402:") and "Traceback" not in proc.stderr
