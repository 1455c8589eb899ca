"""MEANTIME: events with participants (an actor and a target) against its annotation, at the
mention level (English part: the 120 Wikinews articles of ``intra-doc_annotation``, NAF-like XML).

Gold: every event mention (``EVENT_MENTION``) that has both an ``Arg0`` participant (who acts)
and an ``Arg1`` participant (what or whom it is done to) in its ``HAS_PARTICIPANT`` links. The
text is rebuilt from the annotated tokens (a space between tokens, none before closing
punctuation, one line a sentence), so every gold span has character offsets in it.

MEANTIME annotates the title and the first sentences of each article only: predictions are
scored in the sentences that carry annotation (any markable), and read with the whole text.

Ours: every event we extract with at least one actor and one target. An event matches a gold
mention when its trigger overlaps the mention's tokens (``trigger`` figures); it also has its
participants right when one of its actors overlaps an ``Arg0`` mention and one of its targets an
``Arg1`` mention of that gold event (``full`` figures). Nothing is tuned on this data.

Anchor, same run, same matching: every verb with a nominal subject and a direct object in the
spaCy parse (``nlp.frames.subject_verb_object``), the subject as actor and the object as target.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import QueryError
from newsgraph.evaluate import Metric, Report

NAME = "meantime"
DESCRIPTION = "MEANTIME English: precision / recall of events with an actor and a target, mention level"
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "%", "'s", "n't", "'", "''", "'re", "'ve", "'ll", "'d", "'m"})
_NO_SPACE_AFTER = frozenset({"(", "$", "``"})

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class EventSpans:
    """One event mention, gold (its Arg0 and Arg1 participants) or predicted (actors, targets):
    trigger and participants as character spans."""

    trigger: Span
    actors: tuple[Span, ...]
    targets: tuple[Span, ...]




@dataclass(frozen=True, slots=True)
class Doc:
    """One MEANTIME article: its rebuilt text and gold events with both participants."""

    id: str
    text: str
    gold: tuple[EventSpans, ...]
    annotated: tuple[Span, ...]


def _files(data: Path) -> list[Path]:
    root = data / "intra-doc_annotation" if (data / "intra-doc_annotation").is_dir() else data
    return sorted(root.rglob("*.xml"))


def _text(tokens: list[ET.Element]) -> tuple[str, dict[str, Span], dict[str, Span]]:
    parts: list[str] = []
    spans: dict[str, Span] = {}
    sentences: dict[str, Span] = {}
    at, sentence, prev = 0, None, ""
    for tok in tokens:
        word = tok.text or ""
        sent = tok.get("sentence")
        if parts:
            if sent != sentence:
                sep = "\n"
            elif word in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            at += len(sep)
        spans[tok.get("t_id", "")] = (at, at + len(word))
        first = sentences.get(sent or "", (at, at))[0]
        sentences[sent or ""] = (first, at + len(word))
        parts.append(word)
        at += len(word)
        sentence, prev = sent, word
    return "".join(parts), spans, sentences


def _mention_span(mention: ET.Element, tokens: dict[str, Span]) -> Span | None:
    found = [tokens[a.get("t_id", "")] for a in mention.findall("token_anchor") if a.get("t_id", "") in tokens]
    return (min(s for s, _ in found), max(e for _, e in found)) if found else None


def read_doc(path: Path) -> Doc | None:
    """One annotated article, or None when it is not English or not readable (logged by the caller)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return None
    if root.get("lang", "en") != "en":
        return None
    tokens_in = root.findall("token")
    text, tokens, sentences = _text(tokens_in)
    sentence_of = {t.get("t_id", ""): t.get("sentence", "") for t in tokens_in}
    markables = root.find("Markables")
    mentions: dict[str, tuple[str, Span]] = {}
    marked: set[str] = set()
    for m in markables if markables is not None else ():
        marked.update(sentence_of.get(a.get("t_id", ""), "") for a in m.findall("token_anchor"))
        span = _mention_span(m, tokens)
        if span is not None and m.get("m_id"):
            mentions[m.get("m_id", "")] = (m.tag, span)
    roles: dict[str, dict[str, list[Span]]] = {}
    relations = root.find("Relations")
    for rel in relations.findall("HAS_PARTICIPANT") if relations is not None else ():
        source, target = rel.find("source"), rel.find("target")
        if source is None or target is None:
            continue
        event, part = mentions.get(source.get("m_id", "")), mentions.get(target.get("m_id", ""))
        if event is None or part is None or event[0] != "EVENT_MENTION":
            continue
        roles.setdefault(source.get("m_id", ""), {}).setdefault(rel.get("sem_role", ""), []).append(part[1])
    gold = tuple(
        EventSpans(mentions[m_id][1], tuple(found["Arg0"]), tuple(found["Arg1"]))
        for m_id, found in sorted(roles.items(), key=lambda kv: mentions[kv[0]][1])
        if found.get("Arg0") and found.get("Arg1")
    )
    annotated = tuple(sorted(sentences[s] for s in marked if s in sentences))
    return Doc(id=root.get("doc_id", path.stem), text=text, gold=gold, annotated=annotated)


