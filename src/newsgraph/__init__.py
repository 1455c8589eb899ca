"""newsgraph: turn raw news into a knowledge base whose every fact points at its characters."""

from typing import TYPE_CHECKING

from newsgraph.errors import NewsgraphError
from newsgraph.model import (
    Article,
    ArticleFacts,
    Entity,
    Event,
    Evidence,
    Figure,
    Mention,
    Quote,
    Role,
    TimeExpression,
)

if TYPE_CHECKING:
    from newsgraph.kb import KnowledgeBase, Results, open  # noqa: A004

__version__ = "0.1.0"

_LAZY = {"KnowledgeBase", "Results", "open"}


def __getattr__(name: str) -> object:
    """``newsgraph.open``, ``KnowledgeBase`` and ``Results`` load the store (DuckDB) on first use,
    so that ``import newsgraph.model`` or ``newsgraph.nlp`` in a worker stays light."""
    if name in _LAZY:
        from newsgraph import kb

        return getattr(kb, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")

__all__ = [
    "Article", "ArticleFacts", "Entity", "Event", "Evidence", "Figure", "Mention",
    "KnowledgeBase", "NewsgraphError", "Quote", "Results", "Role", "TimeExpression", "__version__", "open",
]
