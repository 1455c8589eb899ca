"""`newsgraph history ID`: the versions of an article updated from its source."""

from __future__ import annotations

import click

from newsgraph.cli.app import cli, db_option, json_option, open_kb, print_json


@cli.command(short_help="The versions of an article (newer texts from the same source).")
@click.argument("article_id", metavar="ID")
@db_option
@click.option("--text/--no-text", "with_text", default=False, help="Print each version's full text.")
@json_option
def history(article_id: str, db: str | None, with_text: bool, as_json: bool) -> None:
    """The versions of article ID, oldest first: each text's hash, title, source, the run that
    stored it and when a newer version from the same source (same URL, or same file and record or
    line) replaced it. The article keeps its id through every version. NG401 for an unknown id."""
    versions = open_kb(db).history(article_id)
    if as_json:
        print_json([{"article_id": v.article_id, "version": v.version, "current": v.current, "text_hash": v.text_hash,
                     "title": v.title, "source": v.source, "run_id": v.run_id, "chars": len(v.text),
                     "replaced_at": v.replaced_at.isoformat() if v.replaced_at else None, "text": v.text}
                    for v in versions])
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{article_id}: {len(versions)} version{'s' if len(versions) != 1 else ''}")
    for header in ("version", "text hash", "characters", "title", "source", "run", "replaced"):
        table.add_column(header, overflow="fold")
    for v in versions:
        table.add_row(f"{v.version}{' (current)' if v.current else ''}", v.text_hash, f"{len(v.text):,}",
                      escape(v.title or ""), escape(v.source), v.run_id or "",
                      v.replaced_at.isoformat(timespec="seconds") if v.replaced_at else "")
    Console().print(table)
    if with_text:
        for v in versions:
            click.echo(f"\n--- version {v.version} ({v.text_hash})\n{v.text}")
