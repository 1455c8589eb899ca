"""`newsgraph entities`, `entity`, `quotes`, `figures`, `events` and `brief`: the extracted facts."""

from __future__ import annotations

from datetime import datetime

import click

from newsgraph.cli.app import cli, DATE, db_option, db_path, echo, json_option, open_kb, plain_number, print_json
from newsgraph.cli.reading import _short, _table
from newsgraph.model import EntityType, EventMode, Quote
from newsgraph.model.events import EVENT_TYPES
from newsgraph.query.export import entity_record, event_record, figure_record, quote_record, time_record

_TYPES = click.Choice([t.value for t in EntityType], case_sensitive=False)
_MODES = click.Choice([m.value for m in EventMode], case_sensitive=False)
_EVENT_TYPES = click.Choice(EVENT_TYPES, case_sensitive=False)


def limit_option(fn):  # type: ignore[no-untyped-def]
    return click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many rows.")(fn)


def _speaker(q: Quote) -> str:
    s = q.speaker
    text = s.evidence.text if s.evidence else "?"
    return f"{text} (anonymous)" if s.anonymous else text


def _content(q: Quote) -> str:
    return " … ".join(c.text for c in q.content)


@cli.command()
@db_option
@click.option("--type", "etype", type=_TYPES, default=None, help="Only entities of this type (any case).")
@click.option("--min-articles", type=click.IntRange(min=0), default=1, show_default=True,
              help="Only entities mentioned in at least this many articles.")
@limit_option
@json_option
def entities(db: str | None, etype: str | None, min_articles: int, limit: int | None, as_json: bool) -> None:
    """List the people, organisations and places, most articles first."""
    found = open_kb(db).entities(type=etype, min_articles=min_articles)[:limit]
    if as_json:
        print_json([entity_record(e) for e in found])
        return
    rows = [[e.name, str(e.type), str(len(e.article_ids)), ", ".join(a.text for a in e.aliases),
             "; ".join(sorted({f"{r.status} {r.title}" if r.status != "current" else r.title for r in e.roles}))]
            for e in found]
    _table(f"{len(found)} entities", ["name", "type", "articles", "aliases", "roles"], rows)


@cli.command()
@click.argument("name")
@db_option
@click.option("--timeline", is_flag=True, help="Show its mentions, roles, quotes and events by date instead.")
@json_option
def entity(name: str, db: str | None, timeline: bool, as_json: bool) -> None:
    """Show one entity (by name, alias or id): aliases, roles with dates and evidence, articles,
    what it said, and the entities it appears with most; or, with --timeline, everything about
    it by date (undated items last)."""
    if timeline:
        _timeline(name, db, as_json)
        return
    detail = open_kb(db).entity(name)
    e = detail.entity
    if as_json:
        print_json({**entity_record(e), "quotes": [quote_record(q) for q in detail.quotes],
                    "appears_with": [{"id": i, "name": n, "type": t, "shared_articles": c} for i, n, t, c in detail.companions]})
        return
    echo(f"{e.name}  [{e.type}]  {e.id}")
    for a in e.aliases:
        echo(f"  alias     {a.text}  ({a.kind}, {a.script})")
    for r in e.roles:
        date = r.published.date().isoformat() if r.published else "undated"
        org = f", {r.organization}" if r.organization else ""
        echo(f"  role      {r.status} {r.title}{org}  ({date}, {r.article_id} [{r.evidence.start}:{r.evidence.end}] “{r.evidence.text}”)")
    echo(f"  articles  {', '.join(e.article_ids)}")
    for q in detail.quotes:
        echo(f"  said      ({q.kind}) {_short(_content(q), 100)}  [{q.article_id}]")
    for _, other, etype, shared in detail.companions:
        echo(f"  with      {other} [{etype}] in {shared} article(s)")


def _timeline(name: str, db: str | None, as_json: bool) -> None:
    items = open_kb(db).timeline(name)
    if as_json:
        print_json(items.to_records())
        return
    rows = [[t.date or "undated", t.kind, _short(t.text, 80), f"{t.article_id} [{t.evidence.start}:{t.evidence.end}]"]
            for t in items]
    _table(f"{name}: {len(items)} items by date", ["date", "kind", "what", "where"], rows)


