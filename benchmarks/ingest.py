"""Ingest throughput and peak memory: read + clean + de-duplicate + store, no NLP; long articles; duplicate storage.

    PYTHONPATH=src python benchmarks/ingest.py [--data ../shared/data/bbc-news] [--times 10] [--only base|long|duplicates]

``long``: one 1 MB article on a single line (BBC texts joined by spaces) and one 1 MB highly
repetitive article (one BBC text repeated), each ingested with NLP through ``pipeline.ingest``
(default ``max_extract_chars``: the first 200,000 characters are extracted, in windows); the anchor
is raw ``nlp.pipe`` of the bare spaCy model over the same windows of the same part, in its own child.
``duplicates``: a gzip of many repeated copies of a JSONL file; the figures are the input's size,
the text bytes stored in duplicate rows, and what whole copies would have taken.

Each run is a separate child process pinned to one CPU; its peak RSS comes from ``os.wait4`` for
that child alone, so runs do not contaminate each other. The anchor, measured in the same
invocation, is a bare loop that reads each file and inserts its raw text into DuckDB in
transactions of the same batch size: the floor cost of getting the bytes into the store.
"RSS over anchor" is newsgraph's peak RSS minus the anchor's at the same input size: DuckDB's own
memory grows with the size of the database (the anchor shows it too); what newsgraph adds on top
should not grow with the input. The 10x run feeds the same files copied under ten different folders (so every later copy is an
exact duplicate at a new path): with streaming, its peak RSS should stay about the same.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BATCH = 64


def child_newsgraph(inputs: list[str], db: str) -> dict:
    from newsgraph.pipeline import ingest
    from newsgraph.resolve.duplicates import fingerprint  # noqa: F401  (imports before the clock)
    import datasketch  # noqa: F401

    start = time.perf_counter()
    summary = ingest(inputs, db=db, batch_size=BATCH, extract=False, embed=False)  # search vectors: benchmarks/search.py
    seconds = time.perf_counter() - start
    return {"articles": summary.read, "seconds": seconds, "stored": summary.stored, "duplicates": summary.duplicates}


def child_anchor(inputs: list[str], db: str) -> dict:
    import duckdb

    start = time.perf_counter()
    conn = duckdb.connect(db)
    conn.execute("CREATE TABLE raw (path VARCHAR, text VARCHAR)")
    count = 0
    for first in range(0, len(inputs), BATCH):
        rows = []
        for path in inputs[first : first + BATCH]:
            rows += [path, Path(path).read_bytes().decode("utf-8", "replace")]
        conn.execute("BEGIN TRANSACTION")
        conn.execute("INSERT INTO raw VALUES " + ", ".join(["(?, ?)"] * (len(rows) // 2)), rows)
        conn.execute("COMMIT")
        count += len(rows) // 2
    conn.close()
    return {"articles": count, "seconds": time.perf_counter() - start}


LONG_CHARS = 1_000_000


def long_texts(data: Path) -> dict[str, str]:
    """The two 1 MB articles: one line of many texts, and one text repeated (one line too)."""
    files = sorted(p for p in data.rglob("*.txt") if p.name.upper() != "README.TXT")
    texts = [" ".join(p.read_bytes().decode("latin-1").split()) for p in files]
    one_line, i = [], 0
    while sum(map(len, one_line)) < LONG_CHARS:
        one_line.append(texts[i % len(texts)])
        i += 1
    return {"one-line": " ".join(one_line)[:LONG_CHARS],
            "repetitive": ((texts[0] + " ") * (LONG_CHARS // len(texts[0]) + 1))[:LONG_CHARS]}


def child_long(inputs: list[str], db: str) -> dict:
    from newsgraph import nlp  # noqa: F401  (imports before the clock)
    from newsgraph.pipeline import ingest

    start = time.perf_counter()
    summary = ingest(inputs, db=db, batch_size=BATCH)
    return {"articles": summary.read, "seconds": time.perf_counter() - start, "extracted": summary.extracted}


def child_long_anchor(inputs: list[str], db: str) -> dict:
    from newsgraph import settings
    from newsgraph.nlp import load_model
    from newsgraph.nlp.windows import cut_point, windows

    text = json.loads(Path(inputs[0]).read_text(encoding="utf-8"))["text"]
    model = load_model()
    start = time.perf_counter()
    part = text[: cut_point(text, settings.get("max_extract_chars"))]
    for _ in model.pipe(part[s:e] for s, e in windows(part)):
        pass
    return {"articles": 1, "seconds": time.perf_counter() - start}


def child_duplicates(inputs: list[str], db: str) -> dict:
    import duckdb

    from newsgraph.pipeline import ingest

    summary = ingest(inputs, db=db, batch_size=BATCH, extract=False)
    conn = duckdb.connect(db, read_only=True)
    stored = conn.execute("SELECT sum(strlen(text)) FROM articles WHERE id IN (SELECT article_id FROM duplicates)").fetchone()[0]
    kept = conn.execute("SELECT sum(strlen(text)) FROM articles WHERE id NOT IN (SELECT article_id FROM duplicates)").fetchone()[0]
    whole = conn.execute("SELECT sum(strlen(coalesce(r.text, a.text))) FROM articles a LEFT JOIN articles r ON r.id = a.text_of"
                         " WHERE a.id IN (SELECT article_id FROM duplicates)").fetchone()[0] if _has_text_of(conn) else stored
    conn.close()
    return {"articles": summary.read, "duplicates": summary.duplicates, "seconds": 0.0, "dup_text_bytes": int(stored or 0),
            "kept_text_bytes": int(kept or 0), "whole_copies_bytes": int(whole or 0), "db_bytes": Path(db).stat().st_size}


def _has_text_of(conn: object) -> bool:
    return bool(conn.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'articles'"  # type: ignore[attr-defined]
                             " AND column_name = 'text_of'").fetchone()[0])


def long_report(args: argparse.Namespace, tmp: Path) -> None:
    print(f"\nlong articles ({LONG_CHARS:,} characters each, one line; NLP; one core)")
    print(f"{'article':<12}{'run':<12}{'seconds':>9}{'peak RSS MB':>13}{'time vs anchor':>16}")
    for name, text in long_texts(args.data).items():
        source = tmp / f"long-{name}.jsonl"
        source.write_text(json.dumps({"title": name, "text": text}) + "\n", encoding="utf-8")
        list_file = tmp / f"long-{name}.json"
        list_file.write_text(json.dumps([str(source)]))
        anchor = measure("long-anchor", list_file, tmp / f"long-anchor-{name}.duckdb")
        ours = measure("long", list_file, tmp / f"long-{name}.duckdb")
        for label, r in (("anchor", anchor), ("newsgraph", ours)):
            print(f"{name:<12}{label:<12}{r['seconds']:>9.1f}{r['peak_rss_mb']:>13.0f}{r['seconds'] / anchor['seconds']:>16.2f}")


def duplicates_report(args: argparse.Namespace, tmp: Path) -> None:
    import gzip

    copies, per_copy = args.copies, args.copy_articles
    files = sorted(p for p in args.data.rglob("*.txt") if p.name.upper() != "README.TXT")[:per_copy]
    lines = [json.dumps({"title": p.stem, "text": p.read_bytes().decode("latin-1")}) + "\n" for p in files]
    source = tmp / "copies.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as out:
        for _ in range(copies):
            out.writelines(lines)
    list_file = tmp / "copies.json"
    list_file.write_text(json.dumps([str(source)]))
    r = measure("duplicates", list_file, tmp / "copies.duckdb")
    raw = sum(len(line) for line in lines) * copies
    print(f"\nduplicate storage: {copies} copies of {per_copy} articles in one gzip ({source.stat().st_size:,} bytes gzipped,"
          f" {raw:,} bytes of JSONL)")
    print(f"{'articles':>9}{'duplicates':>11}{'kept text B':>13}{'dup text stored B':>19}{'whole copies B':>16}{'db file B':>12}")
    print(f"{r['articles']:>9}{r['duplicates']:>11}{r['kept_text_bytes']:>13,}{r['dup_text_bytes']:>19,}"
          f"{r['whole_copies_bytes']:>16,}{r['db_bytes']:>12,}")


def measure(kind: str, list_file: Path, db: Path) -> dict:
    """Run one child pinned to one CPU; its result plus its own peak RSS (MB)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    cpu = min(os.sched_getaffinity(0))
    proc = subprocess.Popen([sys.executable, __file__, "--child", kind, str(list_file), str(db)], env=env,
                            stdout=subprocess.PIPE, preexec_fn=lambda: os.sched_setaffinity(0, {cpu}))
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} run failed with exit code {proc.returncode}")
    result = json.loads(out)
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    return result


