"""5W1H: the main event's who / what / when / where / why / how against the Giveme5W1H gold
standard (news-please JSON articles with three coders' answer phrases).

Our article text is the headline, then the description (the standfirst) unless the body already
begins with it, then the body, one paragraph each, joined by ``\\n``: the text a reader of these
records would fix, and the text Giveme5W1H itself reads. Every answer is a span of that text.

Scoring (SQuAD-style): answers and gold phrases are lower-cased, stripped of punctuation and of
the articles a/an/the, and split on white space; a question's F1 is the token F1 of our answer
against its best-matching coder phrase (0 when we give none); questions whose gold list has no
phrase are skipped. Reported per question: mean F1, exact match, and the share of answers with
F1 >= 0.5; and the mean F1 over the six questions.

With ``-o headline=apart`` the headline is the article's title and not its text's first line, as
newsgraph's readers keep a feed's title or a text file's first line: the figure a user of those
readers gets (the pipeline reads such a headline as the text's first line, ``pipeline._pieces``).

Halves (``--split even`` / ``--split odd``): the records sorted by file name, even positions
(0, 2, ...) or odd ones. Rules are written reading the even half's errors and checked on the
odd half; ``--split all`` (the default) scores every record.
"""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.evaluate import Metric, Report

NAME = "5w1h"
DESCRIPTION = "main event who/what/when/where/why/how vs the Giveme5W1H gold standard (token F1)"
QUESTIONS = ("who", "what", "when", "where", "why", "how")
ANCHOR = {"who": 0.50, "what": 0.15, "when": 0.38, "where": 0.63, "why": 0.04, "how": 0.14}
ANCHOR_LABEL = "Giveme5W1H stored outputs (39 articles), scored the same way"

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans({c: " " for c in string.punctuation + "“”‘’–—"})


def normalize(text: str) -> list[str]:
    """SQuAD normalisation: lower case, no punctuation, no articles, white-space tokens."""
    return _ARTICLES.sub(" ", text.lower().translate(_PUNCT)).split()


def token_f1(ours: str, gold: str) -> float:
    """Token F1 between two normalised strings (1.0 when both are empty)."""
    a, b = normalize(ours), normalize(gold)
    if not a or not b:
        return float(a == b)
    common = sum((Counter(a) & Counter(b)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


def article_text(record: dict) -> str:
    """Headline, description (unless the body starts with it) and body, as our article text."""
    title = (record.get("title") or "").strip()
    description = (record.get("description") or "").strip()
    body = (record.get("text") or "").strip()
    parts = [title]
    if description and not body.startswith(description[:60]):
        parts.append(description)
    parts.append(body)
    return "\n".join(p for p in parts if p)


def gold_phrases(record: dict, question: str) -> list[str]:
    """The coders' phrases for one question (empty when the gold list has none)."""
    entry = record.get("fiveWoneH", {}).get(question, {})
    return [a["text"] for a in entry.get("annotated", []) if a.get("text")]


def _published(record: dict) -> datetime | None:
    raw = record.get("date_publish")
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def load(data: Path) -> list[dict]:
    """The gold records of a folder of news-please JSON files (or one file), sorted by name."""
    files = sorted(data.glob("*.json")) if data.is_dir() else [data]
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


HEADLINES = ("in-text", "apart")


def answers(records: list[dict], headline: str = "in-text") -> list[dict[str, str | None]]:
    """Run the pipeline over the records and return each one's 5W1H answer texts. With
    ``headline="apart"`` the headline is the article's title only, not its text's first line, as
    newsgraph's readers keep it (a feed's title, a text file's first line)."""
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
    from newsgraph.nlp.pipeline import extract

    articles = []
    for n, record in enumerate(records):
        text = article_text(record if headline == "in-text" else {**record, "title": ""})
        articles.append(Article(
            id=article_id(f"5w1h:{n}", text),
            source=SourcePointer(path=str(record.get("filename", n)), format=SourceFormat.JSONL, record=n),
            text=text,
            title=record.get("title"),
            published=_published(record),
        ))
    out = []
    for facts in extract(articles):
        main = facts.main
        out.append({q: (getattr(main, q).text if main is not None and getattr(main, q) is not None else None) for q in QUESTIONS})
    return out


SPLITS = ("all", "even", "odd")


def half(records: list[dict], split: str) -> list[dict]:
    """The records of one half (``even``: positions 0, 2, ...; ``odd``: 1, 3, ...) or all."""
    if split not in SPLITS:
        raise InputError("NG115", f"unknown 5w1h split {split!r} (splits: {', '.join(SPLITS)})")
    return records if split == "all" else records[SPLITS.index(split) - 1 :: 2]


def evaluate(data: Path, split: str = "all", limit: int | None = None, headline: str = "in-text", **_: object) -> Report:
    """Score our main events against the gold standard in ``data`` (one half with ``split``; with
    ``headline="apart"`` the headline kept out of the text, as the readers keep it)."""
    if headline not in HEADLINES:
        raise InputError("NG115", f"unknown 5w1h headline option {headline!r} (one of: {', '.join(HEADLINES)})")
    records = half(load(data), split)[:limit]
    ours = answers(records, headline)
    metrics: list[Metric] = []
    means = []
    for q in QUESTIONS:
        f1s, ems = [], []
        for record, answer in zip(records, ours):
            phrases = gold_phrases(record, q)
            if not phrases:
                continue
            given = answer[q] or ""
            f1s.append(max(token_f1(given, p) for p in phrases) if given else 0.0)
            ems.append(float(bool(given) and any(normalize(given) == normalize(p) for p in phrases)))
        f1 = sum(f1s) / len(f1s) if f1s else 0.0
        means.append(f1)
        metrics.append(Metric(name=f"{q}_f1", ours=round(f1, 4), anchor=ANCHOR[q], anchor_label=ANCHOR_LABEL))
        metrics.append(Metric(name=f"{q}_em", ours=round(sum(ems) / len(ems) if ems else 0.0, 4)))
        metrics.append(Metric(name=f"{q}_f1_ge_0.5", ours=round(sum(f >= 0.5 for f in f1s) / len(f1s) if f1s else 0.0, 4)))
    anchor_mean = sum(ANCHOR.values()) / len(ANCHOR)
    metrics.insert(0, Metric(name="mean_f1", ours=round(sum(means) / len(means), 4), anchor=round(anchor_mean, 4), anchor_label=ANCHOR_LABEL))
    notes = (
        f"{len(records)} articles ({split}; the anchor answered 39 of the 76); text = "
        + ("title + description (unless the body starts with it) + body" if headline == "in-text"
           else "description (unless the body starts with it) + body, the title apart (-o headline=apart)"),
    )
    return Report(task=NAME, data=str(data), metrics=tuple(metrics), notes=notes)
