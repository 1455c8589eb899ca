"""The team's golden set for entities: mentions, roles, aliases and cross-article identity.

``data`` is a folder (``tests/golden/entities``) with ``input.json`` (articles the team wrote:
id, published, text) and ``expected.json`` (per article: its entities with mention offsets, roles,
aliases, and an ``identity`` label shared by the same entity across articles). Scores are exact
matches: mentions on (article, start, end, type); roles on (article, person, title, organisation,
status); aliases on (article, entity, text, kind, script); identity as pairwise P/R/F1 over pairs
of entities in different articles. With ``NEWSGRAPH_UPDATE_GOLDEN=1`` (or ``update=True``) the
expected file is rewritten from the current output, to be read and corrected before committing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from newsgraph.evaluate import Metric, Report

NAME = "entities"
DESCRIPTION = "golden set: entity mentions, roles, aliases and cross-article identity (P/R/F1)"


def load_articles(data: Path) -> list[Any]:
    """The golden input articles, as model ``Article`` records."""
    from newsgraph.model import Article, SourceFormat, SourcePointer

    rows = json.loads((data / "input.json").read_text(encoding="utf-8"))
    return [
        Article(
            id=row["id"],
            source=SourcePointer(path=str(data / "input.json"), format=SourceFormat.JSONL, record=n),
            text=row["text"],
            published=datetime.fromisoformat(row["published"]) if row.get("published") else None,
        )
        for n, row in enumerate(rows)
    ]


def predict(articles: list[Any], nlp: Any = None) -> dict[str, list[dict[str, Any]]]:
    """Run extraction and resolution; per article, its entities in the expected file's shape."""
    from newsgraph.nlp import extract
    from newsgraph.resolve.entities import resolve_entities

    facts = list(extract(articles, nlp=nlp))
    resolution = resolve_entities(facts, [])
    names = {e.id: f"{e.type.value}:{e.name}" for e in resolution.entities}
    out: dict[str, list[dict[str, Any]]] = {}
    for article_facts in facts:
        mentions = {m.id: m for m in article_facts.mentions}
        out[article_facts.article_id] = [
            {
                "name": local.name,
                "type": local.type.value,
                "identity": names[resolution.assignment[local.key]],
                "mentions": [
                    [mentions[i].evidence.start, mentions[i].evidence.end, mentions[i].evidence.text, mentions[i].type.value]
                    for i in local.mention_ids
                ],
                "aliases": [{"text": a.text, "kind": a.kind.value, "script": a.script} for a in local.aliases],
                "roles": [
                    {"title": r.title, "organization": r.organization, "status": r.status.value} for r in local.roles
                ],
                **({"country": local.geo.country} if local.geo is not None else {}),
            }
            for local in article_facts.entities
        ]
    return out


def dump_expected(doc: dict[str, list[dict[str, Any]]]) -> str:
    """The expected file's text: one article a block, one entity a line, so a diff reads well."""
    blocks = []
    for article, entities in doc.items():
        lines = ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entities)
        blocks.append(f"{json.dumps(article)}: [\n{lines}\n]")
    return "{\n" + ",\n".join(blocks) + "\n}\n"


def _prf(gold: set[Any], pred: set[Any]) -> tuple[float, float, float]:
    hit = len(gold & pred)
    p = hit / len(pred) if pred else 1.0
    r = hit / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _facts(doc: dict[str, list[dict[str, Any]]]) -> dict[str, set[Any]]:
    mentions, roles, aliases = set(), set(), set()
    for article, entities in doc.items():
        for e in entities:
            mentions.update((article, m[0], m[1], m[3]) for m in e["mentions"])
            roles.update((article, e["name"], r["title"], r["organization"], r["status"]) for r in e["roles"])
            aliases.update((article, e["name"], a["text"], a["kind"], a["script"]) for a in e["aliases"])
    return {"mention": mentions, "role": roles, "alias": aliases}


def _pairs(labels: Iterable[tuple[tuple[str, str, str], str]]) -> set[tuple[Any, Any]]:
    items = sorted(labels)
    return {
        (a, b)
        for (a, la), (b, lb) in combinations(items, 2)
        if a[0] != b[0] and la == lb
    }


def identity_scores(gold: dict[str, list[dict[str, Any]]], pred: dict[str, list[dict[str, Any]]]) -> tuple[float, float, float]:
    """Pairwise P/R/F1 of cross-article identity over the gold entities (matched by article, type, name)."""
    predicted = {(a, e["type"], e["name"]): e["identity"] for a, es in pred.items() for e in es}
    gold_labels = [((a, e["type"], e["name"]), e["identity"]) for a, es in gold.items() for e in es]
    pred_labels = [(key, predicted.get(key, f"unmatched:{key}")) for key, _ in gold_labels]
    return _prf(_pairs(gold_labels), _pairs(pred_labels))


HELDOUT = "heldout"
LAYOUTS = "layouts"
LAYOUTS2 = "layouts2"
LAYOUTS3 = "layouts3"
LAYOUTS4 = "layouts4"
LAYOUTS5 = "layouts5"
LAYOUTS6 = "layouts6"
LAYOUTS7 = "layouts7"
LAYOUTS8 = "layouts8"
_PLACES = {"GPE", "LOC", "FAC"}


