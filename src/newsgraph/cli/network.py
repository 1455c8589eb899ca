"""`newsgraph network`: the entities that appear together, as GraphML or JSON."""

from __future__ import annotations

from pathlib import Path

import click

from newsgraph.cli.app import cli, db_option, open_kb
from newsgraph.errors import StoreError
from newsgraph.query.network import FORMATS


@cli.command()
@db_option
@click.option("--entity", default=None, metavar="NAME", help="Only this entity, its neighbours and the edges among them.")
@click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only pairs that share at least this many articles.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="graphml", show_default=True,
              help="graphml (networkx, Gephi) or json (networkx node-link).")
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
@click.option("--output", "-o", default=None, type=click.Path(path_type=Path), metavar="FILE",
              help="Write to FILE instead of stdout.")
def network(db: str | None, entity: str | None, min_weight: int, fmt: str, as_json: bool, output: Path | None) -> None:
    """Print the co-occurrence network: entities joined when they appear in the same articles,
    weighted by the number of articles they share."""
    graph = open_kb(db).network(entity=entity, min_weight=min_weight)
    text = graph.to_json() + "\n" if as_json or fmt == "json" else graph.to_graphml()
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StoreError("NG305", f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(f"{output}: {len(graph.nodes)} entities, {len(graph.edges)} links")
