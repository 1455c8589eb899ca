"""HTML body-text extraction on the article-extraction benchmark (scrapinghub).

Data: a folder with ``ground-truth.json`` (id → ``{"articleBody", "url"}``) and
``html/<id>.html.gz``. Each page goes through newsgraph's own HTML reader (``read`` with
``format="html"``) and its ``Article.text`` is scored against ``articleBody`` the way the
benchmark's ``evaluate.py`` scores: ``\\w+`` tokens, 4-token shingles counted as a bag, TP/FP/FN
normalised per document, precision and recall averaged over documents, F1 from the two averages.
A bag-of-words variant (whitespace tokens) is reported beside it. Anchors: trafilatura's
published F1 on this benchmark, and plain ``trafilatura.extract`` run on the same pages.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from newsgraph.evaluate import Metric, Report

NAME = "html"
DESCRIPTION = "HTML body text: shingle P/R/F1 on the article-extraction benchmark, beside trafilatura's 0.953"
PUBLISHED_F1 = 0.953
PUBLISHED_LABEL = "trafilatura (published)"
SAME_RUN_LABEL = "trafilatura.extract, same run"
_WORD = re.compile(r"\w+", re.UNICODE)

Counts = tuple[float, float, float]


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Bag of ``size``-token shingles over ``\\w+`` tokens (one short shingle for a short text)."""
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens[i : i + size])


def bag_counts(true: Counter[object], pred: Counter[object]) -> Counts:
    """TP, FP, FN between two bags, normalised to sum to 1 so every document weighs the same."""
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def prf(counts: Iterable[Counts]) -> tuple[float, float, float]:
    """Precision and recall averaged over documents (as the benchmark does), and their F1."""
    rows = list(counts)
    precision = statistics.mean(_ratio(tp, fp, fn) for tp, fp, fn in rows if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fn, fp) for tp, fp, fn in rows if tp + fn > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _ratio(tp: float, wrong: float, other: float) -> float:
    if wrong == other == 0:
        return 1.0
    return tp / (tp + wrong) if tp + wrong else 0.0


def newsgraph_body(path: Path) -> str:
    """Body text newsgraph's HTML reader gives for one page ("" when it skips it)."""
    from newsgraph.model import Article
    from newsgraph.readers import ReadOptions, read

    for item in read([str(path)], options=ReadOptions(format="html")):
        if isinstance(item, Article):
            return item.text
    return ""


def trafilatura_body(path: Path) -> str:
    """Body text of plain ``trafilatura.extract`` (the benchmark's own settings)."""
    import trafilatura

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return trafilatura.extract(handle.read(), include_comments=False) or ""


def evaluate(data: Path, *, limit: int | None = None, anchor_run: bool = True, **_: object) -> Report:
    """Score newsgraph's HTML reader on the benchmark in ``data``."""
    truth: dict[str, dict[str, str]] = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    ours = _score(data, truth, keys, newsgraph_body)
    theirs = _score(data, truth, keys, trafilatura_body) if anchor_run else None
    metrics = [
        Metric(name="f1", ours=ours["f1"], anchor=PUBLISHED_F1, anchor_label=PUBLISHED_LABEL),
        Metric(name="precision", ours=ours["precision"], anchor=theirs and theirs["precision"],
               anchor_label=SAME_RUN_LABEL if theirs else None),
        Metric(name="recall", ours=ours["recall"], anchor=theirs and theirs["recall"],
               anchor_label=SAME_RUN_LABEL if theirs else None),
        Metric(name="f1_same_run_anchor", ours=ours["f1"], anchor=theirs and theirs["f1"],
               anchor_label=SAME_RUN_LABEL if theirs else None),
        Metric(name="token_f1", ours=ours["token_f1"], anchor=theirs and theirs["token_f1"],
               anchor_label=SAME_RUN_LABEL if theirs else None),
    ]
    notes = (
        f"{len(keys)} pages; shingles of 4 \\w+ tokens as in the benchmark's evaluate.py",
        "token_f1: bag of whitespace tokens, P and R averaged per document",
        f"empty extractions: {ours['empty']:.0f}",
    )
    return Report(task=NAME, data=str(data), metrics=tuple(metrics), notes=notes)


def _score(data: Path, truth: dict[str, dict[str, str]], keys: list[str],
           extract: Callable[[Path], str]) -> dict[str, float]:
    shingle_rows: list[Counts] = []
    token_rows: list[Counts] = []
    empty = 0
    for key in keys:
        predicted = extract(data / "html" / f"{key}.html.gz")
        empty += not predicted
        expected = truth[key].get("articleBody", "")
        shingle_rows.append(bag_counts(shingles(expected), shingles(predicted)))
        token_rows.append(bag_counts(Counter(expected.split()), Counter(predicted.split())))
    precision, recall, f1 = prf(shingle_rows)
    return {"precision": precision, "recall": recall, "f1": f1, "token_f1": prf(token_rows)[2], "empty": empty}
