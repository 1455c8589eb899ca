"""`newsgraph eval` through the real CLI: task options, the table, and its errors."""

from __future__ import annotations

import json
from pathlib import Path


def test_cli_eval_passes_split_and_limit_to_the_task(newsgraph, shared_data: Path) -> None:
    proc = newsgraph("eval", "quotes", "--data", shared_data / "polnear", "--split", "train", "--limit", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["task"] == "quotes"
    assert any("train: 3 articles" in note for note in report["notes"]), report["notes"]
    names = [m["name"] for m in report["metrics"]]
    assert {"e2e_f1_0.3", "e2e_f1_0.8", "source_exact_f1", "cue_exact_f1", "content_exact_f1"} <= set(names)


def test_cli_eval_option_pairs_are_parsed_as_json(newsgraph, test_data: Path) -> None:
    proc = newsgraph("eval", "segmentation", "--data", test_data / "segmentation", "-o", "single_article=false", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["task"] == "segmentation"


def test_cli_eval_bad_option_is_a_usage_error(newsgraph, test_data: Path) -> None:
    proc = newsgraph("eval", "segmentation", "--data", test_data / "segmentation", "-o", "nonsense")
    assert proc.returncode == 2
    assert "--option takes KEY=VALUE, got 'nonsense'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_eval_unknown_task_and_missing_data_are_coded_errors(newsgraph, tmp_path: Path) -> None:
    proc = newsgraph("eval", "nosuchtask", "--data", tmp_path)
    assert proc.returncode == 1 and proc.stderr.startswith("error NG404: unknown evaluation task 'nosuchtask'")
    proc = newsgraph("eval", "ner", "--data", tmp_path / "absent")
    assert proc.returncode == 1 and proc.stderr.startswith("error NG405: evaluation data not found")
    proc = newsgraph("eval", "ner", "--data", tmp_path)  # a folder where the task reads a file
    assert proc.returncode == 1 and proc.stderr.startswith("error NG405: evaluation data not found"), proc.stderr
    (tmp_path / "eng.testa").mkdir()
    (tmp_path / "eng.testa" / "x.txt").write_text("-DOCSTART- -X- O O\n", encoding="utf-8")
    proc = newsgraph("eval", "ner", "--data", tmp_path / "eng.testa")
    assert proc.returncode == 1 and proc.stderr.startswith("error NG482: the data at"), proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_eval_events_tasks_bad_data_are_coded_errors(newsgraph, tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("not a MEANTIME folder\n", encoding="utf-8")
    proc = newsgraph("eval", "meantime", "--data", tmp_path)
    assert proc.returncode == 1 and proc.stderr.startswith("error NG480: no MEANTIME English articles"), proc.stderr
    proc = newsgraph("eval", "events-bbc", "--data", tmp_path, "-o", f"golden={tmp_path / 'none.json'}")
    assert proc.returncode == 1 and proc.stderr.startswith("error NG481: no golden file"), proc.stderr
    assert "Traceback" not in proc.stderr
