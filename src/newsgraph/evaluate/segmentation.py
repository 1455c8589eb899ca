"""Segmentation of multi-article text dumps: boundaries, titles, kickers, decks, truncation.

Data: a folder of gold files ``gold-*.json``, each naming its dump (a path relative to the gold
file) and listing the dump's articles: first ``line``, ``title``, ``kicker``, ``deck`` (as
``{"line", "start", "end"}`` character offsets into that raw line, or null) and ``truncated``.
When ``data`` is a folder of dumps without gold files (such as ``../shared/seeds``), the gold
files in the repository's ``tests/data/segmentation`` that name a dump in it are used. A gold
file whose dump is absent is skipped with a note.

Metrics: boundary precision/recall/F1 over article starts (the first article of a dump is not a
boundary), title, kicker, deck and truncation accuracy over gold articles (an article whose
start was missed counts as wrong), and ``dump_exact``, the share of dumps cut exactly as the gold. Anchor: a naive splitter in the same run (split at blank lines
when the dump has any, else one article a line; no titles, kickers or decks; truncated when the
text does not end with terminal punctuation).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluate import Metric, Report

NAME = "segmentation"
DESCRIPTION = "Text-dump segmentation: boundary P/R/F1, title/kicker/deck/truncation accuracy vs a naive splitter"
ANCHOR_LABEL = "naive blank-line / line splitter, same run"
REPO_GOLD = Path(__file__).resolve().parents[3] / "tests" / "data" / "segmentation"
_TERMINAL = re.compile(r"""[.!?]['"”’)\]]*\s*$""")


@dataclass(frozen=True, slots=True, kw_only=True)
class Found:
    """One article as a segmenter found it (or as the gold gives it)."""

    line: int
    title: str | None = None
    kicker: str | None = None
    deck: str | None = None
    truncated: bool = False


def gold_files(data: Path) -> list[Path]:
    """Gold files for ``data``: its own, else the repository's that name a dump found in it."""
    own = sorted(data.glob("gold-*.json")) if data.is_dir() else []
    if own:
        return own
    names = {p.name for p in data.iterdir()} if data.is_dir() else {data.name}
    return [g for g in sorted(REPO_GOLD.glob("gold-*.json"))
            if Path(json.loads(g.read_text(encoding="utf-8"))["dump"]).name in names]


def _dump_path(gold: Path, data: Path, spec: dict) -> Path | None:
    path = (gold.parent / spec["dump"]).resolve()
    if path.is_file():
        return path
    beside = (data if data.is_dir() else data.parent) / Path(spec["dump"]).name
    return beside if beside.is_file() else None


def gold_articles(spec: dict, raw_lines: list[str]) -> list[Found]:
    """The gold articles of one dump, decks resolved from their offsets into the raw lines."""
    found = []
    for item in spec["articles"]:
        deck = item.get("deck")
        text = raw_lines[deck["line"] - 1][deck["start"] : deck["end"]] if deck else None
        found.append(Found(line=item["line"], title=item.get("title"), kicker=item.get("kicker"),
                           deck=" ".join(text.split()) if text else None, truncated=bool(item.get("truncated"))))
    return found


def newsgraph_articles(path: Path) -> list[Found]:
    """Articles newsgraph's text reader finds in a dump."""
    from newsgraph.model import Article
    from newsgraph.readers import ReadOptions, read

    return [
        Found(line=a.source.line or 0, title=a.title, kicker=a.kicker,
              deck=" ".join(a.deck.split()) if a.deck else None, truncated=a.truncated)
        for a in read([str(path)], options=ReadOptions(format="text"))
        if isinstance(a, Article)
    ]


def naive_articles(raw_lines: list[str]) -> list[Found]:
    """The anchor: split at blank lines when there are any, else one article a line."""
    blank = any(not line.strip() for line in raw_lines[:-1])
    found: list[Found] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(raw_lines + [""], start=1):
        if line.strip() and current and not blank:
            found.append(Found(line=start, truncated=not _TERMINAL.search(current[-1])))
            current = []
        if line.strip():
            start = start if current else number
            current.append(line)
        elif current:
            found.append(Found(line=start, truncated=not _TERMINAL.search(current[-1])))
            current = []
    return found


def score(pairs: list[tuple[list[Found], list[Found]]]) -> dict[str, float]:
    """Boundary P/R/F1 and attribute accuracies over (gold, predicted) pairs of dumps."""
    tp = fp = fn = 0
    right = {"title": 0, "kicker": 0, "deck": 0, "truncated": 0}
    total = 0
    exact = 0
    for gold, predicted in pairs:
        exact += [g.line for g in gold] == [p.line for p in predicted]
        gold_starts = {g.line for g in gold[1:]}
        predicted_starts = {p.line for p in predicted[1:]}
        tp += len(gold_starts & predicted_starts)
        fp += len(predicted_starts - gold_starts)
        fn += len(gold_starts - predicted_starts)
        by_line = {p.line: p for p in predicted}
        for g in gold:
            total += 1
            p = by_line.get(g.line)
            if p is None:
                continue
            for name in right:
                right[name] += getattr(p, name) == getattr(g, name)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    figures = {"boundary_precision": precision, "boundary_recall": recall, "boundary_f1": f1}
    figures |= {f"{name}_accuracy": count / total if total else 0.0 for name, count in right.items()}
    figures["dump_exact"] = exact / len(pairs) if pairs else 0.0
    return figures


def single_article_gold(path: Path) -> list[Found]:
    """Implicit gold for a file holding one article whose first line is its title (BBC layout)."""
    lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
    first = next(number for number, line in enumerate(lines, start=1) if line.strip())
    return [Found(line=first, title=" ".join(lines[first - 1].split()))]


def evaluate(data: Path, *, single_article: bool = False, **_: object) -> Report:
    """Score newsgraph's dump segmentation against the gold files for ``data``.

    With ``single_article``, every ``*.txt`` under ``data`` is taken as one article with its title
    on the first line (as in the BBC corpus): the figures then measure over-splitting of real news.
    """
    ours: list[tuple[list[Found], list[Found]]] = []
    naive: list[tuple[list[Found], list[Found]]] = []
    notes: list[str] = []
    if single_article:
        for path in sorted(p for p in data.rglob("*.txt") if p.name.upper() != "README.TXT"):
            expected = single_article_gold(path)
            raw_lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
            ours.append((expected, newsgraph_articles(path)))
            naive.append((expected, naive_articles(raw_lines)))
    for gold in [] if single_article else gold_files(data):
        spec = json.loads(gold.read_text(encoding="utf-8"))
        dump = _dump_path(gold, data, spec)
        if dump is None:
            notes.append(f"{gold.name}: dump {spec['dump']} not found, skipped")
            continue
        raw_lines = dump.read_text(encoding="utf-8").split("\n")
        expected = gold_articles(spec, raw_lines)
        ours.append((expected, newsgraph_articles(dump)))
        naive.append((expected, naive_articles(raw_lines)))
    notes.insert(0, f"{len(ours)} dumps, {sum(len(g) for g, _ in ours)} gold articles")
    mine, anchor = score(ours), score(naive)
    metrics = tuple(Metric(name=name, ours=value, anchor=anchor[name], anchor_label=ANCHOR_LABEL)
                    for name, value in mine.items())
    return Report(task=NAME, data=str(data), metrics=metrics, notes=tuple(notes))
