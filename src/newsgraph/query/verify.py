"""``newsgraph verify``: every stored evidence against its article text, and the store's invariants."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsgraph.model import Evidence, EvidenceError, check_evidence
from newsgraph.store import SpanRow, count_articles, index_failures, invariant_failures, open_store, span_rows


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """One thing that does not hold: which check, which fact, and why."""

    check: str
    item: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyReport:
    """What ``verify`` found.

    Attributes:
        db: the knowledge base checked.
        articles: articles stored.
        spans: evidence spans checked.
        failures: everything that does not hold (empty when the store is sound).
    """

    db: str
    articles: int
    spans: int
    failures: tuple[Failure, ...]

    @property
    def ok(self) -> bool:
        return not self.failures


def _check_span(row: SpanRow) -> str | None:
    if row.article_text is None:
        return f"its article {row.article_id} is not stored" + (f" or has no {row.field}" if row.field != "text" else "")
    try:
        evidence = Evidence(article_id=row.article_id, start=row.start, end=row.end, text=row.text, field=row.field)
    except EvidenceError as exc:
        return str(exc)
    return check_evidence(evidence, row.article_text)


def verify(db: str | Path) -> VerifyReport:
    """Check every stored evidence (``article.text[start:end] == text``), every invariant, and that
    each index finds what a scan of its table finds (on a sample of its keys)."""
    failures: list[Failure] = []
    spans = 0
    with open_store(db, read_only=True) as store:
        for row in span_rows(store):
            spans += 1
            reason = _check_span(row)
            if reason is not None:
                failures.append(Failure(check=row.table, item=f"{row.fact} in {row.article_id}", reason=reason))
        for what, item in invariant_failures(store):
            failures.append(Failure(check="invariant", item=item, reason=what))
        for what, item in index_failures(store):
            failures.append(Failure(check="index", item=item, reason=what))
        articles = count_articles(store, duplicates=True)
    return VerifyReport(db=str(db), articles=articles, spans=spans, failures=tuple(failures))
