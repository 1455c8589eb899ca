"""`newsgraph stories` and `story`: articles clustered by the happening they report."""

from __future__ import annotations

from datetime import datetime

import click

from newsgraph.cli.app import DATE, cli, db_option, json_option, open_kb, print_json
from newsgraph.cli.reading import _short, _table
from newsgraph.query import story_record
from newsgraph.query.export import article_record, entity_record, figure_record, quote_record
from newsgraph.model import Evidence, MainEvent


def _day(value: datetime | None) -> str:
    return value.date().isoformat() if value else "undated"


def _main(main: MainEvent | None) -> dict[str, object] | None:
    if main is None:
        return None
    out: dict[str, object] = {"event_id": main.event_id}
    for name in ("who", "what", "when", "where", "why", "how"):
        ev: Evidence | None = getattr(main, name)
        out[name] = None if ev is None else {"start": ev.start, "end": ev.end, "text": ev.text, "field": ev.field}
    return out


@cli.command()
@db_option
@click.option("--since", type=DATE, default=None, help="Only stories whose time span reaches this date or later (ISO).")
@click.option("--until", type=DATE, default=None, help="Only stories whose time span starts on or before this date (ISO).")
@click.option("--entity", default=None, metavar="NAME", help="Only stories with an article mentioning this entity (name, alias or id).")
@click.option("--min-articles", type=click.IntRange(min=0), default=1, show_default=True,
              help="Only stories of at least this many articles.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many stories.")
@json_option
def stories(db: str | None, since: datetime | None, until: datetime | None, entity: str | None, min_articles: int,
            limit: int | None, as_json: bool) -> None:
    """List the stories (articles about one happening), the most recent first."""
    found = open_kb(db).stories(since=since, until=until, entity=entity, min_articles=min_articles, limit=limit)
    if as_json:
        print_json([story_record(s) for s in found])
        return
    rows = [[s.id, _short(s.title, 80), str(len(s.article_ids)), _day(s.start), _day(s.end)] for s in found]
    _table(f"{len(found)} stories", ["id", "title", "articles", "start", "end"], rows)


@cli.command()
@click.argument("story_id", metavar="ID")
@db_option
@json_option
def story(story_id: str, db: str | None, as_json: bool) -> None:
    """Show one story (by id, or an id it absorbed): its articles in time order, their main events
    as a timeline, its main entities, quotes and figures."""
    detail = open_kb(db).story(story_id)
    s = detail.story
    if as_json:
        print_json({**story_record(s),
                    "articles": [article_record(a) for a in detail.articles],
                    "timeline": [{"published": t.published.isoformat() if t.published else None, "article_id": t.article_id,
                                  "title": t.title, "main": _main(t.main)} for t in detail.timeline],
                    "entities": [{**entity_record(e), "story_articles": n} for e, n in detail.entities],
                    "quotes": [quote_record(q) for q in detail.quotes],
                    "figures": [figure_record(f) for f in detail.figures]})
        return
    click.echo(f"{s.title}\n  {s.id}  {len(s.article_ids)} article(s), {_day(s.start)} – {_day(s.end)}")
    if s.merged_ids:
        click.echo(f"  merged    {', '.join(s.merged_ids)}")
    for t in detail.timeline:
        what = " ".join(ev.text for ev in (t.main.who, t.main.what) if ev) if t.main else ""
        click.echo(f"  {_day(t.published)}  {t.article_id}  {_short(t.title or what or '', 70)}")
        if t.main and what and t.title:
            click.echo(f"              {_short(what, 90)}")
    for e, n in detail.entities:
        click.echo(f"  entity    {e.name} [{e.type}] in {n} article(s)")
    for q in detail.quotes:
        speaker = q.speaker.evidence.text if q.speaker.evidence else "?"
        click.echo(f"  quote     {speaker}: {_short(' … '.join(c.text for c in q.content), 90)}")
    for f in detail.figures:
        click.echo(f"  figure    {f.evidence.text}  [{f.evidence.article_id}]")
