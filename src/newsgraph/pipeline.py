"""read → clean → de-duplicate → extract → write, one batch at a time, streaming.

``ingest`` is what ``newsgraph ingest`` calls; ``ingest_records`` takes already-read records
(``Article | Skip``), for callers with their own reader. Each batch is written in one store
transaction, so a run killed part-way leaves every finished batch stored and nothing half-written;
ids are deterministic, so running again finishes the job without doubling anything.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsgraph import settings
from newsgraph.model import Article, ArticleFacts, Duplicate, DuplicateKind, Entity, LogLevel, Skip
from newsgraph.resolve.assign import with_entity_ids
from newsgraph.resolve.entities import resolve_entities
from newsgraph.resolve.duplicates import Fingerprint, Prior, dedup_text, find_duplicates, fingerprint, word_set
from newsgraph.runner.local import LocalRunner, Runner
from newsgraph.store import Batch, Signature, Store, article_texts, existing_ids, finish_run, open_store, prior_matches, read_entities, start_run, write_batch


@dataclass(slots=True, kw_only=True)
class IngestSummary:
    """What a run did.

    Attributes:
        run_id: the run's id (in the store's ``runs`` table and ingest log).
        db: the knowledge base written.
        read: articles the readers produced.
        stored: new articles kept (not duplicates).
        duplicates: new articles recorded as duplicates of a kept one (not extracted).
        unchanged: articles already in the store from an earlier run, left as they were.
        extracted: articles whose facts were extracted in this run.
        skipped: ingest-log codes → count, for inputs or articles that were not stored.
        batches: batches written.
        embedded: kept articles given a search vector (each batch's, right after it was written).
        fts_seconds: the one rebuild of the full-text index at the end of the run.
    """

    run_id: str
    db: str
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    unchanged: int = 0
    extracted: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    embedded: int = 0
    fts_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["skipped"] = dict(sorted(self.skipped.items()))
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How a run goes: batch size, near-duplicate threshold, whether to extract facts and embed articles."""

    batch_size: int = 64
    threshold: float = 0.8
    extract: bool = False
    embed: bool = True


def _duplicate_skip(article: Article, dup: Duplicate) -> Skip:
    exact = dup.kind is DuplicateKind.EXACT
    reason = (f"exact duplicate of {dup.duplicate_of}" if exact
              else f"near duplicate of {dup.duplicate_of} (word-set Jaccard {dup.similarity:.3f})")
    return Skip(source=article.source.describe(), code="NG120" if exact else "NG121", reason=reason,
                level=LogLevel.INFO, article_id=article.id)


class _Extractor:
    """Facts for a run's new, kept articles: spaCy extraction, then entity resolution.

    The spaCy pipeline is loaded on the first batch that needs it, and the entities already in the
    store are loaded once, then kept up to date with each batch's resolution, so that a batch joins
    the entities of every batch before it.
    """

    def __init__(self, store: Store, enabled: bool) -> None:
        self.store, self.enabled = store, enabled
        self.nlp: Any = None
        self.known: dict[str, Entity] | None = None

    def __call__(self, articles: Sequence[Article]) -> tuple[list[ArticleFacts], tuple[Entity, ...], list[Skip]]:
        """THE place where a batch's facts are produced: extract, resolve, carry entity ids."""
        if not self.enabled or not articles:
            return [], (), []
        from newsgraph import nlp

        if self.nlp is None:
            self.nlp = nlp.load_pipeline(settings.get("model") or None)
        if self.known is None:
            self.known = {e.id: e for e in read_entities(self.store)}
        facts, failures = self._extract(articles)
        resolution = resolve_entities(facts, list(self.known.values()))
        self.known.update((e.id, e) for e in resolution.entities)
        return [with_entity_ids(f, resolution.assignment) for f in facts], resolution.entities, failures

    def _extract(self, articles: Sequence[Article]) -> tuple[list[ArticleFacts], list[Skip]]:
        """The batch's facts; when extraction breaks on an article (a bug met on untrusted text),
        that article alone is stored without facts and logged as NG202, and the run goes on."""
        from newsgraph import nlp

        try:
            return list(nlp.extract(articles, nlp=self.nlp)), []
        except Exception:  # noqa: BLE001 - find the article that broke it, one by one
            facts: list[ArticleFacts] = []
            failures: list[Skip] = []
            for article in articles:
                try:
                    facts.extend(nlp.extract([article], nlp=self.nlp))
                except Exception as exc:  # noqa: BLE001
                    failures.append(Skip(source=article.source.describe(), code="NG202", level=LogLevel.ERROR,
                                         reason=f"extraction failed ({type(exc).__name__}: {exc}); stored without facts",
                                         article_id=article.id))
            return facts, failures


def _prior(store: Store, fps: Sequence[Fingerprint]) -> Prior:
    """What the store knows that ``fps`` may duplicate. Band candidates (and their texts, for the
    exact Jaccard check) are fetched only for articles with no exact match."""
    exact = prior_matches(store, [f.exact_hash for f in fps], []).exact
    open_fps = [f for f in fps if f.exact_hash not in exact]
    if not open_fps:
        return Prior(exact=exact)
    matches = prior_matches(store, [], sorted({b for f in open_fps for b in f.bands}))
    candidates = sorted(matches.order)
    words = {aid: word_set(dedup_text(a)) for aid, a in article_texts(store, candidates).items()}
    return Prior(exact=exact, bands=matches.bands, words=words, order=matches.order)


class _Ingest:
    """One run's state: the open store, the pending batch and the running summary."""

    def __init__(self, store: Store, options: IngestOptions, runner: Runner, summary: IngestSummary) -> None:
        self.store, self.options, self.runner, self.summary = store, options, runner, summary
        self.articles: list[Article] = []
        self.skips: list[Skip] = []
        self.skipped: Counter[str] = Counter()
        self.extract = _Extractor(store, options.extract)

    def add(self, record: Article | Skip) -> bool:
        """Queue one record; True when the batch is full."""
        if isinstance(record, Skip):
            self.skips.append(record)
            self.skipped[record.code] += 1
        elif not record.text.strip():
            self.add(Skip(source=record.source.describe(), code="NG114", reason="the article has no text once cleaned"))
        else:
            self.summary.read += 1
            self.articles.append(record)
        return len(self.articles) >= self.options.batch_size or len(self.skips) >= 4 * self.options.batch_size

    def flush(self) -> None:
        """De-duplicate, extract and write the pending batch in one transaction."""
        if not self.articles and not self.skips:
            return
        known = existing_ids(self.store, [a.id for a in self.articles])
        new: list[Article] = []
        for article in self.articles:
            if article.id in known:
                self.summary.unchanged += 1
            else:
                known.add(article.id)
                new.append(article)
        fps = self.runner.map(fingerprint, new)
        found = find_duplicates(fps, _prior(self.store, fps), threshold=self.options.threshold)
        duplicates = [d for d in found if d is not None]
        kept = [a for a, d in zip(new, found) if d is None]
        skips = self.skips + [_duplicate_skip(a, d) for a, d in zip(new, found) if d is not None]
        facts, entities, failures = self.extract(kept)
        skips += failures
        self.skipped.update(f.code for f in failures)
        signatures = [Signature(article_id=f.article_id, exact_hash=f.exact_hash, bands=f.bands, signature=f.signature)
                      for f, d in zip(fps, found) if d is None]
        write_batch(self.store, Batch(run_id=self.summary.run_id, articles=new, skips=skips,
                                      duplicates=duplicates, signatures=signatures, facts=facts,
                                      entities=entities))
        self.summary.stored += len(kept)
        self.summary.duplicates += len(duplicates)
        self.summary.extracted += len(facts)
        self.summary.skipped = dict(self.skipped)
        self.summary.batches += 1
        self.articles, self.skips = [], []
        _keep_searchable(self.store, self.summary, [a.id for a in kept] if self.options.embed else None)


def _keep_searchable(store: Store, summary: IngestSummary, ids: Sequence[str] | None, *, end: bool = False,
                     embed: bool = True) -> None:
    """Search stays current: a written batch's kept articles get their vectors (``ids``; None when
    embedding is off). At the end of the run, any kept article still without one gets it (a run
    killed between a batch's commit and its vectors is repaired by the next run), and the fts index
    is rebuilt once (DuckDB's fts index does not see rows added after it was built, and a rebuild
    costs in proportion to the whole base), unless the run stored nothing and the index is current."""
    from newsgraph import indexing

    if ids:
        summary.embedded += indexing.embed_articles(store, ids)
    if end and embed:
        summary.embedded += indexing.embed_articles(store)
    if end and (summary.stored or summary.duplicates or not indexing.text_index_current(store)):
        summary.fts_seconds = round(indexing.rebuild_text_index(store)[2], 3)


def ingest_records(
    records: Iterable[Article | Skip],
    *,
    db: str | Path,
    options: IngestOptions = IngestOptions(),
    runner: Runner | None = None,
    inputs: Sequence[str] = (),
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Store ``records`` in the knowledge base at ``db``, batch by batch; return the summary."""
    summary = IngestSummary(run_id=f"run_{uuid.uuid4().hex[:16]}", db=str(db))
    with open_store(db) as store:
        start_run(store, summary.run_id, inputs)
        run = _Ingest(store, options, runner or LocalRunner(), summary)
        for record in records:
            if run.add(record):
                run.flush()
                if progress:
                    progress(summary)
        run.flush()
        _keep_searchable(store, summary, None, end=True, embed=options.embed)
        summary.skipped = dict(run.skipped)
        if progress:
            progress(summary)
        finish_run(store, summary.run_id, json.dumps(summary.to_dict()))
    return summary


def ingest(
    inputs: Sequence[str],
    *,
    db: str | Path | None = None,
    format: str = "auto",
    published: datetime | None = None,
    text_field: str | None = None,
    title_field: str | None = None,
    url_field: str | None = None,
    date_field: str | None = None,
    extract: bool = False,
    embed: bool = True,
    batch_size: int | None = None,
    threshold: float | None = None,
    runner: Runner | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Read ``inputs`` (paths, folders, globs, ``-``) and store them in the knowledge base ``db``."""
    from newsgraph.readers import ReadOptions, read

    values = settings.resolve({"db": db, "batch_size": batch_size, "near_duplicate_threshold": threshold})
    read_options = ReadOptions(format=format, published=published, text_field=text_field, title_field=title_field,
                               url_field=url_field, date_field=date_field, max_bytes=values["max_bytes"])
    options = IngestOptions(batch_size=max(1, values["batch_size"]), threshold=values["near_duplicate_threshold"], extract=extract,
                            embed=embed)
    return ingest_records(read(list(inputs), options=read_options), db=values["db"], options=options,
                          runner=runner, inputs=inputs, progress=progress)
