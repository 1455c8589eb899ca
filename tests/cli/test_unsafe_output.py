"""Control characters: stripped from canonical text at read time and recorded; every CLI output escapes
what remains in stored strings (titles, sources, log reasons), on a terminal and when piped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.cli.app import safe, safe_json

RED, OSC, BIDI = "\x1b[31m", "\x1b]0;owned\x07", "\u202e"
RAW = ("\x1b", "\x07", "\u202e", "\x9b")
BODY = f"The {RED}council{RED} approved the {OSC}harbour plan on {BIDI}Tuesday, the mayor said."
CLEAN = "The council approved the harbour plan on Tuesday, the mayor said."


def test_safe_escapes_what_a_terminal_would_act_on() -> None:
    assert safe(f"a{RED}b\x07c\u202ed\u2066e\x9bf\tg\nh") == "a\\x1b[31mb\\x07c\\u202ed\\u2066e\\x9bf\tg\nh"
    assert json.loads(safe_json(json.dumps({"t": "x\u202ey\x85"}, ensure_ascii=False))) == {"t": "x\u202ey\x85"}


@pytest.fixture()
def hostile(tmp_path: Path, newsgraph) -> tuple[Path, Path]:
    folder = tmp_path / f"in{BIDI}put"
    folder.mkdir()
    (folder / "wire.jsonl").write_text(json.dumps({"title": f"Harbour {OSC}plan{BIDI} backed", "text": BODY,
                                                   "url": f"https://example.org/{RED}a"}) + "\n")
    (folder / "dump.txt").write_text(BODY.replace("harbour", "ferry") + "\n")
    db = tmp_path / "kb.duckdb"
    proc = newsgraph("ingest", folder, "--db", db, "--no-nlp")
    assert proc.returncode == 0, proc.stderr
    assert not any(c in proc.stdout + proc.stderr for c in RAW)
    return folder, db


def _ids(newsgraph, db: Path) -> list[str]:
    return [a["id"] for a in json.loads(newsgraph("articles", "--db", db, "--json").stdout)]


def test_controls_are_stripped_and_recorded(hostile: tuple[Path, Path], newsgraph) -> None:
    _, db = hostile
    records = json.loads(newsgraph("articles", "--db", db, "--json").stdout)
    texts = sorted(r["text"] for r in records)
    assert texts == [CLEAN.replace("harbour", "ferry"), CLEAN]
    wire = next(r for r in records if "wire.jsonl" in json.dumps(r["source"]))
    assert wire["title"] == "Harbour plan backed"
    assert [(b["kind"], b["text"]) for b in wire["boilerplate"]] == [("control", RED + RED + OSC + BIDI)]
    log = json.loads(newsgraph("log", "--db", db, "--json").stdout)
    assert [(e["code"], e["level"]) for e in log] == [("NG118", "info")]
    assert "4 control character(s) removed" not in log[0]["reason"]  # whole sequences count by character
    assert "control character(s) removed, the first on line 1" in log[0]["reason"]


COMMANDS = [["articles"], ["articles", "--json"], ["log"], ["log", "--json"], ["show", "{id}"],
            ["show", "{id}", "--json"], ["export"]]


def test_cli_output_has_no_raw_control_characters(hostile: tuple[Path, Path], newsgraph) -> None:
    _, db = hostile
    ids = _ids(newsgraph, db)
    for args in COMMANDS:
        for article_id in ids if "{id}" in args else ids[:1]:
            proc = newsgraph(*[a.format(id=article_id) for a in args], "--db", db)
            assert proc.returncode == 0, proc.stderr
            assert not any(c in proc.stdout + proc.stderr for c in RAW), (args, proc.stdout)
            if "show" in args and "--json" not in args and "wire" in proc.stdout:
                assert "removed:   control at 0: \\x1b[31m\\x1b[31m\\x1b]0;owned\\x07\\u202e" in proc.stdout
                assert "in\\u202eput" in proc.stdout
            if "--json" in args or args == ["export"]:
                json.loads(proc.stdout)  # escaped, still valid JSON
    proc = newsgraph("show", f"art_{RED}nope", "--db", db)
    assert proc.returncode == 1 and "\\x1b[31m" in proc.stderr and "\x1b" not in proc.stderr
