"""Story clusters, kept current batch by batch, on model objects only.

A batch's kept articles are clustered together with the stored stories they may belong to (its
neighbourhood, found by the store from shared rare terms and entities): average-link agglomerative
clustering over a pairwise similarity, stopped at a threshold, then the new clusters are matched
to the old story ids.

The similarity of two articles (``similarity_matrix``):

- text: cosine of TF-IDF vectors over content-word stems (``story_features``), the IDF from the
  whole knowledge base's document frequencies;
- entities: cosine of entity vectors (type weight × IDF, so a country that appears everywhere
  weighs little, a person or a town a lot), blended with the text when both articles were extracted;
- marks, which separate two happenings of one kind: years written in both texts that never
  coincide, calendar dates that never coincide, and the same counted thing with different counts
  ("23 pirates" / "12 pirates") each scale the similarity down; a shared date or count raises it;
- time: when both publication dates are known, similarity decays with the days between them
  beyond a grace period.

Ids (``assign_ids``): a cluster keeps the id of the old story it shares most articles with (each
old id goes to one cluster: the larger part of a split keeps it); an old story whose articles all
went to clusters that kept other ids was merged, and its id is recorded in ``merged_ids`` of the
cluster that took most of its articles; a cluster with no old id gets a new id from its first
article id. Near-duplicate copies ride with their original. Large stories (more than
``block_size`` articles) enter the clustering as one block represented by their most recent
articles: they can grow or merge, not split.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from newsgraph.model import Story, StoryFeatures, stable_id


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryParams:
    """The clustering's knobs (tuned on ECB+ train; see ``newsgraph eval stories``).

    Attributes:
        threshold: average-link similarity at which two clusters join.
        entity_weight: share of the entity cosine in the blend with the text cosine.
        year_penalty: scale for a pair whose written years never coincide.
        date_penalty: scale for a pair whose written calendar dates never coincide.
        count_penalty: scale for each thing counted differently in the two texts.
        agree_bonus: added for each shared date or count (at most two).
        grace_days: days apart before time decay starts.
        tau_days: e-folding of the decay beyond the grace period.
        block_size: stories larger than this enter as an unsplittable block.
    """

    threshold: float = 0.16
    entity_weight: float = 0.25
    year_penalty: float = 0.4
    date_penalty: float = 0.85
    count_penalty: float = 0.7
    agree_bonus: float = 0.05
    grace_days: float = 3.0
    tau_days: float = 10.0
    block_size: int = 60


@dataclass(frozen=True, slots=True, kw_only=True)
class Neighbourhood:
    """What the store holds around a batch.

    Attributes:
        stories: stored stories that the batch may join (with all their members).
        features: story features of those stories' members (copies have none).
        copies: near-duplicate copy → its original, for members and for the batch's own duplicates.
        df: document frequency of each term and ``@entity`` key of the batch, over stored articles.
        documents: how many stored articles ``df`` counts.
    """

    stories: Sequence[Story] = ()
    features: Mapping[str, StoryFeatures] = field(default_factory=dict)
    copies: Mapping[str, str] = field(default_factory=dict)
    df: Mapping[str, int] = field(default_factory=dict)
    documents: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryClustering:
    """What clustering a batch decided.

    Attributes:
        stories: every new or changed story, as a full record.
        removed: ids of stored stories merged into another (recorded in its ``merged_ids``).
    """

    stories: tuple[Story, ...]
    removed: tuple[str, ...]


def document_keys(features: StoryFeatures) -> set[str]:
    """The keys an article counts once in the document frequencies: its terms and ``@entity`` ids."""
    return {t for t, _ in features.terms} | {f"@{e}" for e, _ in features.entities}


IDF_PRIOR = 20  # unseen background documents: a small base's IDF is not yet to be trusted


def _idf(df: Mapping[str, int], documents: int) -> dict[str, float]:
    return {k: math.log((documents + IDF_PRIOR + 1) / (v + 0.5)) for k, v in df.items()}


def index_keys(features: StoryFeatures, df: Mapping[str, int], documents: int, *, terms: int = 12) -> tuple[str, ...]:
    """The keys by which later articles find this one: its ``terms`` highest TF-IDF terms and its
    people, places and organisations (by entity id)."""
    scale = documents + IDF_PRIOR + 1

    def weight(term: str, count: float) -> float:
        return (1 + math.log(max(count, 1.0))) * math.log(scale / (df.get(term, 0) + 0.5))

    ranked = sorted(features.terms, key=lambda tc: (-weight(*tc), tc[0]))
    entities = [f"@{e}" for e, w in features.entities if w >= 1.0]
    return tuple(sorted({t for t, _ in ranked[:terms]} | set(entities)))


def _matrix(rows: Sequence[Sequence[tuple[str, float]]], idf: Mapping[str, float], fallback: float) -> np.ndarray:
    """Cosine similarities of weighted sparse vectors, computed over the keys that two rows share."""
    n = len(rows)
    seen: Counter[str] = Counter(k for row in rows for k, _ in row)
    shared = {k: i for i, k in enumerate(sorted(k for k, c in seen.items() if c > 1))}
    dense = np.zeros((n, len(shared)), dtype=np.float64)
    norms = np.zeros(n, dtype=np.float64)
    for i, row in enumerate(rows):
        for key, value in row:
            w = value * idf.get(key, fallback)
            norms[i] += w * w
            if key in shared:
                dense[i, shared[key]] = w
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    out = dense @ dense.T
    return out / np.outer(norms, norms)


@dataclass(frozen=True, slots=True)
class _Marks:
    years: frozenset[str]
    dates: frozenset[str]
    counts: dict[str, frozenset[str]]

    @classmethod
    def of(cls, features: StoryFeatures) -> _Marks:
        counted: dict[str, set[str]] = {}
        for mark in features.marks:
            if mark[0] == "n":
                value, _, noun = mark[1:].partition(":")
                counted.setdefault(noun, set()).add(value)
        return cls(frozenset(m for m in features.marks if m[0] == "y"), frozenset(m for m in features.marks if m[0] == "d"),
                   {k: frozenset(v) for k, v in counted.items()})


def _mark_factor(a: _Marks, b: _Marks, params: StoryParams) -> tuple[float, float]:
    """(scale, bonus) from the two articles' written years, dates and counts."""
    scale, agree = 1.0, 0
    if a.years and b.years and not a.years & b.years:
        scale *= params.year_penalty
    if a.dates and b.dates:
        if a.dates & b.dates:
            agree += 1
        else:
            scale *= params.date_penalty
    same = differ = 0
    for noun in a.counts.keys() & b.counts.keys():
        if a.counts[noun] & b.counts[noun]:
            same += 1
        else:
            differ += 1
    if differ > same:
        scale *= params.count_penalty
    return scale, params.agree_bonus * min(agree + same, 2)


