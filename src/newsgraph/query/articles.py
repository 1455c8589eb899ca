"""Articles as the CLI and API ask for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsgraph.errors import QueryError
from newsgraph.model import Article, Duplicate
from newsgraph.store import ArticleFilter, copies_of, duplicate_record, get_article, list_articles, open_store


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleDetail:
    """One article with its duplicate links.

    Attributes:
        article: the article.
        duplicate: when it is itself a copy, the record pointing at the kept article.
        copies: duplicates recorded of it.
    """

    article: Article
    duplicate: Duplicate | None
    copies: tuple[Duplicate, ...]


def find_articles(
    db: str | Path,
    *,
    text: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    source: str | None = None,
    truncated: bool | None = None,
    duplicates: bool = False,
    limit: int | None = None,
) -> list[Article]:
    """Stored articles matching every filter given, in ingest order (duplicates left out unless asked)."""
    if limit is not None and limit < 0:
        raise QueryError("NG403", f"--limit must be 0 or more, got {limit}")
    filters = ArticleFilter(text=text, since=since, until=until, source=source, truncated=truncated,
                            duplicates=duplicates, limit=limit)
    with open_store(db, read_only=True) as store:
        return list_articles(store, filters)


def article_detail(db: str | Path, article_id: str) -> ArticleDetail:
    """One article by id, with its duplicate links; QueryError NG401 when there is none."""
    with open_store(db, read_only=True) as store:
        article = get_article(store, article_id)
        if article is None:
            raise QueryError("NG401", f"no article with id {article_id!r} in {db}")
        return ArticleDetail(article=article, duplicate=duplicate_record(store, article_id),
                             copies=tuple(copies_of(store, article_id)))
