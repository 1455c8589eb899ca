"""End-to-end throughput and peak memory of ``newsgraph ingest`` with 1 and N workers and on Ray,
beside raw spaCy ``nlp.pipe`` with the same model and ``n_process`` equal to the workers, on the
same BBC News texts, in the same invocation.

    PYTHONPATH=src python benchmarks/scale.py [--limit 300] [--workers 1,2] [--ray] [--copies 5]
                                              [--sweep] [--inserts] [--probe S] [--anchor-after]
                                              [--data ../shared/data/bbc-news]

Every measurement runs in a child process of its own; a sampler in this process reads the RSS of
the child and all its descendants (workers, Ray's processes) from /proc every 50 ms and keeps the
peak of their sum (shared pages count once per process: an upper bound). "ingest" is read to
committed (read, clean, de-duplicate, extract, resolve entities, write) with the model already
loaded in the workers (the pool is started and warmed first; "startup" says what that cost).
The anchor is the bare model's ``nlp.pipe`` over the raw file texts, batch size 32, model loaded
before the clock, ``n_process`` = workers; with ``--anchor-after`` it runs again after the ingest
and the ingest is compared with the mean of the two (this machine's speed drifts by tens of
percent within minutes). ``--copies K`` ingests the input and the input copied
K times under other folders (each later copy an exact duplicate, recorded, not extracted) to
compare peak memory. ``--sweep`` times the extractor alone at several spaCy batch sizes.
"CPU s" is the CPU time of the child and its descendants (workers included, sampled from /proc;
it includes startup and the warm-up run): on a shared machine it moves less than the wall clock.
"run CPU s" is the CPU of the measured run alone (all processes); "CPU vs anchor" compares it with
the anchor's: the share of raw spaCy's efficiency kept, which a busy machine does not distort.
"parent CPU s" is the parent's own CPU in the run: with workers, the single writer's whole load
(reading, de-duplication, entity resolution, writing, handing batches to workers).
"writer s" is the time the single writer itself spent (preparing and committing batches).
"hold s" is how long the run held the knowledge base's write lock at a stretch: the longest, and
the 95th percentile. A run keeps the file between batches and lets it go when a query waits for it
(docs/concurrency.md), so a hold says nothing about a query's wait: ``--probe S`` opens the file
read-only from this process every S seconds during each ingest and prints the waits ("query
wait ms", longest and median; each such open makes the run let the file go, a checkpoint).
``--inserts`` compares the store's multi-row INSERT with an Arrow bulk load on the same rows, and
search vectors as lists of Python floats with fixed-size float32 Arrow lists (CPU seconds).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "bbc-news"


# --- children -----------------------------------------------------------------------------------

def cpu_now() -> float:
    """CPU seconds so far of this process, its live descendants, and the children it has reaped."""
    import resource

    ticks: dict[int, int] = {}
    _tree(os.getpid(), ticks)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    return sum(ticks.values()) / TICK + reaped.ru_utime + reaped.ru_stime


def child_anchor(files: list[str], n_process: int) -> dict:
    from newsgraph.nlp import load_model

    texts = [Path(f).read_text(encoding="utf-8", errors="replace") for f in files]
    nlp = load_model()
    list(nlp.pipe(texts[:4]))
    start, cpu = time.perf_counter(), cpu_now()
    for _doc in nlp.pipe(texts, batch_size=32, n_process=n_process):
        pass
    return {"seconds": time.perf_counter() - start, "articles": len(texts), "run_cpu": cpu_now() - cpu}


def child_ingest(inputs: list[str], db: str, engine: str, workers: int) -> dict:
    from newsgraph import pipeline
    from newsgraph.runner import InProcess, ProcessRunner

    start = time.perf_counter()
    warm = Path(db).with_suffix(".warm.duckdb")
    if engine == "ray":
        import ray

        from newsgraph.runner.ray import RayRunner

        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
        runner = RayRunner(workers=workers)
    elif workers == 1:
        extractor = pipeline.Extractor()
        extractor.load()
        runner = InProcess(extractor)
    else:
        runner = ProcessRunner(workers, keep=True)
    if engine != "ray":  # start and warm the workers: two files, two batches (one batch would run in-process)
        two = [p.as_posix() for p in sorted(Path(inputs[0]).rglob("*.txt"))[:2]]
        pipeline.ingest(two, db=warm, extract=True, runner=runner, batch_size=1)
    startup = time.perf_counter() - start
    writer = {"seconds": 0.0}  # the single writer's own time: prepare (dedup) + commit (resolve, write)
    for name in ("prepare", "commit"):
        original = getattr(pipeline.Writer, name)

        def timed(self, *a, _original=original):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return _original(self, *a)
            finally:
                writer["seconds"] += time.perf_counter() - t
        setattr(pipeline.Writer, name, timed)
    holds: list[float] = []  # each continuous hold of the knowledge base's write lock, open to close
    release = pipeline._Lease.release

    def timed_release(self):  # type: ignore[no-untyped-def]
        if self.store is not None:
            holds.append(time.monotonic() - self.since)
        release(self)
    pipeline._Lease.release = timed_release
    start, cpu, own = time.perf_counter(), cpu_now(), time.process_time()
    summary = pipeline.ingest(inputs, db=db, extract=True, runner=runner)
    seconds, cpu, own = time.perf_counter() - start, cpu_now() - cpu, time.process_time() - own
    if hasattr(runner, "close"):
        runner.close()
    return {"seconds": seconds, "run_cpu": cpu, "parent_cpu": own, "startup": startup, "articles": summary.read, "extracted": summary.extracted,
            "stored": summary.stored, "duplicates": summary.duplicates, "writer": writer["seconds"],
            "embedded": summary.embedded, "holds": sorted(holds)}


def child_sweep(files: list[str], sizes: list[int]) -> dict:
    from newsgraph.model import Article, SourceFormat, SourcePointer
    from newsgraph.pipeline import Extractor

    texts = [Path(f).read_text(encoding="utf-8", errors="replace") for f in files]
    articles = [Article(id=f"bbc-{n}", source=SourcePointer(path=f, format=SourceFormat.TEXT), text=t)
                for n, (f, t) in enumerate(zip(files, texts))]
    extractor = Extractor()
    extractor.load()
    extractor(articles[:4])
    out = {}
    for size in sizes:  # CPU time of this one process: steadier than the wall clock on a shared machine
        extractor.batch_size = size
        start = time.process_time()
        for i in range(0, len(articles), 64):  # the pipeline's batches of 64
            extractor(articles[i:i + 64])
        out[str(size)] = time.process_time() - start
    return out


def child_inserts(rows: int) -> dict:
    """The store's multi-row INSERT against an Arrow bulk load, same rows, same table."""
    import random

    import duckdb
    import pyarrow as pa

    from newsgraph.store.connection import insert, joined

    rng = random.Random(1)
    cols = ("id", "article_id", "start", "end", "text", "type", "entity_id", "extractor")
    data = [(f"men_{i:012d}", f"art_{i // 40:012d}", i, i + 9, "".join(rng.choice("abcdefgh ") for _ in range(14)),
             "PERSON", f"ent_{rng.randrange(5000):08d}", "newsgraph.entities.v2") for i in range(rows)]
    create = ("CREATE TABLE t (id VARCHAR PRIMARY KEY, article_id VARCHAR, start INTEGER, \"end\" INTEGER, "
              "text VARCHAR, type VARCHAR, entity_id VARCHAR, extractor VARCHAR)")
    out = {}
    for how in ("insert", "arrow", "insert", "arrow"):
        conn = duckdb.connect()
        conn.execute(create)
        start = time.process_time()  # CPU of this process (DuckDB's threads too): steadier than the clock when shared
        conn.execute("BEGIN")
        for chunk in range(0, rows, 2000):  # one batch's worth of rows at a time
            part = data[chunk:chunk + 2000]
            if how == "insert":
                insert(conn, "t", cols, part)
            else:
                table = pa.table({c: [r[i] for r in part] for i, c in enumerate(cols)})
                conn.register("incoming", table)
                conn.execute('INSERT INTO t SELECT * FROM incoming')
                conn.unregister("incoming")
        conn.execute("COMMIT")
        out[how] = min(out.get(how, 1e9), time.process_time() - start)
        conn.close()
    import numpy as np

    from newsgraph.store.search import insert_vectors

    vectors = np.random.default_rng(1).standard_normal((rows // 10, 384)).astype(np.float32)
    pairs = [(f"art_{i:012d}", v) for i, v in enumerate(vectors)]
    for how in ("vector lists", "vector arrow", "vector lists", "vector arrow"):
        conn = duckdb.connect()
        conn.execute("CREATE TABLE embeddings (article_id VARCHAR NOT NULL, model VARCHAR NOT NULL, vector FLOAT[384] NOT NULL)")
        start = time.process_time()  # CPU of this process (DuckDB's threads too): steadier than the clock when shared
        conn.execute("BEGIN")
        for chunk in range(0, len(pairs), 64):  # one batch's vectors at a time
            part = pairs[chunk:chunk + 64]
            if how == "vector lists":  # what the writer did before: Python floats, through insert()
                conn.execute("DELETE FROM embeddings WHERE article_id IN (SELECT unnest(string_split(?, chr(31))))",
                             [joined(a for a, _ in part)])
                insert(conn, "embeddings", ("article_id", "model", "vector"), [(a, "m", [float(x) for x in v]) for a, v in part])
            else:
                insert_vectors(conn, "m", part)
        conn.execute("COMMIT")
        out[how] = min(out.get(how, 1e9), time.process_time() - start)
        conn.close()
    return out


# --- the parent: run a child, sample its process tree ----------------------------------------------

def _tree(root: int, cpu: dict[int, int]) -> int:
    """The summed RSS (bytes) of ``root`` and its descendants now; ``cpu`` keeps each one's CPU ticks."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as f:
                rss[int(entry)] = int(f.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        ticks[int(entry)] = int(fields[11]) + int(fields[12])  # utime + stime
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        cpu[pid] = max(cpu.get(pid, 0), ticks.get(pid, 0))
        todo.extend(children.get(pid, ()))
    return total


PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def run_child(kind: str, *args: object, probe: tuple[str, float] | None = None) -> dict:
    """Run ``child_<kind>(*args)`` in a child process, sampling its tree's memory and CPU; with
    ``probe`` (a knowledge base, seconds), open that base read-only every so often meanwhile and
    keep how long each open waited for the file (``result["waits"]``, ms)."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, __file__, "--child", json.dumps([kind, *args])], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    cpu: dict[int, int] = {}
    done = threading.Event()
    waits: list[float] = []

    def query() -> None:
        from newsgraph.store import open_store

        db, every = probe  # type: ignore[misc]
        while not done.wait(every):
            if Path(db).exists():
                started = time.perf_counter()
                try:
                    open_store(db, read_only=True, lock_timeout=120).close()
                except Exception:  # noqa: BLE001 - a base still being created: try again next time
                    continue
                waits.append((time.perf_counter() - started) * 1000)

    if probe:
        threading.Thread(target=query, daemon=True).start()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree(proc.pid, cpu))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"child {kind} failed ({proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = peak / 1e6
    result["cpu"] = sum(cpu.values()) / TICK
    result["waits"] = sorted(waits)
    return result


def _waits(waits: list[float]) -> str:
    return f"  query wait ms {waits[-1]:.0f}/{waits[len(waits) // 2]:.0f} ({len(waits)} opens)" if waits else ""


def _holds(holds: list[float]) -> str:
    if not holds:
        return ""
    return f"{holds[-1]:.2f}/{holds[min(len(holds) - 1, int(0.95 * len(holds)))]:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=300, help="first N files in sorted order (0: all)")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, comma-separated")
    parser.add_argument("--ray", action="store_true", help="also the Ray runner on this machine (the largest worker count)")
    parser.add_argument("--copies", type=int, default=0, help="also ingest the input copied K times (peak memory)")
    parser.add_argument("--sweep", action="store_true", help="spaCy batch sizes, extractor alone, one process")
    parser.add_argument("--inserts", type=int, default=0, help="rows for the INSERT vs Arrow bulk-load comparison")
    parser.add_argument("--anchor-after", action="store_true",
                        help="run the anchor again after each ingest and compare with the mean of the two")
    parser.add_argument("--probe", type=float, default=0, help="open the base read-only every S seconds during each ingest")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = json.loads(args.child)
        print(json.dumps(globals()[f"child_{kind}"](*rest)))
        return

    files = sorted(str(p) for p in args.data.glob("*/*.txt"))
    if args.limit:
        files = files[: args.limit]
    words = sum(len(Path(f).read_text(encoding="utf-8", errors="replace").split()) for f in files)
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-scale-"))
    try:
        corpus = tmp / "corpus"
        for f in files:
            target = corpus / Path(f).parent.name / Path(f).name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(f)
        workers = [int(w) for w in args.workers.split(",")]
        print(f"{len(files)} BBC News files, {words} words; {os.cpu_count()} CPUs "
              f"(load average {os.getloadavg()[0]:.1f}: on a shared machine the figures are noisy)")
        print(f"{'run':40} {'seconds':>8} {'art/s':>7} {'words/s':>8} {'vs anchor':>9} {'peak MB':>8} {'startup s':>9} {'writer s':>8} {'CPU s':>7} {'run CPU s':>9} {'CPU vs anchor':>13} {'parent CPU s':>12} {'hold s max/p95':>14}")
        ours: dict[int, float] = {}
        for w in workers:
            anchor = run_child("anchor", files, w)
            print(f"{f'raw spaCy nlp.pipe n_process={w} (anchor)':40} {anchor['seconds']:8.1f} "
                  f"{len(files) / anchor['seconds']:7.2f} {words / anchor['seconds']:8.0f} {1.0:9.2f} {anchor['peak_mb']:8.0f} {'':9} {'':8} {anchor['cpu']:7.1f} {anchor['run_cpu']:9.1f} {1.0:13.2f}")
            db = str(tmp / f"w{w}.duckdb")
            got = run_child("ingest", [str(corpus)], db, "local", w, probe=(db, args.probe) if args.probe else None)
            ours[w] = got["seconds"]
            if args.anchor_after:  # the machine's speed drifts: compare with the mean of an anchor before and after
                after = run_child("anchor", files, w)
                print(f"{f'raw spaCy nlp.pipe n_process={w} (after)':40} {after['seconds']:8.1f} "
                      f"{len(files) / after['seconds']:7.2f} {words / after['seconds']:8.0f} {'':9} {after['peak_mb']:8.0f} {'':9} {'':8} {after['cpu']:7.1f} {after['run_cpu']:9.1f}")
                anchor = {k: (anchor[k] + after[k]) / 2 for k in ("seconds", "run_cpu")}
            print(f"{f'newsgraph ingest --workers {w}':40} {got['seconds']:8.1f} {got['articles'] / got['seconds']:7.2f} "
                  f"{words / got['seconds']:8.0f} {anchor['seconds'] / got['seconds']:9.2f} {got['peak_mb']:8.0f} {got['startup']:9.1f} {got['writer']:8.1f} {got['cpu']:7.1f} {got['run_cpu']:9.1f} {anchor['run_cpu'] / got['run_cpu']:13.2f} {got['parent_cpu']:12.1f} {_holds(got['holds']):>14}{_waits(got['waits'])}")
        if len(ours) > 1:
            lo, hi = min(ours), max(ours)
            print(f"{hi} workers vs {lo}: {ours[lo] / ours[hi]:.2f}x")
        if args.ray:
            w = max(workers)
            got = run_child("ingest", [str(corpus)], str(tmp / "ray.duckdb"), "ray", w)
            print(f"{f'newsgraph ingest --engine ray ({w} CPUs)':40} {got['seconds']:8.1f} {got['articles'] / got['seconds']:7.2f} "
                  f"{words / got['seconds']:8.0f} {ours.get(w, got['seconds']) / got['seconds']:9.2f} {got['peak_mb']:8.0f} {got['startup']:9.1f} {got['writer']:8.1f} {got['cpu']:7.1f} {got['run_cpu']:9.1f} {'':13} {got['parent_cpu']:12.1f}"
                  f"  (vs anchor: ratio to --workers {w}; seconds include Ray's actor startup)")
        if args.copies:
            w = max(workers)
            for k in range(1, args.copies):
                shutil.copytree(corpus, tmp / f"copies/c{k}", symlinks=True)
            (tmp / "copies").mkdir(exist_ok=True)
            got = run_child("ingest", [str(corpus), str(tmp / "copies")], str(tmp / "copies.duckdb"), "local", w)
            print(f"{f'--workers {w}, input x{args.copies} (copies)':40} {got['seconds']:8.1f} {got['articles'] / got['seconds']:7.2f} "
                  f"{'':8} {'':9} {got['peak_mb']:8.0f} {got['startup']:9.1f} {got['writer']:8.1f} {got['cpu']:7.1f}  ({got['duplicates']} duplicates)")
        if args.sweep:
            sizes = [8, 16, 32, 64, 128]
            got = run_child("sweep", files, sizes)
            print("\nspaCy batch size (extractor alone, one process, words per CPU second): " +
                  ", ".join(f"{s}: {words / got[str(s)]:.0f}" for s in sizes))
        if args.inserts:
            got = run_child("inserts", args.inserts)
            print(f"\n{args.inserts} mention-like rows, batches of 2000: multi-row INSERT {got['insert']:.2f} CPU s, "
                  f"Arrow bulk load {got['arrow']:.2f} CPU s ({got['insert'] / got['arrow']:.1f}x)")
            print(f"{args.inserts // 10} search vectors, batches of 64: lists of Python floats {got['vector lists']:.2f} CPU s, "
                  f"fixed-size float32 Arrow lists {got['vector arrow']:.2f} CPU s ({got['vector lists'] / got['vector arrow']:.1f}x)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
