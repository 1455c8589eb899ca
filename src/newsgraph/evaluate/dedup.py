"""De-duplication on a folder of plain-text articles (BBC News: title on the first line).

Gold pairs are computed here by brute force: every pair of files whose whitespace-normalised text
is identical (exact), and every pair whose sets of lower-cased ``\\w+`` words have Jaccard >= the
threshold (near, which includes the exact ones). Our prediction is ``resolve.duplicates`` run over
the files in sorted path order; two files form a predicted pair when they fall in the same group
(a kept article and the copies recorded as its duplicates), so a group of three makes three pairs.
The anchor is datasketch's own MinHashLSH (128 permutations, the same threshold) run the same way.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsgraph.evaluate import Metric, Report

NAME = "dedup"
DESCRIPTION = "exact and near-duplicate detection (pair P/R) on a folder of text articles, e.g. bbc-news"
_WORD = re.compile(r"\w+")


def _load(data: Path) -> list[tuple[str, str]]:
    files = sorted(data.rglob("*.txt")) if data.is_dir() else [data]
    out = []
    for path in files:
        if path.name.upper() == "README.TXT":
            continue
        raw = path.read_bytes()
        try:
            out.append((str(path.relative_to(data) if data.is_dir() else path.name), raw.decode("utf-8")))
        except UnicodeDecodeError:
            out.append((str(path.relative_to(data) if data.is_dir() else path.name), raw.decode("latin-1")))
    return out


def _articles(docs: Sequence[tuple[str, str]]) -> list:
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id

    articles = []
    for name, raw in docs:
        lines = raw.strip().split("\n", 1)
        title = lines[0].strip()
        body = "\n".join(p.strip() for p in (lines[1] if len(lines) > 1 else "").split("\n") if p.strip())
        articles.append(Article(id=article_id(name, body), title=title, text=body,
                                source=SourcePointer(path=name, format=SourceFormat.TEXT, line=1)))
    return articles


def gold_pairs(docs: Sequence[str], threshold: float) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """(exact pairs, pairs with word-set Jaccard >= threshold), as sorted index pairs.

    Exhaustive and exact: prefix filtering (two sets with Jaccard >= t share a word among the
    first ``|a| - ceil(t|a|) + 1`` of each in a global rarest-first order) only skips pairs that
    cannot qualify; every other pair is checked with the exact Jaccard.
    """
    normal = [" ".join(d.split()) for d in docs]
    same: dict[str, list[int]] = {}
    for i, text in enumerate(normal):
        same.setdefault(text, []).append(i)
    sets = [frozenset(_WORD.findall(d.lower())) for d in docs]
    frequency: dict[str, int] = {}
    for words in sets:
        for w in words:
            frequency[w] = frequency.get(w, 0) + 1
    index: dict[str, list[int]] = {}
    near: set[tuple[int, int]] = set()
    for i, words in enumerate(sets):
        ordered = sorted(words, key=lambda w: (frequency[w], w))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        candidates = {j for w in prefix for j in index.get(w, ())}
        for j in candidates:
            if len(words & sets[j]) >= threshold * len(words | sets[j]):
                near.add((j, i))
        for w in prefix:
            index.setdefault(w, []).append(i)
    return _pairs(same.values()), near


def _pairs(groups: Iterable[Sequence[int]]) -> set[tuple[int, int]]:
    return {(min(a, b), max(a, b)) for g in groups for a, b in itertools.combinations(g, 2)}


def _ours(articles: Sequence, threshold: float) -> set[tuple[int, int]]:
    from newsgraph.resolve.duplicates import Prior, find_duplicates, fingerprint

    found = find_duplicates([fingerprint(a) for a in articles], Prior(), threshold=threshold)
    index = {a.id: i for i, a in enumerate(articles)}
    groups: dict[int, list[int]] = {}
    for i, dup in enumerate(found):
        root = i if dup is None else index[dup.duplicate_of]
        groups.setdefault(root, []).append(i)
    return _pairs(groups.values())


def _anchor(docs: Sequence[str], threshold: float) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    groups: dict[int, list[int]] = {}
    for i, doc in enumerate(docs):
        mh = MinHash(num_perm=128, seed=1)
        mh.update_batch([w.encode("utf-8") for w in sorted(set(_WORD.findall(doc.lower())))])
        hits = sorted(int(k) for k in lsh.query(mh))
        if hits:
            groups[hits[0]].append(i)
        else:
            lsh.insert(str(i), mh)
            groups[i] = [i]
    return _pairs(groups.values())


def _pr(predicted: set[tuple[int, int]], gold: set[tuple[int, int]]) -> tuple[float, float]:
    precision = len(predicted & gold) / len(predicted) if predicted else 1.0
    recall = len(predicted & gold) / len(gold) if gold else 1.0
    return precision, recall


def evaluate(data: Path, *, threshold: float = 0.8, **_: object) -> Report:
    docs = _load(data)
    texts = [raw for _, raw in docs]
    exact, near = gold_pairs(texts, threshold)
    ours = _ours(_articles(docs), threshold)
    anchor = _anchor(texts, threshold)
    label = "datasketch MinHashLSH(128), same run"
    p, r = _pr(ours, near)
    ap, ar = _pr(anchor, near)
    metrics = (
        Metric(name="exact_pairs_found", ours=float(len(ours & exact)), anchor=float(len(anchor & exact)), anchor_label=label),
        Metric(name="exact_recall", ours=_pr(ours, exact)[1], anchor=_pr(anchor, exact)[1], anchor_label=label),
        Metric(name="near_recall", ours=r, anchor=ar, anchor_label=label),
        Metric(name="precision", ours=p, anchor=ap, anchor_label=label),
        Metric(name="f1", ours=2 * p * r / (p + r) if p + r else 0.0,
               anchor=2 * ap * ar / (ap + ar) if ap + ar else 0.0, anchor_label=label),
    )
    notes = (
        f"{len(docs)} files; gold by brute force: {len(exact)} pairs identical once whitespace is normalised, "
        f"{len(near)} pairs with word-set (lower-cased \\w+) Jaccard >= {threshold} (exact ones included)",
        "predicted pairs: every pair of files in one duplicate group (a kept article and its recorded copies); "
        "precision = |predicted ∩ gold near| / |predicted|, near_recall = |predicted ∩ gold near| / |gold near|",
        f"ours predicts {len(ours)} pairs, the anchor {len(anchor)}",
    )
    return Report(task=NAME, data=str(data), metrics=metrics, notes=notes)
