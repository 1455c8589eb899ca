"""The Python API as documented: the code blocks of docs/api.md and of the README's Python API
section run, in order, against a knowledge base built from examples/; a ``text`` block after a
code block is the output it must print."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```(python|text)\n(.*?)```", re.S)


def _blocks(text: str) -> list[tuple[str, str | None]]:
    """(code, expected output or None) for each python block."""
    found = BLOCK.findall(text)
    out = []
    for i, (kind, body) in enumerate(found):
        if kind == "python":
            expected = found[i + 1][1] if i + 1 < len(found) and found[i + 1][0] == "text" else None
            out.append((body, expected))
    return out


def _readme_api() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme.split("## Python API", 1)[1].split("\n## ", 1)[0]


@pytest.fixture()
def docs_folder(examples_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    shutil.copy(examples_kb, tmp_path / "news.duckdb")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("source", ["docs/api.md", "README.md"])
def test_docs_api_code_blocks_run_and_print_what_they_show(docs_folder: Path, source: str) -> None:
    text = (REPO / source).read_text(encoding="utf-8") if source != "README.md" else _readme_api()
    blocks = _blocks(text)
    assert len(blocks) >= (6 if source == "docs/api.md" else 1)
    namespace: dict = {"__name__": "__docs__"}
    for code, expected in blocks:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"{source} block", "exec"), namespace)  # noqa: S102 - the documentation's own code
        if expected is not None:
            assert printed.getvalue() == expected, code
    assert namespace["kb"].verify().ok
