"""read → clean → de-duplicate → extract → write, one batch at a time, streaming.

``ingest`` is what ``newsgraph ingest`` calls; ``ingest_records`` takes already-read records
(``Article | Skip``), for callers with their own reader. Each batch is written in one store
transaction, so a run killed part-way leaves every finished batch stored and nothing half-written;
ids are deterministic, so running again finishes the job without doubling anything.

The pipeline is the single writer; a runner decides where the pure per-article work runs:

    Writer.batches(records) -> Iterator[Pending]   parent: batch, skip known ids, de-duplicate
    Extractor()(pending.kept) -> Extracted          anywhere: spaCy extraction, search vectors and story
                                                    features (the pure, per-article part)
    Writer.commit(pending, extracted)               parent, in batch order: resolve entities, cluster
                                                    stories, write facts and vectors in one transaction

A runner is any object with ``drive(writer, batches)`` (``Runner``); ``InProcess`` (here) runs
everything in the calling process, ``newsgraph.runner`` holds the process pool and Ray. The
pipeline never imports a runner: the caller passes one in. A runner may prepare the next batches
before the earlier ones are committed (that is how work overlaps): the writer then de-duplicates
against the store *and* the batches still in flight, so the result is the same as one batch at a
time, whichever runner ran it and however many workers it had.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from newsgraph import settings
from newsgraph.model import Article, ArticleFacts, Curation, Duplicate, DuplicateKind, Entity, LogLevel, Skip, StoryFeatures
from newsgraph.resolve.assign import with_entity_ids
from newsgraph.resolve.entities import resolve_entities
from newsgraph.resolve.duplicates import Fingerprint, Prior, dedup_text, find_duplicates, fingerprint, jaccard, word_set
from newsgraph.readers.language import UNDETERMINED, with_language
from newsgraph.model import text_hash
from newsgraph.store import Stored, Update, same_source, source_key
from newsgraph.store import read_curations
from newsgraph.store.digest import refresh as refresh_digests
from newsgraph.store import MEMORY_LIMIT, Batch, Signature, Store, article_texts, existing_ids, finish_run, open_store, prior_matches, read_entities, someone_waiting, start_run, story_context, story_stats, write_batch
from newsgraph.errors import InputError

NLP_BATCH_SIZE = 16  # documents a spaCy nlp.pipe batch (benchmarks/scale.py --sweep measures it)
EMBED_THREADS = 1  # onnxruntime intra-op threads of an extractor's encoder: one a process, since the
#                    runners start one worker a core (more threads only fight the other workers)


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
        embedded: kept articles given a search vector (each batch's, right after it was written).
        fts_seconds: time spent keeping the full-text index current (each batch's rows appended,
            and a rebuild when one was needed).
        fts_rebuilds: whole rebuilds of the full-text index in the run (0 when every batch could be
            appended; 1 when the index was missing or a batch replaced stored texts).
        digest_seconds: time spent at the end recomputing the entity, story and article pages'
            digests the run made stale (``store/digest.py``, ``store/story_digest.py``,
            ``store/article_digest.py``).
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
    embedded: int = 0
    fts_seconds: float = 0.0
    digest_seconds: float = 0.0
    fts_rebuilds: int = 0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["skipped"] = dict(sorted(self.skipped.items()))
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How a run goes: batch size, near-duplicate threshold, whether to extract facts (the same
    default as ``newsgraph ingest``: yes), the longest text extracted (0: no limit), the model,
    whether to embed new articles for semantic search, DuckDB's memory limit while writing
    (empty: DuckDB's default), and the ``ner`` setting (empty: read from the settings by the
    writer, in the calling process, so that every runner's extractors get the same value)."""

    batch_size: int = 64
    threshold: float = 0.8
    extract: bool = True
    max_extract_chars: int = 200_000
    model: str = ""
    embed: bool = True
    memory_limit: str = ""
    ner: str = ""


