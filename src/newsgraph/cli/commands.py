"""Every command module, imported once so that each registers itself on the group."""

from newsgraph.cli import curate, evaluate, facts, history, ingest, knowledge, network, reading, reextract, search, serve, stories, watch  # noqa: F401
