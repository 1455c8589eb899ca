"""Story digests: the stored rows a story's page is made of, kept ready so that the page reads one row.

A story's page (``query.stories.story_detail`` with ``heads_only``) shows its articles' heads in
time order, their main events, its first quotes and figures with how many there are in all, and
the entities named in most of its articles. Read live, that is ten lookups by index over the
story's articles (on the 45,000-article benchmark base, about twenty milliseconds: most of a
story page's cost under load). ``story_pages`` computes it for many stories at once, by set
queries; ``refresh_stories_in`` keeps one compressed row a story (``story_digest``), and
``read_story_page`` reads it by the story's key. The page itself is built from those rows by the
same code whether they were stored or read live (``story_pages`` for one story), so the two cannot
differ but in freshness.

Freshness: a write that changes a story's members, title or span (``stories.write_stories``), or
an article's text, facts or entity links (``digest.mark_dirty``, called by every such write with
the articles concerned) marks the stories concerned in ``story_digest_dirty`` in the same
transaction; ``*`` marks them all (a curation over every entity, an upgraded base). ``refresh``
(``digest.refresh_in``: the end of an ingest, a re-extraction, a curation, ``newsgraph index``)
recomputes the marked rows, and a reader uses a digest only when its story is not marked. The
entities' names and types are not stored: a page reads them by key, so that renaming an entity
stales no story.
"""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import duckdb

from newsgraph.store.connection import Store, joined
from newsgraph.store.facts import opening_key

FACTS = 20  # quotes and figures a digest keeps a story (a story page's)
ENTITIES = 10  # main entities a digest keeps a story (a story page's)
ALL = "*"  # in story_digest_dirty: every digest is stale
CHUNK = 1000  # stories computed together by refresh

_IN = "IN (SELECT unnest(string_split(?, chr(31))))"
_HEAD = ("SELECT a.id, a.seq, a.title, a.kicker, a.published, a.source_path, a.truncated, a.text_of,"
         " left(coalesce(o.text, a.text), 280) AS text, length(coalesce(o.text, a.text)) AS length"
         " FROM articles a LEFT JOIN articles o ON o.id = a.text_of WHERE a.id {}")


def mark_stories(conn: duckdb.DuckDBPyConnection, *, story_ids: Iterable[str] = (), article_ids: Iterable[str] = (),
                 everything: bool = False) -> None:
    """Mark the digests of ``story_ids`` and of the stories holding ``article_ids`` (as the members
    stand when called), or all of them, as stale."""
    if everything:
        conn.execute("INSERT INTO story_digest_dirty VALUES (?)", [ALL])
        return
    stories = list(dict.fromkeys(story_ids))
    if stories:
        conn.execute("INSERT INTO story_digest_dirty SELECT unnest(string_split(?, chr(31)))", [joined(stories)])
    articles = list(dict.fromkeys(article_ids))
    if articles:
        conn.execute(f"INSERT INTO story_digest_dirty SELECT DISTINCT story_id FROM story_articles WHERE article_id {_IN}",
                     [joined(articles)])


def read_story_page(store: Store, story_id: str) -> dict[str, Any] | None:
    """The stored page of ``story_id``, or None when it has none or it is marked stale."""
    rows = store.rows(  # a mark comes back as a NULL row (one union costs DuckDB half what a scalar subquery does)
        """SELECT page FROM story_digest WHERE story_id = ?
           UNION ALL SELECT NULL FROM story_digest_dirty WHERE story_id = ? OR story_id = '*'""", [story_id, story_id])
    if len(rows) != 1 or rows[0][0] is None:
        return None
    return decode(rows[0][0])


def refresh_stories_in(conn: duckdb.DuckDBPyConnection) -> int:
    """Recompute the story digests marked stale (all of them after a ``*`` mark) inside the
    caller's transaction; returns how many stories were recomputed."""
    from newsgraph.store.digest import refresh_pages_in

    view = Store(conn, "", read_only=False)  # the caller's transaction, read through Store's helpers
    return refresh_pages_in(conn, table="story_digest", key="story_id", everyone="SELECT id FROM stories ORDER BY id",
                            chunk=CHUNK, rows_of=lambda chunk: [(s, encode(p)) for s, p in story_pages(view, chunk).items()])


