"""Listing commands: --limit where lists can be long, unknown --type rejected with the choices, figures in
plain notation, ids never broken across lines (over the examples knowledge base, built with NLP)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph.cli.app import plain_number

ID = re.compile(r"\b(?:art|ent)_[0-9a-f]{16}\b")


@pytest.mark.parametrize("command", ["entities", "quotes", "figures", "events", "articles", "log"])
def test_cli_list_commands_take_a_limit(newsgraph, examples_kb: Path, command: str) -> None:
    whole = json.loads(newsgraph(command, "--db", examples_kb, "--json").stdout)
    limited = newsgraph(command, "--db", examples_kb, "--json", "--limit", "2")
    assert limited.returncode == 0, limited.stderr
    assert json.loads(limited.stdout) == whole[:2]


@pytest.mark.parametrize(("command", "given", "valid"), [("entities", "person", "PERSON"), ("events", "protest", "PROTEST")])
def test_cli_type_is_case_insensitive(newsgraph, examples_kb: Path, command: str, given: str, valid: str) -> None:
    proc = newsgraph(command, "--db", examples_kb, "--type", given, "--json")
    assert proc.returncode == 0, proc.stderr
    assert all(row["type"] == valid for row in json.loads(proc.stdout))


@pytest.mark.parametrize(("command", "choices"), [("entities", "'PERSON', 'ORG'"), ("events", "'AGREE', 'CONSULT'")])
def test_cli_unknown_type_is_rejected_with_the_choices(newsgraph, examples_kb: Path, command: str, choices: str) -> None:
    proc = newsgraph(command, "--db", examples_kb, "--type", "PERSNO")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "Invalid value for '--type': 'PERSNO' is not one of" in proc.stderr
    assert choices.lower() in proc.stderr.lower()


def test_plain_number_never_uses_exponents() -> None:
    assert [plain_number(v) for v in (1e6, 700_000_000.0, 2.5, 0.0004, 12, 1.5e-7, None)] == [
        "1000000", "700000000", "2.5", "0.0004", "12", "0.00000015", ""]


def test_cli_figures_print_plain_numbers(newsgraph, examples_kb: Path) -> None:
    values = [f["value"] for f in json.loads(newsgraph("figures", "--db", examples_kb, "--json").stdout)]
    assert any(v >= 1e6 for v in values)
    proc = newsgraph("figures", "--db", examples_kb)
    assert proc.returncode == 0 and not re.search(r"\de[+-]\d", proc.stdout)
    assert "700000000" in proc.stdout


@pytest.mark.parametrize("command", ["articles", "quotes", "figures", "events"])
def test_cli_table_ids_are_never_broken(newsgraph, examples_kb: Path, command: str) -> None:
    rows = json.loads(newsgraph(command, "--db", examples_kb, "--json").stdout)
    wanted = {r.get("id") if command == "articles" else r["article_id"] for r in rows}
    proc = newsgraph(command, "--db", examples_kb, env=None)
    assert set(ID.findall(proc.stdout)) == wanted
