"""`newsgraph verify` and `export`: check and hand out the whole knowledge base."""

from __future__ import annotations

from dataclasses import asdict

import click

from newsgraph.cli.app import cli, db_option, db_path, echo, json_option, print_json, safe_json
from newsgraph.errors import StoreError
from newsgraph.query import FORMATS, export, export_json, verify


@cli.command(name="verify")
@db_option
@json_option
def verify_command(db: str | None, as_json: bool) -> None:
    """Check every stored evidence span against its article text, and the store's invariants.

    Exit status 1 (error NG303) with the list of failures when anything does not hold.
    """
    report = verify(db_path(db))
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
              help="json: one object; jsonl, parquet, csv: one file a key in the --output folder.")
@click.option("--output", "-o", default=None, metavar="PATH",
              help="File (json) or folder (others) to write; json goes to stdout when omitted.")
def export_command(db: str | None, fmt: str, output: str | None) -> None:
    """Export the knowledge base in the documented format (articles, entities, mentions, quotes,
    figures, times, events, stories, duplicates; format version 1)."""
    path = db_path(db)
    if fmt == "json" and output is None:
        click.echo(safe_json(export_json(path)))
        return
    for written in export(path, fmt, output):
        echo(str(written))
