"""Search: BM25 over article text and quotes, MiniLM cosine over article vectors, fused by RRF.

``search(db, query, mode=...)`` returns ``SearchHit`` records, best first. In ``hybrid`` mode the
text and semantic rankings (each ``DEPTH`` deep, after the filters) are fused by reciprocal rank
fusion (``newsgraph.search.fusion``); ``text`` and ``semantic`` use one ranking alone. The query is
checked before anything runs: empty (NG406), only stopwords or punctuation in text mode (NG407),
longer than ``MAX_QUERY_CHARS`` (NG408). Query text is only ever a bound parameter: fts syntax
characters and quotes are ordinary characters here. A knowledge base without search indexes (one
written before search existed) answers NG410 with the command that builds them.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from datetime import datetime
from pathlib import Path

from newsgraph import search as embedding
from newsgraph import settings
from newsgraph.errors import QueryError
from newsgraph.model import QuoteHit, SearchHit, SearchMode
from newsgraph.store import Store, find_entity_ids, reading
from newsgraph.store.reader import file_version
from newsgraph.store.search import (
    HeldText, IndexState, Readiness, SearchFilter, has_search_tables, hit_rows, index_state, quote_top, read_held_text,
    readiness, stems, story_exists, text_top, vector_count, vector_matrix, vector_models, vector_top,
)

MAX_QUERY_CHARS = 2000
DEPTH = 100  # how deep each ranking goes before fusion
MAX_LIMIT = 1000
SNIPPET_CHARS = 220
KINDS = {"truncated": True, "teaser": True, "complete": False, "full": False}
_WORD = re.compile(r"\w+")


# Characters that may be control or format characters: not word characters, whitespace or ASCII
# punctuation (those never are); each one found is checked by its Unicode category.
_SUSPECT = re.compile(r"[^\w\s!-/:-@\[-`{-~]")


def _drop_control(match: re.Match[str]) -> str:
    return "" if unicodedata.category(match.group()) in ("Cc", "Cf") else match.group()


def _clean(text: str) -> str:
    """Whitespace folded to single spaces, control and format characters (terminal escapes) dropped."""
    return " ".join(_SUSPECT.sub(_drop_control, text).split())


def check_query(query: str) -> str:
    """The query as searched, or QueryError NG406 (empty) / NG408 (too long)."""
    text = _clean(query or "")
    if not text:
        raise QueryError("NG406")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError("NG408", f"the query has {len(query):,} characters; at most {MAX_QUERY_CHARS:,} are searched")
    return text


def _mode(mode: str | SearchMode) -> SearchMode:
    try:
        return SearchMode(str(mode))
    except ValueError:
        raise QueryError("NG403", f"unknown search mode {mode!r}; use hybrid, text or semantic") from None


def _truncated(kind: str | None) -> bool | None:
    if kind is None:
        return None
    if kind.lower() not in KINDS:
        raise QueryError("NG403", f"unknown article kind {kind!r}; use one of {', '.join(KINDS)}")
    return KINDS[kind.lower()]


def search_status(db: str | Path | Store) -> IndexState | None:
    """What the search indexes cover, or None for a knowledge base without search tables."""
    with reading(db) as store:
        return index_state(store, embedding.MODEL_NAME) if has_search_tables(store) else None


def _readiness(store: Store) -> Readiness | None:
    """``readiness`` (None without search tables), read once a file version for a read-only store
    (nothing can change it while this process holds the file read-only; see ``_kept``)."""
    def read() -> Readiness | None:
        return readiness(store, embedding.MODEL_NAME) if has_search_tables(store) else None

    if not store.read_only:
        return read()
    return _kept(_ready, os.path.realpath(store.path), store, read)


def _require_indexes(store: Store, mode: SearchMode) -> None:
    hint = f"run `newsgraph index --db {store.path}` to build them"
    state = _readiness(store)
    if state is None:
        raise QueryError("NG410", f"{store.path} was built before search existed and has no search indexes", hint)
    if mode is not SearchMode.SEMANTIC and state.fts_built is None:
        raise QueryError("NG410", f"{store.path} has no full-text index yet", hint)
    if mode is not SearchMode.TEXT and not state.vectors and state.articles:
        others = vector_models(store)
        if others:  # made by an older newsgraph: its vectors are not comparable with this one's
            raise QueryError("NG411", f"the vectors of {store.path} were made by {', '.join(others)}, "
                                      f"not by this newsgraph's {embedding.MODEL_NAME}",
                             f"run `newsgraph index --db {store.path}` once to rebuild them, or search with --text")
        raise QueryError("NG411", f"no article of {store.path} has a vector yet (ingested with --no-embed?)",
                         f"run `newsgraph index --db {store.path}`, or search with --text")


def _filters(store: Store, *, since: datetime | None, until: datetime | None, entity: str | None,
             story: str | None, source: str | None, kind: str | None) -> SearchFilter:
    entity_ids = None
    if entity is not None:
        entity_ids = tuple(find_entity_ids(store, entity))
        if not entity_ids:
            raise QueryError("NG402", f"no entity named {entity!r} in {store.path}")
    if story is not None and not story_exists(store, story):
        raise QueryError("NG409", f"no story with id {story!r} in {store.path}")
    return SearchFilter(since=since, until=until, entity_ids=entity_ids, story=story, source=source,
                        truncated=_truncated(kind))


# What long-lived readers (keep_vectors) hold in memory of a knowledge base file, for the file's
# version (size and modification time of the file and its WAL): its search readiness, its vectors
# (one VectorIndex a model) and its full-text indexes' dictionaries and documents. Only read-only
# stores use it: while this process has the file open read-only, no process can write it, and a
# write made after it is let go changes the version.
HELD_FILES = 4
_held: OrderedDict[tuple[str, str], tuple[tuple[object, ...], embedding.VectorIndex | None]] = OrderedDict()
_held_texts: OrderedDict[str, tuple[tuple[object, ...], HeldText]] = OrderedDict()
_ready: OrderedDict[str, tuple[tuple[object, ...], Readiness | None]] = OrderedDict()
_held_lock = threading.Lock()
_T = TypeVar("_T")


def _kept(cache: OrderedDict[Any, tuple[tuple[object, ...], _T]], key: Any, store: Store, read: Callable[[], _T]) -> _T:
    """What ``read`` reads of ``store``'s file (read-only), kept in ``cache`` under ``key`` for the
    file's version: read once a version, the ``HELD_FILES`` files used last kept."""
    version = file_version(store.path)
    with _held_lock:
        found = cache.get(key)
        if found is not None and found[0] == version:
            cache.move_to_end(key)
            return found[1]
        value = read()
        cache[key] = (version, value)
        cache.move_to_end(key)
        while len(cache) > HELD_FILES:
            cache.popitem(last=False)
        return value


