"""newsgraph: turn raw news into a knowledge base whose every fact points at its characters."""

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

__version__ = "0.1.0"

__all__ = [
    "Article", "ArticleFacts", "Entity", "Event", "Evidence", "Figure", "Mention",
    "NewsgraphError", "Quote", "Role", "TimeExpression", "__version__",
]
