"""Reading PolNeAR (Newell, Margolin, Ruths, LREC 2018): brat standoff attributions.

The corpus folder holds ``metadata.tsv`` (compartment, filename, annotators, ...) and one folder
a compartment (``train``, ``dev``) with ``text/<filename>.txt`` and
``attributions/<filename>_<annotator>.ann``. Each ``.ann`` file lists text-bound annotations
(``T<n>\tSource|Cue|Content|... start end[;start end]\ttext``) and events
(``E<n>\tAttribution:T.. Source:T.. Cue:T.. Content:T..``) tying them into one attribution. We
read the first annotator listed in ``metadata.tsv`` for each article, as the corpus asks.

This module is not an evaluation task by itself (it defines no ``NAME``); ``quotes`` uses it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]
# A text-bound line; a span's text may hold newlines, so other lines are its continuation.
_BOUND = re.compile(r"T\d+\t\S+ \d+ \d+")
_EVENT = re.compile(r"E\d+\t")


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldAttribution:
    """One annotated attribution relation.

    Attributes:
        kind: ``"Attribution"`` or ``"Attribution-no-source"``.
        source: the source's character spans (empty when it has none).
        cue: the cue's character spans.
        content: the content's character spans.
    """

    kind: str
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    """One PolNeAR article: its name, its text and its first annotator's attributions."""

    name: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _spans(field: str) -> tuple[Span, ...]:
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def parse_ann(text: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one brat ``.ann`` file's text, in file order."""
    bound: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if _BOUND.match(line):
            ident, head, *_ = line.split("\t")
            label, _, offsets = head.partition(" ")
            bound[ident] = (label, _spans(offsets))
        elif _EVENT.match(line):
            _, body = line.split("\t", 1)
            parts = dict(p.split(":", 1) for p in body.split())
            kind = next((k for k in parts if k.startswith("Attribution")), "")
            events.append((kind, parts))
    found = []
    for kind, parts in events:
        if not kind:
            continue

        def spans_of(role: str, parts: dict[str, str] = parts) -> tuple[Span, ...]:
            ident = parts.get(role)
            return bound[ident][1] if ident in bound else ()

        found.append(
            GoldAttribution(kind=kind, source=spans_of("Source"), cue=spans_of("Cue"), content=spans_of("Content"))
        )
    return tuple(found)


def load(root: Path, split: str) -> list[GoldArticle]:
    """The articles of one compartment (``"train"`` or ``"dev"``), first annotator each, sorted by name."""
    articles = []
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["compartment"] == split]
    for row in sorted(rows, key=lambda r: r["filename"]):
        annotator = row["annotators"].split("|")[0]
        ann = root / split / "attributions" / f"{row['filename']}_{annotator}.ann"
        txt = root / split / "text" / f"{row['filename']}.txt"
        if not ann.is_file() or not txt.is_file():
            continue
        articles.append(
            GoldArticle(
                name=row["filename"],
                annotator=annotator,
                text=txt.read_text(encoding="utf-8"),
                attributions=parse_ann(ann.read_text(encoding="utf-8")),
            )
        )
    return articles


def cue_verb_counts(articles: list[GoldArticle], docs: list) -> dict[str, tuple[int, int]]:
    """Lower-cased verb form → (verb uses inside a gold cue span, all verb uses), over parsed ``docs``.

    ``docs`` are spaCy Docs of the articles' texts, in the same order. Verbs inside quotation
    marks are left out (the quoted speaker's words are not the article's attributions). This is
    how ``nlp/data/quote_cues.tsv`` is derived from PolNeAR ``train``: a verb form's share of
    uses that were (part of) a cue tells how reliably it marks an attribution.
    """
    from newsgraph.nlp.quote_cues import quote_regions

    in_cue: dict[str, int] = {}
    total: dict[str, int] = {}
    for article, doc in zip(articles, docs):
        cue_chars = {i for a in article.attributions for s, e in a.cue for i in range(s, e)}
        quoted = {i for s, e in quote_regions(article.text) for i in range(s, e)}
        for token in doc:
            if token.pos_ != "VERB" or token.idx in quoted:
                continue
            word = token.lower_
            total[word] = total.get(word, 0) + 1
            if token.idx in cue_chars:
                in_cue[word] = in_cue.get(word, 0) + 1
    return {word: (count, total[word]) for word, count in in_cue.items()}