# --- the pure per-article work: runs wherever a runner puts it ---------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class Extracted:
    """One batch's extraction: the facts of the articles it could read, the failures logged, and
    what needs no knowledge base: each article's search vector (``search.MODEL_NAME``, a float32
    array; empty when embedding is off or the encoder could not load) and its story features
    without entities (the writer adds the resolved ones). The writer computes what is missing."""

    facts: tuple[ArticleFacts, ...] = ()
    failures: tuple[Skip, ...] = ()
    vectors: dict[str, Any] = field(default_factory=dict)
    features: dict[str, StoryFeatures] = field(default_factory=dict)


class Extractor:
    """The per-article work on a batch's kept articles: spaCy extraction, the search vectors and
    the story features. Pure: no store, no state beyond the loaded models, so a runner may run one
    in each worker process or actor (the models are loaded once, on ``load`` or the first call)."""

    def __init__(self, model: str = "", batch_size: int = NLP_BATCH_SIZE, max_chars: int | None = None,
                 *, embed: bool = True, ner: str = "") -> None:
        self.model, self.batch_size = model, batch_size
        self.max_chars = max(0, settings.get("max_extract_chars") if max_chars is None else max_chars)
        self.embed = embed
        self.ner = ner or settings.get("ner")  # a runner passes the parent's value to its workers
        self.nlp: Any = None
        self.encoder: Any = None
        self._models: tuple[Any, ...] | None = None  # the key the loaded models are kept under (``release``)

    def load(self) -> None:
        """Load the spaCy pipeline (NlpError NG201 when the model is missing) and, when embedding,
        the MiniLM encoder with ``EMBED_THREADS`` threads (when it cannot load, the vectors are left
        to the writer, which reports NG312). Models an earlier extractor of this process released
        with the same settings are taken instead of loaded again (``release``)."""
        if self.nlp is None:
            from newsgraph import nlp

            model = self.model or settings.get("model") or None
            # the loader is part of the key: models are reused only where they would load the same
            self._models = (nlp.load_pipeline, model, self.ner, self.embed)
            kept = _take_models(self._models)
            if kept is not None:
                self.nlp, self.encoder, self.embed = kept
            else:
                self.nlp = nlp.load_pipeline(model, ner=self.ner)
        if self.embed and self.encoder is None:
            from newsgraph import search

            try:
                self.encoder = search.Encoder(threads=EMBED_THREADS)
            except (OSError, ImportError, ValueError):
                self.embed = False

    def release(self) -> None:
        """Hand the loaded models back, for the next extractor in this process with the same model,
        ``ner`` and ``embed`` (``_keep_models``); call it when this one is done. Loading them costs
        about 4 s of CPU, and an in-process ingest of one article about half a second besides, so
        the web app's ``POST /api/ingest``, ``KnowledgeBase.ingest`` in a loop and ``reextract``
        load them once. Runner workers keep their own extractor for their lifetime instead."""
        if self.nlp is not None and self._models is not None:
            _keep_models(self._models, (self.nlp, self.encoder, self.embed))
        self.nlp = self.encoder = self._models = None

    def __call__(self, articles: Sequence[Article]) -> Extracted:
        """The batch's facts, in input order; when extraction breaks on an article (a bug met on
        untrusted text), that article alone is left without facts and logged as NG202. Every
        article gets its vector and story features, extracted or not."""
        if not articles:
            return Extracted()
        from newsgraph import indexing
        from newsgraph.resolve.story_features import story_features

        self.load()
        extracted = self._facts(articles)
        vectors = indexing.article_vectors(articles, self.encoder) if self.encoder is not None else {}
        return replace(extracted, vectors=vectors, features={a.id: story_features(a) for a in articles})

    def _facts(self, articles: Sequence[Article]) -> Extracted:
        from newsgraph import nlp

        articles, notes = _readable(articles, self.nlp.lang)
        notes += _long_text_notes(articles, self.max_chars)
        options = {"nlp": self.nlp, "batch_size": self.batch_size, "max_chars": self.max_chars}
        try:
            return Extracted(facts=tuple(nlp.extract(articles, **options)), failures=tuple(notes))
        except Exception:  # noqa: BLE001 - find the article that broke it, one by one
            facts: list[ArticleFacts] = []
            failures: list[Skip] = list(notes)
            for article in articles:
                try:
                    facts.extend(nlp.extract([article], **options))
                except Exception as exc:  # noqa: BLE001
                    failures.append(Skip(source=article.source.describe(), code="NG202", level=LogLevel.ERROR,
                                         reason=f"extraction failed ({type(exc).__name__}: {exc}); stored without facts",
                                         article_id=article.id))
            return Extracted(facts=tuple(facts), failures=tuple(failures))


