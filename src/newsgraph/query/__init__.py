"""The read side: typed functions over the store, returning model objects or plain rows.

Every function takes the knowledge base path and opens it read-only for the call.
"""

from newsgraph.query.articles import ArticleDetail, article_detail, find_articles
from newsgraph.query.facts import (
    Brief, EntityDetail, brief, entity_detail, find_events, find_figures, find_quotes, find_times,
    list_entities,
)
from newsgraph.query.export import FORMAT_VERSION, FORMATS, KEYS, export, export_json, export_records
from newsgraph.query.log import ingest_log
from newsgraph.query.network import Edge, Network, Node, network
from newsgraph.query.timeline import KINDS as timeline_kinds, TimelineItem, timeline
from newsgraph.query.verify import Failure, VerifyReport, verify

__all__ = [
    "ArticleDetail", "Brief", "Edge", "EntityDetail", "Network", "Node", "TimelineItem", "FORMATS", "FORMAT_VERSION", "Failure", "KEYS", "VerifyReport",
    "article_detail", "brief", "entity_detail", "export", "export_json", "export_records", "find_articles",
    "find_events", "find_figures", "find_quotes", "find_times", "ingest_log", "list_entities", "network", "timeline", "timeline_kinds", "verify",
]
