"""Corrections by a person (`newsgraph entity-edit`, ``KnowledgeBase.merge`` ...): kept as rules that
hold for articles ingested later, listed, undoable (undoing every edit gives the base that never had
them), and refused with coded errors for unknown entities and edits. Real spaCy, real DuckDB files;
the articles in tests/data/curate/ were written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph
import newsgraph as newsgraph_api
from newsgraph.errors import QueryError

DATA = Path(__file__).resolve().parents[1] / "data" / "curate"


def snapshot(db: Path) -> tuple[set, dict]:
    records = newsgraph.open(db, read_only=True, keep_open=False).records()
    entities = {(e["id"], e["name"], e["type"], tuple(sorted(a["text"] for a in e["aliases"])), tuple(sorted(e["article_ids"])))
                for e in records["entities"]}
    return entities, {m["id"]: m["entity_id"] for m in records["mentions"]}


def named(db: Path, text: str) -> set[tuple[str, str]]:
    """(entity name, type) of the mentions written ``text``."""
    records = newsgraph.open(db, read_only=True, keep_open=False).records()
    by_id = {e["id"]: (e["name"], e["type"]) for e in records["entities"]}
    return {by_id.get(m["entity_id"], ("-", "-")) for m in records["mentions"] if m["text"] == text}


@pytest.fixture(scope="module")
def untouched(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both files ingested, one run each, never edited."""
    db = tmp_path_factory.mktemp("curate") / "plain.duckdb"
    kb = newsgraph.open(db)
    kb.ingest(DATA / "first.jsonl", embed=False)
    kb.ingest(DATA / "second.jsonl", embed=False)
    return db


def test_entity_edits_hold_for_later_articles_and_undo_restores(tmp_path: Path, untouched: Path, verified) -> None:
    db = tmp_path / "kb.duckdb"
    kb = newsgraph.open(db)
    kb.ingest(DATA / "first.jsonl", embed=False)
    kennedy = kb.entity("Charles Kennedy").entity.id
    made = [kb.merge("Democrat", "Liberal"), kb.rename("Liberal", "Liberal Democrats"),
            kb.merge("Charles", "Charles Kennedy")]
    assert made[-1].entity.id == kennedy and "Charles" in {a.text for a in made[-1].entity.aliases}
    split = kb.split("Charles Kennedy", "Charles")
    made += [split, kb.rename(split.entity.id, "Prince Charles"), kb.retype("Downing Street", "ORG"), kb.drop("Tony Blair")]
    assert [c.action.value for c in kb.edits()] == ["merge", "rename", "merge", "split", "rename", "retype", "drop"]
    kb.ingest(DATA / "second.jsonl", embed=False)  # the rules apply to the new articles' entities
    assert named(db, "Liberal") == {("Liberal Democrats", "ORG")}
    assert named(db, "Democrat") == {("Liberal Democrats", "ORG")}
    assert named(db, "Charles Kennedy") == {("Charles Kennedy", "PERSON")}
    assert ("Prince Charles", "PERSON") in named(db, "Charles") and ("Charles Kennedy", "PERSON") not in named(db, "Charles")
    assert named(db, "Downing Street") == {("Downing Street", "ORG")}
    assert named(db, "Tony Blair") == {("-", "-")}
    prince = kb.entity("Prince Charles").entity
    assert prince.id == split.entity.id and len(prince.article_ids) == 3
    assert {r.title for r in kb.entity(kennedy).entity.roles} == {"leader"}  # the prince's title left with him
    verified(db)
    for edit in reversed(made):
        kb.undo_edit(edit.curation.id)
    assert all(not c.active for c in kb.edits()) and kb.edits(active_only=True) == []
    assert snapshot(db) == snapshot(untouched)
    verified(db)


def test_entity_edit_cli_reports_lists_and_refuses_bad_ids(newsgraph, tmp_path: Path, untouched: Path) -> None:
    db = tmp_path / "kb.duckdb"
    db.write_bytes(untouched.read_bytes())
    proc = newsgraph("entity-edit", "retype", "Tories", "norp", "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["curation"]["action"] == "retype" and out["curation"]["value"] == "NORP"
    assert out["entity"]["name"] == "Tories" and out["entity"]["type"] == "NORP"
    listed = json.loads(newsgraph("entity-edit", "list", "--db", db, "--json").stdout)
    assert [(c["id"], c["active"]) for c in listed] == [(out["curation"]["id"], True)]
    table = newsgraph("entity-edit", "list", "--db", db)
    assert out["curation"]["id"] in table.stdout and "in force" in table.stdout
    bad = newsgraph("entity-edit", "merge", "Nobody Here", "Tories", "--db", db)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr, bad.stderr
    assert bad.stderr.startswith("error NG470: no entity named or with id 'Nobody Here'"), bad.stderr
    kb = newsgraph_api.open(db)
    cases = [
        (lambda: kb.merge("Tories", "Tories"), "NG472", "cannot merge 'Tories'"),
        (lambda: kb.split("Charles Kennedy", "Prince Charles"), "NG474", "'Charles Kennedy'"),
        (lambda: kb.rename("Tories", "  "), "NG472", "the new name is empty"),
        (lambda: kb.undo_edit("cur_0000000000000000"), "NG473", "no entity edit with id 'cur_0000000000000000'"),
        (lambda: kb.edit("explode", "Tories"), "NG403", "unknown edit 'explode'"),
    ]
    for call, code, message in cases:
        with pytest.raises(QueryError) as err:
            call()
        assert err.value.code == code and err.value.message.startswith(message), err.value.message
    assert newsgraph("entity-edit", "undo", out["curation"]["id"], "--db", db).returncode == 0
    again = newsgraph("entity-edit", "undo", out["curation"]["id"], "--db", db)
    assert again.returncode == 1 and "already undone" in again.stderr
    assert snapshot(db) == snapshot(untouched)


def test_entity_edit_needs_a_writable_base(untouched: Path) -> None:
    with pytest.raises(QueryError) as err:
        newsgraph.open(untouched, read_only=True, keep_open=False).drop("Tories")
    assert err.value.code == "NG421"
