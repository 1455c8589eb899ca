"""`newsgraph articles`, `show` and `log`: look at what is stored."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

import click

from newsgraph.cli.app import DATE, cli, db_option, json_option, open_kb, print_json
from newsgraph.query.export import article_record


def _table(title: str, headers: list[str], rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console().print(table)


def _short(text: str | None, width: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command()
@db_option
@click.option("--text", default=None, help="Only articles whose title, kicker, deck or text contains this (any case).")
@click.option("--since", type=DATE, default=None, help="Only articles published on or after this date (ISO).")
@click.option("--until", type=DATE, default=None, help="Only articles published before this date (ISO).")
@click.option("--source", default=None, help="Only articles whose source path contains this.")
@click.option("--truncated/--complete", "truncated", default=None, help="Only truncated, or only complete, articles.")
@click.option("--duplicates", is_flag=True, help="Include articles recorded as duplicates of another.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many articles.")
@json_option
def articles(db: str | None, text: str | None, since: datetime | None, until: datetime | None, source: str | None,
             truncated: bool | None, duplicates: bool, limit: int | None, as_json: bool) -> None:
    """List stored articles in ingest order, filtered by text, date, source or truncation."""
    found = open_kb(db).articles(text=text, since=since, until=until, source=source, truncated=truncated,
                          duplicates=duplicates, limit=limit)
    if as_json:
        print_json([article_record(a) for a in found])
        return
    rows = [[a.id, a.source.describe(), a.published.date().isoformat() if a.published else "",
             "yes" if a.truncated else "", _short(a.title or a.kicker or a.text, 60)] for a in found]
    _table(f"{len(found)} articles", ["id", "source", "published", "truncated", "title / text"], rows)


@cli.command()
@click.argument("article_id", metavar="ID")
@db_option
@json_option
def show(article_id: str, db: str | None, as_json: bool) -> None:
    """Show one article: title, kicker, deck, text, source pointer, boilerplate and duplicates."""
    detail = open_kb(db).article(article_id)
    a = detail.article
    if as_json:
        record = article_record(a)
        record["duplicate_of"] = asdict(detail.duplicate) if detail.duplicate else None
        record["copies"] = [asdict(d) for d in detail.copies]
        print_json(record)
        return
    fields = [("id", a.id), ("source", a.source.describe()), ("format", str(a.source.format)), ("title", a.title),
              ("kicker", a.kicker), ("deck", a.deck), ("byline", a.byline), ("publisher", a.publisher), ("url", a.url),
              ("published", a.published.isoformat() if a.published else None), ("language", a.language),
              ("truncated", "yes" if a.truncated else "no")]
    for name, value in fields:
        if value:
            click.echo(f"{name + ':':<11}{value}")
    for b in a.boilerplate:
        click.echo(f"{'removed:':<11}{b.kind} at {b.offset}: {b.text}")
    if detail.duplicate:
        d = detail.duplicate
        click.echo(f"{'copy of:':<11}{d.duplicate_of} ({d.kind}, similarity {d.similarity:.3f})")
    for d in detail.copies:
        click.echo(f"{'copied by:':<11}{d.article_id} ({d.kind}, similarity {d.similarity:.3f})")
    click.echo("")
    click.echo(a.text)


@cli.command()
@db_option
@click.option("--code", default=None, help="Only entries with this code (e.g. NG104).")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many entries.")
@json_option
def log(db: str | None, code: str | None, limit: int | None, as_json: bool) -> None:
    """Show the ingest log: every skipped input and dropped article, with its code and reason."""
    entries = open_kb(db).log(code=code, limit=limit)
    if as_json:
        print_json([{**asdict(e), "time": e.time.isoformat(), "level": str(e.level)} for e in entries])
        return
    rows = [[e.code, str(e.level), e.source, e.reason, e.article_id or ""] for e in entries]
    _table(f"{len(entries)} log entries", ["code", "level", "source", "reason", "article"], rows)
