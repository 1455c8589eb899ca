"""Every command through the real CLI: results, --json, filters, errors and exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

COMMANDS = ["ingest", "articles", "show", "log", "verify", "export", "eval", "network", "watch", "serve", "search", "index",
            "stories", "story", "history", "entity-edit", "reextract"]


@pytest.fixture()
def kb(tmp_path: Path, newsgraph) -> Path:
    """A knowledge base of four JSONL articles (one an exact copy) and a text dump with a teaser."""
    records = [
        {"title": "Budget passes", "text": "The council approved the budget on Tuesday.", "date": "2025-03-04"},
        {"title": "Bridge closes", "text": "The old bridge will close for repairs next month.", "date": "2025-05-10"},
        {"title": "Budget passes", "text": "The council approved the budget on Tuesday.", "date": "2025-03-04"},
    ]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (tmp_path / "teaser.txt").write_text("Residents of the valley said that the new road would\n")
    db = tmp_path / "kb.duckdb"
    proc = newsgraph("ingest", tmp_path / "news.jsonl", tmp_path / "teaser.txt", "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["duplicates"] == 1
    return db


def listed(newsgraph, db: Path, *args: str) -> list[dict]:
    proc = newsgraph("articles", "--db", db, "--json", *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_text(newsgraph, command: str) -> None:
    proc = newsgraph(command, "--help")
    assert proc.returncode == 0
    assert len(proc.stdout.split("\n\n")[1].strip()) > 20


def test_cli_articles_filters_by_text_date_source_and_truncation(newsgraph, kb: Path, verified) -> None:
    assert [a["title"] for a in listed(newsgraph, kb)] == ["Budget passes", "Bridge closes", None]
    assert [a["title"] for a in listed(newsgraph, kb, "--text", "BRIDGE")] == ["Bridge closes"]
    assert [a["title"] for a in listed(newsgraph, kb, "--since", "2025-04-01")] == ["Bridge closes"]
    assert [a["title"] for a in listed(newsgraph, kb, "--until", "2025-04-01")] == ["Budget passes"]
    assert [a["source"]["format"] for a in listed(newsgraph, kb, "--source", "teaser")] == ["text"]
    assert [a["truncated"] for a in listed(newsgraph, kb, "--truncated")] == [True]
    assert len(listed(newsgraph, kb, "--complete")) == 2
    assert len(listed(newsgraph, kb, "--duplicates")) == 4
    assert len(listed(newsgraph, kb, "--limit", "1")) == 1
    verified(kb)


def test_cli_show_prints_an_article_with_its_duplicates(newsgraph, kb: Path) -> None:
    everything = listed(newsgraph, kb, "--duplicates")
    first, copy = everything[0], everything[2]
    detail = json.loads(newsgraph("show", first["id"], "--db", kb, "--json").stdout)
    assert detail["text"] == "The council approved the budget on Tuesday."
    assert [c["article_id"] for c in detail["copies"]] == [copy["id"]]
    assert detail["copies"][0]["kind"] == "exact"
    plain = newsgraph("show", copy["id"], "--db", kb)
    assert plain.returncode == 0
    assert f"copy of:   {first['id']} (exact, similarity 1.000)" in plain.stdout


def test_cli_show_unknown_id_exits_1_with_ng401(newsgraph, kb: Path) -> None:
    proc = newsgraph("show", "art_0000", "--db", kb)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (f"error NG401: no article with id 'art_0000' in {kb} — list ids with `newsgraph articles`")


def test_cli_log_lists_dropped_duplicates_with_their_code(newsgraph, kb: Path) -> None:
    entries = json.loads(newsgraph("log", "--db", kb, "--json").stdout)
    assert [(e["code"], e["level"]) for e in entries] == [("NG120", "info")]
    assert entries[0]["reason"].startswith("exact duplicate of art_")
    assert json.loads(newsgraph("log", "--db", kb, "--code", "NG104", "--json").stdout) == []


def test_cli_ingest_twice_changes_nothing(tmp_path: Path, newsgraph, kb: Path) -> None:
    before = newsgraph("export", "--db", kb).stdout
    again = newsgraph("ingest", tmp_path / "news.jsonl", tmp_path / "teaser.txt", "--db", kb, "--json")
    summary = json.loads(again.stdout)
    assert (summary["stored"], summary["duplicates"], summary["unchanged"]) == (0, 0, 4)
    assert newsgraph("export", "--db", kb).stdout == before


def test_cli_export_json_has_every_key(newsgraph, kb: Path) -> None:
    data = json.loads(newsgraph("export", "--db", kb, "--format", "json").stdout)
    assert (data["format"], data["version"]) == ("newsgraph-export", 1)
    for key in ("articles", "entities", "mentions", "quotes", "figures", "times", "events", "stories", "duplicates"):
        assert isinstance(data[key], list)
    assert len(data["articles"]) == 3 and len(data["duplicates"]) == 1
    for field in ("id", "source", "title", "kicker", "deck", "text", "published", "truncated", "boilerplate"):
        assert field in data["articles"][0]
    assert data["articles"][0]["published"] == "2025-03-04T00:00:00+00:00"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_cli_export_writes_one_file_a_key(tmp_path: Path, newsgraph, kb: Path, fmt: str) -> None:
    out = tmp_path / f"out-{fmt}"
    proc = newsgraph("export", "--db", kb, "--format", fmt, "--output", out)
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{k}.{fmt}" for k in ("articles", "entities", "mentions", "quotes", "figures", "times",
                                                  "events", "stories", "duplicates"))
    target = out / f"articles.{fmt}"
    if fmt == "jsonl":
        titles = [json.loads(line)["title"] for line in target.read_text().splitlines()]
    elif fmt == "csv":
        titles = [r["title"] or None for r in csv.DictReader(target.open())]
    else:
        titles = [r[0] for r in duckdb.sql(f"SELECT title FROM '{target}'").fetchall()]
    assert titles == ["Budget passes", "Bridge closes", None]


def test_cli_verify_fails_with_ng303_on_a_broken_span(tmp_path: Path, newsgraph, kb: Path) -> None:
    article = listed(newsgraph, kb)[0]
    conn = duckdb.connect(str(kb))
    conn.execute("INSERT INTO mentions (id, article_id, ev_start, ev_end, ev_text, ev_field, type, cluster, extractor)"
                 " VALUES ('men_x', ?, 4, 11, 'COUNCIL', 'text', 'ORG', 'e1', 'test')", [article["id"]])
    conn.execute("INSERT INTO mentions (id, article_id, ev_start, ev_end, ev_text, ev_field, type, cluster, extractor)"
                 " VALUES ('men_y', ?, 0, 3, 'The', 'deck', 'ORG', 'e1', 'test')", [article["id"]])
    conn.execute("INSERT INTO duplicates VALUES ('art_ghost', 'art_missing', 'near', 0.9)")
    conn.close()
    proc = newsgraph("verify", "--db", kb, "--json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["ok"] is False
    reasons = {f["reason"] for f in report["failures"]}
    assert "span [4, 11) reads 'council', expected 'COUNCIL'" in reasons
    assert f"its article {article['id']} is not stored or has no deck" in reasons
    assert {"duplicates whose copy is not stored", "duplicates of an article that is not stored"} <= reasons
    assert proc.stderr.strip() == f"error NG303: 4 checks failed in {kb} — the listed facts do not match their article text"


def test_cli_usage_errors_exit_2_without_traceback(newsgraph, kb: Path) -> None:
    for args in (["ingest"], ["articles", "--since", "yesterday", "--db", kb], ["export", "--format", "xml"], ["nope"]):
        proc = newsgraph(*args)
        assert proc.returncode == 2, args
        assert "Traceback" not in proc.stderr and proc.stderr.startswith("Usage: newsgraph")
    assert "NG115 'yesterday' is not an ISO date" in newsgraph("articles", "--since", "yesterday").stderr


def test_cli_reading_a_missing_or_foreign_db_exits_1(tmp_path: Path, newsgraph) -> None:
    proc = newsgraph("articles", "--db", tmp_path / "absent.duckdb")
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"error NG301: no knowledge base at {tmp_path / 'absent.duckdb'} — ")
    foreign = tmp_path / "notes.txt"
    foreign.write_text("plain text\n" * 1000)
    proc = newsgraph("ingest", tmp_path / "absent.txt", "--db", foreign)
    assert proc.returncode == 1 and proc.stderr.startswith(f"error NG301: cannot open {foreign}")
    assert foreign.read_text() == "plain text\n" * 1000


def test_cli_db_defaults_from_the_environment(tmp_path: Path, newsgraph, newsgraph_env) -> None:
    (tmp_path / "a.txt").write_text("One complete sentence for the default database.\n")
    env = {**newsgraph_env, "NEWSGRAPH_DB": str(tmp_path / "env.duckdb")}
    assert newsgraph("ingest", tmp_path / "a.txt", env=env).returncode == 0
    assert (tmp_path / "env.duckdb").is_file()
    assert newsgraph("articles", "--json", cwd=tmp_path).returncode == 1  # no newsgraph.duckdb there


def test_cli_eval_unknown_task_exits_1_with_ng404(tmp_path: Path, newsgraph) -> None:
    proc = newsgraph("eval", "nope", "--data", tmp_path)
    assert proc.returncode == 1 and proc.stderr.startswith("error NG404: unknown evaluation task 'nope'")


def test_cli_eval_dedup_prints_ours_beside_the_anchor(tmp_path: Path, newsgraph) -> None:
    data = tmp_path / "corpus"
    data.mkdir()
    body = " ".join(f"word{i}" for i in range(60))
    (data / "a.txt").write_text(f"Title\n\n{body}\n")
    (data / "b.txt").write_text(f"Title\n\n{body}\n\n")
    (data / "c.txt").write_text("Other\n\nSomething else entirely.\n")
    proc = newsgraph("eval", "dedup", "--data", data, "--json")
    assert proc.returncode == 0, proc.stderr
    metrics = {m["name"]: (m["ours"], m["anchor"]) for m in json.loads(proc.stdout)["metrics"]}
    assert metrics["exact_pairs_found"] == (1.0, 1.0) and metrics["precision"][0] == 1.0
    table = newsgraph("eval", "dedup", "--data", data)
    assert "exact_pairs_found" in table.stdout and "datasketch MinHashLSH(128), same run" in table.stdout


def test_cli_every_command_is_documented_in_docs_cli() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
    for command in COMMANDS:
        assert f"`newsgraph {command} " in text, command
