"""``Results``: the list type the Python API returns, convertible to pandas and Arrow.

A ``Results`` is a plain ``list`` of model objects (articles, entities, quotes...) with three
conversions: ``to_records()`` (JSON-ready dicts, the export format's records where the type has
one), ``to_pandas()`` and ``to_arrow()``. pandas and pyarrow are the ``frames`` extra
(``pip install 'newsgraph[frames]'``); without them the conversion raises NG422.
"""

from __future__ import annotations

import dataclasses
import importlib
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from newsgraph.errors import QueryError

T = TypeVar("T")


def plain(value: Any) -> Any:
    """Any model value as JSON-ready data: dataclasses as dicts, enums as their value, datetimes
    as ISO 8601 text, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        from newsgraph.query.export import record_of  # the export format's record, where the type has one

        known = record_of(value)
        if known is not None:
            return known
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def require(module: str) -> Any:
    """Import an optional dependency of the ``frames`` extra, or raise NG422."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise QueryError("NG422", f"{module} is not installed") from None


class Results(list[T]):
    """A list of model objects, as every ``KnowledgeBase`` listing returns."""

    def to_records(self) -> list[dict[str, Any]]:
        """Each item as a JSON-ready dict (the export format's record for articles, entities,
        mentions, quotes, figures, times, events and stories)."""
        out = []
        for item in self:
            value = plain(item)
            out.append(value if isinstance(value, dict) else {"value": value})
        return out

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``, one row an item; nested values stay lists and dicts. NG422
        when pandas is not installed."""
        pandas = require("pandas")
        return pandas.DataFrame.from_records(self.to_records())

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table``, one row an item, nested values as Arrow lists and structs.
        NG422 when pyarrow is not installed."""
        pyarrow = require("pyarrow")
        return pyarrow.Table.from_pylist(self.to_records())

    def __repr__(self) -> str:
        return f"Results({list.__repr__(self)})"
