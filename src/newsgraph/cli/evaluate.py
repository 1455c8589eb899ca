"""`newsgraph eval TASK --data PATH`: score newsgraph on a public benchmark."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from newsgraph import evaluate as evaluation
from newsgraph.cli.app import cli, json_option, print_json, safe


class _Tasks(click.Command):
    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Tasks"):
            formatter.write_dl(list(evaluation.tasks().items()))


def _options(split: str | None, limit: int | None, pairs: tuple[str, ...]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.isidentifier():
            raise click.UsageError(f"--option takes KEY=VALUE, got {pair!r}")
        try:
            options[key] = json.loads(raw)
        except json.JSONDecodeError:
            options[key] = raw
    if split is not None:
        options["split"] = split
    if limit is not None:
        options["limit"] = limit
    return options


@cli.command(name="eval", cls=_Tasks)
@click.argument("task")
@click.option("--data", required=True, type=click.Path(path_type=Path), help="Path to the benchmark data.")
@click.option("--split", default=None, help="Data split, for tasks that have splits (quotes: train or dev; 5w1h: even, odd or all).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N documents (a quick look).")
@click.option("--option", "-o", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A task option, e.g. -o single_article=true for segmentation over one-article files.")
@json_option
def eval_command(task: str, data: Path, split: str | None, limit: int | None, pairs: tuple[str, ...],
                 as_json: bool) -> None:
    """Run evaluation TASK on the data at --data and print our figures beside the anchor's."""
    report = evaluation.run(task, data, **_options(split, limit, pairs))
    if as_json:
        print_json(asdict(report))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=safe(f"{report.task} on {report.data}"))
    for header in ("metric", "ours", "anchor", "anchor is"):
        table.add_column(header)
    for m in report.metrics:
        anchor = "" if m.anchor is None else f"{m.anchor:.4g}"
        table.add_row(m.name, f"{m.ours:.4g}", anchor, m.anchor_label or "")
    console = Console()
    console.print(table)
    for note in report.notes:
        console.print(safe(f"- {note}"), markup=False)
