"""Runners decide where per-article work runs: in-process or a local process pool."""
