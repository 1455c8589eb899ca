"""Who said what on PolNeAR (``newsgraph eval quotes --data ../shared/data/polnear --split dev``).

Gold: every attribution with a source (``Attribution``) of the first annotator listed for each
article; those without one (``Attribution-no-source``, about 6%) cannot be matched end to end and
are left out, as the anchor's who-said-what scoring does.

(a) Who said what: gold and predicted quotes are matched one to one, greedily (best first), by the
share of the gold content's characters the predicted content covers; a pair counts at a threshold
(0.3, 0.8) when that share reaches it. ``content_*`` counts such matches; ``e2e_*`` counts them only
when the predicted source span (``Quote.source``, the source as written) overlaps the gold source.
(b) Exact match: predicted source, cue and content spans (each as the set of its character spans,
outer whitespace and punctuation ignored) equal to a gold attribution's.

Anchor: BBC R&D's Citron retrained on PolNeAR train, run on dev (its published figures).
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.evaluate import Metric, Report

NAME = "quotes"
DESCRIPTION = "quote attribution (who said what) on PolNeAR: content/end-to-end and exact-span P/R/F1"
ANCHOR = "Citron (BBC R&D), PolNeAR train → dev, published"
_ANCHOR = {"e2e_f1_0.3": 62.1, "e2e_f1_0.8": 52.0, "content_exact_f1": 39.8, "content_recall_0.3": 57.0}
THRESHOLDS = (0.3, 0.8)
_STRIP = " \t\n.,;:!?"

Spans = tuple[tuple[int, int], ...]


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def _chars(spans: Spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def _norm(text: str, spans: Spans) -> frozenset[tuple[int, int]]:
    out = set()
    for s, e in spans:
        while s < e and text[s] in _STRIP:
            s += 1
        while e > s and text[e - 1] in _STRIP:
            e -= 1
        if e > s:
            out.add((s, e))
    return frozenset(out)


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(s0 < e1 and s1 < e0 for s0, e0 in a for s1, e1 in b)


def match(gold: list[tuple[Spans, Spans]], pred: list[tuple[Spans, Spans]], threshold: float) -> tuple[int, int]:
    """Greedy one-to-one matching of (content, source) pairs: (content matches, end-to-end matches)."""
    scored = []
    gold_chars = [_chars(g[0]) for g in gold]
    for j, (content, _) in enumerate(pred):
        chars = _chars(content)
        for i, g in enumerate(gold_chars):
            if g and chars:
                share = len(g & chars) / len(g)
                if share >= threshold:
                    scored.append((share, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, content_tp, e2e_tp = set(), set(), 0, 0
    for _, i, j in scored:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        content_tp += 1
        if pred[j][1] and _overlaps(pred[j][1], gold[i][1]):
            e2e_tp += 1
    return content_tp, e2e_tp


def _predict(articles: list, nlp) -> list[list]:
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
    from newsgraph.nlp.pipeline import make_doc

    docs = []
    for gold in articles:
        article = Article(
            id=article_id(gold.name, gold.text),
            source=SourcePointer(path=gold.name, format=SourceFormat.TEXT),
            text=gold.text,
        )
        docs.append(make_doc(nlp, article))
    return [list(doc._.ng["quotes"]) for doc in nlp.pipe(docs, batch_size=16)]


def score(articles: list, predictions: list[list]) -> dict[str, float]:
    """All figures, from gold articles and each article's predicted quotes."""
    counts = {f"{kind}_{t}": 0 for kind in ("content", "e2e") for t in THRESHOLDS}
    exact = {"source": 0, "cue": 0, "content": 0}
    n_gold = n_pred = 0
    for article, quotes in zip(articles, predictions):
        golds = [a for a in article.attributions if a.kind == "Attribution" and a.content]
        gold_pairs = [(g.content, g.source) for g in golds]
        pred_pairs = []
        for q in quotes:
            source = ((q.source.start, q.source.end),) if q.source is not None else ()
            pred_pairs.append((tuple((c.start, c.end) for c in q.content), source))
        n_gold += len(gold_pairs)
        n_pred += len(pred_pairs)
        for t in THRESHOLDS:
            c_tp, e_tp = match(gold_pairs, pred_pairs, t)
            counts[f"content_{t}"] += c_tp
            counts[f"e2e_{t}"] += e_tp
        text = article.text
        for role in exact:
            gold_set = {_norm(text, getattr(g, role)) for g in golds}
            for q in quotes:
                spans = _pred_spans(q, role)
                if spans and _norm(text, spans) in gold_set:
                    exact[role] += 1
    figures = {"gold": float(n_gold), "predicted": float(n_pred)}
    for key, tp in counts.items():
        kind, t = key.split("_")
        p, r, f = _prf(tp, n_pred, n_gold)
        figures.update({f"{kind}_precision_{t}": p, f"{kind}_recall_{t}": r, f"{kind}_f1_{t}": f})
    for role, tp in exact.items():
        p, r, f = _prf(tp, n_pred, n_gold)
        figures.update({f"{role}_exact_precision": p, f"{role}_exact_recall": r, f"{role}_exact_f1": f})
    return figures


def _pred_spans(quote, role: str) -> Spans:
    if role == "content":
        return tuple((c.start, c.end) for c in quote.content)
    ev = quote.source if role == "source" else quote.cue
    return ((ev.start, ev.end),) if ev is not None else ()


def evaluate(data: Path, split: str = "dev", limit: int | None = None, **_: object) -> Report:
    """Score the quote component on PolNeAR ``split`` and report it beside Citron's figures."""
    from newsgraph.evaluate import polnear
    from newsgraph.nlp.pipeline import load_pipeline

    articles = polnear.load(Path(data), split)[:limit]
    nlp = load_pipeline(components=["newsgraph_entities", "newsgraph_quotes"])
    figures = score(articles, _predict(articles, nlp))
    order = [f"{kind}_{m}_{t}" for t in THRESHOLDS for kind in ("e2e", "content") for m in ("precision", "recall", "f1")]
    order += [f"{role}_exact_{m}" for role in ("source", "cue", "content") for m in ("precision", "recall", "f1")]
    metrics = tuple(
        Metric(name=name, ours=round(figures[name], 1), anchor=_ANCHOR.get(name), anchor_label=ANCHOR if name in _ANCHOR else None)
        for name in order
    )
    notes = (
        f"PolNeAR {split}: {len(articles)} articles, first annotator each; "
        f"{int(figures['gold'])} gold attributions with a source, {int(figures['predicted'])} predicted quotes",
    )
    return Report(task=NAME, data=str(data), metrics=metrics, notes=notes)
