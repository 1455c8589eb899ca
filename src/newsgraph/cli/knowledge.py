"""`newsgraph verify` and `export`: check and hand out the whole knowledge base."""

from __future__ import annotations

import tempfile
from dataclasses import asdict
from pathlib import Path

import click

from newsgraph.cli.app import cli, db_option, echo, json_option, open_kb, print_json, safe_json
from newsgraph.errors import StoreError
from newsgraph.query import FORMATS


@cli.command(name="verify")
@db_option
@json_option
def verify_command(db: str | None, as_json: bool) -> None:
    """Check every stored evidence span against its article text, and the store's invariants.

    Exit status 1 (error NG303) with the list of failures when anything does not hold.
    """
    report = open_kb(db).verify()
    if as_json:
        print_json({"db": report.db, "ok": report.ok, "articles": report.articles, "spans": report.spans,
                    "failures": [asdict(f) for f in report.failures]})
    else:
        for f in report.failures:
            echo(f"FAIL {f.check}: {f.item}: {f.reason}")
        echo(f"{report.db}: {report.articles} articles, {report.spans} evidence spans checked, "
                   f"{len(report.failures)} failures")
    if not report.ok:
        raise StoreError("NG303", f"{len(report.failures)} checks failed in {report.db}")


@cli.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: one object; jsonl, parquet, csv: one file a key in the --output folder; "
                   "gdelt: the events as a GDELT 2.0 event table (docs/gdelt.md).")
@click.option("--output", "-o", default=None, metavar="PATH",
              help="File (json, gdelt) or folder (others) to write; json and gdelt go to stdout when omitted.")
def export_command(db: str | None, fmt: str, output: str | None) -> None:
    """Export the knowledge base in the documented format (articles, entities, mentions, quotes,
    figures, times, events, stories, duplicates; format version 1), or its events as GDELT 2.0."""
    kb = open_kb(db)
    if fmt == "json" and output is None:
        click.echo(safe_json(kb.export_json()))
        return
    if fmt == "gdelt" and output is None:
        with tempfile.TemporaryDirectory() as tmp:
            target = kb.export(fmt, Path(tmp) / "events.tsv")[0]
            click.echo(target.read_text(encoding="utf-8"), nl=False)
        return
    for written in kb.export(fmt, output):
        echo(str(written))