def place_scores(gold: dict[str, list[dict[str, Any]]],
                 pred: dict[str, list[dict[str, Any]]]) -> tuple[float, float, float]:
    """(type accuracy of gold place mentions the prediction found at the same offsets, share of gold
    places with a country whose predicted entity carries that country, and the precision of the
    countries given: of the gold places whose country the file states, null included, and that the
    prediction gives one, the share given the right one)."""
    typed = {(a, m[0], m[1]): m[3] for a, es in pred.items() for e in es for m in e["mentions"]}
    country = {(a, m[0], m[1]): e.get("country") for a, es in pred.items() for e in es for m in e["mentions"]}
    found = right = placed = geo_right = given = given_right = 0
    for article, entities in gold.items():
        for e in entities:
            for m in e["mentions"]:
                if m[3] not in _PLACES or (article, m[0], m[1]) not in typed:
                    continue
                found += 1
                right += typed[(article, m[0], m[1])] == m[3]
            if "country" in e and e["mentions"]:
                m = e["mentions"][0]
                said = country.get((article, m[0], m[1]))
                if e["country"]:
                    placed += 1
                    geo_right += said == e["country"]
                if said is not None:
                    given += 1
                    given_right += said == e["country"]
    return (right / found if found else 1.0), (geo_right / placed if placed else 1.0), (given_right / given if given else 1.0)


def _part_metrics(gold: dict[str, list[dict[str, Any]]], pred: dict[str, list[dict[str, Any]]], prefix: str) -> list[Metric]:
    gold_facts, pred_facts = _facts(gold), _facts(pred)
    metrics: list[Metric] = []
    for kind in ("mention", "role", "alias"):
        p, r, f = _prf(gold_facts[kind], pred_facts[kind])
        metrics += [Metric(name=f"{prefix}{kind}_precision", ours=p), Metric(name=f"{prefix}{kind}_recall", ours=r),
                    Metric(name=f"{prefix}{kind}_f1", ours=f)]
    p, r, f = identity_scores(gold, pred)
    metrics += [Metric(name=f"{prefix}identity_precision", ours=p), Metric(name=f"{prefix}identity_recall", ours=r),
                Metric(name=f"{prefix}identity_f1", ours=f)]
    typed, geo, given = place_scores(gold, pred)
    metrics += [Metric(name=f"{prefix}place_type_accuracy", ours=typed), Metric(name=f"{prefix}place_country_accuracy", ours=geo),
                Metric(name=f"{prefix}place_country_precision", ours=given)]
    return metrics


def _note(label: str, n: int, gold: dict[str, list[dict[str, Any]]]) -> str:
    facts = _facts(gold)
    return (f"{label}: {n} articles, {sum(len(v) for v in facts.values())} gold facts "
            f"({len(facts['mention'])} mentions, {len(facts['role'])} roles, {len(facts['alias'])} aliases)")


# The parts besides the first, each in its own folder, scored apart with its figures prefixed by
# its name: written and annotated by hand before the code ran on them, and never rewritten.
PARTS = ((LAYOUTS, "layouts part (annotated before the code ran; tuned after its first run)"),
         (LAYOUTS2, "second layouts part (the same, a round later)"),
         (LAYOUTS3, "third layouts part (the same, a round later)"),
         (LAYOUTS4, "fourth layouts part (the same, a round later)"),
         (LAYOUTS5, "fifth layouts part (the same, a round later)"),
         (LAYOUTS6, "sixth layouts part (the same, a round later)"),
         (LAYOUTS7, "seventh layouts part (the same, a round later)"),
         (LAYOUTS8, "eighth layouts part (the same, a round later)"),
         (HELDOUT, "held-out part (never tuned on)"))


def evaluate(data: Path, *, update: bool = False, **_: object) -> Report:
    """Score the pipeline on the golden folder ``data`` and on each of its other parts it has
    (``data/layouts`` to ``data/layouts8``, ``data/heldout``: figures prefixed with the folder's
    name and "_"). Only the
    first part's expected file is ever rewritten (when asked): the other parts are the truth
    written before the code ran on them."""
    articles = load_articles(data)
    parts = [(name, label, load_articles(data / name)) for name, label in PARTS if (data / name / "input.json").is_file()]
    pred = predict(articles + [a for _, _, part in parts for a in part])
    expected_path = data / "expected.json"
    main_pred = {a.id: pred[a.id] for a in articles}
    if update or os.environ.get("NEWSGRAPH_UPDATE_GOLDEN") == "1":
        expected_path.write_text(dump_expected(main_pred), encoding="utf-8")
    gold = json.loads(expected_path.read_text(encoding="utf-8"))
    metrics = _part_metrics(gold, main_pred, "")
    notes = [_note("tuned part", len(articles), gold)]
    for name, label, part in parts:
        part_gold = json.loads((data / name / "expected.json").read_text(encoding="utf-8"))
        metrics += _part_metrics(part_gold, {a.id: pred[a.id] for a in part}, f"{name}_")
        notes.append(_note(label, len(part), part_gold))
    return Report(task=NAME, data=str(data), metrics=tuple(metrics), notes=tuple(notes))


if __name__ == "__main__":
    import sys

    report = evaluate(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/golden/entities"))
    for metric in report.metrics:
        print(f"{metric.name:20} {metric.ours:.3f}")
    print(*report.notes, sep="\n")
