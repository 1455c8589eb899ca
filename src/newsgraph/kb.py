"""``KnowledgeBase``: the one object a Python user holds, and what the CLI and the web call.

    import newsgraph
    kb = newsgraph.open("news.duckdb")
    kb.ingest(["news/"])
    kb.entities(type="PERSON").to_pandas()

Each method opens the DuckDB file for the call (read-only for reads), so a ``KnowledgeBase`` is
safe to share between threads. Opened read-only, it also keeps one read-only connection for its
lifetime (``keep_open``): DuckDB then shares that database instance with every per-call open in
the process, which makes an open cost well under a millisecond instead of tens (measured by
benchmarks/query.py); ``close()`` (or a ``with`` block) lets it go. Listings return ``Results`` (a
list of model objects with ``to_pandas()``/``to_arrow()``); single lookups return one detail object
and raise a coded error (NG401 article, NG402 entity, NG409 story) when there is none.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph import query
from newsgraph.errors import QueryError
from newsgraph.model import Article, Entity, Event, Figure, Quote, TimeExpression
from newsgraph.query.results import Results
from newsgraph.store import LogEntry, Store, open_store

if TYPE_CHECKING:
    import threading

    from newsgraph.pipeline import IngestSummary
    from newsgraph.watch import WatchBatch

__all__ = ["KnowledgeBase", "Results", "open"]


def _feature(module: str, name: str, feature: str) -> Callable[..., Any]:
    """A function of a part that may not be installed yet (search, stories); NG420 when absent."""
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ModuleNotFoundError as exc:
        if exc.name is None or not module.startswith(exc.name):
            raise
        found = None
    if found is None:
        raise QueryError("NG420", f"{feature} is not installed in this newsgraph ({module}.{name} is missing)")
    return found


class KnowledgeBase:
    """A newsgraph knowledge base (one DuckDB file). Make one with ``newsgraph.open(path)``.

    Attributes:
        path: the DuckDB file.
        read_only: True when it was opened for reading only (``ingest`` then raises NG421).
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, keep_open: bool = True) -> None:
        self.path = Path(path)
        self.read_only = read_only
        # NG301 now, not at the first query, when the file is missing (read-only) or not a knowledge base
        store = open_store(self.path, read_only=read_only)
        self._held: Store | None = store if read_only and keep_open else None
        if self._held is None:
            store.close()

    def __repr__(self) -> str:
        return f"KnowledgeBase({str(self.path)!r}, read_only={self.read_only})"

    def close(self) -> None:
        """Let the connection a read-only knowledge base keeps go (calls still work, each opening the file)."""
        if self._held is not None:
            self._held.close()
            self._held = None

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------------------

    def ingest(self, paths: str | Path | Sequence[str | Path], *, nlp: bool = True, **options: Any) -> IngestSummary:
        """Read ``paths`` (files, folders, globs, ``-``) into the knowledge base and return the run's
        summary. ``nlp=False`` stores the articles without extracting facts. ``options`` are
        ``pipeline.ingest``'s: format, published, text_field, title_field, url_field, date_field,
        batch_size, threshold, runner, progress."""
        if self.read_only:
            raise QueryError("NG421", f"{self.path} was opened read-only; ingest needs it writable")
        from newsgraph import pipeline

        items = [paths] if isinstance(paths, (str, Path)) else list(paths)
        return pipeline.ingest([str(p) for p in items], db=self.path, extract=nlp, **options)

    def watch(self, folder: str | Path, *, interval: float = 2.0, stop: threading.Event | None = None,
              on_batch: Callable[[WatchBatch], None] | None = None, nlp: bool = True, **options: Any) -> int:
        """Ingest the new and changed files of ``folder`` as they appear, until ``stop`` is set;
        ``on_batch`` gets each run's ``WatchBatch``. Returns the runs made. See ``newsgraph.watch``."""
        if self.read_only:
            raise QueryError("NG421", f"{self.path} was opened read-only; watch needs it writable")
        from newsgraph.watch import watch

        options = {k: v for k, v in options.items() if v is not None}
        return watch(folder, db=self.path, interval=interval, stop=stop, on_batch=on_batch, nlp=nlp, **options)

    # --- corrections to entity identity (newsgraph.curation) ---------------------------------------

    def edit(self, action: str, entity: str, value: str | None = None, names: Sequence[str] = ()) -> Any:
        """One entity edit by name: merge (``value``: into), split (``names``), retype (``value``:
        type), rename (``value``: name) or drop; ``newsgraph.curation.EditResult``."""
        if self.read_only:
            raise QueryError("NG421", f"{self.path} was opened read-only; entity edits need it writable")
        from newsgraph.curation import edit_entity

        self.close()
        return edit_entity(self.path, action, entity, value, tuple(names))

    def merge(self, entity: str, into: str) -> Any:
        """Merge ``entity`` (id, name or alias) into ``into``, as a rule kept for every later ingest
        and reextract; returns the ``EditResult`` (the rule, and the entity merged into)."""
        return self.edit("merge", entity, into)

    def split(self, entity: str, names: str | Sequence[str]) -> Any:
        """Move the mentions of ``entity`` under ``names`` (names it is called by) to an entity of their own."""
        return self.edit("split", entity, names=(names,) if isinstance(names, str) else tuple(names))

    def retype(self, entity: str, type: str) -> Any:
        """Give ``entity`` the type ``type`` (PERSON, ORG, GPE, ...)."""
        return self.edit("retype", entity, type)

    def rename(self, entity: str, name: str) -> Any:
        """Give ``entity`` the name ``name`` (its old name stays an alias)."""
        return self.edit("rename", entity, name)

    def drop(self, entity: str) -> Any:
        """Make ``entity`` no entity ("MPs"): its mentions stay, unresolved, now and in later ingests."""
        return self.edit("drop", entity)

    def undo_edit(self, edit_id: str) -> Any:
        """Undo the entity edit ``edit_id`` (identity is rebuilt without it); NG473 when none is in force."""
        if self.read_only:
            raise QueryError("NG421", f"{self.path} was opened read-only; entity edits need it writable")
        from newsgraph.curation import undo_edit

        self.close()
        return undo_edit(self.path, edit_id)

    def edits(self, *, active_only: bool = False) -> Results[Any]:
        """The entity edits made, in order (undone ones marked), or only those in force."""
        from newsgraph.curation import list_edits

        return Results(list_edits(self.path, active_only=active_only))

    # --- articles ---------------------------------------------------------------------------------

    def articles(self, *, text: str | None = None, since: datetime | None = None, until: datetime | None = None,
                 source: str | None = None, truncated: bool | None = None, duplicates: bool = False,
                 limit: int | None = None) -> Results[Article]:
        """Stored articles matching every filter given, in ingest order."""
        return Results(query.find_articles(self.path, text=text, since=since, until=until, source=source,
                                           truncated=truncated, duplicates=duplicates, limit=limit))

    def article(self, article_id: str) -> query.ArticleDetail:
        """One article with its duplicate links; NG401 when there is none."""
        return query.article_detail(self.path, article_id)

    def history(self, article_id: str) -> Results[Any]:
        """The versions of an article updated from its source, oldest first; NG401 when none."""
        from newsgraph.query.history import article_history

        return Results(article_history(self.path, article_id))

    def brief(self, article_id: str) -> query.Brief:
        """An article's main event (5W1H) and key facts; NG401 when there is no such article."""
        return query.brief(self.path, article_id)

    # --- entities and facts -----------------------------------------------------------------------

    def entities(self, *, type: str | None = None, min_articles: int = 1, limit: int | None = None) -> Results[Entity]:
        """Entities of ``type`` (PERSON, ORG, GPE, ...) in at least ``min_articles`` articles, most first."""
        found = query.list_entities(self.path, type=type, min_articles=min_articles)
        return Results(found if limit is None else found[:max(0, limit)])

    def entity(self, name: str) -> query.EntityDetail:
        """One entity by name, alias or id, with its quotes and companions; NG402 when none is."""
        return query.entity_detail(self.path, name)

    def quotes(self, *, speaker: str | None = None, anonymous: bool | None = None,
               article: str | None = None) -> Results[Quote]:
        """Quotes by speaker (entity name, alias or words of the speaker text), anonymity, article."""
        return Results(query.find_quotes(self.path, speaker=speaker, anonymous=anonymous, article=article))

    def events(self, *, type: str | None = None, actor: str | None = None, mode: str | None = None,
               since: datetime | None = None, article: str | None = None, all: bool = False) -> Results[Event]:
        """Events by PLOVER type, actor, mode, date and article: by default the typed
        ones (a PLOVER type, or an article's main event), with ``all=True`` the OTHER ones too."""
        return Results(query.find_events(self.path, type=type, actor=actor, mode=mode, since=since, article=article,
                                         typed=not all))

    def figures(self, *, article: str | None = None, unit: str | None = None) -> Results[Figure]:
        """Figures, of one article and/or one unit (USD, percent, count, ...)."""
        return Results(query.find_figures(self.path, article=article, unit=unit))

    def times(self, *, article: str | None = None, type: str | None = None,
              resolved: bool | None = None) -> Results[TimeExpression]:
        """Time expressions, of one article, one type (date, time, duration, set), resolved or not."""
        return Results(query.find_times(self.path, article=article, type=type, resolved=resolved))

    def timeline(self, name: str, *, kinds: tuple[str, ...] = query.timeline_kinds) -> Results[query.TimelineItem]:
        """The entity named ``name`` through time: its mentions, roles, quotes and events by date
        (undated last); NG402 when there is no such entity."""
        return Results(query.timeline(self.path, name, kinds=kinds))

    def network(self, *, entity: str | None = None, min_weight: int = 1) -> query.Network:
        """Entities that appear together, weighted by shared articles; ``entity`` keeps its ego
        network, ``min_weight`` drops lighter edges. ``.to_graphml()``, ``.to_json()``."""
        return query.network(self.path, entity=entity, min_weight=min_weight)

    # --- search and stories (their own parts of newsgraph) ----------------------------------------

    def search(self, text: str, *, mode: str = "hybrid", since: datetime | None = None, until: datetime | None = None,
               entity: str | None = None, story: str | None = None, source: str | None = None,
               kind: str | None = None, limit: int = 10) -> Results[Any]:
        """Ranked hits for ``text`` (mode ``hybrid``, ``text`` or ``semantic``), filtered."""
        search = _feature("newsgraph.query.search", "search", "search")
        return Results(search(self.path, text, mode=mode, since=since, until=until, entity=entity, story=story,
                              source=source, kind=kind, limit=limit, keep_vectors=self._held is not None))

    def stories(self, *, since: datetime | None = None, until: datetime | None = None, entity: str | None = None,
                min_articles: int = 1, limit: int | None = None) -> Results[Any]:
        """Stories (clusters of articles about one happening), filtered."""
        list_stories = _feature("newsgraph.query.stories", "list_stories", "stories")
        return Results(list_stories(self.path, since=since, until=until, entity=entity, min_articles=min_articles,
                                    limit=limit))

    def story(self, story_id: str) -> Any:
        """One story (by id, or an id it absorbed) with its articles, timeline, entities, quotes and
        figures; NG409 when none."""
        story_detail = _feature("newsgraph.query.stories", "story_detail", "stories")
        return story_detail(self.path, story_id)

    def index(self, *, embed: bool = True, text: bool = True, stories: bool = True, reindex: bool = False) -> Any:
        """Build what the knowledge base lacks (``newsgraph index``): stories for articles without
        one, vectors for articles without one (``embed``), the fts index rebuilt (``text``), and
        with ``reindex`` every secondary index re-created; returns an ``IndexSummary``."""
        if self.read_only:
            raise QueryError("NG421", f"{self.path} was opened read-only; index needs it writable")
        from newsgraph.indexing import index

        return index(self.path, embed=embed, text=text, stories=stories, reindex=reindex)

    # --- the whole base ---------------------------------------------------------------------------

    def verify(self) -> query.VerifyReport:
        """Check every stored evidence span and invariant; the report's ``ok`` says whether all hold."""
        return query.verify(self.path)

    def log(self, *, code: str | None = None, limit: int | None = None) -> Results[LogEntry]:
        """The ingest log: skipped inputs and dropped articles with their code and reason."""
        return Results(query.ingest_log(self.path, code=code, limit=limit))

    def export(self, format: str = "json", output: str | Path | None = None) -> list[Path]:
        """Write the export (DESIGN.md §7) as json (one file) or jsonl/parquet/csv (a folder);
        return the files written."""
        return query.export(self.path, format, output)

    def export_json(self) -> str:
        """The whole knowledge base as one JSON document (the json export, as a string)."""
        return query.export_json(self.path)

    def records(self) -> dict[str, list[dict[str, Any]]]:
        """Every key of the export format as lists of JSON-ready records, in memory."""
        return query.export_records(self.path)


def open(path: str | Path, *, read_only: bool = False, keep_open: bool = True) -> KnowledgeBase:  # noqa: A001 - as sqlite3.connect
    """Open (for writing: create or upgrade) the knowledge base at ``path``.

    ``read_only=True`` never writes and raises NG301 when there is no knowledge base at ``path``;
    with ``keep_open`` (the default) it holds a read-only connection until ``close()``, which makes
    every call cheaper but keeps other processes from writing the file meanwhile.
    """
    return KnowledgeBase(path, read_only=read_only, keep_open=keep_open)
