"""Untrusted article text rendered as text, security headers, and the write path behind its token."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.web import create_app

HOSTILE = {
    "title": "Council <script>alert('title')</script> vote",
    "text": ("Mayor Anna Berg said on Monday that the council would vote on the budget. "
             "<script>alert('x')</script> The plan <img src=x onerror=alert(1)> costs $5 million, she said. "
             "Click <a href=\"javascript:alert(2)\">here</a> or javascript:alert(3) for more. <!-- hidden comment --> "
             "\"We will not raise taxes,\" Berg told reporters."),
    "url": "https://example.org/council",
    "date": "2026-01-05",
}


@pytest.fixture(scope="module")
def hostile_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "hostile.duckdb"
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")} | {"PYTHONPATH": src}
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", str(folder / "hostile.jsonl"), "--db", str(db)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return db


def test_web_hostile_article_renders_as_text(hostile_kb: Path) -> None:
    client = TestClient(create_app(hostile_kb))
    article_id = client.get("/api/articles").json()["rows"][0]["id"]
    detail = client.get(f"/api/article/{article_id}").json()
    assert detail["facts"]["mentions"], "the test needs highlights around the hostile text"
    for path in (f"/article/{article_id}", "/articles", "/quotes", "/", "/brief", "/figures", "/events"):
        html = client.get(path).text
        assert "<script" not in html.lower(), path
        assert "<img" not in html.lower(), path
        assert not re.search(r"""href=["']?\s*javascript:""", html, re.I), path
        assert "<!-- hidden" not in html, path
        assert "onerror=alert" not in html or "&lt;img src=x onerror=alert(1)&gt;" in html, path
    page = client.get(f"/article/{article_id}").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;a href=&#34;javascript:alert(2)&#34;&gt;" in page
    assert "&lt;!-- hidden comment --&gt;" in page
    assert "Council &lt;script&gt;" in page  # the title too


@pytest.mark.parametrize("path", ["/", "/api/articles", "/api/nothing", "/nothing", "/static/style.css", "/api/docs"])
def test_web_security_headers_on_every_response(hostile_kb: Path, path: str) -> None:
    response = TestClient(create_app(hostile_kb)).get(path)
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_web_pages_need_no_outside_asset(hostile_kb: Path) -> None:
    client = TestClient(create_app(hostile_kb))
    article_id = client.get("/api/articles").json()["rows"][0]["id"]
    for path in ("/", f"/article/{article_id}", "/entities"):
        html = client.get(path).text
        for ref in re.findall(r"""(?:src|href)=["']([^"']+)""", html):
            assert not ref.startswith(("http:", "https:", "//")), (path, ref)
        assert ' style="' not in html  # the CSP allows no inline style


# --- writes ----------------------------------------------------------------------------------


def error_of(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


def test_web_read_only_server_refuses_ingest(hostile_kb: Path) -> None:
    error_of(TestClient(create_app(hostile_kb)).post("/api/ingest", json={"text": "x"}), 403, "NG441")


@pytest.mark.parametrize("headers, status, code", [
    ({}, 401, "NG435"),
    ({"Authorization": "Basic c2VjcmV0"}, 401, "NG435"),
    ({"Authorization": "Bearer wrong-token"}, 403, "NG436"),
    ({"Authorization": "Bearer s3cret-toke"}, 403, "NG436"),
])
def test_web_ingest_needs_the_bearer_token(hostile_kb: Path, headers: dict, status: int, code: str) -> None:
    client = TestClient(create_app(hostile_kb, write_token="s3cret-token"))
    error_of(client.post("/api/ingest", json={"text": "Some text."}, headers=headers), status, code)


def test_web_ingest_body_size_is_capped(hostile_kb: Path) -> None:
    client = TestClient(create_app(hostile_kb, write_token="tok", max_body_bytes=1000))
    auth = {"Authorization": "Bearer tok"}
    error_of(client.post("/api/ingest", json={"text": "x" * 2000}, headers=auth), 413, "NG437")

    def chunks():  # no Content-Length: the limit holds while the body streams in
        for _ in range(10):
            yield b"x" * 500

    error_of(client.post("/api/ingest", content=chunks(), headers=auth), 413, "NG437")


@pytest.mark.parametrize("body", [b"not json", b"[]", b"[1, 2]", b'"text"'])
def test_web_ingest_bad_body(hostile_kb: Path, body: bytes) -> None:
    client = TestClient(create_app(hostile_kb, write_token="tok"))
    error_of(client.post("/api/ingest", content=body, headers={"Authorization": "Bearer tok"}), 400, "NG438")


def test_web_ingest_adds_articles_and_reads_see_them(tmp_path: Path, hostile_kb: Path) -> None:
    import shutil

    db = tmp_path / "kb.duckdb"
    shutil.copy(hostile_kb, db)
    client = TestClient(create_app(db, write_token="tok"))
    article = {"title": "Harbour reopens", "text": "The harbour of Tromsø reopened on Friday after a storm, the port "
               "authority said. \"Ships can come in again,\" harbour master Ola Nordmann said.", "date": "2026-02-06"}
    response = client.post("/api/ingest", json=[article], headers={"Authorization": "Bearer tok"})
    assert response.status_code == 200, response.text
    assert response.json()["summary"]["stored"] == 1
    titles = [a["title"] for a in client.get("/api/articles").json()["rows"]]
    assert "Harbour reopens" in titles
    again = client.post("/api/ingest", json=article, headers={"Authorization": "Bearer tok"}).json()["summary"]
    assert again["stored"] == 0  # the same article twice changes nothing


def test_web_a_bug_answers_a_coded_500_without_its_traceback(hostile_kb: Path) -> None:
    app = create_app(hostile_kb)

    @app.get("/api/test-failure")
    def failure() -> None:
        raise RuntimeError("secret internals")

    response = TestClient(app, raise_server_exceptions=False).get("/api/test-failure")
    assert response.status_code == 500 and response.json()["error"]["code"] == "NG443"
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert response.headers["x-frame-options"] == "DENY"
