"""The data model: frozen records and string enums, standard library only."""

from newsgraph.model.article import Article, Boilerplate, BoilerplateKind, SourceFormat, SourcePointer
from newsgraph.model.entities import Alias, AliasKind, Entity, EntityType, Geo, LocalEntity, Mention, Role, RoleStatus
from newsgraph.model.events import Argument, Event, EventMode, Figure, MainEvent, TimeExpression, TimeType
from newsgraph.model.evidence import Evidence, EvidenceError, check_evidence, evidence_from
from newsgraph.model.ids import article_id, fact_id, stable_id, text_hash
from newsgraph.model.quotes import Quote, QuoteKind, Speaker
from newsgraph.model.records import ArticleFacts, Duplicate, DuplicateKind, LogLevel, Skip, Story

__all__ = [
    "Alias", "AliasKind", "Argument", "Article", "ArticleFacts", "Boilerplate", "BoilerplateKind",
    "Duplicate", "DuplicateKind", "Entity", "EntityType", "Event", "EventMode", "Evidence",
    "EvidenceError", "Figure", "Geo", "LocalEntity", "LogLevel", "MainEvent", "Mention", "Quote",
    "QuoteKind", "Role", "RoleStatus", "Skip", "SourceFormat", "SourcePointer", "Speaker", "Story",
    "TimeExpression", "TimeType", "article_id", "check_evidence", "evidence_from", "fact_id",
    "stable_id", "text_hash",
]
