"""Entity edits over HTTP: ``GET /api/entity-edits`` lists them; ``POST /api/entity-edits`` makes one
and ``POST /api/entity-edits/{id}/undo`` undoes one, both behind the server's write token (as
``POST /api/ingest``). The same library calls as ``newsgraph entity-edit`` (``KnowledgeBase.edit``).

A POST body is one JSON object: ``{"action": "merge", "entity": "Charles", "value": "Charles Kennedy"}``
(``value``: merge's other entity, retype's type, rename's name), ``{"action": "split", "entity":
..., "names": ["Prince Charles"]}`` or ``{"action": "drop", "entity": ...}``. Unknown entities and
edits answer 404 (NG470, NG473), other refusals 400.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from newsgraph.errors import NewsgraphError, QueryError
from newsgraph.web.api import _body, check_token, read_kb
from newsgraph.web.app import ServeConfig, config_of, error_body

router = APIRouter(prefix="/api")
_NOT_FOUND = {"NG470", "NG473"}


def _refused(exc: NewsgraphError) -> JSONResponse:
    return JSONResponse(error_body(exc.code, f"{exc.message} — {exc.hint}"), status_code=404 if exc.code in _NOT_FOUND else 400)


def _edit_of(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise QueryError("NG433", f"the body is not JSON ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or not isinstance(data.get("action"), str) or not isinstance(data.get("entity"), str):
        raise QueryError("NG433", 'expected a JSON object {"action": ..., "entity": ..., "value"|"names": ...}')
    names = data.get("names") or []
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names) or not isinstance(data.get("value", ""), (str, type(None))):
        raise QueryError("NG433", '"value" must be a string and "names" a list of strings')
    return {"action": data["action"], "entity": data["entity"], "value": data.get("value"), "names": tuple(names)}


def _write(config: ServeConfig, call: Any) -> JSONResponse:
    import newsgraph

    try:
        with config.gate.write(max(config.query_timeout, 30.0)):
            result = call(newsgraph.open(config.db))
    except NewsgraphError as exc:
        if exc.code in _NOT_FOUND or exc.code in {"NG471", "NG472", "NG474", "NG403"}:
            return _refused(exc)
        raise
    return JSONResponse({"ok": True, **result.to_dict()})


@router.get("/entity-edits", summary="The entity edits made, in order (undone ones marked)")
def list_edits(request: Request) -> dict[str, Any]:
    from newsgraph.curation import curation_dict

    return {"ok": True, "rows": [curation_dict(c) for c in read_kb(request, "edits")], "next": None}


@router.post("/entity-edits", summary="Make an entity edit (merge, split, retype, rename, drop); needs the bearer token")
async def make_edit(request: Request) -> JSONResponse:
    from starlette.concurrency import run_in_threadpool

    config = config_of(request)
    check_token(config, request.headers.get("authorization"))
    edit = _edit_of(await _body(request, config.max_body_bytes))
    return await run_in_threadpool(_write, config, lambda kb: kb.edit(edit["action"], edit["entity"], edit["value"], edit["names"]))


@router.post("/entity-edits/{edit_id}/undo", summary="Undo an entity edit; needs the bearer token")
async def undo_edit(request: Request, edit_id: str) -> JSONResponse:
    from starlette.concurrency import run_in_threadpool

    config = config_of(request)
    check_token(config, request.headers.get("authorization"))
    return await run_in_threadpool(_write, config, lambda kb: kb.undo_edit(edit_id))