# Models an in-process run has finished with, for the next run of this process (``Extractor.release``):
# one set at most, the last released, so a process holds at most one idle spaCy pipeline and encoder.
# Only a run that takes them uses them (an extractor takes them out; a second run at the same time
# loads its own), and a pipeline whose string store has grown past ``_KEEP_STRINGS`` (every new word
# of every article read adds to it) is dropped, so a long-lived server's memory stays bounded.
_IDLE_MODELS: dict[tuple[Any, ...], tuple[Any, Any, bool]] = {}
_IDLE_LOCK = threading.Lock()
_KEEP_STRINGS = 1_000_000


def _take_models(key: tuple[Any, ...]) -> tuple[Any, Any, bool] | None:
    with _IDLE_LOCK:
        return _IDLE_MODELS.pop(key, None)


def _keep_models(key: tuple[Any, ...], models: tuple[Any, Any, bool]) -> None:
    if len(models[0].vocab.strings) > _KEEP_STRINGS:
        return
    with _IDLE_LOCK:
        _IDLE_MODELS.clear()
        _IDLE_MODELS[key] = models


def release_models() -> None:
    """Drop the models kept for the next in-process run (about 0.5 GB): for a long-lived process
    that will not extract again soon."""
    with _IDLE_LOCK:
        _IDLE_MODELS.clear()


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


def lost(articles: Sequence[Article], reason: str, code: str = "NG211") -> Extracted:
    """What a runner hands the writer for articles whose extraction never came back (a worker
    died on their batch twice): no facts, one log entry each; the articles are still stored."""
    return Extracted(failures=tuple(
        Skip(source=a.source.describe(), code=code, level=LogLevel.ERROR, reason=reason, article_id=a.id)
        for a in articles))


# --- the single writer ------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class Pending:
    """A batch the writer has prepared and not yet committed.

    Attributes:
        number: the batch's position in the run (0, 1, ...); batches are committed in this order.
        articles: its new articles, kept ones and duplicate copies alike, in input order.
        kept: the articles to extract (new, not duplicates), in input order, then the new
            versions of stored articles (``updates``), which are extracted too.
        skips: its ingest-log entries so far (unreadable inputs, dropped articles, duplicates).
        duplicates: which of ``articles`` copy an earlier article.
        fingerprints: the kept articles' fingerprints, in the order of ``kept``.
        notes: entries a runner adds (e.g. a worker that died and was retried), logged with the batch.
    """

    number: int
    articles: list[Article]
    kept: list[Article]
    skips: list[Skip]
    duplicates: list[Duplicate]
    fingerprints: list[Fingerprint]
    notes: list[Skip] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    new_kept: int = 0


def _duplicate_skip(article: Article, dup: Duplicate) -> Skip:
    exact = dup.kind is DuplicateKind.EXACT
    reason = (f"exact duplicate of {dup.duplicate_of}" if exact
              else f"near duplicate of {dup.duplicate_of} (word-set Jaccard {dup.similarity:.3f})")
    return Skip(source=article.source.describe(), code="NG120" if exact else "NG121", reason=reason,
                level=LogLevel.INFO, article_id=article.id)


