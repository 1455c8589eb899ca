"""The one registry of readers: built-in formats register through the same hook a plugin uses.

A reader is a function ``(source, options) -> Iterator[Article | Skip]`` registered under a name
with the file extensions it claims and, optionally, a content sniffer that looks at the first
bytes of the (decompressed) input. ``format="auto"`` asks the sniffers first (highest priority
first), then the extensions, then falls back to the plain-text reader for decodable text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from newsgraph.model import Article, Skip
    from newsgraph.readers.options import ReadOptions
    from newsgraph.readers.source import Source


class ReaderFunction(Protocol):
    """What a registered reader is: a generator of articles and skips for one source."""

    def __call__(self, source: Source, options: ReadOptions) -> Iterator[Article | Skip]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ReaderSpec:
    """A registered reader.

    Attributes:
        name: the format name users pass (``text``, ``jsonl``, ...).
        read: the reader function.
        extensions: lower-case file suffixes it claims, without a dot (``jsonl``, ``ndjson``).
        sniff: tells from the first bytes of the input whether it is this format; None when the
            format has no reliable signature.
        priority: sniffers run from the highest priority down.

    A reader runs its own input checks (``source.check_binary``, ``source.detect_encoding``) as
    its format needs: a WARC is binary, HTML and feeds decode themselves.
    """

    name: str
    read: ReaderFunction
    extensions: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None
    priority: int = 0


_READERS: dict[str, ReaderSpec] = {}


def register(
    name: str,
    *,
    extensions: tuple[str, ...] = (),
    sniff: Callable[[bytes], bool] | None = None,
    priority: int = 0,
) -> Callable[[ReaderFunction], ReaderFunction]:
    """Decorator registering a reader function under ``name`` (a later registration replaces it)."""

    def decorate(function: ReaderFunction) -> ReaderFunction:
        _READERS[name] = ReaderSpec(
            name=name, read=function, extensions=tuple(e.lower().lstrip(".") for e in extensions),
            sniff=sniff, priority=priority,
        )
        return function

    return decorate


def readers() -> dict[str, ReaderSpec]:
    """Registered readers by name (built-ins are loaded on first use)."""
    _load_builtins()
    return dict(_READERS)


def get(name: str) -> ReaderSpec | None:
    """The reader registered as ``name``, or None."""
    _load_builtins()
    return _READERS.get(name)


def choose(suffixes: tuple[str, ...], head: bytes) -> ReaderSpec | None:
    """Pick a reader for ``format="auto"`` from the file's suffixes and its first bytes."""
    _load_builtins()
    specs = sorted(_READERS.values(), key=lambda s: -s.priority)
    for spec in specs:
        if spec.sniff is not None and _sniffs(spec, head):
            return spec
    for suffix in suffixes:
        for spec in specs:
            if suffix in spec.extensions:
                return spec
    return None


def _sniffs(spec: ReaderSpec, head: bytes) -> bool:
    """A sniffer's answer; one that fails on hostile bytes (a plugin's too) just says no."""
    try:
        return bool(spec.sniff(head)) if spec.sniff is not None else False
    except Exception:  # noqa: BLE001 - sniffing must never end a run; the reader then reports the input
        return False


_loaded = False


def _load_builtins() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    # Importing a built-in module runs its @register decorator, as a plugin's import would.
    from newsgraph.readers import feed, html, jsonl, text, warc  # noqa: F401