@cli.command()
@db_option
@click.option("--speaker", default=None, help="Only quotes by this speaker (entity name or alias, or words of the speaker text).")
@click.option("--anonymous/--named", "anonymous", default=None, help="Only anonymous, or only named, speakers.")
@click.option("--article", default=None, metavar="ID", help="Only quotes in this article.")
@limit_option
@json_option
def quotes(db: str | None, speaker: str | None, anonymous: bool | None, article: str | None, limit: int | None,
           as_json: bool) -> None:
    """List who said what: direct, indirect and mixed quotes with their speakers."""
    found = open_kb(db).quotes(speaker=speaker, anonymous=anonymous, article=article)[:limit]
    if as_json:
        print_json([quote_record(q) for q in found])
        return
    rows = [[_speaker(q), str(q.kind), q.cue.text if q.cue else "", _short(_content(q), 80), q.article_id] for q in found]
    _table(f"{len(found)} quotes", ["speaker", "kind", "cue", "content", "article"], rows)


@cli.command()
@db_option
@click.option("--article", default=None, metavar="ID", help="Only figures in this article.")
@click.option("--unit", default=None, help="Only figures in this unit (USD, percent, count, years, ...).")
@limit_option
@json_option
def figures(db: str | None, article: str | None, unit: str | None, limit: int | None, as_json: bool) -> None:
    """List the figures cited: money, percentages, counts and ages, normalised (plain notation)."""
    found = open_kb(db).figures(article=article, unit=unit)[:limit]
    if as_json:
        print_json([figure_record(f) for f in found])
        return
    rows = [[f.evidence.text, plain_number(f.value) + (f"–{plain_number(f.value_high)}" if f.value_high is not None else ""), f.unit,
             f.qualifier or "", f.measures or "", f.owner or "", f.evidence.article_id] for f in found]
    _table(f"{len(found)} figures", ["text", "value", "unit", "qualifier", "measures", "owner", "article"], rows)


@cli.command()
@db_option
@click.option("--type", "etype", type=_EVENT_TYPES, default=None, help="Only events of this PLOVER type (any case).")
@click.option("--actor", default=None, help="Only events with this actor (entity name or alias, or words of the actor text).")
@click.option("--mode", type=_MODES, default=None, help="Only events in this mode.")
@click.option("--since", type=DATE, default=None, help="Only events on or after this date (their time, else the article's date).")
@click.option("--article", default=None, metavar="ID", help="Only events in this article.")
@click.option("--all", "show_all", is_flag=True,
              help="Also the events typed OTHER (by default: typed events and each article's main event).")
@limit_option
@json_option
def events(db: str | None, etype: str | None, actor: str | None, mode: str | None, since: datetime | None,
           article: str | None, show_all: bool, limit: int | None, as_json: bool) -> None:
    """List what happened: who did what to whom, when and where, typed with PLOVER."""
    found = open_kb(db).events(type=etype, actor=actor, mode=mode, since=since, article=article, all=show_all)[:limit]
    if as_json:
        print_json([event_record(e) for e in found])
        return
    rows = [["*" if e.main else "", e.type, str(e.mode), ", ".join(a.evidence.text for a in e.actors), e.trigger.text,
             ", ".join(t.evidence.text for t in e.targets), e.place.evidence.text if e.place else "",
             (e.time.value or e.time.evidence.text) if e.time else "", e.article_id] for e in found]
    _table(f"{len(found)} events (* = main event)",
           ["main", "type", "mode", "actors", "trigger", "targets", "place", "time", "article"], rows)


@cli.command(name="brief")
@click.argument("article_id", metavar="ARTICLE")
@db_option
@json_option
def brief_command(article_id: str, db: str | None, as_json: bool) -> None:
    """An article's main event (who / what / when / where / why / how) and its key facts."""
    b = open_kb(db).brief(article_id)
    parts = ("who", "what", "when", "where", "why", "how")
    main = {p: getattr(b.main, p) if b.main else None for p in parts}
    if as_json:
        print_json({"article_id": b.article.id, "title": b.article.title,
                    "main": {p: ({"start": v.start, "end": v.end, "text": v.text, "field": v.field} if v else None) for p, v in main.items()},
                    "entities": [entity_record(e) for e in b.entities], "quotes": [quote_record(q) for q in b.quotes],
                    "figures": [figure_record(f) for f in b.figures], "times": [time_record(t) for t in b.times],
                    "events": [event_record(e) for e in b.events]})
        return
    echo(f"{b.article.id}  {b.article.title or _short(b.article.text, 80)}")
    for p, v in main.items():
        echo(f"  {p:<6}{v.text if v else '—'}")
    if b.entities:
        echo("  entities  " + "; ".join(f"{e.name} [{e.type}]" for e in b.entities))
    for q in b.quotes:
        echo(f"  quote     {_speaker(q)}: {_short(_content(q), 90)}")
    for f in b.figures:
        echo(f"  figure    {f.evidence.text} = {plain_number(f.value)} {f.unit}" + (f" ({f.measures})" if f.measures else ""))
    for t in b.times:
        echo(f"  time      {t.evidence.text} = {t.value or 'unresolved'}")
