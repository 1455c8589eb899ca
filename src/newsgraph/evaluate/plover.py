"""PLOVER: event types, actors and targets against the PLOVER gold standard records
(``PLOVER_GSR_CAMEO.json``: example sentences coded with an event type and source/target actors).

The records carry labels from an older PLOVER draft; they are mapped to the current sixteen
types with the CAMEO-to-PLOVER table (DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE,
FIGHT → ASSAULT); the DOCUMENT record is skipped. Our event for a record is the one whose trigger
overlaps a word the coders marked as the event (``(EVT: ...)`` in the markup), else the
sentence's main event, else none (type OTHER). Its PLOVER code is its type read with its mode
as PLOVER codes intentions (``plover.plover_code``: a planned sanction THREATEN, a refused
concession REJECT, a demanded act REQUEST; a planned meeting keeps its type, since the events
component itself types a stated intention to cooperate AGREE). A record's target is
matched against our targets and our event's place (PLOVER codes the place acted on as target).

Split: records sorted by id, every second one (odd position) is the held-out dev half; the
even half is the one whose errors we read while writing the lexicon (the lexicon itself was
written from the PLOVER manual and the CAMEO table, not derived from records). Figures are
reported on the dev half, with the whole set in the notes. Anchor: the majority class of the
train half, scored on the same dev half in the same run.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from newsgraph.evaluate import Metric, Report

NAME = "plover"
DESCRIPTION = "PLOVER event type accuracy / macro-F1 and actor/target accuracy on the PLOVER gold records"
_EVT = re.compile(r"\(EVT:\s*([^)]+)\)")


def load(data: Path) -> list[dict]:
    """The coded records (the DOCUMENT record left out), sorted by id."""
    from newsgraph.nlp.plover import current_type

    records = json.loads(data.read_text(encoding="utf-8"))
    out = []
    for record in records:
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        out.append({**record, "gold": current_type(record["event"])})
    return sorted(out, key=lambda r: r["id"])


def split(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """(train, dev): even and odd positions of the id-sorted records."""
    return records[0::2], records[1::2]


def _evt_spans(record: dict) -> list[tuple[int, int]]:
    text = record["text"]
    info = record.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else ""
    spans = []
    for phrase in _EVT.findall(markup):
        at = text.find(phrase.strip())
        if at >= 0:
            spans.append((at, at + len(phrase.strip())))
    return spans


def predictions(records: list[dict]) -> list[dict]:
    """Our event for each record: type, actor texts and target texts."""
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
    from newsgraph.nlp.pipeline import extract
    from newsgraph.nlp.plover import plover_code

    articles = [
        Article(id=article_id(r["id"], r["text"]), source=SourcePointer(path=r["id"], format=SourceFormat.JSONL, record=n), text=r["text"])
        for n, r in enumerate(records)
    ]
    out = []
    for record, facts in zip(records, extract(articles)):
        spans = _evt_spans(record)
        chosen = next(
            (e for e in facts.events if any(e.trigger.start < end and start < e.trigger.end for start, end in spans)),
            None,
        ) or next((e for e in facts.events if e.main), None)
        places = [chosen.place.evidence.text] if chosen and chosen.place else []
        out.append({
            "type": plover_code(chosen.type, chosen.mode.value) if chosen else "OTHER",
            "actors": [a.evidence.text for a in chosen.actors] if chosen else [],
            "targets": ([a.evidence.text for a in chosen.targets] if chosen else []) + places,
        })
    return out


def _actors(value: object) -> list[str]:
    """The actor texts of a record's source or target field (a list of actor objects)."""
    if not isinstance(value, list):
        return []
    return [g["actorText"].lower() for g in value if isinstance(g, dict) and g.get("actorText")]


def _matches(ours: list[str], golds: list[str]) -> bool:
    return any(o.lower() in g or g in o.lower() for o in ours for g in golds if o)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-averaged F1 over the gold labels."""
    scores = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label and g != label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _scores(records: list[dict], preds: list[dict]) -> dict[str, float]:
    gold = [r["gold"] for r in records]
    types = [p["type"] for p in preds]
    with_src = [(_actors(r.get("source")), p) for r, p in zip(records, preds) if _actors(r.get("source"))]
    with_tar = [(_actors(r.get("target")), p) for r, p in zip(records, preds) if _actors(r.get("target"))]
    return {
        "type_accuracy": sum(g == t for g, t in zip(gold, types)) / len(gold),
        "type_macro_f1": macro_f1(gold, types),
        "actor_accuracy": sum(_matches(p["actors"], g) for g, p in with_src) / max(1, len(with_src)),
        "target_accuracy": sum(_matches(p["targets"], g) for g, p in with_tar) / max(1, len(with_tar)),
    }


def evaluate(data: Path, **options: object) -> Report:
    """Score our event types and participants on the dev half of the PLOVER records."""
    records = load(data)
    train, dev = split(records)
    preds = predictions(records)
    dev_preds = preds[1::2]
    ours = _scores(dev, dev_preds)
    whole = _scores(records, preds)
    majority = Counter(r["gold"] for r in train).most_common(1)[0][0]
    base = [majority] * len(dev)
    label = f"majority class ({majority}) of the train half, same run"
    metrics = (
        Metric(name="type_accuracy", ours=round(ours["type_accuracy"], 4),
               anchor=round(sum(r["gold"] == majority for r in dev) / len(dev), 4), anchor_label=label),
        Metric(name="type_macro_f1", ours=round(ours["type_macro_f1"], 4),
               anchor=round(macro_f1([r["gold"] for r in dev], base), 4), anchor_label=label),
        Metric(name="actor_accuracy", ours=round(ours["actor_accuracy"], 4)),
        Metric(name="target_accuracy", ours=round(ours["target_accuracy"], 4)),
    )
    notes = (
        f"{len(records)} records ({len(dev)} dev = odd positions by id, figures above); "
        + "all records: " + ", ".join(f"{k} {v:.3f}" for k, v in whole.items()),
        "old labels mapped to PLOVER 2021 types: DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT",
    )
    return Report(task=NAME, data=str(data), metrics=metrics, notes=notes)