def story_pages(store: Store, story_ids: Sequence[str], *, entities: int = ENTITIES,
                facts: int | None = FACTS) -> dict[str, dict[str, Any]]:
    """story id → the rows its page is made of, for the stored ``story_ids`` (others left out):
    ``story`` (id, title, start, end, merged ids), ``members`` (article ids, in id order), ``heads``
    (head rows of its articles in time order: undated last, then by id), ``mains`` (their main
    events' rows), ``quotes`` and ``content`` (the rows of its first ``facts`` quotes, article by
    article in time order, each article's as they open in its text), ``figures`` (the same),
    ``quote_count``, ``figure_count`` (all of them), ``ranked`` ([entity id, articles naming it] of
    the ``entities`` entities named in most of its articles, ties by id). ``facts`` None keeps all."""
    from newsgraph.store.articles import _utc
    from newsgraph.store.facts import FIGURE_ORDER, _by_article

    ids = list(dict.fromkeys(story_ids))
    if not ids:
        return {}
    stories = {r["id"]: {**r, "start": _utc(r["start"]), "end": _utc(r["end"])} for r in store.dicts(
        f'SELECT id, title, start, "end", merged_ids FROM stories WHERE id {_IN}', [joined(ids)])}
    members: dict[str, list[str]] = defaultdict(list)
    for sid, aid in store.rows(f"SELECT story_id, article_id FROM story_articles WHERE story_id {_IN} ORDER BY article_id",
                               [joined(list(stories))]):
        members[sid].append(aid)
    articles = sorted({a for found in members.values() for a in found})
    heads = {r["id"]: {**r, "published": _utc(r["published"])}  # an exact copy stored by reference: its original's text
             for r in store.dicts(_HEAD.format(_IN), [joined(articles)])} if articles else {}
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = {"mains": defaultdict(list), "figures": defaultdict(list)}
    for kind, table, order in (("mains", "main_events", "t.event_id"), ("figures", "figures", FIGURE_ORDER)):
        for row in _by_article(store, table, articles, order) if articles else ():
            by_article[kind][row["article_id"]].append(row)
    quote_rows = _by_article(store, "quotes", articles, "t.id") if articles else []
    content_rows = _by_article(store, "quote_content", articles, "t.quote_id, t.idx") if articles else []
    content: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in content_rows:
        content[row["quote_id"]].append(row)
    rows_of = {r["id"]: r for r in quote_rows}
    quotes: dict[str, list[str]] = defaultdict(list)  # article → its quote ids as they open in the text
    for row in sorted(quote_rows, key=lambda r: _opening(r, content.get(r["id"], ()))):
        quotes[row["article_id"]].append(row["id"])
    ranked: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for sid, eid, n in store.rows(
            f"""SELECT sa.story_id, m.entity_id, count(DISTINCT m.article_id) AS n FROM story_articles sa
                JOIN mentions m ON m.article_id = sa.article_id
                WHERE sa.story_id {_IN} AND m.entity_id IS NOT NULL GROUP BY ALL""", [joined(list(stories))]):
        ranked[sid].append((eid, int(n)))
    out: dict[str, dict[str, Any]] = {}
    for sid, story in stories.items():
        order = sorted((heads[a] for a in members[sid] if a in heads), key=_time_order)
        in_order = [h["id"] for h in order]
        said = [q for a in in_order for q in quotes.get(a, ())]
        cited = [f for a in in_order for f in by_article["figures"].get(a, ())]
        kept = said if facts is None else said[:facts]
        out[sid] = {
            "story": story, "members": members[sid], "heads": order,
            "mains": [m for a in in_order for m in by_article["mains"].get(a, ())],
            "quotes": [rows_of[q] for q in kept], "content": [c for q in kept for c in content.get(q, ())],
            "quote_count": len(said),
            "figures": cited if facts is None else cited[:facts], "figure_count": len(cited),
            "ranked": sorted(ranked[sid], key=lambda en: (-en[1], en[0]))[:entities] if entities > 0 else [],
        }
    return out


def _opening(quote: dict[str, Any], content: Iterable[dict[str, Any]]) -> tuple[Any, ...]:
    """``store.facts._opening`` of a quote's rows: where it opens in the text (its first content
    span), then its cue, its id last; one without content or cue after those with one."""
    return opening_key(min((c["ev_start"] for c in content), default=None), quote["cue_start"], quote["id"])


def _time_order(head: dict[str, Any]) -> tuple[bool, str, str]:
    """An article's place in its story: by publication time, undated ones last, then by id."""
    published = head["published"]
    return (published is None, published.isoformat() if published else "", head["id"])


# --- the stored form: JSON, compressed; datetimes tagged so that they come back as datetimes ---


def encode(page: dict[str, Any]) -> bytes:
    return zlib.compress(tagged(page), 1)


def decode(blob: bytes) -> dict[str, Any]:
    return untagged(zlib.decompress(blob))


def tagged(value: Any) -> bytes:
    """``value`` as compact JSON (UTF-8), its datetimes and dates tagged (``store/article_digest.py`` too)."""
    return json.dumps(value, separators=(",", ":"), default=_tag).encode("utf-8")


def untagged(data: bytes) -> Any:
    """What ``tagged`` wrote, its datetimes and dates back."""
    return json.loads(data, object_hook=_untag)


def _tag(value: Any) -> dict[str, str]:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not stored in a story page")


def _untag(value: dict[str, Any]) -> Any:
    if len(value) == 1:
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
    return value
