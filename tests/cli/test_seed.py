"""The seed dump through the real CLI: five articles, kickers, decks, truncation, boilerplate."""

from __future__ import annotations

import json
from pathlib import Path


def test_cli_seed_ingest_then_export_shows_five_articles(tmp_path: Path, seed_path: Path, newsgraph, verified) -> None:
    db = tmp_path / "kb.duckdb"
    proc = newsgraph("ingest", seed_path, "--no-nlp", "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["stored"] == 5
    data = json.loads(newsgraph("export", "--format", "json", "--db", db).stdout)
    articles = data["articles"]
    assert [(a["source"]["line"], a["source"]["end_line"]) for a in articles] == [(1, 15), (16, 16), (17, 17), (18, 18), (19, 19)]
    assert [a["truncated"] for a in articles] == [False, True, True, True, True]
    assert [a["kicker"] for a in articles] == [None, None, "COMMUNIST ALIGNMENT", None, "ICE DISPUTE"]
    assert articles[2]["deck"] and articles[4]["deck"]
    for a in (articles[2], articles[4]):
        assert not a["text"].startswith(a["kicker"]) and not a["text"].startswith(a["deck"])
        assert a["deck"] not in a["text"]
    assert [b["text"] for b in articles[0]["boilerplate"]] == ["Photo: AFP"]
    assert articles[0]["boilerplate"][0]["kind"] == "photo_credit"
    assert "Photo: AFP" not in articles[0]["text"]
    verified(db)
