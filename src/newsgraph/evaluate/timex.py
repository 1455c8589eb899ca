"""Time expressions on TempEval-3's TimeML corpora (TimeBank and AQUAINT, "TBAQ-cleaned").

Each ``.tml`` file holds a document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``), used as the article's publication date, and its
``<TEXT>`` with the gold TIMEX3 tags inline. We run the model with the times component only and
score as TempEval-3 does: span precision/recall/F1 with overlapping spans (relaxed) and with
identical spans (strict); value F1 counts, among relaxed matches, those whose TIMEX3 value is
identical (precision over our expressions, recall over the gold ones); type accuracy is the share
of relaxed matches with the right type. The DCT itself is not scored.
This corpus is our development set for the times rules, not a held-out test set.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from newsgraph.evaluate import Metric, Report

NAME = "timex"
DESCRIPTION = "time expressions: TempEval-3 span F1 (relaxed, strict), value F1, type accuracy on TimeML"
_ANCHOR = "HeidelTime (TempEval-3 test set, published)"
_ANCHORS = {"relaxed_f1": 0.903, "strict_f1": 0.813, "value_f1": 0.776}
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', re.S)
_VALUE = re.compile(r'\bvalue="([^"]*)"')
_TYPE = re.compile(r'\btype="([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


@dataclass(frozen=True, slots=True)
class Timex:
    """A gold or predicted time expression: character span in the plain text, type, value."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """One TimeML document: its name, DCT, plain text and gold time expressions."""

    name: str
    dct: datetime | None
    text: str
    gold: tuple[Timex, ...]


def _dct(raw: str) -> datetime | None:
    tag = _DCT.search(raw)
    value = _VALUE.search(tag.group(0)) if tag else None
    if value is None:
        return None
    try:
        day = datetime.strptime(value.group(1)[:10], "%Y-%m-%d")
    except ValueError:
        return None
    return day.replace(tzinfo=timezone.utc)


def parse_timeml(path: Path) -> TimeMLDoc:
    """Read one ``.tml`` file: DCT, the text without tags (entities unescaped), gold TIMEX3 spans."""
    raw = path.read_text(encoding="utf-8")
    body = _TEXT.search(raw)
    source = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, str, str | None] | None = None
    position = 0
    for tag in _TAG.finditer(source):
        chunk = html.unescape(source[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            type_ = _TYPE.search(tag.group(3))
            value = _VALUE.search(tag.group(3))
            open_timex = (length, type_.group(1) if type_ else "DATE", value.group(1) if value else None)
        elif open_timex is not None:
            gold.append(Timex(open_timex[0], length, open_timex[1], open_timex[2]))
            open_timex = None
    parts.append(html.unescape(source[position:]))
    return TimeMLDoc(path.stem, _dct(raw), "".join(parts), tuple(gold))


def load(data: Path, limit: int | None = None) -> list[TimeMLDoc]:
    """The ``.tml`` files of ``data`` (its TimeBank/ and AQUAINT/ folders when it has them, else all
    under it), sorted by path; the first ``limit`` when given."""
    parts = [data / name for name in ("TimeBank", "AQUAINT") if (data / name).is_dir()]
    files = sorted(p for part in (parts or [data]) for p in part.rglob("*.tml"))
    if limit is not None:
        files = files[:limit]
    return [parse_timeml(path) for path in files]


@dataclass
class _Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0


def score_doc(gold: tuple[Timex, ...], system: list[Timex], counts: _Counts) -> None:
    """Add one document's matches to ``counts`` (each gold expression matched at most once)."""
    counts.gold += len(gold)
    counts.system += len(system)
    used: set[int] = set()
    for guess in system:
        best = None
        for index, truth in enumerate(gold):
            if index in used or not (guess.start < truth.end and truth.start < guess.end):
                continue
            if best is None or (truth.start, truth.end) == (guess.start, guess.end):
                best = index
        if best is None:
            continue
        used.add(best)
        truth = gold[best]
        counts.relaxed += 1
        counts.strict += (truth.start, truth.end) == (guess.start, guess.end)
        counts.value += truth.value == guess.value
        counts.type += truth.type == guess.type


def _f1(correct: int, system: int, gold: int) -> float:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def predict(docs: list[TimeMLDoc]) -> list[list[Timex]]:
    """Our time expressions for each document, from the model's parse and the times component."""
    from newsgraph.model import Article, SourceFormat, SourcePointer
    from newsgraph.nlp.pipeline import load_pipeline, make_doc

    nlp = load_pipeline(components=["newsgraph_times"])
    articles = [
        Article(id=d.name, source=SourcePointer(path=d.name, format=SourceFormat.TEXT), text=d.text,
                published=d.dct)
        for d in docs
    ]
    out = []
    for doc in nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=16):
        out.append([Timex(t.evidence.start, t.evidence.end, t.type.value, t.value) for t in doc._.ng["times"]])
    return out


def evaluate(data: Path, limit: int | None = None, **_: object) -> Report:
    """Score the times component on the TimeML files under ``data`` (``limit``: the first N files)."""
    docs = load(data, limit)
    counts = _Counts()
    for doc, system in zip(docs, predict(docs)):
        score_doc(doc.gold, system, counts)
    metrics = (
        Metric(name="relaxed_f1", ours=_f1(counts.relaxed, counts.system, counts.gold),
               anchor=_ANCHORS["relaxed_f1"], anchor_label=_ANCHOR),
        Metric(name="strict_f1", ours=_f1(counts.strict, counts.system, counts.gold),
               anchor=_ANCHORS["strict_f1"], anchor_label=_ANCHOR),
        Metric(name="value_f1", ours=_f1(counts.value, counts.system, counts.gold),
               anchor=_ANCHORS["value_f1"], anchor_label=_ANCHOR),
        Metric(name="type_accuracy", ours=counts.type / counts.relaxed if counts.relaxed else 0.0),
    )
    notes = (
        f"{len(docs)} documents, {counts.gold} gold expressions (DCT excluded), {counts.system} ours",
        "TBAQ-cleaned is our development data for the times rules (tuned on it), not a held-out test set",
    )
    return Report(task=NAME, data=str(data), metrics=metrics, notes=notes)