def load(data: Path, limit: int | None = None) -> list[Doc]:
    """The English articles under ``data`` (the MEANTIME folder), in file-name order."""
    docs = [d for d in (read_doc(p) for p in _files(data)) if d is not None]
    if not docs:
        raise QueryError("NG480", f"no MEANTIME English articles under {data} — pass the meantime folder (with intra-doc_annotation/)")
    return docs[:limit] if limit else docs


def ours(docs: list[Doc]) -> list[list[EventSpans]]:
    """Our events with at least one actor and one target, per doc."""
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
    from newsgraph.nlp.pipeline import extract

    articles = [
        Article(id=article_id(d.id, d.text), source=SourcePointer(path=d.id, format=SourceFormat.TEXT), text=d.text)
        for d in docs
    ]
    out = []
    for facts in extract(articles):
        out.append([
            EventSpans(
                (e.trigger.start, e.trigger.end),
                tuple((a.evidence.start, a.evidence.end) for a in e.actors),
                tuple((a.evidence.start, a.evidence.end) for a in e.targets),
            )
            for e in facts.events
            if e.actors and e.targets
        ])
    return out


def anchor(docs: list[Doc]) -> list[list[EventSpans]]:
    """Every verb with a nominal subject and a direct object (subject → actor, object → target)."""
    from newsgraph.nlp.frames import subject_verb_object

    return [[EventSpans(v, (s,), (o,)) for v, s, o in found] for found in subject_verb_object([d.text for d in docs])]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _full(p: EventSpans, g: EventSpans) -> bool:
    return any(_overlaps(a, b) for a in p.actors for b in g.actors) and any(
        _overlaps(t, b) for t in p.targets for b in g.targets
    )


def score(docs: list[Doc], predicted: list[list[EventSpans]]) -> dict[str, float]:
    """Trigger-level and full (trigger + both participants) precision, recall and F1."""
    n_pred = n_gold = tp_trig_p = tp_trig_g = tp_full_p = tp_full_g = 0
    for doc, found in zip(docs, predicted):
        preds = [p for p in found if any(s <= p.trigger[0] < e for s, e in doc.annotated)]
        n_pred += len(preds)
        n_gold += len(doc.gold)
        tp_trig_p += sum(any(_overlaps(p.trigger, g.trigger) for g in doc.gold) for p in preds)
        tp_full_p += sum(any(_overlaps(p.trigger, g.trigger) and _full(p, g) for g in doc.gold) for p in preds)
        tp_trig_g += sum(any(_overlaps(p.trigger, g.trigger) for p in preds) for g in doc.gold)
        tp_full_g += sum(any(_overlaps(p.trigger, g.trigger) and _full(p, g) for p in preds) for g in doc.gold)
    out: dict[str, float] = {"predicted": n_pred, "gold": n_gold}
    for name, tp_p, tp_g in (("trigger", tp_trig_p, tp_trig_g), ("full", tp_full_p, tp_full_g)):
        p = tp_p / n_pred if n_pred else 0.0
        r = tp_g / n_gold if n_gold else 0.0
        out[f"{name}_precision"], out[f"{name}_recall"] = p, r
        out[f"{name}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def evaluate(data: Path, **options: object) -> Report:
    """Score our events with participants against MEANTIME's, beside the subject-verb-object anchor."""
    limit = options.get("limit")
    docs = load(data, int(limit) if isinstance(limit, int) else None)
    mine = score(docs, ours(docs))
    base = score(docs, anchor(docs))
    label = "every verb with a subject and an object (spaCy parse), same run"
    metrics = tuple(
        Metric(name=name, ours=round(mine[name], 4), anchor=round(base[name], 4), anchor_label=label)
        for name in ("trigger_precision", "trigger_recall", "trigger_f1", "full_precision", "full_recall", "full_f1")
    )
    notes = (
        f"{len(docs)} English articles, {int(mine['gold'])} gold event mentions with an Arg0 and an Arg1; "
        f"ours {int(mine['predicted'])} events with an actor and a target, anchor {int(base['predicted'])}",
        "trigger: our trigger overlaps the gold mention; full: and an actor overlaps its Arg0 and a target its Arg1",
    )
    return Report(task=NAME, data=str(data), metrics=metrics, notes=notes)
