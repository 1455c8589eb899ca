"""Entity edits over the JSON API: listed to anyone, made and undone only with the write token,
refused with coded errors (404 for an unknown entity or edit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsgraph
from newsgraph.web import create_app

DATA = Path(__file__).resolve().parents[1] / "data" / "curate"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("edits_api") / "kb.duckdb"
    newsgraph.open(db).ingest(DATA / "first.jsonl", embed=False)
    return db


def error_of(response, status: int, code: str) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["error"]["code"] == code, body
    return body["error"]["message"]


def test_api_entity_edit_needs_the_token_and_undoes(base: Path, tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    db.write_bytes(base.read_bytes())
    client = TestClient(create_app(db, write_token=TOKEN), raise_server_exceptions=False)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    merge = {"action": "merge", "entity": "Charles", "value": "Charles Kennedy"}
    error_of(client.post("/api/entity-edits", json=merge), 401, "NG435")
    error_of(client.post("/api/entity-edits", json=merge, headers={"Authorization": "Bearer nope"}), 403, "NG436")
    made = client.post("/api/entity-edits", json=merge, headers=auth)
    assert made.status_code == 200, made.text
    body = made.json()
    assert body["ok"] is True and body["entity"]["name"] == "Charles Kennedy" and body["entity"]["articles"] == 3
    edit_id = body["curation"]["id"]
    listed = client.get("/api/entity-edits").json()
    assert [(r["id"], r["action"], r["active"]) for r in listed["rows"]] == [(edit_id, "merge", True)]
    entity = client.get("/api/entity/Charles Kennedy").json()
    assert "Charles" in {a["text"] for a in entity["entity"]["aliases"]}
    assert "not called" in error_of(client.post("/api/entity-edits", json={"action": "split", "entity": "Tories", "names": ["Labour"]},
                                                headers=auth), 400, "NG474")
    error_of(client.post("/api/entity-edits", json={"action": "drop", "entity": "Nobody Here"}, headers=auth), 404, "NG470")
    error_of(client.post("/api/entity-edits", json={"action": "retype", "entity": "Tories", "value": "PLANET"}, headers=auth), 400, "NG471")
    error_of(client.post("/api/entity-edits", content=b"[1, 2]", headers=auth), 422, "NG433")
    undone = client.post(f"/api/entity-edits/{edit_id}/undo", headers=auth)
    assert undone.status_code == 200 and undone.json()["curation"]["active"] is False
    error_of(client.post(f"/api/entity-edits/{edit_id}/undo", headers=auth), 404, "NG473")
    assert client.get("/api/entity/Charles").json()["entity"]["name"] == "Charles"


def test_api_entity_edit_on_a_read_only_server(base: Path) -> None:
    client = TestClient(create_app(base), raise_server_exceptions=False)
    error_of(client.post("/api/entity-edits", json={"action": "drop", "entity": "Tories"}), 403, "NG441")
    assert client.get("/api/entity-edits").json() == {"ok": True, "rows": [], "next": None}
