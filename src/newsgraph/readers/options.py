"""Options every reader takes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

DEFAULT_MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read the inputs.

    Attributes:
        format: ``auto`` (sniff content, then extension) or a registered reader name
            (``text``, ``jsonl``, ``html``, ``feed``, ``warc``).
        text_field: JSON field holding the article text; None tries ``text``, ``body``, ``content``.
        title_field: JSON field holding the title; None means ``title``.
        url_field: JSON field holding the URL; None means ``url``.
        date_field: JSON field holding the date; None tries ``date``, ``published``, ``date_publish``.
        published: fallback publication time (aware UTC) for articles that give none.
        max_bytes: the most (decompressed) bytes read from one input; past it the input is
            skipped with NG112, keeping the articles read so far.
    """

    format: str = "auto"
    text_field: str | None = None
    title_field: str | None = None
    url_field: str | None = None
    date_field: str | None = None
    published: datetime | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
