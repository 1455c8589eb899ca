"""Cleaning shared by every reader: NFC, whitespace, boilerplate kept aside, truncation.

The canonical text is the kept paragraphs joined by ``\\n``. Boilerplate paragraphs (photo
credits, bylines, "Read more" tails) are removed and recorded with the offset in the final text
where they stood.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.model import Boilerplate, BoilerplateKind

# Terminal escape sequences go whole (ESC [31m, an OSC title ending in BEL or ST), then single
# C0/C1 controls (tab, line and page breaks excepted: they are whitespace, normalised below) and
# the bidi embeddings, overrides and isolates that can reorder what a terminal or page shows.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b\n]{0,512}\x1b\\"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -~]?"
    r"|[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\v]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
_BOILERPLATE: tuple[tuple[BoilerplateKind, re.Pattern[str]], ...] = (
    (BoilerplateKind.PHOTO_CREDIT, re.compile(
        r"^(?:\(?(?:photo|photograph|picture|image|pic|file photo|main photo|top photo|illustration|video)"
        r"(?:\s+credit)?s?\s*(?::|/|by|courtesy(?: of)?)\s*[^.!?]{1,80}\)?"
        r"|\(?(?:AFP|AP|Reuters|EPA|Getty Images|Bloomberg|Xinhua|AFP via Getty Images)"
        r"(?:\s+photos?)?\)?)\.?$", re.IGNORECASE)),
    (BoilerplateKind.BYLINE, re.compile(
        r"^(?i:by|written by|reporting by)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|van|von|bin))"
        r"{0,5}(?:\s*[,|/–-]\s*[^.!?]{1,50})?$")),
    (BoilerplateKind.READ_MORE, re.compile(
        r"^(?:read more|continue reading|also read|related|related stories|click here|sign up|"
        r"subscribe)\b[^\n]{0,150}$", re.IGNORECASE)),
    (BoilerplateKind.DATELINE, re.compile(r"^(?:posted|published|updated|last updated)\s*:?\s*[\w ,:./+-]{4,60}$",
                                          re.IGNORECASE)),
)
_TERMINAL = re.compile(r"""[.!?…]['"”’»)\]]*$|[.!?]\s*['"”’»)\]]+$""")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanText:
    """A canonical text and what was removed from it.

    Attributes:
        text: paragraphs joined by ``\\n``.
        boilerplate: removed paragraphs with their offsets into ``text``.
        byline: the first byline found, without its "By ", when there is one.
    """

    text: str
    boilerplate: tuple[Boilerplate, ...] = ()
    byline: str | None = None


def strip_controls(text: str) -> tuple[str, list[str]]:
    """The text without terminal escape sequences, C0/C1 controls and bidi controls, and what went.

    Tab, line feed, carriage return, vertical tab and form feed stay (they are whitespace).
    """
    removed: list[str] = []

    def drop(match: re.Match[str]) -> str:
        removed.append(match.group())
        return ""

    return _CONTROLS.sub(drop, text), removed


def controls_record(removed: list[str], offset: int = 0) -> Boilerplate | None:
    """The cleaning record for removed control characters (kept raw; output escapes them)."""
    if not removed:
        return None
    return Boilerplate(kind=BoilerplateKind.CONTROL, text="".join(removed)[:1000], offset=offset)


def normalize(text: str) -> str:
    """NFC, control characters and zero-width characters dropped, runs of spaces as one space, stripped."""
    text = _CONTROLS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text)
    return _SPACES.sub(" ", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """Split a text with line breaks into normalised, non-empty paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return [p for p in (normalize(part) for part in _PARAGRAPH_BREAK.split(text)) if p]


def boilerplate_kind(paragraph: str) -> BoilerplateKind | None:
    """The kind of boilerplate a whole (normalised) paragraph is, or None for content."""
    if len(paragraph) > 160:
        return None
    for kind, pattern in _BOILERPLATE:
        if pattern.match(paragraph):
            return kind
    return None


def clean(paragraphs: Iterable[str], *, normalized: bool = False, controls: list[str] | None = None) -> CleanText:
    """Normalise paragraphs, drop boilerplate (kept aside with offsets) and join them by ``\\n``.

    ``normalized`` says the paragraphs already went through ``normalize`` (saves a pass).
    ``controls``: control characters the reader removed from the raw text (``strip_controls``),
    recorded first among the boilerplate as one ``control`` record.
    """
    kept: list[str] = []
    removed: list[Boilerplate] = []
    length = 0
    byline: str | None = None
    for raw in paragraphs:
        paragraph = raw if normalized else normalize(raw)
        if not paragraph:
            continue
        kind = boilerplate_kind(paragraph)
        if kind is None:
            length += len(paragraph) + (1 if kept else 0)
            kept.append(paragraph)
            continue
        removed.append(Boilerplate(kind=kind, text=paragraph, offset=length + (1 if kept else 0)))
        if kind is BoilerplateKind.BYLINE and byline is None:
            byline = re.sub(r"^(?:by|written by|reporting by)\s+", "", paragraph, flags=re.IGNORECASE)
    text = "\n".join(kept)
    record = controls_record(controls or [])
    if record is not None:
        removed.insert(0, record)
    fixed = tuple(
        Boilerplate(kind=b.kind, text=b.text, offset=min(b.offset, len(text))) for b in removed
    )
    return CleanText(text=text, boilerplate=fixed, byline=byline)


def ends_sentence(paragraph: str) -> bool:
    """True when a paragraph ends with terminal punctuation (quotes and brackets after it allowed)."""
    stripped = paragraph.rstrip()
    return bool(stripped) and bool(_TERMINAL.search(stripped)) and not _ELLIPSIS_END.search(stripped)


def is_truncated(text: str) -> bool:
    """True when the text stops mid-sentence: no terminal punctuation, or a trailing ellipsis."""
    stripped = text.rstrip()
    if not stripped:
        return False
    last = stripped.rsplit("\n", 1)[-1]
    return not ends_sentence(last)


_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer "
    "figure figcaption hr dd dt".split()
)
_SKIPPED_TAGS = frozenset("script style noscript template".split())


class _FragmentText(HTMLParser):
    """Text of an HTML fragment with a line break at every block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\n", " "))


def html_to_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (feed content, summaries): tags stripped, blocks split."""
    if "<" not in fragment and "&" not in fragment:
        return split_paragraphs(fragment)
    parser = _FragmentText()
    try:
        parser.feed(fragment)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is tolerant; anything else falls back to the raw text
        return split_paragraphs(re.sub(r"<[^>]*>", " ", fragment))
    return split_paragraphs("".join(parser.parts))
