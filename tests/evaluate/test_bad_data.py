"""Every eval task, handed data of the wrong shape, answers a coded error (never a traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import evaluate as evaluation
from newsgraph.errors import NewsgraphError

TASKS = sorted(evaluation.tasks())


def _inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "sub").mkdir()
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\x00\xff not json, not utf-8 {\"a\":\n")
    other = tmp_path / "other"  # a folder of files of some other kind
    other.mkdir()
    (other / "notes.txt").write_text("Plain words about nothing in particular.\n", encoding="utf-8")
    (other / "table.json").write_text('{"rows": [1, 2, 3]}', encoding="utf-8")
    numbers = tmp_path / "numbers.json"  # JSON, but not the shape any task reads
    numbers.write_text("[1, 2, 3]", encoding="utf-8")
    return {"empty folder": empty, "undecodable file": junk, "folder of other files": other, "JSON of another shape": numbers}


@pytest.mark.parametrize("task", TASKS)
def test_eval_task_on_wrong_data_is_a_coded_error_or_an_empty_report(task: str, tmp_path: Path) -> None:
    for what, data in _inputs(tmp_path).items():
        try:
            report = evaluation.run(task, data, limit=2)
        except NewsgraphError as exc:
            assert exc.code.startswith("NG4"), (task, what, exc.code)
            assert str(data) in str(exc), (task, what, str(exc))
        else:  # a task that reads any text (a file as one document) may score nothing, but says so
            assert report.task == task, (task, what)


def test_empty_folder_is_not_found_and_a_file_for_a_folder_is_ng482(tmp_path: Path) -> None:
    data = _inputs(tmp_path)
    with pytest.raises(NewsgraphError) as caught:
        evaluation.run("ner", data["empty folder"])
    assert caught.value.code == "NG405" and "no files" in str(caught.value)
    with pytest.raises(NewsgraphError) as caught:
        evaluation.run("quotes", data["undecodable file"])
    assert caught.value.code == "NG482" and "quotes" in str(caught.value)
    with pytest.raises(NewsgraphError) as caught:
        evaluation.run("ner", data["folder of other files"])
    assert caught.value.code == "NG482"