_NEGLIGIBLE = 0.05  # pairs less similar than this are not worth the marks and dates


def _days(a: datetime | None, b: datetime | None) -> float | None:
    if a is None or b is None:
        return None
    return abs((a - b).total_seconds()) / 86400.0


def similarity_matrix(items: Sequence[StoryFeatures], df: Mapping[str, int], documents: int,
                      params: StoryParams = StoryParams()) -> np.ndarray:
    """Pairwise similarity of ``items`` (``df`` and ``documents`` should count the items too)."""
    idf = _idf(df, documents)
    fallback = math.log(documents + IDF_PRIOR + 2)
    text = _matrix([[(t, 1 + math.log(c)) if c >= 1 else (t, c) for t, c in f.terms] for f in items], idf, fallback)
    ents = _matrix([[(f"@{e}", w) for e, w in f.entities] for f in items], idf, fallback)
    has = np.array([bool(f.entities) for f in items])
    both = np.outer(has, has)
    sim = np.where(both, (1 - params.entity_weight) * text + params.entity_weight * ents, text)
    marks = [_Marks.of(f) for f in items]
    for i, j in zip(*np.nonzero(np.triu(sim, 1) > _NEGLIGIBLE)):
        scale, bonus = _mark_factor(marks[i], marks[j], params)
        days = _days(items[i].published, items[j].published)
        if days is not None and days > params.grace_days:
            scale *= math.exp(-(days - params.grace_days) / params.tau_days)
        sim[i, j] = sim[j, i] = sim[i, j] * scale + bonus * scale
    np.fill_diagonal(sim, 1.0)
    return sim


def average_link(sim: np.ndarray, groups: Sequence[Sequence[int]], threshold: float) -> list[list[int]]:
    """Average-link agglomerative clustering of the items of ``sim``, starting from ``groups`` (a
    partition of the items), merging while the best average similarity is at least ``threshold``."""
    k = len(groups)
    member = np.zeros((k, sim.shape[0]))
    for g, items in enumerate(groups):
        member[g, list(items)] = 1.0
    total = member @ sim @ member.T
    sizes = member.sum(axis=1)
    clusters = [list(g) for g in groups]
    active = np.ones(k, dtype=bool)
    avg = total / np.outer(sizes, sizes)
    np.fill_diagonal(avg, -np.inf)
    while k > 1:
        best = int(np.argmax(avg))
        i, j = divmod(best, k)
        if avg[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        sizes[i] += sizes[j]
        clusters[i].extend(clusters[j])
        active[j] = False
        row = np.where(active, total[i, :] / (sizes[i] * sizes), -np.inf)
        row[i] = -np.inf
        avg[i, :] = row
        avg[:, i] = row
        avg[j, :] = -np.inf
        avg[:, j] = -np.inf
    return [sorted(clusters[g]) for g in range(k) if active[g]]


def _title(cluster: Sequence[int], items: Sequence[StoryFeatures], sim: np.ndarray) -> str:
    """The headline (or lede) of the cluster's most central article: the highest summed similarity
    to the others, the earliest article on a tie."""
    def key(i: int) -> tuple[float, str, str]:
        published = items[i].published.isoformat() if items[i].published else "~"
        return (-round(float(sim[i, list(cluster)].sum()), 9), published, items[i].article_id)
    return items[min(cluster, key=key)].title


def _new_id(members: Sequence[str], taken: set[str]) -> str:
    base = min(members)
    story_id, n = stable_id("sto", base), 0
    while story_id in taken:
        n += 1
        story_id = stable_id("sto", base, n)
    return story_id


def assign_ids(clusters: Sequence[Sequence[str]], old: Mapping[str, str], known: Mapping[str, Story]) -> tuple[list[str], dict[str, list[str]]]:
    """Story ids for ``clusters`` (article ids) given each article's ``old`` story id: (one id a
    cluster, cluster index → old ids it absorbed). See the module docstring for the rules."""
    overlap: dict[tuple[int, str], int] = Counter((c, old[a]) for c, members in enumerate(clusters) for a in members if a in old)
    ids: list[str | None] = [None] * len(clusters)
    given: set[str] = set()
    for (c, story_id), count in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0])):
        if ids[c] is None and story_id not in given:
            ids[c] = story_id
            given.add(story_id)
    taken = set(known) | given
    for c, members in enumerate(clusters):
        if ids[c] is None:
            ids[c] = _new_id(members, taken)
            taken.add(ids[c])  # type: ignore[arg-type]
    absorbed: dict[str, list[str]] = {}
    for story_id in sorted({s for _, s in overlap} - given):
        best = max((kv for kv in overlap.items() if kv[0][1] == story_id), key=lambda kv: (kv[1], -kv[0][0]))
        absorbed.setdefault(ids[best[0][0]], []).append(story_id)  # type: ignore[arg-type]
    return [i for i in ids if i is not None], absorbed


