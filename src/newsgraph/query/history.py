"""An article's versions: the texts it had, oldest first (see store/versions.py)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import QueryError
from newsgraph.store import ArticleVersion, open_store, read_versions


def article_history(db: str | Path, article_id: str) -> list[ArticleVersion]:
    """Every version of one article, the current one last; QueryError NG401 when there is none."""
    with open_store(db, read_only=True) as store:
        versions = read_versions(store, article_id)
    if not versions:
        raise QueryError("NG401", f"no article with id {article_id!r} in {db}")
    return versions
