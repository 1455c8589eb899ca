"""Runners decide where per-article work runs: in-process or a local process pool."""

from newsgraph.runner.local import LocalRunner, Runner

__all__ = ["LocalRunner", "Runner"]
