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
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsgraph.readers.clean import strip_controls

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
_MAX_NULS = 16  # more NUL bytes than this (and than 1% of the sample) in the head: binary
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH = re.compile(rb"[\x80-\xff]")
_LINE_BREAK = re.compile(rb"(?<=\r)(?!\n)")  # split after a lone CR (old Mac line ends)
_HAS_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
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
    """Raise NG104 when the head looks like a binary file rather than text.

    A few NUL or control bytes in text do not make it binary (they are stripped and logged when
    the text is read): a signature, NULs past ``_MAX_NULS`` or controls past 5% do.
    """
    head = source.head
    if head.startswith(tuple(bom for bom, _ in _BOMS)):
        return
    if head.startswith(_BINARY_MAGICS):
        raise ReadFailure("NG104", f"{source.path} is a binary file, not text")
    sample = head[:8192]
    nuls = sample.count(0)
    controls = len(sample.translate(None, _NOT_CONTROLS))
    if nuls > max(_MAX_NULS, len(sample) // 100) or controls > max(_MAX_NULS, len(sample) * 0.05):
        raise ReadFailure("NG104", f"{source.path} is a binary file, not text ({controls} control bytes)")


def utf8_evidence(data: bytes) -> tuple[int, int]:
    """``(valid multi-byte UTF-8 sequences, other bytes >= 0x80)`` in ``data``."""
    good = len(_UTF8_MULTI.findall(data))
    if not good:
        return 0, len(_HIGH.findall(data))
    return good, len(_HIGH.findall(_UTF8_MULTI.sub(b"", data)))


def _single_byte_western(data: bytes) -> bool:
    """High bytes standing alone between ASCII ones, as accents and £ do in Latin-1/cp1252 text.

    Multi-byte legacy encodings (Shift JIS, GBK) and non-Latin single-byte ones (cp1251, Greek)
    put high bytes side by side; those are left to charset detection.
    """
    highs = [m.start() for m in _HIGH.finditer(data)]
    if not highs:
        return False
    paired = sum(1 for a, b in zip(highs, highs[1:]) if b == a + 1)
    return paired * 4 <= len(highs)


def detect_encoding(source: Source) -> str:
    """The text encoding of a source, per the evidence in its head.

    A BOM decides. Text that is UTF-8 but for a few bad bytes (no more bad bytes than valid
    multi-byte sequences) is UTF-8: the bad bytes are replaced when read (NG117). Text whose
    high bytes stand alone (Latin-1 accents, a £) is cp1252. Only other text goes to
    charset-normalizer; NG103 when it finds nothing.
    """
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
    good, stray = utf8_evidence(head)
    if good and good >= stray:
        return "utf-8"
    if _single_byte_western(head):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is None:
        raise ReadFailure("NG103", f"{source.path} is not UTF-8 and its encoding cannot be detected")
    return best.encoding


class LineDecoder:
    """Stream ``(line number, line without its end, byte offset)`` of a text input, with bounded memory.

    ASCII-compatible encodings are read a byte line at a time and decoded per the evidence: a
    line that is not valid UTF-8 in a UTF-8 input has its bad bytes replaced by U+FFFD, unless the
    input has shown no UTF-8 yet and the line's high bytes stand alone (a Latin-1 article in an
    ASCII dump): that line is read as cp1252. Control characters and terminal escape sequences
    are stripped from every line. ``notes()`` then gives the log entries: NG117 for replaced
    bytes (count, first byte offset) and lines read as cp1252, NG118 for stripped controls.
    A line longer than ``MAX_LINE_CHARS`` bytes raises NG112.
    """

    def __init__(self, source: Source, encoding: str) -> None:
        self.source = source
        self.encoding = encoding
        self.replaced = 0
        self.first_bad: int | None = None
        self.legacy_lines = 0
        self.controls = 0
        self.first_control_line: int | None = None
        self._utf8 = codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
        self._seen_utf8 = self._utf8 and utf8_evidence(source.head)[0] > 0

    def lines(self) -> Iterator[tuple[int, str, int]]:
        if "\n".encode(self.encoding, errors="replace") != b"\n" or "a".encode(self.encoding) != b"a":
            yield from self._wide_lines()
            return
        stream = self.source.stream
        offset = number = 0
        while True:
            raw = stream.readline(MAX_LINE_CHARS)
            if not raw:
                return
            if len(raw) >= MAX_LINE_CHARS and not raw.endswith(b"\n"):
                raise ReadFailure("NG112", f"{self.source.path}: line {number + 1} is longer than "
                                           f"{MAX_LINE_CHARS} bytes (no line breaks?)")
            for piece in _LINE_BREAK.split(raw) if b"\r" in raw.rstrip(b"\r\n") else (raw,):
                if not piece:
                    continue
                number += 1
                text = self._decode(piece, offset, number)
                bom = 3 if number == 1 and self.encoding == "utf-8-sig" and piece.startswith(codecs.BOM_UTF8) else 0
                yield number, self._strip(text.rstrip("\r\n"), number), offset + bom
                offset += len(piece)

    def _decode(self, piece: bytes, offset: int, number: int) -> str:
        encoding = "utf-8-sig" if number == 1 and self.encoding == "utf-8-sig" else self.encoding
        try:
            text = piece.decode(encoding)
        except UnicodeDecodeError:
            if self._utf8 and not self._seen_utf8 and not utf8_evidence(piece)[0] and _single_byte_western(piece):
                self.legacy_lines += 1
                return piece.decode("cp1252", errors="ignore")  # its 5 unassigned bytes are controls
            text, bad, first = decode_replacing(piece, encoding)
            if bad:
                self.replaced += bad
                if self.first_bad is None:
                    self.first_bad = offset + first
            return text
        if self._utf8 and not self._seen_utf8 and any(b >= 0x80 for b in piece):
            self._seen_utf8 = True
        return text

    def _strip(self, line: str, number: int) -> str:
        if not _HAS_CONTROL.search(line):
            return line
        kept, removed = strip_controls(line)
        if removed:
            self.controls += sum(len(r) for r in removed)
            if self.first_control_line is None:
                self.first_control_line = number
        return kept

    def _wide_lines(self) -> Iterator[tuple[int, str, int]]:
        """UTF-16/32 and other encodings that are not ASCII-compatible: through TextIOWrapper."""
        reader = io.TextIOWrapper(self.source.stream, encoding=self.encoding, errors="replace", newline="")
        number = 0
        while True:
            line = reader.readline(MAX_LINE_CHARS)
            if not line:
                return
            number += 1
            if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
                raise ReadFailure("NG112", f"{self.source.path}: line {number} is longer than "
                                           f"{MAX_LINE_CHARS} characters (no line breaks?)")
            self.replaced += line.count("\ufffd")
            yield number, self._strip(line.rstrip("\r\n"), number), 0

    def notes(self) -> Iterator[tuple[str, str, str]]:
        """``(code, level, reason)`` for what decoding changed: NG117 and NG118, when any."""
        path = self.source.path
        if self.replaced:
            where = f", the first at byte {self.first_bad}" if self.first_bad is not None else ""
            yield ("NG117", "warning", f"{path}: {self.replaced} byte(s) that are not {self.encoding} replaced by "
                                       f"U+FFFD{where}")
        if self.legacy_lines:
            yield ("NG117", "info", f"{path}: {self.legacy_lines} line(s) that are not UTF-8 read as cp1252")
        if self.controls:
            yield ("NG118", "info", f"{path}: {self.controls} control character(s) removed, "
                                    f"the first on line {self.first_control_line}")


_BAD_SPANS = threading.local()


def _count_bad(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _BAD_SPANS.spans.append((error.start, error.end))
    return "\ufffd", error.end


codecs.register_error("newsgraph-count", _count_bad)


def decode_replacing(piece: bytes, encoding: str) -> tuple[str, int, int]:
    """Decode with bad bytes replaced by U+FFFD: ``(text, bad byte count, first bad index)``."""
    _BAD_SPANS.spans = []
    text = piece.decode(encoding, errors="newsgraph-count")
    spans = _BAD_SPANS.spans
    return text, sum(end - start for start, end in spans), spans[0][0] if spans else 0
