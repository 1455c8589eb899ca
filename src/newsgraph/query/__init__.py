"""The read side: typed functions over the store, returning model objects or plain rows.

Every function takes the knowledge base path and opens it read-only for the call."""

from newsgraph.query.articles import ArticleDetail, article_detail, find_articles
from newsgraph.query.facts import (
    Brief, EntityDetail, brief, entity_detail, find_events, find_figures, find_quotes, list_entities, find_times,
)
from newsgraph.query.export import FORMAT_VERSION, FORMATS, KEYS, export, export_json, export_records
from newsgraph.query.log import ingest_log
from newsgraph.query.stories import StoryDetail, TimelineEntry, list_stories, story_detail, story_record
from newsgraph.query.verify import Failure, VerifyReport, verify
from newsgraph.query.network import Edge, Network, Node, network
from newsgraph.query.timeline import KINDS as timeline_kinds, TimelineItem, timeline

__all__ = [
    "article_detail", "ArticleDetail", "Brief", "brief", "Edge", "entity_detail", "EntityDetail",
    "export", "export_json", "export_records", "Failure", "find_articles", "find_events",
    "find_figures", "find_quotes", "find_times", "FORMAT_VERSION", "FORMATS", "ingest_log", "KEYS",
    "list_entities", "list_stories", "Network", "network", "Node", "story_detail", "story_record",
    "StoryDetail", "timeline", "timeline_kinds", "TimelineEntry", "TimelineItem", "verify",
    "VerifyReport",
]
