"""`newsgraph eval TASK --data PATH`: score newsgraph on a public benchmark."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from newsgraph import evaluate as evaluation
from newsgraph.cli.app import cli, json_option, print_json


class _Tasks(click.Command):
    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Tasks"):
            formatter.write_dl(list(evaluation.tasks().items()))


@cli.command(name="eval", cls=_Tasks)
@click.argument("task")
@click.option("--data", required=True, type=click.Path(path_type=Path), help="Path to the benchmark data.")
@json_option
def eval_command(task: str, data: Path, as_json: bool) -> None:
    """Run evaluation TASK on the data at --data and print our figures beside the anchor's."""
    report = evaluation.run(task, data)
    if as_json:
        print_json(asdict(report))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{report.task} on {report.data}")
    for header in ("metric", "ours", "anchor", "anchor is"):
        table.add_column(header)
    for m in report.metrics:
        anchor = "" if m.anchor is None else f"{m.anchor:.4g}"
        table.add_row(m.name, f"{m.ours:.4g}", anchor, m.anchor_label or "")
    console = Console()
    console.print(table)
    for note in report.notes:
        console.print(f"- {note}", markup=False)
