"""Evaluation on public benchmarks: loaders for their formats and the scorers (`newsgraph eval`).

Each task is a module of this package that defines ``NAME`` (the task name users type, e.g.
``"ner"``), ``DESCRIPTION`` (one line) and ``evaluate(data: Path, **options) -> Report``. Tasks are
found by scanning the package, so adding a module adds a task. Heavy imports stay inside
``evaluate`` so that listing tasks is cheap.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from newsgraph.errors import NewsgraphError, QueryError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Metric:
    """One figure of a report, with the anchor's figure beside it when there is one.

    Attributes:
        name: metric name, stable across runs (floors refer to it): ``"boundary_f1"``.
        ours: our figure.
        anchor: the anchor's figure, or None.
        anchor_label: what the anchor is ("trafilatura (published)", "spaCy md, same run").
    """

    name: str
    ours: float
    anchor: float | None = None
    anchor_label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """What an evaluation prints: its metrics in order, and notes (data sizes, caveats)."""

    task: str
    data: str
    metrics: tuple[Metric, ...]
    notes: tuple[str, ...] = field(default=())

    def value(self, name: str) -> float:
        """The figure named ``name``; KeyError when the report has none."""
        for metric in self.metrics:
            if metric.name == name:
                return metric.ours
        raise KeyError(name)


def _modules() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        name = getattr(module, "NAME", None)
        if isinstance(name, str) and callable(getattr(module, "evaluate", None)):
            found[name] = module
    return found


def tasks() -> dict[str, str]:
    """Task name → one-line description, sorted by name."""
    return {name: module.DESCRIPTION for name, module in sorted(_modules().items())}


def run(task: str, data: Path, **options: object) -> Report:
    """Run one evaluation task on ``data``."""
    modules = _modules()
    if task not in modules:
        raise QueryError("NG404", f"unknown evaluation task {task!r} (tasks: {', '.join(sorted(modules))})")
    if not data.exists():
        raise QueryError("NG405", f"evaluation data not found at {data}")
    if data.is_dir() and not any(p.is_file() for p in data.rglob("*")):
        raise QueryError("NG405", f"evaluation data not found: {data} is a folder with no files in it")
    evaluate: Callable[..., Report] = modules[task].evaluate
    try:
        return evaluate(data, **options)
    except NewsgraphError:
        raise
    except (OSError, UnicodeError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        # data of another shape than the task reads (a file for a folder, a folder for a file,
        # another benchmark's files, bytes that are not UTF-8): a coded error, not a traceback
        log.debug("eval %s on %s failed", task, data, exc_info=True)
        raise QueryError("NG482", f"the data at {data} cannot be read as {task!r} data "
                                  f"({type(exc).__name__}: {exc})") from exc
