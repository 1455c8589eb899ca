"""read → clean → de-duplicate → extract → write, one batch at a time, streaming.

``ingest`` is what ``newsgraph ingest`` calls; ``ingest_records`` takes already-read records
(``Article | Skip``), for callers with their own reader. Each batch is written in one store
transaction, so a run killed part-way leaves every finished batch stored and nothing half-written;
ids are deterministic, so running again finishes the job without doubling anything.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from newsgraph import settings
from newsgraph.model import Article, ArticleFacts, Duplicate, DuplicateKind, Entity, LogLevel, Skip
from newsgraph.resolve.assign import with_entity_ids
from newsgraph.resolve.entities import resolve_entities
from newsgraph.resolve.duplicates import Fingerprint, Prior, dedup_text, find_duplicates, fingerprint, jaccard, word_set
from newsgraph.readers.language import UNDETERMINED, with_language
from newsgraph.runner.local import LocalRunner, Runner
from newsgraph.model import text_hash
from newsgraph.store import Stored, Update, same_source, source_key
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
        updated: stored articles replaced by a newer version from the same source (NG130).
        skipped: ingest-log codes → count, for inputs or articles that were not stored.
        batches: batches written.
    """

    run_id: str
    db: str
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    unchanged: int = 0
    extracted: int = 0
    updated: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    batches: int = 0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["skipped"] = dict(sorted(self.skipped.items()))
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How a run goes: batch size, near-duplicate threshold, whether to extract facts (the same
    default as ``newsgraph ingest``: yes), and the longest text extracted (0: no limit)."""

    batch_size: int = 64
    threshold: float = 0.8
    extract: bool = True
    max_extract_chars: int = 200_000


def _duplicate_skip(article: Article, dup: Duplicate) -> Skip:
    exact = dup.kind is DuplicateKind.EXACT
    reason = (f"exact duplicate of {dup.duplicate_of}" if exact
              else f"near duplicate of {dup.duplicate_of} (word-set Jaccard {dup.similarity:.3f})")
    return Skip(source=article.source.describe(), code="NG120" if exact else "NG121", reason=reason,
                level=LogLevel.INFO, article_id=article.id)


def _readable(articles: Sequence[Article], model_language: str) -> tuple[list[Article], list[Skip]]:
    """The articles the loaded model can read (its language, or undetermined), and an NG204 info
    entry for each of the others: stored and marked with their language, not extracted."""
    readable: list[Article] = []
    notes: list[Skip] = []
    for a in articles:
        if a.language in (None, UNDETERMINED, model_language):
            readable.append(a)
        else:
            notes.append(Skip(source=a.source.describe(), code="NG204", level=LogLevel.INFO, article_id=a.id,
                              reason=f"written in {a.language}; the installed model reads {model_language}: "
                                     "stored without facts"))
    return readable, notes


def _long_text_notes(articles: Sequence[Article], max_chars: int) -> list[Skip]:
    """An NG203 info entry for each article longer than ``max_extract_chars``: its text is stored
    whole (and searchable), its facts come from the first part only."""
    if max_chars <= 0:
        return []
    from newsgraph.nlp.windows import cut_point

    return [Skip(source=a.source.describe(), code="NG203", level=LogLevel.INFO, article_id=a.id,
                 reason=f"text of {len(a.text):,} characters is over max_extract_chars ({max_chars:,}); stored whole, "
                        f"facts extracted from the first {cut_point(a.text, max_chars):,}")
            for a in articles if len(a.text) > max_chars]


class _Extractor:
    """Facts for a run's new, kept articles: spaCy extraction, then entity resolution.

    The spaCy pipeline is loaded on the first batch that needs it, and the entities already in the
    store are loaded once, then kept up to date with each batch's resolution, so that a batch joins
    the entities of every batch before it.
    """

    def __init__(self, enabled: bool, max_chars: int = 0) -> None:
        self.enabled, self.max_chars = enabled, max_chars
        self.nlp: Any = None
        self.known: dict[str, Entity] | None = None

    def prepare(self, store: Store) -> None:
        """Load the entities already stored, once, while the store is open."""
        if self.enabled and self.known is None:
            self.known = {e.id: e for e in read_entities(store)}

    def __call__(self, articles: Sequence[Article]) -> tuple[list[ArticleFacts], tuple[Entity, ...], list[Skip]]:
        """THE place where a batch's facts are produced: extract, resolve, carry entity ids."""
        if not self.enabled or not articles:
            return [], (), []
        from newsgraph import nlp

        if self.nlp is None:
            self.nlp = nlp.load_pipeline(settings.get("model") or None)
        assert self.known is not None, "prepare() loads the stored entities first"
        articles, notes = _readable(articles, self.nlp.lang)
        facts, failures = self._extract(articles)
        failures = notes + _long_text_notes(articles, self.max_chars) + failures
        resolution = resolve_entities(facts, list(self.known.values()))
        self.known.update((e.id, e) for e in resolution.entities)
        return [with_entity_ids(f, resolution.assignment) for f in facts], resolution.entities, failures

    def _extract(self, articles: Sequence[Article]) -> tuple[list[ArticleFacts], list[Skip]]:
        """The batch's facts; when extraction breaks on an article (a bug met on untrusted text),
        that article alone is stored without facts and logged as NG202, and the run goes on."""
        from newsgraph import nlp

        try:
            return list(nlp.extract(articles, nlp=self.nlp, max_chars=self.max_chars)), []
        except Exception:  # noqa: BLE001 - find the article that broke it, one by one
            facts: list[ArticleFacts] = []
            failures: list[Skip] = []
            for article in articles:
                try:
                    facts.extend(nlp.extract([article], nlp=self.nlp, max_chars=self.max_chars))
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


