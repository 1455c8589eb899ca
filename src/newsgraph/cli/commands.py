"""Every command module, imported once so that each registers itself on the group."""

from newsgraph.cli import evaluate, facts, ingest, knowledge, network, reading, serve, watch  # noqa: F401
