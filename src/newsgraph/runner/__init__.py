"""Runners decide where the per-article work runs; the pipeline's single writer stores it.

    make(engine="local", workers=None, address=None, keep_parquet=None) -> pipeline.Runner

``local`` (the default) is a process pool, one worker a core (setting ``workers``; 0 = one a
core, 1 = in this process); ``ray`` runs extraction as Ray Data tasks on a local or existing Ray
cluster (``runner/ray.py``, the only module that imports Ray, imported only when asked for).
"""

from __future__ import annotations

from pathlib import Path

from newsgraph import settings
from newsgraph.errors import InputError
from newsgraph.pipeline import InProcess, Runner
from newsgraph.runner.local import ProcessRunner, cores

__all__ = ["ENGINES", "InProcess", "ProcessRunner", "Runner", "cores", "make"]

ENGINES = ("local", "ray")


def make(engine: str = "local", *, workers: int | None = None, address: str | None = None,
         keep_parquet: str | Path | None = None) -> Runner:
    """The runner for ``engine``: ``local`` (a process pool of ``workers``, default the setting) or
    ``ray`` (NG212 when the ``ray`` extra is not installed)."""
    count = settings.get("workers", workers)
    if count < 0:
        raise InputError("NG115", f"--workers must be 0 (one a core) or more, got {count}")
    if engine == "local":
        if address is not None or keep_parquet is not None:
            raise InputError("NG115", "--address and --keep-parquet need --engine ray")
        count = count or cores()
        return InProcess() if count == 1 else ProcessRunner(count)
    if engine == "ray":
        from newsgraph.runner.ray import RayRunner

        return RayRunner(address=address, workers=count or None, keep_parquet=keep_parquet)
    raise InputError("NG115", f"unknown engine {engine!r} (engines: {', '.join(ENGINES)})")
