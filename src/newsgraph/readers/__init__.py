"""Readers: raw bytes to ``Article`` records, one module a format, all in one registry.

Contract (implemented by this package):

    read(inputs: Sequence[str], *, options: ReadOptions) -> Iterator[Article | Skip]

``inputs`` are paths, folders, globs or ``-`` for stdin; gzip is opened transparently;
``options.format`` is ``auto`` or a registered reader name. Every input that cannot be read, and
every record dropped, comes out as a ``Skip`` with its NG1xx code and reason: never an exception
that ends the run, never a silent drop.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import replace

from newsgraph.model import Article, LogLevel, Skip
from newsgraph.readers import registry
from newsgraph.readers.dates import to_utc
from newsgraph.readers.options import ReadOptions
from newsgraph.readers.registry import ReaderSpec, register
from newsgraph.readers.source import InputFile, ReadFailure, expand, open_source

__all__ = ["ReadOptions", "ReaderSpec", "read", "register", "readers"]

_FAILURE_CODES = {"text": "NG103", "jsonl": "NG106", "html": "NG107", "feed": "NG109", "warc": "NG110"}


def readers() -> dict[str, ReaderSpec]:
    """The registered readers by name."""
    return registry.readers()


def read(inputs: Sequence[str], *, options: ReadOptions = ReadOptions()) -> Iterator[Article | Skip]:
    """Read articles from files, folders, globs or stdin (``-``), in a deterministic order.

    Yields each ``Article`` as soon as it is read, and a ``Skip`` (code and reason) for every
    input or record that could not be read; what was read before a failure is kept.
    """
    if options.published is not None and options.published.tzinfo is None:
        options = replace(options, published=to_utc(options.published))
    if options.format != "auto" and registry.get(options.format) is None:
        known = ", ".join(sorted(registry.readers()))
        yield Skip(source=", ".join(inputs) or "-", code="NG111",
                   reason=f"unknown input format {options.format!r} (formats: auto, {known})")
        return
    folder: str | None = None
    folder_has_article = False
    for entry in expand(list(inputs)):
        current = entry.folder if isinstance(entry, InputFile) else None
        if folder is not None and current != folder:
            yield from _folder_end(folder, folder_has_article)
            folder_has_article = False
        folder = current
        if not isinstance(entry, InputFile):
            yield Skip(source=entry[0], code=entry[1], reason=entry[2])
            continue
        for item in _read_file(entry, options):
            folder_has_article = folder_has_article or isinstance(item, Article)
            yield item
    if folder is not None:
        yield from _folder_end(folder, folder_has_article)


def _folder_end(folder: str, had_article: bool) -> Iterator[Skip]:
    if not had_article:
        yield Skip(source=folder, code="NG102", reason=f"no readable article in the folder {folder}")


def _read_file(entry: InputFile, options: ReadOptions) -> Iterator[Article | Skip]:
    try:
        source = open_source(entry, options.max_bytes)
    except ReadFailure as failure:
        yield Skip(source=entry.path, code=failure.code, reason=failure.reason)
        return
    except Exception as error:  # noqa: BLE001 - the contract: a bad input never ends a run
        yield Skip(source=entry.path, code="NG119", level=LogLevel.ERROR,
                   reason=f"unexpected failure opening {entry.path}: {error!r}")
        return
    if options.format == "auto":
        spec = registry.choose(source.suffixes, source.head) or registry.get("text")
    else:
        spec = registry.get(options.format)
    assert spec is not None
    try:
        yield from spec.read(source, options)
        if source.raw.error is not None:  # a library swallowed the stream's failure: report it
            raise source.raw.error
    except ReadFailure as failure:
        yield Skip(source=source.path, code=failure.code, reason=failure.reason)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        yield Skip(source=source.path, code="NG108",
                   reason=f"{source.path} is corrupt or truncated ({error}); what could be read was kept")
    except Exception as error:  # noqa: BLE001 - the contract: a bad input never ends a run
        code = _FAILURE_CODES.get(spec.name, "NG104")
        yield Skip(source=source.path, code=code, reason=f"{spec.name} reader failed on {source.path}: {error!r}")
    finally:
        source.stream.close()
