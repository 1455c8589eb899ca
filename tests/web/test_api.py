"""The JSON API through an in-process client: shapes, filters, the pagination contract, every error."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.web import create_app

LISTS = ("articles", "entities", "mentions", "quotes", "events", "figures", "times")


@pytest.fixture(scope="module")
def client(seed_kb: Path) -> TestClient:
    return TestClient(create_app(seed_kb), raise_server_exceptions=False)


def error_of(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["error"]["code"] == code, body
    return body["error"]["message"]


@pytest.mark.parametrize("kind", LISTS)
def test_api_list_shape(client: TestClient, kind: str) -> None:
    body = client.get(f"/api/{kind}", params={"size": 5}).json()
    assert body["ok"] is True and set(body) >= {"rows", "next", "facets", "articles", "entities"}
    assert 0 < len(body["rows"]) <= 5
    assert body["facets"] and all(isinstance(v, dict) for v in body["facets"].values())


@pytest.mark.parametrize("kind", LISTS)
def test_api_pagination_walks_every_row_once(client: TestClient, kind: str) -> None:
    everything = [r["id"] for r in client.get(f"/api/{kind}", params={"size": 200}).json()["rows"]]
    size = max(2, len(everything) // 6 + 1)  # six or seven pages whatever the list's length
    seen, cursor, pages = [], None, 0
    while True:
        params = {"size": size, **({"cursor": cursor} if cursor else {})}
        body = client.get(f"/api/{kind}", params=params).json()
        assert len(body["rows"]) <= size
        seen += [r["id"] for r in body["rows"]]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
    assert seen == everything and len(set(seen)) == len(seen)
    assert pages == max(1, -(-len(everything) // size))


def test_api_cursor_is_stable_while_rows_are_added(tmp_path: Path, newsgraph, examples_kb: Path) -> None:
    import shutil

    db = tmp_path / "kb.duckdb"
    shutil.copy(examples_kb, db)
    app = TestClient(create_app(db))
    first = app.get("/api/articles", params={"size": 3}).json()
    line = '{"title": "Late news", "text": "A late article arrived after the first page was read. It has two sentences."}\n'
    (tmp_path / "late.jsonl").write_text(line, encoding="utf-8")
    assert newsgraph("ingest", tmp_path / "late.jsonl", "--db", db, "--no-nlp").returncode == 0
    rest, cursor = [], first["next"]
    while cursor:
        body = app.get("/api/articles", params={"size": 3, "cursor": cursor}).json()
        rest += [r["id"] for r in body["rows"]]
        cursor = body["next"]
    before = [r["id"] for r in TestClient(create_app(examples_kb)).get("/api/articles", params={"size": 200}).json()["rows"]]
    assert [r["id"] for r in first["rows"]] + rest == before  # the new article (newest) is not slipped into later pages


def test_api_filters_and_facets(client: TestClient) -> None:
    body = client.get("/api/quotes", params={"anonymous": "true", "size": 50}).json()
    assert body["rows"] and all(q["speaker"]["anonymous"] for q in body["rows"])
    assert body["facets"]["speaker"] == {"anonymous": len(body["rows"])}
    people = client.get("/api/entities", params={"type": "PERSON", "size": 200}).json()
    assert people["rows"] and {e["type"] for e in people["rows"]} == {"PERSON"}
    counts = [e["articles"] for e in people["rows"]]
    assert counts == sorted(counts, reverse=True)
    events = client.get("/api/events", params={"main": "true"}).json()["rows"]
    assert len(events) == 5 and all(e["main"] for e in events)


def test_api_article_gives_text_and_facts_with_offsets(client: TestClient) -> None:
    for head in client.get("/api/articles").json()["rows"]:
        body = client.get(f"/api/article/{head['id']}").json()
        article, facts = body["article"], body["facts"]
        assert facts["mentions"] and facts["events"] and facts["main"]
        for span in [*facts["mentions"], *facts["figures"], *facts["times"],
                     *(c for q in facts["quotes"] for c in q["content"])]:
            assert article[span["field"]][span["start"]:span["end"]] == span["text"]


def test_api_entity_by_name_with_alias_and_both_articles(client: TestClient) -> None:
    body = client.get("/api/entity/Xi Jinping").json()
    assert body["entity"]["name"] == "Xi Jinping"
    assert "習近平" in [a["text"] for a in body["entity"]["aliases"]]
    assert body["entity"]["article_count"] == 2 and len(body["articles"]) == 2 and "article_ids" not in body["entity"]
    assert client.get("/api/entity/習近平").json()["entity"]["id"] == body["entity"]["id"]


def test_api_summary_gives_the_anonymous_share(client: TestClient) -> None:
    body = client.get("/api/summary").json()
    assert body["totals"]["articles"] == 5
    assert body["anonymous_share"] == pytest.approx(body["anonymous_quotes"] / body["quotes"])
    assert 0 < body["anonymous_quotes"] < body["quotes"]


def test_api_network_around_an_entity(client: TestClient) -> None:
    body = client.get("/api/network", params={"entity": "Xi Jinping", "limit": 6}).json()
    ids = [n["id"] for n in body["nodes"]]
    assert body["nodes"][0]["name"] == "Xi Jinping" and len(ids) == 6
    assert body["edges"] and all(e["source"] in ids and e["target"] in ids and e["weight"] >= 1 for e in body["edges"])


def test_api_brief_for_a_date_range(client: TestClient) -> None:
    assert len(client.get("/api/brief", params={"since": "2025-10-21", "until": "2025-10-22"}).json()["rows"]) == 5
    assert client.get("/api/brief", params={"since": "2025-10-22"}).json()["rows"] == []


def test_api_docs_served_without_cdn(client: TestClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/articles" in page.text
    assert "cdn" not in page.text.lower() and "<script" not in page.text
    assert "/api/quotes" in client.get("/api/openapi.json").json()["paths"]


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path, status, code", [
    ("/api/article/art_missing", 404, "NG401"),
    ("/api/entity/Nobody%20Atall", 404, "NG402"),
    ("/api/nothing-here", 404, "NG434"),
    ("/api/articles?cursor=not-a-cursor", 400, "NG430"),
    ("/api/articles?size=0", 422, "NG433"),
    ("/api/articles?size=201", 422, "NG433"),
    ("/api/articles?since=yesterday", 422, "NG433"),
    ("/api/quotes?anonymous=perhaps", 422, "NG433"),
    ("/api/network?limit=0", 422, "NG433"),
    ("/api/network?entity=Nobody%20Atall", 404, "NG402"),
])
def test_api_errors(client: TestClient, path: str, status: int, code: str) -> None:
    error_of(client.get(path), status, code)


def test_api_cursor_of_another_list_is_refused(client: TestClient) -> None:
    cursor = client.get("/api/quotes", params={"size": 1}).json()["next"]
    assert "events list" in error_of(client.get("/api/events", params={"cursor": cursor}), 400, "NG430")


def test_api_method_not_allowed(client: TestClient) -> None:
    error_of(client.post("/api/articles"), 405, "NG442")


def test_api_missing_knowledge_base_is_503(tmp_path: Path) -> None:
    app = TestClient(create_app(tmp_path / "gone.duckdb"))
    error_of(app.get("/api/articles"), 503, "NG301")


def _story_with_most_quotes(client: TestClient) -> tuple[str, dict]:
    stories = client.get("/api/stories", params={"size": 200}).json()["rows"]
    whole = {s["id"]: client.get(f"/api/story/{s['id']}", params={"size": 200}).json()["story"] for s in stories}
    sid = max(whole, key=lambda k: (whole[k]["quote_count"], whole[k]["figure_count"], k))
    return sid, whole[sid]


def test_api_story_gives_its_first_quotes_and_figures_with_their_counts_and_article_heads(client: TestClient) -> None:
    sid, whole = _story_with_most_quotes(client)
    assert whole["quote_count"] >= 2 and whole["figure_count"] >= 2, "the seed's stories hold quotes and figures"
    assert whole["quote_count"] == len(whole["quotes"]) and whole["figure_count"] == len(whole["figures"])
    listed = {kind: {r["id"] for r in client.get(f"/api/{kind}", params={"story": sid, "size": 200}).json()["rows"]}
              for kind in ("quotes", "figures")}
    assert listed == {"quotes": {q["id"] for q in whole["quotes"]}, "figures": {f["id"] for f in whole["figures"]}}
    one = client.get(f"/api/story/{sid}", params={"size": 1}).json()["story"]
    assert one["quotes"] == whole["quotes"][:1] and one["figures"] == whole["figures"][:1]
    assert (one["quote_count"], one["figure_count"]) == (whole["quote_count"], whole["figure_count"])
    assert [a["id"] for a in one["articles"]] == [t["article_id"] for t in one["timeline"]]
    assert all("text" not in a and a["lede"] and a["length"] >= len(a["lede"]) for a in one["articles"])
    error_of(client.get(f"/api/story/{sid}", params={"size": 0}), 422, "NG433")
    error_of(client.get(f"/api/story/{sid}", params={"size": 100000}), 422, "NG433")


def test_api_figures_filtered_by_story_are_those_of_its_articles(client: TestClient) -> None:
    sid, whole = _story_with_most_quotes(client)
    rows = client.get("/api/figures", params={"story": sid, "size": 200}).json()["rows"]
    everything = client.get("/api/figures", params={"size": 200}).json()["rows"]
    inside = set(client.get(f"/api/story/{sid}").json()["story"]["story"]["article_ids"])
    assert rows and {r["id"] for r in rows} == {r["id"] for r in everything if r["article_id"] in inside}
    assert len(everything) > len(rows)


@pytest.mark.parametrize("path", ["/api/search?q=Xi", "/api/stories", "/api/story/sto_x"])
def test_api_parts_not_installed_answer_503(client: TestClient, path: str) -> None:
    part = "newsgraph.query.search" if "search" in path else "newsgraph.query.stories"
    if importlib.util.find_spec(part) is not None:
        assert client.get(path).status_code in (200, 404)
    else:
        assert "not installed" in error_of(client.get(path), 503, "NG420")


def test_api_query_over_its_time_limit_is_interrupted(tmp_path: Path, examples_kb: Path) -> None:
    import shutil

    import duckdb

    db = tmp_path / "big.duckdb"
    shutil.copy(examples_kb, db)
    with duckdb.connect(str(db)) as conn:  # many long articles, written straight in: the test needs a slow scan
        conn.execute("""INSERT INTO articles (id, seq, source_path, source_format, text, truncated)
                        SELECT 'art_big' || i, 1000 + i, 'big', 'text', repeat('word ', 100) || i, false FROM range(100000) t(i)""")
    slow = TestClient(create_app(db, query_timeout=0.005))
    message = error_of(slow.get("/api/articles", params={"text": "no such words anywhere"}), 503, "NG431")
    assert "time limit" in message
    assert TestClient(create_app(db)).get("/api/articles", params={"size": 1}).status_code == 200


def test_generic_gives_what_asdict_gave_for_stories_and_search_hits(seed_kb: Path) -> None:
    """The API's one-walk conversion of results against the definition it replaced, on real
    results: every story of the seed in detail, and hybrid search hits with their quotes."""
    from dataclasses import asdict

    import newsgraph
    from newsgraph.web.records import generic, jsonable

    with newsgraph.open(seed_kb, read_only=True) as kb:
        results = [kb.story(s.id) for s in kb.stories()]
        results.append(kb.search("Xi Jinping", limit=5))
    assert len(results) > 2 and any(r.quotes and r.timeline for r in results[:-1])
    for result in results:
        expected = [jsonable(asdict(x)) for x in result] if isinstance(result, list) else jsonable(asdict(result))
        assert generic(result) == expected
