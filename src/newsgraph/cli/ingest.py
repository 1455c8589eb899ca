"""`newsgraph ingest`: read inputs and store them in the knowledge base."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from datetime import datetime
from typing import TYPE_CHECKING

import click

from newsgraph.cli.app import DATE, cli, db_option, db_path, json_option, print_json
from newsgraph.errors import InputError
from newsgraph.query import ingest_log

if TYPE_CHECKING:
    from newsgraph.pipeline import IngestSummary


def _describe(s: IngestSummary) -> str:
    skipped = sum(s.skipped.values())
    return (f"read {s.read} · stored {s.stored} · duplicates {s.duplicates} · unchanged {s.unchanged} · "
            f"updated {s.updated} · skipped {skipped}")


def _print_summary(s: IngestSummary) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"ingest into {s.db}", show_header=False)
    for label, value in (("articles read", s.read), ("stored (new)", s.stored), ("duplicates", s.duplicates),
                         ("unchanged (already stored)", s.unchanged), ("updated (new version, see history)", s.updated),
                         ("extracted", s.extracted)):
        table.add_row(label, str(value))
    for code, count in sorted(s.skipped.items()):
        table.add_row(f"skipped {code}", str(count))
    Console().print(table)
    if s.skipped:
        click.echo("see why with: newsgraph log" + (f" --db {s.db}" if s.db != "newsgraph.duckdb" else ""))


def _first_skip(db: str, run_codes: dict[str, int]) -> InputError:
    entries = [e for e in ingest_log(db) if e.code in run_codes]
    if entries:
        e = entries[-1]
        return InputError(e.code, f"nothing ingested: {e.reason} ({e.source})")
    return InputError("NG102", "nothing ingested: the inputs held no article")


@cli.command(short_help="Read files, folders, globs or stdin into the knowledge base.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--format", "fmt", default="auto", show_default=True,
              help="Input format: auto, text, jsonl, html, feed or warc.")
@click.option("--published", type=DATE, default=None, help="Publication date for articles whose input gives none (ISO).")
@click.option("--text-field", default=None, help="JSON field holding the text (default: text|body|content).")
@click.option("--title-field", default=None, help="JSON field holding the title (default: title).")
@click.option("--url-field", default=None, help="JSON field holding the URL (default: url).")
@click.option("--date-field", default=None, help="JSON field holding the date (default: date|published|date_publish).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Articles per batch (one transaction each).")
@click.option("--nlp/--no-nlp", "nlp", default=True, show_default=True,
              help="Extract facts (entities, quotes, figures, times, events) with spaCy and resolve entities; --no-nlp stores articles only.")
@json_option
def ingest(paths: tuple[str, ...], db: str | None, fmt: str, published: datetime | None, text_field: str | None,
           title_field: str | None, url_field: str | None, date_field: str | None, batch_size: int | None,
           nlp: bool, as_json: bool) -> None:
    """Read PATH... (files, folders, globs, .gz, or - for stdin) into the knowledge base.

    Inputs that cannot be read and articles that are dropped (duplicates, empty) are logged with
    their code (see `newsgraph log`) and counted in the summary; they never stop the run.
    Ingesting the same input again changes nothing. Exit status 0 when the run read at least one
    article, 1 when nothing could be read (the last skip's code is printed) or on an error.
    """
    from newsgraph import pipeline

    path = db_path(db)
    with ExitStack() as stack:
        progress = None
        if sys.stderr.isatty() and not as_json:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            bar = stack.enter_context(Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                               transient=True))
            task = bar.add_task("ingesting", total=None)

            def progress(s: IngestSummary) -> None:
                bar.update(task, description=_describe(s))

        summary = pipeline.ingest(list(paths), db=path, format=fmt, published=published, text_field=text_field,
                                  title_field=title_field, url_field=url_field, date_field=date_field,
                                  extract=nlp, batch_size=batch_size, progress=progress)
    if as_json:
        print_json(summary.to_dict())
    else:
        _print_summary(summary)
    if summary.read == 0:
        raise _first_skip(path, summary.skipped)
