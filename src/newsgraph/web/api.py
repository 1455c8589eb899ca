"""The JSON API under /api/: lists with filters, keyset cursors and facets; single views; ingest.

Lists answer ``{"ok": true, "rows": [...], "next": cursor|null, "facets": {...}, "articles": {...},
"entities": {...}}`` (the last two: heads of the articles and entities the rows point at).
Pass ``next`` back as ``?cursor=`` for the following page; ``?size=`` is 1 to ``max_page_size``.
"""

from __future__ import annotations

import hmac
import json
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from newsgraph.errors import NewsgraphError, QueryError
from newsgraph.query import pages as q
from newsgraph.web.app import ServeConfig, config_of
from newsgraph.web.records import article_view_record, entity_view_record, generic, jsonable, page_record, row_record

router = APIRouter(prefix="/api")
T = TypeVar("T")

SIZE = Query(50, description="rows a page (1 to the server's max_page_size, 200 by default)")
CURSOR = Query(None, description="the `next` value of the previous page")
SINCE = Query(None, description="ISO date or datetime (UTC when no zone): published on or after")
UNTIL = Query(None, description="ISO date or datetime: published before")


def parse_date(value: str | None, name: str) -> datetime | None:
    """An ISO date or datetime from a query parameter; QueryError NG433 when it is not one."""
    if value is None or value == "":
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise QueryError("NG433", f"{name}: {value[:40]!r} is not an ISO date such as 2025-10-27") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def check_size(config: ServeConfig, size: int) -> int:
    if not 1 <= size <= config.max_page_size:
        raise QueryError("NG433", f"size must be between 1 and {config.max_page_size}, got {size}")
    return size


