"""Search quality: nDCG@10 and recall@10 of text (BM25), semantic (MiniLM) and hybrid ranking.

Two data sets, chosen by ``--data``:

- a folder of BBC News articles (``bbc-news``): the judged queries in
  ``tests/golden/search/bbc_queries.json`` (or ``-o queries=PATH``), written by reading the
  articles before any search was run; relevant articles are named by their file path.
- the ECB+ folder (``ecbplus``, ``--split dev`` by default, ``train`` for tuning): each article's
  first sentence (its first line of six words or more that is not a URL) is a query; the other
  articles of its ``story`` are the relevant ones; the article itself is left out of its ranking.

The articles are ingested into a fresh knowledge base through the real pipeline (``ingest_records``
with embedding on, no NLP), then every query runs through ``query.search`` in each mode. Gains are
binary; a ranking is cut at 10 after duplicate copies fold into their kept article. The anchor of
the hybrid figures is the better of the two single modes in the same run.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import QueryError
from newsgraph.evaluate import Metric, Report

NAME = "search"
DESCRIPTION = "search nDCG@10 / recall@10 (text, semantic, hybrid) on bbc-news (judged queries) or ecbplus (same-story articles)"
MODES = ("text", "semantic", "hybrid")
CUTOFF = 10
DEFAULT_QUERIES = Path(__file__).resolve().parents[3] / "tests" / "golden" / "search" / "bbc_queries.json"
_URL = re.compile(r"https?:|www\.|\.com\b|\.aspx?\b|\.html?\b")


@dataclass(frozen=True, slots=True, kw_only=True)
class Judged:
    """One query: its text, the documents that are relevant, and the document it came from (left out)."""

    query: str
    relevant: frozenset[str]
    exclude: str | None = None


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _article(doc: str, title: str | None, body: str) -> Any:
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id

    return Article(id=article_id(doc, body), title=title, text=body,
                   source=SourcePointer(path=doc, format=SourceFormat.TEXT, line=1))


def load_bbc(data: Path, queries: Path) -> tuple[list[Any], list[Judged]]:
    """The BBC articles (one a file: title line, then paragraphs) and the judged queries."""
    articles = []
    for path in sorted(data.rglob("*.txt")):
        if path.name.upper() == "README.TXT":
            continue
        head, _, rest = _read_text(path).strip().partition("\n")
        body = "\n".join(p.strip() for p in rest.split("\n") if p.strip())
        if body:
            articles.append(_article(str(path.relative_to(data)), head.strip(), body))
    try:
        spec = json.loads(queries.read_text(encoding="utf-8"))
        judged = [Judged(query=q["query"], relevant=frozenset(q["relevant"])) for q in spec["queries"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise QueryError("NG412", f"cannot read the judged queries at {queries}: {exc}") from None
    known = {a.source.path for a in articles}
    missing = sorted({r for j in judged for r in j.relevant} - known)
    if missing:
        raise QueryError("NG412", f"{queries} names files not in {data}: {', '.join(missing[:5])}")
    return articles, judged


def first_sentence(text: str) -> str | None:
    """An ECB+ article's first sentence: its first line of 6+ words that is not a URL."""
    for line in text.split("\n"):
        if len(line.split()) >= 6 and not _URL.search(line):
            return line.strip()
    return None


def load_ecbplus(data: Path, split: str) -> tuple[list[Any], list[Judged]]:
    """The split's articles and one query an article (its first sentence; relevant: the rest of its story)."""
    path = data / f"ecbplus.{split}.jsonl" if data.is_dir() else data
    if not path.is_file():
        raise QueryError("NG405", f"no ECB+ split {split!r} at {path}")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    stories: dict[str, set[str]] = {}
    for d in docs:
        stories.setdefault(d["story"], set()).add(d["id"])
    articles = [_article(d["id"], None, d["text"]) for d in docs]
    judged = []
    for d in docs:
        sentence = first_sentence(d["text"])
        others = stories[d["story"]] - {d["id"]}
        if sentence and others:
            judged.append(Judged(query=sentence, relevant=frozenset(others), exclude=d["id"]))
    return articles, judged


def ndcg(ranked: Sequence[str], relevant: frozenset[str], cutoff: int = CUTOFF) -> float:
    """Binary-gain nDCG at ``cutoff``."""
    dcg = sum(1 / math.log2(i + 2) for i, doc in enumerate(ranked[:cutoff]) if doc in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), cutoff)))
    return dcg / ideal if ideal else 0.0


def recall(ranked: Sequence[str], relevant: frozenset[str], cutoff: int = CUTOFF) -> float:
    return len(set(ranked[:cutoff]) & relevant) / len(relevant) if relevant else 0.0


