"""JSONL and JSON reader: one record an article, with a configurable field mapping.

JSON Lines stream line by line. A JSON array (or a single object) is parsed whole, bounded by
``max_bytes``. A malformed line is skipped with NG106 and its line number; a record with no text
with NG113; a line (or document) nested deeper than ``MAX_DEPTH`` is skipped with NG116 before
it is parsed (Python's parser would recurse out of its stack); the other records are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from newsgraph.model import Article, LogLevel, SourceFormat, SourcePointer, Skip, article_id
from newsgraph.readers.clean import clean, is_truncated, normalize, split_paragraphs, strip_controls
from newsgraph.readers.dates import parse_date
from newsgraph.readers.options import ReadOptions
from newsgraph.readers.registry import register
from newsgraph.readers.source import ReadFailure, Source, check_binary, detect_encoding, LineDecoder, decode_replacing

TEXT_FIELDS = ("text", "body", "content", "maintext", "articleBody")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("date", "published", "date_publish", "published_at", "datePublished")
AUTHOR_FIELDS = ("author", "authors", "byline")
MAX_DEPTH = 64  # no news record nests this deep; json.loads recurses once a level
_STRUCTURE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


def too_deep(text: str | bytes, limit: int = MAX_DEPTH) -> bool:
    """True when JSON text opens more than ``limit`` nested arrays or objects (strings skipped).

    A linear scan that never recurses, so it is safe on hostile input of any depth.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for match in _STRUCTURE.finditer(text):
        token = match.group()
        if token in ("{", "["):
            depth += 1
            if depth > limit:
                return True
        elif token in ("}", "]"):
            depth -= 1
    return False


def _loads(text: str) -> Any:
    """``json.loads`` with the depth bound: NG116 instead of a RecursionError."""
    if too_deep(text):
        raise ReadFailure("NG116", f"JSON nested deeper than {MAX_DEPTH} levels")
    try:
        return json.loads(text, strict=False)  # raw controls in strings are read, then stripped
    except RecursionError as error:
        raise ReadFailure("NG116", f"JSON nested deeper than the parser can follow") from error


def sniff_json(head: bytes) -> bool:
    """JSON Lines or a JSON array of objects: the first line is an object, or ``[`` then ``{``."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        return stripped[1:].lstrip().startswith((b"{", b"]"))
    if not stripped.startswith(b"{"):
        return False
    first = stripped.split(b"\n", 1)[0]
    if too_deep(first):
        return True  # an object opening too deep to parse: the JSON reader logs it (NG116)
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return len(first) == len(stripped)  # one object cut by the head: still JSON


@register("jsonl", extensions=("jsonl", "ndjson", "json", "jsonlines"), sniff=sniff_json, priority=5)
def read_jsonl(source: Source, options: ReadOptions) -> Iterator[Article | Skip]:
    """Read JSON Lines (streamed) or a JSON array/object (parsed whole)."""
    check_binary(source)
    encoding = detect_encoding(source)
    if source.head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield from _read_array(source, encoding, options)
        return
    decoder = LineDecoder(source, encoding)
    yield from _records(decoder, source, options)
    for code, level, reason in decoder.notes():
        yield Skip(source=source.path, code=code, reason=reason, level=LogLevel(level))


def _records(decoder: LineDecoder, source: Source, options: ReadOptions) -> Iterator[Article | Skip]:
    index = 0
    for number, line, offset in decoder.lines():
        if not line.strip():
            continue
        locator = f"{source.path}:{number}"
        try:
            record = _loads(line)
        except ReadFailure as failure:
            yield Skip(source=locator, code=failure.code, reason=f"line {number}: {failure.reason}; the other lines were read")
            continue
        except ValueError as error:
            yield Skip(source=locator, code="NG106", reason=f"line {number} is not valid JSON ({error.msg})")
            continue
        if not isinstance(record, dict):
            yield Skip(source=locator, code="NG106", reason=f"line {number} is not a JSON object")
            continue
        pointer = SourcePointer(path=source.path, format=SourceFormat.JSONL, line=number,
                                byte_offset=offset, record=index)
        index += 1
        yield article_from_record(record, pointer, options)


def _read_array(source: Source, encoding: str, options: ReadOptions) -> Iterator[Article | Skip]:
    raw = source.stream.read()
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        text, bad, first = decode_replacing(raw, encoding)
        yield Skip(source=source.path, code="NG117", reason=f"{source.path}: {bad} byte(s) that are not "
                   f"{encoding} replaced by U+FFFD, the first at byte {first}")
    try:
        data = _loads(text)
    except ReadFailure as failure:
        raise ReadFailure(failure.code, f"{source.path}: {failure.reason}") from failure
    except ValueError as error:
        raise ReadFailure("NG106", f"{source.path} is not valid JSON ({error})") from error
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            yield Skip(source=f"{source.path}#{index}", code="NG106", reason=f"record {index} is not a JSON object")
            continue
        pointer = SourcePointer(path=source.path, format=SourceFormat.JSONL, record=index)
        yield article_from_record(record, pointer, options)


def _field(record: dict[str, Any], chosen: str | None, defaults: tuple[str, ...]) -> Any:
    for name in (chosen,) if chosen else defaults:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value if isinstance(v, str | int | float))
    return value if isinstance(value, str) and value.strip() else None


def _one_line(value: Any) -> str | None:
    """A metadata value as one normalised line (controls stripped), or None."""
    text = _as_text(value)
    return " ".join(normalize(text).split()) or None if text else None


def article_from_record(record: dict[str, Any], pointer: SourcePointer, options: ReadOptions) -> Article | Skip:
    """Build an article from one JSON record using the options' field mapping."""
    text = _as_text(_field(record, options.text_field, TEXT_FIELDS))
    wanted = options.text_field or "|".join(TEXT_FIELDS)
    if text is None:
        return Skip(source=pointer.describe(), code="NG113", reason=f"the record has no text in {wanted}")
    text, controls = strip_controls(text)
    cleaned = clean(split_paragraphs(text), controls=controls)
    if not cleaned.text:
        return Skip(source=pointer.describe(), code="NG114", reason="the article had no text once cleaned")
    title = _one_line(_field(record, options.title_field, TITLE_FIELDS))
    url = _one_line(_field(record, options.url_field, URL_FIELDS))
    published = parse_date(_field(record, options.date_field, DATE_FIELDS)) or options.published
    author = _one_line(_field(record, None, AUTHOR_FIELDS))
    pointer = SourcePointer(path=pointer.path, format=pointer.format, line=pointer.line,
                            byte_offset=pointer.byte_offset, record=pointer.record, url=url)
    return Article(
        id=article_id(pointer.describe(), cleaned.text),
        source=pointer,
        text=cleaned.text,
        title=title,
        byline=author or cleaned.byline,
        url=url,
        published=published,
        boilerplate=cleaned.boilerplate,
        truncated=is_truncated(cleaned.text),
    )
