"""The store: the only package that holds SQL or imports duckdb. Versioned schema, single writer.

One DuckDB file holds a knowledge base. ``open_store`` opens it (creating and migrating it when
opened for writing); ``write_batch`` is the one writer; the ``read_*``/``list_*`` functions are
what ``query`` builds on.
"""

from newsgraph.store.articles import ArticleFilter, article_texts, count_articles, existing_ids, get_article, list_articles
from newsgraph.store.checks import SpanRow, counts, invariant_failures, span_rows
from newsgraph.store.connection import Store, open_store
from newsgraph.store.duplicates import copies_of, duplicate_record, read_duplicates
from newsgraph.store.entities import cooccurring, find_entity_ids, read_entities
from newsgraph.store.export import write_records
from newsgraph.store.facts import (
    read_article_facts, read_events, read_figures, read_local_entities, read_main_events,
    read_mentions, read_quotes, read_times,
)
from newsgraph.store.log import LogEntry, read_log
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.signatures import PriorMatches, Signature, prior_matches
from newsgraph.store.stories import StoryContext, StoryFilter, find_story, list_stories, read_stories, story_context, story_stats
from newsgraph.store.versions import ArticleVersion, Stored, Update, read_versions, same_source, source_key
from newsgraph.store.writer import Batch, finish_run, start_run, write_batch

__all__ = [
    "ArticleFilter", "ArticleVersion", "Stored", "Update", "read_versions", "same_source", "source_key", "Batch", "LogEntry", "PriorMatches", "SCHEMA_VERSION", "Signature", "SpanRow",
    "Store", "StoryContext", "StoryFilter", "article_texts", "cooccurring", "copies_of", "count_articles", "counts", "duplicate_record",
    "existing_ids", "find_story", "find_entity_ids", "finish_run", "get_article", "invariant_failures", "list_articles", "list_stories", "open_store",
    "prior_matches", "read_article_facts", "read_duplicates", "read_entities", "read_events",
    "read_figures", "read_local_entities", "read_log", "read_main_events", "read_mentions",
    "read_quotes", "read_stories", "read_times", "span_rows", "story_context", "story_stats", "start_run", "write_batch",
    "write_records",
]
