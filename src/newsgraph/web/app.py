"""The ASGI app: one FastAPI application serving the JSON API under /api/ and the pages.

``create_app(db, ...)`` builds it; ``newsgraph serve`` runs it with uvicorn. Errors are answered in
one shape, ``{"ok": false, "error": {"code", "message"}}`` (an HTML page for a page), with the
status of ``STATUS``. Every response carries a strict Content-Security-Policy and the usual
security headers; a request body over the limit is refused before it is read.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph import __version__, settings
from newsgraph.errors import CODES, NewsgraphError
from newsgraph.query.pages import SharedReader
from newsgraph.web.gate import Gate

HERE = Path(__file__).resolve().parent
log = logging.getLogger("newsgraph.web")

STATUS: dict[str, int] = {
    "NG401": 404, "NG402": 404, "NG409": 404, "NG434": 404,
    "NG403": 400, "NG425": 400, "NG430": 400, "NG438": 400,
    "NG433": 422,
    "NG435": 401,
    "NG436": 403, "NG441": 403, "NG421": 403,
    "NG437": 413,
    "NG442": 405,
    "NG420": 503, "NG320": 503, "NG431": 503, "NG439": 503, "NG301": 503, "NG302": 503, "NG450": 503, "NG307": 503,
    "NG422": 503,
}

CSP = ("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)


@dataclass(slots=True)
class ServeConfig:
    """What a running app knows: the knowledge base and its limits.

    Attributes:
        db: the knowledge base file.
        write_token: the bearer token that enables POST /api/ingest; None serves read-only.
        query_timeout: seconds a request's queries may run (NG431 past it).
        max_page_size: largest ?size=.
        max_body_bytes: largest request body (NG437 past it).
        read_slots, queue_timeout: requests read at once, and how long others wait for a slot (NG320).
        gate: keeps the server's own ingest apart from its reads.
        reader: the read-only DuckDB instance the requests share (``store.SharedReader``): open
            while requests come, let go when idle or when a writer waits for the file.
    """

    db: str
    write_token: str | None = None
    query_timeout: float = 5.0
    max_page_size: int = 200
    max_body_bytes: int = 4 * 1024 * 1024
    gate: Gate = field(default_factory=Gate)
    reader: SharedReader | None = None
    read_slots: int = 1
    queue_timeout: float = 30.0
    workers: int = 1

    def __post_init__(self) -> None:
        if self.reader is None:
            self.reader = SharedReader(self.db, threads=threads_per_worker(self.workers))
        try:  # the query encoder shares the cores as DuckDB does (search may not be installed: NG420 then)
            from newsgraph.search.embed import share_cores
        except ImportError:
            pass
        else:
            share_cores(threads_per_worker(self.workers))
        self.gate = Gate(self.read_slots, self.queue_timeout)


def worker_count(setting: int) -> int:
    """Server worker processes for the ``serve_workers`` setting: itself, or (0) one a core, at most four."""
    return setting or min(4, os.cpu_count() or 1)


def threads_per_worker(workers: int) -> int:
    """Threads for one worker's reads (DuckDB; also the query encoder's and BLAS's, for a search):
    the cores shared among the server's ``workers`` processes, at most two. Requests run side by
    side, so splitting one query over more cores buys little and costs each small query its
    coordination: on 2 cores, 2 workers of one thread each answered 10 to 25% more article,
    entity and story pages a second under 16 clients than 2 workers of two threads
    (``benchmarks/serve.py``, 2026-11-30, docs/web.md "Under load")."""
    return max(1, min(2, (os.cpu_count() or 1) // max(1, workers)))


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code, "message": message}}


class Guard:
    """Pure ASGI middleware: security headers on every response; bodies over the limit refused (413)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            response = JSONResponse(error_body("NG437", f"the body is {length.decode(errors='replace')} bytes; "
                                                        f"the limit is {self.max_body_bytes} bytes"), status_code=413)
            await response(scope, receive, send_secured)
            return
        try:
            await self.app(scope, receive, send_secured)
        except Exception:  # a bug: the traceback goes to the log, never to the client
            log.exception("unexpected error on %s", scope.get("path"))
            if started:
                raise
            message = f"the server failed on this request — {CODES['NG443'][1]}"
            if str(scope.get("path", "")).startswith("/api"):
                await JSONResponse(error_body("NG443", message), status_code=500)(scope, receive, send_secured)
            else:
                await HTMLResponse(f"<!doctype html><title>500 NG443</title><p>error NG443: {message}</p>",
                                   status_code=500)(scope, receive, send_secured)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _answer(request: Request, code: str, message: str, status: int) -> Response:
    if _is_api(request):
        return JSONResponse(error_body(code, message), status_code=status)
    from newsgraph.web.pages import render_error

    return render_error(request, code, message, status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(NewsgraphError)
    async def coded(request: Request, exc: NewsgraphError) -> Response:
        return _answer(request, exc.code, f"{exc.message} — {exc.hint}", STATUS.get(exc.code, 400))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return _answer(request, "NG433", "; ".join(parts) + " — " + CODES["NG433"][1], 422)

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:
            return _answer(request, "NG442", f"{request.method} is not allowed on {request.url.path} — {CODES['NG442'][1]}", 405)
        return _answer(request, "NG434", f"nothing at {request.url.path} — {CODES['NG434'][1]}", 404)


def create_app(db: str | Path, *, write_token: str | None = None, query_timeout: float | None = None,
               max_page_size: int | None = None, max_body_bytes: int | None = None, read_slots: int | None = None,
               queue_timeout: float | None = None, workers: int = 1) -> FastAPI:
    """The app serving the knowledge base at ``db`` (read-only unless ``write_token`` is given), in
    one of ``workers`` server processes. Limits default to the settings ``query_timeout``,
    ``max_page_size``, ``max_body_bytes``, ``read_slots`` and ``queue_timeout``."""
    values = settings.resolve({"query_timeout": query_timeout, "max_page_size": max_page_size,
                               "max_body_bytes": max_body_bytes, "read_slots": read_slots, "queue_timeout": queue_timeout})
    config = ServeConfig(db=str(db), write_token=write_token or None, query_timeout=values["query_timeout"],
                         max_page_size=max(1, values["max_page_size"]), max_body_bytes=values["max_body_bytes"],
                         read_slots=values["read_slots"], queue_timeout=values["queue_timeout"], workers=workers)
    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="The knowledge base as JSON: lists answer `{ok, rows, next, facets}` with keyset cursors; "
                              "errors answer `{ok: false, error: {code, message}}`.")
    app.state.serve = config
    _install_errors(app)
    from newsgraph.web import api, edits, pages

    app.include_router(api.router)
    app.include_router(edits.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(Guard, max_body_bytes=config.max_body_bytes)
    return app


def app_from_settings() -> FastAPI:
    """The app over the settings' ``db`` and ``write_token`` (what each `newsgraph serve --workers N` worker builds)."""
    values = settings.resolve()
    return create_app(values["db"], write_token=values["write_token"] or None,
                      workers=worker_count(values["serve_workers"]))


def config_of(request: Request) -> ServeConfig:
    return request.app.state.serve  # type: ignore[no-any-return]


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)
