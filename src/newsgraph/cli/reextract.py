"""`newsgraph reextract [--stale] [ID...]`: run extraction again over stored articles, in place."""

from __future__ import annotations

import click

from newsgraph.cli.app import cli, db_option, db_path, echo, json_option, print_json


@cli.command(name="reextract")
@click.argument("article_ids", nargs=-1, metavar="[ID]...")
@click.option("--stale", is_flag=True, help="Only articles whose facts an older extractor version made.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True, help="Articles extracted at a time.")
@db_option
@json_option
def reextract_command(article_ids: tuple[str, ...], stale: bool, batch_size: int, db: str | None, as_json: bool) -> None:
    """Run extraction again over the stored articles (all kept ones, the IDs named, or with --stale
    only those an older extractor version made), keeping texts and ids: a fact that did not change
    keeps its id. Entity identity follows, with the entity edits in force. The base is upgraded to
    this newsgraph's schema first. NG401 for an unknown id; NG475 when none of the IDs is stale."""
    from newsgraph.reextract import reextract

    summary = reextract(db_path(db), stale=stale, article_ids=article_ids, batch_size=batch_size)
    if as_json:
        print_json(summary.to_dict())
        return
    echo(f"{summary.db}: {summary.reextracted} of {summary.considered} articles re-extracted "
         f"({summary.stale} stale, {summary.failed} failed) with {', '.join(summary.current)}")
    for versions, n in sorted(summary.by_version.items()):
        echo(f"  {n} made by {versions}")
    echo(f"facts: {summary.kept_ids} kept their id, {summary.new_ids} new or changed, {summary.gone_ids} gone or changed")
