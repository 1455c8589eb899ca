"""Thin commands: parse, validate, call one library function, report. ``main`` is the entry point."""

from newsgraph.cli.app import cli, main

__all__ = ["cli", "main"]
