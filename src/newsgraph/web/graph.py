"""A small co-occurrence network drawn server-side as SVG: the entity in the centre, the
entities it appears with on a circle around it, lines weighted by shared articles."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.web.highlight import KINDS

WIDTH, HEIGHT, RADIUS = 640, 420, 150


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    css: str
    x: float
    y: float
    r: float
    anchor: str  # text-anchor of its label
    label_x: float
    label_y: float


@dataclass(frozen=True, slots=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    weight: int


@dataclass(frozen=True, slots=True)
class Drawing:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def layout(centre: str, companions: Sequence[tuple[str, str, str, int]], edges: Sequence[tuple[str, str, int]],
           heads: dict[str, dict[str, Any]]) -> Drawing:
    """Positions for ``centre`` and its ``companions`` (id, name, type, shared articles)."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    most = max((c[3] for c in companions), default=1) or 1
    nodes = {centre: Node(centre, heads[centre]["name"], KINDS.get(heads[centre]["type"], ("hl-other",))[0],
                          cx, cy, 16, "middle", cx, cy + 32)}
    n = len(companions)
    for i, (eid, name, etype, shared) in enumerate(companions):
        angle = -math.pi / 2 + 2 * math.pi * i / max(n, 1)
        x, y = cx + RADIUS * 1.2 * math.cos(angle), cy + RADIUS * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        r = 6 + 8 * shared / most
        lx = x + (r + 4 if anchor == "start" else -(r + 4) if anchor == "end" else 0)
        ly = y + (4 if anchor != "middle" else (r + 14 if math.sin(angle) > 0 else -(r + 6)))
        nodes[eid] = Node(eid, name, KINDS.get(etype, ("hl-other",))[0], round(x, 1), round(y, 1), round(r, 1),
                          anchor, round(lx, 1), round(ly, 1))
    heaviest = max((w for _, _, w in edges), default=1) or 1
    lines = tuple(Edge(nodes[a].x, nodes[a].y, nodes[b].x, nodes[b].y, round(1 + 4 * w / heaviest, 1), w)
                  for a, b, w in edges if a in nodes and b in nodes)
    ordered = sorted(lines, key=lambda e: e.width)
    return Drawing(WIDTH, HEIGHT, tuple(nodes.values()), tuple(ordered))