def _items(batch: Sequence[StoryFeatures], around: Neighbourhood, params: StoryParams) -> tuple[list[StoryFeatures], list[list[int]], dict[str, str]]:
    """The items to cluster (sorted by article id, so that batch order does not matter), their
    initial groups (one item each, or a large story's block), and the followers: articles that
    ride with an item (a large story's other members)."""
    by_id: dict[str, StoryFeatures] = {f.article_id: f for f in batch}
    blocks: list[list[str]] = []
    followers: dict[str, str] = {}
    for story in around.stories:
        members = [around.features[a] for a in story.article_ids if a in around.features and a not in by_id]
        if len(members) > params.block_size:
            members.sort(key=lambda f: (f.published.isoformat() if f.published else "", f.article_id), reverse=True)
            shown = members[: params.block_size]
            blocks.append([f.article_id for f in shown])
            lead = shown[0].article_id
            followers.update((f.article_id, lead) for f in members[params.block_size:])
            members = shown
        by_id.update((f.article_id, f) for f in members)
    items = [by_id[a] for a in sorted(by_id)]
    index = {f.article_id: i for i, f in enumerate(items)}
    in_block = {a for block in blocks for a in block}
    groups = [[index[a] for a in block] for block in blocks] + [[i] for i, f in enumerate(items) if f.article_id not in in_block]
    return items, groups, followers


def cluster_stories(batch: Sequence[StoryFeatures], around: Neighbourhood = Neighbourhood(),
                    params: StoryParams = StoryParams()) -> StoryClustering:
    """Cluster ``batch`` (new kept articles) with the stored stories ``around`` it."""
    if not batch and not around.copies:
        return StoryClustering(stories=(), removed=())
    items, groups, followers = _items(batch, around, params)
    df: Counter[str] = Counter(around.df)
    for f in batch:
        df.update(document_keys(f))
    sim = similarity_matrix(items, df, around.documents + len(batch), params)
    clusters = average_link(sim, groups, params.threshold)
    known = {s.id: s for s in around.stories}
    old = {a: s.id for s in around.stories for a in s.article_ids}
    ride: dict[str, list[str]] = {}
    for follower, lead in sorted(followers.items()):
        ride.setdefault(lead, []).append(follower)
    for copy, original in sorted(around.copies.items()):
        ride.setdefault(followers.get(original, original), []).append(copy)
    members = [sorted(a for i in c for a in [items[i].article_id, *ride.get(items[i].article_id, [])]) for c in clusters]
    ids, absorbed = assign_ids(members, old, known)
    features = {f.article_id: f for f in items} | {a: around.features[a] for a in followers if a in around.features}
    stories = []
    for story_id, cluster, articles in zip(ids, clusters, members):
        merged = set(known[story_id].merged_ids) if story_id in known else set()
        for gone in absorbed.get(story_id, []):
            merged |= {gone, *known[gone].merged_ids}
        dates = sorted(features[a].published for a in articles if a in features and features[a].published)  # type: ignore[type-var]
        story = Story(id=story_id, title=_title(cluster, items, sim), start=dates[0] if dates else None,
                      end=dates[-1] if dates else None, article_ids=tuple(articles), merged_ids=tuple(sorted(merged)))
        if known.get(story_id) != story:
            stories.append(story)
    removed = tuple(sorted(s for gone in absorbed.values() for s in gone))
    return StoryClustering(stories=tuple(sorted(stories, key=lambda s: s.id)), removed=removed)
