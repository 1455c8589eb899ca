"""WARC reader (plain or gzipped): HTML response records through the HTML extractor."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator

from newsgraph.model import Article, LogLevel, SourceFormat, SourcePointer, Skip
from newsgraph.readers.html import article_from_page, extract_page
from newsgraph.readers.options import ReadOptions
from newsgraph.readers.registry import register
from newsgraph.readers.source import ReadFailure, Source


def sniff_warc(head: bytes) -> bool:
    """A WARC file starts with its version line."""
    return head.startswith(b"WARC/")


@register("warc", extensions=("warc", "arc"), sniff=sniff_warc, priority=20)
def read_warc(source: Source, options: ReadOptions) -> Iterator[Article | Skip]:
    """Read the HTML response records of a WARC; a corrupt record ends it with NG110."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(source.raw, no_record_parse=False)
    index = -1
    offset = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                return
            index += 1
            response = record.rec_type == "response"
            url = record.rec_headers.get_header("WARC-Target-URI")
            kind = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            # read the payload before asking for the offset: warcio's offset call moves the stream
            payload = record.content_stream().read() if response and "html" in kind.lower() else b""
            offset = records.get_record_offset()
            if not response:
                continue
        except (ReadFailure, EOFError, zlib.error, gzip.BadGzipFile):
            raise  # the caller turns these into NG112 / NG108
        except Exception as error:  # noqa: BLE001 - warcio raises many types on corrupt input
            raise ReadFailure(
                "NG110", f"{source.path}: corrupt WARC after record {index} at byte {offset} ({error})"
            ) from error
        pointer = SourcePointer(path=source.path, format=SourceFormat.WARC, byte_offset=offset,
                                record=index, url=url)
        if not payload:
            yield Skip(source=pointer.describe(), code="NG107", level=LogLevel.INFO,
                       reason=f"response for {url} is {kind or 'of no type'}, not HTML")
            continue
        page = extract_page(payload, url=url)
        if page is None:
            yield Skip(source=pointer.describe(), code="NG107", reason=f"no article body found for {url}")
            continue
        yield article_from_page(page, pointer, options)
