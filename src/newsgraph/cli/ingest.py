"""`newsgraph ingest`: read inputs and store them in the knowledge base."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from datetime import datetime
from typing import TYPE_CHECKING

import click

from newsgraph.cli.app import cli, DATE, db_option, db_path, echo, json_option, open_kb, print_json, safe
from newsgraph.errors import InputError

if TYPE_CHECKING:
    from newsgraph.kb import KnowledgeBase
    from newsgraph.pipeline import IngestSummary


def _describe(s: IngestSummary) -> str:
    skipped = sum(s.skipped.values())
    return (f"read {s.read} · stored {s.stored} · duplicates {s.duplicates} · unchanged {s.unchanged} · "
            f"updated {s.updated} · skipped {skipped}")


def _print_summary(s: IngestSummary) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=safe(f"ingest into {s.db}"), show_header=False)
    for label, value in (("articles read", s.read), ("stored (new)", s.stored), ("duplicates", s.duplicates),
                         ("unchanged (already stored)", s.unchanged), ("updated (new version, see history)", s.updated),
                         ("extracted", s.extracted), ("embedded (searchable by meaning)", s.embedded)):
        table.add_row(label, str(value))
    for code, count in sorted(s.skipped.items()):
        table.add_row(f"skipped {code}", str(count))
    Console().print(table)
    if s.skipped:
        echo("see why with: newsgraph log" + (f" --db {s.db}" if s.db != "newsgraph.duckdb" else ""))


def _first_skip(kb: KnowledgeBase, run_codes: dict[str, int]) -> InputError:
    entries = [e for e in kb.log() if e.code in run_codes]
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
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Extraction worker processes (default: the workers setting; 0 = one a core, 1 = in this process).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where extraction runs: local processes, or Ray Data (needs the ray extra).")
@click.option("--address", default=None, help="With --engine ray: the Ray cluster (auto, or HOST:PORT); default a local Ray.")
@click.option("--keep-parquet", type=click.Path(file_okay=False), default=None,
              help="With --engine ray: keep the extracted facts as Parquet shards in this folder.")
@click.option("--embed/--no-embed", "embed", default=True, show_default=True,
              help="Give each new article a MiniLM vector for semantic search, batch by batch; --no-embed skips it "
                   "(`newsgraph index` adds them later). The full-text index is rebuilt once at the end of the run either way.")
@json_option
def ingest(paths: tuple[str, ...], db: str | None, fmt: str, published: datetime | None, text_field: str | None,
           title_field: str | None, url_field: str | None, date_field: str | None, batch_size: int | None,
           nlp: bool, workers: int | None, engine: str, address: str | None, keep_parquet: str | None,
           embed: bool, as_json: bool) -> None:
    """Read PATH... (files, folders, globs, .gz, or - for stdin) into the knowledge base.

    Inputs that cannot be read and articles that are dropped (duplicates, empty) are logged with
    their code (see `newsgraph log`) and counted in the summary; they never stop the run.
    Ingesting the same input again changes nothing. Exit status 0 when the run read at least one
    article, 1 when nothing could be read (the last skip's code is printed) or on an error.
    Extraction runs in one worker process a core by default (--workers), or on Ray (--engine ray);
    the knowledge base is the same whichever runs it.
    """
    from newsgraph import runner

    chosen = runner.make(engine, workers=workers, address=address, keep_parquet=keep_parquet)
    kb = open_kb(db, read_only=False)
    with ExitStack() as stack:
        progress = None
        if sys.stderr.isatty() and not as_json:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            bar = stack.enter_context(Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                               transient=True))
            task = bar.add_task("ingesting", total=None)

            def progress(s: IngestSummary) -> None:
                bar.update(task, description=_describe(s))

        summary = kb.ingest(list(paths), nlp=nlp, format=fmt, published=published, text_field=text_field,
                            title_field=title_field, url_field=url_field, date_field=date_field,
                            batch_size=batch_size, embed=embed, runner=chosen, progress=progress)
    if as_json:
        print_json(summary.to_dict())
    else:
        _print_summary(summary)
    if summary.read == 0:
        raise _first_skip(kb, summary.skipped)
