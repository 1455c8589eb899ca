"""Ingest throughput and peak memory: read + clean + de-duplicate + store, no NLP.

    PYTHONPATH=src python benchmarks/ingest.py [--data ../shared/data/bbc-news] [--times 10]

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
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"benchmark data not found at {args.data}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
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
        result = (child_anchor if kind == "anchor" else child_newsgraph)(inputs, db)
        print(json.dumps(result))
    else:
        main()
