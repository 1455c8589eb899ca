"""Speed of newsgraph's extraction beside raw spaCy over the same BBC News texts, in one run.

    PYTHONPATH=src python benchmarks/nlp.py [--limit 300 | --full] [--repeat 2] [--data PATH]

Prints words per second of the bare model's ``nlp.pipe`` (the ceiling for any spaCy-based
pipeline) and of our full ``load_pipeline()``, their ratio, and each newsgraph component's own
time (every component in ``COMPONENTS``, and the trained recogniser ``newsgraph_recogniser`` when
the ``ner`` setting is ``combined``, each ``__call__`` wrapped with a timer) as a share of the raw
pipeline's time; the recogniser's cost also in ms per 1,000 words beside raw ``nlp.pipe``'s. The budget: our components together cost at most 25% on top of raw.
Each side runs ``--repeat`` times, alternating, and its best run is reported.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from newsgraph.model import Article, SourceFormat, SourcePointer
from newsgraph.nlp import load_model, load_pipeline, make_doc
from newsgraph.nlp.pipeline import COMPONENTS

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc-news"
BUDGET = 0.25


def read_texts(data: Path, limit: int | None) -> list[str]:
    """Article texts from the BBC News folders, in a fixed order (sorted paths), ``limit`` at most."""
    paths = sorted(data.glob("*/*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return texts if limit is None else texts[:limit]


def time_components(nlp, timings: dict[str, float]) -> None:  # type: ignore[no-untyped-def]
    """Wrap each newsgraph component's ``__call__`` so its time adds up in ``timings``."""
    ours = {factory for factory, _ in COMPONENTS} | {"newsgraph_recogniser"}
    for name, proc in nlp.pipeline:
        if name not in ours:
            continue
        cls = type(proc)
        original = cls.__call__

        def timed(self, doc, _original=original, _name=name):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return _original(self, doc)
            finally:
                timings[_name] += time.perf_counter() - start

        proc.__class__ = type(f"Timed{cls.__name__}", (cls,), {"__call__": timed})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--full", action="store_true", help="every article (overrides --limit)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    texts = read_texts(args.data, None if args.full else args.limit)
    words = sum(len(t.split()) for t in texts)
    source = SourcePointer(path=str(args.data), format=SourceFormat.TEXT)
    articles = [Article(id=f"bbc-{n}", source=source, text=t) for n, t in enumerate(texts)]
    raw, full = load_model(), load_pipeline()
    timings: dict[str, float] = defaultdict(float)
    time_components(full, timings)
    list(raw.pipe(texts[:8]))
    list(full.pipe(make_doc(full, a) for a in articles[:8]))

    best_raw = best_full = float("inf")
    best_timings: dict[str, float] = {}
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in raw.pipe(texts, batch_size=args.batch_size):
            pass
        best_raw = min(best_raw, time.perf_counter() - start)
        timings.clear()
        start = time.perf_counter()
        for _doc in full.pipe((make_doc(full, a) for a in articles), batch_size=args.batch_size):
            pass
        elapsed = time.perf_counter() - start
        if elapsed < best_full:
            best_full, best_timings = elapsed, dict(timings)

    ours_total = sum(best_timings.values())
    print(f"{len(texts)} BBC News articles, {words} words, batch size {args.batch_size}, best of {args.repeat}")
    print(f"{'run':34} {'seconds':>9} {'words/s':>10} {'vs raw':>8}")
    print(f"{'raw spaCy nlp.pipe (anchor)':34} {best_raw:9.2f} {words / best_raw:10.0f} {1.0:8.2f}")
    print(f"{'newsgraph load_pipeline()':34} {best_full:9.2f} {words / best_full:10.0f} {best_raw / best_full:8.2f}")
    print()
    print(f"{'component':34} {'seconds':>9} {'% of raw':>9} {'% of ours':>9}")
    for factory, _ in COMPONENTS:
        spent = best_timings.get(factory, 0.0)
        print(f"{factory:34} {spent:9.2f} {100 * spent / best_raw:8.1f}% {100 * spent / best_full:8.1f}%")
    spent = best_timings.get("newsgraph_recogniser", 0.0)
    print(f"{'newsgraph_recogniser (ner=combined)':34} {spent:9.2f} {100 * spent / best_raw:8.1f}% {100 * spent / best_full:8.1f}%"
          f"   {1000 * spent / words * 1000:.0f} ms per 1,000 words (raw nlp.pipe: {1000 * best_raw / words * 1000:.0f})")
    print(f"{'all newsgraph components':34} {ours_total:9.2f} {100 * ours_total / best_raw:8.1f}% {100 * ours_total / best_full:8.1f}%")
    verdict = "within" if ours_total <= BUDGET * best_raw else "OVER"
    print(f"\nbudget: components at most {BUDGET:.0%} on top of raw -> {verdict} ({100 * ours_total / best_raw:.1f}%)")


if __name__ == "__main__":
    main()