UPDATE_SIMILARITY = 0.5  # word-set Jaccard a text at the same locator (no URL) needs to be a new version


def _new_versions(
    articles: Sequence[Article], fps: Sequence[Fingerprint], stored: dict[str, Stored],
) -> tuple[list[Update], list[Skip], list[Article], list[Fingerprint]]:
    """Sort a batch's new articles by what the store holds from their source (``same_source``):
    a different text from the same URL, or a similar one (word-set Jaccard >= UPDATE_SIMILARITY)
    at the same locator, is a new version of the stored article: it keeps the stored id and is
    never compared for duplicates (a correction is not a copy), logged NG130 with both hashes.
    Returns the updates, their log entries, and the other articles with their fingerprints."""
    updates: list[Update] = []
    notes: list[Skip] = []
    rest: list[Article] = []
    rest_fps: list[Fingerprint] = []
    for article, fp in zip(articles, fps):
        match = stored.get(article.id)
        if match is not None and match.text != article.text and (match.by_url or jaccard(
                word_set(article.text), word_set(match.text)) >= UPDATE_SIMILARITY):
            updates.append(Update(article=replace(article, id=match.id), previous_text=match.text, input_id=article.id))
            how = "URL" if match.by_url else "locator"
            notes.append(Skip(source=article.source.describe(), code="NG130", level=LogLevel.INFO, article_id=match.id,
                              reason=f"new version from the same source ({how}): text {text_hash(match.text)} → "
                                     f"{text_hash(article.text)}; facts re-extracted"))
        else:
            rest.append(article)
            rest_fps.append(fp)
    return updates, notes, rest, rest_fps


def _forget(known: dict[str, Entity] | None, ids: set[str]) -> None:
    """Drop from the known entities what they hold from ``ids`` (articles whose text is replaced)."""
    if not known or not ids:
        return
    for eid, e in list(known.items()):
        if set(e.article_ids) & ids:
            known[eid] = replace(
                e, article_ids=tuple(a for a in e.article_ids if a not in ids),
                aliases=tuple(a for a in e.aliases if a.evidence is None or a.evidence.article_id not in ids),
                roles=tuple(r for r in e.roles if r.article_id not in ids))


