"""Named-entity recognition on CoNLL-2003 (English dev set, ``eng.testa``), conlleval style.

The file has one token a line (``token POS chunk tag``, IOB1 tags), a blank line between
sentences and ``-DOCSTART-`` between documents. Each document becomes one spaCy Doc built from
the given tokens (one newline token between sentences), so our in-document fixes (short forms,
titles, acronyms) apply. One pass of our pipeline gives both figures: the model's own
``doc.ents`` (the anchor, plain spaCy md) and our mentions. OntoNotes labels map to CoNLL's four:
PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/PRODUCT/LAW/WORK_OF_ART/LANGUAGE→MISC, the
rest are dropped. Our mentions cover the types we keep; for WORK_OF_ART and LANGUAGE, which we
do not keep, the model's spans stand in on both sides. Scores are entity-level exact matches on
(document, start, end, type): precision, recall and F1, overall and per type.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.evaluate import Metric, Report

NAME = "ner"
DESCRIPTION = "CoNLL-2003 English NER (dev): entity-level P/R/F1, ours beside plain spaCy md"

TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC", "WORK_OF_ART": "MISC", "LANGUAGE": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")

Span3 = tuple[int, int, str]


def read_conll(path: Path) -> Iterator[list[list[tuple[str, str]]]]:
    """Documents as lists of sentences of (token, IOB1 tag)."""
    doc: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                if sentence:
                    doc.append(sentence)
                    sentence = []
                continue
            if parts[0] == "-DOCSTART-":
                if sentence:
                    doc.append(sentence)
                    sentence = []
                if doc:
                    yield doc
                doc = []
                continue
            sentence.append((parts[0], parts[-1]))
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def layout(doc: list[list[tuple[str, str]]]) -> tuple[list[str], list[bool], set[Span3]]:
    """Words and spaces for a spaCy Doc (a newline token between sentences) and the gold char spans."""
    words: list[str] = []
    spaces: list[bool] = []
    gold: set[Span3] = set()
    offset = 0
    for n, sentence in enumerate(doc):
        if n:
            words.append("\n")
            spaces.append(False)
            offset += 1
        current: list[Any] | None = None
        for k, (token, tag) in enumerate(sentence):
            start, end = offset, offset + len(token)
            kind = tag[2:] if tag != "O" else None
            if kind is None or tag.startswith("B-") or current is None or current[2] != kind:
                if current is not None:
                    gold.add(tuple(current))  # type: ignore[arg-type]
                current = [start, end, kind] if kind is not None else None
            else:
                current[1] = end
            last = k == len(sentence) - 1
            words.append(token)
            spaces.append(not last)
            offset = end + (0 if last else 1)
        if current is not None:
            gold.add(tuple(current))  # type: ignore[arg-type]
    return words, spaces, gold


def _prf(gold: set[Any], pred: set[Any]) -> tuple[float, float, float]:
    hit = len(gold & pred)
    p = hit / len(pred) if pred else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _conll(n: int, spans: Iterable[Any], only: set[str] | None = None) -> set[Any]:
    return {(n, s.start_char, s.end_char, TO_CONLL[s.label_]) for s in spans
            if s.label_ in TO_CONLL and (only is None or s.label_ in only)}


def _mentions(n: int, doc: Any, article: Any) -> set[Any]:
    """Our mentions over the doc's current entities, plus its WORK_OF_ART/LANGUAGE spans (not kept as mentions)."""
    from newsgraph.nlp.entities import mentions_and_entities

    mentions, _ = mentions_and_entities(doc, article)
    out = {(n, m.evidence.start, m.evidence.end, TO_CONLL[m.type.value]) for m in mentions}
    return out | _conll(n, doc.ents, {"WORK_OF_ART", "LANGUAGE"})


SYSTEMS = (
    ("spacy", "spaCy en_core_web_md alone"),
    ("rules", "spaCy + newsgraph rules (ner = spacy)"),
    ("trained", "trained recogniser alone (MiniLM-L6, CoNLL-2003 train)"),
    ("combined", "spaCy's spans retyped by the trained recogniser, its names spaCy missed added, + newsgraph rules (ner = combined)"),
    ("bounds", "trained spans and classes, spaCy's fine types and numbers + newsgraph rules (the other vote)"),
)