class _InFlight:
    """Prepared, uncommitted batches: what they add to the store's de-duplication state.

    A runner prepares batch k+1 before batch k is written; batch k's ids and kept fingerprints are
    held here until its commit, and merged into what the store knows, after everything stored."""

    _AFTER_STORE = 1 << 62  # positions of in-flight articles: after every stored article's seq

    def __init__(self) -> None:
        self.batches: dict[int, Pending] = {}
        self.ids: dict[str, int] = {}
        self.kept: dict[str, tuple[int, Fingerprint]] = {}  # article id → (position, fingerprint)
        self.exact: dict[str, str] = {}
        self.bands: dict[int, list[str]] = {}
        self.sources: dict[str, Stored] = {}  # source key → the in-flight version from that source
        self.counter = 0

    def add(self, pending: Pending) -> None:
        self.batches[pending.number] = pending
        self.ids.update((a.id, pending.number) for a in pending.articles)
        for fp in pending.fingerprints:
            self.kept[fp.article_id] = (self._AFTER_STORE + self.counter, fp)
            self.counter += 1
            self.exact.setdefault(fp.exact_hash, fp.article_id)
            for band in fp.bands:
                self.bands.setdefault(band, []).append(fp.article_id)
        for article in pending.kept:
            self.sources[source_key(article)] = Stored(
                id=article.id, text=article.text, path=article.source.path,
                by_url=(article.url or article.source.url) is not None)

    def remove(self, pending: Pending) -> None:
        """Forget a committed batch: the store holds it now."""
        self.batches.pop(pending.number, None)
        for article in pending.kept:
            key = source_key(article)
            if self.sources.get(key) is not None and self.sources[key].id == article.id:
                del self.sources[key]
        for a in pending.articles:
            self.ids.pop(a.id, None)
        for fp in pending.fingerprints:
            self.kept.pop(fp.article_id, None)
            if self.exact.get(fp.exact_hash) == fp.article_id:
                del self.exact[fp.exact_hash]
            for band in fp.bands:
                ids = self.bands.get(band)
                if ids is not None:
                    ids.remove(fp.article_id)
                    if not ids:
                        del self.bands[band]

    def same_source(self, articles: Sequence[Article]) -> dict[str, Stored]:
        """For each of ``articles`` (by id) whose source an in-flight version shares: that version."""
        found: dict[str, Stored] = {}
        for article in articles:
            match = self.sources.get(source_key(article))
            if match is not None:
                found[article.id] = match
        return found

    def merge(self, prior: Prior, fps: Sequence[Fingerprint]) -> Prior:
        """``prior`` (the store's) with the in-flight kept articles that ``fps`` may duplicate."""
        if not self.kept:
            return prior
        exact = dict(prior.exact)
        for fp in fps:
            if fp.exact_hash not in exact and fp.exact_hash in self.exact:
                exact[fp.exact_hash] = self.exact[fp.exact_hash]
        bands = {b: list(ids) for b, ids in prior.bands.items()}
        words, order = dict(prior.words), dict(prior.order)
        for band in {b for fp in fps for b in fp.bands}:
            for aid in self.bands.get(band, ()):
                bands.setdefault(band, []).append(aid)
                position, kept = self.kept[aid]
                words[aid], order[aid] = kept.words, position
        return Prior(exact=exact, bands=bands, words=words, order=order)


def _story_features(kept: Sequence[Article], facts: Sequence[ArticleFacts],
                    computed: dict[str, StoryFeatures]) -> list[StoryFeatures]:
    """The kept articles' story features: those a worker computed (``computed``) or computed here,
    with the entities of their resolved facts."""
    from newsgraph.resolve.story_features import story_features, with_entities

    by_id = {f.article_id: f for f in facts}
    return [with_entities(computed[a.id], by_id.get(a.id)) if a.id in computed else story_features(a, by_id.get(a.id))
            for a in kept]


def _cluster_stories(store: Store, features: Sequence[StoryFeatures], duplicates: Sequence[Duplicate]) -> dict[str, Any]:
    """THE place where a batch joins the stories: its kept articles (their ``features``, entities
    included when extracted) and its copies are clustered with the stored stories around them.
    Returns the batch's story fields (see ``store.Batch``)."""
    from newsgraph.resolve.stories import Neighbourhood, cluster_stories, document_keys, index_keys

    copies = {d.article_id: d.duplicate_of for d in duplicates}
    if not features and not copies:
        return {}
    df, documents = story_stats(store, sorted({k for f in features for k in document_keys(f)}))
    keys = {f.article_id: index_keys(f, df, documents) for f in features}
    kept_ids = {f.article_id for f in features}
    context = story_context(store, keys, df, documents, sorted({o for o in copies.values() if o not in kept_ids}))
    wider = sorted({k for f in context.features.values() for k in document_keys(f)} - df.keys())
    df |= story_stats(store, wider)[0] if wider else {}
    around = Neighbourhood(stories=context.stories, features=context.features, copies=context.copies | copies,
                           df=df, documents=documents)
    result = cluster_stories(features, around)
    return {"stories": result.stories, "removed_stories": result.removed, "story_features": features, "story_keys": keys}