def _docs_of(db: Path) -> dict[str, str]:
    """article id → the document (file or ECB+ id) it was read from, duplicate copies included."""
    from newsgraph.query import find_articles

    return {a.id: a.source.path for a in find_articles(db, duplicates=True)}


def _rank(store: Any, j: Judged, mode: str, doc_of: dict[str, str], options: dict[str, Any]) -> list[str]:
    from newsgraph.query.search import search

    hits = search(store, j.query, mode=mode, limit=CUTOFF + 1, **options)
    ranked = [doc_of[h.article_id] for h in hits if doc_of[h.article_id] != j.exclude]
    return ranked[:CUTOFF]


def score(db: Path, judged: Sequence[Judged], *, k: float | None = None,
          semantic_weight: float | None = None) -> dict[str, float]:
    """Mean nDCG@10 and recall@10 of each mode over ``judged`` on the built knowledge base ``db``."""
    from newsgraph.errors import QueryError as Refused
    from newsgraph.store import open_store

    doc_of = _docs_of(db)
    figures: dict[str, float] = {}
    options = {"k": k, "semantic_weight": semantic_weight}
    with open_store(db, read_only=True) as store:
        for mode in MODES:
            n, r = [], []
            for j in judged:
                try:
                    ranked = _rank(store, j, mode, doc_of, options if mode == "hybrid" else {})
                except Refused as exc:
                    if exc.code != "NG407":
                        raise
                    ranked = []  # a stopword-only query finds nothing by its words
                n.append(ndcg(ranked, j.relevant))
                r.append(recall(ranked, j.relevant))
            figures[f"{mode}_ndcg10"] = sum(n) / len(n)
            figures[f"{mode}_recall10"] = sum(r) / len(r)
    return figures


def build(articles: Sequence[Any], db: Path) -> Any:
    """Ingest ``articles`` into ``db`` through the pipeline (embedding on, no NLP)."""
    from newsgraph.pipeline import IngestOptions, ingest_records

    return ingest_records(articles, db=db, options=IngestOptions(batch_size=256, extract=False, embed=True))


def _fold_duplicates(judged: list[Judged], db: Path) -> list[Judged]:
    """Relevant documents that were stored as duplicate copies count as their kept original."""
    from newsgraph.store import open_store, read_duplicates

    doc_of = _docs_of(db)
    with open_store(db, read_only=True) as store:
        original = {doc_of[d.article_id]: doc_of[d.duplicate_of] for d in read_duplicates(store)}
    return [Judged(query=j.query, relevant=frozenset(original.get(r, r) for r in j.relevant), exclude=j.exclude)
            for j in judged]


def evaluate(data: Path, *, split: str = "dev", limit: int | None = None, queries: str | None = None,
             k: float | None = None, semantic_weight: float | None = None) -> Report:
    ecb = (data / f"ecbplus.{split}.jsonl").is_file() if data.is_dir() else data.suffix == ".jsonl"
    if ecb:
        articles, judged = load_ecbplus(data, split)
        label = f"ECB+ {split}: first sentence → rest of its story"
    else:
        articles, judged = load_bbc(data, Path(queries) if queries else DEFAULT_QUERIES)
        label = "BBC News judged queries"
    if limit is not None:
        judged = judged[:limit]
    with tempfile.TemporaryDirectory(prefix="newsgraph-search-eval-") as tmp:
        db = Path(tmp) / "search.duckdb"
        summary = build(articles, db)
        judged = _fold_duplicates(judged, db)
        figures = score(db, judged, k=k, semantic_weight=semantic_weight)
    metrics = []
    for metric in ("ndcg10", "recall10"):
        best = max(figures[f"text_{metric}"], figures[f"semantic_{metric}"])
        metrics += [Metric(name=f"text_{metric}", ours=figures[f"text_{metric}"]),
                    Metric(name=f"semantic_{metric}", ours=figures[f"semantic_{metric}"]),
                    Metric(name=f"hybrid_{metric}", ours=figures[f"hybrid_{metric}"], anchor=best,
                           anchor_label="better single mode, same run")]
    metrics.append(Metric(name="hybrid_gain_ndcg10",
                          ours=figures["hybrid_ndcg10"] - max(figures["text_ndcg10"], figures["semantic_ndcg10"])))
    notes = (f"{label}: {len(judged)} queries over {summary.stored} articles ({summary.duplicates} duplicate copies folded)",
             f"fusion: reciprocal rank fusion, k={k if k is not None else 'default'}, "
             f"semantic weight={semantic_weight if semantic_weight is not None else 'default'}")
    return Report(task=NAME, data=str(data), metrics=tuple(metrics), notes=notes)
