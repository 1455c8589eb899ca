"""The quality gate: every task in quality/floors runs on its public data and meets its floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import evaluate

REPO = Path(__file__).resolve().parents[2]
FLOORS = sorted((REPO / "quality" / "floors").glob("*.json"))


@pytest.mark.parametrize("floor_file", FLOORS, ids=[p.stem for p in FLOORS])
def test_floors_task_meets_its_floors(floor_file: Path) -> None:
    spec = json.loads(floor_file.read_text(encoding="utf-8"))
    data = (REPO / spec["data"]).resolve()
    if not data.exists():
        pytest.skip(f"benchmark data not found at {data}")
    report = evaluate.run(spec["task"], data, **spec.get("options", {}))
    below = {
        name: (report.value(name), floor)
        for name, floor in spec["floors"].items()
        if report.value(name) < floor
    }
    assert not below, f"{spec['task']}: figures below their floors (ours, floor): {below}"
