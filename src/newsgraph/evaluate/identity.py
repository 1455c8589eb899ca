"""Identity across articles on real news: the BBC News set (``../shared/data/bbc-news``).

Two checks, one run:

- **Clusters**: a golden file written by hand before the code ran on it (default
  ``tests/golden/identity/bbc-politics.json``, option ``golden=PATH``) lists, per real-world
  entity, items ``(file, surface form)`` from the politics folder. An item's predicted identity is
  the resolved entity of the first mention that overlaps the form's first occurrence in that file
  (no mention: an identity of its own). Scores are pairwise precision / recall / F1 over items in
  different articles, as ``identity_*``; every wrong merge and split is listed in the notes.
- **One-word people**: over ``limit`` articles (default 200, the first ``limit // 5`` files of each
  of the five folders), the 50 most frequent one-word PERSON entities (by articles) are listed in
  the notes with the share that the gazetteer knows as a place or that are written in capitals
  (``oneword_suspect_share``): a person reads the list and judges the rest.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

from newsgraph.evaluate import Metric, Report

NAME = "identity"
DESCRIPTION = "BBC News: cross-article identity against hand-written clusters; the most frequent one-word people"

_FOLDERS = ("business", "entertainment", "politics", "sport", "tech")
_DEFAULT_GOLDEN = Path(__file__).resolve().parents[3] / "tests" / "golden" / "identity" / "bbc-politics.json"


def _read(paths: list[Path]) -> list[Any]:
    from newsgraph.model import Article
    from newsgraph.readers import read

    return [a for a in read([str(p) for p in paths]) if isinstance(a, Article)]


def _resolve(articles: list[Any]) -> tuple[list[Any], dict[str, str], dict[str, Any]]:
    from newsgraph.nlp import extract, load_pipeline
    from newsgraph.resolve.entities import resolve_entities

    facts = list(extract(articles, nlp=load_pipeline(components=["newsgraph_entities"])))
    resolution = resolve_entities(facts, [])
    return facts, dict(resolution.assignment), {e.id: e for e in resolution.entities}


def _predicted(article: Any, facts: Any, assignment: dict[str, str], entities: dict[str, Any], form: str) -> str | None:
    """The predicted identity of the first occurrence of ``form`` in the article's body, else in
    its headline or deck (facts read from those carry that field)."""
    field, at = next(((f, getattr(article, f).find(form)) for f in ("text", "title", "deck")
                      if getattr(article, f) and form in getattr(article, f)), ("text", -1))
    if at < 0:
        return None
    for mention in facts.mentions:
        ev = mention.evidence
        if ev.field == field and ev.start < at + len(form) and at < ev.end and mention.cluster in assignment:
            entity = entities[assignment[mention.cluster]]
            return f"{entity.type.value}:{entity.name}#{entity.id[-6:]}"
    return None


def _pairs(items: list[tuple[tuple[str, str], str]]) -> set[tuple[Any, Any]]:
    return {(a, b) for (a, la), (b, lb) in combinations(sorted(items), 2) if a[0] != b[0] and la == lb}


def cluster_scores(golden: Path, folder: Path) -> tuple[list[Metric], list[str]]:
    """Pairwise identity scores on the golden clusters, and notes naming each wrong merge or split."""
    doc = json.loads(golden.read_text(encoding="utf-8"))
    items = [((f, s), label) for label, pairs in doc["clusters"].items() for f, s in pairs]
    files = sorted({f for (f, _), _ in items})
    articles = _read([folder / f"{f}.txt" for f in files])
    by_file = {Path(a.source.path).stem: a for a in articles}
    facts, assignment, entities = _resolve(articles)
    facts_by_id = {f.article_id: f for f in facts}
    predicted = []
    for (f, s), _ in items:
        article = by_file[f]
        label = _predicted(article, facts_by_id[article.id], assignment, entities, s)
        predicted.append(((f, s), label or f"missing:{f}:{s}"))
    gold_pairs, pred_pairs = _pairs(items), _pairs(predicted)
    hit = len(gold_pairs & pred_pairs)
    p = hit / len(pred_pairs) if pred_pairs else 1.0
    r = hit / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    notes = [f"clusters: {len(doc['clusters'])} entities, {len(items)} items in {len(files)} articles"]
    gold_of = dict(items)
    by_pred: dict[str, list[tuple[str, str]]] = {}
    for item, label in predicted:
        by_pred.setdefault(label, []).append(item)
    for label, members in sorted(by_pred.items()):
        golds = sorted({gold_of[m] for m in members})
        if len(golds) > 1:
            notes.append(f"wrong merge: {label} holds {', '.join(golds)}")
    for label in doc["clusters"]:
        preds = Counter(lbl for item, lbl in predicted if gold_of[item] == label)
        if len(preds) > 1:
            notes.append(f"split: {label} → " + ", ".join(f"{k} ×{n}" for k, n in preds.most_common()))
    return [Metric(name="identity_precision", ours=p), Metric(name="identity_recall", ours=r),
            Metric(name="identity_f1", ours=f1)], notes


def one_word_people(root: Path, limit: int) -> tuple[list[Metric], list[str]]:
    """The 50 most frequent one-word PERSON entities over ``limit`` BBC articles."""
    from newsgraph.nlp.places import gazetteer

    per = max(1, limit // len(_FOLDERS))
    paths = [p for folder in _FOLDERS if (root / folder).is_dir() for p in sorted((root / folder).glob("*.txt"))[:per]]
    articles = _read(paths)
    _, _, entities = _resolve(articles)
    people = [e for e in entities.values() if e.type.value == "PERSON" and len(e.name.split()) == 1]
    top = sorted(people, key=lambda e: (-len(e.article_ids), e.name))[:50]
    gaz = gazetteer()
    suspect = [e.name for e in top if gaz.is_place(e.name, min_population=50_000) or (e.name.isupper() and len(e.name) > 1)]
    notes = [f"one-word people over {len(articles)} articles, top {len(top)} by articles: "
             + ", ".join(f"{e.name} ({len(e.article_ids)})" for e in top),
             "suspect (a place in the gazetteer, or in capitals): " + (", ".join(suspect) or "none")]
    share = len(suspect) / len(top) if top else 0.0
    return [Metric(name="oneword_people", ours=float(len(top))), Metric(name="oneword_suspect_share", ours=share)], notes


def evaluate(data: Path, *, limit: int | None = None, golden: str | None = None, **_: object) -> Report:
    """``data`` is the BBC News folder (with business/, politics/, ...)."""
    golden_path = Path(golden) if golden else _DEFAULT_GOLDEN
    metrics, notes = cluster_scores(golden_path, data / "politics")
    more, more_notes = one_word_people(data, limit or 200)
    return Report(task=NAME, data=str(data), metrics=tuple(metrics + more), notes=tuple(notes + more_notes))
