"""One table of settings. Precedence: defaults < config file < environment < command line.

A config file is TOML (``newsgraph.toml`` in the working directory, or the path in
``NEWSGRAPH_CONFIG``) with a ``[newsgraph]`` table of the names below. The environment variable
for a setting is ``NEWSGRAPH_`` + its name in upper case.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError


@dataclass(frozen=True, slots=True, kw_only=True)
class Setting:
    """One setting: its name, type, default and help text."""

    name: str
    type: type
    default: Any
    help: str

    @property
    def env(self) -> str:
        return f"NEWSGRAPH_{self.name.upper()}"


SETTINGS: tuple[Setting, ...] = (
    Setting(name="db", type=str, default="newsgraph.duckdb", help="the knowledge base file (DuckDB)"),
    Setting(name="model", type=str, default="", help="spaCy model name or path; empty picks the pinned en_core_web_md"),
    Setting(name="ner", type=str, default="spacy",
            help="named entities: spacy (spaCy's, with newsgraph's rules) or combined (newsgraph's trained recogniser voting with spaCy's: better NER on CoNLL, slower, and it lowers 5W1H who; see README)"),
    Setting(name="batch_size", type=int, default=64, help="articles per batch (one store transaction each)"),
    Setting(name="workers", type=int, default=0, help="NLP worker processes (0 = one a core; 1 = in the calling process)"),
    Setting(name="memory_limit", type=str, default="1GB",
            help="DuckDB's memory limit while ingesting (e.g. 512MB, 4GB); empty leaves DuckDB's default (80% of RAM)"),
    Setting(name="max_bytes", type=int, default=256 * 1024 * 1024, help="largest single input file read, in bytes"),
    Setting(name="lock_timeout", type=float, default=30.0,
            help="seconds a reader or a second writer waits for the knowledge base while another process holds it (then NG307)"),
    Setting(name="max_extract_chars", type=int, default=200_000,
            help="longest text extracted, in characters: a longer article is stored whole, its facts read from its first part (NG203); 0 = no limit"),
    Setting(name="near_duplicate_threshold", type=float, default=0.8, help="MinHash Jaccard threshold for near-duplicates"),
    Setting(name="host", type=str, default="127.0.0.1", help="address `newsgraph serve` binds to (loopback unless told otherwise)"),
    Setting(name="port", type=int, default=8000, help="port `newsgraph serve` listens on"),
    Setting(name="write_token", type=str, default="", help="bearer token that enables POST /api/ingest; empty serves read-only"),
    Setting(name="query_timeout", type=float, default=5.0, help="seconds a web request's queries may run before they are interrupted (NG431)"),
    Setting(name="serve_workers", type=int, default=0,
            help="`newsgraph serve` worker processes (0 = one a core, at most 4); each holds its own read-only connection"),
    Setting(name="read_slots", type=int, default=1,
            help="requests a serve worker reads the knowledge base for at once; more wait in line (their time limit starts when they run)"),
    Setting(name="queue_timeout", type=float, default=30.0,
            help="seconds a web request may wait in line for a read slot before it is answered 503 NG320"),
    Setting(name="vector_cache", type=int, default=200_000,
            help="most article vectors a long-lived reader (a held KnowledgeBase, the server) keeps in memory for semantic search (1.5 KB each; 0: none, search the table each time)"),
    Setting(name="max_page_size", type=int, default=200, help="largest ?size= a list endpoint accepts"),
    Setting(name="max_body_bytes", type=int, default=4 * 1024 * 1024, help="largest request body POST /api/ingest accepts (NG437 above)"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, raw: Any, origin: str) -> Any:
    try:
        if setting.type is bool and isinstance(raw, str):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        return setting.type(raw)
    except (TypeError, ValueError):
        raise InputError("NG115", f"{origin}: {setting.name} must be {setting.type.__name__}, got {raw!r}") from None


def _config_file() -> dict[str, Any]:
    path = Path(os.environ.get("NEWSGRAPH_CONFIG", "newsgraph.toml"))
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError("NG115", f"cannot read config file {path}: {exc}") from None
    table = data.get("newsgraph", {})
    unknown = sorted(set(table) - set(_BY_NAME))
    if unknown:
        raise InputError("NG115", f"{path}: unknown settings {', '.join(unknown)}")
    return table


def resolve(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """All settings, each from the strongest source that gives it."""
    values = {s.name: s.default for s in SETTINGS}
    for name, raw in _config_file().items():
        values[name] = _coerce(_BY_NAME[name], raw, "config file")
    for setting in SETTINGS:
        if setting.env in os.environ:
            values[setting.name] = _coerce(setting, os.environ[setting.env], setting.env)
    for name, raw in (overrides or {}).items():
        if raw is not None:
            values[name] = _coerce(_BY_NAME[name], raw, f"--{name.replace('_', '-')}")
    return values


def get(name: str, override: Any = None) -> Any:
    """One setting's value."""
    return resolve({name: override})[name]
