"""Load on `newsgraph serve`: a fixed number of requests a endpoint from 16 concurrent clients.

    PYTHONPATH=src python benchmarks/serve.py KB [--requests 200] [--clients 16] [--workers 0]

Starts `newsgraph serve --db KB` in a second process on a free loopback port (127.0.0.1 only),
then, per endpoint, sends ``--requests`` requests from ``--clients`` threads (one kept-alive
connection each, the standard library's client) over ids drawn at random from a large pool
(``--pool`` articles, entities in most articles and of every type, stories), and prints
throughput, p50/p95/p99 latency, the error count (any status but 200, with its code) and the CPU
a request cost the server and the clients. The pages (HTML) and their API counterparts are both
measured; the last row, a static file (no read, no rendering), is the floor of HTTP alone on
this machine.
Anchor, in the same run: the same reads called directly in this process through a reader like
a server worker's (``newsgraph.query.pages`` on a ``SharedReader`` with a worker's DuckDB threads;
a search with the vectors held and the query encoder sharing the cores; one at a time, no HTTP,
no rendering), whose p50 is the floor the server's latency sits on. The load average of the machine
is printed at the start and the end: on a shared machine it says how much of the CPUs was ours.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import quote
from collections.abc import Callable
from pathlib import Path


from newsgraph.query import pages as q

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", db, "--host", HOST, "--port", str(port),
                             "--workers", str(workers)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://{HOST}:{port}"
    for _ in range(600):
        try:
            get(base, "/api/summary", timeout=5)
            return proc, base
        except (OSError, http.client.HTTPException):
            if proc.poll() is not None:
                raise SystemExit(proc.stderr.read().decode() if proc.stderr else "server died")
            time.sleep(0.1)
    raise SystemExit("server did not start")


def connect(base: str, timeout: float = 60) -> http.client.HTTPConnection:
    host, port = base.removeprefix("http://").rsplit(":", 1)
    return http.client.HTTPConnection(host, int(port), timeout=timeout)


def get(base: str, path: str, timeout: float = 60) -> tuple[int, bytes]:
    """(status, body) of one GET on a new connection."""
    conn = connect(base, timeout)
    try:
        conn.request("GET", quote(path, safe="/?=&%"))
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def tree_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) used so far by process ``pid`` and its descendants (its server
    workers), read from /proc; None where there is no /proc. Unlike latency, a request's CPU does
    not grow when other work shares the machine, so it compares two versions on a busy machine."""
    proc = Path("/proc")
    if not (proc / str(pid) / "stat").exists():
        return None
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    used: dict[int, float] = {}
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we read
        child = int(stat.parent.name)
        parent[child] = int(fields[1])
        used[child] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += used.get(current, 0.0)
        todo += [c for c, p in parent.items() if p == current]
    return total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def drive(base: str, paths: list[str], clients: int) -> tuple[list[float], dict[str, int], float]:
    """Send every path once from ``clients`` threads, each with one kept-alive connection (the
    standard library's client: httpx cost the clients about ten times its CPU a request, 2 to 2.5
    ms against 0.2, and capped the static file near 300 requests a second on two cores, where this
    client reaches over 1,300); (latencies in ms, errors by status and code, wall seconds)."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    queue = list(enumerate(paths))

    def worker() -> None:
        conn = connect(base)
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    _, path = queue.pop()
                t0 = time.perf_counter()
                try:
                    conn.request("GET", quote(path, safe="/?=&%"))  # names and words percent-encoded
                    response = conn.getresponse()
                    body = response.read()
                    failure = None if response.status == 200 else f"{response.status} {_code(body)}"
                except (OSError, http.client.HTTPException) as exc:
                    failure = type(exc).__name__
                    conn.close()
                    conn = connect(base)
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(ms)
                    if failure:
                        errors[failure] = errors.get(failure, 0) + 1
        finally:
            conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - t0


def _code(body: bytes) -> str:
    try:
        return str(json.loads(body)["error"]["code"])
    except (ValueError, KeyError, TypeError):  # a page: its code is in its text
        found = re.search(r"NG\d{3}", body.decode("utf-8", "replace"))
        return found.group() if found else ""


def direct(fn: Callable[[], object], n: int) -> float:
    """p50 in ms of ``fn`` called ``n`` times in this process."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--requests", type=int, default=200, help="requests a endpoint (bounded, fixed)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=0, help="server worker processes (0: the server's default)")
    parser.add_argument("--pool", type=int, default=1000, help="articles the article requests are drawn from")
    parser.add_argument("--only", default="", help="comma-separated endpoint names to run (default: all)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    db = args.db
    import newsgraph
    from newsgraph.store import SharedReader

    from newsgraph.web.app import threads_per_worker, worker_count

    # the anchor reads as a server worker does: its DuckDB threads are the cores shared among the workers
    reader = SharedReader(db, linger=3600, threads=threads_per_worker(worker_count(args.workers)))
    from newsgraph.search.embed import share_cores

    share_cores(threads_per_worker(worker_count(args.workers)))  # the query encoder too
    articles: list[str] = []
    cursor = None
    while len(articles) < args.pool:
        page = q.list_page(reader, "articles", {}, size=200, cursor=cursor, facets=False)
        articles += [a.id for a in page.rows]
        cursor = page.next
        if cursor is None:
            break
    entities = [e["id"] for e in q.list_page(reader, "entities", {"type": "PERSON"}, size=100, facets=False).rows]
    entities += [e["id"] for e in q.list_page(reader, "entities", {}, size=100, facets=False).rows]
    people = [e["name"] for e in q.list_page(reader, "entities", {"type": "PERSON"}, size=30, facets=False).rows]
    totals = q.home_view(reader).totals
    with newsgraph.open(db, read_only=True, keep_open=False) as kb:
        try:
            stories = [s.id for s in kb.stories(min_articles=2)][: args.pool]
        except newsgraph.errors.NewsgraphError:
            stories = []
    n = args.requests

    def pick(pool: list[str]) -> list[str]:
        return [rng.choice(pool) for _ in range(n)] if pool else []

    def story_direct() -> object:
        from newsgraph.query.stories import story_detail

        with q.reading(reader, None) as store:  # as the server reads it: heads, the first 20 quotes and figures
            return story_detail(store, rng.choice(stories), heads_only=True, limit=20)

    def search_direct() -> object:
        from newsgraph.query.search import search

        with q.reading(reader, None) as store:
            return search(store, rng.choice(people).split()[-1], limit=20, keep_vectors=True)  # vectors held, as served

    words = [p.split()[-1] for p in pick(people)]
    endpoints: dict[str, tuple[list[str], Callable[[], object] | None]] = {
        "page article": ([f"/article/{a}" for a in pick(articles)], lambda: q.article_view(reader, rng.choice(articles))),
        "api article": ([f"/api/article/{a}" for a in pick(articles)], lambda: q.article_view(reader, rng.choice(articles))),
        "page entity": ([f"/entity/{e}" for e in pick(entities)], lambda: q.entity_view(reader, rng.choice(entities))),
        "api entity": ([f"/api/entity/{e}" for e in pick(entities)], lambda: q.entity_view(reader, rng.choice(entities))),
        "page story": ([f"/story/{s}" for s in pick(stories)], story_direct if stories else None),
        "api story": ([f"/api/story/{s}" for s in pick(stories)], story_direct if stories else None),
        "page search": ([f"/search?q={w}" for w in words], search_direct),
        "api search": ([f"/api/search?q={w}&size=20" for w in words], search_direct),
        "page home": (["/"] * n, lambda: q.home_view(reader)),
        "api articles (list)": (["/api/articles?size=50"] * n, lambda: q.list_page(reader, "articles", {}, size=50)),
        "api events (list)": (["/api/events?size=50"] * n, lambda: q.list_page(reader, "events", {}, size=50)),
        "api quotes (speaker)": ([f"/api/quotes?size=50&speaker={p}" for p in pick(people)],
                                 lambda: q.list_page(reader, "quotes", {"speaker": rng.choice(people)}, size=50)),
        "api stories": (["/api/stories?size=20"] * n, None),
        "static file (floor)": (["/static/style.css"] * n, None),  # no read, no rendering: the server's own floor
    }
    if args.only:
        wanted = {w.strip() for w in args.only.split(",")}
        endpoints = {k: v for k, v in endpoints.items() if k in wanted}
    print(f"knowledge base: {db} ({totals['articles']} articles, {totals['entities']} entities, {totals['quotes']} quotes, "
          f"{totals['events']} events, {totals.get('stories', 0)} stories); {args.clients} concurrent clients, {n} requests "
          f"an endpoint over {len(articles)} articles, {len(set(entities))} entities, {len(stories)} stories; loopback; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    print(f"{'endpoint':<22} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'direct p50 ms':>14} {'p50/direct':>10} {'server CPU ms':>13} {'client CPU ms':>13}", flush=True)
    proc, base = start_server(db, args.workers)
    try:
        for name, (paths, anchor) in endpoints.items():
            if not paths:
                print(f"{name:<22} nothing to ask (no stories in this base)", flush=True)
                continue
            status, body = get(base, paths[0], timeout=120)
            if status == 503 and b'"NG420"' in body:
                print(f"{name:<22} not installed (NG420)", flush=True)
                continue
            drive(base, paths[: max(1, n // 10)], args.clients)  # warm up
            server0, client0 = tree_cpu(proc.pid), time.process_time()
            latencies, errors, wall = drive(base, paths, args.clients)
            server1, client1 = tree_cpu(proc.pid), time.process_time()
            cpu = (f"{(server1 - server0) * 1000 / len(latencies):13.1f}" if server0 is not None and server1 is not None
                   else f"{'-':>13}") + f" {(client1 - client0) * 1000 / len(latencies):13.1f}"
            floor = direct(anchor, min(n, 10)) if anchor else None
            p50 = percentile(latencies, 50)
            ratio = f"{floor:14.1f} {p50 / floor:10.1f}" if floor else f"{'-':>14} {'-':>10}"
            why = ", ".join(f"{k} ×{v}" for k, v in sorted(errors.items()))
            print(f"{name:<22} {len(latencies):>8} {sum(errors.values()):>6} {len(latencies) / wall:>8.1f} {p50:>8.1f} "
                  f"{percentile(latencies, 95):>8.1f} {percentile(latencies, 99):>8.1f} {ratio} {cpu}  {why}", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        reader.close()
    print(f"load average {os.getloadavg()[0]:.1f} at the end. direct: the same read called in this process through a "
          "shared reader, one at a time, without HTTP or rendering (the anchor). server CPU ms: the CPU the server's "
          "processes used a request (reads, rendering, HTTP); client CPU ms: this process's (the 16 clients), both "
          "per request and unaffected by other work on the machine.")


if __name__ == "__main__":
    main()
