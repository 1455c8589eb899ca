"""`newsgraph serve`: loopback by default, a warning when bound wider, coded errors before binding."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest


def test_serve_help(newsgraph) -> None:
    proc = newsgraph("serve", "--help")
    assert proc.returncode == 0 and "--write-token" in proc.stdout and "127.0.0.1" in proc.stdout


def test_serve_without_a_knowledge_base(newsgraph, tmp_path: Path) -> None:
    proc = newsgraph("serve", "--db", tmp_path / "none.duckdb")
    assert proc.returncode == 1 and proc.stderr.startswith("error NG301:") and "Traceback" not in proc.stderr


def test_serve_port_taken(newsgraph, examples_kb: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        proc = newsgraph("serve", "--db", examples_kb, "--port", taken.getsockname()[1])
    assert proc.returncode == 1 and proc.stderr.startswith("error NG440:"), proc.stderr


def test_serve_bad_port(newsgraph, examples_kb: Path) -> None:
    proc = newsgraph("serve", "--db", examples_kb, "--port", "70000")
    assert proc.returncode == 1 and proc.stderr.startswith("error NG440:")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _banner(args: list[str], env: dict[str, str]) -> str:
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", *args], env=env, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if "serving" in line or not line:
                break
        return "".join(lines)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_warns_when_bound_wider(examples_kb: Path, newsgraph_env: dict[str, str]) -> None:
    wide = _banner(["--db", str(examples_kb), "--host", "0.0.0.0", "--port", str(free_port())], newsgraph_env)
    assert "warning: serving on 0.0.0.0, reachable from other machines" in wide
    local = _banner(["--db", str(examples_kb), "--port", str(free_port())], newsgraph_env)
    assert "warning" not in local and "http://127.0.0.1:" in local and "read-only" in local


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads the workers' environment from /proc")
def test_serve_workers_share_the_cores_in_blas_too(examples_kb: Path, newsgraph_env: dict[str, str]) -> None:
    """Each worker's BLAS (a search's vector product) gets the threads its DuckDB gets, read from
    the environment when numpy loads in the worker; a user's own setting is kept."""
    from newsgraph.web.app import threads_per_worker

    env = {k: v for k, v in newsgraph_env.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    env["MKL_NUM_THREADS"] = "3"
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(examples_kb), "--port", str(port),
                             "--workers", "2"], env=env, stderr=subprocess.DEVNULL)
    try:
        workers: list[dict[str, str]] = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.5)
            workers = []
            for child in [c for p in _children(proc.pid) for c in (p, *_children(p))]:
                try:
                    raw = Path(f"/proc/{child}/environ").read_bytes()
                except OSError:
                    continue
                values = dict(item.split("=", 1) for item in raw.decode(errors="replace").split("\0") if "=" in item)
                if values.get("NEWSGRAPH_SERVE_WORKERS") == "2":
                    workers.append(values)
        assert len(workers) >= 2, "no worker processes seen"
        for values in workers:
            assert values["OPENBLAS_NUM_THREADS"] == values["OMP_NUM_THREADS"] == str(threads_per_worker(2))
            assert values["MKL_NUM_THREADS"] == "3"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