def inputs_for(data: Path, times: int, tmp: Path) -> list[str]:
    files = sorted(p for p in data.rglob("*.txt") if p.name.upper() != "README.TXT")
    if times == 1:
        return [str(p) for p in files]
    out = []
    for copy in range(times):
        folder = tmp / f"copy{copy:02d}"
        for p in files:
            target = folder / p.relative_to(data)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, target)
            out.append(str(target))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "bbc-news")
    parser.add_argument("--times", type=int, default=10, help="the larger run repeats the input this many times")
    parser.add_argument("--copies", type=int, default=20, help="duplicates: copies of the file in the gzip")
    parser.add_argument("--copy-articles", type=int, default=500, help="duplicates: articles in the copied file")
    parser.add_argument("--only", choices=("base", "long", "duplicates"), default=None, help="run one part only")
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"benchmark data not found at {args.data}")
    with tempfile.TemporaryDirectory() as tmp_name:
        if args.only in (None, "base"):
            base_report(args, Path(tmp_name))
        if args.only in (None, "duplicates"):
            duplicates_report(args, Path(tmp_name))
        if args.only in (None, "long"):
            long_report(args, Path(tmp_name))


def base_report(args: argparse.Namespace, tmp: Path) -> None:
    rows = []
    for times in (1, args.times):
        inputs = inputs_for(args.data, times, tmp / f"x{times}")
        list_file = tmp / f"inputs-{times}.json"
        list_file.write_text(json.dumps(inputs))
        for kind in ("anchor", "newsgraph"):
            result = measure(kind, list_file, tmp / f"{kind}-{times}.duckdb")
            rows.append((f"{kind} x{times}", result))
    anchors = {label.split()[1]: r for label, r in rows if label.startswith("anchor")}
    print(f"{'run':<16}{'articles':>9}{'seconds':>9}{'art/s':>9}{'peak RSS MB':>13}{'RSS over anchor':>17}"
          f"{'speed vs anchor':>17}")
    for label, r in rows:
        rate = r["articles"] / r["seconds"]
        anchor = anchors[label.split()[1]]
        ratio = rate / (anchor["articles"] / anchor["seconds"])
        over = r["peak_rss_mb"] - anchor["peak_rss_mb"]
        print(f"{label:<16}{r['articles']:>9}{r['seconds']:>9.2f}{rate:>9.0f}{r['peak_rss_mb']:>13.1f}{over:>17.1f}"
              f"{ratio:>17.2f}")
    ng = [r for label, r in rows if label.startswith("newsgraph")]
    print(f"\nnewsgraph x{args.times} stored {ng[1]['stored']} and recorded {ng[1]['duplicates']} duplicates; "
          f"peak RSS x{args.times} / x1 = {ng[1]['peak_rss_mb'] / ng[0]['peak_rss_mb']:.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, list_file, db = sys.argv[2], sys.argv[3], sys.argv[4]
        inputs = json.loads(Path(list_file).read_text())
        children = {"anchor": child_anchor, "newsgraph": child_newsgraph, "long": child_long,
                    "long-anchor": child_long_anchor, "duplicates": child_duplicates}
        result = children[kind](inputs, db)
        print(json.dumps(result))
    else:
        main()