def held_vectors(store: Store, model: str) -> embedding.VectorIndex | None:
    """The kept articles' ``model`` vectors of ``store``'s file in memory, read once a file version;
    None for a writable store, or when there are more than the ``vector_cache`` setting allows."""
    if not store.read_only:
        return None

    def read() -> embedding.VectorIndex | None:
        cap = int(settings.get("vector_cache"))
        if cap > 0 and vector_count(store, model) <= cap:
            return embedding.VectorIndex(*vector_matrix(store, model))
        return None

    return _kept(_held, (os.path.realpath(store.path), model), store, read)


def held_text(store: Store) -> HeldText | None:
    """The full-text indexes' dictionaries and documents of ``store``'s file in memory
    (``HeldText``), read once a file version, like ``held_vectors``; None for a writable store or
    one whose indexes are not built."""
    if not store.read_only:
        return None
    state = _readiness(store)
    if state is None or state.fts_built is None:
        return None
    return _kept(_held_texts, os.path.realpath(store.path), store, lambda: read_held_text(store))


def _semantic_top(store: Store, vector: Sequence[float], filters: SearchFilter, depth: int,
                  keep_vectors: bool) -> list[tuple[str, float]]:
    index = held_vectors(store, embedding.MODEL_NAME) if keep_vectors and filters == SearchFilter() else None
    if index is not None:
        return index.top(vector, depth)
    return vector_top(store, [float(x) for x in vector], embedding.MODEL_NAME, filters, depth)


