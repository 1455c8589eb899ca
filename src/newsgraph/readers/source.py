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
READ_CHUNK = 4096  # small reads: a truncated gzip loses at most this much before its error
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
_NOT_CONTROLS = bytes(b for b in range(256) if b >= 32 or b in _TEXT_CONTROLS)  # deleted when counting


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
        stream: the whole decompressed content, head included, capped at ``max_bytes`` (buffered).
        raw: the same content unbuffered: each read returns what is there, so a consumer keeps the
            bytes read before a corrupt gzip tail (``raw.error`` then holds the failure).
        compressed: True when the file was gzip.
        suffixes: lower-case suffixes of the name without dots and without ``gz``.
    """

    path: str
    head: bytes
    stream: BinaryIO
    raw: CappedStream
    compressed: bool
    suffixes: tuple[str, ...]


def expand(inputs: list[str] | tuple[str, ...] | list[object]) -> Iterator[InputFile | tuple[str, str, str]]:
    """Turn input arguments into files, sorted and deterministic.

    Yields ``InputFile`` records, and ``(path, code, reason)`` for an argument that names nothing
    (NG101) or a folder that holds no files (NG102).
    """
    for argument in inputs:
        given = str(argument)
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
        head, rest = _read_head(inner, item.path)
        if not head:
            raise ReadFailure("NG105", f"{item.path} is empty")
    except (EOFError, OSError, gzip.BadGzipFile, ReadFailure) as error:
        if item.path != STDIN:
            inner.close()
            buffered.close()
        if isinstance(error, ReadFailure):
            raise
        raise ReadFailure("NG108", f"{item.path} is a corrupt or truncated gzip file ({error})") from error
    raw = CappedStream(head, rest, max_bytes, item.path, owned=() if item.path == STDIN else (inner, buffered))
    stream = io.BufferedReader(raw, buffer_size=HEAD_BYTES)
    return Source(path=item.path, head=head, stream=stream, raw=raw, compressed=compressed,
                  suffixes=_suffixes(item.path))


def _read_head(inner: BinaryIO, path: str) -> tuple[bytes, BinaryIO]:
    """Up to ``HEAD_BYTES`` from the start; a corrupt gzip after some good bytes is raised later."""
    chunks: list[bytes] = []
    size = 0
    while size < HEAD_BYTES:
        try:
            chunk = inner.read(min(HEAD_BYTES - size, READ_CHUNK))
        except (EOFError, OSError, gzip.BadGzipFile) as error:
            if not chunks:
                raise
            return b"".join(chunks), _Failing(error)  # type: ignore[return-value]
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks), inner


class _Failing:
    """A stream that raises, once its good bytes (already in the head) are used up."""

    def __init__(self, error: Exception) -> None:
        self._error = error

    def read(self, size: int = -1) -> bytes:
        raise self._error

    def close(self) -> None:
        return None


def _suffixes(path: str) -> tuple[str, ...]:
    suffixes = [s.lower().lstrip(".") for s in Path(path).suffixes]
    return tuple(reversed([s for s in suffixes if s not in ("gz", "gzip")]))


class CappedStream(io.RawIOBase):
    """The head bytes, then the rest of the stream; raises NG112 past ``limit`` bytes."""

    def __init__(self, head: bytes, rest: BinaryIO, limit: int, path: str, owned: tuple[BinaryIO, ...]) -> None:
        self._owned = owned
        self.error: Exception | None = None
        self._head = memoryview(head)
        self._rest = rest
        self._limit = limit
        self._path = path
        self._total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        room = min(len(buffer), self._limit - self._total)
        if room <= 0:
            if self._head.nbytes or self._rest.read(1):
                self.error = ReadFailure("NG112", f"{self._path} is larger than the limit of {self._limit} bytes")
                raise self.error
            return 0
        if self._head.nbytes:
            count = min(room, self._head.nbytes)
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
        else:
            try:
                data = self._rest.read(min(room, READ_CHUNK))
            except Exception as error:
                self.error = error
                raise
            count = len(data)
            buffer[:count] = data
        self._total += count
        return count

    def close(self) -> None:
        for stream in self._owned:
            stream.close()
        super().close()


def check_binary(source: Source) -> None:
    """Raise NG104 when the head looks like a binary file rather than text."""
    head = source.head
    if head.startswith(tuple(bom for bom, _ in _BOMS)):
        return
    if head.startswith(_BINARY_MAGICS) or b"\x00" in head:
        raise ReadFailure("NG104", f"{source.path} is a binary file, not text")
    sample = head[:8192]
    controls = len(sample.translate(None, _NOT_CONTROLS))
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