def predictions(docs: list[Any]) -> dict[str, set[Any]]:
    """Each system's (doc, start, end, CoNLL type) predictions over docs spaCy has run over."""
    from newsgraph.nlp.recogniser import combine, trained_spans

    out: dict[str, set[Any]] = {name: set() for name, _ in SYSTEMS}
    for n, doc in enumerate(docs):
        article = doc._.ng["article"]
        spacy_ents = list(doc.ents)
        out["spacy"] |= _conll(n, spacy_ents)
        out["rules"] |= _mentions(n, doc, article)
        trained = trained_spans(doc)
        out["trained"] |= {(n, s.start_char, s.end_char, s.label_) for s in trained}
        doc.ents = combine(doc, trained, spacy_ents, boundaries="trained")
        out["bounds"] |= _mentions(n, doc, article)
        doc.ents = combine(doc, trained, spacy_ents)
        out["combined"] |= _mentions(n, doc, article)
    return out


def evaluate(data: Path, *, limit: int | None = None, model: str | None = None, **_: object) -> Report:
    """Score spaCy md, spaCy with our rules, the trained recogniser and the combination on ``data``
    (a CoNLL-2003 file); ``limit`` documents at most. ``ours`` is the pipeline the ``ner`` setting
    selects (spacy, i.e. spaCy with newsgraph's rules, by default); the other systems are reported as ``<system>_<metric>``."""
    from spacy.tokens import Doc

    from newsgraph import settings
    from newsgraph.model import Article, SourceFormat, SourcePointer
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(model, components=[], ner="spacy")
    gold: set[Any] = set()
    inputs: list[Any] = []
    for n, conll_doc in enumerate(read_conll(data)):
        if limit is not None and n >= limit:
            break
        words, spaces, spans = layout(conll_doc)
        gold.update((n, *span) for span in spans)
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        doc._.ng = {"article": Article(id=f"conll-{n}", source=SourcePointer(path=str(data), format=SourceFormat.TEXT, record=n), text=doc.text)}
        inputs.append(doc)
    docs = list(nlp.pipe(inputs, batch_size=16))
    found = predictions(docs)
    chosen = "combined" if settings.get("ner") == "combined" else "rules"
    metrics: list[Metric] = []
    anchor = "spaCy en_core_web_md, same run"
    for prefix, system in [("", chosen), *[(f"{name}_", name) for name, _ in SYSTEMS if name not in {chosen, "spacy"}]]:
        for label, keep in [("", None), *[(f"{t.lower()}_", t) for t in TYPES]]:
            g = {x for x in gold if keep is None or x[3] == keep}
            o = {x for x in found[system] if keep is None or x[3] == keep}
            a = {x for x in found["spacy"] if keep is None or x[3] == keep}
            for name, ours_v, anchor_v in zip(("precision", "recall", "f1"), _prf(g, o), _prf(g, a), strict=True):
                metrics.append(Metric(name=f"{prefix}{label}{name}", ours=ours_v, anchor=anchor_v, anchor_label=anchor))
    notes = (f"{len(docs)} documents, {len(gold)} gold entities, {sum(len(d) for d in docs)} tokens",
             f"ours: {dict(SYSTEMS)[chosen]}; " + "; ".join(f"{name}_*: {text}" for name, text in SYSTEMS
                                                           if name not in {chosen, "spacy"}))
    return Report(task=NAME, data=str(data), metrics=tuple(metrics), notes=notes)


if __name__ == "__main__":
    import sys

    report = evaluate(Path(sys.argv[1]), limit=int(sys.argv[2]) if len(sys.argv) > 2 else None)
    for metric in report.metrics:
        print(f"{metric.name:16} ours {metric.ours:.4f}   spaCy md {metric.anchor:.4f}")
    print(*report.notes, sep="\n")