class _Lease:
    """The run's hold on the knowledge base: opened for writing when a step needs it, released
    before extraction (the long part) and at least every ``HOLD_SECONDS``, so that queries and
    other writers (which wait up to ``lock_timeout`` seconds) get in between batches, while a run
    without extraction does not pay an open and a checkpoint for every batch (docs/concurrency.md)."""

    HOLD_SECONDS = 0.5

    def __init__(self, db: str | Path) -> None:
        self.db = db
        self.store: Store | None = None
        self.since = 0.0

    @contextmanager
    def held(self, *, release: bool = False) -> Iterator[Store]:
        """The open store for one step; closed after it when ``release`` or held long enough."""
        if self.store is None:
            self.store, self.since = open_store(self.db), time.monotonic()
        try:
            yield self.store
        except BaseException:
            self.release()
            raise
        if release or time.monotonic() - self.since >= self.HOLD_SECONDS:
            self.release()

    def release(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


class _Ingest:
    """One run's state: the knowledge base path, the pending batch and the running summary."""

    def __init__(self, lease: _Lease, options: IngestOptions, runner: Runner, summary: IngestSummary) -> None:
        self.lease, self.options, self.runner, self.summary = lease, options, runner, summary
        self.articles: list[Article] = []
        self.skips: list[Skip] = []
        self.skipped: Counter[str] = Counter()
        self.sources: set[str] = set()
        self.extract = _Extractor(options.extract, options.max_extract_chars)

    def add(self, record: Article | Skip) -> bool:
        """Queue one record; True when the batch is full."""
        if isinstance(record, Skip):
            self.skips.append(record)
            self.skipped[record.code] += 1
        elif not record.text.strip():
            self.add(Skip(source=record.source.describe(), code="NG114", reason="the article has no text once cleaned"))
        else:
            key = source_key(record)
            if key in self.sources:  # a second version from one source: the first is stored before it is compared
                self.flush()
            self.sources.add(key)
            self.summary.read += 1
            self.articles.append(record)
        return len(self.articles) >= self.options.batch_size or len(self.skips) >= 4 * self.options.batch_size

    def flush(self) -> None:
        """De-duplicate, extract and write the pending batch in one transaction."""
        if not self.articles and not self.skips:
            return
        self.articles = self.runner.map(with_language, self.articles)
        every = self.runner.map(fingerprint, self.articles)  # before the store is held
        with self.lease.held() as store:
            known = existing_ids(store, [a.id for a in self.articles])
            new: list[Article] = []
            fps: list[Fingerprint] = []
            for article, fp in zip(self.articles, every):
                if article.id in known:
                    self.summary.unchanged += 1
                else:
                    known.add(article.id)
                    new.append(article)
                    fps.append(fp)
            updates, notes, new, fps = _new_versions(new, fps, same_source(store, new))
            found = find_duplicates(fps, _prior(store, fps), threshold=self.options.threshold)
            self.extract.prepare(store)
        if self.options.extract:
            self.lease.release()  # extraction runs with the file released
        _forget(self.extract.known, {u.article.id for u in updates})
        duplicates = [d for d in found if d is not None]
        kept = [a for a, d in zip(new, found) if d is None]
        skips = self.skips + notes + [_duplicate_skip(a, d) for a, d in zip(new, found) if d is not None]
        facts, entities, failures = self.extract(kept + [u.article for u in updates])
        skips += failures
        self.skipped.update(f.code for f in failures if f.level is not LogLevel.INFO)
        signatures = [Signature(article_id=f.article_id, exact_hash=f.exact_hash, bands=f.bands, signature=f.signature)
                      for f, d in zip(fps, found) if d is None]
        signatures += [Signature(article_id=u.article.id, exact_hash=f.exact_hash, bands=f.bands, signature=f.signature)
                       for u, f in zip(updates, self.runner.map(fingerprint, [u.article for u in updates]))]
        with self.lease.held() as store:
            write_batch(store, Batch(run_id=self.summary.run_id, articles=new, skips=skips,
                                     duplicates=duplicates, signatures=signatures, facts=facts,
                                     entities=entities, updates=updates))
        self.summary.stored += len(kept)
        self.summary.duplicates += len(duplicates)
        self.summary.updated += len(updates)
        self.summary.extracted += len(facts)
        self.summary.skipped = dict(self.skipped)
        self.summary.batches += 1
        self.articles, self.skips, self.sources = [], [], set()


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
    lease = _Lease(db)
    try:
        summary = _run(records, lease, summary, options, runner, inputs, progress)
    finally:
        lease.release()
    return summary


def _run(records: Iterable[Article | Skip], lease: _Lease, summary: IngestSummary, options: IngestOptions,
         runner: Runner | None, inputs: Sequence[str], progress: Callable[[IngestSummary], None] | None) -> IngestSummary:
    with lease.held() as store:
        start_run(store, summary.run_id, inputs)
    run = _Ingest(lease, options, runner or LocalRunner(), summary)
    for record in records:
        if run.add(record):
            run.flush()
            if progress:
                progress(summary)
    run.flush()
    summary.skipped = dict(run.skipped)
    if progress:
        progress(summary)
    with lease.held(release=True) as store:
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
    extract: bool = True,
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
    options = IngestOptions(batch_size=max(1, values["batch_size"]), threshold=values["near_duplicate_threshold"],
                            extract=extract, max_extract_chars=max(0, values["max_extract_chars"]))
    return ingest_records(read(list(inputs), options=read_options), db=values["db"], options=options,
                          runner=runner, inputs=inputs, progress=progress)