def join_stories(store: Store, kept: Sequence[Article], facts: Sequence[ArticleFacts],
                 duplicates: Sequence[Duplicate]) -> dict[str, Any]:
    """The same step as a batch's for a backfill (``indexing.backfill_stories``): ``kept`` join the
    stories with the entities of their ``facts``, and the copies ``duplicates`` their original's."""
    return _cluster_stories(store, _story_features(kept, facts, {}), duplicates)


def _keep_searchable(store: Store, summary: IngestSummary, *, end: bool = False, embed: bool = True,
                     written: Sequence[str] | None = None, stale: bool = False) -> bool:
    """Search stays current (each batch's vectors are written with it, computed by the extractor):
    a written batch's new articles (``written``) are appended to the fts index (its tables take the
    batch's rows: the cost follows the batch, not the base). When the index cannot take an append
    (missing, or behind), it is rebuilt over everything, at most once in the run; a batch that
    replaced stored texts (``stale``) leaves that rebuild to the end of the run. At the end, any kept
    article still without a vector gets one (one stored before search existed, or by a run that was
    killed), and the index is rebuilt if it is not current. Returns whether the fts index is left
    stale (a rebuild owed at the end)."""
    from newsgraph import indexing

    if end and embed:
        summary.embedded += indexing.embed_articles(store)
    if written is None and not end:
        return stale
    started = time.perf_counter()
    if end:
        if stale or not indexing.text_index_current(store):
            indexing.rebuild_text_index(store)
            summary.fts_rebuilds += 1
        stale = False
    elif indexing.append_text_index(store, written or ()) is None:
        if summary.fts_rebuilds:
            stale = True
        else:
            indexing.rebuild_text_index(store)  # after this batch's write: covers it, updates included
            summary.fts_rebuilds += 1
            stale = False
    summary.fts_seconds = round(summary.fts_seconds + time.perf_counter() - started, 3)
    return stale


def _vectors(articles: Sequence[Article], computed: dict[str, Any]) -> list[tuple[str, Any]]:
    """The kept articles' search vectors, in order: those a worker computed, the rest computed here
    (extraction off, or a batch lost with its worker), before the writer takes the store."""
    from newsgraph import indexing

    missing = indexing.article_vectors([a for a in articles if a.id not in computed])
    return [(a.id, computed[a.id] if a.id in computed else missing[a.id]) for a in articles]


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


@contextmanager
def _held(db: str | Path, memory_limit: str = "") -> Iterator[Store]:
    """The knowledge base, opened for writing for one step (start and end of a run) and closed after it."""
    store = open_store(db, memory_limit=memory_limit)
    try:
        yield store
    finally:
        store.close()


