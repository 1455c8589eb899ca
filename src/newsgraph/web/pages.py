"""The pages: server-rendered HTML over the same reads as the API (no JavaScript needed).

Every page is a Jinja2 template with autoescaping on; article text reaches a page only through
``highlight.render``, which escapes it. Search and stories come from parts of newsgraph that may
not be installed: their pages then answer NG420 with status 503.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote_plus, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from newsgraph.errors import NewsgraphError, QueryError
from newsgraph.query import pages as q
from newsgraph.web import graph, highlight
from newsgraph.web.api import STORY_FACTS, check_size, parse_date, read, read_kb
from newsgraph.web.app import HERE, config_of

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals.update(LEGEND=highlight.LEGEND, KINDS=highlight.KINDS)


def _date(value: Any, fmt: str = "%d %b %Y") -> str:
    if isinstance(value, datetime):
        return value.strftime(fmt)
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value).strftime(fmt)
        except ValueError:
            return value
    return ""


def _type_class(entity_type: str) -> str:
    return highlight.KINDS.get(str(entity_type), ("hl-other", ""))[0]


def _counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, the noun plural unless ``n`` is one: "1 article", "3 articles"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


templates.env.filters.update(date=_date, type_class=_type_class, figure=lambda f: highlight.figure_label(
    f.value, f.value_high, f.unit, f.measures), percent=lambda x: f"{100 * x:.0f}%", counted=_counted)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"page": name.removesuffix(".html"), **context}, status_code=status_code)


def render_error(request: Request, code: str, message: str, status: int, **extra: Any) -> HTMLResponse:
    return page(request, "error.html", status, code=code, message=message, status=status, **extra)


def _with(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if k != "cursor"}
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return f"{request.url.path}?{urlencode(params)}" if params else request.url.path


def _list(request: Request, kind: str, template: str, filters: dict[str, Any], cursor: str | None, size: int,
          **context: Any) -> HTMLResponse:
    result = read(request, q.list_page, kind, filters, cursor=cursor, size=check_size(config_of(request), size))
    next_url = _with(request) + ("&" if "?" in _with(request) else "?") + urlencode({"cursor": result.next}) if result.next else None
    return page(request, template, result=result, filters=filters, next_url=next_url, first_url=_with(request) if cursor else None,
                facet_url=lambda **kw: _with(request, **kw), speaker=lambda x: highlight.speaker_name(x, result.entities),
                **context)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    view = read(request, q.home_view)
    try:
        stories = list(read_kb(request, "stories", limit=6))
    except NewsgraphError as exc:
        if exc.code != "NG420":
            raise
        stories = None
    return page(request, "home.html", home=view, stories=stories)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q_: str = Query("", alias="q", max_length=1000), size: int = 20,
           mode: str = Query("hybrid", pattern="^(hybrid|text|semantic)$"), since: str | None = None,
           until: str | None = None, entity: str | None = None, story: str | None = None) -> HTMLResponse:
    form = {"mode": mode, "since": since or "", "until": until or "", "entity": entity or "", "story": story or ""}
    if not q_.strip():
        return page(request, "search.html", query="", hits=[], form=form)
    try:
        hits = list(read_kb(request, "search", q_, mode=mode, since=parse_date(since, "since"),
                            until=parse_date(until, "until"), entity=entity or None, story=story or None,
                            limit=check_size(config_of(request), size), keep_vectors=True))
    except NewsgraphError as exc:
        if exc.code != "NG420":
            raise
        names = read(request, q.list_page, "entities", {"name": q_}, size=10, facets=False)
        return render_error(request, exc.code, f"{exc.message} — {exc.hint}", 503, query=q_, names=names.rows)
    return page(request, "search.html", query=q_, hits=hits, form=form)


def _marked(snippet: str, marks: Any) -> Markup:
    """The snippet with its matched words in <mark>, every piece of article text escaped."""
    out, at = [], 0
    for start, end in sorted(marks or ()):
        if start < at or end > len(snippet):
            continue
        out.append(escape(snippet[at:start]))
        out.append(Markup("<mark>") + escape(snippet[start:end]) + Markup("</mark>"))
        at = end
    out.append(escape(snippet[at:]))
    return Markup("").join(out)


templates.env.filters["marked"] = lambda hit: _marked(hit.snippet, hit.marks)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, text: str | None = None, since: str | None = None, until: str | None = None,
             format: str | None = None, truncated: bool | None = None, entity: str | None = None, cursor: str | None = None,
             size: int = 25) -> HTMLResponse:
    filters = {"text": text or None, "since": parse_date(since, "since"), "until": parse_date(until, "until"),
               "format": format or None, "truncated": truncated, "entity": entity or None}
    return _list(request, "articles", "articles.html", filters, cursor, size,
                 raw={"since": since or "", "until": until or "", "entity": entity or ""})


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    view = read(request, q.article_view, article_id)
    a, facts = view.article, view.facts
    body = highlight.render(a.text, highlight.fact_spans(facts, view.entities, "text"), highlight.boilerplate_points(a.boilerplate))
    deck = highlight.render(a.deck, highlight.fact_spans(facts, view.entities, "deck")) if a.deck else None
    headline = highlight.render(a.title, highlight.fact_spans(facts, view.entities, "title")) if a.title else None
    main_event = None
    if facts and facts.main:
        main_event = [(p, getattr(facts.main, p)) for p in ("who", "what", "when", "where", "why", "how")]
    counts = {}
    if facts:
        counts = {"entities": len({m.entity_id or m.cluster for m in facts.mentions}), "quotes": len(facts.quotes),
                  "figures": len(facts.figures), "times": len(facts.times), "events": len(facts.events)}
    return page(request, "article.html", view=view, a=a, facts=facts, body=body, deck=deck, headline=headline, main_event=main_event,
                counts=counts, speaker=lambda x: highlight.speaker_name(x, view.entities))


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, type: str | None = None, name: str | None = None, cursor: str | None = None,
             size: int = 50) -> HTMLResponse:
    return _list(request, "entities", "entities.html", {"type": type or None, "name": name or None}, cursor, size)


ENTITY_ITEMS = 20  # quotes said, quotes about, events and articles an entity's page shows (each list links to all)


@router.get("/entity/{name}", response_class=HTMLResponse)
def entity(request: Request, name: str) -> HTMLResponse:
    view = read(request, q.entity_view, name, limit=ENTITY_ITEMS)
    e = view.entity
    timeline = _timeline(view)
    drawing = graph.layout(e.id, view.companions, view.edges, {e.id: {"name": e.name, "type": str(e.type)}})
    return page(request, "entity.html", view=view, e=e, timeline=timeline, drawing=drawing, roles=view.roles,
                speaker=lambda x: highlight.speaker_name(x, view.entities), items=ENTITY_ITEMS,
                window=q.FACT_WINDOW, key=quote_plus(e.id))


def _timeline(view: q.EntityView) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(day, [(kind, text, link)]) newest first: articles, roles, quotes and events by their article's date."""
    heads = view.article_heads
    items: list[tuple[str, str, str, str]] = []

    def day(article_id: str) -> str:
        published = heads.get(article_id, {}).get("published")
        return published.date().isoformat() if isinstance(published, datetime) else "undated"

    for head, n in view.articles:
        items.append((day(head["id"]), "article", f"{head['title'] or head['lede'][:80]} ({n} mentions)", f"/article/{head['id']}"))
    for r in (span.role for span in view.roles):
        items.append((day(r.article_id), "role", f"{r.status} {r.title}" + (f", {r.organization}" if r.organization else ""),
                      f"/article/{r.article_id}#r{r.evidence.start}"))
    for x in view.said:
        items.append((day(x.article_id), "said", " … ".join(c.text for c in x.content)[:160], f"/article/{x.article_id}#quote-{x.id}-0"))
    for ev in view.events:
        items.append((day(ev.article_id), "event", f"{ev.type}: {ev.trigger.text} ({ev.mode})", f"/article/{ev.article_id}#event-{ev.id}"))
    by_day: dict[str, list[tuple[str, str, str]]] = {}
    for d, kind, text, link in sorted(items, key=lambda i: i[0], reverse=True):
        by_day.setdefault(d, []).append((kind, text, link))
    return list(by_day.items())


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, speaker: str | None = None, anonymous: bool | None = None, kind: str | None = None,
           story: str | None = None, since: str | None = None, until: str | None = None, cursor: str | None = None,
           size: int = 25) -> HTMLResponse:
    filters = {"speaker": speaker or None, "anonymous": anonymous, "kind": kind or None, "story": story or None,
               "since": parse_date(since, "since"), "until": parse_date(until, "until")}
    return _list(request, "quotes", "quotes.html", filters, cursor, size, raw={"since": since or "", "until": until or ""})


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, type: str | None = None, mode: str | None = None, actor: str | None = None,
           place: str | None = None, since: str | None = None, until: str | None = None, cursor: str | None = None,
           size: int = 50, all: bool = False) -> HTMLResponse:
    filters = {"type": type or None, "mode": mode or None, "actor": actor or None, "place": place or None,
               "since": parse_date(since, "since"), "until": parse_date(until, "until"),
               "typed": None if all or type else True}
    return _list(request, "events", "events.html", filters, cursor, size, raw={"since": since or "", "until": until or ""})


@router.get("/figures", response_class=HTMLResponse)
def figures(request: Request, unit: str | None = None, measures: str | None = None, story: str | None = None,
            cursor: str | None = None, size: int = 50) -> HTMLResponse:
    return _list(request, "figures", "figures.html", {"unit": unit or None, "measures": measures or None, "story": story or None},
                 cursor, size)


@router.get("/brief", response_class=HTMLResponse)
def brief(request: Request, since: str | None = None, until: str | None = None) -> HTMLResponse:
    items = read(request, q.brief_range, since=parse_date(since, "since"), until=parse_date(until, "until"))
    return page(request, "brief.html", items=items, raw={"since": since or "", "until": until or ""},
                speaker=lambda x: highlight.speaker_name(x, {}))


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request) -> HTMLResponse:
    return page(request, "stories.html", stories=list(read_kb(request, "stories", limit=100)))


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    return page(request, "story.html", story=read_kb(request, "story", story_id, heads_only=True, limit=STORY_FACTS))


__all__ = ["router", "render_error", "templates", "QueryError"]