def read(request: Request, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a read of ``query.pages`` on the served knowledge base (through the server's shared
    reader), inside the gate and time limit."""
    config = config_of(request)
    with config.gate.read(config.query_timeout):
        return fn(config.reader, *args, timeout=config.query_timeout, **kwargs)


PARTS = {"search": ("newsgraph.query.search", "search", "search"),
         "stories": ("newsgraph.query.stories", "list_stories", "stories"),
         "story": ("newsgraph.query.stories", "story_detail", "stories"),
         "edits": ("newsgraph.curation", "list_edits", "curate")}


def read_kb(request: Request, method: str, *args: Any, **kwargs: Any) -> Any:
    """Call a part of newsgraph that may not be installed (search, stories, entity edits: NG420
    then) on a cursor of the server's shared reader, inside the gate and a read slot."""
    from newsgraph.kb import _feature

    config = config_of(request)
    fn = _feature(*PARTS[method])
    # no query time limit here, as before the shared reader: a search runs the query encoder (seconds
    # on a busy machine the first time) between its queries
    with config.gate.read(config.query_timeout), q.reading(config.reader, None) as store:
        return fn(store, *args, **kwargs)


def listing(request: Request, kind: str, filters: dict[str, Any], cursor: str | None, size: int) -> dict[str, Any]:
    page = read(request, q.list_page, kind, filters, cursor=cursor, size=check_size(config_of(request), size))
    return page_record(page)


@router.get("/articles", summary="Articles, newest ingested first")
def articles(request: Request, text: str | None = Query(None, description="words in title, deck or text"),
             since: str | None = SINCE, until: str | None = UNTIL,
             source: str | None = Query(None, description="part of the source path"),
             format: str | None = Query(None, description="text, jsonl, html, feed or warc"),
             truncated: bool | None = None, entity: str | None = Query(None, description="entity id, name or alias: the articles naming it"),
             cursor: str | None = CURSOR, size: int = SIZE) -> dict[str, Any]:
    return listing(request, "articles", {"text": text, "since": parse_date(since, "since"), "until": parse_date(until, "until"),
                                         "source": source, "format": format, "truncated": truncated, "entity": entity},
                   cursor, size)


@router.get("/article/{article_id}", summary="One article: text, metadata and every fact with its offsets")
def article(request: Request, article_id: str) -> dict[str, Any]:
    return article_view_record(read(request, q.article_view, article_id))


@router.get("/entities", summary="Entities, in most articles first")
def entities(request: Request, type: str | None = Query(None, description="PERSON, ORG, GPE, LOC, NORP, ..."),
             name: str | None = Query(None, description="part of the name or an alias"),
             min_articles: int | None = Query(None, ge=0), cursor: str | None = CURSOR, size: int = SIZE) -> dict[str, Any]:
    return listing(request, "entities", {"type": type, "name": name, "min_articles": min_articles}, cursor, size)


@router.get("/entity/{name}", summary="One entity by id, name or alias: aliases, roles, quotes, events, articles, companions")
def entity(request: Request, name: str) -> dict[str, Any]:
    return entity_view_record(read(request, q.entity_view, name))


@router.get("/mentions", summary="Entity mentions with offsets")
def mentions(request: Request, article: str | None = None, entity: str | None = Query(None, description="entity id, name or alias"),
             type: str | None = None, cursor: str | None = CURSOR, size: int = SIZE) -> dict[str, Any]:
    return listing(request, "mentions", {"article": article, "entity": entity, "type": type}, cursor, size)


@router.get("/quotes", summary="Who said what")
def quotes(request: Request, speaker: str | None = Query(None, description="entity name, alias or words of the speaker"),
           anonymous: bool | None = None, kind: str | None = Query(None, description="direct, indirect or mixed"),
           article: str | None = None, story: str | None = None, since: str | None = SINCE, until: str | None = UNTIL,
           cursor: str | None = CURSOR, size: int = SIZE) -> dict[str, Any]:
    return listing(request, "quotes", {"speaker": speaker, "anonymous": anonymous, "kind": kind, "article": article,
                                       "story": story, "since": parse_date(since, "since"), "until": parse_date(until, "until")},
                   cursor, size)


@router.get("/events", summary="Events (PLOVER types) with actors, targets, place and time")
def events(request: Request, type: str | None = None, mode: str | None = None,
           actor: str | None = Query(None, description="entity name, alias or words of an actor"),
           place: str | None = None, main: bool | None = None, article: str | None = None, story: str | None = None,
           since: str | None = SINCE, until: str | None = UNTIL, cursor: str | None = CURSOR, size: int = SIZE) -> dict[str, Any]:
    return listing(request, "events", {"type": type, "mode": mode, "actor": actor, "place": place, "main": main,
                                       "article": article, "story": story, "since": parse_date(since, "since"),
                                       "until": parse_date(until, "until")}, cursor, size)


@router.get("/figures", summary="Figures cited, with value, unit and what they measure")
def figures(request: Request, unit: str | None = None, measures: str | None = None, article: str | None = None,
            story: str | None = None, since: str | None = SINCE, until: str | None = UNTIL, cursor: str | None = CURSOR,
            size: int = SIZE) -> dict[str, Any]:
    return listing(request, "figures", {"unit": unit, "measures": measures, "article": article, "story": story,
                                        "since": parse_date(since, "since"), "until": parse_date(until, "until")}, cursor, size)


@router.get("/times", summary="Time expressions with TIMEX3 values")
def times(request: Request, type: str | None = Query(None, description="DATE, TIME, DURATION or SET"),
          resolved: bool | None = None, article: str | None = None, cursor: str | None = CURSOR, size: int = SIZE) -> dict[str, Any]:
    return listing(request, "times", {"type": type, "resolved": resolved, "article": article}, cursor, size)


@router.get("/network", summary="Entities that appear together, weighted by shared articles")
def network(request: Request, entity: str | None = Query(None, description="centre the network on this entity"),
            limit: int = Query(30, ge=1, le=200), min_weight: int = Query(1, ge=1)) -> dict[str, Any]:
    return {"ok": True, **read(request, q.network, entity=entity, limit=limit, min_weight=min_weight)}


@router.get("/summary", summary="What the home page shows: totals, most mentioned people and organisations, anonymous share")
def summary(request: Request) -> dict[str, Any]:
    home = read(request, q.home_view)
    return jsonable({"ok": True, "totals": home.totals,
                     "people": [dict(zip(("id", "name", "type", "articles", "mentions"), p)) for p in home.people],
                     "organisations": [dict(zip(("id", "name", "type", "articles", "mentions"), p)) for p in home.organisations],
                     "quotes": home.quotes, "anonymous_quotes": home.anonymous,
                     "anonymous_share": (home.anonymous / home.quotes) if home.quotes else None, "latest": list(home.latest)})


@router.get("/brief", summary="A brief for a date range: articles with their main events, key figures and quotes")
def brief(request: Request, since: str | None = SINCE, until: str | None = UNTIL,
          limit: int = Query(30, ge=1, le=200)) -> dict[str, Any]:
    items = read(request, q.brief_range, since=parse_date(since, "since"), until=parse_date(until, "until"), limit=limit)
    return jsonable({"ok": True, "rows": [{"article": i.article, "main": _main(i.main),
                                           "figures": [row_record(f) for f in i.figures],
                                           "quotes": [row_record(x) for x in i.quotes]} for i in items]})


def _main(main: dict[str, Any] | None) -> dict[str, Any] | None:
    if main is None:
        return None
    return {k: (v if isinstance(v, str) or v is None else {"start": v.start, "end": v.end, "text": v.text, "field": v.field})
            for k, v in main.items()}


# --- parts that come from other branches of newsgraph (NG420 until they are installed) --------


@router.get("/search", summary="Hybrid full-text and semantic search (NG420, 503, until search is installed)")
def search(request: Request, q_: str = Query(..., alias="q", min_length=1, max_length=1000),
           mode: str = Query("hybrid", description="hybrid, text or semantic"), since: str | None = SINCE,
           until: str | None = UNTIL, entity: str | None = None, story: str | None = None, source: str | None = None,
           size: int = SIZE) -> dict[str, Any]:
    hits = read_kb(request, "search", q_, mode=mode, since=parse_date(since, "since"), until=parse_date(until, "until"),
                   entity=entity, story=story, source=source, limit=check_size(config_of(request), size),
                   keep_vectors=True)
    return {"ok": True, "rows": generic(list(hits)), "next": None, "facets": {}}


@router.get("/stories", summary="Stories: clusters of articles about one happening (NG420, 503, until stories are installed)")
def stories(request: Request, since: str | None = SINCE, until: str | None = UNTIL, entity: str | None = None,
            min_articles: int = Query(1, ge=1), cursor: str | None = CURSOR, size: int = SIZE) -> dict[str, Any]:
    after = str(q.decode_cursor("stories", cursor)[0]) if cursor else ""
    size = check_size(config_of(request), size)
    found = read_kb(request, "stories", since=parse_date(since, "since"), until=parse_date(until, "until"), entity=entity,
                    min_articles=min_articles, after=after, limit=size + 1)  # one more: is there a next page
    rows = generic(list(found))
    nxt = q.encode_cursor("stories", (str(rows[size - 1]["id"]),)) if len(rows) > size else None
    return {"ok": True, "rows": rows[:size], "next": nxt, "facets": {}}


STORY_FACTS = 20  # quotes and figures a story page shows (its JSON's default)


@router.get("/story/{story_id}", summary="One story: its articles in time order, timeline, entities, quotes (NG420 until installed)")
def story(request: Request, story_id: str,
          size: int = Query(STORY_FACTS, description="its first quotes and figures given (1 to max_page_size); "
                                                     "quote_count and figure_count count them all, "
                                                     "/api/quotes?story=ID and /api/figures?story=ID list them")) -> dict[str, Any]:
    detail = read_kb(request, "story", story_id, heads_only=True, limit=check_size(config_of(request), size))
    record = generic(replace(detail, articles=()))  # its articles as heads, without their texts: /api/article/{id} has them
    record["articles"] = record.pop("heads")
    return {"ok": True, "story": record}


# --- writing ----------------------------------------------------------------------------------


def check_token(config: ServeConfig, header: str | None) -> None:
    """NG441 when the server is read-only, NG435 without a bearer token, NG436 with a wrong one
    (compared in constant time)."""
    if not config.write_token:
        raise QueryError("NG441", "this server is read-only")
    scheme, _, token = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise QueryError("NG435", "POST /api/ingest needs an `Authorization: Bearer TOKEN` header")
    if not hmac.compare_digest(token.strip().encode("utf-8"), config.write_token.encode("utf-8")):
        raise QueryError("NG436", "the bearer token does not match the server's --write-token")


async def _body(request: Request, limit: int) -> bytes:
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise QueryError("NG437", f"the body passed the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def articles_of(body: bytes) -> list[dict[str, Any]]:
    """The article objects of an ingest body: one object, an array, or ``{"articles": [...]}``."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise QueryError("NG438", f"the body is not JSON ({exc.__class__.__name__})") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(x, dict) for x in items):
        raise QueryError("NG438", "expected a JSON object or a non-empty array of objects")
    return items


@router.post("/ingest", summary="Add articles (JSON objects with the JSONL reader's fields); needs the bearer token")
async def ingest(request: Request) -> JSONResponse:
    from starlette.concurrency import run_in_threadpool

    config = config_of(request)
    check_token(config, request.headers.get("authorization"))
    items = articles_of(await _body(request, config.max_body_bytes))
    summary = await run_in_threadpool(_ingest, config, items)
    return JSONResponse({"ok": True, "summary": jsonable(summary)})


def _ingest(config: ServeConfig, items: list[dict[str, Any]]) -> dict[str, Any]:
    import newsgraph

    with tempfile.TemporaryDirectory(prefix="newsgraph-ingest-") as folder:
        path = Path(folder) / "request.jsonl"
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), encoding="utf-8")
        with config.gate.write(max(config.query_timeout, 30.0)):
            assert config.reader is not None
            config.reader.close()  # this process cannot hold the file read-only while it writes it
            return newsgraph.open(config.db).ingest([str(path)], format="jsonl").to_dict()


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    from newsgraph.web.pages import templates

    return templates.TemplateResponse(request, "apidocs.html", {"spec": request.app.openapi(), "page": "api"})


__all__ = ["router", "NewsgraphError"]
