"""The data model: frozen records and string enums, standard library only."""

from newsgraph.model.article import Article, Boilerplate, BoilerplateKind, SourceFormat, SourcePointer
from newsgraph.model.curation import Curation, CurationAction
from newsgraph.model.entities import (
    Alias, AliasKind, Entity, EntityType, LocalEntity, Mention, Role, RoleStatus, Geo,
)
from newsgraph.model.events import Argument, Event, EventMode, Figure, MainEvent, TimeExpression, TimeType
from newsgraph.model.evidence import Evidence, EvidenceError, check_evidence, evidence_from
from newsgraph.model.ids import article_id, fact_id, stable_id, text_hash
from newsgraph.model.quotes import Quote, QuoteKind, Speaker
from newsgraph.model.search import QuoteHit, SearchHit, SearchMode
from newsgraph.model.records import (
    ArticleFacts, Duplicate, DuplicateKind, LogLevel, Skip, Story, StoryFeatures,
)

from dataclasses import is_dataclass as _is_dataclass

from newsgraph.model.pickling import fast_pickling

for _cls in [v for v in list(globals().values()) if isinstance(v, type) and _is_dataclass(v)]:
    fast_pickling(_cls)  # every record the model exports (model/pickling.py)

__all__ = [
    "Alias", "AliasKind", "Argument", "Article", "article_id", "ArticleFacts", "Boilerplate",
    "BoilerplateKind", "check_evidence", "Curation", "CurationAction", "Duplicate", "DuplicateKind", "Entity", "EntityType",
    "Event", "EventMode", "Evidence", "evidence_from", "EvidenceError", "fact_id", "Figure", "Geo",
    "LocalEntity", "LogLevel", "MainEvent", "Mention", "Quote", "QuoteHit", "QuoteKind", "Role",
    "RoleStatus", "SearchHit", "SearchMode", "Skip", "SourceFormat", "SourcePointer", "Speaker",
    "stable_id", "Story", "StoryFeatures", "text_hash", "TimeExpression", "TimeType",
]
