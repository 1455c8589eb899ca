"""`newsgraph search` and `newsgraph index` through the real CLI, on the seed and on bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from newsgraph.store.articles import ARTICLE_COLUMNS, article_row
from newsgraph.store.schema import MIGRATIONS, _V_SEARCH


def _search(newsgraph, db: Path, *args: object):
    proc = newsgraph("search", *args, "--db", db)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def _hits(newsgraph, db: Path, *args: object) -> list[dict]:
    proc = _search(newsgraph, db, *args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["hits"]


def test_search_soybeans_ranks_the_first_seed_article_first(newsgraph, seed_kb, seed_articles) -> None:
    proc = _search(newsgraph, seed_kb, "soybeans")
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.splitlines()[1]
    assert seed_articles["japan"].id in first
    assert "«soybeans»" in proc.stdout
    hits = _hits(newsgraph, seed_kb, "soybeans")
    assert hits[0]["article_id"] == seed_articles["japan"].id
    assert hits[0]["text_score"] > 0 and hits[0]["semantic_score"] is not None
    start, end = hits[0]["marks"][0]
    assert hits[0]["snippet"][start:end].lower() == "soybeans"


@pytest.mark.parametrize(("args", "code"), [
    (("",), "NG406"),
    (("   \t ",), "NG406"),
    (("the of and", "--text"), "NG407"),
    (("x" * 10_000,), "NG408"),
    (("Trump", "--story", "sto_missing"), "NG409"),
    (("Trump", "--entity", "Nobody Atall"), "NG402"),
])
def test_search_bad_input_is_a_coded_error(newsgraph, seed_kb, args, code) -> None:
    proc = _search(newsgraph, seed_kb, *args)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"error {code}: "), proc.stderr


def test_search_escapes_terminal_control_characters(newsgraph, tmp_path) -> None:
    feed = tmp_path / "escape.jsonl"
    text = "Harvest news.\u001b[2J\u001b]0;owned\u0007 Soybean farmers met the minister on Tuesday to talk about prices."
    feed.write_text(json.dumps({"title": "Soybean \u001b[31mred", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "esc.duckdb"
    assert newsgraph("ingest", feed, "--db", db, "--no-nlp").returncode == 0
    proc = _search(newsgraph, db, "soybean farmers", "--text")
    assert proc.returncode == 0 and "soybean" in proc.stdout.lower()
    assert "\u001b" not in proc.stdout and "\u0007" not in proc.stdout


def _old_base(path: Path, article) -> None:
    """A knowledge base as written before search existed: the migrations before _V_SEARCH, one article."""
    before = MIGRATIONS[: MIGRATIONS.index(_V_SEARCH)]
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, statements in enumerate(before, start=1):
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", [number])
    row = article_row(article, 0, "run_old")
    conn.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' for _ in row)})", list(row))
    conn.close()


def test_search_on_a_base_built_before_search_says_run_index(newsgraph, tmp_path, seed_articles) -> None:
    db = tmp_path / "old.duckdb"
    _old_base(db, seed_articles["japan"])
    proc = _search(newsgraph, db, "soybeans")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error NG450: ") and f"newsgraph index --db {db}" in proc.stderr
    built = newsgraph("index", "--db", db, "--json")
    assert built.returncode == 0, built.stderr
    summary = json.loads(built.stdout)
    assert summary["embedded"] == 1 and summary["articles_indexed"] == 1
    assert _hits(newsgraph, db, "soybeans")[0]["article_id"] == seed_articles["japan"].id


def test_search_no_embed_then_index(newsgraph, tmp_path, seed_path, seed_articles) -> None:
    db = tmp_path / "noembed.duckdb"
    ingest = newsgraph("ingest", seed_path, "--db", db, "--no-nlp", "--no-embed", "--json")
    assert ingest.returncode == 0 and json.loads(ingest.stdout)["embedded"] == 0
    assert _hits(newsgraph, db, "soybeans", "--text")[0]["article_id"] == seed_articles["japan"].id
    proc = _search(newsgraph, db, "soybeans", "--semantic")
    assert proc.returncode == 1 and proc.stderr.startswith("error NG411: ")
    again = newsgraph("index", "--db", db)
    assert again.returncode == 0 and "embedded 5 articles" in again.stdout
    assert _hits(newsgraph, db, "soybeans", "--semantic")[0]["article_id"] == seed_articles["japan"].id
    assert json.loads(newsgraph("index", "--db", db, "--json").stdout)["embedded"] == 0  # nothing missing


def test_search_sees_a_later_run_and_verify_passes(newsgraph, verified, tmp_path, seed_kb) -> None:
    db = tmp_path / "grow.duckdb"
    shutil.copy(seed_kb, db)
    assert _hits(newsgraph, db, "soybeans", "--text")
    feed = tmp_path / "later.jsonl"
    feed.write_text(json.dumps({"title": "Quinoa exports", "text": "Bolivia said quinoa exports doubled this year."}) + "\n",
                    encoding="utf-8")
    run = newsgraph("ingest", feed, "--db", db, "--no-nlp", "--json")
    assert run.returncode == 0 and json.loads(run.stdout)["embedded"] == 1
    hits = _hits(newsgraph, db, "quinoa", "--text")
    assert len(hits) == 1 and hits[0]["title"] == "Quinoa exports"
    verified(db)


def test_search_vectors_of_an_older_model_say_so_until_index(newsgraph, tmp_path, seed_path, seed_articles) -> None:
    from newsgraph.store import open_store

    db = tmp_path / "older.duckdb"
    assert newsgraph("ingest", seed_path, "--db", db, "--no-nlp").returncode == 0
    with open_store(db) as store, store.transaction() as conn:  # as an older newsgraph left it
        conn.execute("UPDATE embeddings SET model = 'newsgraph.minilm-l6.v1'")
    proc = _search(newsgraph, db, "soybeans", "--semantic")
    assert proc.returncode == 1 and proc.stderr.startswith("error NG411: the vectors of "), proc.stderr
    assert "newsgraph.minilm-l6.v1" in proc.stderr and f"newsgraph index --db {db}" in proc.stderr
    assert _hits(newsgraph, db, "soybeans", "--text")[0]["article_id"] == seed_articles["japan"].id
    assert "embedded 5 articles" in newsgraph("index", "--db", db).stdout
    assert _hits(newsgraph, db, "soybeans", "--semantic")[0]["article_id"] == seed_articles["japan"].id
