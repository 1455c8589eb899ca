"""Story clustering against gold story labels: ECB+ (``story``) or Giveme5W1H (``category``).

The articles are shuffled (seeded) and fed in batches through the real pipeline into a fresh
knowledge base in a temporary folder: de-duplication, extraction (spaCy, entities resolved across
batches; ``-o nlp=false`` skips it and clusters on text, marks and dates alone) and the incremental
story clustering, exactly as ``newsgraph ingest`` runs them. Our stories are then read back.

Scores: B-cubed precision / recall / F1 (each article's cluster against its gold story, averaged
over articles) and pairwise precision / recall / F1 (same-story article pairs). The topic-level
score says how often two different topics (ECB+ pairs two happenings of one kind a topic) were
mixed: the share of our same-story pairs whose articles belong to different topics. The anchor is a
TF-IDF cosine single-link clustering (words lower-cased, no stopwords, smooth IDF, link when the
cosine is at least ``BASELINE_THRESHOLD``, chosen on ECB+ train) over the same articles, run in
the same process.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re
import tempfile
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from newsgraph.errors import QueryError
from newsgraph.evaluate import Metric, Report

NAME = "stories"
DESCRIPTION = "story clustering (B-cubed and pairwise F1) vs ECB+ story labels or Giveme5W1H categories"
BASELINE_THRESHOLD = 0.25
BASELINE_LABEL = f"TF-IDF cosine single-link at {BASELINE_THRESHOLD}, same run"
_WORD = re.compile(r"[a-z][a-z']+")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Doc:
    name: str
    story: str
    topic: str
    title: str | None
    deck: str | None
    text: str
    published: datetime | None


def _ecbplus(path: Path) -> list[_Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            docs.append(_Doc(name=r["id"], story=r["story"], topic=str(r["topic"]), title=None, deck=None,
                             text=r["text"], published=None))
    return docs


def _published(raw: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(raw).replace(tzinfo=timezone.utc) if raw else None
    except ValueError:
        return None


def _giveme(folder: Path) -> list[_Doc]:
    docs = []
    for path in sorted(folder.glob("*.json")):
        r = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(r, dict):
            continue
        body = (r.get("text") or "").strip()
        if not r.get("category") or not body:
            continue
        description = (r.get("description") or "").strip()
        docs.append(_Doc(name=path.stem, story=r["category"], topic=r["category"], title=(r.get("title") or "").strip() or None,
                         deck=description if description and not body.startswith(description[:60]) else None,
                         text=body, published=_published(r.get("date_publish"))))
    return docs


def load(data: Path, split: str = "dev") -> list[_Doc]:
    """ECB+ (a folder with ``ecbplus.<split>.jsonl``, or that file) or a Giveme5W1H folder."""
    split_file = data / f"ecbplus.{split}.jsonl"
    if data.is_file():
        docs = _ecbplus(data)
    elif split_file.is_file():
        docs = _ecbplus(split_file)
    elif any(data.glob("*.json")):
        docs = _giveme(data)
    else:
        raise QueryError("NG405", f"no ecbplus.{split}.jsonl and no Giveme5W1H *.json files in {data}")
    if not docs:
        raise QueryError("NG482", f"no ECB+ or Giveme5W1H article with a story in {data}")
    return docs


def _articles(docs: Sequence[_Doc]) -> list:
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id

    return [Article(id=article_id(d.name, d.text), text=d.text, title=d.title, deck=d.deck, published=d.published,
                    source=SourcePointer(path=d.name, format=SourceFormat.JSONL)) for d in docs]


def _ours(articles: Sequence, *, batch_size: int, extract: bool) -> dict[str, str]:
    """Article id → story id, from the real pipeline over ``articles`` in a fresh knowledge base."""
    from newsgraph.pipeline import IngestOptions, ingest_records
    from newsgraph.query.stories import list_stories

    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-stories-") as folder:
        db = Path(folder) / "kb.duckdb"
        ingest_records(articles, db=db, options=IngestOptions(batch_size=batch_size, extract=extract))
        return {a: s.id for s in list_stories(db) for a in s.article_ids}


def baseline(texts: Sequence[str], threshold: float = BASELINE_THRESHOLD) -> list[int]:
    """TF-IDF cosine single-link clusters: a cluster label for each text."""
    from newsgraph.resolve.story_features import STOPWORDS

    counts = [Counter(w for w in _WORD.findall(t.lower()) if w not in STOPWORDS) for t in texts]
    df = Counter(w for c in counts for w in c)
    n = len(texts)
    vectors = []
    for c in counts:
        v = {w: (1 + math.log(k)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(n), 2):
        a, b = vectors[i], vectors[j]
        if len(a) > len(b):
            a, b = b, a
        if sum(x * b.get(w, 0.0) for w, x in a.items()) >= threshold:
            parent[root(i)] = root(j)
    return [root(i) for i in range(n)]


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``pred`` against ``gold`` (item → label) over gold's items."""
    items = list(gold)
    pc = Counter(pred[i] for i in items)
    gc = Counter(gold[i] for i in items)
    both = Counter((pred[i], gold[i]) for i in items)
    p = sum(both[pred[i], gold[i]] / pc[pred[i]] for i in items) / len(items)
    r = sum(both[pred[i], gold[i]] / gc[gold[i]] for i in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairs(labels: Mapping[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, []).append(item)
    return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}  # type: ignore[misc]


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over same-cluster pairs."""
    ours, truth = _pairs(pred), _pairs(gold)
    p = len(ours & truth) / len(ours) if ours else 1.0
    r = len(ours & truth) / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def mixed_topics(pred: Mapping[str, str], topic: Mapping[str, str]) -> float:
    """The share of same-cluster pairs whose two articles belong to different topics."""
    pairs = _pairs(pred)
    return sum(topic[a] != topic[b] for a, b in pairs) / len(pairs) if pairs else 0.0


def evaluate(data: Path, *, split: str = "dev", batch_size: int = 25, seed: int = 13, nlp: bool = True,
             limit: int | None = None, **_: object) -> Report:
    docs = load(data, split)
    random.Random(seed).shuffle(docs)
    if limit:
        docs = docs[:limit]
    articles = _articles(docs)
    gold = {a.id: d.story for a, d in zip(articles, docs)}
    topic = {a.id: d.topic for a, d in zip(articles, docs)}
    started = time.perf_counter()
    found = _ours(articles, batch_size=batch_size, extract=nlp)
    seconds = time.perf_counter() - started
    ours = {a: found.get(a, f"missing:{a}") for a in gold}
    started = time.perf_counter()
    labels = baseline(["\n".join(t for t in (d.title, d.deck, d.text) if t) for d in docs])
    base_seconds = time.perf_counter() - started
    anchor = {a.id: str(label) for a, label in zip(articles, labels)}
    rows = [("bcubed_precision", 0), ("bcubed_recall", 1), ("bcubed_f1", 2)]
    ob, ab = bcubed(ours, gold), bcubed(anchor, gold)
    op, ap = pairwise(ours, gold), pairwise(anchor, gold)
    metrics = [Metric(name=name, ours=ob[i], anchor=ab[i], anchor_label=BASELINE_LABEL) for name, i in rows]
    metrics += [Metric(name=name.replace("bcubed", "pairwise"), ours=op[i], anchor=ap[i], anchor_label=BASELINE_LABEL)
                for name, i in rows]
    metrics += [
        Metric(name="mixed_topic_pairs", ours=mixed_topics(ours, topic), anchor=mixed_topics(anchor, topic), anchor_label=BASELINE_LABEL),
        Metric(name="stories", ours=float(len(set(ours.values()))), anchor=float(len(set(anchor.values()))),
               anchor_label=f"{len(set(gold.values()))} gold stories"),
        Metric(name="seconds", ours=seconds, anchor=base_seconds, anchor_label="baseline seconds, same run"),
    ]
    notes = (
        f"{len(docs)} articles, {len(set(gold.values()))} gold stories in {len(set(topic.values()))} topics; "
        f"fed in batches of {batch_size} in a shuffled order (seed {seed}) through the real pipeline "
        f"({'with' if nlp else 'without'} spaCy extraction); seconds include extraction",
        "mixed_topic_pairs: share of our same-story pairs whose articles come from different topics (lower is better)",
    )
    return Report(task=NAME, data=str(data), metrics=tuple(metrics), notes=notes)
