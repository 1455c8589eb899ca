"""``newsgraph reextract``: run extraction again over stored articles, in place.

Every article's facts record the extractor versions that made them (``extracted.extractors``, and
each fact's ``extractor``). ``reextract(db, stale=True)`` re-runs only the articles whose facts an
older (or another) version made; without ``stale`` every kept article is re-run, or only the ones
named. The text, the article's id and its versions never change; facts are replaced, and since a
fact's id comes from its article, kind and offsets, a fact that did not change keeps its id (the
summary counts kept, new and gone ids). Entity identity is updated as an ingest would: what the
re-run articles gave it is taken back, their new entities are resolved against the rest of the
base, with the entity edits in force (``newsgraph.curation``). Opening the base for writing first
applies any missing schema migration. The full-text index is rebuilt once at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from newsgraph import settings
from newsgraph.errors import QueryError
from newsgraph.model import Entity
from newsgraph.resolve.assign import with_entity_ids
from newsgraph.resolve.entities import resolve_entities
from newsgraph.store import (
    article_texts, extraction_state, fact_ids, open_store, read_curations, read_entities, replace_extraction,
)

__all__ = ["ReextractSummary", "reextract", "stale_articles"]


@dataclass(slots=True, kw_only=True)
class ReextractSummary:
    """What a re-extraction did.

    Attributes:
        db: the knowledge base.
        current: the extractor versions of this newsgraph.
        considered: kept articles looked at (all, or the ones named).
        reextracted: articles whose extraction was run again.
        stale: of those considered, articles whose facts an older version made.
        failed: articles whose extraction broke (logged NG202; their earlier facts are kept).
        kept_ids: facts whose id is the same after the run (the fact did not change).
        new_ids: facts that are new or changed.
        gone_ids: facts that are gone or changed.
        by_version: how many re-run articles each earlier set of versions had made ("a, b, ...").
    """

    db: str
    current: tuple[str, ...] = ()
    considered: int = 0
    reextracted: int = 0
    stale: int = 0
    failed: int = 0
    kept_ids: int = 0
    new_ids: int = 0
    gone_ids: int = 0
    by_version: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["current"] = list(self.current)
        return out


def _is_stale(made: tuple[str, ...] | None, current: tuple[str, ...]) -> bool:
    return made is not None and set(made) != set(current)


def stale_articles(db: str | Path) -> list[str]:
    """Ids of the stored articles whose facts an extractor version other than this newsgraph's made."""
    from newsgraph.nlp import extractor_versions

    current = extractor_versions()
    with open_store(db) as store:
        return [aid for aid, made in extraction_state(store) if _is_stale(made, current)]


def reextract(db: str | Path, *, stale: bool = False, article_ids: Sequence[str] = (), batch_size: int = 64,
              model: str = "", progress: Callable[[ReextractSummary], None] | None = None) -> ReextractSummary:
    """Run extraction again over the stored articles of ``db``: only the stale ones with ``stale``,
    only ``article_ids`` when given (NG401 for an id not stored; NG475 when nothing is left to do
    and ids were named), else every kept article."""
    from newsgraph.nlp import extractor_versions
    from newsgraph.pipeline import Extractor

    current = extractor_versions()
    summary = ReextractSummary(db=str(db), current=current)
    with open_store(db) as store:
        state = extraction_state(store, list(article_ids))
    missing = sorted(set(article_ids) - {aid for aid, _ in state})
    if missing:
        raise QueryError("NG401", f"no stored (kept) article with id {missing[0]!r} in {db}")
    summary.considered = len(state)
    summary.stale = sum(_is_stale(made, current) for _, made in state)
    todo = [(aid, made) for aid, made in state if not stale or _is_stale(made, current)]
    if article_ids and not todo:
        raise QueryError("NG475", f"none of the {len(article_ids)} articles named is stale in {db}")
    extractor = Extractor(model or settings.get("model"), max_chars=settings.get("max_extract_chars"), embed=False)
    try:
        for start in range(0, len(todo), max(1, batch_size)):
            _batch(db, todo[start:start + max(1, batch_size)], extractor, summary)
            if progress:
                progress(summary)
    finally:
        extractor.release()
    if summary.reextracted:
        from newsgraph import indexing
        from newsgraph.store.digest import refresh

        with open_store(db) as store:
            indexing.rebuild_text_index(store)
            refresh(store)  # the entity pages the new facts changed
    return summary


def _batch(db: str | Path, batch: Sequence[tuple[str, tuple[str, ...] | None]], extractor: Any,
           summary: ReextractSummary) -> None:
    ids = [aid for aid, _ in batch]
    with open_store(db) as store:
        articles = article_texts(store, ids)
    extracted = extractor([articles[i] for i in ids if i in articles])
    facts = list(extracted.facts)
    summary.failed += len(extracted.failures) - sum(f.code in ("NG203", "NG204") for f in extracted.failures)
    if not facts:
        return
    done = [f.article_id for f in facts]
    with open_store(db) as store:
        before = fact_ids(store, done)
        known = _without(read_entities(store), set(done))
        resolution = resolve_entities(facts, known, read_curations(store, active_only=True))
        written = [with_entity_ids(f, resolution.assignment) for f in facts]
        replace_extraction(store, written, resolution.entities, resolution.removed)
        after = fact_ids(store, done)
    made = dict(batch)
    for aid in done:
        key = ", ".join(sorted(made.get(aid) or ())) or "(never extracted)"
        summary.by_version[key] = summary.by_version.get(key, 0) + 1
    summary.reextracted += len(done)
    summary.kept_ids += len(before & after)
    summary.new_ids += len(after - before)
    summary.gone_ids += len(before - after)


def _without(known: list[Entity], ids: set[str]) -> list[Entity]:
    """The known entities with what the articles ``ids`` gave them taken back (articles, aliases
    read there, roles read there). An entity left with no article stays known, so that the same
    entity found again keeps its id; one not found again is dropped as an orphan when written."""
    return [replace(e, article_ids=tuple(a for a in e.article_ids if a not in ids),
                    aliases=tuple(a for a in e.aliases if a.evidence is None or a.evidence.article_id not in ids),
                    roles=tuple(r for r in e.roles if r.article_id not in ids))
            if set(e.article_ids) & ids else e for e in known]
