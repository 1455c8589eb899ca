"""Quote speakers on a blind sample of BBC News sentences (``newsgraph eval quotes-bbc --data
../shared/data/bbc-news``).

The sample (``tests/golden/quotes-bbc/sample.json``) was drawn by ``candidates`` — a method that
does not run the extractor: every sentence of every article (files sorted by path, sentences cut
by a regular expression after ., ! or ? and at line ends) that holds a double quotation mark or a
form of a saying verb (``SAID``) is a candidate, and ``random.Random(SEED).sample`` picks ``SIZE``
of them. Each sentence's speaker was then written down by hand from the article, before the
extractor was run on it: a name (the person or organisation who said it, as the article names
them), ``anonymous:<description>`` for an unnamed source, or ``none`` when the sentence reports no
speech (a "said" inside a headline quote, a verb that is no speech).

Scoring: an item is right when
- ``none``: no quote's cue lies in the sentence;
- a name: a quote whose cue or content overlaps the sentence has a speaker whose text (or the
  name of the mention it resolved to) shares its last word with the expected name — "Mr Blair"
  and "Tony Blair" agree — and no pronoun is left as the speaker;
- ``anonymous:...``: such a quote's speaker is anonymous.
``speaker_accuracy`` is the share of right items, in percent; ``quote_recall`` the share of
expected speakers (names or anonymous) for which any quote was found.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from newsgraph.evaluate import Metric, Report

NAME = "quotes-bbc"
DESCRIPTION = "quote speakers on 50 BBC News sentences annotated blind (speaker accuracy)"
SEED = 12
SIZE = 50
SAID = re.compile(r"\b(?:said|says|say|told|tells|added|adds|according to|warned|insisted|argued|claimed)\b")
_SENTENCE = re.compile(r"[^\n]*?(?:[.!?](?:[\"”’']+)?(?=\s)|$)", re.M)
GOLDEN = Path(__file__).resolve().parents[3] / "tests" / "golden" / "quotes-bbc" / "sample.json"


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text: cut after ., ! or ? (with any closing marks) and at line ends."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        if end - start > 20:
            spans.append((start, end))
    return spans


def candidates(root: Path) -> list[tuple[str, int, int]]:
    """Every (relative path, start, end) of a sentence with a double quotation mark or a saying verb."""
    found = []
    for path in sorted(root.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        body = text.find("\n")  # the first line is the headline
        for start, end in sentences(text):
            if start <= body:
                continue
            sentence = text[start:end]
            if '"' in sentence or SAID.search(sentence):
                found.append((str(path.relative_to(root)), start, end))
    return found


def sample(root: Path) -> list[tuple[str, int, int]]:
    """The blind sample: ``SIZE`` candidates chosen with ``random.Random(SEED)``, in path order."""
    return sorted(random.Random(SEED).sample(candidates(root), SIZE))


_PRONOUNS = frozenset("he she it they him her them i we you".split())


def _words(text: str) -> set[str]:
    return {w.lower().removesuffix("'s").removesuffix("’s").strip(".,\"'“”") for w in text.split()}


def speaker_right(expected: str, quotes: list, start: int, end: int) -> tuple[bool, bool]:
    """(right, found): whether the quotes touching ``start:end`` give the expected speaker, and
    whether any quote touched it at all."""
    touching = [
        q for q in quotes
        if start <= q.cue.start < end or any(c.start < end and start < c.end for c in q.content)
    ]
    if expected == "none":
        return not any(start <= q.cue.start < end for q in quotes), False
    if not touching:
        return False, False
    if expected.startswith("anonymous:"):
        return any(q.speaker.anonymous for q in touching), True
    for quote in touching:
        written = quote.speaker.evidence.text if quote.speaker.evidence is not None else ""
        if not written or written.lower() in _PRONOUNS:
            continue
        words = _words(written)
        if any(name.split()[-1].lower() in words for name in expected.split("|")):
            return True, True
    return False, True


def _quotes(root: Path, paths: list[str]) -> dict[str, list]:
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
    from newsgraph.nlp.pipeline import load_pipeline, make_doc

    nlp = load_pipeline(components=["newsgraph_entities", "newsgraph_quotes"])
    docs = []
    for path in paths:
        text = (root / path).read_text(encoding="utf-8", errors="replace")
        article = Article(id=article_id(path, text), source=SourcePointer(path=path, format=SourceFormat.TEXT), text=text)
        docs.append(make_doc(nlp, article))
    return {path: list(doc._.ng["quotes"]) for path, doc in zip(paths, nlp.pipe(docs, batch_size=8))}


def evaluate(data: Path, golden: str | None = None, **_: object) -> Report:
    """Speaker accuracy of our quotes on the blind BBC sample (``golden``: its JSON file)."""
    spec = json.loads(Path(golden or GOLDEN).read_text(encoding="utf-8"))
    items = spec["items"]
    found = _quotes(Path(data), sorted({i["path"] for i in items}))
    right = with_quote = speakers = 0
    wrong = []
    for item in items:
        ok, touched = speaker_right(item["speaker"], found[item["path"]], item["start"], item["end"])
        right += ok
        if item["speaker"] != "none":
            speakers += 1
            with_quote += touched
        if not ok:
            wrong.append(f"{item['path']}:{item['start']} expected {item['speaker']}")
    metrics = (
        Metric(name="speaker_accuracy", ours=round(100 * right / len(items), 1)),
        Metric(name="quote_recall", ours=round(100 * with_quote / speakers, 1) if speakers else 0.0),
        Metric(name="items", ours=float(len(items))),
    )
    notes = (f"{len(items)} sentences annotated blind; wrong: " + ("; ".join(wrong) or "none"),)
    return Report(task=NAME, data=str(data), metrics=metrics, notes=notes)
