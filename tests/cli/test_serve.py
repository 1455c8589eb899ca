"""`newsgraph serve`: loopback by default, a warning when bound wider, coded errors before binding."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path


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