def stem_marks(texts: dict[str, str], query_stems: set[str], stem_of: Callable[[Sequence[str]], dict[str, str]]
               ) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, stem) of the words of each text (``\\w`` runs) whose lower-cased form stems to
    one of ``query_stems``, by key; ``stem_of`` gives words' stems (``store.search.stems``).

    The Porter stemmer keeps the beginning of a word and changes at most the last letter of what it
    keeps ("pay" -> "pai", "rising" -> "rise"; no word of the BBC corpus's 27,906 breaks it), so
    only a run whose lower case begins with a query stem but its last letter can stem to it: in a
    text whose characters each lower-case to one (its offsets stay) only those runs are found and
    stemmed, in C, where stemming every word of 20 hits' texts cost a search a tenth of its time;
    other texts ("İ" lower-cases to two, "Σ" as what follows it asks) have every run stemmed."""
    if not query_stems:
        return {key: [] for key in texts}
    prefixes = {s[:-1] for s in query_stems}
    quick = None
    if "" not in prefixes:
        alternatives = "|".join(map(re.escape, sorted(prefixes, key=len, reverse=True)))
        quick = re.compile(rf"(?:{alternatives})\w*")  # a run's start checked below: a look-behind cost 20 times more
    runs: dict[str, list[tuple[int, int, str]]] = {}
    for key, text in texts.items():
        lowered = text.lower()
        # each character lower-cased to one, alike in the text and in its word (a capital sigma's lower
        # case depends on what follows it, in the text past the word too)
        if quick is not None and len(lowered) == len(text) and "\u03a3" not in text:
            runs[key] = [(m.start(), m.end(), m.group()) for m in quick.finditer(lowered)
                         if not (m.start() and _WORD.match(lowered, m.start() - 1))]
        else:
            runs[key] = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    stemmed = stem_of(sorted({w for found in runs.values() for _, _, w in found}))
    return {key: [(a, b, stemmed[w]) for a, b, w in found if stemmed.get(w) in query_stems] for key, found in runs.items()}


def make_snippet(text: str, marks: Sequence[tuple[int, int, str]], width: int = SNIPPET_CHARS) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The ``width``-character window of ``text`` holding the most distinct matched stems (ties:
    the earliest), cut at word boundaries, with "…" where it was cut; marks re-based into it."""
    if not marks:
        start, end = 0, min(len(text), width)
    else:
        best = (-1, -1, 0)
        for i, (s, _, _) in enumerate(marks):
            inside = [m for m in marks[i:] if m[1] <= s + width]
            score = (len({m[2] for m in inside}), len(inside))
            if score > best[:2]:
                best = (*score, s)
        start = max(0, best[2] - width // 4)
        end = min(len(text), start + width)
    if start > 0:  # start after a word boundary (the window opens a quarter width before the match)
        space = text.find(" ", start, start + 30)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start > 0 else ""
    body = text[start:end]
    shift = len(prefix) - start
    kept = tuple((s + shift, e + shift) for s, e, _ in marks if s >= start and e <= end)
    return prefix + body + ("…" if end < len(text) else ""), kept


def _hits(store: Store, ranked: Sequence[tuple[str, float]], text_scores: dict[str, float],
          semantic_scores: dict[str, float], query_stems: set[str], query: str, held: HeldText | None) -> list[SearchHit]:
    rows = hit_rows(store, [aid for aid, _ in ranked])
    cleaned = {aid: _clean(" ".join(p for p in (r["title"], r["deck"], r["text"]) if p)) for aid, r in rows.items()}
    marked = stem_marks(cleaned, query_stems, lambda words: stems(store, words))
    quotes: dict[str, list[QuoteHit]] = {}
    if query_stems:
        for qid, aid, score, content, speaker in quote_top(store, query, list(rows), 5 * len(rows) + 5, per_article=3, held=held):
            quotes.setdefault(aid, []).append(QuoteHit(quote_id=qid, speaker=speaker, text=_clean(content or ""), score=score))
    hits = []
    for aid, score in ranked:
        row = rows[aid]
        snippet, marks = make_snippet(cleaned[aid], marked[aid])
        hits.append(SearchHit(
            article_id=aid, title=row["title"], published=row["published"],
            source=row["url"] or row["source_path"], truncated=bool(row["truncated"]), score=score,
            text_score=text_scores.get(aid), semantic_score=semantic_scores.get(aid),
            snippet=snippet, marks=marks, quotes=tuple(quotes.get(aid, ())),
        ))
    return hits


def search(
    db: str | Path | Store,
    query: str,
    *,
    mode: str | SearchMode = SearchMode.HYBRID,
    since: datetime | None = None,
    until: datetime | None = None,
    entity: str | None = None,
    story: str | None = None,
    source: str | None = None,
    kind: str | None = None,
    limit: int = 10,
    k: float | None = None,
    semantic_weight: float | None = None,
    keep_vectors: bool = False,
) -> list[SearchHit]:
    """The best ``limit`` articles for ``query``, best first.

    Args:
        db: the knowledge base (a path, opened read-only for the call, or an open ``Store``).
        query: words or a sentence; matched as plain text (no operators).
        mode: ``hybrid`` (default: BM25 and cosine fused by RRF), ``text`` or ``semantic``.
        since, until: published on or after / before (exclusive).
        entity: only articles mentioning this entity (name, alias or id; needs a base built with NLP).
        story: only articles of this story id.
        source: substring of the source path, URL or publisher.
        kind: ``truncated`` (teasers) or ``complete`` articles only.
        limit: how many hits (1 to 1000).
        k, semantic_weight: the fusion's constants (defaults in ``newsgraph.search.fusion``).
        keep_vectors: for a reader that stays open (a held ``KnowledgeBase``, the server): keep the
            base's vectors in memory after the first semantic search (``held_vectors``) and answer
            unfiltered ones from there (the same ranking; filtered ones still scan the table); keep
            the full-text indexes' dictionaries and documents too (``held_text``), for the text
            ranking of unfiltered searches and the quotes' scores.
    """
    chosen = _mode(mode)
    text = check_query(query)
    if not 1 <= int(limit) <= MAX_LIMIT:
        raise QueryError("NG403", f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    with reading(db) as store:
        _require_indexes(store, chosen)
        filters = _filters(store, since=since, until=until, entity=entity, story=story, source=source, kind=kind)
        terms = _query_terms(store, text, chosen)
        depth = max(DEPTH, int(limit))
        held = held_text(store) if keep_vectors else None
        text_ranked = text_top(store, text, filters, depth, held) if terms and chosen is not SearchMode.SEMANTIC else []
        semantic_ranked: list[tuple[str, float]] = []
        if chosen is not SearchMode.TEXT:
            vector = embedding.encoder().embed([text])[0]
            semantic_ranked = _semantic_top(store, vector, filters, depth, keep_vectors)
        if chosen is SearchMode.HYBRID:
            fused = embedding.reciprocal_rank_fusion(
                [[a for a, _ in text_ranked], [a for a, _ in semantic_ranked]],
                k=embedding.fusion.K if k is None else k,
                weights=[1.0, embedding.fusion.SEMANTIC_WEIGHT if semantic_weight is None else semantic_weight])
            ranked = [(str(a), s) for a, s in fused]
        else:
            ranked = text_ranked or semantic_ranked
        return _hits(store, ranked[: int(limit)], dict(text_ranked), dict(semantic_ranked),
                     {s for _, s in terms}, text, held)


def _query_terms(store: Store, text: str, mode: SearchMode) -> list[tuple[str, str]]:
    from newsgraph.store.search import query_terms

    terms = query_terms(store, text)
    if not terms and mode is SearchMode.TEXT:
        raise QueryError("NG407", f"the query {text[:60]!r} has only stopwords or punctuation",
                         "search with more specific words, or drop --text to search by meaning")
    return terms
