"""The co-occurrence network: entities joined when they appear in the same articles."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from newsgraph.errors import QueryError
from newsgraph.store import cooccurrence, entity_article_counts, find_entity_ids, open_store

FORMATS = ("graphml", "json")


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """An entity in the network: id, canonical name, type, and the articles it appears in."""

    id: str
    name: str
    type: str
    articles: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    """Two entities (``source`` < ``target``, by id) and ``weight``, the articles they share."""

    source: str
    target: str
    weight: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    """Entities that appear together, weighted by shared articles (undirected).

    Attributes:
        nodes: the entities with at least one edge (and the centre entity, when one was asked for).
        edges: heaviest first.
    """

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def to_json(self) -> str:
        """networkx's node-link form (``networkx.node_link_graph(data, edges="links")`` reads it)."""
        return network_json(self)

    def to_graphml(self) -> str:
        """GraphML (networkx's ``read_graphml``, Gephi and yEd read it)."""
        return network_graphml(self)


def network(db: str | Path, *, entity: str | None = None, min_weight: int = 1) -> Network:
    """The co-occurrence network, or the ego network of ``entity`` (it, its neighbours, and the
    edges among them); edges lighter than ``min_weight`` are dropped. NG402 for an unknown entity,
    NG425 for a weight under 1."""
    if min_weight < 1:
        raise QueryError("NG425", f"--min-weight must be 1 or more, got {min_weight}")
    with open_store(db, read_only=True) as store:
        centre = None
        if entity is not None:
            ids = find_entity_ids(store, entity)
            if not ids:
                raise QueryError("NG402", f"no entity named {entity!r} in {db}")
            centre = ids[0]
        pairs = cooccurrence(store, min_weight=min_weight, around=centre)
        ids_in = sorted({i for a, b, _ in pairs for i in (a, b)} | ({centre} if centre else set()))
        info = entity_article_counts(store, ids_in)
    nodes = tuple(Node(id=i, name=info[i][0], type=info[i][1], articles=info[i][2]) for i in ids_in if i in info)
    return Network(nodes=nodes, edges=tuple(Edge(source=a, target=b, weight=w) for a, b, w in pairs))


def network_json(net: Network) -> str:
    data: dict[str, Any] = {
        "directed": False, "multigraph": False, "graph": {"weight": "articles shared"},
        "nodes": [{"id": n.id, "name": n.name, "type": n.type, "articles": n.articles} for n in net.nodes],
        "links": [{"source": e.source, "target": e.target, "weight": e.weight} for e in net.edges],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def network_graphml(net: Network) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
        '  <key id="articles" for="node" attr.name="articles" attr.type="int"/>',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
        '  <graph id="newsgraph" edgedefault="undirected">',
    ]
    for n in net.nodes:
        lines.append(f"    <node id={quoteattr(n.id)}><data key=\"name\">{escape(n.name)}</data>"
                     f"<data key=\"label\">{escape(n.name)}</data><data key=\"type\">{escape(n.type)}</data>"
                     f"<data key=\"articles\">{n.articles}</data></node>")
    for i, e in enumerate(net.edges):
        lines.append(f"    <edge id=\"e{i}\" source={quoteattr(e.source)} target={quoteattr(e.target)}>"
                     f"<data key=\"weight\">{e.weight}</data></edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"