class _Lease:
    """The run's hold on the knowledge base (docs/concurrency.md): opened for writing when a step
    needs it and kept between steps, so that a run pays for one checkpoint (what closing costs:
    on a base of a few thousand articles about as much as a batch's whole write) only when
    another open waits for the file, not at every batch.

    For the run (``watch``), a watcher thread looks every ``WATCH_STEP`` seconds, between steps,
    for a query or another writer waiting for the file (the marker files of ``store.connection``)
    and lets the file go for it; a step that ends while one waits lets it go at once. The file is
    also let go after ``HOLD_SECONDS`` held, for a reader that cannot leave a marker (a read-only
    folder). After a release the file stays free for at least ``GAP_SECONDS`` (readers retry every
    10 ms), so that a waiting reader is never starved by the writer taking the file straight back."""

    HOLD_SECONDS = 10.0
    GAP_SECONDS = 0.05
    WATCH_STEP = 0.1

    def __init__(self, db: str | Path, memory_limit: str = "") -> None:
        self.db, self.memory_limit = db, memory_limit
        self.store: Store | None = None
        self.since = 0.0
        self.released = 0.0
        self.lock = threading.RLock()  # held for a step; the watcher releases only between steps

    @contextmanager
    def held(self) -> Iterator[Store]:
        """The open store for one step; let go after it when another open waits or it was held long enough."""
        with self.lock:
            if self.store is None:
                wait = self.released + self.GAP_SECONDS - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                self.store, self.since = open_store(self.db, memory_limit=self.memory_limit), time.monotonic()
            try:
                yield self.store
            except BaseException:
                self.release()
                raise
            if self._due():
                self.release()

    def _due(self) -> bool:
        return time.monotonic() - self.since >= self.HOLD_SECONDS or someone_waiting(str(self.db))

    @contextmanager
    def watch(self) -> Iterator[None]:
        """Keep the file between steps for the ``with`` block, letting it go when another open waits."""
        stop = threading.Event()

        def look() -> None:
            while not stop.wait(self.WATCH_STEP):
                with self.lock:
                    if self.store is not None and self._due():
                        self.release()

        watcher = threading.Thread(target=look, name="newsgraph-lease", daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join()

    def release(self) -> None:
        with self.lock:
            if self.store is not None:
                self.store.close()
                self.store = None
                self.released = time.monotonic()


class Writer:
    """The single writer of one run: the knowledge base, the running summary, the batches in flight.

    ``batches`` turns records into prepared batches (lazily: a runner pulls the next one when it
    has room, which is the back-pressure that bounds memory); ``commit`` writes one, in order.
    The knowledge base is used only in steps (a batch prepared against it, a batch written: its
    ``_Lease``), which keeps the file between them and lets it go whenever a query or another
    writer waits for it, so queries get in while extraction runs.
    """

    def __init__(self, db: str | Path, options: IngestOptions, summary: IngestSummary,
                 progress: Callable[[IngestSummary], None] | None = None) -> None:
        if not options.ner:  # resolved here, once: a worker's environment may not hold the caller's settings
            options = replace(options, ner=settings.get("ner"))
        self.db, self.options, self.summary, self.progress = db, options, summary, progress
        self.lease = _Lease(db, options.memory_limit)
        self.skipped: Counter[str] = Counter()
        self.known: dict[str, Entity] | None = None
        self.curations: list[Curation] = []
        self.in_flight = _InFlight()
        self.committed = 0
        self.fts_stale = False  # a batch replaced stored texts: the fts index owes a rebuild
        self.after_commit: list[Callable[[Store, Pending, Sequence[ArticleFacts]], None]] = []

    @property
    def extracts(self) -> bool:
        return self.options.extract

    def batches(self, records: Iterable[Article | Skip]) -> Iterator[Pending]:
        """Prepared batches of ``records``, in order (the last one may be short). A second version
        from a source already in the batch closes the batch first, so that the first version is
        in flight (or stored) when the second is compared with it."""
        articles: list[Article] = []
        skips: list[Skip] = []
        sources: set[str] = set()
        number = 0
        for record in records:
            if isinstance(record, Skip):
                skips.append(record)
                self.skipped[record.code] += 1
            elif not record.text.strip():
                skips.append(Skip(source=record.source.describe(), code="NG114", reason="the article has no text once cleaned"))
                self.skipped["NG114"] += 1
            else:
                key = source_key(record)
                if key in sources:
                    yield self.prepare(number, articles, skips)
                    number += 1
                    articles, skips, sources = [], [], set()
                sources.add(key)
                self.summary.read += 1
                articles.append(record)
            if len(articles) >= self.options.batch_size or len(skips) >= 4 * self.options.batch_size:
                yield self.prepare(number, articles, skips)
                number += 1
                articles, skips, sources = [], [], set()
        if articles or skips:
            yield self.prepare(number, articles, skips)

    def prepare(self, number: int, articles: list[Article], skips: list[Skip]) -> Pending:
        """Mark each article's language, leave out articles already stored (or in flight), sort out
        new versions of stored articles, then de-duplicate the rest."""
        articles = [with_language(a) for a in articles]
        every = [fingerprint(a) for a in articles]  # before the store is held
        with self.lease.held() as store:
            known = existing_ids(store, [a.id for a in articles]) | {a.id for a in articles if a.id in self.in_flight.ids}
            new: list[Article] = []
            fps: list[Fingerprint] = []
            for article, fp in zip(articles, every):
                if article.id in known:
                    self.summary.unchanged += 1
                else:
                    known.add(article.id)
                    new.append(article)
                    fps.append(fp)
            stored = same_source(store, new)
            stored.update(self.in_flight.same_source(new))
            updates, notes, new, fps = _new_versions(new, fps, stored)
            prior = self.in_flight.merge(_prior(store, fps), fps)
            if self.extracts and self.known is None:
                self.known = {e.id: e for e in read_entities(store)}
                self.curations = read_curations(store, active_only=True)
        found = find_duplicates(fps, prior, threshold=self.options.threshold)
        kept = [a for a, d in zip(new, found) if d is None]
        pending = Pending(
            number=number, articles=new, kept=kept + [u.article for u in updates],
            skips=skips + notes + [_duplicate_skip(a, d) for a, d in zip(new, found) if d is not None],
            duplicates=[d for d in found if d is not None],
            fingerprints=[f for f, d in zip(fps, found) if d is None] + [fingerprint(u.article) for u in updates],
            updates=updates, new_kept=len(kept),
        )
        self.in_flight.add(pending)
        return pending

    def commit(self, pending: Pending, extracted: Extracted) -> None:
        """Resolve the batch's entities against the whole knowledge base and write it, in one
        transaction. Batches must be committed in the order they were prepared."""
        if pending.number != self.committed:
            raise RuntimeError(f"batch {pending.number} committed out of order (expected {self.committed})")
        from newsgraph.search import MODEL_NAME

        _forget(self.known, {u.article.id for u in pending.updates})
        facts, entities, removed = self._resolve(extracted.facts)
        failures = [*pending.notes, *extracted.failures]
        self.skipped.update(f.code for f in failures if f.level is not LogLevel.INFO)
        features = _story_features(pending.kept[:pending.new_kept], facts, extracted.features)
        vectors = _vectors(pending.kept, extracted.vectors) if self.options.embed else []
        # only store work inside the step: the lease lets waiting queries in between steps
        with self.lease.held() as store:
            write_batch(store, Batch(
                run_id=self.summary.run_id, articles=pending.articles, skips=[*pending.skips, *failures],
                duplicates=pending.duplicates, facts=facts, entities=entities, updates=pending.updates,
                removed_entities=removed,
                **_cluster_stories(store, features, pending.duplicates),
                signatures=[Signature(article_id=f.article_id, exact_hash=f.exact_hash, bands=f.bands, signature=f.signature)
                            for f in pending.fingerprints],
                vectors=vectors, vector_model=MODEL_NAME))
            self.fts_stale = _keep_searchable(store, self.summary, written=[a.id for a in pending.articles],
                                              stale=self.fts_stale or bool(pending.updates))
            for hook in self.after_commit:
                hook(store, pending, facts)
        self.summary.embedded += len(vectors)
        self.in_flight.remove(pending)
        self.committed += 1
        self.summary.stored += pending.new_kept
        self.summary.duplicates += len(pending.duplicates)
        self.summary.updated += len(pending.updates)
        self.summary.extracted += len(facts)
        self.summary.skipped = dict(self.skipped)
        self.summary.batches += 1
        if self.progress:
            self.progress(self.summary)

    def _resolve(self, facts: Sequence[ArticleFacts]) -> tuple[list[ArticleFacts], tuple[Entity, ...], dict[str, str | None]]:
        """Entity identity across the knowledge base: the stored entities (and the curations in
        force) are loaded once (while a batch is prepared), then kept current with each batch's
        resolution, so a batch joins every batch before it; the curations apply to every batch."""
        if not facts:
            return [], (), {}
        if self.known is None:
            with self.lease.held() as store:
                self.known = {e.id: e for e in read_entities(store)}
                self.curations = read_curations(store, active_only=True)
        resolution = resolve_entities(facts, list(self.known.values()), self.curations)
        for gone in resolution.removed:
            self.known.pop(gone, None)
        self.known.update((e.id, e) for e in resolution.entities)
        return [with_entity_ids(f, resolution.assignment) for f in facts], resolution.entities, dict(resolution.removed)


# --- runners: who drives the per-article work --------------------------------------------------

class Runner(Protocol):
    """Where the per-article work runs. ``drive`` pulls prepared batches from ``batches`` (as many
    ahead as it likes: that bounds memory), gets each one's ``Extracted`` somewhere, and calls
    ``writer.commit`` for each batch in order. ``newsgraph.runner`` holds the process pool and Ray."""

    name: str

    def drive(self, writer: Writer, batches: Iterator[Pending]) -> None: ...


class InProcess:
    """Everything in the calling process, one batch at a time (the pipeline's own default)."""

    name = "in-process"

    def __init__(self, extractor: Extractor | None = None) -> None:
        self.extractor = extractor

    def drive(self, writer: Writer, batches: Iterator[Pending]) -> None:
        own = writer.extracts and self.extractor is None  # built here: its models are released after the run
        if own:
            self.extractor = Extractor(writer.options.model, max_chars=writer.options.max_extract_chars,
                                       embed=writer.options.embed, ner=writer.options.ner)
        try:
            for pending in batches:
                writer.commit(pending, self.extractor(pending.kept) if writer.extracts and self.extractor else Extracted())
        finally:
            if own and self.extractor is not None:
                self.extractor.release()
                self.extractor = None


def ingest_records(
    records: Iterable[Article | Skip],
    *,
    db: str | Path,
    options: IngestOptions = IngestOptions(),
    runner: Runner | None = None,
    inputs: Sequence[str] = (),
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Store ``records`` in the knowledge base at ``db``, batch by batch; return the summary.

    ``runner`` decides where extraction runs (default: here, ``InProcess``); see ``Runner``.
    """
    summary = IngestSummary(run_id=f"run_{uuid.uuid4().hex[:16]}", db=str(db))
    with _held(db, options.memory_limit) as store:
        start_run(store, summary.run_id, inputs)
    writer = Writer(db, options, summary, progress)
    try:
        with writer.lease.watch():
            (runner or InProcess()).drive(writer, writer.batches(records))
    finally:
        writer.lease.release()
    summary.skipped = dict(writer.skipped)
    if progress:
        progress(summary)
    with _held(db, options.memory_limit) as store:
        _keep_searchable(store, summary, end=True, embed=options.embed, stale=writer.fts_stale)
        started = time.perf_counter()
        refresh_digests(store)  # the entity, story and article pages this run changed (store/digest.py)
        summary.digest_seconds = round(time.perf_counter() - started, 3)
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
    embed: bool = True,
    batch_size: int | None = None,
    threshold: float | None = None,
    runner: Runner | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Read ``inputs`` (paths, folders, globs, ``-``) and store them in the knowledge base ``db``.

    Extraction runs in this process unless a ``runner`` is given: ``newsgraph.runner.make(...)``
    builds the process pool (one worker a core by default) or the Ray runner.
    """
    from newsgraph.readers import ReadOptions, read

    values = settings.resolve({"db": db, "batch_size": batch_size, "near_duplicate_threshold": threshold})
    read_options = ReadOptions(format=format, published=published, text_field=text_field, title_field=title_field,
                               url_field=url_field, date_field=date_field, max_bytes=values["max_bytes"])
    if values["memory_limit"] and not MEMORY_LIMIT.match(values["memory_limit"]):
        raise InputError("NG115", f"memory_limit must be a size such as 512MB or 4GB, got {values['memory_limit']!r}",
                         "set NEWSGRAPH_MEMORY_LIMIT (or memory_limit in newsgraph.toml) to a size, or empty for DuckDB's default")
    options = IngestOptions(batch_size=max(1, values["batch_size"]), threshold=values["near_duplicate_threshold"],
                            extract=extract, max_extract_chars=max(0, values["max_extract_chars"]), model=values["model"],
                            embed=embed, memory_limit=values["memory_limit"], ner=values["ner"])
    return ingest_records(read(list(inputs), options=read_options), db=values["db"], options=options,
                          runner=runner, inputs=inputs, progress=progress)
