"""The in-process runner: maps a pure per-article function over a batch, in order, here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Runner(Protocol):
    """Where per-article work runs. ``map`` must return results in the order of ``items``."""

    name: str

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]: ...


class LocalRunner:
    """Runs everything in the calling process (the default; a process pool comes later)."""

    name = "local"

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return [fn(item) for item in items]
