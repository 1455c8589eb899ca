"""Evidence: the exact characters of an article a fact was read from."""

from __future__ import annotations

from dataclasses import dataclass


class EvidenceError(ValueError):
    """An evidence span does not match the article text it claims to come from."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A half-open span of an article's canonical text (or of its deck).

    Attributes:
        article_id: id of the article whose ``text`` the offsets index.
        start: 0-based offset of the first character (Python string index).
        end: offset one past the last character.
        text: ``article.text[start:end]``, kept so a reader needs no second lookup.
        field: which of the article's texts the offsets index: ``"text"`` (the body, nearly
            always), ``"deck"`` (a standfirst split off the body) or ``"title"`` (the headline),
            both read for facts too.
    """

    article_id: str
    start: int
    end: int
    text: str
    field: str = "text"

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise EvidenceError(f"bad span [{self.start}, {self.end}) in article {self.article_id}")
        if len(self.text) != self.end - self.start:
            raise EvidenceError(
                f"span [{self.start}, {self.end}) has length {self.end - self.start} "
                f"but its text has length {len(self.text)}"
            )


def evidence_from(article_id: str, text: str, start: int, end: int) -> Evidence:
    """Build the evidence for ``text[start:end]``; the only way extractors should make one."""
    if not 0 <= start <= end <= len(text):
        raise EvidenceError(f"span [{start}, {end}) outside a text of length {len(text)}")
    return Evidence(article_id=article_id, start=start, end=end, text=text[start:end])


FIELDS = ("text", "deck", "title")


def check_evidence(evidence: Evidence, text: str) -> str | None:
    """Return why ``evidence`` does not hold against ``text`` (the article's ``evidence.field``),
    or None when it does."""
    if evidence.end > len(text):
        return f"span [{evidence.start}, {evidence.end}) runs past the text ({len(text)} chars)"
    actual = text[evidence.start : evidence.end]
    if actual != evidence.text:
        return f"span [{evidence.start}, {evidence.end}) reads {actual!r}, expected {evidence.text!r}"
    return None
