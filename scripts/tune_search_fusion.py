"""Tune the hybrid fusion's constants on ECB+ train (never on dev), as `newsgraph eval search` scores.

    PYTHONPATH=src python scripts/tune_search_fusion.py [--data ../shared/data/ecbplus] [--split train]

Builds the split's knowledge base once, takes each query's text and semantic rankings once
(``DEPTH`` deep), then fuses them in memory for every (k, semantic weight) on the grid and prints
mean nDCG@10 beside the two single rankings. The chosen values go in ``search/fusion.py``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))


def main() -> None:
    from newsgraph.errors import QueryError
    from newsgraph.evaluate.search import CUTOFF, _docs_of, _fold_duplicates, build, load_ecbplus, ndcg
    from newsgraph.query.search import DEPTH, search
    from newsgraph.search import reciprocal_rank_fusion
    from newsgraph.store import open_store

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "ecbplus")
    parser.add_argument("--split", default="train")
    args = parser.parse_args()
    articles, judged = load_ecbplus(args.data, args.split)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "tune.duckdb"
        build(articles, db)
        judged = _fold_duplicates(judged, db)
        doc_of = _docs_of(db)
        runs = []
        with open_store(db, read_only=True) as store:
            for j in judged:
                pair = []
                for mode in ("text", "semantic"):
                    try:
                        pair.append([h.article_id for h in search(store, j.query, mode=mode, limit=DEPTH)])
                    except QueryError:
                        pair.append([])
                runs.append((j, pair))

    def cut(ids: list[str], j) -> list[str]:
        return [d for d in (doc_of[a] for a in ids) if d != j.exclude][:CUTOFF]

    def mean(values: list[float]) -> float:
        return sum(values) / len(values)

    print(f"{args.split}: {len(runs)} queries")
    print(f"text     nDCG@10 {mean([ndcg(cut(p[0], j), j.relevant) for j, p in runs]):.4f}")
    print(f"semantic nDCG@10 {mean([ndcg(cut(p[1], j), j.relevant) for j, p in runs]):.4f}")
    for k in (5, 10, 20, 40, 60, 100):
        for w in (0.5, 0.75, 1.0, 1.25, 1.5, 2.0):
            fused = [ndcg(cut([str(a) for a, _ in reciprocal_rank_fusion(p, k=k, weights=[1.0, w])], j), j.relevant)
                     for j, p in runs]
            print(f"hybrid k={k:<4} semantic weight={w:<5} nDCG@10 {mean(fused):.4f}")


if __name__ == "__main__":
    main()
