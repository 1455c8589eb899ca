"""Stories as the CLI and API ask for them: a filtered list, and one story in detail."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from newsgraph.errors import QueryError
from newsgraph.model import Article, Entity, EntityType, Figure, MainEvent, Quote, Story
from newsgraph.store import (
    Store, StoryFilter, entity_heads, find_entity_ids, find_story, get_articles, list_stories as store_list_stories, reading,
    named_in, read_entities, read_figures, read_main_events, read_quotes,
)
from newsgraph.store.facts import figures_from_rows, main_events_from_rows, quotes_from_rows
from newsgraph.store.story_digest import ENTITIES as DIGEST_ENTITIES, FACTS as DIGEST_FACTS, read_story_page, story_pages


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """One article's main event on a story's timeline.

    Attributes:
        published: the article's publication time, when known.
        article_id: the article.
        title: its headline, when it has one.
        main: its main event (who / what / when / where / why / how), when found.
    """

    published: datetime | None
    article_id: str
    title: str | None
    main: MainEvent | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryDetail:
    """One story with what its articles say.

    Attributes:
        story: the story (id, title, start, end, article ids, merged ids).
        articles: its articles in time order (undated ones last, in id order).
        timeline: the articles' main events, in the same order.
        entities: (entity, number of the story's articles that mention it), most articles first.
        quotes: its articles' quotes, article by article in time order (the first ``limit`` when
            ``story_detail`` was given one).
        figures: its articles' figures, the same way.
        quote_count, figure_count: how many quotes and figures its articles hold in all.
        heads: its articles' heads in the same order (id, title, kicker, published, source path,
            truncated, lede: the first 280 characters of the text, length: the text's); what a page
            lists, and all ``story_detail`` reads with ``heads_only`` (``articles`` is then empty).
    """

    story: Story
    articles: tuple[Article, ...]
    timeline: tuple[TimelineEntry, ...]
    entities: tuple[tuple[Entity, int], ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    quote_count: int = 0
    figure_count: int = 0
    heads: tuple[dict[str, Any], ...] = ()


def list_stories(db: str | Path | Store, *, since: datetime | None = None, until: datetime | None = None,
                 entity: str | None = None, min_articles: int = 1, limit: int | None = None,
                 after: str | None = None) -> list[Story]:
    """Stories whose time span meets [since, until], with an article mentioning ``entity`` (a name,
    an alias or an id), with at least ``min_articles`` articles; the most recent first, or with
    ``after`` (a story id; "" for the first page) those after it in id order, a page at a time."""
    if min_articles < 0:
        raise QueryError("NG403", f"--min-articles must be 0 or more, got {min_articles}")
    if limit is not None and limit < 0:
        raise QueryError("NG403", f"--limit must be 0 or more, got {limit}")
    if since is not None and until is not None and since > until:
        raise QueryError("NG403", f"--since ({since.isoformat()}) is after --until ({until.isoformat()})")
    with reading(db) as store:
        entity_ids = None
        if entity is not None:
            entity_ids = tuple(find_entity_ids(store, entity))
            if not entity_ids:
                raise QueryError("NG402", f"no entity named {entity!r} in {db}")
        return store_list_stories(store, StoryFilter(since=since, until=until, entity_ids=entity_ids,
                                                     min_articles=min_articles, limit=limit, after=after))


def _time_order(article: Article) -> tuple[bool, str, str]:
    return (article.published is None, article.published.isoformat() if article.published else "", article.id)


def story_detail(db: str | Path | Store, story_id: str, *, entities: int = 10, heads_only: bool = False,
                 limit: int | None = None) -> StoryDetail:
    """The story ``story_id`` (or the story that absorbed it) with its articles in time order, their
    main events as a timeline, its ``entities`` main entities, quotes and figures; QueryError NG409
    when there is no such story. ``heads_only`` gives what a page shows: the articles' heads
    (``StoryDetail.heads``) without their texts, the main entities as id, name and type only (reading
    every alias, role and article of a frequent entity costs far more than the rest of the story);
    it reads the story's stored digest (``store/story_digest.py``) when it is fresh and holds what is
    asked. ``limit`` keeps the first quotes and figures only (a page's; ``quote_count`` and
    ``figure_count`` still count them all); None keeps every one."""
    if limit is not None and limit < 0:
        raise QueryError("NG403", f"limit must be 0 or more, got {limit}")
    with reading(db) as store:
        if heads_only:
            page = None
            if entities == DIGEST_ENTITIES and limit is not None and limit <= DIGEST_FACTS:
                page = read_story_page(store, story_id)
            if page is None:  # no fresh digest, or more asked than it keeps: the same rows, read live
                found = find_story(store, story_id)
                if found is None:
                    raise QueryError("NG409", f"no story with id {story_id!r} in {db}")
                page = story_pages(store, [found.id], entities=entities, facts=limit)[found.id]
            return _from_page(store, page, limit)
        story = find_story(store, story_id)
        if story is None:
            raise QueryError("NG409", f"no story with id {story_id!r} in {db}")
        articles = sorted(get_articles(store, story.article_ids), key=_time_order)
        ids = [a.id for a in articles]  # each fact list below comes grouped by article in this order
        mains: dict[str, MainEvent] = {m.article_id: m for m in read_main_events(store, ids)}
        quotes: list[Quote] = read_quotes(store, ids)
        figures: list[Figure] = read_figures(store, ids)
        ranked = named_in(store, ids, entities)  # an entity counts once an article it is named in
        known = {e.id: e for e in read_entities(store, [eid for eid, _ in ranked])}
        return StoryDetail(
            story=story, articles=tuple(articles),
            timeline=tuple(TimelineEntry(published=a.published, article_id=a.id, title=a.title, main=mains.get(a.id))
                           for a in articles),
            entities=tuple(sorted(((known[eid], n) for eid, n in ranked if eid in known),
                                  key=lambda en: (-en[1], en[0].name))),
            quotes=tuple(quotes[:limit]), figures=tuple(figures[:limit]),
            quote_count=len(quotes), figure_count=len(figures),
            heads=tuple({"id": a.id, "title": a.title, "kicker": a.kicker, "published": a.published,
                         "source": a.source.path, "truncated": a.truncated, "lede": a.text[:280], "length": len(a.text)}
                        for a in articles))


def _from_page(store: Store, page: dict[str, Any], limit: int | None) -> StoryDetail:
    """A story's detail from the rows of its page (``store.story_digest.story_pages``, stored or live),
    its main entities' names and types read by key."""
    row = page["story"]
    story = Story(id=row["id"], title=row["title"], start=row["start"], end=row["end"], article_ids=tuple(page["members"]),
                  merged_ids=tuple(json.loads(row["merged_ids"])) if row["merged_ids"] else ())
    heads = tuple({"id": h["id"], "title": h["title"], "kicker": h["kicker"], "published": h["published"],
                   "source": h["source_path"], "truncated": h["truncated"], "lede": h["text"], "length": h["length"]}
                  for h in page["heads"])
    mains: dict[str, MainEvent] = {m.article_id: m for m in main_events_from_rows(page["mains"])}
    ranked = [(eid, int(n)) for eid, n in page["ranked"]]
    known = entity_heads(store, [eid for eid, _ in ranked])
    named = [(Entity(id=eid, name=known[eid]["name"], type=EntityType(known[eid]["type"]), aliases=(), roles=(),
                     article_ids=()), n) for eid, n in ranked if eid in known]
    quotes = quotes_from_rows(page["quotes"], page["content"])
    figures = figures_from_rows(page["figures"])
    return StoryDetail(
        story=story, articles=(),
        timeline=tuple(TimelineEntry(published=h["published"], article_id=h["id"], title=h["title"], main=mains.get(h["id"]))
                       for h in heads),
        entities=tuple(sorted(named, key=lambda en: (-en[1], en[0].name))),
        quotes=tuple(quotes[:limit]), figures=tuple(figures[:limit]),
        quote_count=int(page["quote_count"]), figure_count=int(page["figure_count"]), heads=heads)


def story_record(story: Story) -> dict[str, object]:
    """A story as the export format writes it: id, title, start, end, article_ids, merged_ids."""
    return {"id": story.id, "title": story.title,
            "start": story.start.isoformat() if story.start else None,
            "end": story.end.isoformat() if story.end else None,
            "article_ids": list(story.article_ids), "merged_ids": list(story.merged_ids)}
