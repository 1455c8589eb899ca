"""Opening inputs: paths, folders, globs and stdin; gzip by magic bytes; size caps; text checks.

Everything that can go wrong while opening or streaming an input becomes a ``ReadFailure`` with an
NG1xx code, which ``read`` turns into a ``Skip``: nothing here lets an exception end a run.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

HEAD_BYTES = 64 * 1024
MAX_LINE_CHARS = 8 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"
_BINARY_MAGICS = (
    b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x7fELF", b"GIF8", b"\xff\xd8\xff", b"BZh",
    b"\xfd7zXZ", b"SQLite format 3", b"\x00\x00\x01\x00", b"MZ",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


class ReadFailure(Exception):
    """An input, or the rest of it, cannot be read: carries the NG code and a reason."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read, found from an input argument.

    Attributes:
        path: the path as shown in source pointers (``-`` for stdin).
        folder: the folder argument it was found under, when it came from one.
    """

    path: str
    folder: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """An opened input: its first bytes (decompressed) and a stream over all of it.

    Attributes:
        path: the path as given (``-`` for stdin).
        head: up to the first 64 KiB of the decompressed content, for sniffing.
        stream: the whole decompressed content, head included, capped at ``max_bytes``.
        compressed: True when the file was gzip.
        suffixes: lower-case suffixes of the name without dots and without ``gz``.
    """

    path: str
    head: bytes
    stream: BinaryIO
    compressed: bool
    suffixes: tuple[str, ...]


def expand(inputs: list[str] | tuple[str, ...]) -> Iterator[InputFile | tuple[str, str, str]]:
    """Turn input arguments into files, sorted and deterministic.

    Yields ``InputFile`` records, and ``(path, code, reason)`` for an argument that names nothing
    (NG101) or a folder that holds no files (NG102).
    """
    for given in inputs:
        if given == STDIN:
            yield InputFile(STDIN)
            continue
        path = Path(given)
        if path.is_file():
            yield InputFile(given)
        elif path.is_dir():
            yield from _folder(given)
        elif any(ch in given for ch in "*?["):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield (given, "NG101", f"no file matches the pattern {given!r}")
            for match in matches:
                yield from _folder(match) if Path(match).is_dir() else (InputFile(match),)
        else:
            yield (given, "NG101", f"path not found: {given}")


def _folder(folder: str) -> Iterator[InputFile | tuple[str, str, str]]:
    root = Path(folder)
    found = False
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            found = True
            yield InputFile(os.path.join(dirpath, name), folder=folder)
    if not found:
        yield (folder, "NG102", f"the folder {folder} holds no files to read")


def open_source(item: InputFile, max_bytes: int) -> Source:
    """Open one file (or stdin): detect gzip by its magic bytes and read the head for sniffing."""
    try:
        raw: BinaryIO = sys.stdin.buffer if item.path == STDIN else open(item.path, "rb")  # noqa: SIM115
    except OSError as error:
        raise ReadFailure("NG101", f"cannot open {item.path}: {error.strerror or error}") from error
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    compressed = buffered.peek(2)[:2] == GZIP_MAGIC
    inner: BinaryIO = gzip.GzipFile(fileobj=buffered, mode="rb") if compressed else buffered  # type: ignore[assignment]
    try:
        head = inner.read(HEAD_BYTES)
    except (EOFError, OSError, gzip.BadGzipFile) as error:
        raise ReadFailure("NG108", f"{item.path} is a corrupt or truncated gzip file ({error})") from error
    if not head:
        raise ReadFailure("NG105", f"{item.path} is empty")
    stream = io.BufferedReader(_CappedStream(head, inner, max_bytes, item.path), buffer_size=HEAD_BYTES)
    return Source(path=item.path, head=head, stream=stream, compressed=compressed, suffixes=_suffixes(item.path))


def _suffixes(path: str) -> tuple[str, ...]:
    suffixes = [s.lower().lstrip(".") for s in Path(path).suffixes]
    return tuple(reversed([s for s in suffixes if s not in ("gz", "gzip")]))


class _CappedStream(io.RawIOBase):
    """The head bytes, then the rest of the stream; raises NG112 past ``limit`` bytes."""

    def __init__(self, head: bytes, rest: BinaryIO, limit: int, path: str) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._limit = limit
        self._path = path
        self._total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            count = min(len(buffer), self._head.nbytes)
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
        else:
            data = self._rest.read(len(buffer))
            count = len(data)
            buffer[:count] = data
        self._total += count
        if self._total > self._limit:
            raise ReadFailure("NG112", f"{self._path} is larger than the limit of {self._limit} bytes")
        return count


def check_binary(source: Source) -> None:
    """Raise NG104 when the head looks like a binary file rather than text."""
    head = source.head
    if head.startswith(tuple(bom for bom, _ in _BOMS)):
        return
    if head.startswith(_BINARY_MAGICS) or b"\x00" in head:
        raise ReadFailure("NG104", f"{source.path} is a binary file, not text")
    sample = head[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    if controls > len(sample) * 0.05:
        raise ReadFailure("NG104", f"{source.path} is a binary file, not text ({controls} control bytes)")


def detect_encoding(source: Source) -> str:
    """The text encoding of a source: BOM, else UTF-8, else charset-normalizer's guess; NG103 if none."""
    head = source.head
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is None:
        raise ReadFailure("NG103", f"{source.path} is not UTF-8 and its encoding cannot be detected")
    return best.encoding


def text_lines(source: Source, encoding: str) -> Iterator[tuple[int, str, int]]:
    """Stream ``(line number, line without its end, byte offset)`` with bounded memory.

    A line longer than ``MAX_LINE_CHARS`` raises NG112; bytes that do not decode raise NG103.
    Byte offsets are exact for single-byte-per-unit encodings and UTF-8.
    """
    reader = io.TextIOWrapper(source.stream, encoding=encoding, errors="strict", newline="")
    offset = 3 if encoding == "utf-8-sig" else 0
    number = 0
    while True:
        try:
            line = reader.readline(MAX_LINE_CHARS)
        except UnicodeDecodeError as error:
            raise ReadFailure(
                "NG103", f"{source.path}: bytes after line {number} do not decode as {encoding} ({error.reason})"
            ) from error
        if not line:
            return
        number += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise ReadFailure(
                "NG112", f"{source.path}: line {number} is longer than {MAX_LINE_CHARS} characters (no line breaks?)"
            )
        yield number, line.rstrip("\r\n"), offset
        offset += len(line.encode("utf-8")) if encoding.startswith("utf-8") else len(line)
